"""Where a page shows a phone number or a street address, and whether it is the clinic's own.

NAP "slots" are the places a clinic's details are expected: the site's header/footer, the home
page and the contact page. There every number and address counts as the clinic's, unless it is
labelled as a fax or sits by a third-party cue ("Poison Control", "crisis line"). In other page
copy a number or address counts only when its clause has a clinic cue ("call us", "our office"),
the number follows a dial lead-in ("Call (512) 555-0100") or its paragraph names the clinic. The cues are in ``data/cues.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from checks.local import addresses, names, phones, vocab
from checks.local.addresses import Address
from checks.local.pages import Region, is_contact, is_home, regions
from seotool.page import Block, Link, Page


@dataclass
class Occurrence:
    raw: str  # as written
    phone: str | None  # E.164, for phone numbers
    address: Address | None  # for addresses
    region: Region
    block: Block
    start: int
    end: int
    slot: bool  # footer/header, home page or contact page
    fax: bool
    third_party: bool
    own: bool  # counts as the clinic's own number or address

    @property
    def in_main(self) -> bool:
        return self.region.in_main


def _cue_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.I)


@cache
def _clinic_cue() -> re.Pattern[str]:
    return _cue_regex(vocab.cues().clinic)


@cache
def _third_party_cue() -> re.Pattern[str]:
    return _cue_regex(vocab.cues().third_party)


@cache
def _fax_label() -> re.Pattern[str]:
    parts = []
    for label in vocab.cues().fax_labels:
        if label[-1] in ":.":
            parts.append(rf"(?<!\w){re.escape(label)}\s*$")
        else:
            parts.append(rf"(?<!\w){re.escape(label)}\b[^\w]*$")
    return re.compile("|".join(parts), re.I)


@cache
def _dial_lead_in() -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w in sorted(vocab.cues().dial_lead_ins, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})\s*:?\s*$", re.I)


def is_slot_page(page: Page) -> bool:
    cached = page.cache.get("local.slot_page")  # asked for each page and each number found on it
    if cached is None:
        cached = page.cache["local.slot_page"] = is_home(page) or is_contact(page)
    return cached


def _classify(page: Page, region: Region, start: int, end: int, clinic_name: str) -> tuple[bool, bool, bool, bool]:
    if not region.in_main:  # the header/footer: a slot on every page, read the same on every page
        return _classify_template(region.text, start, end)
    slot = is_slot_page(page)
    return _classify_text(region, start, end, clinic_name, slot)


@lru_cache(maxsize=1024)  # the site's header/footer text is the same on every page
def _classify_template(text: str, start: int, end: int) -> tuple[bool, bool, bool, bool]:
    return _classify_text(Region(False, text), start, end, "", True)


def _classify_text(region: Region, start: int, end: int, clinic_name: str, slot: bool) -> tuple[bool, bool, bool, bool]:
    fax = bool(_fax_label().search(region.text[max(0, start - 16) : start]))
    clause = region.clause(start, end)
    outside = clause.replace(region.text[start:end], " ")  # the number's own digits are no cue
    third = bool(_third_party_cue().search(outside))
    own = not fax and not third
    if own and not slot:  # in other copy, only a clinic cue or the clinic's name makes it theirs
        block = region.block_at(start)
        lead_in = bool(_dial_lead_in().search(region.text[max(0, start - 24) : start]))
        own = (lead_in or bool(_clinic_cue().search(outside))
               or (bool(clinic_name) and names.mentioned_in(clinic_name, block.text)))
    return slot, fax, third, own


def phone_occurrences(page: Page, region_code: str, clinic_name: str) -> list[Occurrence]:
    key = ("local.phones", region_code, clinic_name)
    if key not in page.cache:
        out = []
        for region in regions(page):
            for hit in phones.find(region.text, region_code):
                slot, fax, third, own = _classify(page, region, hit.start, hit.end, clinic_name)
                out.append(Occurrence(hit.raw, hit.e164, None, region, region.block_at(hit.start), hit.start,
                                      hit.end, slot, fax, third, own))
        page.cache[key] = out
    return page.cache[key]


def address_occurrences(page: Page, clinic_name: str) -> list[Occurrence]:
    key = ("local.addresses", clinic_name)
    if key not in page.cache:
        out = []
        for region in regions(page):
            for hit in addresses.find(region.text):
                slot, _, third, own = _classify(page, region, hit.start, hit.end, clinic_name)
                out.append(Occurrence(hit.raw, None, hit.address, region, region.block_at(hit.start), hit.start,
                                      hit.end, slot, False, third, own))
        page.cache[key] = out
    return page.cache[key]


def tel_links(page: Page, region_code: str) -> list[tuple[str, Link]]:
    """(E.164, link) for every ``tel:`` link with a valid number (computed once per page)."""
    key = ("local.tels", region_code)
    if key not in page.cache:
        out = []
        for link in page.links:
            if link.tag == "a" and link.href.lstrip()[:4].lower() == "tel:":
                number = phones.from_tel(link.href.strip(), region_code)
                if number:
                    out.append((number, link))
        page.cache[key] = out
    return page.cache[key]
