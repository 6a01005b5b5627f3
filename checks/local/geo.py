"""Geo phrases in copy: where a service meets a place, and when that reads as keyword stuffing.

Three shapes are stuffing:

1. **Run-on**: a service noun run straight into a place with no preposition, "pain management
   specialist Charlotte, NC". The place is a "City, ST" / "City, State" pair (any US city: the
   city is a capitalised run of up to three words, checked against the gazetteer when the state
   abbreviation could also be a credential such as "MD" or "PA"), or the clinic's own city, a
   service-area city or a state name standing alone at the end of a clause ("... ketamine clinic
   Charlotte."). "our Charlotte clinic", "in Charlotte, NC" and "serving Charlotte, NC" never match:
   the word before the place must be a service noun (``data/service_nouns.txt``).
2. **Repeated**: the same service + city phrase ("ketamine therapy in Charlotte", "Charlotte ketamine
   therapy") more than a set number of times and above a density per 100 words.
3. **City list**: a comma/and-separated run of place names in one paragraph, at least ``city_list_min``
   long, that includes the clinic's city, a service-area city or a "City, ST" pair.

A phrase inside the clinic's own name ("Ketamine Clinic Charlotte" as a brand) is not stuffing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from checks.local import names, vocab
from checks.local.places import Places, state_abbr

_CITY_WORD = r"(?:(?:St|Ft|Mt)\.\s|Saint\s|Fort\s|Mount\s|Port\s|Lake\s)?[A-Z][a-zA-Z'’]*(?:-[A-Z][a-zA-Z'’]*)?"
_CITY = rf"{_CITY_WORD}(?:\s{_CITY_WORD}){{0,2}}"
_TERMINAL = r"(?=\s*(?:[.!?;:)]|$))"
_PREP = r"(?:in|near|around|throughout|across|serving|for|of)\s+(?:the\s+)?(?:greater\s+)?(?:[A-Z][a-z]+\s+area\s+of\s+)?"
_PERSON_NOUNS = re.compile(r"(?<!cent)(?:ist|ists|or|ors|er|ers|ian|ians|eon|eons)$")
# Capitalised words that start a phrase, not a town ("Specialist In Charlotte, NC" in title case)
_NOT_CITY_START = {"in", "near", "serving", "of", "for", "around", "at", "the", "throughout", "across", "from",
                   "to", "and", "or", "our", "your", "with", "by", "on"}
_GAP = re.compile(r"[ \t]+")
_SEPARATOR = re.compile(r"\s*(?:,|;|\||•|·|/|&|\band\b|\bor\b)(?:\s*(?:and|or)\b)?\s*$", re.I)


@cache
def _noun_alt() -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in vocab.service_nouns())


@cache
def _noun_re() -> re.Pattern[str]:
    nouns = vocab.service_nouns()
    # As a trie ("c(?:are|linic(?:s)?|...)"): the same matches as the plain alternation (at a
    # position only one path can match, and the longest noun is tried first, as in the list), but
    # each position tries a letter or two instead of every noun in turn, three times faster.
    # Non-ASCII nouns could case-fold onto one another, so they keep the plain alternation.
    alt = _trie_alt(nouns) if all(n.isascii() for n in nouns) else _noun_alt()
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)


def _trie_alt(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words`` as a trie; a space matches any run of white space."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, dict]) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        group = "(?:" + "|".join(alts) + ")"
        return group + "?" if "" in node else group  # greedy: the longer word first, as in the list

    return emit(trie)


@cache
def _state_alt() -> tuple[str, str]:
    states = vocab.states()
    abbrs = "|".join(sorted(states))
    full = "|".join(re.escape(n) for n in sorted(states.values(), key=len, reverse=True))
    return abbrs, full


@cache
def _city_state_re() -> re.Pattern[str]:
    abbrs, full = _state_alt()
    return re.compile(rf"(?P<city>{_CITY}),?\s(?P<state>(?:{abbrs})(?![\w-])|(?:{full})(?![\w-]))")


def _is_noun(word: str) -> bool:
    return bool(_noun_re().fullmatch(word))


@lru_cache(maxsize=16384)  # the same capitalised words on every page
def _is_state_token(name: str) -> bool:
    """'NC' (capitals only) or a full state name; never the word "In" or "Me"."""
    if len(name) == 2:
        return name.isupper() and name in vocab.states()
    return bool(state_abbr(name))


def _trim_city(places: Places, city: str) -> int:
    """Offset of the longest known city at the end of ``city`` ("Visit Concord" -> 6), or -1."""
    words = list(re.finditer(r"\S+", city))
    for w in words:
        if places.is_city(city[w.start() :]):
            return w.start()
    return -1


@dataclass(frozen=True)
class GeoHit:
    kind: str  # run-on | repeated | city-list
    excerpt: str  # exact text
    start: int
    end: int
    suggestion: str = ""
    service: str = ""
    place: str = ""
    count: int = 1


# -- run-ons -----------------------------------------------------------------------------------


def _place_after(text: str, pos: int, places: Places) -> tuple[int, str, bool] | None:
    """A place starting at ``pos`` (after the noun and one space): (end, place text, standalone)
    where standalone means a city or state without the other."""
    if pos >= len(text) or text[pos] not in _place_starts(places.own_cities):
        return None  # every place below starts with a capital or an own city's first letter
    m = _city_state_re().match(text, pos)
    if m:
        city, state = m.group("city"), m.group("state")
        first = city.split()[0].lower()
        if not any(_is_noun(w) for w in city.split()) and (first not in _NOT_CITY_START or places.is_city(city)):
            abbr = state_abbr(state)
            ambiguous = state.isupper() and state in vocab.cues().ambiguous_states
            # "Jane Smith, MD" is a doctor: with a credential-like abbreviation the city must be
            # one the gazetteer puts in that state ("Baltimore, MD")
            if abbr and (not ambiguous or places.is_city_in(city, abbr)):
                return m.end("state"), text[pos : m.end("state")], False
    for own in _own_city_res(places.own_cities):
        m = own.match(text, pos)
        if m:
            return m.end(), m.group(0), True
    m = _state_name_re().match(text, pos)
    if m:
        return m.end(), m.group(0), True
    return None


_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


@lru_cache(maxsize=256)
def _place_starts(own_cities: tuple[str, ...]) -> frozenset[str]:
    """The characters a place can start with: "City, ST" pairs and state names start with an
    ASCII capital (the patterns are case-sensitive), own cities with their own first letter."""
    return _UPPER | {c[0] for c in own_cities}


@lru_cache(maxsize=256)
def _run_on_start(own_cities: tuple[str, ...]) -> re.Pattern[str]:
    """A noun, white space and a character a place can start with (see _place_starts): a text
    without one has no run-on, so the nouns need not be walked one by one."""
    starts = "|".join(re.escape(c) for c in sorted(_place_starts(own_cities)))
    return re.compile(rf"{_noun_re().pattern}(?=[ \t]+(?-i:{starts}))", re.I)  # the place: case as written


@lru_cache(maxsize=256)
def _own_city_res(own_cities: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The own cities standing alone at the end of a clause, longest first."""
    return tuple(re.compile(rf"{re.escape(city)}(?![\w-]){_TERMINAL}") for city in sorted(own_cities, key=len, reverse=True))


