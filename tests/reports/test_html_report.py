"""The HTML report opened in real headless Chromium: the overview renders, filters and sorting
work, the page view highlights the excerpt, and hostile text from a crawled page stays text.

The site is served on 127.0.0.1 and crawled over real HTTP; one of its pages plants a
``<script>``, an ``onerror=`` handler and a ``</textarea>`` in its title and paragraphs."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

import reports.html as reports_html
from reports.html import EARLY_JS, csp_hash, render
from seotool.audit import AuditOptions, run_audit
from tests.reports.conftest import PAYLOAD_SCRIPT, fixture_config, write_site
from tests.reports.fixture_rules import fixture_registry
from tests.support.server import serve

CHROMIUM = os.environ.get("SEOTOOL_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = write_site(tmp_path_factory.mktemp("served"))
    with serve(static_root=root) as srv:
        result = run_audit([srv.url("/")], fixture_config({"crawl": {"delay": 0.0}}), fixture_registry(),
                           AuditOptions(quiet=True))
    result["fail_on"] = "error"
    assert any(p["url"].endswith("/evil.html") and p["state"] == "fetched" for p in result["pages"])
    return result


@pytest.fixture(scope="module")
def report_file(crawled, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render(crawled), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium) or set SEOTOOL_CHROMIUM")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=5000)

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


class Opened:
    """A report open in a tab, with everything the page reported while loading."""

    def __init__(self, browser, path: Path, fragment: str = "", width: int = 1280) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.console: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.console.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.add_init_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
        self.page.goto(path.as_uri() + fragment)

    def visible_rows(self) -> int:
        return self.page.locator("#findings-table tbody tr:visible").count()


@pytest.fixture
def opened(browser, report_file):
    tabs: list[Opened] = []

    def open_(fragment: str = "", width: int = 1280) -> Opened:
        tab = Opened(browser, report_file, fragment, width)
        tabs.append(tab)
        return tab

    yield open_
    for t in tabs:
        t.page.close()


def test_overview_renders_with_counts_and_charts(opened, crawled, tmp_path):
    tab = opened()
    page = tab.page
    assert page.locator("#overview").is_visible()
    assert not page.locator("#findings").is_visible()  # one view at a time
    stats = page.locator(".stat").all_inner_texts()
    sev = crawled["summary"]["by_severity"]
    assert any(s.split()[0] == str(sev["error"]) and "errors" in s for s in stats)
    fetched = sum(1 for p in crawled["pages"] if p["state"] == "fetched")
    assert any(s.split()[0] == str(fetched) and "pages audited" in s for s in stats)
    assert page.locator("#chart-families .hbar").count() == len(crawled["summary"]["by_family"])
    assert page.locator("#chart-grades svg rect").count() >= 1
    assert page.locator("#chart-worst .hbar").count() >= 1
    # the failed URL (guide.md is served as a download, not HTML) is listed, not lost
    assert page.locator("#not-fetched").count() == 1

    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    out = REPO / "out" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(shot, out / "report.png")
    assert not tab.errors, tab.errors


def test_filtering_by_family_changes_the_visible_rows(opened, crawled):
    tab = opened("#findings")
    page = tab.page
    total = len(crawled["findings"])
    assert tab.visible_rows() == total
    page.select_option("#f-family", "medical")
    medical = sum(1 for f in crawled["findings"] if f["family"] == "medical")
    assert 0 < medical < total
    assert tab.visible_rows() == medical
    assert page.locator("#f-count").inner_text() == f"{medical} of {total} findings"
    assert all(t.strip() == "medical.test-absolute-claim" for t in
               page.locator("#findings-table tbody tr:visible .rule-id").all_inner_texts())
    page.select_option("#f-severity", "notice")  # filters combine
    assert tab.visible_rows() == 0 and page.locator("#f-none").is_visible()
    page.click("#f-reset")
    # (the report's CSP forbids eval, so wait with a locator rather than wait_for_function)
    expect(page.locator("#findings-table tbody tr:visible")).to_have_count(total)


def test_search_and_chart_links_filter_too(opened, crawled):
    tab = opened()
    page = tab.page
    page.locator("#chart-families .hbar", has_text="readability").click()
    expect(page.locator("#findings")).to_be_visible()
    assert page.locator("#f-family").input_value() == "readability"
    assert tab.visible_rows() == sum(1 for f in crawled["findings"] if f["family"] == "readability")
    page.click("#f-reset")
    expect(page.locator("#findings-table tbody tr:visible")).to_have_count(len(crawled["findings"]))
    page.fill("#f-q", "guaranteed")
    assert tab.visible_rows() == sum(1 for f in crawled["findings"] if "guaranteed" in f["excerpt"])


def test_columns_sort(opened):
    page = opened("#findings").page
    page.click("th button[data-sort-col='3']")  # line, ascending
    lines = [int(t or 0) for t in page.locator("#findings-table tbody tr td:nth-child(4)").all_inner_texts()]
    assert lines == sorted(lines)
    page.click("th button[data-sort-col='3']")
    lines = [int(t or 0) for t in page.locator("#findings-table tbody tr td:nth-child(4)").all_inner_texts()]
    assert lines == sorted(lines, reverse=True)
    assert page.locator("th[aria-sort=descending]").count() == 1


def test_page_view_shows_the_highlighted_excerpt_with_why_and_fix(opened, crawled):
    tab = opened("#findings")
    page = tab.page
    # the home page's claim: the first (and only) finding of its rule on that page
    row = page.locator("#findings-table tbody tr[data-page$='/']", has_text="Absolute claim: “cures”")
    row.locator("a.finding-link").click()
    expect(page.locator("#pages")).to_be_visible()
    card = page.locator(".finding:target")
    expect(card).to_be_visible()
    expect(card.locator("mark")).to_be_visible()
    expect(card.locator("mark")).to_have_text(re.compile("^cures$", re.I))
    context = card.locator("blockquote.context").inner_text()
    assert "cures" in context and len(context) > len("cures") + 10  # the paragraph around it
    assert "mislead patients" in card.text_content()  # why it matters
    assert "Describe typical outcomes" in card.text_content()  # how to fix
    assert card.locator("a[href='https://www.cdc.gov/']").count() == 1  # the source
    card.locator("a[href^='#rule-']").first.click()
    expect(page.locator("#rule-medical\\.test-absolute-claim")).to_be_visible()


def test_repeated_rule_on_a_page_links_to_the_first_explanation(opened, crawled):
    page = opened("#pages").page
    evil = page.locator("article.page", has_text="Patient stories")
    claims = evil.locator(".finding", has_text="medical.test-absolute-claim")
    expect(claims).to_have_count(2)
    assert "mislead patients" in claims.nth(0).text_content()
    second = claims.nth(1)
    assert "mislead patients" not in second.text_content()
    first_id = claims.nth(0).get_attribute("id")
    assert second.locator(f"a[href='#{first_id}']").count() == 1


def test_planted_script_in_a_crawled_page_did_not_run(opened, crawled):
    tab = opened()
    page = tab.page
    for view in ("#findings", "#pages", "#rules"):
        page.click(f".tabs a[href='{view}']")
        expect(page.locator(view)).to_be_visible()
    assert page.evaluate("window.__pwned") is None
    assert page.title().startswith("seotool report")
    assert "PWNED" not in page.title()
    # the payloads are on the page as text, not as elements
    page.click(".tabs a[href='#pages']")
    expect(page.locator("#pages")).to_be_visible()
    body_text = page.locator("body").text_content()
    assert PAYLOAD_SCRIPT in body_text
    assert "</textarea></table></div><h1>broken layout</h1>" in body_text
    assert page.locator("img").count() == 0
    assert page.locator("h1", has_text="broken layout").count() == 0
    assert page.locator("script").count() == 2  # ours: the early class marker and the report script
    assert page.evaluate("window.__csp") == []  # our own style and script are allowed by their hashes
    assert page.evaluate("document.documentElement.classList.contains('js')")
    # nothing was loaded from anywhere: the report is self-contained
    assert all(u.startswith("file://") for u in tab.requests), tab.requests
    assert not tab.errors, tab.errors


def test_readable_on_a_phone(opened, tmp_path):
    tab = opened("#findings", width=390)
    page = tab.page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("#findings-table thead").is_hidden()  # rows become cards
    page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)


def test_print_shows_every_view(opened):
    page = opened().page
    page.emulate_media(media="print")
    for view in ("#overview", "#findings", "#pages", "#rules"):
        assert page.locator(view).is_visible(), view
    assert page.locator(".tabs").is_hidden()


# -- without a browser: the markup itself -----------------------------------------------------


def test_every_page_derived_string_is_escaped(crawled):
    html = render(crawled)
    soup = BeautifulSoup(html, "html.parser")
    scripts = [s.string for s in soup.find_all("script")]
    assert scripts == [EARLY_JS, (Path(reports_html.__file__).parent / "static" / "report.js").read_text()]
    assert not soup.find_all("img")
    assert not [a for tag in soup.find_all(True) for a in tag.attrs if a.lower().startswith("on")]
    assert "&lt;script&gt;window.__pwned" in html
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert f"script-src {csp_hash(scripts[0])} {csp_hash(scripts[1])};" in csp


def test_hostile_file_names_and_urls_stay_text(result, tmp_path):
    evil_url = '"><img src=x onerror=alert(1)>.html'
    for f in result["findings"][:2]:
        f["url"] = evil_url
        f["source"] = {"name": "click", "url": "javascript:alert(1)"}
    result["pages"].append({"url": evil_url, "state": "fetched", "title": "<b>t</b>"})
    html = render(result)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all("img") and not soup.find_all("b")
    assert not soup.find_all("a", href=re.compile("^javascript:", re.I))
    assert any(row.get("data-page") == evil_url for row in soup.select("tr.finding-row"))


def test_baseline_new_findings_are_marked_and_filterable(browser, crawled, tmp_path):
    result = json.loads(json.dumps(crawled))
    for f in result["findings"]:
        f["new"] = f["rule"] == "readability.test-long-sentence"
    result["baseline"] = {"path": ".seotool-baseline.json", "new": 1, "known": len(result["findings"]) - 1, "fixed": 2}
    path = tmp_path / "report.html"
    path.write_text(render(result), encoding="utf-8")
    tab = Opened(browser, path, "#findings")
    try:
        page = tab.page
        assert page.locator("#findings-table .badge-new").count() == 1
        assert "new since baseline" in page.locator("#overview").text_content()
        page.check("#f-new")
        expect(page.locator("#findings-table tbody tr:visible")).to_have_count(1)
        assert "Sentence of" in page.locator("#findings-table tbody tr:visible").inner_text()
        # the known errors are in the baseline and the only new finding is a warning
        assert page.locator(".verdict").inner_text() == "Passes at --fail-on error"
    finally:
        tab.page.close()
