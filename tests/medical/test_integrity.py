"""Text-integrity rules on pages in many wordings: what they catch and what they leave alone."""

from __future__ import annotations

import pytest

from checks.medical.integrity import BRACKETS, DUPLICATE, LEFTOVER, MOJIBAKE, SPLICED, TRUNCATED
from tests.medical.helpers import excerpts, html, run

# -- spliced --------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "excerpt"), [
    ("<p>Pain spreads into the leg. c, limiting blood flow to the nerve.</p>", "c, limiting blood flow to the nerve."),
    ("<p>Most flares settle in a week. tion of the joint lining makes it swell.</p>", "tion of the joint lining makes it swell."),
    ("<h2>Causes</h2><p>ondary headaches come from another condition.</p>", "ondary headaches come from another condition."),
    ("<p>Rest helps.</p><p>rves in the hand can be squeezed at the wrist.</p>", "rves in the hand can be squeezed at the wrist."),
])
def test_splice_is_an_error_with_the_fragment_as_excerpt(body, excerpt):
    found = run(SPLICED, body)
    assert excerpts(found) == [excerpt]
    assert found[0].severity == "error"
    assert found[0].suggestion


@pytest.mark.parametrize("body", [
    '<h2>Sources</h2><p><a href="/r/12">source 12</a> <a href="/r/40">source 40</a> <a href="/r/7">source 7</a></p>',
    '<p><a href="/back">back pain</a> | <a href="/neck">neck pain and stiffness</a> · <a href="/hip">hip pain</a></p>',
])
def test_a_paragraph_of_link_labels_is_not_a_splice(body):
    assert run(SPLICED, "<p>Most leg pain eases within six weeks.</p>" + body) == []


def test_a_splice_with_a_link_inside_is_still_a_splice():
    found = run(SPLICED, '<p>Pain spreads into the leg. c, limiting <a href="/flow">blood flow</a> to the nerve.</p>'
                         '<p>Rest helps.</p><p><a href="/x">rves in the hand</a> can be squeezed at the wrist.</p>')
    assert excerpts(found) == ["c, limiting blood flow to the nerve.", "rves in the hand can be squeezed at the wrist."]


def test_word_glued_to_next_sentence():
    found = run(SPLICED, "<p>Blisters form on one side of the cheThe rash lasts two weeks.</p>")
    assert excerpts(found) == ["cheThe rash"]


@pytest.mark.parametrize("body", [
    "<p>Your doctor may check your eGFR. mRNA vaccines are safe. iPhone apps can log attacks.</p>",
    "<p>Symptoms include</p><ul><li>numbness</li></ul><p>and, less often, weakness.</p>",
    '<p>"Is it shingles?" asked the patient. She had a rash.</p>',
    "<p>Visit us online. www.example.org has more.</p>",
    "<ul><li>numbness in the toes</li><li>burning at night</li></ul>",
    "<p>Doses are given in mg. The usual dose is 2.5 mg. e.g. one tablet.</p>",
])
def test_no_splice_on_normal_lowercase(body):
    assert run(SPLICED, body) == []


# -- truncated ------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "excerpt"), [
    ("<p>Attacks can last days. They are often set off by lack of</p>", "They are often set off by lack of"),
    ("<p>The splint keeps your wrist straight while you sleep and takes pressure off the</p>",
     "The splint keeps your wrist straight while you sleep and takes pressure off the"),
    ("<p>Swelling goes down in a week. Most people return to work after two or three weeks of gentle rehabilitation</p>",
     "Most people return to work after two or three weeks of gentle rehabilitation"),
])
def test_sentence_that_stops_mid_thought(body, excerpt):
    assert excerpts(run(TRUNCATED, body)) == [excerpt]


def test_sentence_broken_off_where_the_next_begins():
    found = run(TRUNCATED, "<p>The virus hides in the nerve roots of your Many years later it can wake up.</p>")
    assert excerpts(found) == ["your Many years"]


@pytest.mark.parametrize("body", [
    "<p>Call our office to book an appointment online</p>",
    "<p>Medically reviewed by Dr. Ana Ruiz, MD</p>",
    "<p>Our study appeared in The Lancet Neurology last year.</p>",
    "<p>Phone: (704) 555-0100</p>",
    "<p>Attacks can last days. Keep a diary (see the sources)</p>",
    "<h2>What causes the</h2>",
])
def test_no_truncation_on_complete_or_non_prose_text(body):
    assert run(TRUNCATED, body) == []


# -- duplicates -----------------------------------------------------------------------------

def test_sentence_pasted_twice_in_a_paragraph():
    s = "Ice the joint for fifteen minutes at a time, several times a day."
    found = run(DUPLICATE, f"<p>{s} Keep the leg raised. {s}</p>")
    assert excerpts(found) == [s]


def test_paragraph_pasted_twice():
    p = "Most people with plantar fasciitis feel better within a year with stretching and good shoes."
    found = run(DUPLICATE, f"<p>{p}</p><p>Night splints help some people.</p><p>{p}</p>")
    assert excerpts(found) == [p]


def test_words_repeated_inside_a_paragraph_and_doubled_words():
    found = run(DUPLICATE, "<p>Swelling can press on the nerve and cause tingling in the tips of the fingers "
                           "and cause tingling in the tips of the fingers at night. See a doctor if it lasts "
                           "for for weeks.</p>")
    assert found[0].excerpt == "and cause tingling in the tips of the fingers"
    assert "for for" in excerpts(found)


