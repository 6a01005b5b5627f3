"""The digit-stretch pre-filter in front of phonenumbers' matcher never hides a number the
matcher finds, and its assumptions about the library's metadata hold."""

from __future__ import annotations

import re

import phonenumbers
import pytest
from phonenumbers import Leniency, PhoneNumberMatcher

from checks.local import phones

TEXTS = [
    "Call (704) 555-0142 or 704.555.0199 today.",
    "Post 1027: neuropathy. Suite 20, ZIP 28202, since 1998.",
    "Front desk 555-0142x12, ext. 7",
    "Toll-free 1-800-555-0199; fax 1 704 555 0100",
    "From abroad dial 011 44 20 7946 0958 or +44 20 7946 0958.",
    "Niue office +683 4002, Saint Helena +290 22222",
    "Berlin 030 1234567, kurz 089 1234, Handy 0151 12345678",
    "London 020 7946 0958 and 01632 960983",
    "Fullwidth ＋１ ７０４ ５５５ ０１４２ and ２０２ー５５５ー０１４２",
    "Room 12 of 3, 45 minutes, 2024-05-06, 1,250 patients",
    "tel:+17045550142 and (704)555-0142X3",
]


@pytest.mark.parametrize("region", ["US", "DE", "GB", "NU", "SH", "FR"])
@pytest.mark.parametrize("text", TEXTS)
def test_same_numbers_as_the_matcher_alone(text, region):
    expected = [(m.raw_string, m.start) for m in PhoneNumberMatcher(text, region, leniency=Leniency.VALID)]
    assert [(h.raw, h.start) for h in phones.find(text, region)] == expected


def test_short_digit_runs_are_not_read():
    assert not phones._may_hold_number("Post 1027: ZIP 28202, since 1998", "US")
    assert phones._may_hold_number("ZIP 28202, 1998", "US")  # one stretch of 9 digits: read
    assert phones._may_hold_number("Call (704) 555-0142", "US")
    assert phones._may_hold_number("+683 4002", "US")  # a plus sign: any country's numbers


def test_shortest_national_number_anywhere():
    lengths = []
    for region in phonenumbers.SUPPORTED_REGIONS:
        lengths.append(phonenumbers.PhoneMetadata.metadata_for_region(region).general_desc.possible_length)
    for code in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS:
        lengths.append(phonenumbers.PhoneMetadata.metadata_for_nongeo_region(code).general_desc.possible_length)
    assert all(lengths), "a region without possible lengths would accept any length"
    assert min(min(n for n in ls if n > 0) for ls in lengths) >= phones.MIN_NATIONAL


def test_only_listed_letters_can_sit_inside_a_number():
    from phonenumbers.phonenumbermatcher import _LEAD_CLASS_CHARS
    from phonenumbers.phonenumberutil import _PLUS_CHARS, _VALID_PUNCTUATION

    inside = re.compile("[" + _VALID_PUNCTUATION + _LEAD_CLASS_CHARS + _PLUS_CHARS + "]", re.I | re.U)
    letters = {c for c in map(chr, range(0x110000)) if c.isalpha() and inside.fullmatch(c)}
    assert letters <= {"x", "X", "ー"}
    assert all(not phones._NOT_IN_NUMBER.fullmatch(c) for c in letters | set(_PLUS_CHARS) | set("0123456789"))
