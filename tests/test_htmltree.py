"""seotool.htmltree builds the tree BeautifulSoup's "html.parser" builder built, and so the same
``Page``: compared with bs4 itself on every HTML and Markdown document under tests/ and
examples/, every rule example, a generated site, and hand-written malformed snippets."""

from __future__ import annotations

import json
from pathlib import Path

import bs4
import bs4.element
import pytest
from bs4 import BeautifulSoup
from bs4.exceptions import ParserRejectedMarkup

from checks import registry
from seotool import htmltree as ht
from seotool.markdown import render_markdown
from seotool.page import _SPACED, SKIP_TAGS, Page, clean_text, element_text

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.filterwarnings("ignore::bs4.XMLParsedAsHTMLWarning")  # an XML-declared fixture

# bs4's string classes -> htmltree's (plain text is a plain str)
_KINDS: dict[type, type[str]] = {
    bs4.NavigableString: str, bs4.Comment: ht.Comment, bs4.CData: ht.CData, bs4.Doctype: ht.Doctype,
    bs4.Declaration: ht.Declaration, bs4.ProcessingInstruction: ht.ProcessingInstruction,
    bs4.element.Script: ht.Script, bs4.element.Stylesheet: ht.Stylesheet, bs4.element.TemplateString: ht.TemplateString,
    bs4.element.RubyTextString: ht.RubyTextString, bs4.element.RubyParenthesisString: ht.RubyParenthesisString,
}


def bs4_tree(html: str) -> ht.Document:
    """The reference: bs4's tree, copied node by node into htmltree's classes."""
    soup = BeautifulSoup(html, "html.parser")
    root = ht.Element("[document]", {}, None, None, -1)
    elements: list[ht.Element] = []

    def copy(tag: bs4.Tag, el: ht.Element) -> None:
        for child in tag.contents:
            if isinstance(child, bs4.Tag):
                attrs = {k: list(v) if isinstance(v, list) else str(v) for k, v in child.attrs.items()}
                sub = ht.Element(child.name, attrs, el, child.sourceline, len(elements))
                elements.append(sub)
                el.children.append(sub)
                copy(child, sub)
                sub.end = len(elements)
            else:
                kind = _KINDS[type(child)]
                el.children.append(str(child) if kind is str else kind(child))

    copy(soup, root)
    root.end = len(elements)
    return ht.Document(root, elements)


class Bs4Page(Page):
    """The page model over bs4's tree: what ``Page`` produced before htmltree."""

    _build_tree = staticmethod(bs4_tree)


def shape(node: ht.Element | str) -> tuple:
    if type(node) is ht.Element:
        return (node.name, node.attrs, node.line, node.index, node.end, [shape(c) for c in node.children])
    return (type(node).__name__, str(node))


def first_difference(a: tuple, b: tuple, path: str = "") -> str:
    """Where two ``shape`` trees part, for a readable failure."""
    if a[0] != b[0] or len(a) != len(b) or (len(a) == 2 and a != b):
        return f"{path}: {a[:5]!r} != {b[:5]!r}"
    if a[1:5] != b[1:5]:
        return f"{path}/{a[0]}: {a[1:5]!r} != {b[1:5]!r}"
    for i, (x, y) in enumerate(zip(a[5], b[5], strict=False)):
        if x != y:
            return first_difference(x, y, f"{path}/{a[0]}[{i}]")
    return f"{path}/{a[0]}: {len(a[5])} children != {len(b[5])}"


# -- the documents -----------------------------------------------------------------------------

