"""The fact base's data model: concepts, relation patterns, facts and the statements read from text."""

from __future__ import annotations

from dataclasses import dataclass, field

RELATIONS = (
    "causes",
    "is_a",
    "same_as",
    "affects",
    "located_in",
    "spreads_by",
    "treats",
    "prevents",
    "uses",
    "given_as",
    "approved_for",  # FDA-approved to treat
    "approved_to_prevent",  # FDA-approved to prevent
)
FDA_RELATIONS = frozenset({"approved_for", "approved_to_prevent"})

KINDS = (
    "disease",  # a condition or injury
    "symptom",
    "pathogen",  # a named organism: varicella-zoster virus, Treponema pallidum
    "pathogen_class",  # virus, bacteria, fungus, parasite, prion
    "infection_class",  # viral infection, bacterial infection ... (built from words, see relations.yaml)
    "drug",
    "drug_class",
    "procedure",
    "device",
    "anatomy",
    "category",  # a property or a class of things: contagious, autoimmune disease, live vaccine
    "route",  # how something spreads or is given: sexual contact, toilet seats, nasal spray
    "use",  # what something is approved for when it is not a disease: anesthesia
)

# Kinds that name a class rather than one thing: in "shingles is a viral infection that causes X" the
# relative clause is about shingles, not about "viral infection".
GENERIC_KINDS = frozenset({"infection_class", "category", "drug_class", "pathogen_class"})

PATHOGEN_CLASSES = ("virus", "bacterium", "fungus", "parasite", "prion")

SEVERITIES = ("error", "warning", "notice")


@dataclass(frozen=True)
class Concept:
    id: str
    label: str
    kind: str
    names: tuple[str, ...]
    parents: tuple[str, ...] = ()
    pathogen_class: str | None = None  # for pathogens, infection classes and infectious diseases
    agents: tuple[str, ...] = ()  # for infectious diseases: the concept ids of their causal agents
    doid: str | None = None
    source: str = ""  # the data file it came from
    # a drug class no drug of another disjoint class belongs to (NSAID, opioid, antibiotic, ...):
    # "ibuprofen, a muscle relaxant" contradicts "ibuprofen is an NSAID" without a listed pattern
    disjoint: bool = False


@dataclass(frozen=True)
class Pattern:
    """A relation between concepts: any subject, any relation, any object (``None`` = anything)."""

    subjects: frozenset[str]
    relations: frozenset[str]
    objects: frozenset[str] | None
    positive: bool = True
    when_hedged: bool = False  # also match statements with "may", "can", "in some cases"


@dataclass(frozen=True)
class Authority:
    name: str
    url: str


@dataclass(frozen=True)
class Fact:
    id: str
    topic: str
    fact: str
    claim: Pattern
    wrong: tuple[Pattern, ...]
    bad_examples: tuple[str, ...]
    good_examples: tuple[str, ...]
    authority: Authority
    severity: str
    correction: str
    rule: str  # "fact-contradiction" or "fda-status"
    file: str = ""


@dataclass
class Statement:
    """A relation a sentence asserts, after voice and negation are resolved."""

    subject: str
    relation: str
    object: str | None
    positive: bool
    hedged: bool
    start: int  # character span of the evidence in the sentence
    end: int
    cues: tuple[str, ...] = field(default=())

    def key(self) -> tuple[str, str, str | None, bool]:
        return (self.subject, self.relation, self.object, self.positive)
