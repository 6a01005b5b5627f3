"""Test pages for the readability family and a helper that runs a real offline audit on them."""

from __future__ import annotations

import tempfile
from html import escape
from pathlib import Path
from typing import Any

from checks import registry
from seotool.audit import AuditOptions, run_audit
from seotool.config import Config, defaults, merge

FIXTURES = Path(__file__).parent / "fixtures"
SEED_TEXT = (FIXTURES / "seed.txt").read_text(encoding="utf-8")


def seed_lines() -> list[str]:
    return [line.strip() for line in SEED_TEXT.splitlines() if line.strip()]


def is_label(line: str) -> bool:
    """Short lines without an end mark were headings on the original page (see the seeds README)."""
    return not line.endswith((".", "!", "?")) and len(line.split()) <= 8


def seed_paragraphs() -> list[str]:
    return [line for line in seed_lines() if not is_label(line)]


def seed_html() -> str:
    """The seed text as the clinic page it came from: headings, paragraphs, a menu and a footer
    written in hard words (which must not count)."""
    body = "\n".join(f"<h2>{escape(line)}</h2>" if is_label(line) else f"<p>{escape(line)}</p>" for line in seed_lines())
    return (
        "<!doctype html><html lang='en'><head><title>Neuropathic Pain | Charlotte Ketamine Center</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/x'>Comprehensive interventional anesthesiology consultations"
        "</a></nav></header><main><h1>Neuropathic Pain</h1>\n" + body + "\n</main>"
        "<footer><p>Unauthorized utilization of institutional documentation is categorically prohibited "
        "notwithstanding jurisdictional considerations.</p></footer></body></html>"
    )


def page(title: str, *blocks: str) -> str:
    """A page with a menu and footer; strings starting with '<' are HTML, others paragraphs."""
    body = "\n".join(b if b.lstrip().startswith("<") else f"<p>{escape(b)}</p>" for b in blocks)
    return (
        f"<!doctype html><html lang='en'><head><title>{escape(title)}</title></head><body>"
        "<nav><a href='/'>Home</a></nav>"
        f"<main><h1>{escape(title)}</h1>\n{body}\n</main>"
        "<footer><p>Call us.</p></footer></body></html>"
    )


def audit(files: dict[str, str], config: dict[str, Any] | None = None,
          select: list[str] | None = None) -> dict[str, Any]:
    """The audit result of ``files`` (path -> HTML) written to a temporary folder, read offline."""
    base = defaults(registry().settings())
    merged = merge(base, {"rules": {"select": select or ["readability"]}}, "test")
    merged = merge(merged, config or {}, "test config")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        return run_audit([str(root)], Config(merged), registry(), AuditOptions(offline=True, quiet=True))


def findings(result: dict[str, Any], rule: str | None = None) -> list[dict[str, Any]]:
    return [f for f in result["findings"] if rule is None or f["rule"] == rule]


def metrics(result: dict[str, Any], url: str = "index.html") -> dict[str, Any]:
    entry = next(p for p in result["pages"] if p["url"] == url)
    return entry["metrics"]["readability"]


# A clean, plainly written clinic page at about grade 6: short sentences, everyday words, a
# subheading every few paragraphs, active voice. No readability rule may fire on it.
GRADE6_PAGE = page(
    "Nerve pain",
    "Nerve pain happens when nerves are hurt or do not work the right way. It can feel like burning, "
    "tingling or sharp jolts. Many people feel it in their feet and hands first. Some people say it feels "
    "like pins and needles that never stop.",
    "This kind of pain is different from a sore back or a sprained ankle. It may not get better with the "
    "pain pills you buy at the store. That is why it helps to see a doctor who treats nerve pain each day.",
    "<h2>What causes nerve pain?</h2>",
    "High blood sugar is a common cause. Over many years, it can hurt the small nerves in your legs and "
    "feet. Shingles can also leave nerve pain behind after the rash heals. Other causes include some cancer "
    "drugs, too much alcohol and injuries.",
    "<h2>How we can help</h2>",
    "At your first visit, we ask where you feel the pain and what makes it worse. We look at your feet and "
    "test how well you feel touch. Then we talk with you about a plan that fits your life.",
    "Your plan may include medicine, gentle exercise and ways to sleep better. Some people try ketamine "
    "when other care has not worked. We will tell you what to expect and answer your questions.",
    "<h2>What you can do at home</h2>",
    "<ul><li>Keep your blood sugar in the range your doctor gives you.</li>"
    "<li>Walk a little each day if you can.</li><li>Check your feet for cuts each night.</li></ul>",
    "Call us if the pain keeps you up at night or if a cut on your foot will not heal.",
)
