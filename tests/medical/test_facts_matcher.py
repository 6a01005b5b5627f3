"""The matcher survives paraphrase: synonyms, passive voice, intervening words, relative clauses,
coordination, negation, hedging and myth framing — on sentences that are not in the fact base."""

from __future__ import annotations

import pytest

from checks.medical.facts import knowledge

KB = knowledge()


def keys(sentence: str) -> set[str]:
    return {v.key for v in KB.check(sentence)}


def read(sentence: str) -> set[tuple[str, str, str | None, bool]]:
    return {st.key() for st in KB.statements(sentence)}


# --- wording: each of these says "shingles causes chickenpox" ------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Shingles causes chickenpox.",
        "Herpes zoster causes varicella.",  # synonyms of both
        "Zoster leads to chicken pox in kids.",  # another verb, intervening words after
        "Chickenpox is caused by shingles.",  # passive
        "Chicken-pox is usually caused by herpes zoster.",  # hyphenated name, adverb
        "Shingles, a painful rash on one side of the body, often results in chickenpox.",  # appositive
        "Shingles is a viral illness which causes chickenpox.",  # relative clause on the predicate noun
        "Shingles is a painful condition that gives rise to chickenpox.",
        "SHINGLES CAUSES CHICKENPOX.",  # case
        "In older adults, shingles triggers chickenpox.",
        "Chickenpox is the result of shingles.",  # nominal passive
        "Chickenpox is a complication of shingles.",
    ],
)
def test_paraphrases_of_a_backwards_fact_are_caught(sentence):
    assert "shingles-does-not-cause-chickenpox" in keys(sentence), sorted(read(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Shingles does not cause chickenpox.",  # negation
        "Shingles doesn't cause chickenpox.",
        "Shingles never causes chickenpox.",
        "Chickenpox is not caused by shingles.",
        "It is a common myth that shingles causes chickenpox.",  # myth framing
        "Many people believe that shingles causes chickenpox, but it does not.",
        "Does shingles cause chickenpox?",  # question
        "If you have never had chickenpox, contact with a shingles rash can cause chickenpox.",  # no subject
        "Shingles can cause chickenpox in people who have never had it.",  # hedged: possible via exposure
        "The virus that causes chickenpox also causes shingles.",  # chickenpox is an object, not the subject
        "The varicella-zoster virus causes chickenpox and, years later, shingles.",
        "Treatment for shingles reduces the risk of chickenpox spreading.",  # shingles inside a PP
    ],
)
def test_correct_or_framed_sentences_stay_silent(sentence):
    assert "shingles-does-not-cause-chickenpox" not in keys(sentence), sorted(read(sentence))


def test_passive_voice_swaps_subject_and_object():
    assert ("vzv", "causes", "shingles", True) in read("Shingles is caused by the varicella-zoster virus.")
    assert ("vzv", "causes", "shingles", True) in read("Herpes zoster is a reactivation of VZV.")


def test_negation_flips_polarity():
    assert ("ketamine", "is_a", "opioid", False) in read("Ketamine is not an opioid.")
    assert ("ketamine", "is_a", "opioid", False) in read("Ketamine isn't an opioid.")
    assert ("ketamine", "is_a", "opioid", False) in read("Ketamine is a non-opioid anesthetic.")
    assert ("ketamine", "is_a", "opioid", False) in read("Ketamine is an anesthetic, not an opioid.")
    assert ("ketamine", "is_a", "opioid", True) in read("Ketamine is an opioid.")


def test_not_only_is_not_a_negation():
    assert ("ketamine", "is_a", "dissociative_anesthetic", True) in read(
        "Ketamine is not only a dissociative anesthetic but also an antidepressant."
    )


def test_hedged_statements_are_marked():
    [st] = [s for s in KB.statements("Shingles may cause chickenpox.") if s.relation == "causes"]
    assert st.hedged
    [st] = [s for s in KB.statements("Shingles causes chickenpox.") if s.relation == "causes"]
    assert not st.hedged


def test_hedging_keeps_categorical_facts_wrong():
    # A categorical falsehood stays false with "may": ketamine is never an opioid.
    assert "ketamine-not-opioid" in keys("Ketamine may be an opioid.")
    # ...while a frequency word only softens a negation.
    assert not keys("At recommended doses, acetaminophen does not usually cause liver damage.")
    assert "acetaminophen-liver" in keys("Acetaminophen does not cause liver damage.")


def test_coordinated_subjects_and_objects():
    got = read("Shingles and chickenpox are caused by the varicella-zoster virus.")
    assert ("vzv", "causes", "shingles", True) in got and ("vzv", "causes", "chickenpox", True) in got
    got = read("Gabapentin and pregabalin are opioids.")
    assert ("gabapentin", "is_a", "opioid", True) in got and ("pregabalin", "is_a", "opioid", True) in got
    assert {"gabapentin-not-opioid", "pregabalin-not-opioid"} <= keys("Gabapentin and pregabalin are opioids.")


