"""Page figures are textstat's own results for the same text; counts match hand counts."""

from __future__ import annotations

import pytest
import textstat

from checks.readability.analysis import analyse
from checks.readability.metrics import Counts, count, count_words, score, scoring_text
from seotool.page import Page
from seotool.text import split_sentences
from tests.readability.pages import audit, metrics, page, seed_html, seed_paragraphs


def test_seed_page_figures_are_textstats_results_for_its_prose():
    prose = " ".join(seed_paragraphs())  # the seven paragraphs, without the two headings
    m = metrics(audit({"index.html": seed_html()}))
    assert m["smog"] == round(textstat.smog_index(prose), 1) == 14.5
    assert m["flesch_kincaid_grade"] == round(textstat.flesch_kincaid_grade(prose), 1) == 12.2
    assert m["flesch_reading_ease"] == round(textstat.flesch_reading_ease(prose), 1)
    assert m["grade"] == m["smog"]
    # hand counts: 4 + 6 + 6 + 5 + 3 + 5 + 1 sentences in 7 paragraphs; textstat agrees on this text
    assert m["sentences"] == 30 == textstat.sentence_count(prose)
    assert m["paragraphs"] == 7
    assert m["words"] == textstat.lexicon_count(prose) == 521
    assert m["long_sentences"] == 3  # 27, 26 and 27 words
    assert m["graded"] and m["above_target"] and m["target_grade"] == 8


@pytest.mark.parametrize(
    "text",
    [
        " ".join(seed_paragraphs()),
        "Nerve pain can feel like burning. It often starts in the feet. Walk a little each day.",
        "Pharmacological management typically encompasses anticonvulsant medications. Interventional "
        "procedures may additionally be considered for refractory presentations.",
        "Don’t skip doses. Your doctor won't mind a call; it's what we're here for!",
        "Is it safe? Yes. Most people have no problems at all with the shot.",
    ],
)
def test_formulas_equal_textstats_functions(text):
    sentences = [s.text for s in split_sentences(text)]
    joined = scoring_text(sentences)
    sc = score(sentences)
    assert sc is not None
    assert sc.smog == pytest.approx(textstat.smog_index(joined), abs=1e-9)
    assert sc.flesch_kincaid_grade == pytest.approx(textstat.flesch_kincaid_grade(joined), abs=1e-9)
    assert sc.flesch_reading_ease == pytest.approx(textstat.flesch_reading_ease(joined), abs=1e-9)
    assert sc.polysyllables == textstat.polysyllabcount(joined)


def test_page_counts_are_the_sum_of_paragraph_counts():
    paragraphs = seed_paragraphs()
    total = sum((count([s.text for s in split_sentences(p)]) for p in paragraphs), Counts())
    assert total == count([s.text for p in paragraphs for s in split_sentences(p)])


def test_menu_and_footer_are_not_scored():
    body = ["Nerve pain can feel like burning or tingling. It often starts in the feet."]
    plain = Page("a.html", page("Nerve pain", *body))
    hard_chrome = Page("b.html", page("Nerve pain", *body).replace(
        "<footer><p>Call us.</p></footer>",
        "<footer><p>Notwithstanding institutional considerations, unauthorized utilization is prohibited.</p></footer>"))
    assert analyse(plain).scores == analyse(hard_chrome).scores
    assert analyse(plain).words == 14


def test_scores_use_our_sentence_boundaries_not_textstats():
    text = "Dr. Lee gives 2.5 mg of the drug each day. Take it with food, e.g. at lunch. Call us if it hurts."
    sentences = [s.text for s in split_sentences(text)]
    assert len(sentences) == 3  # hand count
    # textstat alone splits at "Dr." "2." and "e.g." and drops the fragments as sentences
    assert textstat.sentence_count(text) != 3
    joined = scoring_text(sentences)
    assert textstat.sentence_count(joined) == 3
    sc = score(sentences)
    assert sc is not None and sc.sentences == 3
    assert sc.flesch_kincaid_grade == textstat.flesch_kincaid_grade(joined)
    # dropping inner periods does not change textstat's word or syllable counts
    assert textstat.lexicon_count(joined) == textstat.lexicon_count(text)
    assert textstat.syllable_count(joined) == textstat.syllable_count(text)


def test_one_and_two_word_fragments_are_left_out_of_the_scores():
    sentences = ["Symptoms", "Burning pain.", "Nerve pain can feel like burning or tingling."]
    assert scoring_text(sentences) == "Nerve pain can feel like burning or tingling."
    assert score(["Fever.", "Cough"]) is None


def test_words_are_counted_like_textstat():
    for text in ("Take 2.5 mg at 9 a.m. — with water.", "Don’t use over-the-counter drugs!", "  "):
        assert count_words(text) == textstat.lexicon_count(text)


@pytest.mark.parametrize("text", [" ".join(seed_paragraphs()), "Don’t skip doses. We're here; it's fine!"])
def test_counts_equal_textstats_counters(text):
    sentences = [s.text for s in split_sentences(text)]
    joined = scoring_text(sentences)
    c = count(sentences)
    assert c.words == textstat.lexicon_count(joined)
    assert c.sentences == textstat.sentence_count(joined)
    assert c.syllables == textstat.syllable_count(joined)
    assert c.polysyllables == textstat.polysyllabcount(joined)


def test_hardest_pages_do_not_depend_on_page_order():
    """Equal grades are listed by URL: a crawl gathers pages in a different order each time."""
    from checks import registry
    from checks.readability.summary import summarize
    from seotool.config import Config, defaults
    from seotool.page import Page
    from seotool.site import Site

    text = ("Neuropathic pain arises from damage to the somatosensory nervous system. Interventional "
            "management frequently incorporates pharmacological and procedural modalities. ") * 15
    pages = [Page(f"p{i}.html", f"<html><body><main><p>{text}</p></main></body></html>") for i in range(8)]
    listed = []
    for order in (pages, pages[::-1], pages[3:] + pages[:3]):
        site = Site(targets=["x"], config=Config(defaults(registry().settings())))
        site.pages = list(order)
        listed.append([p["url"] for p in summarize(site, [])["hardest_pages"]])
    assert listed[0] == ["p0.html", "p1.html", "p2.html", "p3.html", "p4.html"]
    assert listed[0] == listed[1] == listed[2]
