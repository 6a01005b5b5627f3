"""The local family's vocabularies, read once from ``checks/local/data`` (see its README.md).

Every file is checked as it is read: a malformed line stops with a message naming the file and the
line, so an editor who adds a word sees at once what is wrong.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


class VocabularyError(ValueError):
    """A data file of the local family is malformed."""


def _lines(name: str) -> list[tuple[int, str]]:
    out = []
    for number, raw in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line and not line.startswith("# ") and line != "#":
            out.append((number, line))
    return out


def read_list(name: str) -> tuple[str, ...]:
    """A one-entry-a-line file; ``# `` starts a comment line (a lone ``#1`` is a word)."""
    return tuple(line for _, line in _lines(name))


def read_pairs(name: str) -> tuple[tuple[str, str], ...]:
    """A two-column tab-separated file."""
    out = []
    for number, line in _lines(name):
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise VocabularyError(f"{DATA / name}:{number}: expected two tab-separated columns, got {line!r}")
        out.append((parts[0].strip(), parts[1].strip()))
    return tuple(out)


@dataclass(frozen=True)
class Cues:
    clinic: tuple[str, ...]
    third_party: tuple[str, ...]
    fax_labels: tuple[str, ...]
    dial_lead_ins: tuple[str, ...]
    map_hosts: tuple[str, ...]
    directions_words: tuple[str, ...]
    ambiguous_states: frozenset[str]


@cache
def cues() -> Cues:
    path = DATA / "cues.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    keys = ("clinic_cues", "third_party_cues", "fax_labels", "dial_lead_ins", "map_hosts", "directions_words",
            "ambiguous_state_abbreviations")
    for key in keys:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise VocabularyError(f"{path}: '{key}' must be a list of non-empty strings")
    extra = set(data) - set(keys)
    if extra:
        raise VocabularyError(f"{path}: unknown key(s) {', '.join(sorted(extra))}")
    low = {k: tuple(v.lower() for v in data[k]) for k in keys}
    return Cues(low["clinic_cues"], low["third_party_cues"], low["fax_labels"], low["dial_lead_ins"], low["map_hosts"],
                low["directions_words"], frozenset(v.upper() for v in data["ambiguous_state_abbreviations"]))


@cache
def service_nouns() -> tuple[str, ...]:
    """Longest first, so "urgent care" wins over "care"."""
    return tuple(sorted({w.lower() for w in read_list("service_nouns.txt")}, key=lambda w: (-len(w), w)))


@cache
def phrase_stops() -> frozenset[str]:
    return frozenset(w.lower() for w in read_list("phrase_stops.txt"))


@cache
def business_types() -> frozenset[str]:
    return frozenset(read_list("business_types.txt"))


@cache
def service_page_segments() -> tuple[str, ...]:
    return tuple(s.lower() for s in read_list("service_page_segments.txt"))


@cache
def states() -> dict[str, str]:
    """Postal abbreviation -> state name."""
    pairs = read_pairs("us_states.tsv")
    for abbr, _ in pairs:
        if len(abbr) != 2 or not abbr.isupper():
            raise VocabularyError(f"{DATA / 'us_states.tsv'}: {abbr!r} is not a two-letter abbreviation")
    return dict(pairs)


@cache
def cities() -> dict[str, frozenset[str]]:
    """Lower-cased city name -> the states it is in."""
    out: dict[str, set[str]] = {}
    known = states()
    for name, state in read_pairs("us_cities.tsv"):
        if state not in known:
            raise VocabularyError(f"{DATA / 'us_cities.tsv'}: unknown state {state!r} for {name!r}")
        out.setdefault(name.lower(), set()).add(state)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def street_suffixes() -> dict[str, str]:
    return {a.lower(): b.lower() for a, b in read_pairs("street_suffixes.tsv")}


@cache
def address_words() -> dict[str, str]:
    return {a.lower(): b.lower() for a, b in read_pairs("address_words.tsv")}


@cache
def name_words() -> dict[str, str]:
    return {a.lower(): b.lower() for a, b in read_pairs("name_words.tsv")}