SNIPPETS = {
    "unclosed": "<html><body><div><p>One<p>Two<div>three <b>bold <i>both",
    "stray-end-tags": "<body></span><p>a</b>b</p></div></body></html></html><p>after html</p>",
    "nested-p": "<p>outer <p>inner</p> tail</p><p>next",
    "entities": ("<title>A &amp B &ampx</title><p>Fish &amp chips &ampfoo &amp; &lt;b&gt; &copy 2024 &nbsp;x &notit; "
                 "&notin; &#65;&#x42;&#X43 &#128;&#150; &#0; &#xD800; &#1114112; &#12a &#x; &unknown; & amp</p>"),
    "valueless-attributes": '<input disabled><a href>empty href</a><img alt src="x.png"><a href="/d" download>d</a>',
    "duplicate-attributes": ('<html lang="en" lang="fr"><a href="/first" href="/second" rel="nofollow" rel="sponsored">'
                             'dup</a><div id="a" class="x" id="b" class="cookie">c</div>'),
    "uppercase": ('<HTML LANG="DE"><HEAD><TITLE>Up</TITLE><META NAME="Description" CONTENT="x"></HEAD>'
                  '<BODY><H1 ID="Top">Hi</H1><A HREF="/X" REL="NoFollow">L</A><IMG SRC="I.PNG" ALT="Alt"></BODY></HTML>'),
    "br": "<p>310<br>Columbus</p><p>a<br/>b</br>c</p><p>x</br>y</p><address>1 Main St<br>Town</address></br></br>z",
    "void-end-tags": '<img src=x></img><input></input><p>after</p><link rel="canonical" href="/c"></link><hr/>t</hr>',
    "comments-in-text": ("<p>before<!-- hidden -->after</p><div>loose <!--x--> text <b>bold</b>"
                         "<!-- seotool-disable onpage.x why --></div><p>a<!-- never closed"),
    "script-with-end-tags": ('<div><script>document.write("</div><p>not a block</p>");</script><p>real</p></div>'
                             "<style>p::after{content:'</p>'}</style><p>x</p><script>var a = 1;"),
    "cdata-doctype-pi": ('<!DOCTYPE html><?xml version="1.0"?><body><![CDATA[cdata text]]><p>a<![CDATA[b]]>c</p>'
                         "<!ELEMENT x><p>a<![if !IE]>b<![endif]>c</p><!--></body>"),
    "unicode": "<h1>Zahnärzte – Straße 😀</h1><p>naïve\u00a0café\u2028line</p><p>\u00a0</p><p>\u3000</p>",
    "template": ('<template><p>hidden</p><a href="/t">t</a><title>Template title</title></template><p>shown</p>'
                 "<li>a<template><p>x</p></template></li><title>Real</title>"),
    "svg": ('<svg><title>icon</title><a href="/svg-link"><text>T</text></a><path d="M0"/></svg><p>after svg</p>'
            '<svg viewBox="0 0 1 1"><style>.a{}</style></svg>'),
    "ruby": "<p>漢<ruby>字<rp>(</rp><rt>ji</rt><rp>)</rp></ruby></p>",
    "jsonld": ('<script type="application/ld+json">{"@type": "Dentist", "name": "A &amp; B"}</script>'
               '<script type="application/ld+json">  \n  </script><script type="application/ld+json">{bad</script>'
               '<script type=" Application/LD+JSON; x">[{"@graph": [{"@type": "Thing"}]}]</script>'
               '<script type="application/ld+json"/><p>after</p>'),
    "head": ('<head><base href="/sub/"><link rel="canonical" href="a.html"><link rel="Canonical stylesheet" href="b.css">'
             "<meta http-equiv=\"Refresh\" content=\"5; URL='next.html'\"><meta http-equiv=\"content-type\" "
             'content="text/html; charset=utf-8"><meta charset="utf-8"><meta property="og:title" content="OG">'
             '<meta name="robots" content="noindex"><meta name="description"></head><body><a href="rel">r</a></body>'),
    "chrome": ('<body><nav class="menu"><a href="/">Home</a></nav><div role="main"><h2>Sub</h2><p>Text</p></div>'
               '<footer><p>Foot</p></footer><div class="cookie-banner">Cookies</div><aside>side</aside>'
               '<div class=" site-header\u00a0x  \tmenu ">hdr</div><div class="">e</div><div id="sidebar">s</div></body>'),
    "one-article": "<body><nav>n</nav><article><h1>A</h1><p>t</p></article><p>outside</p></body>",
    "two-articles": "<body><article><h1>A</h1></article><article><h1>B</h1><h3>deep</h3><h2>up</h2></article></body>",
    "whitespace": "<pre>  a\n\n  b  </pre><textarea>  </textarea><p>   </p>\n\n<div>  <span> </span>  x</div>",
    "images-and-links": ('<img src="a.png"><img src="b.png" alt=""><img src="c.png" alt="C" role="presentation">'
                         '<picture><source srcset="d.webp 1x, e.webp 2x"><img src="f.jpg" alt="F"></picture>'
                         '<a href="/img-link"><img src="g.png" alt="Go"></a><a href="/aria" aria-label=" Aria ">  </a>'
                         '<a href="javascript:void(0)">js</a><a href=" /spaced ">s</a><a href="http://[bad">bad</a>'
                         '<iframe src="/frame"></iframe><video src="v.mp4" poster="p.jpg"></video><area href="/area">'),
    "lists-and-tables": ("<ul><li>One</li><li><p>Two para</p></li><li>Three<ul><li>nested</li></ul></li></ul>"
                         "<table><tr><td>cell<td>cell2</tr><tr><th>h</th></tr></table><dl><dt>t<dd>d</dl>"),
    "headings-and-ids": '<h2 id="">empty id</h2><h3 id="s">S</h3><a name="anchor"></a><h1>One</h1><h4 id=x>Four</h4>',
    "attribute-entities": '<a href="/q?a=1&amp;b=2&copy=3" title="&quot;x&quot;">q</a><img src="&#x2F;i.png" alt="&lt;">',
    "empty": "",
    "blank": "   \n\n ",
    "text-only": "just text, no tags &amp; no body",
    "self-closing-non-void": "<div/>x<div>y<span/>z</div><p/>after<script/>s",
    "form-controls": '<form><select><option>o</option></select><button>b</button><a href="/in-form">f</a></form>',
}

