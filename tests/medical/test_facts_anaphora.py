"""Pronoun subjects ("It", "It's", "This condition") are read as what the text is about: the subject
of the previous sentence in the block, else the one condition the section heading (or the H1) names;
"these [small] cracks" is read as the topic the previous sentence defined as "a tiny crack".
Nothing is resolved when the pronoun could point to something earlier in its own sentence, when the
previous sentence names concepts without one as its subject, or when the heading names two things."""

from __future__ import annotations

import pytest

from checks.medical.facts import knowledge
from checks.medical.facts.rules import page_verdicts
from seotool.page import Page

KB = knowledge()


def verdicts(body: str) -> list[tuple[str, str]]:
    html = f"<html lang='en'><head><title>Care</title></head><body><main>{body}</main></body></html>"
    return [(pv.verdict.key, pv.sentence) for pv in page_verdicts(Page("https://clinic.example/page", html))]


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("<h1>Impetigo in children</h1><p>It is a viral infection of the skin.</p>", "impetigo"),
        ("<h1>Tick bites</h1><p>Lyme disease spreads through tick bites. It is caused by a virus.</p>", "lyme_disease"),
        ("<h1>Skin care</h1><h2>About eczema</h2><p>This condition is contagious.</p>", "eczema-not-contagious"),
        ("<h1>Skin care</h1><h2>Psoriasis</h2><p>It's contagious, so keep your distance.</p>",
         "psoriasis-not-contagious"),
        ("<h1>Psoriasis</h1><p>Guttate psoriasis appears as small red drops. It appears quickly in teens, and it "
         "is a common cause of strep throat.</p>", "strep-triggers-guttate-psoriasis"),
        ("<h1>Acne</h1><p>Isotretinoin is for severe acne. In most cases, it is also an antibiotic "
         "pill.</p>", "isotretinoin-is-retinoid"),
        ("<h1>Bone health</h1><h2>Stress fractures</h2><p>Usually it leads to osteoporosis later in life.</p>",
         "osteoporosis-raises-stress-fracture-risk"),
        # a noun the previous sentence defined the topic as
        ("<h1>Running injuries</h1><p>A stress fracture is a small break in a bone. Years later, these small breaks "
         "can lead to osteoporosis.</p>", "osteoporosis-raises-stress-fracture-risk"),
        ("<h1>Skin</h1><p>Eczema is a long-lasting rash. These itchy rashes are contagious.</p>",
         "eczema-not-contagious"),
    ],
)
def test_pronoun_subject_is_read_as_the_topic(body, key):
    found = verdicts(body)
    assert any(key in k for k, _ in found), found


def test_the_finding_says_how_the_pronoun_was_read():
    html = ("<html lang='en'><head><title>Care</title></head><body><main><h1>Impetigo</h1>"
            "<p>It is a viral infection.</p></main></body></html>")
    (pv,) = page_verdicts(Page("https://clinic.example/impetigo", html))
    assert pv.sentence == "It is a viral infection."
    assert 'Reading "It" as impetigo' in pv.verdict.message and pv.verdict.confidence == "medium"
    html = ("<html lang='en'><head><title>Care</title></head><body><main><h1>Running</h1><p>A stress fracture "
            "is a tiny crack in a bone. Later, these small cracks cause osteoporosis.</p></main></body></html>")
    (pv,) = page_verdicts(Page("https://clinic.example/running", html))
    assert 'Reading "these small cracks" as stress fracture' in pv.verdict.message


@pytest.mark.parametrize(
    "body",
    [
        # correct statements about the topic
        "<h1>Impetigo</h1><p>It is a bacterial infection of the skin.</p>",
        "<h1>Guttate psoriasis</h1><p>It often follows strep throat.</p>",
        # something earlier in the same sentence is what "it" means
        "<h1>Eczema</h1><p>Impetigo spreads easily, and it is contagious.</p>",
        "<h1>Psoriasis</h1><p>The rash of impetigo looks crusty, and it is contagious.</p>",
        "<h1>Psoriasis</h1><p>Scratching can break the skin, and it is contagious if germs get in.</p>",
        # the previous sentence is about something else, though not as its subject
        "<h1>Psoriasis</h1><p>Some people also get a skin infection such as impetigo. It is contagious.</p>",
        # the heading names two conditions, or none
        "<h1>Skin care</h1><h2>Eczema and impetigo</h2><p>It is contagious.</p>",
        "<h1>Our clinic</h1><p>It is a viral infection clinic for the whole family.</p>",
        # a cleft points forward, not back
        "<h1>Shingles</h1><p>It is the varicella-zoster virus that causes chickenpox.</p>",
        # a noun anaphor: correct, or a different noun than the one the topic was defined as
        "<h1>Running injuries</h1><p>A stress fracture is a small break in a bone. These breaks are more likely "
        "if you have osteoporosis.</p>",
        "<h1>Skin</h1><p>Eczema is a long-lasting rash. These allergies are contagious.</p>",
        "<h1>Skin</h1><p>Eczema is not a rash you can catch. These rashes are contagious only when infected.</p>",
        # a pronoun that is not a subject
        "<h1>Eczema</h1><p>Many children outgrow it, and contagious rashes are a different problem.</p>",
    ],
)
def test_pronouns_that_do_not_point_to_the_topic_stay_silent(body):
    assert not verdicts(body)
