"""Lost headings: caught by the structure of sibling sections, on conditions and treatments in
other words; left alone where paragraphs continue their section's topic."""

from __future__ import annotations

from checks.medical.structure import MISSING_HEADING
from tests.medical.helpers import excerpts, run


def test_paragraph_that_lost_its_heading_among_conditions():
    body = ("<h1>Why your wrist hurts</h1><h2>Carpal tunnel syndrome</h2>"
            "<p>Carpal tunnel syndrome is pressure on the median nerve at the wrist. It numbs the fingers.</p>"
            "<p>De Quervain's tenosynovitis affects the tendons on the thumb side of the wrist. Gripping and "
            "twisting make it worse.</p>"
            "<p>Gout is an inflammatory arthritis caused by uric acid crystals. It can strike the wrist too.</p>")
    found = run(MISSING_HEADING, body)
    assert excerpts(found) == [
        "De Quervain's tenosynovitis affects the tendons on the thumb side of the wrist.",
        "Gout is an inflammatory arthritis caused by uric acid crystals.",
    ]
    assert found[0].severity == "warning"
    assert "<h2>De Quervain's tenosynovitis</h2>" in found[0].suggestion


def test_paragraph_that_lost_its_heading_among_treatments():
    body = ("<h2>Nerve blocks</h2><p>Nerve blocks are injections of numbing medicine near a nerve. They may "
            "ease pain for hours to weeks.</p>"
            "<p>Spinal cord stimulation is a small implanted device that sends mild pulses to the spinal cord. "
            "A trial comes first.</p>")
    assert excerpts(run(MISSING_HEADING, body)) == [
        "Spinal cord stimulation is a small implanted device that sends mild pulses to the spinal cord."]


def test_paragraphs_that_continue_the_topic_are_fine():
    body = ("<h2>Sciatica</h2><p>Sciatica is pain along the sciatic nerve. It runs down one leg.</p>"
            "<p>Physical therapy is often the first treatment. It strengthens the muscles that support your back.</p>"
            "<p>A herniated disc is the most common cause of sciatica. It presses on a nerve root.</p>"
            "<p>The sciatic nerve is the longest nerve in the body. It starts in the lower back.</p>"
            "<p>Diabetes can make nerve pain worse. Tell your doctor if you have it.</p>"
            "<p>This pain usually improves within weeks. Most people recover without surgery.</p>")
    assert run(MISSING_HEADING, body) == []


def test_generic_heading_listing_several_subjects_is_fine():
    body = ("<h2>Common causes of nerve pain</h2>"
            "<p>Diabetes is the most common cause. High blood sugar damages nerves over time.</p>"
            "<p>Shingles is a viral infection that can leave lasting nerve pain. It is more common with age.</p>")
    assert run(MISSING_HEADING, body) == []


def test_subject_already_named_in_the_section_is_a_continuation():
    body = ("<h2>Chickenpox</h2><p>Chickenpox is the first infection with the varicella-zoster virus. Years "
            "later the virus can cause shingles.</p>"
            "<p>Shingles is a painful rash on one side of the body. It can follow chickenpox by decades.</p>")
    assert run(MISSING_HEADING, body) == []


def test_related_condition_introduced_as_such_is_a_continuation():
    body = ("<h2>Sciatica</h2><p>Sciatica is pain along the sciatic nerve. It runs down one leg.</p>"
            "<p>Piriformis syndrome is a similar condition in which a buttock muscle irritates the nerve. "
            "Stretching often helps.</p>")
    assert run(MISSING_HEADING, body) == []
