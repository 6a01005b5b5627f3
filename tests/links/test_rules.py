"""The links rules end to end: a local folder whose pages link to a real server on 127.0.0.1
(the "other site"), audited with the network on. Each case asserts the probe state and the finding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checks import registry
from seotool.audit import AuditOptions, run_audit
from tests.links.helpers import config
from tests.support.server import Response, page, redirect, reset, sequence, serve, slow, status

PAGE = """<!doctype html>
<html><head><title>{title}</title>{head}</head>
<body><nav><a href="/">Home</a></nav>
<main><h1>{title}</h1>
<h2>Patient resources</h2>
{body}
</main></body></html>
"""


def write(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def audit(root: Path, extra: dict[str, Any] | None = None, offline: bool = False) -> dict[str, Any]:
    """Audit ``root`` as the build of an http site (so links to the plain-http test server are not
    'insecure'), unless ``extra`` says otherwise."""
    extra = {"site": {"url": "http://clinic.example"}, **(extra or {})}
    return run_audit([str(root)], config(extra), registry(), AuditOptions(families=["links"], offline=offline, quiet=True))


def findings(result: dict[str, Any], rule: str | None = None) -> list[dict[str, Any]]:
    return [f for f in result["findings"] if rule is None or f["rule"] == rule]


def one_link_site(tmp_path: Path, href: str, text: str = "the link", extra: dict | None = None,
                  head: str = "", tag: str | None = None) -> dict[str, Any]:
    body = tag or f'<p>Read <a href="{href}">{text}</a> first.</p>'
    write(tmp_path, {"index.html": PAGE.format(title="Home", head=head, body=body)})
    return audit(tmp_path, extra)


@pytest.fixture(scope="module")
def other():
    """The "other site": every state the issue lists, on one server."""
    routes = {
        "/ok": page("<p>fine</p>"),
        "/moved": redirect("/ok", 301),
        "/temp": redirect("/ok", 302),
        "/c1": redirect("/c2", 302), "/c2": redirect("/c3", 301), "/c3": page("end"),
        "/loop1": redirect("/loop2", 301), "/loop2": redirect("/loop1", 301),
        "/gone": status(410), "/boom": status(500),
        "/busy": sequence(Response(status=429, headers={"Retry-After": "1"}), page("ok")),
        "/slow": slow(1.5),
        "/rst": reset(),
        "/nohead": Response(body="<p>get only</p>", methods=("GET",)),
        "/cf": Response(status=403, headers={"Server": "cloudflare", "CF-Ray": "8a1b-CLT", "cf-mitigated": "challenge"}),
        "/li": Response(status=999),
        "/doc": page('<h2 id="insurance">Insurance</h2>'),
        "/intake.pdf": Response(body=b"%PDF-1.4", content_type="application/pdf"),
    }
    with serve(routes) as srv:
        yield srv


def test_200_has_no_finding(tmp_path, other):
    assert findings(one_link_site(tmp_path, other.url("/ok"))) == []


def test_301_to_200_is_a_redirect_notice(tmp_path, other):
    [f] = findings(one_link_site(tmp_path, other.url("/moved"), "our partner"))
    assert f["rule"] == "links.redirect" and f["severity"] == "notice"
    assert other.url("/ok") in f["suggestion"]
    assert f["excerpt"] == "our partner"


def test_single_temporary_redirect_is_not_reported(tmp_path, other):
    assert findings(one_link_site(tmp_path, other.url("/temp"))) == []


def test_302_chain(tmp_path, other):
    [f] = findings(one_link_site(tmp_path, other.url("/c1")))
    assert f["rule"] == "links.redirect-chain"
    assert "2 redirects" in f["message"] and other.url("/c3") in f["message"]


def test_redirect_loop(tmp_path, other):
    [f] = findings(one_link_site(tmp_path, other.url("/loop1")))
    assert f["rule"] == "links.redirect-loop" and f["severity"] == "error"


@pytest.mark.parametrize(("path", "code"), [("/nothing-here", "404 Not Found"), ("/gone", "410 Gone"),
                                            ("/boom", "500 Internal Server Error")])
def test_broken_statuses(tmp_path, other, path, code):
    result = one_link_site(tmp_path, other.url(path), "insurance page")
    [f] = findings(result)
    assert f["rule"] == "links.broken-link" and f["severity"] == "error"
    assert code in f["message"]
    assert f["url"] == "index.html" and f["line"] == 6
    assert f["excerpt"] == "insurance page"
    assert f["element"] == f'<a href="{other.url(path)}">'
    assert f["section"] == "Home > Patient resources"
    assert result["summary"]["links"]["broken"][0]["url"] == other.url(path)


def test_429_with_retry_after_then_200_is_fine(tmp_path, other):
    assert findings(one_link_site(tmp_path, other.url("/busy"))) == []


def test_timeout_is_unreachable(tmp_path, other):
    [f] = findings(one_link_site(tmp_path, other.url("/slow")))
    assert f["rule"] == "links.unreachable" and "did not answer in time" in f["message"]


def test_reset_connection_is_unreachable(tmp_path, other):
    [f] = findings(one_link_site(tmp_path, other.url("/rst"), extra={"links": {"max_retries": 0}}))
    assert f["rule"] == "links.unreachable" and "dropped the connection" in f["message"]


def test_head_405_then_get_200_is_fine(tmp_path, other):
    assert findings(one_link_site(tmp_path, other.url("/nohead"))) == []


@pytest.mark.parametrize("path", ["/cf", "/li"])
def test_bot_protection_is_could_not_verify_not_broken(tmp_path, other, path):
    [f] = findings(one_link_site(tmp_path, other.url(path)))
    assert f["rule"] == "links.could-not-verify" and f["severity"] == "notice"


def test_external_fragments_only_when_enabled(tmp_path, other):
    body = f'<p><a href="{other.url("/doc#insurance")}">ok</a> <a href="{other.url("/doc#fees")}">fees</a></p>'
    write(tmp_path, {"index.html": PAGE.format(title="Home", head="", body=body)})
    assert findings(audit(tmp_path)) == []
    [f] = findings(audit(tmp_path, {"links": {"external_fragments": True}}))
    assert f["rule"] == "links.missing-fragment" and "#fees" in f["message"]


def test_internal_fragments_present_and_missing(tmp_path):
    write(tmp_path, {
        "index.html": PAGE.format(title="Home", head="", body='<p><a href="fees.html#insurance">Insurance</a> '
                                  '<a href="fees.html#hours">Hours</a> <a href="#resources">Up</a></p>'
                                  '<div id="resources"></div>'),
        "fees.html": PAGE.format(title="Fees", head="", body='<h2 id="insurance">Insurance</h2>'),
    })
    result = audit(tmp_path, offline=True)
    [f] = findings(result)
    assert f["rule"] == "links.missing-fragment" and f["excerpt"] == "Hours"
    assert f["element"] == '<a href="fees.html#hours">'


def test_base_href_is_respected(tmp_path):
    write(tmp_path, {
        "index.html": PAGE.format(title="Home", head='<base href="/resources/">',
                                  body='<p><a href="forms.html">Forms</a> <a href="map.html">Map</a></p>'),
        "resources/forms.html": PAGE.format(title="Forms", head="", body="<p>forms</p>"),
        "forms.html": PAGE.format(title="Decoy", head="", body="<p>not this one</p>"),
    })
    [f] = findings(audit(tmp_path, offline=True))
    assert f["rule"] == "links.broken-link" and "resources/map.html" in f["message"]


def test_srcset_candidates_are_each_checked(tmp_path):
    write(tmp_path, {"index.html": PAGE.format(title="Home", head="",
                                               body='<p><img src="a.png" srcset="a.png 1x, a@2x.png 2x" alt="Map"></p>'),
                     "a.png": "png"})
    [f] = findings(audit(tmp_path, offline=True))
    assert f["rule"] == "links.broken-link" and f["element"] == '<img srcset="a@2x.png">'


def test_protocol_relative_link_takes_the_page_scheme(tmp_path, other):
    href = "//" + other.url("/missing-logo.png").split("://", 1)[1]
    [f] = findings(one_link_site(tmp_path, href, tag=f'<p><img src="{href}" alt="logo"></p>'))
    assert f["rule"] == "links.broken-link" and other.url("/missing-logo.png") in f["message"]


def test_relative_links_resolve_against_the_page(tmp_path):
    write(tmp_path, {
        "conditions/pain.html": PAGE.format(title="Pain", head="",
                                            body='<p><a href="../contact.html">Contact</a> <a href="./faq.html">FAQ</a></p>'),
        "contact.html": PAGE.format(title="Contact", head="", body="<p>call</p>"),
        "index.html": PAGE.format(title="Home", head="", body="<p>hi</p>"),
    })
    result = audit(tmp_path, offline=True)
    broken = findings(result, "links.broken-link")
    assert [(f["url"], f["excerpt"]) for f in broken] == [("conditions/pain.html", "FAQ")]
    assert "conditions/faq.html" in broken[0]["message"]


def test_link_to_a_pdf_is_checked_and_fine(tmp_path, other):
    assert findings(one_link_site(tmp_path, other.url("/intake.pdf"), "intake form")) == []
    assert findings(one_link_site(tmp_path, other.url("/missing.pdf"), "old form"), "links.broken-link")


def test_tel_mailto_javascript_links(tmp_path):
    body = ('<p><a href="tel:+17045550142">Call</a> <a href="tel:555-01">Call us</a> '
            '<a href="mailto:frontdesk@clinic.example.org">Email</a> <a href="mailto:frontdesk@clinic">Mail us</a> '
            '<a href="javascript:void(0)">Book</a></p>')
    write(tmp_path, {"index.html": PAGE.format(title="Home", head="", body=body)})
    found = findings(audit(tmp_path, offline=True))
    assert sorted((f["rule"], f["excerpt"]) for f in found) == [
        ("links.malformed-link", "Book"), ("links.malformed-link", "Call us"), ("links.malformed-link", "Mail us")]


def test_offline_external_links_are_not_reported(tmp_path):
    write(tmp_path, {"index.html": PAGE.format(title="Home", head="", body='<p><a href="https://example.org/x">x</a></p>')})
    result = audit(tmp_path, offline=True)
    assert findings(result) == []
    assert result["summary"]["links"]["states"] == {"not-checked": 1, "ok": 1}


def test_check_external_off_skips_other_sites(tmp_path, other):
    result = one_link_site(tmp_path, other.url("/never-asked"), extra={"links": {"check_external": False}})
    assert findings(result) == [] and other.hits["/never-asked"] == 0


def test_insecure_link_and_mixed_content(tmp_path):
    write(tmp_path, {"index.html": PAGE.format(
        title="Home", head='<link rel="stylesheet" href="http://cdn.example.org/site.css">',
        body='<p><a href="http://maps.example.org/clinic">Map</a> <a href="index.html">Home</a> '
             '<img src="/logo.png" alt="logo"></p>'), "logo.png": "png"})
    found = {f["element"]: f for f in findings(audit(tmp_path, {"site": {"url": ""}}, offline=True))}
    assert len(found) == 2  # relative links to the folder's own files take the page's https
    assert found['<a href="http://maps.example.org/clinic">']["severity"] == "warning"
    assert found['<link href="http://cdn.example.org/site.css">']["severity"] == "error"


def test_meta_refresh_and_head_resources_are_checked(tmp_path):
    write(tmp_path, {"index.html": PAGE.format(
        title="Home", head='<meta http-equiv="refresh" content="5; url=moved.html"><link rel="icon" href="favicon.ico">'
                           '<script src="app.js"></script><link rel="preconnect" href="https://fonts.example.org">',
        body="<p>hi</p>"), "app.js": "1"})
    broken = sorted(f["element"] for f in findings(audit(tmp_path, offline=True), "links.broken-link"))
    assert broken == ['<link href="favicon.ico">', '<meta http-equiv="refresh" content="0; url=moved.html">']


def test_one_finding_per_broken_url_per_page_and_summary_counts_pages(tmp_path):
    nav = '<p><a href="insurance.html">Insurance</a> <a href="insurance.html">Our insurance</a></p>'
    write(tmp_path, {f"p{i}.html": PAGE.format(title=f"P{i}", head="", body=nav) for i in range(3)})
    write(tmp_path, {"index.html": PAGE.format(title="Home", head="", body="<p>Welcome.</p>")})
    result = audit(tmp_path, offline=True)
    broken = findings(result, "links.broken-link")
    assert sorted(f["url"] for f in broken) == ["p0.html", "p1.html", "p2.html"]
    assert all("linked 2 times" in f["message"] for f in broken)
    [entry] = result["summary"]["links"]["broken"]
    assert entry["url"] == "insurance.html" and entry["pages"] == 3


def test_markdown_heading_anchors_count_as_fragment_targets(tmp_path):
    write(tmp_path, {
        "index.md": "# Home\n\nSee [insurance](fees.md#insurance-we-accept), [hours](#our-hours) and "
                    "[parking](fees.md#parking).\n\n## Our hours\n\nMon-Fri.\n",
        "fees.md": "# Fees\n\n## Insurance we accept\n\nMost plans.\n",
    })
    [f] = findings(audit(tmp_path, offline=True))
    assert f["rule"] == "links.missing-fragment" and f["excerpt"] == "parking"
    assert f["line"] == 3
