"""Plainer words: matching (whole words, phrases, inflections, case), explained terms, one finding
per term per paragraph, the clinic's own terms, and the curation of the CDC list."""

from __future__ import annotations

import json

import pytest

from checks.readability import thesaurus
from checks.readability.thesaurus import (
    CDC_FILE,
    TermIndex,
    curated_terms,
    excluded_terms,
    inflect_like,
    inflections,
    make_term,
)
from tests.readability.pages import GRADE6_PAGE, audit, findings, page, seed_html

RULE = "readability.plain-language"


def plain(*paragraphs: str, config: dict | None = None) -> list[dict]:
    return findings(audit({"index.html": page("Care", *paragraphs)}, config, select=[RULE]), RULE)


def by_excerpt(found: list[dict]) -> dict[str, dict]:
    return {f["excerpt"]: f for f in found}


def test_seed_page_utilize_gets_use():
    found = by_excerpt(findings(audit({"index.html": seed_html()}, select=[RULE]), RULE))
    assert "use 'use' instead of 'utilize'" in found["utilize"]["suggestion"].lower()
    assert found["utilize"]["source"]["name"].startswith("CDC Plain Language Thesaurus")
    assert found["utilize"]["context"].startswith("Diabetes interferes")  # the paragraph, for highlighting
    # other inflated words of the seed, with the plain word in the suggestion
    assert "'get worse'" in found["deteriorate"]["suggestion"]
    assert "'nerve damage'" in found["neuropathy"]["suggestion"]
    # disease names and everyday words are not flagged
    assert not {"diabetes", "multiple sclerosis", "treatment", "therapy", "pain", "infection"} & set(found)


@pytest.mark.parametrize(
    ("sentence", "surface", "suggested"),
    [
        ("We utilize new tools.", "utilize", "use"),
        ("The clinic utilizes new tools.", "utilizes", "uses"),
        ("We utilized new tools last year.", "utilized", "used"),
        ("We are utilizing new tools.", "utilizing", "using"),
        ("We utilise new tools.", "utilise", "use"),  # British spelling
        ("Utilize the ice pack twice a day.", "Utilize", "Use"),  # capital kept
        ("These medications can help.", "medications", "medicines"),
        ("A biopsy can detect it early.", "detect", "find"),
        ("Two adverse events were reported.", "adverse events", "bad reactions"),  # phrase, plural
        ("Pain can occur at night.", "occur", "happen"),
        ("It occurred at night.", "occurred", "happened"),  # doubled consonant
    ],
)
def test_words_and_phrases_match_in_any_form(sentence, surface, suggested):
    found = plain(sentence)
    assert [f["excerpt"] for f in found] == [surface]
    assert f"'{suggested}' instead of '{surface}'" in found[0]["suggestion"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The utilities bill is due.",  # 'utilize' only as a whole word
        "We offer a bmi check.",  # acronyms match only in capitals ('BMI')
        "Our doctors treat diabetes and asthma.",  # names of diseases: excluded
        "Call us to discuss your treatment options.",  # everyday words: excluded
        "Rest, ice and gentle walks help most people.",
    ],
)
def test_no_finding_without_a_listed_term(sentence):
    assert plain(sentence) == []


def test_acronym_matches_in_capitals():
    found = plain("We check your BMI at each visit.")
    assert [f["excerpt"] for f in found] == ["BMI"]
    assert "Explain it the first time" in found[0]["suggestion"]
    assert "body fat" in found[0]["suggestion"]


@pytest.mark.parametrize(
    "text",
    [
        "Neuropathy (nerve damage) can make your feet numb.",
        "Nerve damage (neuropathy) can make your feet numb.",
        "Neuropathy, or nerve damage, can make your feet numb.",
        "Neuropathy means nerve damage. It can make your feet numb.",
        "You may have neuropathy. This is nerve damage that can make your feet numb.",  # next sentence
        "Nerve damage, called neuropathy, can make your feet numb.",
        "Doctors call high blood pressure hypertension.",  # same sentence uses the plain words
    ],
)
def test_explained_terms_are_not_flagged(text):
    assert plain(text) == []


def test_a_term_explained_once_is_fine_for_the_rest_of_the_page():
    found = plain("Neuropathy (nerve damage) is common.", "Neuropathy can start in the feet.")
    assert found == []


def test_explanation_two_sentences_later_does_not_count():
    found = plain("You may have neuropathy. It starts in the feet. It is a kind of nerve damage.")
    assert [f["excerpt"] for f in found] == ["neuropathy"]


