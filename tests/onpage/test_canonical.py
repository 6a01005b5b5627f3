from __future__ import annotations

from tests.onpage.support import PROD, by_rule, clean_with

SCIATICA = "conditions/sciatica.html"
OWN = f'<link rel="canonical" href="{PROD}/conditions/sciatica.html">'


def test_missing_canonical_suggests_the_pages_production_url():
    found = by_rule(clean_with({SCIATICA: (OWN, "")}))
    assert list(found) == ["onpage.canonical-missing"]
    [f] = found["onpage.canonical-missing"]
    assert f["url"] == SCIATICA and f["suggestion"] == f"Add {OWN} to the <head> (its own preferred URL)."


def test_relative_canonical_shows_href_and_the_absolute_form():
    found = by_rule(clean_with({SCIATICA: (OWN, '<link rel="canonical" href="/conditions/sciatica.html">')}))
    assert list(found) == ["onpage.canonical-relative"]
    [f] = found["onpage.canonical-relative"]
    assert f["excerpt"] == "/conditions/sciatica.html"
    assert f["element"] == '<link rel="canonical" href="/conditions/sciatica.html">'
    assert f"{PROD}/conditions/sciatica.html" in f["suggestion"]


def test_protocol_relative_canonical_is_relative_too():
    found = by_rule(clean_with({SCIATICA: (OWN, '<link rel="canonical" href="//www.blueridgeclinic.com/conditions/sciatica.html">')}))
    assert [f["excerpt"] for f in found["onpage.canonical-relative"]] == ["//www.blueridgeclinic.com/conditions/sciatica.html"]


def test_canonical_to_a_missing_page_in_the_folder():
    gone = f'<link rel="canonical" href="{PROD}/conditions/sciatica-old.html">'
    found = by_rule(clean_with({SCIATICA: (OWN, gone)}))
    assert list(found) == ["onpage.canonical-target"]
    [f] = found["onpage.canonical-target"]
    assert f["excerpt"] == f"{PROD}/conditions/sciatica-old.html" and f["element"] == gone
    assert "could not be fetched (missing-file)" in f["message"]


def test_canonical_to_another_existing_page_is_not_a_target_problem():
    found = by_rule(clean_with({SCIATICA: (OWN, f'<link rel="canonical" href="{PROD}/services/nerve-blocks/">')}))
    assert "onpage.canonical-target" not in found


def test_canonical_to_a_production_url_without_site_url_is_not_judged():
    gone = f'<link rel="canonical" href="{PROD}/conditions/sciatica-old.html">'
    found = by_rule(clean_with({SCIATICA: (OWN, gone)}, config={"site": {"url": ""}}))
    assert "onpage.canonical-target" not in found


def test_two_canonicals_disagreeing():
    second = f'<link rel="canonical" href="{PROD}/sciatica/">'
    found = by_rule(clean_with({SCIATICA: (OWN, OWN + second)}))
    conflicts = found["onpage.canonical-conflict"]
    assert [(f["url"], f["excerpt"]) for f in conflicts] == [(SCIATICA, f"{PROD}/sciatica/")]
    assert "2 different canonical URLs" in conflicts[0]["message"]


def test_two_identical_canonicals_do_not_conflict():
    found = by_rule(clean_with({SCIATICA: (OWN, OWN + OWN.replace(PROD, PROD + "/").replace(".com//", ".com/"))}))
    assert "onpage.canonical-conflict" not in found


def test_canonical_loop_between_two_pages():
    found = by_rule(clean_with({
        SCIATICA: (OWN, f'<link rel="canonical" href="{PROD}/about.html">'),
        "about.html": (f'<link rel="canonical" href="{PROD}/about.html">', OWN),
    }))
    got = {f["url"]: f for f in found["onpage.canonical-conflict"]}
    assert set(got) == {SCIATICA, "about.html"}
    assert "a loop" in got[SCIATICA]["message"] and got[SCIATICA]["excerpt"] == f"{PROD}/about.html"


def test_canonical_chain():
    found = by_rule(clean_with({
        SCIATICA: (OWN, f'<link rel="canonical" href="{PROD}/about.html">'),
        "about.html": (f'<link rel="canonical" href="{PROD}/about.html">', f'<link rel="canonical" href="{PROD}/contact.html">'),
    }))
    [f] = found["onpage.canonical-conflict"]
    assert f["url"] == SCIATICA and "a chain" in f["message"] and f"{PROD}/contact.html" in f["message"]


def test_canonical_to_a_noindex_page():
    found = by_rule(clean_with({
        SCIATICA: (OWN, f'<link rel="canonical" href="{PROD}/about.html">'),
        "about.html": ("<title>", '<meta name="robots" content="noindex"><title>'),
    }))
    [f] = found["onpage.canonical-conflict"]
    assert f["url"] == SCIATICA and "noindex" in f["message"] and f["element"] == f'<link rel="canonical" href="{PROD}/about.html">'


def test_invalid_and_empty_canonicals_are_target_problems_not_relative_ones():
    found = by_rule(clean_with({
        SCIATICA: (OWN, '<link rel="canonical" href="javascript:void(0)">'),
        "about.html": (f'<link rel="canonical" href="{PROD}/about.html">', '<link rel="canonical" href="http://[::1/about">'),
        "contact.html": (f'<link rel="canonical" href="{PROD}/contact.html">', '<link rel="canonical" href="">'),
    }))
    assert list(found) == ["onpage.canonical-target"]
    got = {f["url"]: (f["excerpt"], f["message"]) for f in found["onpage.canonical-target"]}
    assert got == {
        SCIATICA: ("javascript:void(0)", "The canonical URL is not a valid web address."),
        "about.html": ("http://[::1/about", "The canonical URL is not a valid web address."),
        "contact.html": ("", "The canonical link has an empty href."),
    }


def test_odd_markup_never_breaks_a_check():
    found = by_rule(clean_with({"about.html": ("<p>Four physicians", '<p><a href="http://[oops/">here</a>'
                                               '<img src=""><a href="mailto:front@blueridgeclinic.com">Email</a>Four physicians')}))
    assert "tool.check-error" not in found
    assert [f["message"] for f in found["onpage.image-alt-missing"]] == ["An image has no alt attribute."]
