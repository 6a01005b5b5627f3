"""The shared sentence splitter and word helpers (seotool.text), against hand-counted examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from seotool.text import split_sentences, word_count, words

SEED = Path(__file__).parent / "readability" / "fixtures" / "seed.txt"


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles and Latin abbreviations never end a sentence
        ("Dr. Smith treats pain. Call us today.", ["Dr. Smith treats pain.", "Call us today."]),
        ("Use it as needed, e.g. before bed. Then rest.", ["Use it as needed, e.g. before bed.", "Then rest."]),
        ("Some drugs, i.e. opioids, are risky. Ask us.", ["Some drugs, i.e. opioids, are risky.", "Ask us."]),
        ("Prof. Lee vs. Dr. Wu: a debate. It was fun.", ["Prof. Lee vs. Dr. Wu: a debate.", "It was fun."]),
        # numbers: a period inside a number is not followed by a space
        ("Take 2.5 mg twice a day. Do not drink.", ["Take 2.5 mg twice a day.", "Do not drink."]),
        ("Call 911. We are here.", ["Call 911.", "We are here."]),
        # abbreviations that may close a sentence do so only before a capital
        ("Take 5 mg. Then call us.", ["Take 5 mg.", "Then call us."]),
        ("Our clinic serves the U.S. and Canada.", ["Our clinic serves the U.S. and Canada."]),
        ("We ship across the U.S. Call us.", ["We ship across the U.S.", "Call us."]),
        ("Open 9 a.m. to 5 p.m. Monday to Friday.", ["Open 9 a.m. to 5 p.m. Monday to Friday."]),
        ("Apples, pears, etc. Eat them.", ["Apples, pears, etc.", "Eat them."]),
        ("Jane Roe, M.D. is our surgeon. She trained in Ohio.", ["Jane Roe, M.D. is our surgeon.", "She trained in Ohio."]),
        # initials versus letters that name things
        ("J. R. Smith founded the clinic. It is small.", ["J. R. Smith founded the clinic.", "It is small."]),
        ("Take vitamin D. It helps bones.", ["Take vitamin D.", "It helps bones."]),
        ("Hepatitis B. It spreads by blood.", ["Hepatitis B.", "It spreads by blood."]),
        # saints and streets, months, numbers
        ("She moved to St. Louis last year.", ["She moved to St. Louis last year."]),
        ("We are at 12 Main St. Call us.", ["We are at 12 Main St.", "Call us."]),
        ("Visit us Jan. 5 or Mon. - Fri. for a check.", ["Visit us Jan. 5 or Mon. - Fri. for a check."]),
        ("See No. 5 on the list.", ["See No. 5 on the list."]),
        ("Say no. Then leave.", ["Say no.", "Then leave."]),
        # ordinary words that look like abbreviations are words
        ("Wear a hat in the sun. Use sunscreen.", ["Wear a hat in the sun.", "Use sunscreen."]),
        ("Come in. We are open.", ["Come in.", "We are open."]),
        # lists: a number or letter marker does not end a sentence
        ("1. Rest the joint. 2. Use ice.", ["1. Rest the joint.", "2. Use ice."]),
        ("Steps: 1. Rest. 2. Ice.", ["Steps: 1. Rest.", "2. Ice."]),
        ("a. Rest the joint. b. Use ice.", ["a. Rest the joint.", "b. Use ice."]),
        # quotes, brackets, citations, ellipses, ! and ?
        ('"Call now." Then wait.', ['"Call now."', "Then wait."]),
        ("It works (for most people.) Ask us.", ["It works (for most people.)", "Ask us."]),
        ("This works.[1] Next one.", ["This works.[1]", "Next one."]),
        ("Wait... then go.", ["Wait... then go."]),
        ("Wait… Then go.", ["Wait…", "Then go."]),
        ("Is it safe? Yes! It is.", ["Is it safe?", "Yes!", "It is."]),
        # a lowercase start after a period is a new sentence (pasted fragments stay visible)
        (
            "It is worse in the legs and feet. c, limiting the supply of oxygen.",
            ["It is worse in the legs and feet.", "c, limiting the supply of oxygen."],
        ),
        ("Come in. we are open.", ["Come in.", "we are open."]),
        # headings and list lines in plain text stand alone; hard-wrapped prose does not break
        (
            "Multiple sclerosis\nMultiple sclerosis is a chronic disorder. It affects the brain.",
            ["Multiple sclerosis", "Multiple sclerosis is a chronic disorder.", "It affects the brain."],
        ),
        ("Symptoms\n- Burning pain\n- Numb feet", ["Symptoms", "- Burning pain", "- Numb feet"]),
        ("Pain can spread to\nthe legs and feet.", ["Pain can spread to\nthe legs and feet."]),
        ("Pain can spread to the\nLegs and feet.", ["Pain can spread to the\nLegs and feet."]),
        ("Rest,\nIce and heat help.", ["Rest,\nIce and heat help."]),
        ("First part\n\nsecond part", ["First part", "second part"]),
        ("", []),
        ("   ", []),
        ("No end mark", ["No end mark"]),
    ],
)
def test_split_sentences_hand_counted(text, expected):
    assert texts(text) == expected


def test_offsets_point_at_the_sentence():
    text = "  Dr. Lee sees you. \n\n Then   we talk!  "
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
    assert texts(text) == ["Dr. Lee sees you.", "Then   we talk!"]


def test_seed_page_has_thirty_sentences_and_two_headings():
    # Hand count of the seed text: 4 + 6 + 6 + 5 + 3 + 5 + 1 sentences in seven paragraphs,
    # plus the two heading lines "Multiple sclerosis" and "How Ketamine therapy ...".
    sentences = texts(SEED.read_text(encoding="utf-8"))
    assert len(sentences) == 32
    assert "Multiple sclerosis" in sentences
    assert "How Ketamine therapy resolves neuropathic pain" in sentences
    assert "c, limiting the supply of oxygen and nutrients to your nerves." in sentences


def test_words_are_letter_runs_with_inner_apostrophes_and_hyphens():
    assert words("Don't use over-the-counter café drugs: 2.5 mg, H5N1!") == [
        "Don't", "use", "over-the-counter", "café", "drugs", "mg", "H5N1"
    ]
    assert word_count("Take 2 tablets 3 times a day.") == 5
    assert word_count("") == 0


def test_long_run_on_text_is_split_correctly():
    initials = "J. " * 5000 + "Smith came. Then he left."
    assert len(split_sentences(initials)) == 2
    wrapped = "pain can spread to\n" * 5000 + "the feet."
    assert len(split_sentences(wrapped)) == 1
    many = "Rest well. " * 20000
    assert len(split_sentences(many)) == 20000
