"""Resolve a pronoun subject ("It", "This condition") to the concept the text is about.

"Guttate psoriasis causes small spots. It is a common cause of strep throat." states that guttate
psoriasis causes strep throat. The antecedent is the subject of the previous sentence of the same
block, or, for a block's first sentence (or after a sentence that names no concept), the condition
its section heading (else the page's H1) is about. Precision first: a pronoun is resolved only as the
subject of a verb, only when nothing earlier in its sentence could be what it points to, never in a
cleft ("It is VZV that causes shingles"), and not when the previous sentence names concepts without
one being its clear subject ("Your doctor may suggest ibuprofen. It ...").
"""

from __future__ import annotations

from collections.abc import Mapping

from checks.medical.facts.lexer import (
    APPROVAL,
    AUX,
    BARE_APPROVAL,
    BREAK,
    COMMA,
    COORD,
    COP,
    DET,
    FREQ,
    HEAD,
    HEDGE,
    INFNOUN,
    MENTION,
    NEG,
    PREP,
    REL,
    TRIG,
    WORD,
    Item,
)
from checks.medical.facts.model import Concept

AMBIGUOUS = "\x00ambiguous"  # the previous sentence names concepts but none is clearly its subject
_PRONOUNS = frozenset({"it", "it's", "it’s"})
_CONDITION_NOUNS = frozenset("condition disease infection illness disorder problem".split())
_DEFINITE = frozenset({"this", "the", "that"})
_DEMONSTRATIVE = frozenset({"this", "these", "those", "such"})
_CANDIDATES = _PRONOUNS | _DEFINITE | _DEMONSTRATIVE
_SUBJECT_KINDS = frozenset({"disease", "drug", "procedure", "device", "drug_class"})
_VERBS = frozenset({COP, TRIG, APPROVAL, BARE_APPROVAL})
_BETWEEN = frozenset({AUX, FREQ, HEDGE, NEG})


def subject_topic(items: list[Item], concepts: Mapping[str, Concept]) -> str | None:
    """The concept the sentence is about: its first mention when nothing but determiners, a few
    words or an opening adverbial comes before it ('Guttate psoriasis causes ...', 'Over time,
    osteoarthritis ...'). None if the sentence names no concept, AMBIGUOUS if it names some but
    its subject is something else ('Your doctor may suggest ibuprofen')."""
    words = 0
    for it in items:
        r = it.roles
        if MENTION in r and it.concept:
            c = concepts.get(it.concept)
            if c is None or c.kind not in _SUBJECT_KINDS:
                return AMBIGUOUS
            return it.concept
        if r & {DET, COMMA, AUX, FREQ} or (r <= {WORD, HEAD} and words < 3):
            words += WORD in r
            continue
        break
    return AMBIGUOUS if any(MENTION in it.roles and it.concept for it in items) else None


def defined_noun(items: list[Item], topic: str | None) -> str | None:
    """The noun a sentence defines its topic as: 'A stress fracture is a tiny crack in a bone' ->
    'crack', so that 'these small cracks' in the next sentence can be read as stress fractures."""
    if topic is None or topic == AMBIGUOUS:
        return None
    n = len(items)
    k = next((i for i, it in enumerate(items) if it.concept == topic), n) + 1
    while k < n and items[k].roles & {AUX, FREQ}:
        k += 1
    if k >= n or COP not in items[k].roles or NEG in items[k].roles:
        return None
    k += 1
    if k >= n or items[k].text.lower() not in ("a", "an"):
        return None
    k += 1
    last = None
    words = 0
    while k < n and items[k].roles == frozenset((WORD,)) and words < 3:
        last = items[k].text.lower()
        words += 1
        k += 1
    if last is None or (k < n and not (items[k].roles & {PREP, REL, COMMA} or items[k].text in ".;:")):
        return None
    return _stem(last)


