from __future__ import annotations

from seotool.page import Page

HTML = """<!DOCTYPE html>
<html lang="en-US">
<head>
<title> Neuropathy  care </title>
<meta name="description" content="Nerve pain care.">
<meta property="og:title" content="OG">
<link rel="canonical" href="/neuropathy">
<base href="https://clinic.example/sub/">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "MedicalClinic", "name": "A"}]}</script>
<script type="application/ld+json">{not json</script>
</head>
<body>
<div class="cookie-banner">We use cookies. Accept?</div>
<header><nav><a href="/">Home</a><a href="/contact">Contact</a></nav></header>
<main>
<h1 id="top">Neuropathy</h1>
<p>Neuropathy is <a href="causes.html#diabetes">nerve damage</a>.</p>
<h2>Symptoms</h2>
<ul><li>Tingling</li><li>Burning pain</li></ul>
<h3>In the feet</h3>
<div>Loose text in a div.</div>
<img src="feet.png" alt="">
<img src="a.png">
<picture><source srcset="big.webp 2x, small.webp 1x"><img src="pic.jpg" alt="Pic"></picture>
<h2>Treatment</h2>
<p>Ask us.</p>
</main>
<footer><p>Call 704-555-0142</p><h3>Visit</h3></footer>
</body></html>
"""


def page():
    return Page("https://clinic.example/neuropathy", HTML)


def test_head_parts():
    p = page()
    assert p.title == "Neuropathy care"
    assert p.description == "Nerve pain care."
    assert p.meta["og:title"] == ["OG"]
    assert p.canonical == "/neuropathy"
    assert p.lang == "en-US"
    assert p.title_line == 4


def test_jsonld_valid_and_invalid():
    p = page()
    assert [j.error is None for j in p.jsonld] == [True, False]
    assert [i["@type"] for i in p.jsonld_items()] == ["MedicalClinic"]


def test_main_content_excludes_chrome():
    p = page()
    texts = [b.text for b in p.blocks]
    assert "Neuropathy is nerve damage." in texts
    assert not any("cookies" in t or "Call 704" in t or t == "Home" for t in texts)
    chrome = " ".join(b.text for b in p.chrome_blocks)
    assert "cookies" in chrome and "704-555-0142" in chrome
    assert "704-555-0142" in p.footer_text


def test_blocks_have_heading_paths_and_lines():
    p = page()
    by_text = {b.text: b for b in p.blocks}
    assert by_text["Tingling"].section == ("Neuropathy", "Symptoms")
    assert by_text["Loose text in a div."].section == ("Neuropathy", "Symptoms", "In the feet")
    assert by_text["Ask us."].section == ("Neuropathy", "Treatment")
    assert by_text["Tingling"].kind == "li"
    assert by_text["Ask us."].line == 26


def test_headings_in_order_with_main_flag():
    p = page()
    assert [(h.level, h.text) for h in p.headings if h.in_main] == [
        (1, "Neuropathy"), (2, "Symptoms"), (3, "In the feet"), (2, "Treatment")]
    assert [h.text for h in p.h1s] == ["Neuropathy"]
    assert any(h.text == "Visit" and not h.in_main for h in p.headings)


def test_links_resolve_against_base_href():
    p = page()
    link = next(lnk for lnk in p.links if lnk.text == "nerve damage")
    assert link.url == "https://clinic.example/sub/causes.html#diabetes"
    assert link.in_main and link.section == "Neuropathy"
    nav = next(lnk for lnk in p.links if lnk.text == "Contact")
    assert not nav.in_main and nav.url == "https://clinic.example/contact"
    srcset = [lnk.href for lnk in p.links if lnk.attr == "srcset"]
    assert srcset == ["big.webp", "small.webp"]


def test_images_alt_missing_vs_empty():
    p = page()
    alts = {i.src: i.alt for i in p.images}
    assert alts["feet.png"] == "" and alts["a.png"] is None and alts["pic.jpg"] == "Pic"


def test_ids_and_word_count():
    p = page()
    assert "top" in p.ids
    assert p.word_count == sum(len(b.text.split()) for b in p.blocks if not b.is_heading)


def test_garbage_does_not_crash():
    p = Page("x.html", "\x00\xff<<<>>>&&&<p>ok</p><div><span>")
    assert [b.text for b in p.blocks] == ["<<<>>>&&&", "ok"] or p.blocks


def test_directives_with_lines():
    p = Page("x.html", "<p>a</p>\n<!-- seotool-disable readability.long-sentence quoted text -->\n<p>b</p>\n"
             "<!-- seotool-enable readability.long-sentence -->")
    assert [(d.action, d.rules, d.reason, d.line) for d in p.directives] == [
        ("disable", ("readability.long-sentence",), "quoted text", 2),
        ("enable", ("readability.long-sentence",), "", 4)]


def test_strings_a_browser_does_not_show_are_not_text():
    """A page without <body> tags (valid HTML) kept its doctype, <?xml?> and CDATA as a text block."""
    page = Page("x.html", '<?xml version="1.0"?><!DOCTYPE html><html lang=en><title>Knee pain</title>'
                          "<![CDATA[ hidden ]]><p>Knee pain is common.</p></html>")
    assert [b.text for b in page.blocks] == ["Knee pain is common."]
    assert page.main_text == "Knee pain is common." and page.title == "Knee pain"
    bare = Page("y.html", "<!doctype html><html><head><title>Hip</title><link rel=canonical href=/hip>"
                          "<link rel=stylesheet href=/s.css></head><p>Hip pain.</p></html>")
    assert [b.text for b in bare.blocks] == ["Hip pain."] and bare.canonical == "/hip"
    assert sorted(link.href for link in bare.links) == ["/hip", "/s.css"]


def test_blocks_made_only_of_link_labels_are_marked():
    page = Page("p.html", "<main><p><a href='/a'>source 1</a> <a href='/b'>source 2</a></p>"
                          "<p>See <a href='/c'>details</a>.</p><ul><li><a href='/d'>Back pain</a></li><li>plain</li>"
                          "<li><a href='/e'><img src='x.png' alt='Hip'></a> | <a href='/f'>Neck</a></li></ul>"
                          "<h2><a href='/g'>Heading link</a></h2></main>")
    assert [(b.text, b.links_only) for b in page.blocks] == [
        ("source 1 source 2", True), ("See details.", False), ("Back pain", True), ("plain", False),
        ("| Neck", True), ("Heading link", False)]
