"""Links wrong as written: tel:, mailto:, javascript: and web addresses without a usable scheme."""

from __future__ import annotations

import pytest

from checks.links.syntax import link_problem


@pytest.mark.parametrize("href", [
    "tel:+17045550142", "tel:+1-704-555-0142", "tel:(704)%20555-0142", "tel:704.555.0142", "tel:+1-704-555-0142;ext=12",
    "tel:+44 20 7946 0958", "mailto:frontdesk@clinic.example.org", "mailto:a@b.example.org,c@d.example.org",
    "mailto:?to=frontdesk@clinic.example.org&subject=Hi", "mailto:dr.lee+appointments@clinic.example.org?subject=Visit",
    "https://www.cdc.gov/", "http://example.org", "/contact.html", "contact.html", "#hours", "?page=2",
    "ftp://files.example.org/x", "sms:+17045550142", "https://maps.example.org/?q=a@b",
])
def test_valid_hrefs_have_no_problem(href):
    assert link_problem(href) is None


@pytest.mark.parametrize(("href", "kind", "words"), [
    ("tel:", "tel", "no phone number"),
    ("tel:555-01", "tel", "too short"),
    ("tel:555-0142", "tel", "area code"),
    ("tel:1-800-FLOWERS", "tel", "letters"),
    ("tel:+1 704 555 01422 99", "tel", "too long"),
    ("tel:123-456-7890", "tel", "not a valid phone number"),
    ("tel:#704", "tel", "characters"),
    ("mailto:", "mailto", "no email address"),
    ("mailto:frontdesk@clinic", "mailto", "not a valid email"),
    ("mailto:front desk@clinic.example.org", "mailto", "not a valid email"),
    ("mailto:frontdesk@@clinic.example.org", "mailto", "not a valid email"),
    ("mailto:frontdesk@clinic..org", "mailto", "not a valid email"),
    ("javascript:void(0)", "javascript", "JavaScript"),
    ("JavaScript:openBooking()", "javascript", "JavaScript"),
    ("frontdesk@clinic.example.org", "mailto", "without mailto:"),
    ("www.cdc.gov/ketamine", "scheme", "without https://"),
    ("https//www.cdc.gov/", "scheme", "missing the colon"),
    ("http:/www.cdc.gov/", "scheme", "one slash"),
    ("htps://www.cdc.gov/", "scheme", "misspelt"),
    ("htttp://www.cdc.gov/", "scheme", "misspelt"),
    ("https://", "scheme", "no host"),
    ("https://www.cdc .gov/", "scheme", "not valid"),
])
def test_malformed_hrefs(href, kind, words):
    problem = link_problem(href)
    assert problem is not None and problem.kind == kind
    assert words.lower() in problem.message.lower()


def test_region_decides_national_numbers():
    assert link_problem("tel:020 7946 0958", "GB") is None
    assert link_problem("tel:020 7946 0958", "US") is not None


def test_email_like_image_names_are_not_emails():
    assert link_problem("logo@2x.png", tag="img") is None
    assert link_problem("logo@2x.png", tag="a") is not None