def _stem(word: str) -> str:
    """'cracks' -> 'crack', 'rashes' -> 'rash', 'injuries' -> 'injury': enough to match a plural."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("shes", "ches", "xes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def heading_topic(items: list[Item], concepts: Mapping[str, Concept]) -> str | None:
    """The one condition a heading names ('What psoriasis looks like'), else None."""
    found = {it.concept for it in items if MENTION in it.roles and it.concept}
    if len(found) != 1:
        return None
    (cid,) = found
    c = concepts.get(cid)
    return cid if c is not None and c.kind == "disease" else None


def may_resolve(words: set[str], antecedent: str, concepts: Mapping[str, Concept], noun: str | None) -> bool:
    """False when ``resolve`` certainly replaces nothing in a sentence whose tokens, lowercased, are
    ``words``: it has no pronoun ("it"), no "the/this ... condition" (for a disease), and no
    "these ..." when a noun was defined. A cheap test before lexing."""
    c = concepts.get(antecedent)
    if c is None or words.isdisjoint(_CANDIDATES):
        return False
    return (not words.isdisjoint(_PRONOUNS)
            or (c.kind == "disease" and not words.isdisjoint(_DEFINITE) and not words.isdisjoint(_CONDITION_NOUNS))
            or (noun is not None and not words.isdisjoint(_DEMONSTRATIVE)))


def resolve(items: list[Item], antecedent: str, concepts: Mapping[str, Concept],
            noun: str | None = None) -> tuple[list[Item], str | None]:
    """Replace pronoun subjects with a mention of ``antecedent``; return the items and the first
    words replaced ("It", "these small cracks"), or None if nothing was.
    ``noun``: the previous sentence defined the antecedent as one ('a tiny crack'): 'these cracks'."""
    c = concepts.get(antecedent)
    if c is None or not any(it.text.lower() in _CANDIDATES for it in items):
        return items, None
    out: list[Item] = []
    changed: str | None = None
    opened = False  # the sentence opened with the pronoun ("It often shows up ..., and it is ...")
    opening = True  # nothing but adverbs and clause words so far
    n = len(items)
    i = 0
    while i < n:
        it = items[i]
        if MENTION in it.roles and it.concept:
            out.extend(items[i:])  # a concept named first is what a later "it" points to
            break
        low = it.text.lower()
        span = _pronoun_span(items, i, low, c) or _noun_span(items, i, low, noun)
        opened = opened or (opening and span > 0)
        # a later clause's "it" only continues a sentence that opened with the pronoun: in "Itching
        # is the main symptom, and it is worse at night" it is the itching
        if (span and opened and _subject_position(out) and _verb_follows(items, i + span)
                and not _cleft(items, i + span)):
            end = items[i + span - 1].end
            if low in ("it's", "it’s"):  # "it's" = pronoun + copula
                words = it.text[:2]
                out.append(Item(frozenset((MENTION,)), it.start, it.start + 2, words, antecedent))
                out.append(Item(frozenset((COP,)), it.start + 2, it.end, it.text[2:]))
            else:
                words = " ".join(x.text for x in items[i:i + span])
                out.append(Item(frozenset((MENTION,)), it.start, end, words, antecedent))
            changed = changed or words
            opening = False
            i += span
            continue
        opening = opening and bool(it.roles & {AUX, FREQ, COMMA, BREAK})
        out.append(it)
        i += 1
    return (out, changed) if changed else (items, None)


def _pronoun_span(items: list[Item], i: int, low: str, antecedent: Concept) -> int:
    if low in _PRONOUNS:
        return 1
    if (low in _DEFINITE and i + 1 < len(items) and antecedent.kind == "disease"
            and items[i + 1].text.lower() in _CONDITION_NOUNS and not items[i + 1].roles & {MENTION}):
        return 2  # "This condition", "The infection"
    return 0


def _noun_span(items: list[Item], i: int, low: str, noun: str | None) -> int:
    """'these small cracks' when the previous sentence said the topic is 'a tiny crack'."""
    if noun is None or low not in _DEMONSTRATIVE:
        return 0
    for j in range(i + 1, min(len(items), i + 4)):
        if items[j].roles != frozenset((WORD,)):
            return 0
        if _stem(items[j].text.lower()) == noun:
            return j - i + 1
    return 0


def _subject_position(before: list[Item]) -> bool:
    """Sentence start, or a new clause: after 'and', 'but', 'because', a comma; adverbs may come first."""
    k = len(before) - 1
    while k >= 0 and before[k].roles & {AUX, FREQ}:
        k -= 1
    return k < 0 or bool(before[k].roles & {COMMA, COORD, BREAK})


def _verb_follows(items: list[Item], k: int) -> bool:
    if k > 0 and items[k - 1].text.lower() in ("it's", "it’s"):
        return True
    while k < len(items) and items[k].roles & _BETWEEN and not items[k].roles & _VERBS:
        k += 1
    return k < len(items) and bool(items[k].roles & _VERBS)


def _cleft(items: list[Item], k: int) -> bool:
    """'It is the varicella-zoster virus that causes shingles': 'it' points forward, not back."""
    n = len(items)
    if not (k > 0 and items[k - 1].text.lower() in ("it's", "it’s")):
        while k < n and items[k].roles & _BETWEEN and not items[k].roles & {COP}:
            k += 1
        if k >= n or COP not in items[k].roles:
            return False
        k += 1
    if k < n and items[k].text.lower() in ("a", "an"):
        return False  # "It is a viral infection that ..." describes it; a cleft names: "It is the virus that"
    steps = 0
    while k < n and steps < 6:
        r = items[k].roles
        if REL in r:
            return True
        if not r & {DET, WORD, MENTION, HEAD, INFNOUN, NEG, AUX}:
            return False
        k += 1
        steps += 1
    return False
