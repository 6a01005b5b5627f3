"""Load and validate the data files: relation templates, concepts, the Disease Ontology and facts.

Everything is checked and compiled once (one word trie, one pattern index), so matching a page is a
single pass per sentence. A malformed entry raises :class:`FactBaseError` naming file, entry, field.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from checks.medical.facts import lexer as lx
from checks.medical.facts.model import (
    FDA_RELATIONS,
    KINDS,
    PATHOGEN_CLASSES,
    RELATIONS,
    SEVERITIES,
    Authority,
    Concept,
    Fact,
    Pattern,
)
from checks.medical.facts.ontology import Term, load_terms
from checks.medical.facts.schema import Checker, FactBaseError, check_url

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE.parent / "data"
RELATIONS_FILE = PACKAGE / "relations.yaml"
FACTS_DIR = DATA / "facts"
ONTOLOGY_FILE = DATA / "disease_ontology" / "DO_infectious_disease_slim.obo"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster
_CONCEPT_FIELDS = {"id", "label", "kind", "names", "cased", "parents", "pathogen_class", "agents", "doid", "disjoint", "note"}
_FACT_FIELDS = {"id", "fact", "claim", "wrong", "bad", "good", "authority", "severity", "correction", "rule", "note"}
_PATTERN_FIELDS = {"subject", "relation", "object", "polarity", "hedged"}
ANY = "any"  # pattern object: anything, stated or not
UNSPECIFIED = "unspecified"  # pattern object: approval claimed with no use named ("X is FDA-approved")
# DO names shorter than this are skipped (too ambiguous: "CS", "PID"), unless all capitals and cased.
_MIN_NAME = 4


def read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise FactBaseError(path.name, None, None, f"not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    except OSError as exc:
        raise FactBaseError(path.name, None, None, f"cannot read: {exc.strerror}") from None


# -- relation templates ---------------------------------------------------------------------------

def load_grammar(lexicon: lx.Lexicon, path: Path = RELATIONS_FILE) -> dict[str, str]:
    """Add relation phrases and function words to ``lexicon``; return class adjective -> class."""
    data = read_yaml(path)
    name = path.name
    if not isinstance(data, dict):
        raise FactBaseError(name, None, None, "must be a mapping with relations, approval and words")
    for rel, voices in (data.get("relations") or {}).items():
        if rel not in RELATIONS:
            raise FactBaseError(name, rel, None, f"unknown relation (known: {', '.join(RELATIONS)})")
        for voice, phrases in voices.items():
            if voice not in ("active", "passive", "nominal_active"):
                raise FactBaseError(name, rel, voice, "voice must be active, passive or nominal_active")
            v = "active" if voice == "nominal_active" else voice
            lexicon.add_all(_phrases(name, rel, voice, phrases), lx.Payload(frozenset((lx.TRIG,)), triggers=((rel, v),)))
    approval = data.get("approval") or {}
    roles = {"phrases": lx.APPROVAL, "bare": lx.BARE_APPROVAL, "purpose": lx.PURPOSE,
             "prevent_purpose": lx.PREVENT_PURPOSE, "treatment_nouns": lx.TNOUN, "listing": lx.LISTING}
    for key, role in roles.items():
        lexicon.add_all(_phrases(name, "approval", key, approval.get(key)), lx.Payload(frozenset((role,))))
    words = data.get("words") or {}
    for key, role in lx.WORD_CLASSES.items():
        lexicon.add_all(_phrases(name, "words", key, words.get(key)), lx.Payload(frozenset((role,))))
    classes = words.get("class_adjectives") or {}
    for adj, cls in classes.items():
        if cls not in PATHOGEN_CLASSES:
            raise FactBaseError(name, "words", "class_adjectives", f"{cls!r} is not one of {PATHOGEN_CLASSES}")
        lexicon.add(adj, lx.Payload(frozenset((lx.CLASSADJ,)), value=cls))
    return dict(classes)


def _phrases(file: str, entry: str, field: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise FactBaseError(file, entry, field, "must be a list of phrases")
    return value


# -- concepts -------------------------------------------------------------------------------------

def concept_files(data: Path = DATA) -> list[Path]:
    return sorted(data.glob("concepts*.yaml"))


def load_concepts(paths: Iterable[Path]) -> dict[str, Concept]:
    raw: list[tuple[str, dict[str, Any]]] = []
    for path in paths:
        data = read_yaml(path)
        if not isinstance(data, dict) or not isinstance(data.get("concepts"), list):
            raise FactBaseError(path.name, None, "concepts", "must be a list of concept entries")
        raw.extend((path.name, e) for e in data["concepts"])
    concepts: dict[str, Concept] = {}
    for file, entry in raw:
        c = Checker(file, entry, _CONCEPT_FIELDS, {"id", "kind", "names"})
        cid = c.id_slug()
        if cid in concepts:
            raise c.fail("id", f"duplicate concept id (also in {concepts[cid].source})")
        kind = c.choice("kind", KINDS)
        names = c.texts("names")
        cased = c.texts("cased", required=False)
        parents = c.texts("parents", required=False)
        agents = c.texts("agents", required=False)
        pclass = entry.get("pathogen_class")
        if pclass is not None and pclass not in PATHOGEN_CLASSES:
            raise c.fail("pathogen_class", f"must be one of {', '.join(PATHOGEN_CLASSES)}, got {pclass!r}")
        doid = entry.get("doid")
        if doid is not None and not (isinstance(doid, str) and doid.startswith("DOID:")):
            raise c.fail("doid", f"must look like 'DOID:8536', got {doid!r}")
        label = c.text("label", names[0])
        disjoint = entry.get("disjoint", False)
        if not isinstance(disjoint, bool) or (disjoint and kind != "drug_class"):
            raise c.fail("disjoint", "must be true or false, and only on a drug_class")
        concepts[cid] = Concept(cid, label, kind, names + tuple(f"\x00{n}" for n in cased), parents, pclass,
                                agents, doid, file, disjoint)
    for cid, concept in concepts.items():
        for field, refs in (("parents", concept.parents), ("agents", concept.agents)):
            for ref in refs:
                if ref not in concepts:
                    raise FactBaseError(concept.source, cid, field, f"unknown concept {ref!r}")
    return concepts


def plural_forms(name: str) -> list[str]:
    """'opioid' -> 'opioids', 'therapy' -> 'therapies': names are listed once, in the singular."""
    last = name.rsplit(" ", 1)[-1]
    if not last.isalpha() or len(last) < 3 or last.isupper():
        return []
    if last.endswith(("us", "ss", "x")):
        return [name + "es"]  # viruses, abscesses, reflexes
    if last.endswith("s"):
        return []
    if last.endswith("y") and last[-2] not in "aeiou":
        return [name[:-1] + "ies"]
    if last.endswith(("ch", "sh")):
        return [name + "es"]
    return [name + "s"]


def add_concepts(lexicon: lx.Lexicon, concepts: dict[str, Concept]) -> None:
    for concept in concepts.values():
        for name in concept.names:
            if name.startswith("\x00"):
                lexicon.add(name[1:], lx.Payload(frozenset((lx.MENTION,)), concept=concept.id, cased=name[1:]))
                continue
            for form in (name, *plural_forms(name)):
                lexicon.add(form, lx.Payload(frozenset((lx.MENTION,)), concept=concept.id))


# -- Disease Ontology -----------------------------------------------------------------------------

def merge_ontology(concepts: dict[str, Concept], terms: dict[str, Term]) -> dict[str, Concept]:
    """Add every classified infectious disease of the ontology as a concept; enrich curated ones.

    A curated concept with ``doid`` takes the term's synonyms, class and agents unless it states
    its own. Names already used by a curated concept stay with it.
    """
    taken = {lx.phrase_key(n.lstrip("\x00")): c.id for c in concepts.values() for n in c.names}
    by_doid = {c.doid: c for c in concepts.values() if c.doid}
    agent_ids: dict[str, str] = {}
    out = dict(concepts)

    def agent_concept(name: str, cls: str | None) -> str:
        key = lx.phrase_key(name)
        if key in taken:
            return taken[key]
        if name in agent_ids:
            return agent_ids[name]
        aid = "agent." + "-".join(key)
        agent_ids[name] = aid
        out[aid] = Concept(aid, name, "pathogen", (name,), (), cls, (), None, "disease ontology")
        taken[key] = aid
        return aid

    for term in terms.values():
        if term.obsolete or not term.name:
            continue
        agents = tuple(dict.fromkeys(agent_concept(a, term.pathogen_class) for a in term.agents))
        curated = by_doid.get(term.id)
        if curated is not None:
            out[curated.id] = Concept(
                curated.id, curated.label, curated.kind, curated.names, curated.parents,
                curated.pathogen_class or term.pathogen_class, curated.agents or agents, curated.doid, curated.source,
            )
            for n in (term.name, *term.synonyms):
                if lx.phrase_key(n) not in taken and _usable_name(n):
                    out[curated.id] = _with_name(out[curated.id], n)
                    taken[lx.phrase_key(n)] = curated.id
            continue
        if term.pathogen_class is None or "infectious disease" in term.name:
            continue  # unclassified, or a class itself ("viral infectious disease")
        names = [n for n in (term.name, *term.synonyms) if _usable_name(n) and lx.phrase_key(n) not in taken]
        if not names:
            continue
        cid = "do." + term.id.split(":")[1]
        plain = tuple(n for n in names if not _is_acronym(n))
        cased = tuple(f"\x00{n}" for n in names if _is_acronym(n))
        out[cid] = Concept(cid, term.name, "disease", plain + cased, (), term.pathogen_class, agents, term.id,
                           "disease ontology")
        for n in names:
            taken[lx.phrase_key(n)] = cid
    return out


def _is_acronym(name: str) -> bool:
    return name.isupper() and " " not in name


def _usable_name(name: str) -> bool:
    if any(ch.isdigit() for ch in name) or "," in name or "(" in name:
        return False
    return len(name) >= _MIN_NAME or _is_acronym(name) and len(name) >= 3


def _with_name(c: Concept, name: str) -> Concept:
    return Concept(c.id, c.label, c.kind, (*c.names, name), c.parents, c.pathogen_class, c.agents, c.doid, c.source)


# -- facts ----------------------------------------------------------------------------------------

def fact_files(folder: Path = FACTS_DIR) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def load_facts(paths: Iterable[Path], concepts: dict[str, Concept]) -> list[Fact]:
    facts: list[Fact] = []
    seen: dict[str, str] = {}
    for path in paths:
        data = read_yaml(path)
        name = path.name
        if not isinstance(data, dict):
            raise FactBaseError(name, None, None, "must be a mapping with topic, authorities and facts")
        topic = data.get("topic")
        if not isinstance(topic, str) or not topic.strip():
            raise FactBaseError(name, None, "topic", "missing")
        authorities = _authorities(name, data.get("authorities") or {})
        entries = data.get("facts")
        if not isinstance(entries, list) or not entries:
            raise FactBaseError(name, None, "facts", "must be a non-empty list of fact entries")
        for entry in entries:
            fact = parse_fact(name, topic, entry, concepts, authorities)
            if fact.id in seen:
                raise FactBaseError(name, fact.id, "id", f"duplicate fact id (also in {seen[fact.id]})")
            seen[fact.id] = name
            facts.append(fact)
    return facts


def _authorities(file: str, raw: Any) -> dict[str, Authority]:
    if not isinstance(raw, dict):
        raise FactBaseError(file, None, "authorities", "must map a short name to {name, url}")
    out = {}
    for key, value in raw.items():
        if not isinstance(value, dict):
            raise FactBaseError(file, str(key), "authorities", "must be {name, url}")
        c = Checker(file, {"id": key, **value}, {"id", "name", "url"}, {"name", "url"})
        out[str(key)] = Authority(c.text("name"), check_url(c, "url", value.get("url")))
    return out


def parse_fact(file: str, topic: str, entry: Any, concepts: dict[str, Concept],
               authorities: dict[str, Authority]) -> Fact:
    c = Checker(file, entry, _FACT_FIELDS, {"id", "fact", "claim", "bad", "good", "authority", "correction"})
    fid = c.id_slug()
    claim = parse_pattern(c, "claim", entry["claim"], concepts)
    wrong = [_opposite(claim)]
    raw_wrong = entry.get("wrong", [])
    if not isinstance(raw_wrong, list):
        raise c.fail("wrong", "must be a list of patterns")
    wrong.extend(parse_pattern(c, f"wrong[{i}]", w, concepts) for i, w in enumerate(raw_wrong))
    auth = entry["authority"]
    if isinstance(auth, str):
        if auth not in authorities:
            raise c.fail("authority", f"unknown authority {auth!r} (define it under 'authorities:')")
        authority = authorities[auth]
    elif isinstance(auth, dict):
        ac = Checker(file, {"id": fid, **auth}, {"id", "name", "url"}, {"name", "url"})
        authority = Authority(ac.text("name"), check_url(c, "authority.url", auth.get("url")))
    else:
        raise c.fail("authority", "must be a name from 'authorities:' or {name, url}")
    fda = any(p.relations & FDA_RELATIONS for p in wrong)
    rule = c.choice("rule", ("fact-contradiction", "fda-status"), "fda-status" if fda else "fact-contradiction")
    return Fact(
        id=fid,
        topic=topic,
        fact=c.text("fact"),
        claim=claim,
        wrong=tuple(wrong),
        bad_examples=c.texts("bad"),
        good_examples=c.texts("good"),
        authority=authority,
        severity=c.choice("severity", SEVERITIES, "error"),
        correction=c.text("correction"),
        rule=rule,
        file=file,
    )


def parse_pattern(c: Checker, field: str, raw: Any, concepts: dict[str, Concept]) -> Pattern:
    if not isinstance(raw, dict):
        raise c.fail(field, "must be a mapping {subject, relation, object, polarity}")
    unknown = sorted(set(raw) - _PATTERN_FIELDS)
    if unknown:
        raise c.fail(f"{field}.{unknown[0]}", f"unknown field (allowed: {', '.join(sorted(_PATTERN_FIELDS))})")
    for required in ("subject", "relation", "object"):
        if raw.get(required) in (None, "", []):
            raise c.fail(f"{field}.{required}", "missing")
    subjects = _ids(c, f"{field}.subject", raw["subject"], concepts)
    relations = _list(c, f"{field}.relation", raw["relation"])
    for r in relations:
        if r not in RELATIONS:
            raise c.fail(f"{field}.relation", f"unknown relation {r!r} (known: {', '.join(RELATIONS)})")
    obj_raw = raw["object"]
    objects: frozenset[str] | None
    if obj_raw == ANY:
        objects = None
    else:
        objects = _ids(c, f"{field}.object", obj_raw, concepts, allow={UNSPECIFIED})
    polarity = raw.get("polarity", "positive")
    if polarity not in ("positive", "negative"):
        raise c.fail(f"{field}.polarity", f"must be positive or negative, got {polarity!r}")
    hedged = raw.get("hedged", False)
    if not isinstance(hedged, bool):
        raise c.fail(f"{field}.hedged", f"must be true or false, got {hedged!r}")
    return Pattern(subjects, frozenset(relations), objects, polarity == "positive", hedged)


def _list(c: Checker, field: str, value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    if not values or not all(isinstance(v, str) and v for v in values):
        raise c.fail(field, "must be a name or a list of names")
    return values


def _ids(c: Checker, field: str, value: Any, concepts: dict[str, Concept], allow: set[str] | None = None) -> frozenset[str]:
    ids = _list(c, field, value)
    for cid in ids:
        if cid not in concepts and cid not in (allow or set()):
            raise c.fail(field, f"unknown concept {cid!r} (concepts live in checks/medical/data/concepts*.yaml)")
    return frozenset(ids)


def _opposite(p: Pattern) -> Pattern:
    """The claim's contradiction is always wrong: 'gabapentin is not approved for PHN'."""
    return Pattern(p.subjects, p.relations, p.objects, not p.positive, p.when_hedged)


def load_ontology(path: Path = ONTOLOGY_FILE) -> dict[str, Term]:
    try:
        return load_terms(path)
    except OSError as exc:
        raise FactBaseError(path.name, None, None, f"cannot read: {exc.strerror}") from None
