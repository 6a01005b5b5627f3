"""The local family on a crawled site: the clean fixture site served on 127.0.0.1 and crawled over
HTTP, so pages are named by absolute URLs and the home page is "/"."""

from __future__ import annotations

from seotool.rules import Example
from tests.local.support import PROFILE, edited, of, site_files
from tests.support.examples import run_example


def _crawl(files: dict[str, str]) -> list[dict]:
    ordered = dict(sorted(files.items(), key=lambda kv: kv[0] != "index.html"))  # start at the home page
    return run_example(Example(files=ordered, config=PROFILE, serve=True), ["local"])


def test_clean_site_over_http_is_clean():
    assert _crawl(site_files("clean")) == []


def test_planted_phone_and_missing_map_over_http():
    files = edited(site_files("clean"), {
        "conditions/sciatica.html": ('<a href="tel:+16145550187">(614) 555-0187</a> · Fax',
                                     '<a href="tel:+16145550199">(614) 555-0199</a> · Fax'),
        "contact.html": ('<iframe src="https://www.google.com/maps/embed?pb=riverbend" title="Map to Riverbend Spine '
                         'and Pain"></iframe>\n<p><a href="https://maps.apple.com/?address=220+W+Spring+St,Columbus,OH">'
                         'Open in Apple Maps</a></p>', ""),
    })
    findings = _crawl(files)
    mismatch = of(findings, "local.nap-mismatch")
    assert [f["excerpt"] for f in mismatch] == ["(614) 555-0199"]
    assert mismatch[0]["url"].startswith("http://127.0.0.1:") and mismatch[0]["url"].endswith("/conditions/sciatica.html")
    assert [f["url"].rsplit("/", 1)[-1] for f in of(findings, "local.contact-no-map")] == ["contact.html"]
