"""medical.wrong-pathogen: the Disease Ontology catches a wrong kind of pathogen for infectious diseases
that no one wrote a fact-base entry for, and a disease said to cause its own pathogen."""

from __future__ import annotations

import pytest

from checks.medical.facts import knowledge
from checks.medical.facts.loader import load_ontology
from checks.medical.facts.ontology import agents_of

KB = knowledge()
NOUN = {"virus": "a virus", "bacterium": "bacteria", "fungus": "a fungus", "parasite": "a parasite"}
ADJ = {"virus": "viral", "bacterium": "bacterial", "fungus": "fungal", "parasite": "parasitic"}
WRONG = {"virus": "bacterium", "bacterium": "virus", "fungus": "bacterium", "parasite": "virus"}


def pathogen_verdicts(sentence: str):
    return [v for v in KB.check(sentence) if v.rule == "wrong-pathogen"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lyme disease is caused by a virus.",
        "Lyme disease is a viral infection spread by ticks.",
        "Tuberculosis is caused by a fungus.",
        "Tuberculosis is a fungal infection of the lungs.",
        "Measles is caused by bacteria.",
        "Malaria is a viral disease spread by mosquitoes.",
        "Gonorrhea is caused by a virus.",
        "Influenza is a bacterial infection.",
        "The flu is caused by bacteria.",
        "Chlamydia is a viral STD.",
        "Histoplasmosis is caused by bacteria in bird droppings.",
        "Toxoplasmosis is caused by a virus found in cat litter.",
        "Tetanus is caused by a virus that lives in soil.",
        "Rabies is caused by bacteria.",
    ],
)
def test_wrong_kind_of_pathogen_is_caught(sentence):
    found = pathogen_verdicts(sentence)
    assert found, [KB.render(s) for s in KB.statements(sentence)]
    v = found[0]
    assert v.severity == "error"
    assert v.authority.url.startswith("https://disease-ontology.org/?id=DOID:")
    assert "is caused by" in v.suggestion


def test_suggestion_names_the_agent_and_the_source_term():
    [v] = pathogen_verdicts("Lyme disease is caused by a virus.")
    assert "Borrelia burgdorferi" in v.suggestion and "bacterial" in v.suggestion
    assert v.authority.url == "https://disease-ontology.org/?id=DOID:11729"


@pytest.mark.parametrize(
    "sentence",
    [
        "Lyme disease is caused by bacteria spread by tick bites.",
        "Lyme disease is caused by Borrelia burgdorferi.",
        "Tuberculosis is caused by Mycobacterium tuberculosis.",
        "Measles is a highly contagious viral disease.",
        "Malaria is caused by a parasite spread by mosquitoes.",
        "Lyme disease is not caused by a virus.",
        "The flu is caused by a virus, so antibiotics do not help.",
        "Pneumonia can be caused by bacteria, viruses or fungi.",
        "Meningitis can be viral or bacterial.",
        "Chickenpox can lead to bacterial skin infections.",
        "Ringworm is caused by a fungus, not a worm.",
        "Histoplasmosis is caused by a fungus found in bird droppings.",
    ],
)
def test_correct_pathogen_statements_stay_silent(sentence):
    assert not pathogen_verdicts(sentence), [v.message for v in pathogen_verdicts(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chickenpox causes the varicella-zoster virus.",
        "Lyme disease leads to Borrelia burgdorferi infection of the joints.",
        "Tuberculosis causes Mycobacterium tuberculosis to spread.",
    ],
)
def test_disease_said_to_cause_its_pathogen_is_caught(sentence):
    found = pathogen_verdicts(sentence)
    assert found and "does not cause its pathogen" in found[0].message


def test_wrong_named_agent_is_caught_with_medium_confidence():
    [v] = pathogen_verdicts("Lyme disease is caused by Treponema pallidum.")
    assert v.confidence == "medium"
    assert not pathogen_verdicts("Syphilis is caused by Treponema pallidum.")


# --- generated from the ontology: diseases nobody wrote an entry for -----------------------------

def _sample():
    """Every 7th classified infectious disease of the ontology that the lexicon recognises by name."""
    out = []
    for cid, c in sorted(KB.concepts.items()):
        if not cid.startswith("do.") or c.pathogen_class not in NOUN:
            continue
        name = next((n for n in c.names if not n.startswith("\x00") and n.lower() == c.label.lower()), None)
        if name is None or [it.concept for it in KB.lexicon.lex(name)] != [cid]:
            continue
        out.append((name, c.pathogen_class))
    return out[::7]


SAMPLE = _sample()


def test_sample_is_broad():
    assert len(SAMPLE) >= 40
    assert {cls for _, cls in SAMPLE} == set(NOUN)


@pytest.mark.parametrize(("name", "cls"), SAMPLE, ids=[n for n, _ in SAMPLE])
def test_ontology_disease_with_wrong_pathogen_class(name, cls):
    wrong = WRONG[cls]
    assert pathogen_verdicts(f"{name.capitalize()} is caused by {NOUN[wrong]}.")
    assert pathogen_verdicts(f"{name.capitalize()} is a {ADJ[wrong]} infection.")
    assert not pathogen_verdicts(f"{name.capitalize()} is caused by {NOUN[cls]}.")
    assert not pathogen_verdicts(f"{name.capitalize()} is a {ADJ[cls]} infection.")
    assert not pathogen_verdicts(f"{name.capitalize()} is not caused by {NOUN[wrong]}.")


def test_ontology_file_parses_classes_and_agents():
    terms = load_ontology()
    assert len(terms) == 536
    assert terms["DOID:8536"].pathogen_class == "virus"  # herpes zoster
    assert terms["DOID:11729"].pathogen_class == "bacterium"  # Lyme disease
    assert terms["DOID:399"].pathogen_class == "bacterium"  # tuberculosis
    assert "Borrelia burgdorferi" in terms["DOID:11729"].agents
    assert "Shingles" in terms["DOID:8536"].synonyms


def test_agent_parsing_skips_generic_phrases():
    assert agents_of('"A disease that has_material_basis_in Borrelia burgdorferi, which is transmitted_by ticks."') == [
        "Borrelia burgdorferi"
    ]
    assert agents_of('"A meningitis that has_material_basis_in a viral infection."') == []
    assert agents_of('"A viral disease that has_material_basis_in Human herpesvirus 3 (Varicellovirus humanalpha3)."') == [
        "Human herpesvirus 3",
        "Varicellovirus humanalpha3",
    ]