@cache
def _state_name_re() -> re.Pattern[str]:
    _, full = _state_alt()
    return re.compile(rf"(?:{full})(?![\w-]){_TERMINAL}")


def _phrase_start(text: str, noun_start: int) -> int:
    """Walk back from the noun over up to three modifier words ("pain management"), stopping at
    punctuation or a word from ``data/phrase_stops.txt`` ("your trusted")."""
    start = noun_start
    stops = vocab.phrase_stops()
    for _ in range(3):
        m = re.search(r"(?:^|(?<=[\s(\"“]))([A-Za-z#][\w'’#.-]*) $", text[:start])
        if not m or m.group(1).lower().rstrip(".") in stops or m.group(1).endswith("."):
            break
        start = m.start(1)
    return start


def _inside_name(excerpt: str, clinic_name: str) -> bool:
    return bool(clinic_name) and names.mentioned_in(excerpt, clinic_name)


def run_ons(text: str, places: Places, clinic_name: str = "") -> list[GeoHit]:
    hits: list[GeoHit] = []
    if not _run_on_start(places.own_cities).search(text):
        return hits  # no noun is followed by white space and a letter a place can start with
    for m in _noun_re().finditer(text):
        gap = _GAP.match(text, m.end())
        if not gap:
            continue
        place = _place_after(text, gap.end(), places)
        if place is None:
            continue
        end, place_text, standalone = place
        start = _phrase_start(text, m.start())
        before = text[:start].rstrip().lower()
        if standalone and _PERSON_NOUNS.search(m.group(0).lower()) and re.search(r"\b(meet|our|my|named|called|with)$", before):
            continue  # "meet our therapist Charlotte." names a person
        excerpt = text[start:end]
        if _inside_name(excerpt, clinic_name):
            continue
        service = " ".join(text[start : m.end()].split())
        hits.append(GeoHit("run-on", excerpt, start, end, f"{service} in {place_text}", service, place_text))
    return hits


