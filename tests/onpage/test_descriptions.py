from __future__ import annotations

import re

from tests.onpage.support import by_rule, clean_with, site_files

SCIATICA = "conditions/sciatica.html"


def _description_tag(name: str) -> str:
    return re.search(r'<meta name="description" content="[^"]*">', site_files()[name]).group(0)


def test_missing_and_empty_descriptions():
    found = by_rule(clean_with({
        SCIATICA: (_description_tag(SCIATICA), ""),
        "about.html": (_description_tag("about.html"), '<meta name="description" content=" ">'),
    }))
    assert list(found) == ["onpage.description-missing"]
    got = {f["url"]: (f["message"], f["element"]) for f in found["onpage.description-missing"]}
    assert got == {
        SCIATICA: ("The page has no meta description.", "<head>"),
        "about.html": ("The page's meta description is empty.", '<meta name="description" content="">'),
    }


def test_markdown_description_comes_from_front_matter():
    md = "blog/first-visit.md"
    found = by_rule(clean_with({md: ("description: What happens at your first appointment at Blue Ridge Clinic, what to bring, and how long it takes.\n", "")}))
    assert [f["url"] for f in found["onpage.description-missing"]] == [md]


def test_short_and_long_descriptions_carry_the_text():
    short = "Sciatica treatment."
    long = ("Sciatica is pain along the sciatic nerve. Read about its causes, the warning signs that need "
            "urgent care, and every treatment Blue Ridge Clinic offers, from exercise to injections.")
    found = by_rule(clean_with({
        SCIATICA: (_description_tag(SCIATICA), f'<meta name="description" content="{short}">'),
        "about.html": (_description_tag("about.html"), f'<meta name="description" content="{long}">'),
    }))
    assert list(found) == ["onpage.description-length"]
    got = {f["url"]: (f["excerpt"], f["data"]["length"]) for f in found["onpage.description-length"]}
    assert got == {SCIATICA: (short, len(short)), "about.html": (long, len(long))}
    long_finding = next(f for f in found["onpage.description-length"] if f["url"] == "about.html")
    assert "cut at about 160" in long_finding["message"] and long_finding["element"] == '<meta name="description">'


def test_description_bounds_come_from_config():
    # lengths on the clean site: about 102, first-visit 98, sciatica 114, contact 115, index 119,
    # ketamine 121, nerve-blocks 130
    found = by_rule(clean_with(config={"onpage": {"description_min_chars": 110, "description_max_chars": 120}}))
    got = {f["url"]: f["data"]["length"] for f in found["onpage.description-length"]}
    assert got == {"about.html": 102, "blog/first-visit.md": 98, "services/ketamine/index.html": 121,
                   "services/nerve-blocks/index.html": 130}


def test_duplicate_descriptions():
    shared = _description_tag("index.html")
    found = by_rule(clean_with({SCIATICA: (_description_tag(SCIATICA), shared.upper().replace("<META NAME=\"DESCRIPTION\" CONTENT=", '<meta name="description" content='))}))
    assert list(found) == ["onpage.description-duplicate"]
    assert sorted((f["url"], f["data"]["pages"][0]) for f in found["onpage.description-duplicate"]) == [
        (SCIATICA, "index.html"), ("index.html", SCIATICA)]
    assert all(f["excerpt"].lower().startswith("blue ridge clinic treats chronic pain") for f in found["onpage.description-duplicate"])
