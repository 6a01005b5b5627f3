"""Claims and compliance: absolute efficacy or safety language ("cure", "no side effects"),
treatment effects stated as certainties, and off-label uses stated as certainties.

The words live in ``data/claims.yaml`` so that a reviewer can extend them without Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from checks.medical.example_html import doc
from checks.medical.lexicon import Lexicon, OffLabel, Pattern, lexicon
from checks.medical.prefilter import GateSet, block_index, gate_set
from checks.medical.scope import block_sentences, page_topic
from seotool.page import Block, Page
from seotool.rules import Example, Finding, Rule, Severity, Source
from seotool.site import Site
from seotool.text import Sentence

GENERIC_USES = frozenset({"pain", "suffering", "symptoms", "discomfort"})
_PURPOSE = re.compile(r"\b(to|used\s+to|helps?\s+to|aims?\s+to|in\s+order\s+to)\s+$", re.I)


@dataclass(frozen=True)
class Claim:
    block: Block
    sentence: Sentence
    kind: str  # "absolute" | "certainty" | "off-label"
    words: tuple[str, ...]
    suggestion: str
    source: Source | None
    detail: str = ""


def _negated(lex: Lexicon, sentence: str, start: int) -> bool:
    return bool(lex.negated_by.search(sentence[:start]))


_CLAUSE_END = re.compile(r"[,;:]|\s(so|and|but|which|because|while|although)\s")


def _hedged(lex: Lexicon, text: str, end: int) -> bool:
    """Whether the clause that ends at ``end`` is hedged: anything before it, or the words after it up
    to the next clause ("relieves pain for many patients", but not "... so you can walk again")."""
    rest = text[end:]
    cut = _CLAUSE_END.search(rest)
    return bool(lex.hedges.search(text[:end] + (rest[: cut.start()] if cut else rest)))


def _certainty(lex: Lexicon, text: str) -> re.Match[str] | None:
    """A certainty verb with its object, not hedged, not negated, not a purpose ("to relieve")."""
    for m in lex.certainty.finditer(text):
        prefix = text[: m.start()]
        if _PURPOSE.search(prefix) or _negated(lex, text, m.start()) or _hedged(lex, text, m.end()):
            continue
        return m
    return None


def _off_label_use(entry: OffLabel, text: str, topic: str) -> str | None:
    """The use a sentence claims for an off-label treatment: named in it, or (when it only says
    "your symptoms") the use the page is about."""
    uses = [m.group(0) for m in entry.uses.finditer(text)]
    specific = [u for u in uses if u.lower() not in GENERIC_USES]
    if specific:
        return specific[0]
    if not uses:
        return None
    from_topic = [m.group(0) for m in entry.uses.finditer(topic) if m.group(0).lower() not in GENERIC_USES]
    return from_topic[0] if from_topic else uses[0]


@dataclass(frozen=True)
class _Possible:
    """What may match in a block (see ``prefilter``): the rest cannot match in any of its sentences."""

    absolute: list[Pattern]
    certainty: bool
    off_label_verbs: bool


def _claim_gates(lex: Lexicon) -> GateSet:
    """The gates of the patterns a block is first tested with."""
    return gate_set(lex, "claims", lambda: (*(p.regex for p in lex.absolute), lex.certainty, lex.off_label_verbs))


def _possible(lex: Lexicon, gates: GateSet, block: Block) -> _Possible | None:
    """What may match in the block; None when nothing can (most paragraphs)."""
    flags = gates.possible(block_index(block))
    if not any(flags):
        return None
    *absolute, certainty, off_label_verbs = flags
    return _Possible([p for p, ok in zip(lex.absolute, absolute, strict=True) if ok], certainty, off_label_verbs)


# A "sentence" longer than this is a run of text without sentence ends (a keyword dump, a list
# pasted as one line): only its start is read for claims. Each claim found looks back over the
# sentence for negations and hedges, so reading all of a 100,000-word run took minutes.
MAX_SENTENCE_CHARS = 2000


def _claims_in(page: Page, lex: Lexicon, block: Block, sentence: Sentence, topic: str,
               possible: _Possible) -> Iterator[Claim]:
    text = sentence.text[:MAX_SENTENCE_CHARS]
    if text.rstrip("\"'”’)").endswith("?"):
        return  # a question ("Can nerve pain be cured?") asserts nothing
    words: list[str] = []
    suggestion, first_id = "", ""
    for pat in possible.absolute:
        for m in pat.regex.finditer(text):
            if _negated(lex, text, m.start()) or (pat.unless and pat.unless.search(text)):
                continue
            if pat.hedgeable and lex.hedges.search(text[: m.start()]):
                continue
            words.append(m.group(0))
            if not suggestion:
                suggestion, first_id = pat.suggestion, pat.message
            break
    if words:
        yield Claim(block, sentence, "absolute", tuple(words), suggestion, lex.sources.get("ftc"), first_id)

    certain = _certainty(lex, text) if possible.certainty else None
    off_verb = lex.off_label_verbs.search(text) if possible.off_label_verbs else None
    if off_verb and (_PURPOSE.search(text[: off_verb.start()]) or _negated(lex, text, off_verb.start())
                     or _hedged(lex, text, off_verb.end())):
        off_verb = None
    claimed = certain or off_verb
    if not claimed:
        return
    for entry in lex.off_label:
        t = entry.treatment.search(text)
        if not t or (entry.not_if and entry.not_if.search(text)):
            continue
        use = _off_label_use(entry, text, topic)
        if not use:
            continue
        rewording = entry.rewording.format(use=use.lower())
        yield Claim(block, sentence, "off-label", (t.group(0), use, claimed.group(0)),
                    f'Say that this use is off-label and what the evidence supports, e.g. "{rewording}"',
                    entry.source, entry.approved)
        return
    if certain and not words and lex.treatments.search(text[: certain.start()]):
        yield Claim(block, sentence, "certainty", (certain.group(0),),
                    f'Qualify the effect: say what it may do and for whom, e.g. replace "{certain.group(0)}" with '
                    f'"may help ease {certain.group(0).split()[-1]} for some patients".',
                    lex.sources.get("ftc"))


def _may_claim(lex: Lexicon, text: str, possible: _Possible) -> bool:
    """A test on the whole block first: most paragraphs make no claim at all."""
    return bool(
        (possible.certainty and lex.certainty.search(text))
        or (possible.off_label_verbs and lex.off_label_verbs.search(text))
        or any(p.regex.search(text) for p in possible.absolute)
    )


def claims(page: Page) -> list[Claim]:
    """Every claim on the page, computed once and shared by the two claim rules."""
    cached = page.cache.get("medical.claims")
    if cached is None:
        lex = lexicon()
        topic = page_topic(page)
        gates = _claim_gates(lex)
        cached = []
        for bs in block_sentences(page):
            possible = _possible(lex, gates, bs.block)
            if possible is not None and _may_claim(lex, bs.block.text, possible):
                cached.extend(c for s in bs.sentences for c in _claims_in(page, lex, bs.block, s, topic, possible))
        page.cache["medical.claims"] = cached
    return cached


def check_absolute(page: Page, site: Site) -> Iterable[Finding]:
    for c in claims(page):
        if c.kind == "absolute":
            listed = ", ".join(repr(w) for w in c.words)
            message = f"Absolute claim ({c.detail}: {listed}): health claims must be qualified and backed by evidence."
        elif c.kind == "certainty":
            message = (f"A treatment's effect is stated as a certainty ({c.words[0]!r}); results vary and "
                       "the claim needs qualifying.")
        else:
            continue
        yield ABSOLUTE.finding(page, message, excerpt=c.sentence.text, block=c.block, suggestion=c.suggestion,
                               source=c.source, key=c.kind)


def check_off_label(page: Page, site: Site) -> Iterable[Finding]:
    for c in claims(page):
        if c.kind != "off-label":
            continue
        treatment, use, verb = c.words
        yield OFF_LABEL.finding(
            page,
            f"Off-label use stated as a certainty: {treatment} for {use.lower()} ({verb!r}). "
            f"FDA-approved: {c.detail}.",
            excerpt=c.sentence.text,
            block=c.block,
            suggestion=c.suggestion,
            source=c.source,
        )


ABSOLUTE = Rule(
    id="medical.absolute-claim",
    title="Absolute or unqualified health claim",
    severity=Severity.WARNING,
    what="Absolute efficacy or safety words (cure, guaranteed, permanent relief, miracle, 100%, no side "
    "effects, risk-free, breakthrough) and a treatment's effect stated as a certainty (\"relieving your "
    "symptoms\"). The lexicon is checks/medical/data/claims.yaml.",
    why="The FTC requires health claims to be backed by competent and reliable scientific evidence; "
    "absolute promises mislead patients and expose the clinic.",
    fix="Qualify the claim: say what the treatment may do, for whom, and that results vary.",
    bad=(
        Example.of(doc("<h1>Knee pain</h1><p>Our PRP injections are a permanent solution with no side effects.</p>")),
        Example.of(doc("<h1>Back pain</h1><p>Our spinal decompression therapy eliminates your back pain, "
                       "restoring your mobility.</p>")),
        Example.of(doc("<h1>Migraine</h1><p>This breakthrough treatment is 100% effective.</p>")),
        Example.of(doc("<h1>Skin cancer</h1><p>Our surgery removes every cancer cell, so it will never come back.</p>")),
    ),
    good=(
        Example.of(doc("<h1>Knee pain</h1><p>PRP injections may ease knee pain for some patients; results vary. "
                       "Side effects are usually mild. There is no cure for osteoarthritis. Syphilis can be "
                       "cured with penicillin. Some people have breakthrough pain between doses. "
                       "A nerve block is used to relieve pain during surgery.</p>")),
        Example.of(doc("<h1>Skin cancer</h1><p>Most skin cancers can be cured when they are found early. "
                       "No treatment can promise that a cancer will never come back.</p>")),
    ),
    check=check_absolute,
    confidence="medium",
    source=Source("FTC Health Products Compliance Guidance",
                  "https://www.ftc.gov/business-guidance/resources/health-products-compliance-guidance"),
)

OFF_LABEL = Rule(
    id="medical.off-label-certainty",
    title="Off-label use stated as a certainty",
    severity=Severity.WARNING,
    what="A treatment used off-label (not FDA-approved for that use), such as ketamine for nerve pain, "
    "described as certainly relieving, resolving or treating the condition. The treatment/use pairs and "
    "their FDA sources are in checks/medical/data/claims.yaml.",
    why="Patients are entitled to know that a use is off-label and that its evidence is limited; "
    "certain language overstates it.",
    fix="Say that the use is off-label, what the evidence suggests, and that results vary.",
    bad=(
        Example.of(doc("<h1>Fibromyalgia</h1><p>Ketamine infusions relieve fibromyalgia pain.</p>")),
        Example.of(doc("<h1>CRPS treatment</h1><h2>How ketamine resolves your symptoms</h2>"
                       "<p>Our team is here for you.</p>", title="CRPS treatment")),
        Example.of(doc("<h1>Trigeminal neuralgia</h1><p>Botox treats trigeminal neuralgia.</p>")),
        Example.of(doc("<h1>Shoulder pain</h1><p>PRP heals torn rotator cuff tendons.</p>")),
        Example.of(doc("<h1>Acne</h1><p>Spironolactone clears hormonal acne in women.</p>")),
    ),
    good=(
        Example.of(doc("<h1>Fibromyalgia</h1><p>Ketamine infusions are an off-label treatment that may "
                       "relieve fibromyalgia pain for some patients. Esketamine nasal spray relieves "
                       "depression symptoms in approved settings. Ketamine is used to relieve pain during "
                       "surgery.</p>")),
        Example.of(doc("<h1>Acne</h1><p>Spironolactone is a blood pressure medicine that dermatologists "
                       "prescribe off-label for hormonal acne. Some studies suggest PRP may ease knee "
                       "arthritis pain.</p>")),
    ),
    check=check_off_label,
    confidence="medium",
    source=Source("FDA, Understanding Unapproved Use of Approved Drugs \"Off Label\"",
                  "https://www.fda.gov/patients/learn-about-expanded-access-and-other-treatment-options/"
                  "understanding-unapproved-use-approved-drugs-label"),
)

RULES = (ABSOLUTE, OFF_LABEL)
