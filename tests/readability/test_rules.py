"""The readability rules on the seed page, on a clean grade-6 page, and on small cases of each
kind of problem written in other words and about other conditions."""

from __future__ import annotations

import re

import pytest
import textstat

from checks.readability.advice import break_points, split_point
from checks.readability.passive import find_passive
from tests.readability.pages import GRADE6_PAGE, audit, findings, metrics, page, seed_html, seed_paragraphs

SEED = audit({"index.html": seed_html()})


def seed(rule: str) -> list[dict]:
    return findings(SEED, f"readability.{rule}")


def test_clean_grade6_page_raises_no_readability_finding():
    result = audit({"index.html": GRADE6_PAGE})
    assert findings(result) == []
    m = metrics(result)
    assert 5.5 <= m["grade"] <= 6.5 and m["graded"] and not m["above_target"]  # SMOG 6.2


def test_seed_page_is_flagged_above_target_with_its_grade():
    (f,) = seed("grade-above-target")
    assert f["severity"] == "warning"
    assert f["message"].startswith("Reads at grade 14.5 (SMOG 14.5, Flesch-Kincaid 12.2, reading ease 39)")
    assert "target is grade 8" in f["message"]
    assert f["data"]["grade"] == metrics(SEED)["grade"]
    # the suggestion names where to start, not "improve readability"
    assert "hardest paragraphs first: 'Diabetes interferes with" in f["suggestion"]
    assert "split the 3 sentences over 25 words" in f["suggestion"]
    assert "use 'a lot' instead of 'significantly', 'get worse' instead of 'deteriorate' and " in f["suggestion"]


def test_seed_page_lists_its_hardest_paragraphs_with_grades():
    found = seed("hard-paragraph")
    assert 3 <= len(found) <= 5
    grades = [float(re.search(r"grade (\d+\.\d)", f["message"]).group(1)) for f in found]
    assert all(g >= 12 for g in grades)
    hardest = max(found, key=lambda f: f["data"]["grade"])
    assert hardest["excerpt"].startswith("Diabetes interferes with your body’s ability")
    assert hardest["excerpt"] == hardest["context"]  # the whole paragraph is the passage
    for f in found:
        assert f["suggestion"].startswith("Split the ")
        assert re.search(r"use '[^']+' instead of '|use shorter words than '", f["suggestion"])


def test_seed_page_lists_its_longest_sentences():
    found = seed("long-sentence")
    assert sorted(f["data"]["words"] for f in found) == [26, 27, 27]  # hand counted
    starts = {f["excerpt"][:30]: f for f in found}
    ms = starts["It causes your immune system t"]
    assert ms["suggestion"] == "Split it after 'fibers,' (12 + 15 words)."
    assert starts["If you have chronic pain that "]["suggestion"] == "Split it after 'techniques,' (13 + 14 words)."


def test_seed_page_long_section_points_at_the_missing_subheadings():
    (f,) = seed("long-section")
    assert f["excerpt"] == "Multiple sclerosis"
    section = seed_paragraphs()[1:5]  # multiple sclerosis, diabetes, shingles, syphilis: one heading
    words = sum(textstat.lexicon_count(p) for p in section)
    assert f["data"] == {"words": words, "paragraphs": 4} and words > 300
    assert f"runs {words} words without a subheading (limit 300)" in f["message"]
    assert "Add a subheading before 'Diabetes interferes with your body’s…'" in f["suggestion"]


@pytest.mark.parametrize(
    ("sentence", "split_after"),
    [
        ("Hip pain can start slowly over many months, which makes it easy to ignore until walking becomes hard.",
         "months,"),
        ("Asthma narrows the airways in your lungs; it can make breathing hard at night and during exercise.",
         "lungs;"),
        ("You should see a doctor soon if the cough lasts more than three weeks because it may be a sign of infection.",
         "weeks"),
        ("Your migraine may start with flashing lights, tingling in one hand or trouble finding words.", None),
    ],
)
def test_split_point_prefers_clause_boundaries_over_list_commas(sentence, split_after):
    point = split_point(sentence)
    assert (point[0] if point else None) == split_after


def test_break_points_divide_evenly_at_unit_boundaries():
    assert break_points([40, 40, 40, 40], 80) == [2]
    assert break_points([30, 30, 30, 30, 30, 30], 60) == [2, 4]
    assert break_points([200], 60) == []


def test_long_paragraph_is_broken_at_sentence_starts():
    sentences = [f"Sentence number {i} tells you one more thing about caring for your back at home." for i in range(1, 14)]
    result = audit({"index.html": page("Back pain", " ".join(sentences))}, select=["readability.long-paragraph"])
    (f,) = findings(result)
    assert f["data"] == {"words": 13 * 15, "sentences": 13}
    assert f["suggestion"].startswith("Break it into 2 paragraphs: start a new one at 'Sentence number 7 tells")


