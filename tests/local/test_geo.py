"""Geo phrases (checks/local/geo.py) and the local.geo-stuffing rule.

The detector must work for any US city, state and service phrase, so the cases below use many
places and professions; none is the reference page's sentence except the example-site test."""

from __future__ import annotations

import pytest

from checks.local import geo
from checks.local.places import places_for
from tests.local.support import CLINIC, PROFILE, audit, clean_with, html, of

COLUMBUS = places_for("Columbus", "OH", ["Dublin, OH", "Westerville"])
NOWHERE = places_for("", "", [])  # no profile: only "City, ST" pairs and state names count


@pytest.mark.parametrize(("text", "excerpt", "suggestion"), [
    ("Your trusted pain management specialist Columbus, OH, offers nerve blocks.",
     "pain management specialist Columbus, OH", "pain management specialist in Columbus, OH"),
    ("Looking for the best dentist Austin, TX? Call today.", "dentist Austin, TX", "dentist in Austin, TX"),
    ("Top rated chiropractor Denver CO near you.", "chiropractor Denver CO", "chiropractor in Denver CO"),
    ("Book with the dermatology practice Boise, Idaho this week.", "dermatology practice Boise, Idaho",
     "dermatology practice in Boise, Idaho"),
    ("Affordable physical therapy Grand Rapids, MI for athletes.", "physical therapy Grand Rapids, MI",
     "physical therapy in Grand Rapids, MI"),
    ("We are the leading urgent care Winston-Salem, NC families choose.", "urgent care Winston-Salem, NC",
     "urgent care in Winston-Salem, NC"),
    ("Visit a pediatric dentist Baltimore, MD today.", "pediatric dentist Baltimore, MD",
     "pediatric dentist in Baltimore, MD"),
    ("Need a knee surgeon St. Louis, MO?", "knee surgeon St. Louis, MO", "knee surgeon in St. Louis, MO"),
    ("Contact our sports medicine clinic Pennsylvania.", "sports medicine clinic Pennsylvania",
     "sports medicine clinic in Pennsylvania"),
])
def test_run_on_anywhere_in_the_us(text, excerpt, suggestion):
    hits = geo.run_ons(text, NOWHERE)
    assert [(h.excerpt, h.suggestion) for h in hits] == [(excerpt, suggestion)]
    assert text[hits[0].start : hits[0].end] == excerpt


def test_run_on_with_the_clinics_own_city_alone_at_a_clause_end():
    hits = geo.run_ons("Find a trusted ketamine clinic Westerville. We also treat migraine.", COLUMBUS)
    assert [(h.excerpt, h.suggestion) for h in hits] == [("ketamine clinic Westerville", "ketamine clinic in Westerville")]
    assert geo.run_ons("Find a trusted ketamine clinic Westerville. We also treat migraine.", NOWHERE) == []


@pytest.mark.parametrize("text", [
    "Visit our Columbus clinic today.",
    "We treat patients in Columbus, OH.",
    "Serving Columbus, OH and Dublin since 2009.",
    "The pain management specialists at our clinic in Columbus, Ohio can help.",
    "Dr. Maya Chen, MD, is our pain specialist.",
    "Our chiropractor Jane Smith, DC will see you.",
    "Our physician Jackson, MD is great.",  # Jackson is a town, but not in Maryland
    "Meet our massage therapist Columbus.",  # a person's name after 'meet our'
    "Ketamine therapy Columbus residents trust.",  # no state and the clause goes on
    "The Columbus Spine Center specialists may recommend an injection.",
    "Our pain clinic, Columbus, OH's first, opened in 2009.",  # a comma is a pause, not a run-on
    "Our practice is open Monday to Friday. Columbus, Ohio is home.",
    "Physical therapy helps. Ohio State fans love our gym.",
    "Book A Pain Specialist In Columbus, OH Today.",  # title case, with its preposition
    "Pain Management Near Dublin, OH is easy to reach.",
    "Our physician assistant Jordan, PA-C, sees patients on Fridays.",
    "Schedule with our pediatrician Dr. Austin Brooks.",
    "The therapy Columbus Children's Hospital offers differs from ours.",
    "Urgent care Ohio law requires posted prices for.",
    "Laser treatment Tuesday appointments fill quickly.",
    "Our counselors help Columbus veterans and their families.",
])
def test_natural_phrasing_is_never_a_run_on(text):
    assert geo.run_ons(text, COLUMBUS) == []


def test_a_phrase_inside_the_clinics_own_name_is_not_stuffing():
    assert geo.run_ons("Welcome to Spine Clinic Columbus.", COLUMBUS, "Spine Clinic Columbus") == []
    assert len(geo.run_ons("Welcome to Spine Clinic Columbus.", COLUMBUS, "Riverbend Spine")) == 1


def test_city_lists():
    text = ("We proudly serve Columbus, Dublin, Westerville, Hilliard, Grove City, Gahanna, Reynoldsburg "
            "and Upper Arlington.")
    hits = geo.city_lists(text, COLUMBUS, 6)
    assert [h.excerpt for h in hits] == [
        "Columbus, Dublin, Westerville, Hilliard, Grove City, Gahanna, Reynoldsburg and Upper Arlington"]
    assert hits[0].count == 8
    with_states = "Serving Tempe, AZ, Mesa, AZ, Chandler, AZ, Gilbert, AZ, Scottsdale, AZ, Glendale, AZ and more."
    assert [h.count for h in geo.city_lists(with_states, NOWHERE, 6)] == [6]


