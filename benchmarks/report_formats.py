"""Report rendering benchmark: a synthetic audit result of N pages with F findings each, rendered
in every format; prints seconds, output size and peak RSS per format. Optionally opens the HTML
report in headless Chromium and times loading, a family filter and a sort.

    .venv/bin/python benchmarks/report_formats.py                  # 1,000 pages x 10 findings
    .venv/bin/python benchmarks/report_formats.py --pages 2000 --findings 5 --browser

Each format renders in a fresh process so peak RSS is its own."""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FAMILIES = ("medical", "readability", "links", "local", "onpage")
SEVERITIES = ("error", "warning", "notice")


def synthetic_result(pages: int, per_page: int) -> dict:
    rules = {}
    for fam in FAMILIES:
        for i in range(4):
            rid = f"{fam}.rule-{i}"
            rules[rid] = {"id": rid, "title": f"{fam} rule {i}", "family": fam, "severity": SEVERITIES[i % 3],
                          "confidence": "high", "what": "What it checks. " * 3, "why": "Why it matters. " * 3,
                          "fix": "How to fix it. " * 3, "source": {"name": "CDC", "url": "https://www.cdc.gov/"}}
    rule_ids = list(rules)
    page_entries, findings = [], []
    for p in range(pages):
        url = f"section-{p % 20}/page-{p}.html"
        page_entries.append({"url": url, "final_url": url, "state": "fetched", "status": 200, "title": f"Page {p}",
                             "word_count": 400 + p % 300,
                             "metrics": {"readability": {"grade": 6 + (p % 11), "graded": True}}})
        for j in range(per_page):
            rid = rule_ids[(p + j) % len(rule_ids)]
            context = (f"Paragraph {j} of page {p} where the treatment <b>cures</b> everything & more. " * 4).strip()
            findings.append({"rule": rid, "family": rid.split(".")[0], "severity": rules[rid]["severity"],
                             "confidence": "medium", "url": url, "message": f"Finding {j} on page {p}",
                             "excerpt": "cures", "line": 10 + j, "section": "Treatment > Results",
                             "suggestion": "Say what it does for most patients.", "source": None,
                             "fingerprint": f"{p:08x}{j:08x}", "context": context, "element": "", "data": {}})
    return {"schema_version": 1, "tool": {"name": "seotool", "version": "bench"}, "targets": ["site/"],
            "local_root": str(ROOT / "site"), "started_at": "2025-01-01T00:00:00+00:00",
            "finished_at": "2025-01-01T00:01:00+00:00", "rules": rules, "notes": [], "pages": page_entries,
            "findings": findings, "suppressed": [], "fail_on": "error",
            "summary": {"by_severity": {s: sum(1 for f in findings if f["severity"] == s) for s in SEVERITIES}}}


def _render(fmt: str, path: str, out: str, queue) -> None:
    from reports import renderer

    result = json.loads(Path(path).read_text(encoding="utf-8"))
    start = time.perf_counter()
    text = renderer(fmt)(result, {})
    seconds = time.perf_counter() - start
    Path(out).write_text(text, encoding="utf-8")
    queue.put((seconds, len(text.encode("utf-8")), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def browser_figures(html: Path) -> None:
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = b.new_page(viewport={"width": 1280, "height": 900})
        start = time.perf_counter()
        page.goto(html.as_uri(), wait_until="load")
        print(f"  browser: load {time.perf_counter() - start:.2f} s")
        page.goto(html.as_uri() + "#findings")
        start = time.perf_counter()
        page.select_option("#f-family", "links")
        print(f"  browser: filter by family {time.perf_counter() - start:.2f} s "
              f"({page.locator('#f-count').inner_text()})")
        start = time.perf_counter()
        page.click("th button[data-sort-col='2']")
        print(f"  browser: sort by page {time.perf_counter() - start:.2f} s")
        b.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--findings", type=int, default=10, help="findings per page")
    ap.add_argument("--browser", action="store_true", help="also time the HTML report in headless Chromium")
    opts = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="seotool-bench-"))
    src = tmp / "result.json"
    src.write_text(json.dumps(synthetic_result(opts.pages, opts.findings)), encoding="utf-8")
    print(f"{opts.pages} pages, {opts.pages * opts.findings} findings (audit JSON {src.stat().st_size / 1e6:.1f} MB)")
    ctx = multiprocessing.get_context("spawn")
    for fmt, ext in (("json", "json"), ("html", "html"), ("csv", "csv"), ("md", "md"), ("sarif", "sarif"),
                     ("junit", "xml")):
        queue = ctx.Queue()
        proc = ctx.Process(target=_render, args=(fmt, str(src), str(tmp / f"report.{ext}"), queue))
        proc.start()
        seconds, size, rss = queue.get()
        proc.join()
        print(f"  {fmt:<6} {seconds:6.2f} s  {size / 1e6:7.2f} MB  peak RSS {rss:6.0f} MB")
    if opts.browser:
        browser_figures(tmp / "report.html")
    print(f"files in {tmp}")


if __name__ == "__main__":
    main()
