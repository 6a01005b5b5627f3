"""The medical rules' quick first tests give the same answers as the full work they stand in for,
on the corpora's text and on made-up edge cases (odd case folding, tabs, repeats)."""

from __future__ import annotations

import pytest

from checks.medical import integrity
from checks.medical.facts.anaphora import AMBIGUOUS
from checks.medical.facts.matcher import knowledge
from seotool.page import Block
from seotool.text import split_sentences
from tests.medical.test_prefilter import _texts

EDGE = [
    "", "the the", "The\tthe pain", "pain  Pain", "is is.", "THIS this", "thıs thıs", "the\u00a0the",
    "\u212aeep \u212aeep", "İt İt", "follow-up follow up", "can can't", "a a", "x_the the_x",
    "Call us at (704) 555-0100 [1].", "“Quoted” text", "He said \"no.", "Dr. O’Neil – the the end",
]


def _corpus() -> list[str]:
    return [*_texts(), *EDGE, *(s.text for t in _texts() for s in split_sentences(t))]


def test_norm_words_is_the_regex_normalisation():
    for text in _corpus():
        norm, words = integrity._norm_words(text)
        assert norm == integrity._norm(text), text
        assert words == norm.split()


def test_doubled_word_pretest_never_hides_a_doubled_word():
    doubled = 0
    for text in _corpus():
        block = Block("p", text, None, ())
        if integrity._DOUBLED.search(text):
            doubled += 1
            assert integrity._may_double(block, integrity._norm_words(text)[1]), text
    assert doubled >= 5  # the edge cases alone have several


def test_repeated_run_pretest_agrees_with_the_full_search():
    texts = _corpus() + [" ".join(["alpha beta gamma delta epsilon zeta eta theta"] * 2),
                         " ".join(f"w{i}" for i in range(40)) + " w3 w4 w5 w6 w7 w8 w9 w10",
                         " ".join(["one two three four five six seven eight"] * 3)[:-6]]
    found = 0
    for text in texts:
        words = integrity._norm(text).split()
        found += _repeats(words)
        assert integrity._has_repeated_gram(words) == _repeats(words), text
    assert found >= 3


def _repeats(words: list[str]) -> bool:
    """The search without its shortcuts: a run of _RUN words seen again at least _RUN words later."""
    run = integrity._RUN
    seen: dict[tuple[str, ...], int] = {}
    for j in range(len(words) - run + 1):
        if j - seen.setdefault(tuple(words[j:j + run]), j) >= run:
            return True
    return False


@pytest.mark.parametrize("pattern", ["_GLUED", "_LOST_MIDDLE"])
def test_capital_pretests_never_hide_a_match(pattern):
    pretest = integrity._LOWER_UPPER if pattern == "_GLUED" else integrity._BEFORE_CAPITAL
    texts = _corpus() + ["the rash on the bodThe blisters scab", "inactive in your The rash appears"]
    matched = 0
    for text in texts:
        if getattr(integrity, pattern).search(text):
            matched += 1
            assert pretest.search(text), text
    assert matched >= 1


def test_unbalanced_shortcut_only_skips_text_without_brackets_or_quotes():
    for text in _corpus():
        if not integrity._MARKS_AND_QUOTES.search(text):
            assert integrity._unbalanced(text) is None


def test_reading_a_sentence_that_names_nothing_gives_nothing_whatever_the_antecedent():
    """The shortcut in KnowledgeBase.read: compare with the full reading (lexing everything)."""
    kb = knowledge()
    disease = next(c for c, v in kb.concepts.items() if v.kind == "disease")
    sentences = [s.text for t in _texts()[:400] for s in split_sentences(t)]
    sentences += [f"{p} {s}" for s in sentences[:200] for p in ("It", "This condition", "These cracks")]
    for sentence in sentences:
        for antecedent in (None, AMBIGUOUS, disease):
            for noun in (None, "crack"):
                full = _full_read(kb, sentence, antecedent, noun)
                quick = kb.read(sentence, antecedent, noun)
                assert (_keys(quick[0]), quick[1], quick[2]) == (_keys(full[0]), full[1], full[2]), sentence


def _keys(verdicts):
    return [(v.rule, v.key, v.message) for v in verdicts]


def _full_read(kb, sentence, antecedent, noun):
    """KnowledgeBase.read without its shortcut: the lexicon is told every sentence may name something."""
    real = kb.lexicon.names_nothing
    kb.lexicon.names_nothing = lambda keys: False
    try:
        return kb.read(sentence, antecedent, noun)
    finally:
        kb.lexicon.names_nothing = real
