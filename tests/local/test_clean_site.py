"""The clean fixture site raises nothing in the local family, with and without a [clinic] profile:
natural geo phrases, a fax and a Poison Control number, address and name variants, a JSON-LD
@graph with a list @type, a Markdown page."""

from __future__ import annotations

from tests.local.support import audit, site_files


def test_clean_site_has_no_local_findings():
    result = audit(site_files("clean"))
    assert result["findings"] == []
    assert result["summary"]["local"]["profile"] == "config"
    assert not any(n.startswith("local:") for n in result["notes"])


def test_clean_site_without_profile_infers_the_clinic_and_stays_clean():
    result = audit(site_files("clean"), config={})
    assert result["findings"] == []
    local = result["summary"]["local"]
    assert local["profile"] == "inferred"
    assert local["name"] == "Riverbend Spine & Pain, PLLC"
    assert local["phone"] == "+1 614-555-0187"
    notes = [n for n in result["notes"] if n.startswith("local:")]
    assert len(notes) == 1 and "inferred" in notes[0] and "Riverbend Spine & Pain, PLLC" in notes[0]
