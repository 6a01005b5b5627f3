"""The claim lexicon (``data/claims.yaml``), loaded once and checked.

Editors maintain the YAML; a malformed entry is rejected with the file, the entry and the field
named, so a typo in a regular expression never turns into a silent no-op.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from seotool.rules import Source

CLAIMS_FILE = Path(__file__).parent / "data" / "claims.yaml"


class LexiconError(ValueError):
    """A malformed entry in the claim lexicon."""


@dataclass(frozen=True)
class Pattern:
    id: str
    regex: re.Pattern[str]
    message: str
    suggestion: str = ""
    kind: str = ""
    unless: re.Pattern[str] | None = None
    hedgeable: bool = False


@dataclass(frozen=True)
class OffLabel:
    treatment: re.Pattern[str]
    not_if: re.Pattern[str] | None
    approved: str
    uses: re.Pattern[str]
    source: Source
    rewording: str


@dataclass(frozen=True)
class Aspect:
    """One usual part of a page about a condition: how its heading and its opening sentence read."""

    name: str
    heading: re.Pattern[str]
    opening: re.Pattern[str]


@dataclass(frozen=True)
class Lexicon:
    absolute: tuple[Pattern, ...]
    negated_by: re.Pattern[str]
    certainty: re.Pattern[str]  # verb followed by an object, e.g. "relieving your symptoms"
    off_label_verbs: re.Pattern[str]
    hedges: re.Pattern[str]
    treatments: re.Pattern[str]
    off_label: tuple[OffLabel, ...]
    leftovers: tuple[Pattern, ...]
    medical_terms: re.Pattern[str]
    medical_min_words: int
    medical_min_terms: int
    medical_not_paths: re.Pattern[str]
    byline: re.Pattern[str]
    date: re.Pattern[str]
    disclaimer: re.Pattern[str]
    authoritative_hosts: tuple[str, ...]
    references_heading: re.Pattern[str]
    sources: dict[str, Source]
    condition_names: re.Pattern[str]
    treatment_names: re.Pattern[str]
    not_fragments: re.Pattern[str]  # short lowercase words that are not cut-off words
    aspects: tuple[Aspect, ...] = ()  # the usual parts of a condition page (symptoms, causes ...)


class _Reader:
    """Field access that names the file, entry and field in every error."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> LexiconError:
        return LexiconError(f"{self.path.name}: {where}: {problem}")

    def field(self, node: Any, key: str, where: str, kind: type = str, required: bool = True) -> Any:
        if not isinstance(node, dict):
            raise self.fail(where, "must be a mapping")
        if key not in node or node[key] is None:
            if required:
                raise self.fail(where, f"field '{key}' is missing")
            return None
        value = node[key]
        if not isinstance(value, kind):
            raise self.fail(where, f"field '{key}' must be a {kind.__name__}")
        return value

    def regex(self, node: Any, key: str, where: str, required: bool = True, flags: int = re.I) -> re.Pattern[str] | None:
        text = self.field(node, key, where, str, required)
        if text is None:
            return None
        try:
            return re.compile(text, flags)
        except re.error as exc:
            raise self.fail(where, f"field '{key}' is not a valid regular expression ({exc})") from None


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster, same data


