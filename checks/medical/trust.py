"""Trust signals on medical pages: who wrote or reviewed it, when, on what sources, and a reminder
that it is not personal medical advice (the questions MedlinePlus teaches patients to ask)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from checks.medical.example_html import TRUSTED_FOOTER, doc
from checks.medical.lexicon import Lexicon, lexicon
from checks.medical.prefilter import TextIndex, gate_set, page_index
from checks.medical.scope import is_medical_page
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity, Source

AUTHOR_KEYS = ("reviewedBy", "author", "creator", "editor")
DATE_KEYS = ("lastReviewed", "dateModified", "datePublished", "dateCreated")
DATE_META = ("article:modified_time", "article:published_time", "last-modified", "date", "dc.date",
             "dcterms.modified", "dcterms.date", "og:updated_time")

SIGNALS = {
    "reviewer": "no named author or medical reviewer",
    "date": "no last-reviewed or updated date",
    "citations": "no citation of an authoritative source",
    "disclaimer": "no disclaimer that the page is not personal medical advice",
}
FIXES = {
    "reviewer": 'add a byline such as "Medically reviewed by <name>, <credentials>"',
    "date": 'add "Last reviewed: <month day, year>"',
    "citations": "link the claims to authoritative sources (CDC, NIH, MedlinePlus, FDA labels, peer-reviewed studies)",
    "disclaimer": 'add "This page is for general information and is not a substitute for advice from your doctor."',
}


def _has_name(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return _has_name(value.get("name"))
    if isinstance(value, list):
        return any(_has_name(v) for v in value)
    return False


def _all_text(page: Page) -> str:
    return "\n".join([page.main_text, page.footer_text])


_TEXT_PATTERNS = ("byline", "date", "disclaimer")


def _in_text(page: Page, lex: Lexicon, name: str) -> bool:
    """Whether the lexicon's ``name`` pattern (byline, date or disclaimer) occurs in the page's
    text, footer included. The word prefilter rules most pages out without running it."""
    cached = page.cache.get("medical.trust_text")
    if cached is None:
        index = TextIndex.join([page_index(page), TextIndex.of(page.footer_text)])
        cached = page.cache["medical.trust_text"] = (_all_text(page), index)
    text, index = cached
    i = _TEXT_PATTERNS.index(name)
    gates = gate_set(lex, "trust", lambda: [getattr(lex, n) for n in _TEXT_PATTERNS])
    pattern: re.Pattern[str] = getattr(lex, name)
    return gates.gates[i].may_match(index) and bool(pattern.search(text))


def _has_reviewer(page: Page, lex: Lexicon) -> bool:
    if any(_has_name(item.get(k)) for item in page.jsonld_items() for k in AUTHOR_KEYS):
        return True
    if any(v.strip() for v in page.meta.get("author", [])) or any("author" in link.rel for link in page.links):
        return True
    return _in_text(page, lex, "byline")


def _has_date(page: Page, lex: Lexicon) -> bool:
    if any(isinstance(item.get(k), str) and item.get(k).strip() for item in page.jsonld_items() for k in DATE_KEYS):
        return True
    if any(v.strip() for key in DATE_META for v in page.meta.get(key, [])):
        return True
    return _in_text(page, lex, "date")


@lru_cache(maxsize=8192)
def _authoritative(url: str, hosts: tuple[str, ...]) -> bool:
    """Whether an absolute link points to one of ``hosts`` (memoised: links repeat across pages)."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return any(host == h.lstrip(".") or host.endswith(h if h.startswith(".") else "." + h) for h in hosts)


def _has_citations(page: Page, lex: Lexicon) -> bool:
    if any(item.get("citation") for item in page.jsonld_items()):
        return True
    for link in page.links:
        if link.tag == "a" and link.url and link.url.startswith(("http://", "https://")):
            if _authoritative(link.url, lex.authoritative_hosts):
                return True
    # A "References" section with at least one entry.
    blocks = page.blocks
    for i, b in enumerate(blocks):
        if b.is_heading and lex.references_heading.match(b.text) and i + 1 < len(blocks) and not blocks[i + 1].is_heading:
            return True
    return False


def missing_signals(page: Page) -> list[str]:
    lex = lexicon()
    checks = {
        "reviewer": _has_reviewer,
        "date": _has_date,
        "citations": _has_citations,
        "disclaimer": lambda p, x: _in_text(p, x, "disclaimer"),
    }
    return [name for name, present in checks.items() if not present(page, lex)]