MD_SNIPPET = "---\ntitle: Front title\n---\n# Title\n\nPara with [link](/x) and ![img](i.png).\n\n<div>\n<p>raw html</p>\n</div>\n\n- item\n- item two\n"


def _documents() -> list[tuple[str, str, bool]]:
    """(name, html, markdown) for every document the comparison runs on."""
    docs: list[tuple[str, str, bool]] = []
    for base in ("tests", "examples"):
        for path in sorted((ROOT / base).rglob("*")):
            rel = path.relative_to(ROOT).as_posix()
            if path.suffix.lower() in (".html", ".htm"):
                docs.append((rel, path.read_bytes().decode("utf-8", errors="replace"), False))
            elif path.suffix.lower() == ".md":
                docs.append((rel, path.read_text(encoding="utf-8", errors="replace"), True))
    for rule in sorted(registry().rules.values(), key=lambda r: r.id):
        for kind, examples in (("bad", rule.bad), ("good", rule.good)):
            for i, example in enumerate(examples):
                for name, content in example.files.items():
                    if name.endswith((".html", ".htm", ".md")):
                        docs.append((f"{rule.id}-{kind}{i}/{name}", content, name.endswith(".md")))
    docs += [(f"snippet-{name}", html, False) for name, html in SNIPPETS.items()]
    docs.append(("snippet-markdown", MD_SNIPPET, True))
    return docs


DOCUMENTS = _documents()
PARAMS = [pytest.param(html, markdown, id=name) for name, html, markdown in DOCUMENTS]


def _pages(source: str, markdown: bool) -> tuple[Page, Page]:
    html, front = source, None
    if markdown:
        html, _, front = render_markdown(source)
    kwargs = {"final_url": "https://clinic.example/dir/page.html", "markdown": markdown, "front_matter": front}
    return Page("dir/page.html", html, **kwargs), Bs4Page("dir/page.html", html, **kwargs)


FIELDS = ("title", "title_line", "lang", "base_href", "base_url", "meta", "canonicals", "ids", "meta_refresh",
          "has_main_landmark", "blocks", "chrome_blocks", "headings", "links", "images", "footer_text", "directives")


def assert_same_model(new: Page, ref: Page) -> None:
    for name in FIELDS:  # dataclass equality: every field of blocks, headings, links, images
        assert getattr(new, name) == getattr(ref, name), name
    # JSON-LD data through json.dumps: NaN (valid for json.loads) is not equal to itself
    assert [(j.raw, json.dumps(j.data), j.error, j.line) for j in new.jsonld] == \
        [(j.raw, json.dumps(j.data), j.error, j.line) for j in ref.jsonld]


# -- the comparisons ---------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "markdown"), PARAMS)
def test_page_model_matches_bs4(source: str, markdown: bool) -> None:
    new, ref = _pages(source, markdown)
    assert_same_model(new, ref)


@pytest.mark.parametrize(("source", "markdown"), PARAMS)
def test_tree_matches_bs4(source: str, markdown: bool) -> None:
    html = render_markdown(source)[0] if markdown else source
    new, ref = shape(ht.parse(html).root), shape(bs4_tree(html).root)
    assert new == ref, first_difference(new, ref)


def _bs4_element_text(tag: bs4.Tag) -> str:
    """seotool.page.element_text written over bs4: strings a browser does not show (comments,
    doctype, declarations, processing instructions, CDATA) are left out."""
    unseen = (bs4.Comment, bs4.CData, bs4.Declaration, bs4.Doctype, bs4.ProcessingInstruction)
    parts: list[str] = []
    for el in tag.descendants:
        if isinstance(el, bs4.NavigableString):
            if not isinstance(el, unseen) and el.parent is not None and el.parent.name not in SKIP_TAGS:
                parts.append(str(el))
        elif isinstance(el, bs4.Tag) and el.name in _SPACED:
            parts.append(" ")
    return clean_text("".join(parts))


