"""Cheap word tests that rule a regular expression out before it is run.

Most of the lexicon's patterns (claims, placeholders, bylines) never match a given paragraph, yet
Python's regex engine has to try each of them at every position. Each pattern is read once (its
parse tree) for the literal words that any match must contain: ``\\b(cures?|cured|curing)\\b``
can only match a text with the word "cure", "cures", "cured" or "curing". A text is indexed once
(lowercased, its words as a set); a pattern whose required words are all absent cannot match and is
skipped. The test only ever rules out patterns that cannot match, so findings never change: a
pattern it cannot read (or a text it cannot index exactly) is simply always run.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

# The standard library's regex parser (Python 3.11+). It is private: a pattern it cannot read
# is never ruled out.
from re import _constants as _sre  # type: ignore[attr-defined]
from re import _parser as _sre_parse  # type: ignore[attr-defined]
from typing import Any, TypeVar

# Characters that a case-insensitive regex matches to an ASCII letter although their lowercase is
# no ASCII letter (İ, ı, ſ and the Kelvin sign): in a text holding one, lowercasing could hide a
# match, so such a text is never ruled out.
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
_WORD = re.compile(r"[a-z0-9]+")
_ALNUM = re.compile(r"[a-z0-9]+\Z")
_MAX_STRINGS = 64  # alternatives kept per literal run ("cure", "cures", ...)
_MAX_CLAUSES = 3  # required word sets kept per pattern
_MAX_JOINS = 81  # combinations of the alternatives' clauses tried per alternation


@dataclass(frozen=True, slots=True)
class TextIndex:
    """A text lowercased, and its runs of ASCII letters and digits as a set."""

    lowered: str
    words: frozenset[str]
    exact: bool  # False: the text holds a character that lowercasing cannot stand for

    @classmethod
    def of(cls, text: str) -> TextIndex:
        lowered = text.lower()
        exact = text.isascii() or _FOLDS_TO_ASCII.isdisjoint(text)
        return cls(lowered, frozenset(_WORD.findall(lowered)), exact)

    @classmethod
    def join(cls, indexes: Iterable[TextIndex]) -> TextIndex:
        """The index of the texts joined with line breaks, from their indexes."""
        indexes = list(indexes)
        return cls("\n".join(i.lowered for i in indexes), frozenset().union(*(i.words for i in indexes)),
                   all(i.exact for i in indexes))


# Words too common to rule much out: a clause made of one of them is a last resort.
_COMMON = frozenset(
    """
    a an the and or but nor of to in on at by for from with as is are was were be been can could may
    might will would should must do does did not no it its this that these those your our you we
    they he she his her their there here if then than so all any some more most very per
    """.split()
)


@dataclass(frozen=True, slots=True)
class Clause:
    """One of ``words`` is a whole word of the text, or one of ``parts`` occurs in it."""

    words: frozenset[str]
    parts: tuple[str, ...]

    def holds(self, hits: frozenset[str], lowered: str) -> bool:
        """``hits``: the words of the text that some clause of the gate set names."""
        return not self.words.isdisjoint(hits) or any(p in lowered for p in self.parts)

    @property
    def score(self) -> float:
        """Higher is likely more selective: minus a rough chance that a paragraph satisfies it
        (one punctuation mark or a common word is almost always there; a rarer word seldom is)."""
        return -(sum(_chance(w, whole=True) for w in self.words) + sum(_chance(p, whole=False) for p in self.parts))


def _chance(s: str, whole: bool) -> float:
    if len(s) == 1:
        return 0.9
    if s in _COMMON or len(s) == 2:
        return 0.5 if whole else 0.6
    return 0.02 if whole else 0.05


@dataclass(frozen=True, slots=True)
class Gate:
    """Clauses that every text a pattern matches in satisfies (none: the pattern is always run)."""

    clauses: tuple[Clause, ...]
    words: frozenset[str] = frozenset()  # every word the clauses name

    @classmethod
    def of(cls, clauses: tuple[Clause, ...]) -> Gate:
        return cls(clauses, frozenset().union(*(c.words for c in clauses)))

    def holds(self, hits: frozenset[str], lowered: str) -> bool:
        for c in self.clauses:  # all of them (a loop: this runs for many paragraphs)
            if c.words.isdisjoint(hits) and not (c.parts and any(p in lowered for p in c.parts)):
                return False
        return True

    def may_match(self, index: TextIndex) -> bool:
        return not index.exact or self.holds(self.words & index.words, index.lowered)


@cache
def gate(pattern: re.Pattern[str]) -> Gate:
    """The gate of a compiled pattern (worked out once per pattern)."""
    try:
        clauses = _clauses(_sre_parse.parse(pattern.pattern, pattern.flags), False, False)
    except Exception:  # noqa: BLE001 - an unreadable pattern is simply never ruled out
        clauses = []
    best = sorted(set(clauses), key=lambda c: (c.score, sorted(c.words), c.parts), reverse=True)[:_MAX_CLAUSES]
    return Gate.of(tuple(best))


class GateSet:
    """The gates of several patterns, tested on a text together: one set intersection finds the
    text's words that any clause names, and only the gates whose first clause names one of them
    (or needs no word) are looked at further."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.gates = tuple(gate(p) for p in patterns)
        self.words = frozenset().union(*(g.words for g in self.gates))
        self.everything = (True,) * len(self.gates)
        by_word: dict[str, set[int]] = {}
        without_words: set[int] = set()  # a part or no clause at all: always looked at
        for i, g in enumerate(self.gates):
            if not g.clauses or g.clauses[0].parts:
                without_words.add(i)
                continue
            for w in g.clauses[0].words:
                by_word.setdefault(w, set()).add(i)
        self.by_word = {w: frozenset(ids) for w, ids in by_word.items()}
        self.without_words = frozenset(without_words)

    def possible(self, index: TextIndex) -> tuple[bool, ...]:
        """For each pattern: whether it may match in the text (False: it certainly does not)."""
        if not index.exact:
            return self.everything
        hits = self.words.intersection(index.words)
        candidates = self.without_words
        if hits:
            candidates = candidates.union(*(self.by_word.get(w, ()) for w in hits))
        out = [False] * len(self.gates)
        for i in candidates:
            out[i] = self.gates[i].holds(hits, index.lowered)
        return tuple(out)