def test_coordination_stops_at_a_new_clause():
    sentence = "CRPS type I was once called reflex sympathetic dystrophy, and CRPS type II was called causalgia."
    assert not keys(sentence)


def test_examples_after_such_as_are_members_of_the_class():
    assert ("acetaminophen", "is_a", "nsaid", True) in read("NSAIDs such as acetaminophen can upset the stomach.")
    assert "ketamine-not-opioid" in keys("Strong opioids, including ketamine, are used after surgery.")
    assert not keys("Opioids such as oxycodone and morphine can cause constipation.")


def test_brand_names_and_synonyms():
    assert "gabapentin-not-opioid" in keys("Neurontin is a narcotic.")
    assert "tramadol-is-opioid" in keys("Ultram is not an opioid.")
    assert "ms-not-contagious" in keys("MS is contagious.")
    assert not keys("Ms. Jones is contagious.")  # "Ms." is not multiple sclerosis (case matters)


def test_fda_wordings():
    for sentence in [
        "Ketamine is FDA-approved for neuropathic pain.",
        "Ketamine is approved by the FDA to treat nerve pain.",
        "The FDA approved ketamine for chronic pain.",
        "We provide FDA-approved ketamine infusions for CRPS.",
        "Ketamine therapy for fibromyalgia is FDA approved.",
        "Ketamine has FDA approval for migraine.",
    ]:
        assert "ketamine-not-approved-for-pain" in keys(sentence), (sentence, sorted(read(sentence)))
    for sentence in [
        "Ketamine is not FDA-approved for neuropathic pain.",
        "Ketamine is FDA-approved as an anesthetic.",
        "The FDA has not approved ketamine for chronic pain.",
        "Ketamine is used off-label for nerve pain.",
    ]:
        assert not keys(sentence), (sentence, sorted(read(sentence)))


def test_fda_approval_lists():
    got = keys("FDA-approved treatments for fibromyalgia include pregabalin, duloxetine and gabapentin.")
    assert got == {"gabapentin-not-approved-fibromyalgia"}
    assert not keys("FDA-approved treatments for fibromyalgia include pregabalin, duloxetine and milnacipran.")


def test_fda_statements_go_to_the_fda_rule():
    [v] = KB.check("Gabapentin is FDA-approved for fibromyalgia.")
    assert v.rule == "fda-status"
    [v] = KB.check("Gabapentin is an opioid.")
    assert v.rule == "fact-contradiction"


def test_seed_sentence_verdict():
    [v] = KB.check("Shingles are a viral infection that causes chickenpox.")
    assert v.rule == "fact-contradiction" and v.severity == "error"
    assert "varicella-zoster virus" in v.suggestion
    assert "cdc.gov" in v.authority.url and v.authority.name.startswith("CDC")
    assert "shingles causes chickenpox" in v.message


@pytest.mark.parametrize(
    "sentence",
    [
        # The rest of the seed page: correct statements about the same topics.
        "Multiple sclerosis is a chronic disorder that affects the brain and spinal cord.",
        "Damage to myelin fibers can result in chronic debilitating neuropathic pain, affecting your quality of life.",
        "Unmanaged diabetes can result in elevated blood glucose levels, which may damage your nerves over time, "
        "leading to diabetic neuropathy.",
        "However, there is a risk of the virus reactivating in the future, resulting in shingles.",
        "However, in some cases, shingles may result in neuropathic pain as the virus may damage the nerves in the "
        "affected body part.",
        "Syphilis is an STI that can affect various body parts, including your nervous system if left untreated.",
        "Ketamine infusions use a small dose of the medicine used in anesthesia to relieve your symptoms.",
        # Careful clinic wording on other topics.
        "Gabapentin is FDA-approved for postherpetic neuralgia and is sometimes used off-label for other nerve pain.",
        "Esketamine, a nasal spray made from ketamine, is FDA-approved for treatment-resistant depression.",
        "Unlike opioids, ketamine does not slow breathing at usual doses.",
        "Triptans treat migraine attacks, while CGRP antibodies help prevent them.",
        "Carpal tunnel syndrome happens when the median nerve is squeezed at the wrist.",
        "Postherpetic neuralgia can follow shingles, especially in older adults.",
        "People who had chickenpox can get shingles later in life.",
        "Rheumatoid arthritis is an autoimmune disease that attacks the lining of the joints.",
        "Tramadol is an opioid, so it can be habit-forming.",
        "NSAIDs like ibuprofen can raise blood pressure.",
        "Acetaminophen is not an NSAID.",
        "A concussion is a mild traumatic brain injury.",
        "Ringworm is a fungal infection, not a worm.",
        "Lyme disease is caused by Borrelia burgdorferi bacteria spread by ticks.",
        "Tuberculosis is a bacterial infection that usually affects the lungs.",
    ],
)
def test_correct_clinic_sentences_raise_nothing(sentence):
    assert not KB.check(sentence), [(v.key, v.message) for v in KB.check(sentence)]


