from __future__ import annotations

from tests.onpage.support import by_rule, clean_with

KETAMINE = "services/ketamine/index.html"


def test_missing_h1_names_the_first_heading():
    found = by_rule(clean_with({KETAMINE: ("<h1>Ketamine therapy for chronic pain</h1>", "<h2>Ketamine therapy for chronic pain</h2>")}))
    assert list(found) == ["onpage.h1-missing"]
    [f] = found["onpage.h1-missing"]
    assert f["url"] == KETAMINE and f["excerpt"] == "Ketamine therapy for chronic pain" and f["element"] == "<h2>"
    assert "starts at an h2" in f["message"]


def test_page_without_any_heading():
    found = by_rule(clean_with({"about.html": [("<h1>About the clinic</h1>", ""), ("<h2>Our team</h2>", "")]}))
    [f] = found["onpage.h1-missing"]
    assert f["message"] == "The page has no H1 heading." and f["element"] == "<body>" and f["excerpt"] == ""


def test_markdown_page_with_title_gets_h1_from_template():
    found = by_rule(clean_with({"blog/first-visit.md": ("# Your first visit\n", "")}))
    assert "onpage.h1-missing" not in found


def test_second_h1_is_flagged_including_a_logo_h1_in_the_header():
    logo = '<a href="/index.html"><img src="/img/logo.png" alt="Blue Ridge Clinic logo"></a>'
    found = by_rule(clean_with({"about.html": (logo, "<h1>Blue Ridge Clinic</h1>")}))
    assert list(found) == ["onpage.h1-multiple"]
    [f] = found["onpage.h1-multiple"]
    assert f["excerpt"] == "About the clinic" and f["element"] == "<h1>"
    assert "“Blue Ridge Clinic”; “About the clinic”" in f["message"]


def test_skipped_heading_level_in_main_content():
    found = by_rule(clean_with({KETAMINE: ("<h3>During the infusion</h3>", "<h4>During the infusion</h4>")}))
    assert "onpage.heading-skip" not in found  # h3 -> h4 is one level down
    found = by_rule(clean_with({KETAMINE: ("<h2>What a session involves</h2>", "<h4>What a session involves</h4>")}))
    assert list(found) == ["onpage.heading-skip"]
    [f] = found["onpage.heading-skip"]
    assert f["excerpt"] == "What a session involves" and f["element"] == "<h4>"
    assert f["message"] == "Heading level skips from h2 (“Who it may help”) to h4."
    assert "<h3>" in f["suggestion"] and f["data"] == {"from": 2, "to": 4}


def test_going_back_up_and_footer_headings_are_not_skips():
    found = by_rule(clean_with({"about.html": ("<footer>", "<footer><h5>Follow us</h5>")}))
    assert "onpage.heading-skip" not in found
