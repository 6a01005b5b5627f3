"""local.contact-no-map, and how the contact page is recognised."""

from __future__ import annotations

from tests.local.support import PROFILE, audit, clean_with, html, of

MAPS = ('<iframe src="https://www.google.com/maps/embed?pb=riverbend" title="Map to Riverbend Spine and Pain"></iframe>\n'
        '<p><a href="https://maps.apple.com/?address=220+W+Spring+St,Columbus,OH">Open in Apple Maps</a></p>')


def test_contact_page_without_map_or_directions():
    findings = of(clean_with({"contact.html": (MAPS, "")}), "local.contact-no-map")
    assert [(f["url"], f["excerpt"], f["element"]) for f in findings] == [("contact.html", "Contact us", "<iframe>")]
    assert "destination=220+W+Spring+St,+Suite+310,+Columbus,+OH+43215" in findings[0]["suggestion"]


def test_a_directions_link_alone_is_enough():
    assert of(clean_with({"contact.html": (MAPS, '<p><a href="/visit.html#parking">Get directions</a></p>')}),
              "local.contact-no-map") == []


def test_a_static_map_image_is_enough():
    img = '<img src="https://maps.googleapis.com/maps/api/staticmap?center=Columbus" alt="Map">'
    assert of(clean_with({"contact.html": (MAPS, img)}), "local.contact-no-map") == []


def test_contact_page_recognised_by_h1_or_title():
    page = html("<h1>Contact Riverbend</h1><p>Call us.</p>", title="Reach us")
    findings = of(audit({"index.html": html("<h1>Home</h1>"), "reach-us.html": page}, PROFILE)["findings"],
                  "local.contact-no-map")
    assert [f["url"] for f in findings] == ["reach-us.html"]


def test_a_post_that_mentions_contact_is_not_the_contact_page():
    page = html("<h1>When to contact a doctor about back pain</h1>", title="When to contact a doctor")
    assert of(audit({"blog/when.html": page}, PROFILE)["findings"], "local.contact-no-map") == []


def test_an_article_about_contact_lenses_is_not_the_contact_page():
    page = html("<h1>Contact lenses for dry eyes</h1><p>Tips.</p>", title="Contact lenses for dry eyes | Eye Care")
    files = {"blog/contact-lenses.html": page, "contact-lens-care.html": page}
    assert of(audit(files, PROFILE)["findings"], "local.contact-no-map") == []