# -- reading a parse tree ----------------------------------------------------------------------


def _exact(seq: Any) -> set[str] | None:
    """Every string (lowercased) that a sequence of regex items can match, if few and all ASCII."""
    out = {""}
    for op, av in seq:
        strings = _exact_item(op, av)
        if strings is None:
            return None
        out = {a + b for a in out for b in strings}
        if len(out) > _MAX_STRINGS:
            return None
    return out


def _exact_item(op: Any, av: Any) -> set[str] | None:
    if op is _sre.LITERAL:
        ch = chr(av)
        return {ch.lower()} if ch.isascii() else None
    if op is _sre.SUBPATTERN:
        return _exact(av[-1])
    if op is _sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            strings = _exact(branch)
            if strings is None:
                return None
            out |= strings
        return out if len(out) <= _MAX_STRINGS else None
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        lo, hi, item = av
        if hi > 1:
            return None
        inner = _exact(item)
        if inner is None:
            return None
        return inner | {""} if lo == 0 else inner
    if op is _sre.IN:
        if len(av) > 8 or any(o is not _sre.LITERAL or not chr(v).isascii() for o, v in av):
            return None
        return {chr(v).lower() for _, v in av}
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return {""}  # zero width: the condition is dropped, so the strings only grow
    return None


def _zero_width(op: Any) -> bool:
    return op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)


