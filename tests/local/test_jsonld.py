"""The LocalBusiness JSON-LD rules: missing, invalid, required, recommended, mismatch."""

from __future__ import annotations

import json
import re

from tests.local.support import CLINIC, clean_with, of, site_files

PAGES_WITH_JSONLD = ("index.html", "contact.html")


def _jsonld(files: dict[str, str], name: str) -> dict:
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', files[name], re.S).group(1)
    return json.loads(raw)


def _with_clinic_node(change) -> dict[str, str]:
    """Edits putting a changed copy of the clinic node on the home and contact pages."""
    files = site_files("clean")
    data = _jsonld(files, "index.html")
    change(data["@graph"][1])
    block = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    return {name: re.sub(r'<script type="application/ld\+json">.*?</script>', lambda _: block, files[name], flags=re.S)
            for name in PAGES_WITH_JSONLD}


# -- missing / invalid -------------------------------------------------------------------------


def test_home_page_without_business_markup():
    files = site_files("clean")
    home = re.sub(r'<script type="application/ld\+json">.*?</script>',
                  '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "WebSite", '
                  '"name": "Riverbend"}</script>', files["index.html"], flags=re.S)
    findings = of(clean_with({"index.html": home}), "local.jsonld-missing")
    assert [(f["url"], f["excerpt"], f["element"]) for f in findings] == [
        ("index.html", "WebSite", '<script type="application/ld+json">')]
    suggestion = findings[0]["suggestion"]
    assert '"@type": "MedicalClinic"' in suggestion and '"telephone": "+16145550187"' in suggestion


def test_contact_page_without_any_jsonld():
    files = site_files("clean")
    contact = re.sub(r'<script type="application/ld\+json">.*?</script>', "", files["contact.html"], flags=re.S)
    findings = of(clean_with({"contact.html": contact}), "local.jsonld-missing")
    assert [(f["url"], f["excerpt"]) for f in findings] == [("contact.html", "")]
    assert "contact page" in findings[0]["message"]


def test_physician_nested_in_a_webpage_counts():
    node = ('{"@context": "https://schema.org", "@type": "MedicalWebPage", "about": {"@type": "schema:Physician", '
            '"name": "Riverbend Spine & Pain"}}')
    files = site_files("clean")
    contact = re.sub(r'<script type="application/ld\+json">.*?</script>',
                     lambda _: f'<script type="application/ld+json">{node}</script>', files["contact.html"], flags=re.S)
    assert of(clean_with({"contact.html": contact}), "local.jsonld-missing") == []


def test_invalid_json_is_reported_with_its_line():
    broken = '<script type="application/ld+json">\n{"@type": "MedicalClinic", "name": "Riverbend",}\n</script>'
    findings = of(clean_with({"services/spinal-cord-stimulation.html": ('<meta name="viewport"', broken + '\n<meta name="viewport"')}),
                  "local.jsonld-invalid")
    assert len(findings) == 1
    f = findings[0]
    assert f["url"] == "services/spinal-cord-stimulation.html"
    assert f["excerpt"] == '{"@type": "MedicalClinic", "name": "Riverbend",}'
    assert f["line"] == 5 and "not valid JSON" in f["message"]


# -- required / recommended ------------------------------------------------------------------


def test_missing_postal_code_and_name_reported_once_for_shared_markup():
    def change(node):
        del node["address"]["postalCode"]
        del node["name"]

    findings = of(clean_with(_with_clinic_node(change)), "local.jsonld-required")
    assert sorted((f["element"], f["url"]) for f in findings) == [
        ("address.postalCode", "contact.html"), ("name", "contact.html")]
    assert "(the same markup is on 2 pages)" in findings[0]["message"]
    assert {f["suggestion"] for f in findings} == {'Add "postalCode": "43215"', 'Add "name": "Riverbend Spine & Pain"'}


def test_address_as_plain_text_is_not_a_postal_address():
    findings = of(clean_with(_with_clinic_node(lambda n: n.update(address="220 W Spring St, Columbus, OH"))),
                  "local.jsonld-required")
    assert [f["element"] for f in findings] == ["address"]
    assert "not a PostalAddress" in findings[0]["message"]


def test_recommended_properties_and_coordinate_precision():
    def change(node):
        del node["openingHoursSpecification"]
        del node["url"]
        node["geo"]["latitude"] = 39.9647

    findings = of(clean_with(_with_clinic_node(change)), "local.jsonld-recommended")
    got = {f["element"]: f for f in findings}
    assert set(got) == {"url", "openingHoursSpecification", "geo.latitude"}
    assert got["geo.latitude"]["excerpt"] == "39.9647"
    assert "4 decimal place(s)" in got["geo.latitude"]["message"]
    assert got["url"]["suggestion"] == 'Add "url": "https://riverbendspine.example"'


def test_trailing_zero_decimals_count_as_written():
    findings = of(clean_with(_with_clinic_node(lambda n: n["geo"].update(latitude=39.96470))), "local.jsonld-recommended")
    # json.dumps writes 39.9647; the written text is what counts, so this is 4 decimals
    assert [f["element"] for f in findings] == ["geo.latitude"]
    written = {n: (
        '"latitude": 39.96472', '"latitude": 39.96470') for n in PAGES_WITH_JSONLD}
    assert of(clean_with(written), "local.jsonld-recommended") == []


def test_geo_precision_setting():
    config = {"clinic": CLINIC, "local": {"geo_min_decimals": 6}}
    findings = of(clean_with({}, config), "local.jsonld-recommended")
    assert sorted(f["element"] for f in findings) == ["geo.latitude", "geo.longitude"]


# -- mismatch --------------------------------------------------------------------------------


def test_values_that_contradict_the_profile():
    def change(node):
        node["telephone"] = "(614) 555-0199"
        node["address"]["addressLocality"] = "Dublin"
        node["url"] = "https://other-clinic.example/"

    findings = of(clean_with(_with_clinic_node(change)), "local.jsonld-mismatch")
    got = {f["element"]: f for f in findings}
    assert set(got) == {"telephone", "address", "url"}
    assert got["telephone"]["excerpt"] == "(614) 555-0199"
    assert got["telephone"]["suggestion"] == "614-555-0187"
    assert got["address"]["excerpt"] == "220 West Spring Street, Suite 310, Dublin, OH 43215-2612"
    assert "city" in got["address"]["message"]
    assert got["url"]["excerpt"] == "https://other-clinic.example/"


def test_name_of_another_business():
    findings = of(clean_with(_with_clinic_node(lambda n: n.update(name="Riverside Orthopedics"))),
                  "local.jsonld-mismatch")
    assert [(f["element"], f["excerpt"]) for f in findings] == [("name", "Riverside Orthopedics")]


def test_variants_are_not_contradictions():
    def change(node):
        node["name"] = "The Riverbend Spine and Pain, LLC"
        node["telephone"] = "+16145550187"
        node["address"] = {"@type": "PostalAddress", "streetAddress": "220 W. Spring St., Ste 310",
                           "addressLocality": "Columbus", "addressRegion": "Ohio", "postalCode": "43215"}

    assert of(clean_with(_with_clinic_node(change)), "local.jsonld-mismatch") == []
