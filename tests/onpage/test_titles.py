from __future__ import annotations

from tests.onpage.support import by_rule, clean_with

KETAMINE = "services/ketamine/index.html"
OLD_TITLE = "<title>Ketamine Therapy for Chronic Pain | Blue Ridge Clinic</title>"


def test_missing_title_is_flagged():
    found = by_rule(clean_with({KETAMINE: (OLD_TITLE, "")}))
    assert list(found) == ["onpage.title-missing"]
    [f] = found["onpage.title-missing"]
    assert f["url"] == KETAMINE and f["message"] == "The page has no <title>."


def test_empty_title_is_flagged_with_its_element_and_line():
    found = by_rule(clean_with({KETAMINE: (OLD_TITLE, "<title>  </title>")}))
    [f] = found["onpage.title-missing"]
    assert f["element"] == "<title></title>" and "empty" in f["message"] and f["line"] == 6


def test_markdown_page_without_front_matter_title_takes_its_heading():
    md = "blog/first-visit.md"
    found = by_rule(clean_with({md: ("title: Your First Visit to Blue Ridge Clinic\n", "")}))
    assert "onpage.title-missing" not in found
    headless = "---\ndescription: What happens at your first appointment at Blue Ridge Clinic and what to bring.\n---\n\nNo heading at all.\n"
    found = by_rule(clean_with({md: headless}))
    assert [f["url"] for f in found["onpage.title-missing"]] == [md]


def test_long_title_is_flagged_with_the_title_and_where_it_is_cut():
    long = "Ketamine Therapy for Chronic Pain, Depression and Migraine | Blue Ridge Clinic Charlotte"
    found = by_rule(clean_with({KETAMINE: (OLD_TITLE, f"<title>{long}</title>")}))
    assert list(found) == ["onpage.title-too-long"]
    [f] = found["onpage.title-too-long"]
    assert f["excerpt"] == long and f["data"]["length"] == len(long)
    assert "“Ketamine Therapy for Chronic Pain, Depression and Migraine …”" in f["suggestion"]


def test_title_limit_comes_from_config():
    found = by_rule(clean_with(config={"onpage": {"title_max_chars": 40}}))
    flagged = {f["url"]: f["excerpt"] for f in found["onpage.title-too-long"]}
    assert flagged == {
        "index.html": "Blue Ridge Clinic | Pain Care in Charlotte, NC",
        "services/ketamine/index.html": "Ketamine Therapy for Chronic Pain | Blue Ridge Clinic",
        "services/nerve-blocks/index.html": "Nerve Blocks for Back and Neck Pain | Blue Ridge Clinic",
        "conditions/sciatica.html": "Sciatica: Causes and Treatment | Blue Ridge Clinic",
        "about.html": "About Blue Ridge Clinic | Pain Specialists in Charlotte",
        "contact.html": "Contact Blue Ridge Clinic in Charlotte, NC",  # 41
    }  # the Markdown page's "Your First Visit to Blue Ridge Clinic" (37) passes


def test_duplicate_titles_name_each_other_ignoring_case_and_spacing():
    dup = "<title>Ketamine therapy  for chronic pain | Blue Ridge clinic</title>"
    found = by_rule(clean_with({"conditions/sciatica.html": ("<title>Sciatica: Causes and Treatment | Blue Ridge Clinic</title>", dup)}))
    assert list(found) == ["onpage.title-duplicate"]
    got = {f["url"]: (f["excerpt"], f["data"]["pages"]) for f in found["onpage.title-duplicate"]}
    assert got == {
        KETAMINE: ("Ketamine Therapy for Chronic Pain | Blue Ridge Clinic", ["conditions/sciatica.html"]),
        "conditions/sciatica.html": ("Ketamine therapy for chronic pain | Blue Ridge clinic", [KETAMINE]),
    }


def test_duplicate_title_on_a_page_canonicalised_elsewhere_is_not_flagged():
    sciatica = "conditions/sciatica.html"
    found = by_rule(clean_with({sciatica: (
        "<title>Sciatica: Causes and Treatment | Blue Ridge Clinic</title>",
        "<title>Ketamine Therapy for Chronic Pain | Blue Ridge Clinic</title>",
    )}))
    assert "onpage.title-duplicate" in found
    found = by_rule(clean_with({sciatica: [
        ("<title>Sciatica: Causes and Treatment | Blue Ridge Clinic</title>",
         "<title>Ketamine Therapy for Chronic Pain | Blue Ridge Clinic</title>"),
        ('href="https://www.blueridgeclinic.com/conditions/sciatica.html"',
         'href="https://www.blueridgeclinic.com/services/ketamine/"'),
    ]}))
    assert "onpage.title-duplicate" not in found