_REPEATS = tuple(op for op in (getattr(_sre, n, None) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"))
                 if op is not None)
_NOT_WORD_CATEGORIES = (_sre.CATEGORY_SPACE, _sre.CATEGORY_NOT_WORD)  # \s, \W


def _edge_char(op: Any, av: Any, last: bool) -> bool:
    """Whether the item always consumes a character and its first (``last``: last) one can never
    be an ASCII letter or digit, even lowercased: a space, a comma, a hyphen."""
    if op is _sre.LITERAL:
        ch = chr(av)
        return ch.isascii() and not ch.isalnum()
    if op is _sre.IN:
        return bool(av) and all(
            (o is _sre.LITERAL and chr(v).isascii() and not chr(v).isalnum())
            or (o is _sre.CATEGORY and v in _NOT_WORD_CATEGORIES) for o, v in av)
    if op in _REPEATS:
        lo, _hi, item = av
        return lo >= 1 and _seq_edge(item, last)
    if op is _sre.SUBPATTERN:
        return _seq_edge(av[-1], last)
    if op is _sre.BRANCH:
        return all(_seq_edge(b, last) for b in av[1])
    return False


def _seq_edge(seq: Any, last: bool) -> bool:
    items = [x for x in seq if not _zero_width(x[0])]
    if not items:
        return False
    op, av = items[-1] if last else items[0]
    return _edge_char(op, av, last)


def _edge_after(seq: list, i: int, right: bool) -> bool:
    """Whether a word ends right after item ``i``: a \\b among the zero-width items that follow it,
    a next item that starts with a space or punctuation, or the end of the sequence where the
    context (``right``) says a word ends."""
    for op, av in seq[i + 1:]:
        if op is _sre.AT and av is _sre.AT_BOUNDARY:
            return True
        if not _zero_width(op):
            return _edge_char(op, av, last=False)
    return right


def _clauses(seq: Any, left: bool, right: bool, prefix: tuple[set[str], bool] | None = None) -> list[Clause]:
    """Clauses that every match of ``seq`` satisfies. ``left``/``right``: a word starts / ends where
    the sequence starts / ends (from its context). ``prefix``: exact strings (and whether a word
    starts before them) that come right before the sequence: "m" + (iracle|iraculous) = miracle, ..."""
    items = list(seq)
    out: list[Clause] = []
    run, run_left = prefix if prefix is not None else (None, False)
    edge = left  # a word starts at the current position (if a letter or digit comes next)

    def close(run_right: bool) -> None:
        if run is not None:
            clause = _run_clause(run, run_left, run_right)
            if clause is not None:
                out.append(clause)

    for i, (op, av) in enumerate(items):
        if _zero_width(op):
            edge = edge or (op is _sre.AT and av is _sre.AT_BOUNDARY)
            continue
        strings = _exact_item(op, av)
        if strings is not None:
            if run is None:
                run, run_left = {""}, edge
            grown = {a + b for a in run for b in strings}
            if len(grown) > _MAX_STRINGS:
                close(False)
                run, run_left, grown = {""}, edge, set(strings)
            run = grown
            edge = all(not s[-1].isalnum() if s else edge for s in strings)
            continue
        after = _edge_after(items, i, right)
        carried = (run, run_left) if run is not None else None
        if op is _sre.SUBPATTERN or op is getattr(_sre, "ATOMIC_GROUP", None):
            found = _clauses(av[-1] if op is _sre.SUBPATTERN else av, edge, after, carried)
        elif op is _sre.BRANCH:
            found = _branch_clauses(av[1], edge, after, carried)
        else:
            found = _clauses(av[2], False, False) if op in _REPEATS and av[0] >= 1 else []
            close(edge or _edge_char(op, av, last=False))
            carried = None
        if carried is not None and not found:
            close(False)  # the group gave nothing: the strings before it still count
        out.extend(found)
        run = None
        if op in _REPEATS and av[0] == 0:  # optional: a word starts after it if it did before it
            edge = edge and _seq_edge(av[2], last=True)
        else:
            edge = _edge_char(op, av, last=True)
    close(edge or right)
    return out


def _branch_clauses(branches: Any, left: bool, right: bool, prefix: tuple[set[str], bool] | None) -> list[Clause]:
    """Clauses for an alternation. Each alternative satisfies all of its own clauses, so taking one
    clause of every alternative and joining them gives a clause the alternation satisfies; the
    most selective of these joins are kept."""
    options: list[list[Clause]] = []
    for branch in branches:
        clauses = _clauses(branch, left, right, prefix)
        if not clauses:
            return []
        options.append(sorted(clauses, key=lambda c: c.score, reverse=True)[:_MAX_CLAUSES])
    if math.prod(len(o) for o in options) <= _MAX_JOINS:
        combos = list(itertools.product(*options))
    else:  # too many: the best clause of each alternative, then the second best, ...
        combos = [tuple(o[min(k, len(o) - 1)] for o in options) for k in range(_MAX_CLAUSES)]
    joins = {_join(combo) for combo in combos}
    return sorted(joins, key=lambda c: (c.score, sorted(c.words), c.parts), reverse=True)[:_MAX_CLAUSES]


def _join(clauses: Iterable[Clause]) -> Clause:
    words: set[str] = set()
    parts: set[str] = set()
    for c in clauses:
        words |= c.words
        parts.update(c.parts)
    return Clause(frozenset(words), tuple(sorted(_minimal(parts))))


def _run_clause(strings: set[str], left: bool, right: bool) -> Clause | None:
    """The clause of a run of exact items: whole words where a \\b holds at both ends and the
    strings are letters and digits, otherwise substrings."""
    if not strings or "" in strings:
        return None
    whole = left and right
    words = frozenset(s for s in strings if whole and _ALNUM.match(s))
    parts = _minimal(strings - words)
    return Clause(words, tuple(sorted(parts)))


def _minimal(parts: set[str]) -> set[str]:
    """Drop strings that contain another one: wherever "cures" occurs, "cure" does."""
    return {p for p in parts if not any(q != p and q in p for q in parts)}


_OWNED: dict[tuple[int, str], tuple[Any, Any]] = {}
T = TypeVar("T")


def owned(owner: Any, name: str, build: Callable[[], T]) -> T:
    """What ``build()`` makes for ``owner`` (a lexicon), made once and kept as long as the owner."""
    known = _OWNED.get((id(owner), name))
    if known is None or known[0] is not owner:
        known = _OWNED[(id(owner), name)] = (owner, build())
    return known[1]


def gate_set(owner: Any, name: str, patterns: Callable[[], Iterable[re.Pattern[str]]]) -> GateSet:
    """The gate set ``name`` of ``owner`` (a lexicon), built from ``patterns()`` on first use."""
    return owned(owner, "gates:" + name, lambda: GateSet(patterns()))


def block_index(block: Any) -> TextIndex:
    """The index of a content block's text, built once and shared by the medical rules."""
    index = block.cache.get("medical.index")
    if index is None:
        index = block.cache["medical.index"] = TextIndex.of(block.text)
    return index



def page_index(page: Any) -> TextIndex:
    """The index of ``page.main_text`` (its blocks joined with line breaks), built once."""
    index = page.cache.get("medical.page_index")
    if index is None:
        index = page.cache["medical.page_index"] = TextIndex.join(block_index(b) for b in page.blocks)
    return index
