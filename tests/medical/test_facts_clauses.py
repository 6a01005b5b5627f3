"""Relative clauses and lists of causes: ', which is caused by Z' is about the condition just before
the comma (even inside 'signs of a joint infection'); 'caused by bacteria, viruses or fungi' lists
possible causes and asserts none of them alone; 'a cream without steroids, such as X' says X is not
a steroid. Plus inversions in dermatology and orthopedics (a disc presses on the nerve, not the
other way round; strep throat triggers guttate psoriasis; osteoporosis raises fracture risk)."""

from __future__ import annotations

import pytest

from checks.medical.facts import knowledge

KB = knowledge()


def keys(sentence: str) -> set[str]:
    return {v.key for v in KB.check(sentence)}


def said(sentence: str) -> list[str]:
    return [KB.render(s) for s in KB.statements(sentence)]


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("Redness and fever may point to an infected joint, which is usually caused by a virus.",
         "septic-arthritis-mostly-bacterial"),
        ("See us fast for septic arthritis, which is mostly caused by viruses.", "septic-arthritis-mostly-bacterial"),
        ("Ask about the risk of stress fractures, which cause osteoporosis over time.",
         "osteoporosis-raises-stress-fracture-risk"),
        ("Teens sometimes get guttate psoriasis, which is a common cause of strep throat.",
         "strep-triggers-guttate-psoriasis"),
    ],
)
def test_which_clause_is_about_the_condition_before_the_comma(sentence, key):
    assert key in keys(sentence), said(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Redness and fever may point to an infected joint, which is usually caused by bacteria.",
        "Ask about the risk of stress fractures, which are more likely if you have osteoporosis.",
        "Teens sometimes get guttate psoriasis, which often follows strep throat.",
        # a list of possible causes, not one cause
        "Joint infections are caused by bacteria, viruses or fungi.",
        "Septic arthritis may be caused by bacteria, and less often by a virus.",
        # pain in the knee, which ...: "which" after a body part is not read as that body part
        "You may feel pain in the knee, which is caused by a virus in some cases.",
    ],
)
def test_correct_which_clauses_and_lists_of_causes_stay_silent(sentence):
    assert not KB.check(sentence), [(v.key, KB.render(v.statement)) for v in KB.check(sentence)]


def test_examples_of_what_a_class_is_not():
    assert ("tacrolimus_topical", "is_a", "steroid", False) in {
        st.key() for st in KB.statements("We may suggest a cream without steroids, such as tacrolimus.")}
    assert not KB.check("Ask about creams other than steroids, such as tacrolimus.")


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("Sciatica may push against a spinal disc and make it slip.", "herniated-disc-causes-sciatica"),
        ("Over time, sciatica squeezes the discs in the spine.", "herniated-disc-causes-sciatica"),
        ("Psoriasis is a common cause of strep throat in children.", "strep-triggers-guttate-psoriasis"),
        ("Repeated stress fractures are what lead to osteoporosis.", "osteoporosis-raises-stress-fracture-risk"),
        ("Accutane is an antibiotic pill for severe acne.", "isotretinoin-is-retinoid"),
        ("Isotretinoin, a strong antibiotic, can dry your lips.", "isotretinoin-is-retinoid"),
        ("Robaxin is a narcotic painkiller.", "methocarbamol-is-muscle-relaxant"),
    ],
)
def test_inversions_and_drug_classes_in_dermatology_and_orthopedics(sentence, key):
    assert key in keys(sentence), said(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "A bulging disc can press on a nerve root and cause sciatica.",
        "A herniated disk pushes on the sciatic nerve.",
        "Strep throat can trigger guttate psoriasis a few weeks later.",
        "Osteoporosis raises your risk of stress fractures.",
        "Isotretinoin is a retinoid, a medicine made from vitamin A.",
        "Isotretinoin may be an option when antibiotics have not cleared your acne.",
        "Antibiotic pills such as doxycycline or minocycline are used for a few months.",
        "Muscle relaxants such as cyclobenzaprine can make you sleepy.",
        "It hurts when you press on the bone over a stress fracture.",
    ],
)
def test_correct_dermatology_and_orthopedic_copy_stays_silent(sentence):
    assert not KB.check(sentence), [(v.key, KB.render(v.statement)) for v in KB.check(sentence)]
