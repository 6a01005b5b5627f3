"""Appositives ("X, a Y, ...") state that X is a Y: a drug given the wrong class, or an infection the
wrong kind of germ, is caught however the rest of the sentence goes; a list ("X, a Y, and Z") and a
correct appositive stay silent. Drugs the fact base places in one disjoint class (NSAID, opioid,
antidepressant, ...) are caught when a page calls them another, without a pattern for each pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.medical.facts import FactBaseError, build, knowledge
from checks.medical.facts.loader import concept_files

KB = knowledge()


def rules(sentence: str) -> set[str]:
    return {v.rule for v in KB.check(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Naproxen, an opioid, eases swelling after a sprain.",
        "Advil, a steroid medicine, is sold over the counter.",
        "Meloxicam, a muscle relaxer, is often taken once a day.",
        "Cymbalta, a tricyclic antidepressant, may help nerve pain.",
        "Your doctor may suggest celecoxib, an antibiotic, for a few weeks.",
        "Gabapentin, an opioid pain medicine, is used for shingles pain.",
        "Tramadol, an anti-seizure medicine, should be taken as prescribed.",
        "Diclofenac, a muscle relaxant for sore joints, comes as a gel.",
    ],
)
def test_appositive_with_the_wrong_drug_class_is_caught(sentence):
    assert "fact-contradiction" in rules(sentence), [KB.render(s) for s in KB.statements(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lyme disease, a viral illness spread by ticks, can cause joint pain.",
        "Tuberculosis, a fungal infection of the lungs, needs months of treatment.",
        "Impetigo, a viral skin infection, spreads quickly in day care.",
        "Ringworm, a bacterial infection that itches, spreads through shared towels.",
    ],
)
def test_appositive_with_the_wrong_kind_of_germ_is_caught(sentence):
    assert rules(sentence) & {"wrong-pathogen", "fact-contradiction"}, [KB.render(s) for s in KB.statements(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Naproxen, an NSAID, eases swelling after a sprain.",
        "Advil, a nonsteroidal anti-inflammatory drug, is sold over the counter.",
        "Cymbalta, an antidepressant, may help nerve pain.",  # an SNRI is an antidepressant
        "Duloxetine, an SNRI, may help nerve pain.",
        "Gabapentin, an anti-seizure medicine, is used for shingles pain.",
        "Lyme disease, a bacterial illness spread by ticks, can cause joint pain.",
        "Shingles, a viral infection of the nerves, can cause a painful rash.",
        "Ringworm, a fungal infection that itches, spreads through shared towels.",
        # lists, not appositives
        "Treatment may include ibuprofen, a muscle relaxant, and a few days of rest.",
        "Options include naproxen, a muscle relaxant, heat and stretching.",
        "We may combine heat, ibuprofen, a muscle relaxant and gentle exercise.",
        "Ask whether naproxen, an antibiotic or both are right for you.",
        # hedged or negated classes are not appositives of fact
        "Ibuprofen is not a muscle relaxant, but it can ease muscle pain.",
        "Unlike a muscle relaxant, ibuprofen does not make you sleepy.",
    ],
)
def test_correct_appositives_and_lists_stay_silent(sentence):
    assert not KB.check(sentence), [(v.key, KB.render(v.statement)) for v in KB.check(sentence)]


def test_the_class_found_through_another_fact_names_that_fact_and_its_source():
    v = next(v for v in KB.check("Aleve, an opioid painkiller, lasts longer than Advil.") if v.rule == "fact-contradiction")
    assert v.key == "naproxen-is-nsaid" and v.authority.url.startswith("https://medlineplus.gov/")
    v = next(iter(KB.check("Aleve, a muscle relaxant, lasts longer than Advil.")))
    assert v.key == "naproxen-is-nsaid" and "muscle relaxant" in v.message and "NSAID" in v.message


def test_disjoint_only_on_drug_classes(tmp_path: Path):
    bad = tmp_path / "concepts_bad.yaml"
    bad.write_text("concepts:\n  - {id: knee_pain, kind: symptom, names: [knee pain], disjoint: true}\n")
    with pytest.raises(FactBaseError) as err:
        build(concept_paths=[*concept_files(), bad])
    assert "knee_pain" in str(err.value) and "disjoint" in str(err.value)


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("Golfer's elbow, an injury of the outer elbow, comes from gripping.", "outer-elbow"),
        ("Cubital tunnel syndrome, a problem with the median nerve, numbs the little finger.", "cubital"),
        ("Chickenpox, a late complication of shingles, is common in kids.", "shingles-does-not-cause-chickenpox"),
        ("Cluster headache, a form of migraine, strikes at night.", "cluster-headache-not-migraine"),
        ("Eczema, a fungal infection of the skin, itches most at night.", "eczema-not-contagious"),
    ],
)
def test_appositive_with_a_relation_noun_states_that_relation(sentence, key):
    found = {v.key for v in KB.check(sentence)}
    assert any(key in k for k in found), (found, [KB.render(s) for s in KB.statements(sentence)])


@pytest.mark.parametrize(
    "sentence",
    [
        "Tennis elbow, an injury of the outer elbow, comes from overuse.",
        "Postherpetic neuralgia, a complication of shingles, can last for months.",
        "Carpal tunnel syndrome, a problem with the median nerve, numbs the thumb.",
        "Symptoms include pain, a sign of nerve damage, and numbness.",
        "Chickenpox, a complication of shingles, and measles are rare now.",  # a list
        "Cluster headache, a kind of headache, is rare.",
    ],
)
def test_correct_relation_appositives_and_lists_stay_silent(sentence):
    assert not KB.check(sentence), [(v.key, KB.render(v.statement)) for v in KB.check(sentence)]