def load_lexicon(path: Path = CLAIMS_FILE) -> Lexicon:
    """Read and validate the lexicon at ``path``; raises LexiconError naming what is wrong."""
    r = _Reader(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path.name}: not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path.name}: must be a mapping of sections")

    sources: dict[str, Source] = {}
    for key, node in (r.field(data, "sources", "sources", dict) or {}).items():
        where = f"sources.{key}"
        sources[key] = Source(r.field(node, "name", where), r.field(node, "url", where))

    def patterns(section: str, need_suggestion: bool) -> tuple[Pattern, ...]:
        out = []
        for i, node in enumerate(r.field(data, section, section, list)):
            where = f"{section}[{i}]" + (f" ({node.get('id')})" if isinstance(node, dict) and node.get("id") else "")
            flags = 0 if isinstance(node, dict) and node.get("case") == "sensitive" else re.I
            out.append(Pattern(
                id=r.field(node, "id", where),
                regex=r.regex(node, "pattern", where, flags=flags),  # type: ignore[arg-type]
                message=r.field(node, "message", where),
                suggestion=r.field(node, "suggestion", where, required=need_suggestion) or "",
                kind=r.field(node, "kind", where, required=False) or "",
                unless=r.regex(node, "unless", where, required=False, flags=flags),
                hedgeable=bool(r.field(node, "hedgeable", where, bool, required=False)),
            ))
        return tuple(out)

    off_label = []
    for i, node in enumerate(r.field(data, "off_label", "off_label", list)):
        where = f"off_label[{i}]"
        src = r.field(node, "source", where)
        if src not in sources:
            raise r.fail(where, f"field 'source' names unknown source {src!r}")
        off_label.append(OffLabel(
            treatment=r.regex(node, "treatment", where),  # type: ignore[arg-type]
            not_if=r.regex(node, "not_if", where, required=False),
            approved=r.field(node, "approved", where),
            uses=r.regex(node, "uses", where),  # type: ignore[arg-type]
            source=sources[src],
            rewording=r.field(node, "rewording", where),
        ))

    verbs = r.field(data, "certainty_verbs", "certainty_verbs")
    objects = r.field(data, "certainty_objects", "certainty_objects")
    try:
        certainty = re.compile(rf"(?:{verbs})(?:\s+[\w'’-]+,?){{0,4}}?\s+(?:{objects})", re.I)
    except re.error as exc:
        raise r.fail("certainty_verbs", f"not a valid regular expression ({exc})") from None

    page = r.field(data, "medical_page", "medical_page", dict)
    trust = r.field(data, "trust", "trust", dict)
    hosts = r.field(trust, "authoritative_hosts", "trust", list)
    structure = r.field(data, "structure", "structure", dict)
    integrity = r.field(data, "integrity", "integrity", dict)
    aspects = tuple(
        Aspect(name, r.regex(node, "heading", f"structure.aspects.{name}"),  # type: ignore[arg-type]
               r.regex(node, "opening", f"structure.aspects.{name}"))  # type: ignore[arg-type]
        for name, node in (r.field(structure, "aspects", "structure", dict, required=False) or {}).items()
    )
    return Lexicon(
        absolute=patterns("absolute_claims", need_suggestion=True),
        negated_by=r.regex(data, "negated_by", "negated_by"),  # type: ignore[arg-type]
        certainty=certainty,
        off_label_verbs=r.regex(data, "off_label_verbs", "off_label_verbs"),  # type: ignore[arg-type]
        hedges=r.regex(data, "hedges", "hedges"),  # type: ignore[arg-type]
        treatments=r.regex(data, "treatments", "treatments"),  # type: ignore[arg-type]
        off_label=tuple(off_label),
        leftovers=patterns("template_leftovers", need_suggestion=False),
        medical_terms=r.regex(page, "terms", "medical_page"),  # type: ignore[arg-type]
        medical_min_words=r.field(page, "min_words", "medical_page", int),
        medical_min_terms=r.field(page, "min_terms", "medical_page", int),
        medical_not_paths=r.regex(page, "not_paths", "medical_page"),  # type: ignore[arg-type]
        byline=r.regex(trust, "byline", "trust", flags=0),  # type: ignore[arg-type]
        date=r.regex(trust, "date", "trust"),  # type: ignore[arg-type]
        disclaimer=r.regex(trust, "disclaimer", "trust"),  # type: ignore[arg-type]
        authoritative_hosts=tuple(str(h).lower() for h in hosts),
        references_heading=r.regex(trust, "references_heading", "trust"),  # type: ignore[arg-type]
        sources=sources,
        condition_names=r.regex(structure, "condition_names", "structure"),  # type: ignore[arg-type]
        treatment_names=r.regex(structure, "treatment_names", "structure"),  # type: ignore[arg-type]
        not_fragments=r.regex(integrity, "not_fragments", "integrity"),  # type: ignore[arg-type]
        aspects=aspects,
    )


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    return load_lexicon()