@pytest.mark.parametrize(("source", "markdown"), PARAMS)
def test_text_of_every_element_matches_bs4(source: str, markdown: bool) -> None:
    """The text readings Page takes from elements (element_text, get_text for <title>, .string
    for JSON-LD) agree with bs4's own on every element, whatever kind of strings it holds."""
    html = render_markdown(source)[0] if markdown else source
    tags = [t for t in BeautifulSoup(html, "html.parser").descendants if isinstance(t, bs4.Tag)]
    elements = ht.parse(html).elements
    assert [e.name for e in elements] == [t.name for t in tags]
    for el, tag in zip(elements, tags, strict=True):
        assert element_text(el) == _bs4_element_text(tag), el
        assert el.get_text() == tag.get_text(), el
        assert el.string == tag.string, el


def test_generated_site_pages_match_bs4(tmp_path: Path) -> None:
    """The benchmark's generated clinic site (nav, footer, JSON-LD, many links on each page)."""
    from tests.links.sitegen import generate

    (tmp_path / "ext").mkdir()
    site = generate(tmp_path / "site", tmp_path / "ext", 40, "http://127.0.0.1:9")
    pages = sorted(site.root.rglob("*.html"))
    assert len(pages) >= 40
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert_same_model(Page(path.name, html), Bs4Page(path.name, html))


def test_corpus_is_broad() -> None:
    """The comparison covers what it claims (so a moved folder cannot empty it silently)."""
    names = [name for name, _, _ in DOCUMENTS]
    assert sum(n.startswith(("tests/", "examples/")) and n.endswith((".html", ".htm")) for n in names) >= 100
    assert any(n.endswith(".md") for n in names)
    assert sum("-bad" in n or "-good" in n for n in names) >= 100


def test_marked_section_html_parser_refuses_is_read_as_browsers_read_it() -> None:
    """html.parser raises on an unknown marked section and bs4 gave up on the whole page; htmltree
    reads it as browsers do, as a bogus comment, and the rest of the page is kept."""
    html = "<p>a<![foo[x]]>b</p><p>after</p>"
    with pytest.raises(ParserRejectedMarkup):
        BeautifulSoup(html, "html.parser")
    page = Page("x.html", html)
    assert [b.text for b in page.blocks] == ["ab", "after"]


def test_source_lines_and_attribute_shapes() -> None:
    """Spelled out once, for readers: lines of start tags, valueless and repeated attributes,
    multi-valued ones as lists, void elements closed at once, stray end tags ignored."""
    doc = ht.parse('<div class="a  b" id=x id=y hidden>\n<p>one\n<br></br><img src=i.png>two</p></span>\n<a rel="nofollow ugc" href>t</a></div>')
    div, p, br, img, a = doc.elements
    assert (div.line, p.line, br.line, img.line, a.line) == (1, 2, 3, 3, 4)
    assert div.attrs == {"class": ["a", "b"], "id": "y", "hidden": ""}
    assert a.attrs == {"rel": ["nofollow", "ugc"], "href": ""}
    assert br.children == [] and img.children == [] and img.parent is p
    assert [type(c).__name__ for c in p.children] == ["str", "Element", "Element", "str"]
    assert doc.below(div) == [p, br, img, a]
    assert a.parent is div


def test_character_references_decode_as_bs4_decodes_them() -> None:
    """The tables are built here instead of imported from bs4 (whose import costs every audit
    ~45 ms); they must give exactly what bs4 gives."""
    from bs4.dammit import EntitySubstitution, UnicodeDammit

    assert ht._ENTITIES == EntitySubstitution.HTML_ENTITY_TO_CHARACTER
    numbers = [*range(0, 0x3000), *range(0xD7F0, 0xE010), *range(0xFDC0, 0x10000), 0x1FFFE, 0x10FFFF, 0x110000, 10**9]
    assert [ht.numeric_reference(n) for n in numbers] == [UnicodeDammit.numeric_character_reference(n)[0] for n in numbers]


def test_parsing_does_not_import_bs4() -> None:
    import subprocess
    import sys

    code = ("import sys; from seotool.page import Page; Page('x.html', '<p>a &amp; b &#150; c &eacute;</p>'); "
            "print('bs4' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