@pytest.mark.parametrize("text", [
    "Serving Columbus, OH and Dublin.",
    "Patients come from Columbus, Dublin, Westerville and Hilliard.",  # four: a fact, not a dump
    "Our team: Austin, Jackson, Madison, Tyler, Logan, Hudson and Marion.",  # first names that are towns
    "We treat anxiety, depression, PTSD, OCD, migraine, fibromyalgia and CRPS.",
])
def test_short_lists_and_other_lists_are_not_city_dumps(text):
    assert geo.city_lists(text, COLUMBUS, 6) == []


def test_mentions_key_service_and_city_in_either_order():
    text = ("Spinal cord stimulation in Columbus eases pain. Columbus spinal cord stimulation is safe. "
            "The Columbus Spine Center helps.")
    hits = geo.mentions(text, COLUMBUS, ["spinal cord stimulation"])
    assert [(h.excerpt, h.service, h.place) for h in hits] == [
        ("Spinal cord stimulation in Columbus", "spinal cord stimulation", "columbus"),
        ("Columbus spinal cord stimulation", "spinal cord stimulation", "columbus"),
    ]


# -- the rule --------------------------------------------------------------------------------


def test_rule_flags_a_run_on_with_the_natural_rewording():
    edits = {"conditions/sciatica.html": (
        "an epidural steroid injection may help.",
        "your experienced sciatica doctor Columbus, OH, may suggest an epidural steroid injection.")}
    findings = of(clean_with(edits), "local.geo-stuffing")
    assert [(f["url"], f["excerpt"], f["suggestion"]) for f in findings] == [
        ("conditions/sciatica.html", "sciatica doctor Columbus, OH", "sciatica doctor in Columbus, OH")]
    assert findings[0]["data"] == {"kind": "run-on"}
    assert "sciatica doctor Columbus, OH" in findings[0]["context"]


def test_rule_flags_repetition_above_the_density_threshold():
    body = "".join(f"<p>{s}</p>" for s in [
        "Spinal cord stimulation in Columbus helps chronic pain.",
        "Choose Columbus spinal cord stimulation from our team.",
        "Our spinal cord stimulation in Columbus is covered by most plans.",
        "Ask about spinal cord stimulation near Columbus today.",
    ])
    findings = of(audit({"services/scs.html": html(body, title="SCS in Columbus")}, PROFILE)["findings"],
                  "local.geo-stuffing")
    assert len(findings) == 1
    f = findings[0]
    assert f["excerpt"] == "Spinal cord stimulation in Columbus"
    assert f["data"]["kind"] == "repeated" and f["data"]["count"] == 4


def test_the_same_repetition_in_a_long_page_is_fine():
    filler = "<p>" + " ".join(["Recovery takes a few weeks and most people return to work soon after."] * 40) + "</p>"
    body = "".join(f"<p>{s}</p>" for s in [
        "Spinal cord stimulation in Columbus helps chronic pain.",
        "Choose Columbus spinal cord stimulation from our team.",
        "Our spinal cord stimulation in Columbus is covered by most plans.",
        "Ask about spinal cord stimulation near Columbus today.",
    ]) + filler
    assert of(audit({"services/scs.html": html(body)}, PROFILE)["findings"], "local.geo-stuffing") == []


def test_repeat_thresholds_come_from_config():
    body = "<p>Spinal cord stimulation in Columbus helps.</p><p>Columbus spinal cord stimulation works.</p>"
    files = {"services/scs.html": html(body)}
    assert of(audit(files, PROFILE)["findings"], "local.geo-stuffing") == []
    config = {"clinic": CLINIC, "local": {"geo_repeat_min": 2, "geo_repeat_density": 0.5}}
    assert len(of(audit(files, config)["findings"], "local.geo-stuffing")) == 1


def test_rule_flags_a_dumped_city_list():
    edits = {"index.html": ("Our Columbus clinic is a short walk from the Convention Center.",
                            "We serve Columbus, Dublin, Westerville, Hilliard, Grove City, Gahanna, Reynoldsburg "
                            "and Upper Arlington.")}
    findings = of(clean_with(edits), "local.geo-stuffing")
    assert [(f["excerpt"], f["data"]["count"]) for f in findings] == [
        ("Columbus, Dublin, Westerville, Hilliard, Grove City, Gahanna, Reynoldsburg and Upper Arlington", 8)]
    # a multi-location clinic naming its six offices is a fact, not a dump (default minimum 8)
    offices = {"index.html": ("Our Columbus clinic is a short walk from the Convention Center.",
                              "We have offices in Columbus, Dayton, Toledo, Akron, Canton and Cincinnati, OH.")}
    assert of(clean_with(offices), "local.geo-stuffing") == []
    config = {"clinic": CLINIC, "local": {"city_list_min": 6}}
    assert len(of(clean_with(offices, config), "local.geo-stuffing")) == 1


def test_headings_and_menus_are_not_checked():
    edits = {"index.html": [("<h1>Spine and pain care in Columbus, Ohio</h1>", "<h1>Pain Clinic Columbus, OH</h1>"),
                            ("<li><a href=\"/\">Home</a></li>", "<li><a href=\"/\">Pain doctor Columbus, OH</a></li>")]}
    assert of(clean_with(edits), "local.geo-stuffing") == []
