"""Absolute claims and off-label certainties, and the claim lexicon's validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.medical.claims import ABSOLUTE, OFF_LABEL
from checks.medical.lexicon import CLAIMS_FILE, LexiconError, load_lexicon
from tests.medical.helpers import excerpts, run


@pytest.mark.parametrize("sentence", [
    "Our acupuncture program cures chronic migraines.",
    "Results are guaranteed or your money back.",
    "Get permanent relief from sciatica in one visit.",
    "Patients call it a miracle.",
    "This injection is 100% effective.",
    "Shockwave therapy has no side effects.",
    "Our infusions are completely safe.",
    "A breakthrough for arthritis sufferers.",
    "Say goodbye to back pain for good.",
    "Our decompression table eliminates your neck pain.",
    "Cold laser therapy reverses nerve damage.",
    "This treatment works for everyone.",
])
def test_absolute_claims_are_flagged_with_a_qualified_rewording(sentence):
    found = run(ABSOLUTE, f"<p>{sentence}</p>")
    assert excerpts(found) == [sentence]
    assert found[0].severity == "warning"
    assert found[0].suggestion and found[0].source and "ftc.gov" in found[0].source["url"]


@pytest.mark.parametrize("sentence", [
    "There is no cure for multiple sclerosis.",
    "Ketamine is not a miracle cure.",
    "No treatment is risk-free.",
    "Syphilis can be cured with penicillin.",
    "Most people have no side effects from the vaccine.",
    "Some people have breakthrough pain between doses.",
    "Physical therapy may relieve your pain over several weeks.",
    "A nerve block is used to relieve pain during surgery.",
    "Can nerve pain be cured?",
    "Exercise is important for good health.",
    "We guarantee a same-week appointment.",
    "The rash heals in two to four weeks.",
    "Radiofrequency ablation heats the nerve so that it stops sending pain signals.",
    "The goal is to lower the pain rather than to cure it.",
    "Be wary of clinics that promise a cure.",
])
def test_qualified_or_factual_statements_are_not_flagged(sentence):
    assert run(ABSOLUTE, f"<p>{sentence}</p>") == []


@pytest.mark.parametrize(("sentence", "use"), [
    ("Ketamine infusions relieve fibromyalgia pain.", "fibromyalgia"),
    ("Our ketamine program resolves CRPS flares.", "crps"),
    ("Gabapentin treats diabetic neuropathy.", "diabetic neuropathy"),
    ("Botox eliminates trigeminal neuralgia.", "trigeminal"),
    ("Epidural steroid injections stop sciatica pain.", "sciatica"),
    ("Stem cell therapy repairs damaged knee cartilage.", "knee"),
])
def test_off_label_use_stated_as_certainty(sentence, use):
    found = run(OFF_LABEL, f"<p>{sentence}</p>")
    assert excerpts(found) == [sentence]
    assert use in found[0].message.lower()
    assert "off-label" in found[0].suggestion
    assert found[0].source and found[0].source["url"].startswith("https://")


def test_off_label_use_taken_from_the_page_topic():
    found = run(OFF_LABEL, "<h1>Neuropathic pain</h1><p>Our ketamine therapy calms the nerves, relieving your symptoms.</p>")
    assert len(found) == 1 and "neuropathic pain" in found[0].message


@pytest.mark.parametrize("sentence", [
    "Ketamine is used off-label for CRPS and may reduce pain for some patients.",
    "Esketamine nasal spray relieves depression symptoms for some adults.",
    "Gabapentin treats postherpetic neuralgia.",
    "Ketamine infusions may relieve fibromyalgia pain for some people.",
    "Botox is approved to prevent chronic migraine.",
])
def test_hedged_or_approved_uses_are_not_flagged(sentence):
    assert run(OFF_LABEL, f"<p>{sentence}</p>") == []


def test_shipped_lexicon_loads():
    lex = load_lexicon()
    assert len(lex.absolute) >= 8 and len(lex.off_label) >= 5 and len(lex.leftovers) >= 5


@pytest.mark.parametrize(("change", "named"), [
    (("    pattern: '\\bmiracle\\b", "    pattern: '(miracle"), "absolute_claims[3] (miracle): field 'pattern'"),
    (("    message: calls a treatment a miracle\n", ""), "absolute_claims[3] (miracle): field 'message' is missing"),
    (("    source: fda_gabapentin", "    source: nowhere"), "off_label[1]: field 'source' names unknown source"),
])
def test_malformed_entry_is_rejected_with_file_entry_and_field(tmp_path: Path, change, named):
    text = CLAIMS_FILE.read_text(encoding="utf-8")
    old, new = change
    assert old in text
    bad = tmp_path / "claims.yaml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon(bad)
    assert str(err.value).startswith("claims.yaml: ")
    assert named in str(err.value)


@pytest.mark.parametrize("sentence", [
    "I thought I would have to live with this pain forever.",
    "If you have no side effects after the first dose, the next one is given a week later.",
])
def test_testimonials_and_conditions_are_not_promises(sentence):
    assert run(ABSOLUTE, f"<p>{sentence}</p>") == []


def test_plural_subject_and_purpose_forms():
    assert len(run(OFF_LABEL, "<p>Epidural steroid injections treat sciatica.</p>")) == 1
    assert run(OFF_LABEL, "<p>Epidural steroid injections are used to treat sciatica, an off-label use.</p>") == []


def test_base_form_end_is_a_certainty_but_the_noun_is_not():
    assert len(run(OFF_LABEL, "<p>Ketamine infusions end chronic migraine for good.</p>")) == 1
    assert run(ABSOLUTE, "<p>At the end of a long physical therapy session pain is common.</p>") == []