def test_call_to_action_repeated_far_apart_is_not_a_duplicate():
    cta = "Call our office to book an appointment with a specialist today."
    body = f"<p>{cta}</p>" + "".join(f"<p>Paragraph number {i} about care.</p>" for i in range(5)) + f"<p>{cta}</p>"
    assert run(DUPLICATE, body) == []


# -- mojibake -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "excerpt", "fixed"), [
    ("Please donâ€™t drive after the infusion.", "donâ€™t", "don’t"),
    ("Guillain-BarrÃ© syndrome is rare.", "Guillain-BarrÃ©", "Guillain-Barré"),
    ("Take it with food â€“ not on an empty stomach.", "â€“", "–"),
])
def test_mojibake_is_found_with_the_repair(text, excerpt, fixed):
    found = run(MOJIBAKE, f"<p>{text}</p>")
    assert excerpts(found) == [excerpt]
    assert repr(fixed) in found[0].suggestion
    assert found[0].severity == "error"


def test_lost_character_and_escaped_entity():
    found = run(MOJIBAKE, "<p>It\ufffds common.</p><p>Don&amp;rsquo;t wait.</p>")
    assert excerpts(found) == ["It\ufffds", "Don&rsquo;t"]


def test_clean_unicode_is_not_mojibake():
    assert run(MOJIBAKE, "<p>Don’t wait – call us. Café au lait spots. 38 °C. “Quoted”. naïve. Señora.</p>") == []


def test_mojibake_in_the_title():
    found = run(MOJIBAKE, "<p>Fine text.</p>", title="Whatâ€™s neuropathy?")
    assert excerpts(found) == ["Whatâ€™s"]


# -- brackets -------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "what"), [
    ("<p>Gout (a form of arthritis often starts in the big toe.</p>", "opening '('"),
    ("<p>Rest the joint] and use ice.</p>", "closing ']'"),
    ('<p>Patients call it "electric pain and it comes in bursts.</p>', "double quotation"),
    ("<p>Doctors call it “referred pain. It is common.</p>", "opening quotation"),
])
def test_unbalanced(body, what):
    found = run(BRACKETS, body)
    assert len(found) == 1 and what in found[0].message


def test_balanced_and_special_cases():
    body = ('<p>Gout (a form of arthritis) hurts. Steps: 1) rest 2) ice. He is 5\'10" tall. Cut a 3" strip. '
            'Smile :) “Quoted.”</p><p>“A quote that runs on</p><p>“into the next paragraph.”</p>')
    assert run(BRACKETS, body) == []


# -- template leftovers ---------------------------------------------------------------------

@pytest.mark.parametrize(("body", "excerpt"), [
    ("<p>Serving patients in [CITY] and nearby.</p>", "[CITY]"),
    ("<p>Call {{ clinic.phone }} today.</p>", "{{ clinic.phone }}"),
    ("<p>Lorem ipsum dolor sit amet.</p>", "Lorem ipsum"),
    ("<p>TBD: add dosage table.</p>", "TBD"),
    ("<p>Our address is %%ADDRESS%%.</p>", "%%ADDRESS%%"),
    ("<p>[Your Practice Name] welcomes you.</p>", "[Your Practice Name]"),
    ("<p>Insert before-and-after photo here.</p>", "Insert before-and-after photo here"),
    ('<p>[gravityform id="3" title="false"]</p>', '[gravityform id="3" title="false"]'),
])
def test_template_leftovers(body, excerpt):
    found = run(LEFTOVER, body)
    assert excerpts(found) == [excerpt]
    assert found[0].severity == "error"


def test_placeholder_in_title_and_h1_is_reported_once():
    found = run(LEFTOVER, "<h1>Back pain care in [CITY]</h1>", title="Back pain care in [CITY]")
    assert excerpts(found) == ["[CITY]"]


def test_real_copy_is_not_a_leftover():
    body = ("<p>See the CDC fact sheet [PDF] and reference [1]. Add a warm compress to your routine. "
            "The to-do list after surgery is short. Todo el personal habla español.</p>")
    assert run(LEFTOVER, body) == []


def test_rules_judge_main_content_only():
    full = html("<p>Clean text.</p>").replace("<main>", "<nav><p>[CITY] lorem ipsum</p></nav><main>")
    assert run(LEFTOVER, "", full=full) == []


def test_testimonial_attribution_is_not_a_truncated_sentence():
    assert run(TRUNCATED, "<blockquote>I can walk my dog again. Thank you all! — Jane D., patient</blockquote>") == []


def test_curly_quoted_number_is_balanced():
    assert run(BRACKETS, "<p>Call “(704) 555-0199” to book.</p>") == []


def test_ellipsis_running_into_lowercase_is_not_a_splice():
    assert run(SPLICED, "<p>Routes such as #!...) are not checked. Pain can wait... or not.</p>") == []


def test_name_placeholder_is_reported_whole():
    found = run(LEFTOVER, "<p>Meet Dr. FIRSTNAME LASTNAME, our physician. Use your first name when you call.</p>")
    assert excerpts(found) == ["FIRSTNAME LASTNAME"]
