"""The Human Disease Ontology's infectious-disease slim (CC0): disease names, synonyms, the kind of
pathogen behind each disease and its named causal agents.

The kind (virus, bacterium, fungus, parasite, prion) comes from the disease's place in the
hierarchy (under "viral infectious disease" and so on) or, for the few terms whose parents were cut
from the slim, from their own name ("bacterial pneumonia"). Agents come from the definitions'
``has_material_basis_in`` clauses. A few lines of parsing, so no OBO library is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

CLASS_ROOTS = {
    "DOID:934": "virus",
    "DOID:104": "bacterium",
    "DOID:1564": "fungus",
    "DOID:1398": "parasite",
    "DOID:649": "prion",
}
_NAME_CLASS = (
    (re.compile(r"\b(viral|virus)\b", re.I), "virus"),
    (re.compile(r"\b(bacterial|gonococcal|streptococcal|staphylococcal|tubercul\w*)\b", re.I), "bacterium"),
    (re.compile(r"\b(fungal|mycosis|candid\w*)\b", re.I), "fungus"),
    (re.compile(r"\bparasitic\b", re.I), "parasite"),
)
_SYNONYM = re.compile(r'^"((?:[^"\\]|\\.)*)"\s+(\w+)')
_AGENT = re.compile(r"has_material_basis_in\s+(.+?)(?=,|;| which| that|\.\s|\.\"|\"| and has| and results| and |$)")
_PAREN = re.compile(r"\s*\([^)]*\)?")
# Agent phrases too general to name one organism.
_GENERIC_AGENT = re.compile(
    r"^(a |an |the |viruses|virus|bacteria|fungi|fungus|infection|persistent|autosomal|the acquisition)|infection located",
    re.I,
)


@dataclass
class Term:
    id: str
    name: str
    synonyms: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    definition: str = ""
    obsolete: bool = False
    pathogen_class: str | None = None
    agents: list[str] = field(default_factory=list)


def parse_obo(text: str) -> dict[str, Term]:
    terms: dict[str, Term] = {}
    cur: Term | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            cur = Term("", "") if line == "[Term]" else None
            continue
        if cur is None or ": " not in line:
            continue
        key, value = line.split(": ", 1)
        if key == "id":
            cur.id = value
            terms[value] = cur
        elif key == "name":
            cur.name = value
        elif key == "synonym":
            m = _SYNONYM.match(value)
            if m and m.group(2) == "EXACT":
                cur.synonyms.append(m.group(1))
        elif key == "is_a":
            cur.parents.append(value.split(" ! ")[0].strip())
        elif key == "def":
            cur.definition = value
        elif key == "is_obsolete" and value == "true":
            cur.obsolete = True
    for term in terms.values():
        term.agents = agents_of(term.definition)
    for term in terms.values():
        term.pathogen_class = _class_of(term, terms, set())
    return terms


def load_terms(path: Path) -> dict[str, Term]:
    return parse_obo(path.read_text(encoding="utf-8"))


def agents_of(definition: str) -> list[str]:
    """Organism names from 'has_material_basis_in Borrelia burgdorferi, which is ...'."""
    out: list[str] = []
    for m in _AGENT.finditer(definition):
        for part in re.split(r"\s+or\s+(?:has_material_basis_in\s+)?", m.group(1)):
            alt = re.findall(r"\(([^)]+)\)", part)
            name = _PAREN.sub("", part).strip().rstrip(".")
            name = re.sub(r"\s+(infection|species|complex)$", "", name)
            for candidate in [name, *alt]:
                candidate = candidate.strip()
                if _GENERIC_AGENT.search(candidate) or len(candidate) < 5 or "_" in candidate:
                    continue
                if " " not in candidate and not candidate.lower().endswith("virus"):
                    continue  # a genus alone ("Rickettsia") is too broad to judge by
                if candidate not in out:
                    out.append(candidate)
    return out


def _class_of(term: Term, terms: dict[str, Term], seen: set[str]) -> str | None:
    if term.id in CLASS_ROOTS:
        return CLASS_ROOTS[term.id]
    found = set()
    for pid in term.parents:
        if pid in seen or pid not in terms:
            continue
        seen.add(pid)
        c = _class_of(terms[pid], terms, seen)
        if c:
            found.add(c)
    if not found:
        for pattern, cls in _NAME_CLASS:
            if pattern.search(term.name):
                found.add(cls)
    return found.pop() if len(found) == 1 else None


def term_url(doid: str) -> str:
    return f"https://disease-ontology.org/?id={doid}"