def test_lists_are_not_long_paragraphs_nor_repeated_starts():
    items = "".join(f"<li>Call us if you have a fever over 101 degrees for day {i} of your illness at home.</li>"
                    for i in range(12))
    result = audit({"index.html": page("Fever", f"<ul>{items}</ul>")},
                   select=["readability.long-paragraph", "readability.repeated-sentence-start"])
    assert findings(result) == []


def test_repeated_sentence_start_run_of_three():
    text = ("Physical therapy builds strength. Physical therapy also eases stiffness. Physical exercise at home "
            "keeps the gains. Your therapist shows you how.")
    result = audit({"index.html": page("Knee care", text)}, select=["readability.repeated-sentence-start"])
    (f,) = findings(result)
    assert f["message"] == "3 sentences in a row start with 'Physical'."
    assert f["excerpt"] == ("Physical therapy builds strength. Physical therapy also eases stiffness. "
                            "Physical exercise at home keeps the gains.")
    assert "'Physical therapy also eases…'" in f["suggestion"]
    two = "Sleep helps. Sleep heals. Rest helps too. Sleep again."
    assert findings(audit({"index.html": page("Sleep", two)}, select=["readability.repeated-sentence-start"])) == []


@pytest.mark.parametrize(
    ("sentence", "phrase", "agent"),
    [
        ("Most ulcers are caused by a germ, not by stress.", "are caused", "a germ"),
        ("The cast is usually removed after six weeks.", "is usually removed", ""),
        ("Your blood was drawn at eight.", "was drawn", ""),
        ("Ketamine is used to treat depression.", "is used", ""),
        ("Patients have been seen by our team for years.", "been seen", "our team"),
    ],
)
def test_passive_voice_is_found(sentence, phrase, agent):
    found = find_passive(sentence)
    assert found is not None and found.phrase == phrase and found.agent == agent


@pytest.mark.parametrize(
    "sentence",
    [
        "The clinic is located on Main Street.",
        "I am tired after the treatment.",
        "We are interested in your story.",
        "There is increased risk after surgery.",
        "Our nurse checked your blood pressure.",
        "The rash is red and itchy.",
        "She was born in Ohio.",
    ],
)
def test_active_and_adjective_sentences_are_not_passive(sentence):
    assert find_passive(sentence) is None


def test_passive_voice_listed_only_when_it_is_a_pattern():
    passive = ("Migraines are often triggered by stress. Your history is reviewed at the first visit. "
               "Medicine is prescribed when needed. Most patients feel better soon.")
    result = audit({"index.html": page("Migraine", passive)}, select=["readability.passive-voice"])
    found = findings(result)
    assert len(found) == 3
    assert "3 of 4 sentences on this page (75%) are passive; aim for 20% or fewer" in found[0]["message"]
    by_phrase = {f["data"]["phrase"]: f for f in found}
    assert "make 'stress' the subject" in by_phrase["are often triggered"]["suggestion"]
    # the seed page is written mostly in the active voice: no finding
    assert seed("passive-voice") == []


def test_settings_change_the_thresholds():
    config = {"readability": {"target_grade": 15, "max_sentence_words": 30, "max_section_words": 400}}
    result = audit({"index.html": seed_html()}, config)
    rules = {f["rule"] for f in findings(result)}
    assert "readability.grade-above-target" not in rules
    assert "readability.long-sentence" not in rules
    assert "readability.long-section" not in rules
    assert "readability.hard-paragraph" not in rules  # 15 + 4 = grade 19 and up
    assert metrics(result)["target_grade"] == 15


def test_short_pages_get_figures_but_no_grade_finding():
    html = page("Contact", "Our comprehensive multidisciplinary practice provides individualized interventional "
                           "consultations. Appointments are available Monday through Friday.")
    result = audit({"index.html": html}, select=["readability.grade-above-target"])
    assert findings(result) == []
    m = metrics(result)
    assert m["grade"] > 8 and not m["graded"] and not m["above_target"]


def test_long_word_advice_names_abstract_words_not_drug_names():
    from checks.readability.advice import long_words

    text = ("Acetaminophen and chemotherapy can significantly and debilitatingly affect your sensitivity "
            "to cold; Diabetes management is individualized.")
    assert long_words(text, exclude=set(), min_syllables=5) == ["debilitatingly", "individualized", "significantly"]
    assert long_words(text, exclude={"significantly"}, limit=1, min_syllables=5) == ["debilitatingly"]


def test_pages_in_another_language_are_not_read():
    html = seed_html().replace("<html lang='en'>", "<html lang='es'>")
    result = audit({"index.html": html})
    assert findings(result) == []
    m = metrics(result)
    assert m["language"] == "es" and m["grade"] is None and not m["graded"] and m["words"] == 0
    assert metrics(audit({"index.html": seed_html().replace("lang='en'", "lang='en-US'")}))["graded"]
