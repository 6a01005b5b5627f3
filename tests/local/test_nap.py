"""local.nap-missing and local.nap-mismatch on the clean fixture site with one defect each."""

from __future__ import annotations

from tests.local.support import CLINIC, clean_with, of

FOOTER_PHONE = '<a href="tel:+16145550187">(614) 555-0187</a> · Fax'


# -- nap-missing --------------------------------------------------------------------------------


def test_home_page_without_phone_and_address():
    findings = clean_with({"index.html": [
        ("<p>To book a visit, call <a href=\"tel:+16145550187\">614.555.0187</a>.", "<p>To book a visit, use the form."),
        ("<footer>", "<!--"), ("</footer>", "-->"),
    ]})
    missing = of(findings, "local.nap-missing")
    by_where = {f["element"]: f for f in missing}
    assert set(by_where) == {"home page", "site footer"}
    assert by_where["home page"]["url"] == "index.html"
    assert by_where["home page"]["data"]["missing"] == ["phone", "address"]  # the name is in the copy
    # the header (also site chrome) still names the clinic
    assert by_where["site footer"]["data"]["missing"] == ["phone", "address"]
    assert by_where["site footer"]["message"] == "The site footer does not show the clinic's phone and address."


def test_contact_page_without_phone():
    findings = clean_with({"contact.html": [
        ('<p>Call us at <a href="tel:+16145550187">(614) 555-0187</a>. Fax: (614) 555-0100.</p>', ""),
        (FOOTER_PHONE, "Fax"),
    ]})
    missing = of(findings, "local.nap-missing")
    assert [(f["url"], f["element"], f["data"]["missing"]) for f in missing] == [("contact.html", "contact page", ["phone"])]


def test_footer_check_skipped_when_no_page_has_a_template():
    files = {"index.html": "<html><body><h1>Riverbend Spine & Pain</h1><p>220 W Spring St, Suite 310, Columbus, OH 43215. "
                           'Call <a href="tel:+16145550187">(614) 555-0187</a>.</p></body></html>'}
    from tests.local.support import PROFILE, audit

    assert of(audit(files, PROFILE)["findings"], "local.nap-missing") == []


# -- nap-mismatch: phones --------------------------------------------------------------------


def test_planted_footer_phone_on_one_page_is_reported_once_on_that_page():
    wrong = '<a href="tel:+16145550199">(614) 555-0199</a> · Fax'
    findings = of(clean_with({"conditions/sciatica.html": (FOOTER_PHONE, wrong)}), "local.nap-mismatch")
    assert [(f["url"], f["excerpt"]) for f in findings] == [("conditions/sciatica.html", "(614) 555-0199")]
    assert findings[0]["suggestion"] == CLINIC["phone"]
    assert findings[0]["data"] == {"found": "+16145550199", "expected": "+16145550187"}
    assert findings[0]["confidence"] == "high"


def test_shared_footer_with_wrong_phone_is_reported_once_for_the_site():
    wrong = '<a href="tel:+16145550199">(614) 555-0199</a> · Fax'
    edits = {name: (FOOTER_PHONE, wrong) for name in (
        "index.html", "contact.html", "services/spinal-cord-stimulation.html", "conditions/sciatica.html",
        "areas/dublin-oh.html", "areas/westerville.html")}
    findings = of(clean_with(edits), "local.nap-mismatch")
    assert len(findings) == 1 and findings[0]["excerpt"] == "(614) 555-0199"


def test_phone_in_copy_with_a_clinic_cue_is_compared():
    findings = of(clean_with({"conditions/sciatica.html": (
        "may help.</p>", "may help. To book, call our office at 614 555 0123.</p>")}), "local.nap-mismatch")
    assert [f["excerpt"] for f in findings] == ["614 555 0123"]
    assert findings[0]["line"] is not None


def test_tel_link_dialling_another_number():
    findings = of(clean_with({"services/spinal-cord-stimulation.html": (
        '<a href="tel:+16145550187">(614) 555-0187</a>.</p>', '<a href="tel:+16145550111">(614) 555-0187</a>.</p>')}),
        "local.nap-mismatch")
    assert [(f["excerpt"], f["element"]) for f in findings] == [
        ("tel:+16145550111", '<a href="tel:+16145550111">')]


def test_other_numbers_are_not_the_clinics():
    copy = ("may help.</p><p>Fax your referral to (614) 555-0100. In a crisis, call the Suicide and Crisis "
            "Lifeline at 1-800-273-8255. Our billing company answers at (614) 555-0166 only if you mention billing.</p>")
    findings = clean_with({"conditions/sciatica.html": ("may help.</p>", copy)})
    assert of(findings, "local.nap-mismatch") == []


def test_a_number_in_copy_without_a_clinic_cue_is_not_compared():
    copy = "may help.</p><p>A 2019 study enrolled patients through (212) 555-0133 in New York.</p>"
    assert of(clean_with({"conditions/sciatica.html": ("may help.</p>", copy)}), "local.nap-mismatch") == []


def test_other_phones_from_the_profile_are_accepted():
    copy = "may help.</p><p>Call us toll-free at 1-888-555-0190.</p>"
    edits = {"conditions/sciatica.html": ("may help.</p>", copy)}
    assert [f["excerpt"] for f in of(clean_with(edits), "local.nap-mismatch")] == ["1-888-555-0190"]
    config = {"clinic": {**CLINIC, "other_phones": ["(888) 555-0190"]}}
    assert of(clean_with(edits, config), "local.nap-mismatch") == []


# -- nap-mismatch: addresses ----------------------------------------------------------------


def _address_finding(written: str) -> list[dict]:
    edits = {"contact.html": ("<p>Parking is in", f"<p>Our address: {written}.</p><p>Parking is in")}
    return of(clean_with(edits), "local.nap-mismatch")


def test_formatting_variants_of_the_address_are_the_same_address():
    for written in ("220 West Spring Street, Suite 310, Columbus, OH 43215-2612",
                    "220 W. Spring St. Ste 310, Columbus, Ohio 43215",
                    "220 W Spring St #310, Columbus, OH",
                    "220 Spring Street, Columbus, OH 43215"):  # a part left out is no contradiction
        assert _address_finding(written) == [], written


def test_a_different_house_number_street_city_or_suite_is_a_mismatch():
    cases = {
        "202 W Spring St, Suite 310, Columbus, OH 43215": ["number"],
        "220 W Long St, Suite 310, Columbus, OH 43215": ["street"],
        "220 W Spring St, Suite 310, Dublin, OH 43017": ["city", "zip5"],
        "220 W Spring St, Suite 130, Columbus, OH 43215": ["unit"],
        "220 E Spring St, Suite 310, Columbus, OH 43215": ["predir"],
    }
    for written, parts in cases.items():
        found = _address_finding(written)
        assert [f["excerpt"] for f in found] == [written], written
        assert found[0]["data"]["differs"] == parts
        assert found[0]["suggestion"] == "220 W Spring St, Suite 310, Columbus, OH 43215"


def test_og_site_name_of_another_business():
    head = '<meta property="og:site_name" content="Downtown Ortho Group">'
    findings = of(clean_with({"index.html": ('<meta charset="utf-8">', '<meta charset="utf-8">' + head)}),
                  "local.nap-mismatch")
    assert [(f["excerpt"], f["element"]) for f in findings] == [("Downtown Ortho Group", '<meta property="og:site_name">')]
    variant = '<meta property="og:site_name" content="Riverbend Spine and Pain, LLC">'
    assert of(clean_with({"index.html": ('<meta charset="utf-8">', '<meta charset="utf-8">' + variant)}),
              "local.nap-mismatch") == []