# -- repeated service + city phrases ----------------------------------------------------------


def _place_spans(text: str, places: Places) -> list[tuple[int, int, str]]:
    """(start, end, city) for the clinic's own cities and any "City, ST" pair."""
    out = []
    for city, pattern in _own_city_spans_res(places.own_cities):
        for m in pattern.finditer(text):
            out.append((m.start(), m.end(), city.lower()))
    if not _state_token_re().search(text):
        return sorted(out)  # a "City, ST" pair needs a state written as in the list
    for m in _city_state_re().finditer(text):
        cut = _trim_city(places, m.group("city"))
        start = m.start() + max(cut, 0)
        if cut >= 0 and not any(s <= start < e for s, e, _ in out):
            out.append((start, m.end(), m.group("city")[cut:].lower()))
    return sorted(out)


@lru_cache(maxsize=256)
def _own_city_spans_res(own_cities: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((city, re.compile(rf"(?<![\w-]){re.escape(city)}(?![\w-])")) for city in own_cities)


@cache
def _state_token_re() -> re.Pattern[str]:
    """Any state abbreviation or name as written (case-sensitive, like _city_state_re): a cheap
    test that a text can hold a "City, ST" pair at all."""
    abbrs, full = _state_alt()
    return re.compile(rf"{abbrs}|{full}")


def _service_key(phrase: str, services: list[str]) -> str:
    low = " ".join(phrase.lower().split())
    for s in services:
        if s.strip() and s.strip().lower() in low:
            return s.strip().lower()
    words = low.split()
    return " ".join(words[-2:])


@cache
def _mention_res(services: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    svc_alt = "|".join(re.escape(s.strip()) for s in sorted(services, key=len, reverse=True) if s.strip())
    lead = svc_alt + "|" if svc_alt else ""
    before = re.compile(rf"(?<![\w-])(?P<svc>{lead}(?:[\w'’-]+\s+)?(?:{_noun_alt()}))\s+{_PREP}?$", re.I)
    # after the place only lower-case words count: "Charlotte Ketamine Center" is a name, not a phrase
    after = re.compile(rf"^(?:'s|’s)?\s+(?P<svc>{lead}(?:[a-z][\w'’-]*\s+)?(?:{_noun_alt()}))(?![\w-])")
    return before, after


def mentions(text: str, places: Places, services: list[str], clinic_name: str = "") -> list[GeoHit]:
    """Every service + city phrase, before or after the place ("ketamine therapy in Charlotte",
    "Charlotte ketamine therapy"), keyed by service and city."""
    before_re, after_re = _mention_res(tuple(services))
    out = []
    for start, end, city in _place_spans(text, places):
        m = before_re.search(text[max(0, start - 80) : start])
        if m:
            s = start - (len(text[max(0, start - 80) : start]) - m.start())
            excerpt = text[s:end]
            if not _inside_name(excerpt, clinic_name):
                out.append(GeoHit("repeated", excerpt, s, end, service=_service_key(m.group("svc"), services), place=city))
                continue
        m = after_re.match(text[end : end + 80])
        if m:
            excerpt = text[start : end + m.end()]
            if not _inside_name(excerpt, clinic_name):
                out.append(GeoHit("repeated", excerpt, start, end + m.end(), service=_service_key(m.group("svc"), services), place=city))
    return out


# -- city lists ---------------------------------------------------------------------------------


def _places_in(text: str, places: Places) -> list[tuple[int, int, str, bool]]:
    """(start, end, name, strong) for every place name; "City, ST" is one place; strong = the
    clinic's own city or a city with its state written."""
    out: list[tuple[int, int, str, bool]] = []
    for m in _CITY_RUN.finditer(text):
        at = m.start()
        out.extend((at + s, at + e, name, strong) for s, e, name, strong in _run_places(m.group(0), places))
    merged: list[tuple[int, int, str, bool]] = []
    for s, e, name, strong in out:
        if merged and _is_state_token(name) and re.fullmatch(r",?\s", text[merged[-1][1] : s]) and not _is_state_token(merged[-1][2]):
            ps, _, pname, _ = merged[-1]
            merged[-1] = (ps, e, pname, True)  # "Concord, NC" is one place, with its state
            continue
        merged.append((s, e, name, strong))
    return merged


_CITY_RUN = re.compile(rf"(?<![\w'’-]){_CITY_WORD}(?:\s{_CITY_WORD}){{0,3}}")
_NON_SPACE = re.compile(r"\S+")


@lru_cache(maxsize=16384)  # the same capitalised runs ("Our", "Pain Relief") on every page
def _run_places(run: str, places: Places) -> tuple[tuple[int, int, str, bool], ...]:
    """(start, end, name, strong) of the place names in one run of capitalised words, longest
    name first, offsets within the run."""
    words = list(_NON_SPACE.finditer(run))
    out = []
    i = 0
    while i < len(words):
        for n in range(min(3, len(words) - i), 0, -1):
            s, e = words[i].start(), words[i + n - 1].end()
            name = run[s:e]
            if places.is_city(name) or _is_state_token(name):
                out.append((s, e, name, places.is_own_city(name)))
                i += n
                break
        else:
            i += 1
    return tuple(out)


_WORD_CAPITAL = re.compile(r"(?<![\w'’-])[A-Z]")


def city_lists(text: str, places: Places, min_len: int) -> list[GeoHit]:
    # Each place name found starts with a capital at the start of a word (see _CITY_WORD): a text
    # with fewer such capitals than a list needs holds no list.
    if min_len > 1 and len(_WORD_CAPITAL.findall(text)) < min_len:
        return []
    found = _places_in(text, places)
    hits = []
    run: list[tuple[int, int, str, bool]] = []

    def close() -> None:
        names_ = {r[2].lower() for r in run}
        if len(names_) >= min_len and any(r[3] for r in run):
            excerpt = text[run[0][0] : run[-1][1]]
            hits.append(GeoHit("city-list", excerpt, run[0][0], run[-1][1], place=", ".join(r[2] for r in run),
                               count=len(names_)))

    for item in found:
        if run and _SEPARATOR.match(text[run[-1][1] : item[0]]):
            run.append(item)
            continue
        close()
        run = [item]
    if run:
        close()
    return hits
