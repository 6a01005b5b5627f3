"""The NAP profile: from [clinic], or inferred from the site with a note in the report."""

from __future__ import annotations

import re

from tests.local.support import audit, edited, html, of, site_files

NO_PROFILE: dict = {}


def _without_jsonld(files: dict[str, str]) -> dict[str, str]:
    return {k: re.sub(r'<script type="application/ld\+json">.*?</script>', "", v, flags=re.S) for k, v in files.items()}


def test_inferred_from_jsonld_and_noted():
    result = audit(site_files("clean"), NO_PROFILE)
    local = result["summary"]["local"]
    assert local["inferred_from"] == {"name": "JSON-LD on index.html", "phone": "JSON-LD on index.html",
                                      "address": "JSON-LD on index.html", "url": "JSON-LD on index.html"}
    assert local["address"] == "220 West Spring Street, Suite 310, Columbus, OH 43215-2612"
    (note,) = [n for n in result["notes"] if n.startswith("local:")]
    assert "no [clinic] profile" in note and "(704)" not in note and "+1 614-555-0187" in note


def test_inferred_from_footer_and_titles_without_jsonld():
    result = audit(_without_jsonld(site_files("clean")), NO_PROFILE)
    local = result["summary"]["local"]
    assert local["profile"] == "inferred"
    assert local["phone"] == "(614) 555-0187"
    assert local["address"] == "220 W. Spring St., Suite 310 Columbus, OH 43215"
    assert local["name"] == "Riverbend Spine & Pain, PLLC"  # from the copyright line
    assert local["inferred_from"]["phone"] == "the footer, home and contact pages"


def test_mismatch_is_checked_against_the_inferred_details():
    files = edited(_without_jsonld(site_files("clean")), {"conditions/sciatica.html": (
        '<a href="tel:+16145550187">(614) 555-0187</a> · Fax', '<a href="tel:+16145550199">(614) 555-0199</a> · Fax')})
    result = audit(files, NO_PROFILE)
    findings = of(result["findings"], "local.nap-mismatch")
    assert [(f["url"], f["excerpt"], f["confidence"]) for f in findings] == [
        ("conditions/sciatica.html", "(614) 555-0199", "medium")]
    assert "inferred from the site" in findings[0]["message"]


def test_the_number_shown_on_most_pages_wins():
    footer = '<footer><p>Call <a href="tel:+13125550100">(312) 555-0100</a></p></footer>'
    odd = '<footer><p>Call <a href="tel:+13125550177">(312) 555-0177</a></p></footer>'
    files = {"index.html": html("<h1>Home</h1>", footer=odd), "a.html": html("<h1>A</h1>", footer=footer),
             "b.html": html("<h1>B</h1>", footer=footer)}
    result = audit(files, NO_PROFILE)
    assert result["summary"]["local"]["phone"] == "(312) 555-0100"
    assert [f["excerpt"] for f in of(result["findings"], "local.nap-mismatch")] == ["(312) 555-0177"]


def test_name_from_og_site_name():
    head = '<meta property="og:site_name" content="Lakeview Family Dental">'
    result = audit({"index.html": html("<h1>Hi</h1>", head=head)}, NO_PROFILE)
    assert result["summary"]["local"]["name"] == "Lakeview Family Dental"
    assert result["summary"]["local"]["inferred_from"]["name"] == "og:site_name on index.html"


def test_nothing_to_infer_says_so_and_compares_nothing():
    result = audit({"index.html": html("<h1>Hello</h1><p>Call 312-555-0100 now.</p>"),
                    "about.html": html("<h1>About</h1><p>Call us at 312-555-0177.</p>")}, NO_PROFILE)
    # a number in copy is not a NAP slot unless on the home page: 312-555-0100 becomes the inferred phone
    assert result["summary"]["local"]["phone"] == "312-555-0100"
    empty = audit({"index.html": html("<h1>Hello</h1><p>Welcome.</p>")}, NO_PROFILE)
    notes = [n for n in empty["notes"] if n.startswith("local:")]
    assert len(notes) == 1 and "could be inferred" in notes[0] and "not checked" in notes[0]
    assert of(empty["findings"], "local.nap-mismatch") == []
    assert empty["summary"]["local"]["profile"] == "none"


def test_config_profile_wins_over_the_site():
    result = audit(site_files("clean"), {"clinic": {"name": "Other Clinic", "phone": "(312) 555-0100"}})
    assert result["summary"]["local"]["profile"] == "config"
    assert not [n for n in result["notes"] if n.startswith("local:")]
    assert {f["excerpt"] for f in of(result["findings"], "local.jsonld-mismatch")} == {
        "Riverbend Spine & Pain, PLLC", "+1 614-555-0187"}


def test_a_partial_clinic_section_is_used_with_the_inferred_nap():
    config = {"clinic": {"city": "Columbus", "state": "OH", "services": ["radiofrequency ablation"],
                         "service_area": ["Grove City"]}}
    files = {**site_files("clean"), "rfa.html": html("<h1>Radiofrequency ablation</h1>", title="RFA", description="RFA.")}
    result = audit(files, config)
    assert result["summary"]["local"]["profile"] == "inferred"
    assert {f["element"] for f in of(result["findings"], "local.city-missing")} == {
        "<title>", "<h1>", '<meta name="description">'}
    assert [f["excerpt"] for f in of(result["findings"], "local.service-area-page-missing")] == ["Grove City"]


def test_inferred_name_is_the_same_whatever_the_hash_seed(tmp_path):
    """Two title parts on every page tie: the winner must not depend on set order (which changes
    with PYTHONHASHSEED between runs, and would make findings come and go against a baseline)."""
    import subprocess
    import sys

    for i, topic in enumerate(["Knee Pain", "Back Pain", "Neck Pain", "Hip Pain"]):
        (tmp_path / f"p{i}.html").write_text(f"<html><head><title>{topic} | Riverside Clinic | Springfield</title></head>"
                                             f"<body><main><p>About {topic.lower()}.</p></main></body></html>")
    code = ("import sys; from checks import registry; from checks.local.profile import get_profile; "
            "from seotool.audit import AuditOptions, gather; from seotool.config import Config, defaults; "
            "from seotool.progress import Progress; reg = registry(); cfg = Config(defaults(reg.settings())); "
            "site, _ = gather([sys.argv[1]], cfg, [], reg, AuditOptions(quiet=True), Progress(quiet=True)); "
            "print(get_profile(site).name)")
    names = {subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                            env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)}).stdout.strip()
             for seed in range(6)}
    assert names == {"Riverside Clinic"}
