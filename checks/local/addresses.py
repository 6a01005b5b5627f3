"""US street addresses: found in text, parsed with ``usaddress`` and compared part by part.

Comparison forgives formatting ("St." = "Street", "Ste" = "Suite", "N." = "North", ZIP+4 = ZIP,
"NC" = "North Carolina") but never a different house number, street or city. A part that one side
leaves out (no suite, no ZIP) is not a difference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import usaddress

from checks.local import vocab
from checks.local.places import state_abbr

# Parts compared, in the order a difference is reported.
PARTS = ("number", "street", "suffix", "predir", "postdir", "unit", "city", "state", "zip5")


@dataclass(frozen=True)
class Address:
    raw: str
    number: str = ""
    predir: str = ""
    street: str = ""
    suffix: str = ""
    postdir: str = ""
    unit: str = ""
    city: str = ""
    state: str = ""
    zip5: str = ""

    @property
    def has_street(self) -> bool:
        return bool(self.number and self.street)

    def differences(self, other: Address) -> list[str]:
        """Parts that contradict each other (both present and different)."""
        return [p for p in PARTS if getattr(self, p) and getattr(other, p) and getattr(self, p) != getattr(other, p)]


def _word(w: str, table: dict[str, str]) -> str:
    key = w.lower().strip(".,")
    return table.get(key, key)


def _words(value: str) -> str:
    words = re.findall(r"[\w'’]+", value.lower())
    table = vocab.address_words()
    return " ".join(table.get(w, w) for w in words).replace("’", "'")


def parse(text: str) -> Address | None:
    """Parse one written address; None when usaddress cannot make a street address of it."""
    text = " ".join(text.split())
    if not text or len(text) > 300:
        return None
    try:
        tagged, kind = usaddress.tag(text)
    except usaddress.RepeatedLabelError:
        return None
    if kind not in ("Street Address", "Ambiguous"):
        return None
    number = tagged.get("AddressNumber", "").lower().strip()
    unit_id = re.sub(r"[#\s.]", "", tagged.get("OccupancyIdentifier", "").lower())
    zip_code = re.sub(r"\D", "", tagged.get("ZipCode", ""))[:5]
    state = tagged.get("StateName", "")
    return Address(
        raw=text,
        number=number,
        predir=_words(tagged.get("StreetNamePreDirectional", "")),
        street=_words(tagged.get("StreetName", "")),
        suffix=_word(tagged.get("StreetNamePostType", ""), vocab.street_suffixes()),
        postdir=_words(tagged.get("StreetNamePostDirectional", "")),
        unit=unit_id,
        city=" ".join(_words(tagged.get("PlaceName", "")).split()),
        state=(state_abbr(state) or state.lower()) if state else "",
        zip5=zip_code,
    )


def from_parts(street: str, city: str = "", state: str = "", postal_code: str = "") -> Address | None:
    """The profile's address, from its separate fields."""
    line = ", ".join(p for p in (street.strip(), city.strip(), f"{state.strip()} {postal_code.strip()}".strip()) if p)
    return parse(line) if line else None


def _state_alt() -> str:
    states = vocab.states()
    return "|".join(sorted([*states, *(re.escape(n) for n in states.values())], key=len, reverse=True))


@cache
def _state_anywhere() -> re.Pattern[str]:
    """A state as the address pattern writes it (case-sensitive), anywhere in a text."""
    return re.compile(_state_alt())


@cache
def _pattern() -> re.Pattern[str]:
    suffixes = sorted(vocab.street_suffixes(), key=len, reverse=True)
    state_alt = _state_alt()
    suffix_alt = "|".join(re.escape(s) for s in suffixes)
    return re.compile(
        r"(?<![\w-])\d{1,6}[A-Za-z]?"  # house number
        r"\s+(?:[A-Za-z0-9][\w.'’-]*\s+){0,5}?"  # street name words (few, lazily)
        rf"(?i:{suffix_alt})\.?(?![\w-])"  # suffix
        r"(?:\s+(?i:N|S|E|W|NE|NW|SE|SW)\.?(?![\w-]))?"  # post-directional
        r"(?:,?\s*(?i:suite|ste\.?|unit|apt\.?|bldg\.?|building|floor|fl\.?|room|rm\.?|#)\s*#?\s*[\w-]+)?"  # unit
        r"[,\s]+[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,3}"  # city
        rf",?\s+(?:{state_alt})(?![\w-])"  # state (a sentence's full stop is not part of it)
        r"(?:,?\s+\d{5}(?:-\d{4})?)?"  # ZIP or ZIP+4
    )


@dataclass(frozen=True)
class AddressHit:
    address: Address
    start: int
    end: int

    @property
    def raw(self) -> str:
        return self.address.raw


def find(text: str) -> list[AddressHit]:
    """Street addresses written in ``text`` ("123 Main St, Suite 4, Charlotte, NC 28202")."""
    if not re.search(r"\d", text):
        return []
    return list(_find_once(text))


@lru_cache(maxsize=1024)  # the footer (with the clinic's address) is the same text on every page
def _find_once(text: str) -> tuple[AddressHit, ...]:
    if not _state_anywhere().search(text):
        return ()  # every address ends with a state, and most texts name none
    out = []
    for m in _pattern().finditer(text[:200_000]):
        written = m.group(0).strip()
        parsed = parse(written)
        if parsed is not None and parsed.has_street:
            out.append(AddressHit(parsed, m.start(), m.start() + len(written)))
    return tuple(out)