@pytest.mark.parametrize(
    ("sentence", "fact_id"),
    [
        ("Syphilis, a viral infection, can damage the nerves.", "syphilis-is-bacterial"),  # appositive
        ("Gabapentin, an opioid medication, is used for nerve pain.", "gabapentin-not-opioid"),
        ("Postherpetic neuralgia is what causes the shingles rash.", "phn-complication-of-shingles"),  # cleft
        ("Trigeminal neuralgia is caused by damage to the facial nerve.", "trigeminal-neuralgia-trigeminal-nerve"),
        ("Toilet seats can spread syphilis.", "syphilis-not-from-toilet-seats"),  # active "spread" = passive relation
        ("The Shingrix vaccine is made from a live virus.", "shingrix-not-live"),
        ("An ischemic stroke happens because of bleeding in the brain.", "ischemic-stroke-blocked-artery"),
        ("Psoriasis spreads from person to person and is contagious.", "psoriasis-not-contagious"),  # shared subject
        ("Botox is FDA-approved for all types of migraine, including episodic migraine.", "botox-chronic-migraine-only"),
        ("Syphilis can't be cured, only controlled.", "syphilis-is-curable"),
        ("Gabapentin is an FDA-approved treatment for sciatica.", "gabapentin-not-approved-back-pain"),
        ("Triptans are an FDA-approved prevention of migraine.", "triptans-treat-attacks-not-prevent"),
        ("Triptans like Imitrex are opioids.", "triptans-not-opioids-or-nsaids"),  # class before "like"
        ("Varicella is the same disease as herpes zoster.", "shingles-not-chickenpox"),  # same_as is symmetric
        ("Ketamine received FDA approval to treat depression in 2019.", "ketamine-not-approved-for-depression"),
        ("Lyrica and Neurontin are FDA approved for fibromyalgia.", "gabapentin-not-approved-fibromyalgia"),
    ],
)
def test_harder_paraphrases(sentence, fact_id):
    assert fact_id in keys(sentence), sorted(read(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Syphilis, a bacterial infection, can damage the nerves.",
        "Ticks can spread Lyme disease.",
        "Percocet contains oxycodone and acetaminophen.",
        "Bell's palsy happens because of swelling of the facial nerve.",
        "Botox is FDA-approved for chronic migraine, including in adults who have tried other medicines.",
        "Syphilis can be cured with penicillin.",
        "There is no cure for MS, but treatments help.",
        "Because shingles is caused by a virus, antibiotics will not help unless the rash becomes infected.",
        "Lyme disease can cause a bull's-eye rash and flu-like symptoms.",
        "Methadone and buprenorphine are used to treat opioid use disorder.",
        "Spravato (esketamine) is the only ketamine-based medicine approved by the FDA for depression.",
        "Strep throat is caused by bacteria and is treated with antibiotics.",
        "Shingrix does not prevent shingles in everyone, but it lowers the risk a lot.",
        "Triptans do not completely relieve every migraine.",
        "Naloxone is an opioid antagonist.",
        "NSAIDs, such as ibuprofen, are not opioids.",
        "CGRP antibodies are an FDA-approved prevention of migraine.",
        "Pregabalin is an FDA-approved treatment for fibromyalgia.",
        "Ketamine is an opioid alternative for some chronic pain patients.",
    ],
)
def test_harder_correct_sentences_stay_silent(sentence):
    assert not KB.check(sentence), [(v.key, v.message) for v in KB.check(sentence)]


def test_a_comma_alone_does_not_make_a_list():
    got = read("Because shingles is caused by a virus, antibiotics will not help.")
    assert got == {("virus", "causes", "shingles", True)}
    got = read("Shingles, chickenpox, and measles are caused by viruses.")
    assert {("virus", "causes", c, True) for c in ("shingles", "chickenpox")} <= got


def test_a_statement_quoted_inside_a_sentence_is_not_asserted():
    assert not keys('A page that says "shingles causes chickenpox" misinforms patients.')
    assert not keys("Avoid wording like “ketamine is an opioid” on your pages.")
    # ...but a sentence that is all quotation (a testimonial, a pull quote) is still the page's claim.
    assert "ketamine-not-opioid" in keys("“Ketamine is an opioid.”")
