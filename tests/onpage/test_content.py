"""Thin content and what counts as an article page."""

from __future__ import annotations

from checks.onpage.markup import words
from tests.onpage.support import by_rule, clean_with, site_files

KETAMINE = "services/ketamine/index.html"
MAIN_END = '<img src="/img/infusion-room.jpg" alt="A reclining chair in the infusion room">'


def _short_article(path: str, title: str, n: int, extra_head: str = "") -> str:
    """The about page's template with ``n`` words of copy, canonical to its own ``path``."""
    page = site_files()["about.html"].replace("/about.html\">", f"/{path}\">")
    page = page.replace("<title>About Blue Ridge Clinic | Pain Specialists in Charlotte</title>", f"<title>{title}</title>{extra_head}")
    page = page.replace("Meet the physicians and nurses", f"{title}: read about it from the physicians and nurses")
    start, end = page.index("<main>"), page.index("</main>")
    return page[:start] + f"<main>\n<h1>{title}</h1>\n<p>{words(n, title)}</p>\n" + page[end:]


def test_short_article_is_thin_with_its_word_count_and_h1():
    found = by_rule(clean_with({"conditions/migraine.html": _short_article("conditions/migraine.html", "Migraine", 150)}))
    assert list(found) == ["onpage.thin-content"]
    [f] = found["onpage.thin-content"]
    assert f["url"] == "conditions/migraine.html" and f["excerpt"] == "Migraine" and f["element"] == "<h1>"
    assert f["data"] == {"words": 150, "min_words": 300}
    assert f["message"] == "Only 150 words of main content; article pages should have at least 300."


def test_navigation_and_footer_words_do_not_count():
    # The menu and footer add ~40 words to every page; 290 words of copy is still thin.
    found = by_rule(clean_with({"conditions/migraine.html": _short_article("conditions/migraine.html", "Migraine", 290)}))
    assert [f["data"]["words"] for f in found["onpage.thin-content"]] == [290]


def test_threshold_from_config():
    found = by_rule(clean_with({"conditions/migraine.html": _short_article("conditions/migraine.html", "Migraine", 150)},
                               config={"onpage": {"thin_content_min_words": 100}}))
    assert "onpage.thin-content" not in found
    # articles on the clean site: first-visit 314, sciatica 318, ketamine 315, nerve-blocks 328 words
    found = by_rule(clean_with(config={"onpage": {"thin_content_min_words": 317}}))
    assert {f["url"]: f["data"]["words"] for f in found["onpage.thin-content"]} == {
        "blog/first-visit.md": 314, "services/ketamine/index.html": 315}


def test_home_contact_about_and_utility_pages_are_not_articles():
    files = {
        "privacy-policy.html": _short_article("privacy-policy.html", "Privacy policy", 80),
        "appointments/request.html": _short_article("appointments/request.html", "Request an appointment", 40),
        "blog/tag/pain.html": _short_article("blog/tag/pain.html", "Posts tagged pain", 20),
        "conditions/_index.html": _short_article("conditions/_index.html", "Conditions we treat", 30),
    }
    found = by_rule(clean_with(files))
    assert "onpage.thin-content" not in found  # home, contact.html and about.html are short too


def test_json_ld_decides_both_ways():
    contact_ld = '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ContactPage"}</script>'
    article_ld = '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "MedicalWebPage"}</script>'
    found = by_rule(clean_with({
        "visit-us.html": _short_article("visit-us.html", "Visit us", 40, contact_ld),
        "about/history.html": _short_article("about/history.html", "Our history of treating pain", 120, article_ld),
    }))
    assert [f["url"] for f in found["onpage.thin-content"]] == ["about/history.html"]


def test_hub_pages_made_of_links_are_not_articles():
    items = "".join(f'<li><a href="/blog/post-{i}.html">Post number {i} about living with pain</a></li>' for i in range(12))
    hub = _short_article("blog/index.html", "Blog", 0).replace(f"<p>{words(0, 'Blog')}</p>", f"<p>Latest articles.</p><ul>{items}</ul>")
    found = by_rule(clean_with({"blog/index.html": hub}))
    assert "onpage.thin-content" not in found


def test_noindex_and_canonicalised_pages_are_not_judged():
    noindex = _short_article("conditions/migraine.html", "Migraine", 100, '<meta name="robots" content="noindex">')
    canonical = _short_article("conditions/migraine-print.html", "Migraine (print)", 100, '<link rel="canonical" href="https://www.blueridgeclinic.com/services/ketamine/">')
    found = by_rule(clean_with({"conditions/migraine.html": noindex, "conditions/migraine-print.html": canonical}))
    assert "onpage.thin-content" not in found
