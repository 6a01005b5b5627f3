"""Place names: US states, the gazetteer of US towns, and the clinic's own city and service area."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from checks.local import vocab


def state_abbr(value: str) -> str | None:
    """'NC', 'N.C.' or 'North Carolina' (any case) -> 'NC'; None when not a US state."""
    v = value.strip().rstrip(".")
    compact = v.replace(".", "").upper()
    if len(compact) == 2 and compact in vocab.states():
        return compact
    return _state_names().get(" ".join(v.lower().split()))


@cache
def _state_names() -> dict[str, str]:
    return {name.lower(): abbr for abbr, name in vocab.states().items()}


def is_gazetteer_city(name: str) -> bool:
    return " ".join(name.lower().split()) in vocab.cities()


def gazetteer_states(name: str) -> frozenset[str]:
    return vocab.cities().get(" ".join(name.lower().split()), frozenset())


def split_place(entry: str) -> tuple[str, str | None]:
    """'Concord, NC' -> ('Concord', 'NC'); 'Concord' -> ('Concord', None)."""
    city, _, state = entry.partition(",")
    return city.strip(), (state_abbr(state) if state.strip() else None)


@dataclass(frozen=True)
class Places:
    """The places one site talks about: its city and state, and its service-area cities."""

    city: str
    state: str | None  # postal abbreviation
    area: tuple[str, ...]  # service-area city names, without states

    @cached_property  # read for every capitalised word of every page
    def own_cities(self) -> tuple[str, ...]:
        names = ([self.city] if self.city else []) + list(self.area)
        return tuple(dict.fromkeys(n for n in names if n))

    @cached_property
    def _own_lower(self) -> frozenset[str]:
        return frozenset(c.lower() for c in self.own_cities)

    def is_own_city(self, name: str) -> bool:
        return " ".join(name.lower().split()) in self._own_lower

    def is_city(self, name: str) -> bool:
        return self.is_own_city(name) or is_gazetteer_city(name)

    def is_city_in(self, name: str, abbr: str) -> bool:
        """Is ``name`` a city of the state ``abbr`` (the clinic's own, or per the gazetteer)?"""
        if self.is_own_city(name) and (self.state in (None, abbr)):
            return True
        return abbr in gazetteer_states(name)

    def mentions(self, text: str) -> bool:
        """Does ``text`` name the clinic's city, a service-area city or the clinic's state?"""
        for city in self.own_cities:
            if re.search(rf"(?<![\w-]){re.escape(city)}(?![\w-])", text, re.I):
                return True
        if self.state:
            name = vocab.states()[self.state]
            if re.search(rf"(?<![\w-]){re.escape(self.state)}(?![\w-])", text):
                return True
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.I):
                return True
        return False


def places_for(city: str, state: str, service_area: list[str] | tuple[str, ...]) -> Places:
    area = tuple(split_place(e)[0] for e in service_area if isinstance(e, str) and e.strip())
    return Places(city.strip(), state_abbr(state) if state else None, area)
