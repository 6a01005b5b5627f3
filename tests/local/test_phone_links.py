"""local.phone-not-linked: numbers people cannot tap."""

from __future__ import annotations

from tests.local.support import PROFILE, audit, clean_with, html, of


def test_plain_number_in_copy():
    findings = of(clean_with({"conditions/sciatica.html": (
        "may help.</p>", "may help. Call us at (614) 555-0187 to ask.</p>")}), "local.phone-not-linked")
    assert [(f["url"], f["excerpt"]) for f in findings] == [("conditions/sciatica.html", "(614) 555-0187")]
    assert findings[0]["suggestion"] == '<a href="tel:+16145550187">(614) 555-0187</a>'
    assert "Sciatica treatment in Columbus, OH" in findings[0]["section"]


def test_plain_number_in_a_shared_footer_is_reported_once():
    linked = '<a href="tel:+16145550187">(614) 555-0187</a> · Fax'
    names = ("index.html", "contact.html", "services/spinal-cord-stimulation.html", "conditions/sciatica.html",
             "areas/dublin-oh.html", "areas/westerville.html")
    findings = of(clean_with({n: (linked, "614-555-0187 · Fax") for n in names}), "local.phone-not-linked")
    assert [f["excerpt"] for f in findings] == ["614-555-0187"]


def test_each_unlinked_occurrence_counts_but_a_linked_one_does_not():
    body = ('<p>Call <a href="tel:+16145550187">(614) 555-0187</a> to book.</p>'
            "<p>Questions about your bill? Call us at (614) 555-0187.</p>")
    findings = of(audit({"index.html": html(body)}, PROFILE)["findings"], "local.phone-not-linked")
    assert len(findings) == 1
    assert findings[0]["context"] == "Questions about your bill? Call us at (614) 555-0187."


def test_a_call_button_beside_the_number_links_it():
    body = '<p>Phone (614) 555-0187 <a class="btn" href="tel:6145550187">Call now</a></p>'
    assert of(audit({"index.html": html(body)}, PROFILE)["findings"], "local.phone-not-linked") == []


def test_fax_and_hotline_numbers_are_not_asked_to_be_tapped():
    body = ("<p>Fax: (614) 555-0100. If you are in crisis, the national suicide lifeline is 1-800-273-8255.</p>")
    assert of(audit({"index.html": html(body)}, PROFILE)["findings"], "local.phone-not-linked") == []


def test_markdown_page_with_a_plain_number():
    md = "---\ntitle: Visit\n---\n# Visit\n\nCall our office at 614.555.0187 to book.\n"
    findings = of(audit({"visit.md": md}, PROFILE)["findings"], "local.phone-not-linked")
    assert [(f["url"], f["excerpt"], f["line"]) for f in findings] == [("visit.md", "614.555.0187", 6)]
