"""The page model: one HTML document parsed once into the parts checks ask about.

Parsing uses ``html.parser`` because it records source lines, which CI annotations on local
files need; ``seotool.htmltree`` builds the same tree from it as BeautifulSoup did, at a third
of the cost. Navigation, header, footer, sidebars and cookie banners are kept apart from the
main content so that text checks judge the copy, not the menus.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import scheme_chars, urljoin, urlsplit, uses_netloc, uses_relative

from seotool.htmltree import CData, Comment, Declaration, Doctype, Document, Element, ProcessingInstruction
from seotool.htmltree import parse as parse_html

BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "dt", "dd", "figcaption", "pre", "caption", "summary"}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
CHROME_TAGS = {"nav", "header", "footer", "aside"}
CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search"}
_CHROME_HINT = re.compile(r"(^|[-_\s])(cookie|consent|gdpr|cc-banner|site-header|site-footer|navbar|menu|breadcrumbs?|sidebar|skip-link)([-_\s]|$)", re.I)
SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "object", "select", "option", "button", "form"}
_WS = re.compile(r"\s+")


def clean_text(s: str) -> str:
    return _WS.sub(" ", s).strip()


_WORD_CHAR = re.compile(r"\w")


def _links_only(text: str, links: list[Link]) -> bool:
    """Whether ``text`` is nothing but the labels of ``links`` (<a> elements) and separators."""
    labels = [link.text for link in links if link.tag == "a" and link.text]
    if len(labels) == 1 and labels[0] == text:
        return True  # the usual case: a list item that is one link
    if not labels:
        return False
    rest = text
    for label in sorted(set(labels), key=len, reverse=True):
        rest = rest.replace(label, " ")
    return not _WORD_CHAR.search(rest)


_INLINE_TAGS = frozenset({"a", "img", "span", "strong", "em", "b", "i", "u", "small", "abbr", "sup", "sub", "mark", "time", "cite", "code", "br", "picture", "source", "area"})
_SPACED = BLOCK_TAGS | {"br", "div", "ul", "ol", "table", "tr", "section", "article", "hr", "img"}


def element_text(tag: Element) -> str:
    """The text of ``tag`` as a reader sees it: inline elements joined without inventing spaces
    ("<a>damage</a>." stays "damage."), block elements and <br> separated by one."""
    parts: list[str] = []
    _gather_text(tag, parts)
    return clean_text("".join(parts))


# Strings a browser does not show: comments, the doctype, declarations, <?...?> and CDATA
# sections (in HTML a CDATA section is a bogus comment).
_UNSEEN = frozenset({Comment, CData, Declaration, Doctype, ProcessingInstruction})


# Walked into only when a page has no <body> tag; their links (stylesheets, canonical, icons) are
# collected with the other <head> references.
_HEAD_ONLY = frozenset({"head", "title"})


def _gather_text(tag: Element, parts: list[str]) -> None:
    # strings directly inside a skipped element (script, style, ...) are left out; unseen ones too
    own_text = tag.name not in SKIP_TAGS
    for child in tag.children:
        if type(child) is Element:
            if child.name in _SPACED:
                parts.append(" ")
            _gather_text(child, parts)
        elif own_text and type(child) not in _UNSEEN:
            parts.append(child)


@dataclass(slots=True)
class Block:
    """A unit of text in reading order: a paragraph, list item, heading or loose text run."""

    kind: str  # 'p', 'li', 'h1'..'h6', 'td', 'text' (loose text in a div), ...
    text: str
    line: int | None
    section: tuple[str, ...]  # heading path above this block (for a heading: its parents)
    index: int = 0
    in_main: bool = True
    element_id: str | None = None
    # Nothing but link labels ("source 12 source 40", "Back pain | Neck pain"): a list of links
    # written inline, not prose; text rules leave such blocks alone.
    links_only: bool = False
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_heading(self) -> bool:
        return self.kind in HEADING_TAGS

    @property
    def level(self) -> int:
        return int(self.kind[1]) if self.is_heading else 0

    @property
    def section_path(self) -> str:
        return " > ".join(self.section)


@dataclass(slots=True)
class Heading:
    level: int
    text: str
    line: int | None
    id: str | None
    in_main: bool = True


@dataclass(slots=True)
class Link:
    href: str  # as written
    url: str | None  # resolved absolute URL (None when not resolvable, e.g. javascript:)
    text: str
    tag: str
    attr: str
    rel: tuple[str, ...]
    line: int | None
    section: str
    in_main: bool

    @property
    def element(self) -> str:
        if self.tag == "meta":
            return f'<meta http-equiv="refresh" content="0; url={self.href}">'
        return f'<{self.tag} {self.attr}="{self.href}">'


@dataclass(slots=True)
class Image:
    src: str
    url: str | None
    alt: str | None  # None when the attribute is missing; '' when empty (decorative)
    line: int | None
    in_main: bool
    role: str | None = None


@dataclass
class JsonLd:
    raw: str
    data: Any  # parsed JSON, or None when invalid
    error: str | None
    line: int | None

    def items(self) -> list[dict[str, Any]]:
        """Top-level objects, flattening arrays and @graph."""
        out: list[dict[str, Any]] = []

        def walk(node: Any) -> None:
            if isinstance(node, list):
                for n in node:
                    walk(n)
            elif isinstance(node, dict):
                if "@graph" in node:
                    walk(node["@graph"])
                if "@type" in node:
                    out.append(node)

        walk(self.data)
        return out


@dataclass
class Directive:
    """An inline ``<!-- seotool-disable RULE reason -->`` or ``<!-- seotool-enable RULE -->``."""

    action: str  # 'disable' | 'enable'
    rules: tuple[str, ...]
    reason: str
    line: int


_DIRECTIVE = re.compile(r"<!--\s*seotool-(disable|enable)\s+([^\s>]+)(.*?)-->", re.S)


def parse_directives(text: str) -> list[Directive]:
    if "seotool-" not in text:
        return []
    out = []
    for m in _DIRECTIVE.finditer(text):
        rules = tuple(r for r in m.group(2).split(",") if r)
        out.append(Directive(m.group(1), rules, clean_text(m.group(3)), text.count("\n", 0, m.start()) + 1))
    return out


class Page:
    """A parsed HTML page. ``url`` is how reports name it (a path relative to the folder for
    local files); ``final_url`` is the absolute URL links resolve against."""

    def __init__(
        self,
        url: str,
        html: str,
        *,
        final_url: str | None = None,
        status: int = 200,
        headers: dict[str, str] | None = None,
        source_path: str | None = None,
        markdown: bool = False,
        front_matter: dict[str, Any] | None = None,
        depth: int = 0,
    ) -> None:
        self.url = url
        self.final_url = final_url or url
        self.status = status
        self.headers = {k.lower(): v for k, v in (headers or {}).items()}
        self.source_path = source_path
        self.front_matter = front_matter or {}
        self.depth = depth
        self._markdown = markdown
        self.cache: dict[str, Any] = {}
        self._parse(self._build_tree(html))
        # Markdown pages get theirs from the .md source (seotool.local), where the lines are.
        self.directives: list[Directive] = [] if markdown else parse_directives(html)

    # -- parsing -----------------------------------------------------------------------------

    _build_tree = staticmethod(parse_html)  # tests/test_htmltree.py swaps in a bs4-built tree

    def _line(self, tag: Element) -> int | None:
        if self._markdown:
            # Markdown: the nearest block's line in the .md source (see seotool.markdown).
            node: Element | None = tag
            while node is not None:
                value = node.get("data-md-line")
                if value:
                    return int(str(value))
                node = node.parent
            return None
        return tag.line

    def _parse(self, doc: Document) -> None:
        # One pass over the element list instead of a find/find_all per question below; the
        # comprehensions ask the tag name, and an attribute present (not None) or matching a
        # pattern (re.search).
        self._doc = doc
        tags = doc.elements
        html_tag = _first(tags, "html")
        self.lang: str | None = (html_tag.get("lang") or None) if html_tag is not None else None
        base = next((t for t in tags if t.name == "base" and t.get("href") is not None), None)
        self.base_href: str | None = str(base.attrs["href"]) if base is not None else None
        self.base_url = urljoin(self.final_url, self.base_href) if self.base_href else self.final_url

        title_tag = _first(tags, "title")
        self.title: str | None = clean_text(title_tag.get_text()) if title_tag is not None else None
        self.title_line = self._line(title_tag) if title_tag is not None else None
        if self.title is None and self.front_matter.get("title"):
            self.title = str(self.front_matter["title"])

        self.meta: dict[str, list[str]] = {}
        for m in [t for t in tags if t.name == "meta"]:
            key = (m.get("name") or m.get("property") or m.get("http-equiv") or "").strip().lower()
            if key:
                self.meta.setdefault(key, []).append(str(m.get("content", "")))
        if "description" not in self.meta and self.front_matter.get("description"):
            self.meta["description"] = [str(self.front_matter["description"])]

        self.canonicals: list[str] = [
            str(link.get("href", "")) for link in tags
            if link.name == "link" and link.get("href") is not None and "canonical" in _rel(link)
        ]

        self.ids: set[str] = {str(t.attrs["id"]) for t in tags if t.get("id") is not None}
        self.ids |= {str(t.attrs["name"]) for t in tags if t.name == "a" and t.get("name") is not None}

        self.jsonld: list[JsonLd] = []
        for s in [t for t in tags if t.name == "script" and _matches(_JSONLD_TYPE, t.get("type"))]:
            raw = s.string or s.get_text() or ""
            try:
                self.jsonld.append(JsonLd(raw, json.loads(raw), None, self._line(s)))
            except ValueError as exc:
                self.jsonld.append(JsonLd(raw, None, str(exc), self._line(s)))

        self.meta_refresh: str | None = None
        for m in [t for t in tags if t.name == "meta" and _matches(_REFRESH, t.get("http-equiv"))]:
            match = re.search(r"url\s*=\s*['\"]?([^'\";]+)", str(m.get("content", "")), re.I)
            if match:
                self.meta_refresh = match.group(1).strip()

        body = _first(tags, "body") or doc.root
        main = _find_main(doc.below(body))
        self.has_main_landmark = main is not None
        self.blocks: list[Block] = []  # main content
        self.chrome_blocks: list[Block] = []  # nav/header/footer/banners
        self.headings: list[Heading] = []
        self.links: list[Link] = []
        self.images: list[Image] = []
        self._ref_tags: set[int] = set()
        self._walk(body, main, in_main=main is None, path=[])
        for t in [t for t in tags if t.name in ("link", "meta", "script")]:
            # stylesheets, icons, canonical, scripts and meta refresh in <head> (or wherever the walk
            # did not reach them)
            if id(t) not in self._ref_tags:
                self._collect_refs(t, False, [])
        del self._ref_tags, self._doc
        for i, b in enumerate(self.blocks):
            b.index = i
        self.footer_text = " ".join(b.text for b in self.chrome_blocks)

    def _walk(self, node: Element, main: Element | None, in_main: bool, path: list[tuple[int, str]]) -> None:
        """Depth-first walk collecting blocks, headings, links and images in document order."""
        loose: list[str] = []
        loose_line: int | None = None

        def flush() -> None:
            nonlocal loose, loose_line
            text = clean_text("".join(loose))
            if text:
                self._add_block("text", text, loose_line, in_main, path, None)
            loose, loose_line = [], None

        for child in node.children:
            if type(child) is not Element:
                if type(child) in _UNSEEN:
                    continue
                if child.strip():
                    if loose_line is None:
                        loose_line = self._line(node)
                    loose.append(child)
                elif loose:
                    loose.append(" ")
                continue
            name = child.name
            if name in _HEAD_ONLY:
                continue  # no <body> tag (it is optional): the <head> part is not page text
            if name in SKIP_TAGS:
                self._collect_refs(child, in_main, path)
                continue
            if name in _INLINE_TAGS:
                # inline content: text joins the loose run; refs are collected
                self._collect_refs(child, in_main, path)
                if name == "br":
                    if loose:  # a line break separates words, as element_text does
                        loose.append(" ")
                    continue
                text = element_text(child)
                if text:
                    if loose_line is None:
                        loose_line = self._line(child)
                    loose.append(text)
                continue
            flush()
            child_in_main = in_main
            if main is not None and child is main:
                child_in_main = True
            elif _is_chrome(child):
                child_in_main = False
            if name in BLOCK_TAGS and not (name == "li" and _first(self._doc.below(child), _LI_BLOCKS)):
                first_link = len(self.links)
                self._collect_refs(child, child_in_main, path)
                text = element_text(child)
                links_only = len(self.links) > first_link and _links_only(text, self.links[first_link:])
                if name in HEADING_TAGS:
                    level = int(name[1])
                    while path and path[-1][0] >= level:
                        path.pop()
                    self._add_block(name, text, self._line(child), child_in_main, path, child.get("id"))
                    self.headings.append(Heading(level, text, self._line(child), child.get("id"), child_in_main))
                    path.append((level, text))
                elif text:
                    self._add_block(name, text, self._line(child), child_in_main, path, child.get("id"), links_only)
                continue
            self._walk(child, main, child_in_main, path if child_in_main == in_main else list(path))
        flush()

    def _add_block(self, kind: str, text: str, line: int | None, in_main: bool, path: list[tuple[int, str]], el_id: Any,
                   links_only: bool = False) -> None:
        section = tuple(t for _, t in path)
        block = Block(kind, text, line, section, in_main=in_main, element_id=str(el_id) if el_id else None,
                      links_only=links_only)
        (self.blocks if in_main else self.chrome_blocks).append(block)

    def _collect_refs(self, tag: Element, in_main: bool, path: list[tuple[int, str]]) -> None:
        section = " > ".join(t for _, t in path)
        for t in [tag, *self._doc.below(tag)]:
            name = t.name
            self._ref_tags.add(id(t))
            if name == "meta":
                refresh = _refresh_target(t)
                if refresh:
                    self._add_link(refresh, "", "meta", "content", t, in_main, section)
                continue
            for attr in _REF_ATTRS.get(name, ()):
                value = t.get(attr)
                if value is None:
                    continue
                value = str(value)
                if attr == "srcset":
                    for part in value.split(","):
                        src = part.strip().split(" ")[0]
                        if src:
                            self._add_link(src, "", name, attr, t, in_main, section)
                    continue
                text = element_text(t) if name == "a" else ""
                if name == "a" and not text:
                    img = next((d for d in self._doc.below(t) if d.name == "img" and d.get("alt") is not None), None)
                    text = clean_text(str(img.attrs["alt"])) if img is not None else clean_text(str(t.get("aria-label", "")))
                self._add_link(value, text, name, attr, t, in_main, section)
            if name == "img":
                src = str(t.get("src", ""))
                alt = t.get("alt")
                self.images.append(Image(src, self.resolve(src), None if alt is None else str(alt), self._line(t), in_main, t.get("role")))

    def _add_link(self, href: str, text: str, tag: str, attr: str, t: Element, in_main: bool, section: str) -> None:
        self.links.append(Link(href, self.resolve(href), text, tag, attr, _rel(t), self._line(t), section, in_main))

    _join_base: tuple[str, tuple[str, str] | None] | None = None  # base_url -> its _base_key

    def resolve(self, href: str) -> str | None:
        href = href.strip()
        if not href or _UNRESOLVABLE.match(href):
            return None
        base = self.base_url
        memo = self._join_base
        if memo is None or memo[0] is not base:
            memo = self._join_base = (base, _base_key(base))
        key = memo[1]
        try:
            if key is None or not _base_free(href):
                return urljoin(base, href)
            # Nav and footer links repeat on every page: join each once per site (scheme, host)
            joined = _JOINED.get((key, href))
            if joined is None:
                joined = urljoin(base, href)
                if len(_JOINED) >= _JOINED_MAX:
                    _JOINED.clear()
                _JOINED[key, href] = joined
            return joined
        except ValueError:
            return None

    # -- derived views -----------------------------------------------------------------------

    @property
    def description(self) -> str | None:
        values = self.meta.get("description")
        return values[0] if values else None

    @property
    def canonical(self) -> str | None:
        return self.canonicals[0] if self.canonicals else None

    @property
    def robots(self) -> str:
        return ",".join(self.meta.get("robots", []) + [self.headers.get("x-robots-tag", "")]).lower()

    @property
    def h1s(self) -> list[Heading]:
        return [h for h in self.headings if h.level == 1]

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if not b.is_heading]

    @cached_property
    def main_text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    @cached_property
    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks if not b.is_heading)

    def jsonld_items(self) -> list[dict[str, Any]]:
        return [item for block in self.jsonld for item in block.items()]


_REF_ATTRS: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "area": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "link": ("href",),
    "script": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
}


def _refresh_target(tag: Element) -> str | None:
    """The URL of a ``<meta http-equiv="refresh" content="5; url=...">``, if it has one."""
    if str(tag.get("http-equiv", "")).strip().lower() != "refresh":
        return None
    match = re.search(r"url\s*=\s*['\"]?([^'\";]+)", str(tag.get("content", "")), re.I)
    return match.group(1).strip() if match else None


_LI_BLOCKS = frozenset({"p", "ul", "ol", "div"})  # a list item holding these is walked into


def _first(tags: Iterable[Element], names: str | frozenset[str]) -> Element | None:
    """The first of ``tags`` with one of ``names`` (what ``find(name)`` returns)."""
    if isinstance(names, str):
        return next((t for t in tags if t.name == names), None)
    return next((t for t in tags if t.name in names), None)


_UNRESOLVABLE = re.compile(r"^(javascript|data|about|blob):", re.I)
_JSONLD_TYPE = re.compile(r"^\s*application/ld\+json", re.I)
_REFRESH = re.compile("^refresh$", re.I)

# urljoin(base, href) for the hrefs _base_free accepts, keyed by the base's (scheme, netloc) and
# the href: the same for every page of a site. Cleared when full, to bound memory on big crawls.
_JOINED: dict[tuple[tuple[str, str], str], str] = {}
_JOINED_MAX = 50_000


def _base_key(base: str) -> tuple[str, str] | None:
    """The parts of ``base`` that urljoin reads for an href that :func:`_base_free` accepts: its
    scheme and netloc, as urljoin parses them. None for an empty base (urljoin returns the href
    as it is) or one urljoin cannot parse (it raises for every href)."""
    if not base:
        return None
    try:
        parts = urlsplit(base)
    except ValueError:
        return None
    return parts.scheme, parts.netloc


def _base_free(href: str) -> bool:
    r"""Whether urljoin(base, href) depends on nothing of a (non-empty) base but its scheme and
    netloc, as CPython 3.11's urljoin code reads: a stripped href that is

    - root-relative ("/x", not "//x"): it has no scheme (it does not start with a letter), so it
      gets the base's; no netloc, so the base's; a path starting with "/" drops the base's path,
      and a path is there, so the base's params and query are never read. Dot segments, params
      (split or not by the scheme), query and fragment come from the href alone.
    - absolute with a scheme that urljoin does not resolve against (mailto:, tel:): returned as
      written, whatever the base's scheme.
    - absolute with a host ("HTTP://x/..."): returned as written when its (lowercased) scheme is
      not the base's, else rebuilt from its own parts. Not "http:x", "http:/x", "http:///x" or
      "http://?q": no host, so they resolve against the base's path.

    Tab and line breaks (which urlsplit deletes: "/\t/x" becomes "//x") send the href the long
    way, and so does anything else; urljoin's exceptions come from the href's host alone.
    tests/test_page_resolve.py compares the two on thousands of generated pairs."""
    if "\t" in href or "\n" in href or "\r" in href:
        return False
    if href[0] == "/":
        return href[1:2] != "/"
    colon = href.find(":")  # urlsplit's scheme: before the first colon, starting with an ASCII letter
    if colon <= 0 or not (href[0].isascii() and href[0].isalpha()) or href[:colon].strip(scheme_chars):
        return False
    scheme = href[:colon].lower()
    if scheme not in uses_relative:
        return True
    rest = href[colon + 1:]
    return scheme in uses_netloc and rest[:2] == "//" and rest[2:3] not in ("", "/", "?", "#")


def _matches(pattern: re.Pattern[str], value: object) -> bool:
    """An attribute value matching ``pattern`` as bs4's find_all(attr=pattern) matches it."""
    if isinstance(value, list):  # multi-valued attributes: any value, else all joined
        return any(pattern.search(v) for v in value) or (len(value) != 1 and bool(pattern.search(" ".join(value))))
    return isinstance(value, str) and pattern.search(value) is not None


def _rel(tag: Element) -> tuple[str, ...]:
    rel = tag.get("rel") or ()
    if isinstance(rel, str):
        rel = rel.split()
    return tuple(r.lower() for r in rel)


def _is_chrome(tag: Element) -> bool:
    if tag.name in CHROME_TAGS:
        return True
    if str(tag.get("role", "")).lower() in CHROME_ROLES:
        return True
    hint = " ".join([*(tag.get("class") or []), str(tag.get("id", ""))])
    return bool(hint and _CHROME_HINT.search(hint))


def _find_main(below: list[Element]) -> Element | None:
    """The main landmark among the elements of <body>: <main>, role=main, else a lone <article>."""
    main = _first(below, "main") or next((t for t in below if t.get("role") == "main"), None)
    if main is not None:
        return main
    articles = [t for t in below if t.name == "article"]
    if len(articles) == 1:
        return articles[0]
    return None
