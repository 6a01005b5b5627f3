"""Cut a sentence into typed items: concept mentions, relation phrases and function words.

Every phrase (concept names, relation templates, function words) sits in ONE word trie built at load,
so a sentence is read in a single left-to-right pass with longest-match lookups: no per-entry
regular expressions. Hyphens count as spaces ("varicella-zoster" = "varicella zoster").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[;:,()/&—–\"“”?!]")
_END = ""  # trie key holding the payload (never a token)
_CASED = "\x01"  # trie key holding case-sensitive alternatives ("MS" is multiple sclerosis, "Ms." is not)

# Item roles. An item can have several ("for" is a preposition and an approval purpose).
MENTION = "mention"
TRIG = "trigger"
COP = "copula"
NEG = "negation"
NOTNEG = "not_negation"
HEDGE = "hedge"
FREQ = "frequency"
COND = "condition"
MYTH = "myth"
REL = "relative"
DET = "determiner"
AUX = "auxiliary"
BREAK = "clause_break"
COMMA = "comma"
PREP = "preposition"
COORD = "coordination"
LPAREN = "lparen"
RPAREN = "rparen"
APPROVAL = "approval"
BARE_APPROVAL = "bare_approval"
PURPOSE = "purpose"
PREVENT_PURPOSE = "prevent_purpose"
TNOUN = "treatment_noun"
LISTING = "listing"
HEAD = "head_noun"
CLASSADJ = "class_adjective"
INFNOUN = "infection_noun"
WORD = "word"

WORD_CLASSES = {
    "copula": COP,
    "negation": NEG,
    "not_negation": NOTNEG,
    "hedge": HEDGE,
    "frequency": FREQ,
    "condition": COND,
    "myth": MYTH,
    "relative": REL,
    "determiner": DET,
    "auxiliary": AUX,
    "clause_break": BREAK,
    "coordination": COORD,
    "preposition": PREP,
    "head_nouns": HEAD,
    "infection_nouns": INFNOUN,
    "plain": WORD,
}
QUOTE = "quote"
_PUNCT = {",": COMMA, "(": LPAREN, ")": RPAREN, '"': QUOTE, "“": QUOTE, "”": QUOTE}
# The roles of a token no phrase starts with, made once (most tokens of a sentence are such)
_WORD_ROLES = frozenset((WORD,))
_PUNCT_ROLES = {tok: frozenset((role,)) for tok, role in _PUNCT.items()}


def tokenize(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def keys(text: str) -> list[str]:
    """The trie keys of the tokens of ``text``: each token lowercased, with a straight apostrophe
    and without accents (see ``normalize``)."""
    if text.isascii():
        return _TOKEN.findall(text.lower())  # lowercase ASCII letters are the same tokens
    return [normalize(t) for t in _TOKEN.findall(text)]


def lowered_words(text: str, text_keys: list[str]) -> set[str]:
    """The tokens of ``text`` lowercased (``text_keys``: ``keys(text)``, the same for ASCII text)."""
    return set(text_keys) if text.isascii() else {t.lower() for t in _TOKEN.findall(text)}


def normalize(token: str) -> str:
    """Lowercase, straight apostrophe, accents dropped ("Barré" = "barre")."""
    low = token.lower().replace("’", "'")
    if low.isascii():
        return low
    return unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode("ascii") or low


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(normalize(t) for t, _, _ in tokenize(phrase))


@dataclass(frozen=True, slots=True)
class Payload:
    roles: frozenset[str]
    concept: str | None = None
    cased: str | None = None  # the concept name must appear with exactly this case ("MS", "AIDS")
    triggers: tuple[tuple[str, str], ...] = ()  # (relation, voice)
    value: str | None = None  # class adjective -> pathogen class


@dataclass(slots=True)
class Item:
    roles: frozenset[str]
    start: int  # character offsets in the sentence
    end: int
    text: str
    concept: str | None = None
    triggers: tuple[tuple[str, str], ...] = ()
    value: str | None = None

    def has(self, role: str) -> bool:
        return role in self.roles


class Lexicon:
    """The word trie. ``add`` phrases with a payload; phrases added twice merge their roles."""

    def __init__(self) -> None:
        self._trie: dict = {}
        self._naming: frozenset[str] | None = None  # first words of naming phrases (see names_nothing)

    def add(self, phrase: str, payload: Payload) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        self._naming = None
        node = self._trie
        for tok in key:
            node = node.setdefault(tok, {})
        if payload.cased is not None:
            node.setdefault(_END, Payload(frozenset()))
            node.setdefault(_CASED, []).append(payload)
            return
        old: Payload | None = node.get(_END)
        node[_END] = _merge(old, payload) if old else payload

    def add_all(self, phrases: Iterable[str], payload: Payload) -> None:
        for p in phrases:
            self.add(p, payload)

    def names_nothing(self, keys: list[str]) -> bool:
        """True when no concept can be named among tokens with these trie keys (see ``keys``): none
        of them starts a phrase that names a concept or an infection class, so ``lex`` gives no
        such item."""
        if self._naming is None:
            self._naming = frozenset(k for k, node in self._trie.items() if _names(node))
        return self._naming.isdisjoint(keys)

    def lex(self, sentence: str, sentence_keys: list[str] | None = None) -> list[Item]:
        """The sentence's items (``sentence_keys``: ``keys(sentence)`` when the caller has them)."""
        toks = tokenize(sentence)
        low = keys(sentence) if sentence_keys is None else sentence_keys
        n = len(toks)
        items: list[Item] = []
        trie = self._trie
        i = 0
        while i < n:
            node = trie.get(low[i])
            if node is None:  # no phrase starts here: a plain word or punctuation
                tok, s, e = toks[i]
                items.append(Item(_PUNCT_ROLES.get(tok, _WORD_ROLES), s, e, tok))
                i += 1
                continue
            best_j = 0
            best: Payload | None = None
            j = i
            while node is not None:
                j += 1
                p = node.get(_END)
                if p is not None:
                    cased = node.get(_CASED)
                    if cased is not None:
                        p = _resolve(p, cased, toks, i, j)
                    elif not p.roles:
                        p = None
                    if p is not None:
                        best, best_j = p, j
                if j >= n:
                    break
                node = node.get(low[j])
            if best is None:
                tok, s, e = toks[i]
                items.append(Item(_PUNCT_ROLES.get(tok, _WORD_ROLES), s, e, tok))
                i += 1
                continue
            s, e = toks[i][1], toks[best_j - 1][2]
            items.append(Item(best.roles, s, e, sentence[s:e], best.concept, best.triggers, best.value))
            i = best_j
        return items



_NAMING = frozenset({MENTION, CLASSADJ})


def _names(node: dict) -> bool:
    """Whether a phrase in this trie node or below it names a concept or an infection class."""
    p = node.get(_END)
    if p is not None and not _NAMING.isdisjoint(p.roles):
        return True
    if any(not _NAMING.isdisjoint(c.roles) for c in node.get(_CASED, ())):
        return True
    return any(_names(child) for key, child in node.items() if key not in (_END, _CASED))


def _resolve(p: Payload, cased: list[Payload], toks: list, i: int, j: int) -> Payload | None:
    """Apply case-sensitive names: the words must appear with exactly the listed capitals."""
    original = " ".join(t for t, _, _ in toks[i:j])
    for c in cased:
        if c.cased == original:
            return _merge(p, c) if p.roles else c
    return p if p.roles else None


def _merge(a: Payload, b: Payload) -> Payload:
    return Payload(
        roles=a.roles | b.roles,
        concept=a.concept or b.concept,
        cased=None,
        triggers=a.triggers + tuple(t for t in b.triggers if t not in a.triggers),
        value=a.value or b.value,
    )
