"""Image alt, lang, viewport and generic link text on the clean site with one defect planted."""

from __future__ import annotations

from tests.onpage.support import by_rule, clean_with

KETAMINE = "services/ketamine/index.html"
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'


def test_image_without_alt_is_flagged_decorative_and_presentation_images_are_not():
    found = by_rule(clean_with({KETAMINE: [
        ('<img src="/img/infusion-room.jpg" alt="A reclining chair in the infusion room">',
         '<img src="/img/infusion-room.jpg?v=2"><img src="/img/rule.png" alt=""><img src="/img/dots.png" role="presentation">'),
    ]}))
    assert list(found) == ["onpage.image-alt-missing"]
    [f] = found["onpage.image-alt-missing"]
    assert f["url"] == KETAMINE and f["element"] == '<img src="/img/infusion-room.jpg?v=2">'
    assert f["message"] == "The image infusion-room.jpg has no alt attribute."
    assert f["line"] is not None


def test_missing_and_invalid_lang():
    found = by_rule(clean_with({"about.html": ('<html lang="en">', "<html>"), "contact.html": ('<html lang="en">', '<html lang="English (US)">')}))
    assert list(found) == ["onpage.lang-missing"]
    got = {f["url"]: (f["excerpt"], f["element"]) for f in found["onpage.lang-missing"]}
    assert got == {"about.html": ("", "<html>"), "contact.html": ("English (US)", '<html lang="English (US)">')}


def test_regional_lang_codes_are_valid():
    found = by_rule(clean_with({"about.html": ('<html lang="en">', '<html lang="es-419">')}))
    assert "onpage.lang-missing" not in found


def test_missing_viewport():
    found = by_rule(clean_with({"about.html": (VIEWPORT, "")}))
    assert list(found) == ["onpage.viewport-missing"]
    assert [f["url"] for f in found["onpage.viewport-missing"]] == ["about.html"]


def test_markdown_sources_are_not_judged_on_template_markup():
    # The Markdown article has no <html>, <head> or canonical of its own: none of those rules fire.
    found = by_rule(clean_with())
    assert not {"onpage.lang-missing", "onpage.viewport-missing", "onpage.canonical-missing"} & set(found)


def test_generic_link_texts_with_arrows_and_case():
    found = by_rule(clean_with({KETAMINE: [
        ("call our front desk.</p>",
         'call our front desk. <a href="/contact.html">Click HERE</a>. '
         'For injections, <a href="/services/nerve-blocks/">Read more &raquo;</a></p>'),
    ]}))
    assert list(found) == ["onpage.generic-link-text"]
    got = {f["excerpt"]: f for f in found["onpage.generic-link-text"]}
    assert set(got) == {"Click HERE", "Read more »"}
    assert got["Click HERE"]["element"] == '<a href="/contact.html">'
    # the suggestion names the destination, taken from the target page's H1
    assert "Read more about Nerve blocks for back and neck pain" in got["Read more »"]["suggestion"]
    assert got["Read more »"]["section"] == "Ketamine therapy for chronic pain > Cost and next steps"


def test_descriptive_links_that_contain_generic_words_are_fine():
    found = by_rule(clean_with({KETAMINE: (
        "call our front desk.</p>",
        'call our front desk. <a href="/contact.html">Click here to book a consultation</a>. '
        '<a href="#top">more</a></p>')}))
    assert "onpage.generic-link-text" not in found


def test_extra_generic_phrases_from_config():
    found = by_rule(clean_with(config={"onpage": {"generic_link_text": ["Contact us"]}}))
    assert {f["excerpt"] for f in found["onpage.generic-link-text"]} == {"Contact us"}
    # in the menu of each of the six HTML pages (the Markdown page has no menu of its own)
    assert len(found["onpage.generic-link-text"]) == 6
