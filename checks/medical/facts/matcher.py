"""Judge what a sentence asserts against the fact base and the Disease Ontology.

``KnowledgeBase.check(sentence)`` lexes the sentence (one trie pass), reads its statements and looks
each one up in a dict keyed by (subject, relation): no loop over the fact entries. A statement that
matches a fact's wrong pattern becomes a verdict of ``medical.fact-contradiction`` (or
``medical.fda-status`` for approval claims); a pathogen of the wrong kind for an infectious disease,
or a disease said to cause its own pathogen, becomes ``medical.wrong-pathogen``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from checks.medical.facts import lexer as lx
from checks.medical.facts.anaphora import (
    AMBIGUOUS,
    defined_noun,
    heading_topic,
    may_resolve,
    resolve,
    subject_topic,
)
from checks.medical.facts.extract import extract
from checks.medical.facts.loader import (
    ONTOLOGY_FILE,
    RELATIONS_FILE,
    UNSPECIFIED,
    add_concepts,
    concept_files,
    fact_files,
    load_concepts,
    load_facts,
    load_grammar,
    load_ontology,
    merge_ontology,
)
from checks.medical.facts.model import Authority, Concept, Fact, Pattern, Statement
from checks.medical.facts.ontology import term_url

CLASS_NOUN = {"virus": "a virus", "bacterium": "bacteria", "fungus": "a fungus", "parasite": "a parasite",
              "prion": "a prion"}
CLASS_ADJ = {"virus": "viral", "bacterium": "bacterial", "fungus": "fungal", "parasite": "parasitic",
             "prion": "prion"}
INFECTION_CLASS_IDS = {"virus": "viral_infection", "bacterium": "bacterial_infection",
                       "fungus": "fungal_infection", "parasite": "parasitic_infection", "prion": "prion_disease"}
_PATHOGEN_KINDS = frozenset({"pathogen", "pathogen_class"})
_PHRASES = {
    "causes": ("causes", "does not cause"),
    "is_a": ("is a kind of", "is not a kind of"),
    "same_as": ("is the same as", "is not the same as"),
    "affects": ("affects", "does not affect"),
    "located_in": ("is located in", "is not located in"),
    "spreads_by": ("spreads through", "does not spread through"),
    "treats": ("treats", "does not treat"),
    "prevents": ("prevents", "does not prevent"),
    "uses": ("uses", "does not use"),
    "given_as": ("is given as", "is not given as"),
    "approved_for": ("is FDA-approved for", "is not FDA-approved for"),
    "approved_to_prevent": ("is FDA-approved to prevent", "is not FDA-approved to prevent"),
}


_NAMING = frozenset({lx.MENTION, lx.CLASSADJ})  # the roles every statement and topic needs
_MAX_MEMO = 20_000  # headings remembered (a site has far fewer distinct ones)


@dataclass(frozen=True)
class Verdict:
    rule: str  # rule slug: fact-contradiction | fda-status | wrong-pathogen
    statement: Statement
    message: str
    suggestion: str
    authority: Authority
    severity: str
    confidence: str
    key: str  # the fact id or ontology check, for fingerprints
    fact: Fact | None = None


class KnowledgeBase:
    def __init__(self, concepts: dict[str, Concept], facts: list[Fact], lexicon: lx.Lexicon,
                 class_ids: dict[str, str]) -> None:
        self.concepts = concepts
        self.facts = facts
        self.lexicon = lexicon
        self.class_ids = class_ids
        self._heading_topics: dict[str, str | None] = {}
        self.index: dict[tuple[str, str], list[tuple[Pattern, Fact]]] = {}
        for fact in facts:
            for pattern in fact.wrong:
                for s in pattern.subjects:
                    for r in pattern.relations:
                        self.index.setdefault((s, r), []).append((pattern, fact))
        # drug -> [(its disjoint class, the fact that says so)], from positive "X is a Y" claims
        self.drug_classes: dict[str, list[tuple[str, Fact]]] = {}
        for fact in facts:
            c = fact.claim
            if not c.positive or "is_a" not in c.relations or not c.objects:
                continue
            for o in c.objects:
                if o in concepts and concepts[o].disjoint:
                    for s in c.subjects:
                        self.drug_classes.setdefault(s, []).append((o, fact))

    # -- reading ---------------------------------------------------------------------------------

    def statements(self, sentence: str) -> list[Statement]:
        return extract(self.lexicon.lex(sentence), self.concepts, self.class_ids)

    def check(self, sentence: str, antecedent: str | None = None) -> list[Verdict]:
        """Every verdict on one sentence, at most one per fact (or ontology check)."""
        return self.read(sentence, antecedent)[0]

    def read(self, sentence: str, antecedent: str | None = None,
             noun: str | None = None) -> tuple[list[Verdict], str | None, str | None]:
        """The verdicts on one sentence, the concept it is about and the noun it defines that concept
        as (see ``anaphora``). A pronoun subject ("It", "This condition", "These cracks" after
        ``noun`` 'crack') is read as ``antecedent`` when one is given."""
        keys = lx.keys(sentence)
        if self.lexicon.names_nothing(keys) and (
            antecedent is None or antecedent == AMBIGUOUS
            or not may_resolve(lx.lowered_words(sentence, keys), antecedent, self.concepts, noun)
        ):
            return [], None, None  # names no concept, and no pronoun can be read as one (see below)
        items = self.lexicon.lex(sentence, keys)
        resolved: str | None = None
        if antecedent is not None and antecedent != AMBIGUOUS:
            items, resolved = resolve(items, antecedent, self.concepts, noun)
        if all(_NAMING.isdisjoint(it.roles) for it in items):
            return [], None, None  # names no concept: no topic, nothing defined, no statement
        topic = subject_topic(items, self.concepts)
        defined = defined_noun(items, topic)
        out: list[Verdict] = []
        keys: set[str] = set()
        for st in self._possible_causes(extract(items, self.concepts, self.class_ids)):
            for v in self.judge(st):
                if v.key not in keys:
                    keys.add(v.key)
                    if resolved and antecedent in (st.subject, st.object):
                        v = replace(v, message=f'Reading "{resolved}" as {self.label(antecedent or "")} (what the '
                                    f"text before it is about): {v.message}", confidence="medium")
                    out.append(v)
        return out, topic, defined

    def heading_topic(self, heading: str) -> str | None:
        """The one condition a heading names (memoised: the same headings recur on every page)."""
        try:
            return self._heading_topics[heading]
        except KeyError:
            pass
        topic = heading_topic(self.lexicon.lex(heading), self.concepts)
        if len(self._heading_topics) >= _MAX_MEMO:
            self._heading_topics.clear()
        self._heading_topics[heading] = topic
        return topic

    def _possible_causes(self, statements: list[Statement]) -> list[Statement]:
        """'Joint infections are caused by bacteria, viruses or fungi' lists possible causes: a
        statement naming two or more kinds of germ for one disease is read as hedged."""
        kinds: dict[str, set[str]] = {}
        for st in statements:
            c = self.concepts.get(st.subject)
            if st.relation == "causes" and st.positive and st.object and c is not None and c.pathogen_class:
                kinds.setdefault(st.object, set()).add(c.pathogen_class)
        for st in statements:
            c = self.concepts.get(st.subject)
            if st.relation == "causes" and c is not None and c.pathogen_class and len(kinds.get(st.object or "", ())) > 1:
                st.hedged = True
        return statements

    def judge(self, st: Statement) -> list[Verdict]:
        found = [self._fact_verdict(st, p, f) for p, f in self.index.get((st.subject, st.relation), ())
                 if _matches(p, st)]
        if not found and st.relation == "same_as" and st.object is not None:  # symmetric
            flipped = Statement(st.object, st.relation, st.subject, st.positive, st.hedged, st.start, st.end)
            found = [self._fact_verdict(st, p, f) for p, f in self.index.get((flipped.subject, "same_as"), ())
                     if _matches(p, flipped)]
        if found:
            return found
        other = self._other_class(st)
        if other is not None:
            return [other]
        onto = self._ontology_verdict(st)
        return [onto] if onto else []

    # -- fact base -------------------------------------------------------------------------------

    def _fact_verdict(self, st: Statement, pattern: Pattern, fact: Fact) -> Verdict:
        said = self.render(st)
        return Verdict(
            rule=fact.rule,
            statement=st,
            message=f"Says {said}, which contradicts an established fact: {fact.fact}",
            suggestion=fact.correction,
            authority=fact.authority,
            severity=fact.severity,
            confidence="high" if not st.hedged else "medium",
            key=fact.id,
            fact=fact,
        )

    def _other_class(self, st: Statement) -> Verdict | None:
        """'Ibuprofen, a muscle relaxant': a drug of one disjoint class called a member of another."""
        if st.relation != "is_a" or not st.positive or st.hedged or st.object is None:
            return None
        obj = self.concepts.get(st.object)
        known = self.drug_classes.get(st.subject)
        if obj is None or not obj.disjoint or not known:
            return None
        lineage = {st.object, *self._ancestors(st.object)}
        if any(cls in lineage or st.object in self._ancestors(cls) for cls, _ in known):
            return None  # "duloxetine is an antidepressant" (an SNRI is one)
        cls, fact = known[0]
        v = self._fact_verdict(st, fact.claim, fact)
        return Verdict(v.rule, st, f"Says {self.render(st)}, but {self.label(st.subject)} is a {self.label(cls)}: "
                       f"{fact.fact}", v.suggestion, v.authority, v.severity, v.confidence, v.key, fact)

    def render(self, st: Statement) -> str:
        subj = self.label(st.subject)
        yes, no = _PHRASES[st.relation]
        verb = yes if st.positive else no
        if st.object is None:
            return f"{subj} {verb.removesuffix(' for')}"
        return f"{subj} {verb} {self.label(st.object)}"

    def label(self, cid: str) -> str:
        c = self.concepts.get(cid)
        return c.label if c else cid

    # -- Disease Ontology ------------------------------------------------------------------------

    def _ontology_verdict(self, st: Statement) -> Verdict | None:
        if not st.positive or st.object is None:
            return None
        subj = self.concepts.get(st.subject)
        obj = self.concepts.get(st.object)
        if subj is None or obj is None:
            return None
        if st.relation == "causes" and obj.kind == "disease" and obj.pathogen_class:
            if subj.kind in _PATHOGEN_KINDS or subj.kind == "infection_class":
                return self._wrong_agent(st, obj, subj)
            return None
        if st.relation == "is_a" and subj.kind == "disease" and subj.pathogen_class:
            if obj.kind in ("infection_class", "pathogen_class") and obj.pathogen_class:
                if obj.pathogen_class != subj.pathogen_class:
                    return self._pathogen_verdict(st, subj, f"{subj.label} is {CLASS_ADJ[obj.pathogen_class]}",
                                                  "high", "class")
            return None
        if st.relation == "causes" and subj.kind == "disease" and (subj.pathogen_class or subj.agents):
            if obj.kind in _PATHOGEN_KINDS:
                return self._pathogen_verdict(
                    st, subj, f"{subj.label} causes {obj.label}", "high", "inversion",
                    why=f"A disease does not cause its pathogen: {obj.label} is an organism, {subj.label} the illness it causes.",
                )
        return None

    def _wrong_agent(self, st: Statement, disease: Concept, agent: Concept) -> Verdict | None:
        if agent.pathogen_class and agent.pathogen_class != disease.pathogen_class:
            return self._pathogen_verdict(st, disease, f"{disease.label} is caused by {agent.label}", "high", "class")
        if agent.kind == "pathogen" and disease.agents and agent.id not in disease.agents:
            if not self._related_agent(agent, disease.agents):
                return self._pathogen_verdict(st, disease, f"{disease.label} is caused by {agent.label}",
                                              "medium", "agent")
        return None

    def _related_agent(self, agent: Concept, known: tuple[str, ...]) -> bool:
        """Same organism family by the curated hierarchy or the same genus (first word of the name)."""
        lineage = set(self._ancestors(agent.id))
        genus = agent.label.split()[0].lower()
        for k in known:
            kc = self.concepts.get(k)
            if kc is None:
                continue
            if k in lineage or agent.id in self._ancestors(k) or kc.label.split()[0].lower() == genus:
                return True
        return False

    def _ancestors(self, cid: str) -> list[str]:
        out: list[str] = []
        todo = list(self.concepts[cid].parents) if cid in self.concepts else []
        while todo:
            p = todo.pop()
            if p not in out:
                out.append(p)
                todo.extend(self.concepts[p].parents if p in self.concepts else ())
        return out

    def _pathogen_verdict(self, st: Statement, disease: Concept, said: str, confidence: str, check: str,
                          why: str = "") -> Verdict:
        cls = disease.pathogen_class
        agents = [self.label(a) for a in disease.agents][:2]
        if agents:
            cause = " or ".join(agents) + (f" ({CLASS_NOUN[cls].removeprefix('a ')})" if cls else "")
        else:
            cause = CLASS_NOUN.get(cls or "", "a specific organism")
        correct = f"{_cap(disease.label)} is caused by {cause}" + (f": it is a {CLASS_ADJ[cls]} infection." if cls else ".")
        doid = disease.doid
        authority = Authority(f"Human Disease Ontology, {doid} ({disease.label})", term_url(doid)) if doid else Authority(
            "Human Disease Ontology", "https://disease-ontology.org/")
        message = f"Says {said}, but {why or correct}"
        if why:
            message = f"Says {said}. {why}"
        return Verdict("wrong-pathogen", st, message, correct, authority, "error", confidence,
                       f"ontology:{check}:{disease.id}:{st.subject}:{st.object}")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _matches(p: Pattern, st: Statement) -> bool:
    if p.positive != st.positive or (st.hedged and not p.when_hedged):
        return False
    if p.objects is None:
        return True
    if st.object is None:
        return UNSPECIFIED in p.objects
    return st.object in p.objects


def build(concept_paths: list[Path] | None = None, fact_paths: list[Path] | None = None,
          relations_path: Path = RELATIONS_FILE, ontology_path: Path | None = ONTOLOGY_FILE) -> KnowledgeBase:
    """Load, validate and compile everything (raises FactBaseError on a malformed entry)."""
    lexicon = lx.Lexicon()
    concepts = load_concepts(concept_paths if concept_paths is not None else concept_files())
    if ontology_path is not None:
        concepts = merge_ontology(concepts, load_ontology(ontology_path))
    add_concepts(lexicon, concepts)
    class_adjs = load_grammar(lexicon, relations_path)
    class_ids = {cls: INFECTION_CLASS_IDS[cls] for cls in set(class_adjs.values()) if INFECTION_CLASS_IDS[cls] in concepts}
    facts = load_facts(fact_paths if fact_paths is not None else fact_files(), concepts)
    return KnowledgeBase(concepts, facts, lexicon, class_ids)


@cache
def knowledge() -> KnowledgeBase:
    """The shipped fact base, loaded once per process."""
    return build()
