"""Phone, address and name comparison: tolerant of formatting, never of a different place."""

from __future__ import annotations

import pytest

from checks.local import addresses, names, phones


def test_phone_formats_normalise_to_one_number():
    written = ["(704) 555-0142", "704.555.0142", "704-555-0142", "+1 704 555 0142", "1-704-555-0142", "7045550142"]
    assert {phones.normalize(w) for w in written} == {"+17045550142"}
    assert phones.normalize("555-0142") is None  # no area code: not a full number
    assert phones.from_tel("tel:+1-704-555-0142") == "+17045550142"
    assert phones.from_tel("tel:%2B17045550142;ext=12") == "+17045550142"
    assert phones.from_tel("mailto:x@example.com") is None


def test_find_phones_keeps_the_text_as_written():
    text = "Call (704) 555-0142 or 704.555.0199; ZIP 28211-1234; born 1999-2004; dial 911."
    hits = phones.find(text)
    assert [(h.raw, h.e164) for h in hits] == [("(704) 555-0142", "+17045550142"), ("704.555.0199", "+17045550199")]
    assert all(text[h.start : h.end] == h.raw for h in hits)


PROFILE = addresses.from_parts("4801 Randolph Rd, Suite 204", "Charlotte", "NC", "28211")


@pytest.mark.parametrize("written", [
    "4801 Randolph Road, Suite 204, Charlotte, NC 28211",
    "4801 Randolph Rd., Ste 204, Charlotte, North Carolina 28211-3325",
    "4801 Randolph Rd #204, Charlotte, NC",
    "4801 RANDOLPH RD STE 204 CHARLOTTE NC 28211",
    "4801 Randolph Rd, Charlotte, NC 28211",  # suite left out
])
def test_address_formatting_is_forgiven(written):
    other = addresses.parse(written)
    assert other is not None and PROFILE.differences(other) == [], written


@pytest.mark.parametrize(("written", "parts"), [
    ("4810 Randolph Rd, Suite 204, Charlotte, NC 28211", ["number"]),
    ("4801 Randall Rd, Suite 204, Charlotte, NC 28211", ["street"]),
    ("4801 Randolph Ave, Suite 204, Charlotte, NC 28211", ["suffix"]),
    ("4801 Randolph Rd, Suite 402, Charlotte, NC 28211", ["unit"]),
    ("4801 Randolph Rd, Suite 204, Matthews, NC 28105", ["city", "zip5"]),
    ("4801 Randolph Rd, Suite 204, Charlotte, SC 28211", ["state"]),
])
def test_a_different_place_is_not_forgiven(written, parts):
    assert PROFILE.differences(addresses.parse(written)) == parts


def test_find_addresses_in_running_text():
    text = "Visit us at 4801 Randolph Rd., Ste. 204, Charlotte, NC 28211. We have 3 doctors in Charlotte, NC."
    hits = addresses.find(text)
    assert [h.raw for h in hits] == ["4801 Randolph Rd., Ste. 204, Charlotte, NC 28211"]
    assert text[hits[0].start : hits[0].end] == hits[0].raw


@pytest.mark.parametrize(("a", "b"), [
    ("Charlotte Ketamine Center", "Charlotte Ketamine Center, PLLC"),
    ("Charlotte Ketamine Center", "The Charlotte Ketamine Ctr."),
    ("Spine & Pain Associates", "Spine and Pain Associates, Inc."),
    ("St. Mark's Clinic", "Saint Marks Clinic"),
    ("MedSpa Austin", "Med Spa Austin"),
    ("Charlotte Ketamine Center", "Charlotte Ketamine Center of SouthPark"),
])
def test_name_variants_are_the_same_name(a, b):
    assert names.same_name(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("Charlotte Ketamine Center", "Charlotte Pain Center"),
    ("Charlotte Ketamine Center", "Ketamine"),
    ("Riverbend Spine", "Riverside Spine"),
])
def test_different_names_differ(a, b):
    assert not names.same_name(a, b)
