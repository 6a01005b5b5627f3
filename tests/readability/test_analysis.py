"""Paragraph, sentence and section splitting of a page's main content, against hand counts."""

from __future__ import annotations

from checks.readability.analysis import analyse
from seotool.page import Page

HTML = """<!doctype html><html><head><title>Knee pain</title></head><body>
<header><nav><ul><li>Home</li><li>About us</li></ul></nav></header>
<main>
<h1>Knee pain</h1>
<p>Dr. Ruiz sees knee pain every day. Most of it gets better with rest, e.g. a week off running.</p>
<p>Take 2.5 mg of the drug at 9 a.m. with food. Do not take more than 10 mg a day.</p>
<h2>What to do at home</h2>
<ul>
  <li>Rest the knee</li>
  <li>Put ice on it for 20 minutes. Do this three times a day.</li>
  <li>Raise your leg on a pillow</li>
</ul>
<table><tr><td>Mon. - Fri.</td><td>9 a.m. to 5 p.m.</td></tr></table>
<p>Call us if the knee is red, hot or swollen.</p>
</main>
<footer><p>Copyright 2024. All rights reserved.</p></footer>
</body></html>"""


def test_hand_counted_paragraphs_sentences_and_sections():
    text = analyse(Page("index.html", HTML))
    # paragraphs: 2 <p>, one list (3 items), 1 <p>; the table, menu and footer are not prose
    assert text.paragraph_count == 4
    assert [p.block.kind for p in text.paragraphs] == ["p", "p", "li", "li", "li", "p"]
    # sentences: 2 + 2 + (1 + 2 + 1) + 1; "Dr.", "e.g.", "2.5", "a.m." and "10 mg" end none
    assert [len(p.sentences) for p in text.paragraphs] == [2, 2, 1, 2, 1, 1]
    assert text.sentence_count == 9
    assert text.paragraphs[0].sentences[1].text == "Most of it gets better with rest, e.g. a week off running."
    assert text.paragraphs[1].sentences[0].text == "Take 2.5 mg of the drug at 9 a.m. with food."
    # sections: the prose under the h1, and under the h2; headings are not prose
    assert [s.title for s in text.sections] == ["Knee pain", "What to do at home"]
    assert [len(s.paragraphs) for s in text.sections] == [2, 4]
    # words, numbers included: 7+12, 11+9, 3, 7+6, 6, 10
    assert [p.words for p in text.paragraphs] == [19, 20, 3, 13, 6, 10]
    assert text.words == 71


def test_page_without_main_reads_everything_but_chrome():
    html = ("<html><body><nav>Menu items here</nav><div><p>One short line of text.</p></div>"
            "<div class='cookie-banner'><p>We use cookies to improve your experience.</p></div></body></html>")
    text = analyse(Page("x.html", html))
    assert [p.text for p in text.paragraphs] == ["One short line of text."]
    assert text.sections[0].heading is None


def test_analysis_is_cached_per_page():
    p = Page("index.html", HTML)
    assert analyse(p) is analyse(p)


def test_link_lists_are_not_prose():
    """Paragraphs and list items made only of link labels are other pages' titles: not graded
    here, and no plain-language notice on them (the page they name gets it)."""
    html = ("<main><h1>Knee pain</h1><p>Rest the knee and put ice on it. Call us if it is <a href='/red'>red "
            "or hot</a>.</p><h2>Related pages</h2><ul><li><a href='/a'>Chronic knee inflammation</a></li>"
            "<li><a href='/b'>Osteoarthritis</a> and <a href='/c'>bursitis</a></li></ul>"
            "<p><a href='/d'>Back pain</a> | <a href='/e'>Hip pain</a></p></main>")
    text = analyse(Page("index.html", html))
    assert [p.text for p in text.paragraphs] == ["Rest the knee and put ice on it. Call us if it is red or hot.",
                                                 "Osteoarthritis and bursitis"]
