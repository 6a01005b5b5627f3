"""local.city-missing and local.service-area-page-missing."""

from __future__ import annotations

from tests.local.support import CLINIC, clean_with, html, of


def _elements(findings):
    return {f["element"]: f for f in of(findings, "local.city-missing")}


def test_service_page_by_url_segment_without_the_city():
    page = html("<h1>Radiofrequency Ablation</h1><p>How it works.</p>",
                title="Radiofrequency Ablation | Riverbend Spine &amp; Pain",
                description="Radiofrequency ablation quiets the nerves that carry arthritis pain.")
    found = _elements(clean_with({"treatments/rfa.html": page}))
    assert set(found) == {"<title>", "<h1>", '<meta name="description">'}
    assert found["<title>"]["excerpt"] == "Radiofrequency Ablation | Riverbend Spine & Pain"
    assert found["<title>"]["suggestion"] == "Radiofrequency Ablation in Columbus, OH | Riverbend Spine & Pain"
    assert found["<h1>"]["excerpt"] == "Radiofrequency Ablation"
    assert found["<h1>"]["suggestion"] == "Radiofrequency Ablation in Columbus, OH"
    assert all(f["url"] == "treatments/rfa.html" for f in found.values())


def test_condition_page_missing_the_city_in_the_h1_only():
    found = _elements(clean_with({"conditions/sciatica.html": (
        "<h1>Sciatica treatment in Columbus, OH</h1>", "<h1>Sciatica treatment</h1>")}))
    assert list(found) == ["<h1>"]
    assert found["<h1>"]["excerpt"] == "Sciatica treatment"


def test_state_or_service_area_city_is_enough():
    page = html("<h1>Nerve blocks for Westerville patients</h1>", title="Nerve Blocks in Ohio",
                description="Nerve blocks near Westerville.")
    assert _elements(clean_with({"services/nerve-blocks.html": page})) == {}


def test_configured_service_in_the_h1_makes_a_service_page():
    page = html("<h1>Epidural steroid injections</h1><p>What to expect.</p>", title="Epidural Steroid Injections",
                description="What to expect from an epidural steroid injection.")
    found = _elements(clean_with({"esi.html": page}))
    assert set(found) == {"<title>", "<h1>", '<meta name="description">'}


def test_markdown_front_matter_type_makes_a_condition_page():
    md = "---\ntitle: Migraine\ndescription: Migraine care.\ntype: condition\n---\n# Migraine\n\nText.\n"
    found = _elements(clean_with({"pages/migraine.md": md}))
    assert found["<title>"]["excerpt"] == "Migraine"
    assert found["<h1>"]["excerpt"] == "Migraine"


def test_extra_service_segment_from_config():
    page = html("<h1>Physical rehabilitation</h1>", title="Physical rehabilitation", description="Rehab.")
    assert _elements(clean_with({"programs/rehab.html": page})) == {}
    config = {"clinic": CLINIC, "local": {"service_page_segments": ["programs"]}}
    assert set(_elements(clean_with({"programs/rehab.html": page}, config))) == {
        "<title>", "<h1>", '<meta name="description">'}


def test_other_pages_are_not_service_pages():
    page = html("<h1>Our team</h1>", title="Our team", description="Meet the team.")
    assert _elements(clean_with({"about/team.html": page, "blog/news.html": page})) == {}


def test_service_area_city_without_a_page():
    findings = of(clean_with({"areas/westerville.html": None}), "local.service-area-page-missing")
    assert [(f["excerpt"], f["url"], f["element"]) for f in findings] == [
        ("Westerville", "", "[clinic] service_area")]
    assert "Westerville, OH" in findings[0]["message"]


def test_service_area_page_found_by_title_or_h1():
    page = html("<h1>Serving Westerville</h1>", title="Pain care near Westerville")
    assert of(clean_with({"areas/westerville.html": None, "locations/north.html": page}),
              "local.service-area-page-missing") == []


def test_no_service_area_findings_without_a_configured_area():
    config = {"clinic": {**CLINIC, "service_area": []}}
    assert of(clean_with({"areas/westerville.html": None}, config), "local.service-area-page-missing") == []