def test_one_finding_per_term_per_paragraph():
    found = plain(
        "We utilize ice. We utilize heat. We utilized rest.",
        "Our nurses utilize music too.",
    )
    assert [f["excerpt"] for f in found] == ["utilize", "utilize"]
    assert found[0]["line"] != found[1]["line"]
    assert found[0]["fingerprint"] != found[1]["fingerprint"]


def test_clinic_config_adds_and_silences_terms():
    config = {"readability": {"plain_language_terms": {"myofascial release": "muscle massage"},
                              "plain_language_ignore": ["infusion", "utilize"]}}
    found = plain("Myofascial release eases tight muscles. The infusion takes an hour. We utilize ice.",
                  config=config)
    assert [f["excerpt"] for f in found] == ["Myofascial release"]
    assert found[0]["suggestion"] == "Use 'Muscle massage' instead of 'Myofascial release'."
    assert "plain_language_terms" in found[0]["message"] and found[0]["source"] is None


def test_suggestion_avoids_repeating_the_neighbouring_word():
    found = plain("High blood glucose can harm nerves.")
    assert found[0]["suggestion"].startswith("Use 'sugar' instead of 'glucose'")
    found = plain("Stress is one thing contributing to back pain.")
    assert found[0]["suggestion"].startswith("Use 'leading' instead of 'contributing'")


def test_grade6_page_has_no_jargon():
    assert findings(audit({"index.html": GRADE6_PAGE}, select=[RULE]), RULE) == []


# -- the word list -----------------------------------------------------------------------------


def test_curation_only_names_cdc_terms_and_every_kept_term_has_advice():
    cdc = {e["term"].lower() for e in json.loads(CDC_FILE.read_text(encoding="utf-8"))}
    assert excluded_terms() <= cdc
    terms = curated_terms()
    assert 500 < len(terms) < len(cdc)
    for key, term in terms.items():
        assert term.substitutes or term.explanation, key
        assert key not in excluded_terms()
        assert all(s.lower() != key for s in term.substitutes)
    assert terms["utilize"].substitutes[0] == "use"
    assert terms["hypertension"].substitutes[0] == "high blood pressure"
    assert "disease" not in terms and "diabetes" not in terms and "highly" not in terms  # noise, names, typos


def test_curation_errors_name_the_bad_entry(tmp_path, monkeypatch):
    bad = tmp_path / "plain_language.toml"
    bad.write_text('[[exclude]]\nreason = "x"\nterms = ["not-a-cdc-term"]\n', encoding="utf-8")
    monkeypatch.setattr(thesaurus, "CURATION_FILE", bad)
    thesaurus._load.cache_clear()
    try:
        with pytest.raises(thesaurus.CurationError, match="not-a-cdc-term"):
            curated_terms()
    finally:
        thesaurus._load.cache_clear()


def test_longest_term_wins_and_offsets_are_exact():
    index = TermIndex([make_term("chronic", "long-term", "cdc"),
                       make_term("chronic obstructive pulmonary disease", "lung disease", "cdc")])
    text = "She has Chronic Obstructive Pulmonary Disease and chronic pain."
    hits = index.find(text)
    assert [(h.surface, h.term.term) for h in hits] == [
        ("Chronic Obstructive Pulmonary Disease", "chronic obstructive pulmonary disease"), ("chronic", "chronic")]
    assert all(text[h.start : h.end] == h.surface for h in hits)


def test_inflections_and_substitutes_in_the_same_form():
    assert {f for f, _ in inflections("require")} >= {"require", "requires", "required", "requiring"}
    assert ("difficulty", "singular") in inflections("difficulties")
    assert ("diagnoses", "s") in inflections("diagnosis")
    assert inflect_like("use", "ed") == "used"
    assert inflect_like("get worse", "ing") == "getting worse"
    assert inflect_like("stop", "ed") == "stopped"
    assert inflect_like("give", "ed") is None  # gave or given: not guessed
    assert inflect_like("high blood pressure", "ed") is None
    assert inflect_like("cause", "s") == "causes"
    assert inflect_like("stitches", "singular") == "stitch"


def test_the_page_subject_is_flagged_once_with_an_explanation_to_add():
    html = page("Peripheral neuropathy", "Peripheral neuropathy starts in the feet.",
                "Neuropathy can make walking hard.", "We treat neuropathy with care.")
    found = findings(audit({"index.html": html}, select=[RULE]), RULE)
    assert [f["excerpt"] for f in found] == ["neuropathy"]
    assert found[0]["suggestion"] == ("It names the page's subject: explain it once, near the top, "
                                      "e.g. 'neuropathy (nerve damage)'.")