def check_trust(page: Page, site: Any) -> Iterable[Finding]:
    if not is_medical_page(page):
        return
    missing = missing_signals(page)
    if not missing:
        return
    h1 = next((b for b in page.blocks if b.kind == "h1"), None)
    excerpt = h1.text if h1 else (page.title or "")
    yield TRUST.finding(
        page,
        "Medical page without trust signals: " + "; ".join(SIGNALS[m] for m in missing) + ".",
        excerpt=excerpt,
        block=h1,
        line=h1.line if h1 else page.title_line,
        suggestion="To fix: " + "; ".join(FIXES[m] for m in missing) + ". schema.org MedicalWebPage "
        "with reviewedBy and lastReviewed also counts.",
        data={"missing": missing},
    )


# A careful patient-education paragraph shared by the examples: only the trust signals differ.
_CARPAL_TUNNEL = (
    "<p>Carpal tunnel syndrome is pressure on the median nerve in the wrist. It causes numbness, "
    "tingling and weakness in the hand. Symptoms are often worse at night. A wrist splint, rest "
    "and changes in how you use your hands may ease the symptoms. Steroid injections can reduce "
    "swelling for a while. When symptoms are severe or do not improve, surgery to release the "
    "ligament that presses on the nerve may be an option. Your doctor will examine your hand, may "
    "order nerve conduction tests and will talk with you about the benefits and risks of each "
    "treatment. Many people improve with simple measures, and early treatment helps protect the "
    "nerve from lasting damage. Diabetes, arthritis and pregnancy can raise the risk.</p>"
)


TRUST = Rule(
    id="medical.trust-signals",
    title="Medical page lacks trust signals",
    severity=Severity.NOTICE,
    what="A medical page (one about conditions or treatments) without a named author or medical reviewer, "
    "a last-reviewed or updated date, citations to authoritative sources, or a disclaimer. schema.org "
    "MedicalWebPage reviewedBy / lastReviewed and author/date meta tags count.",
    why="Patients (and search engines) judge health information by who stands behind it, how current it "
    "is and what it rests on; MedlinePlus teaches patients to look for exactly these.",
    fix="Add a reviewer byline, a review date, links to the sources and a short disclaimer.",
    bad=(
        Example.of({"conditions/carpal-tunnel/index.html": doc(
            "<h1>Carpal tunnel syndrome</h1>"
            "<p>Carpal tunnel syndrome is pressure on the median nerve in the wrist. It causes numbness, "
            "tingling and weakness in the hand. Symptoms are often worse at night. A wrist splint, rest "
            "and changes in how you use your hands may ease the symptoms. Steroid injections can reduce "
            "swelling for a while. When symptoms are severe or do not improve, surgery to release the "
            "ligament that presses on the nerve may be an option. Diabetes, arthritis and pregnancy can "
            "raise the risk, and early treatment helps protect the nerve.</p>")}),
        Example.of({"conditions/carpal-tunnel.html": doc(
            "<h1>Carpal tunnel syndrome</h1>"
            + _CARPAL_TUNNEL)}),
    ),
    good=(
        Example.of({"conditions/carpal-tunnel.html": doc(
            "<h1>Carpal tunnel syndrome</h1>"
            + _CARPAL_TUNNEL
            + TRUSTED_FOOTER)}),
        Example.of({"conditions/carpal-tunnel/index.html": doc(
            "<h1>Carpal tunnel syndrome</h1>"
            "<p>Carpal tunnel syndrome is pressure on the median nerve in the wrist. It causes numbness, "
            "tingling and weakness in the hand. Symptoms are often worse at night. A wrist splint, rest "
            "and changes in how you use your hands may ease the symptoms. Steroid injections can reduce "
            "swelling for a while. When symptoms are severe or do not improve, surgery to release the "
            "ligament that presses on the nerve may be an option. Diabetes, arthritis and pregnancy can "
            "raise the risk, and early treatment helps protect the nerve.</p>"
            "<p>Written by Dr. Ana Ruiz, MD. Last updated: Jan. 15, 2025</p>"
            '<p>Further reading: <a href="https://medlineplus.gov/carpaltunnelsyndrome.html">MedlinePlus</a>.</p>'
            "<p>This article is for education. It isn't a diagnosis or a treatment plan.</p>")}),
        Example.of({"contact.html": doc(
            "<h1>Contact us</h1><p>Call (704) 555-0100 or visit us at 100 Main Street, Charlotte. Our pain "
            "doctors treat nerve pain, migraine, arthritis and back injuries, and our therapy team helps "
            "patients with chronic conditions and symptoms after surgery. Parking is free, and the office is "
            "on the second floor, next to the pharmacy. We are open Monday to Friday from 8 to 5, and we "
            "answer messages from patients within one business day.</p>")}),
    ),
    check=check_trust,
    confidence="high",
    source=Source("MedlinePlus Guide to Healthy Web Surfing (NIH/NLM)", "https://medlineplus.gov/webeval/webeval.html"),
)

RULES = (TRUST,)
