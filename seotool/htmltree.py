"""A light document tree built from ``html.parser`` events: elements with their attributes and
source line, and the strings between them.

It builds the same tree as BeautifulSoup's "html.parser" tree builder (which ``Page`` used
before, at about three times the cost): the same nesting (no implied end tags; an end tag closes
the most recent open element of its name and is ignored when none is open; void elements never
hold children), the same strings (character references decoded with bs4's own tables, runs of
ASCII whitespace outside <pre>/<textarea> reduced to one space or newline, comments, doctypes,
CDATA and processing instructions kept as their own string classes), the same attribute values
(valueless = "", a repeated attribute keeps its last value, multi-valued attributes such as
class and rel split into lists) and the same source lines (the line of each start tag's "<").
tests/test_htmltree.py compares the two on every test document.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from html.entities import html5
from html.parser import HTMLParser


class MarkupRejected(ValueError):
    """html.parser gave up on the markup (e.g. an unknown ``<![keyword[`` marked section)."""


# Strings other than plain text (plain text is a plain ``str``), named after bs4's classes.
class Comment(str):
    __slots__ = ()


class CData(str):
    __slots__ = ()


class Doctype(str):
    __slots__ = ()


class Declaration(str):
    __slots__ = ()


class ProcessingInstruction(str):
    __slots__ = ()


class Script(str):
    __slots__ = ()


class Stylesheet(str):
    __slots__ = ()


class TemplateString(str):
    __slots__ = ()


class RubyTextString(str):
    __slots__ = ()


class RubyParenthesisString(str):
    __slots__ = ()


# Text directly or indirectly inside these elements gets their string class (innermost wins).
STRING_CONTAINERS: dict[str, type[str]] = {
    "rt": RubyTextString, "rp": RubyParenthesisString, "style": Stylesheet, "script": Script, "template": TemplateString,
}
VOID_ELEMENTS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "menuitem", "meta", "param",
    "source", "track", "wbr", "basefont", "bgsound", "command", "frame", "image", "isindex", "nextid", "spacer",
})
PRESERVE_WHITESPACE = frozenset({"pre", "textarea"})
_SPECIAL = VOID_ELEMENTS | PRESERVE_WHITESPACE | STRING_CONTAINERS.keys()
_LIST_ATTRS_ANY = ("class", "accesskey", "dropzone")
_LIST_ATTRS_TAG = {
    "a": ("rel", "rev"), "link": ("rel", "rev"), "td": ("headers",), "th": ("headers",), "form": ("accept-charset",),
    "object": ("archive",), "area": ("rel",), "icon": ("sizes",), "iframe": ("sandbox",), "output": ("for",),
}
# Attributes that hold a whitespace-separated list (bs4 gives them as lists), per element name;
# other elements: _LIST_ATTRS_ANY.
LIST_ATTRIBUTES: dict[str, tuple[str, ...]] = {name: _LIST_ATTRS_ANY + attrs for name, attrs in _LIST_ATTRS_TAG.items()}
_ASCII_SPACES = "\x20\x0a\x09\x0c\x0d"


def _entity_table() -> dict[str, str]:
    """Entity name (no ";") -> text, as bs4's ``EntitySubstitution.HTML_ENTITY_TO_CHARACTER``
    builds it from the HTML5 list: names in sorted order, the first spelling of a name wins.
    Built here rather than imported: importing bs4 costs every audit ~45 ms at start-up."""
    table: dict[str, str] = {}
    for name, text in sorted(html5.items()):
        table.setdefault(name.removesuffix(";"), text)
    return table


_ENTITIES = _entity_table()


def numeric_reference(number: int) -> str:
    """The character "&#<number>;" stands for, as bs4's ``UnicodeDammit.numeric_character_reference``
    (the HTML spec's numeric character reference end state) decides it: U+FFFD for 0, surrogates
    and numbers past U+10FFFF; a C1 control number that Windows-1252 uses for a character is
    read as that character ("&#150;" is an en dash)."""
    if number == 0 or number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        return "\ufffd"
    if 0x80 <= number <= 0x9F:
        try:
            return bytes((number,)).decode("cp1252")
        except UnicodeDecodeError:  # the five numbers Windows-1252 leaves unassigned
            pass
    return chr(number)

# The string classes an element's text is made of: its container class, else text and CDATA.
_MAIN_TEXT = (str, CData)


class Element:
    """One element. ``index`` is its position in ``Document.elements`` (document order) and
    ``end`` the position just after its last descendant element, so the elements below it are
    ``elements[index + 1:end]``."""

    __slots__ = ("name", "attrs", "children", "parent", "line", "index", "end")

    def __init__(self, name: str, attrs: dict[str, str | list[str]], parent: Element | None, line: int | None,
                 index: int) -> None:
        self.name = name
        self.attrs = attrs
        self.children: list[Element | str] = []
        self.parent = parent
        self.line = line
        self.index = index
        self.end = index + 1

    def get(self, key: str, default: str | list[str] | None = None) -> str | list[str] | None:
        return self.attrs.get(key, default)

    def __repr__(self) -> str:
        return f"<{self.name} line={self.line}>"

    def descendants(self) -> Iterator[Element | str]:
        """Every node below this one, in document order."""
        for child in self.children:
            yield child
            if type(child) is Element:
                yield from child.descendants()

    def get_text(self) -> str:
        """The element's text as bs4's ``get_text()`` gives it: the strings below it of its own
        kind (a <script>'s script text; elsewhere plain text and CDATA, not comments etc.)."""
        container = STRING_CONTAINERS.get(self.name)
        kinds = (container,) if container else _MAIN_TEXT
        return "".join([s for s in self.descendants() if type(s) in kinds])

    @property
    def string(self) -> str | None:
        """The only string inside, looking through single-child elements (bs4's ``.string``)."""
        if len(self.children) != 1:
            return None
        child = self.children[0]
        return child.string if type(child) is Element else child


class Document:
    """The parse result: ``root`` (an element named "[document]", as in bs4, holding the
    top-level nodes) and every element in document order."""

    __slots__ = ("root", "elements")

    def __init__(self, root: Element, elements: list[Element]) -> None:
        self.root = root
        self.elements = elements

    def below(self, element: Element) -> list[Element]:
        """The elements under ``element`` in document order."""
        return self.elements[element.index + 1:element.end]


def parse(html: str) -> Document:
    """Parse ``html`` into a ``Document``. Raises ``MarkupRejected`` where html.parser gives up."""
    builder = _TreeBuilder()
    try:
        builder.feed(html)
        builder.close()
    except AssertionError as exc:  # html.parser's way of refusing markup
        raise MarkupRejected(str(exc)) from None
    return builder.finish()


class _TreeBuilder(HTMLParser):
    """Mirrors bs4's BeautifulSoupHTMLParser + BeautifulSoup tree building for html.parser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # bs4 decodes references itself (see above)
        self.root = Element("[document]", {}, None, None, -1)
        self.elements: list[Element] = []
        self.stack: list[Element] = [self.root]
        self.current = self.root
        self.open_names: defaultdict[str, int] = defaultdict(int)
        self.data: list[str] = []
        # void elements closed at their start tag: a later </br> etc. is dropped, once each
        self.closed_void: list[str] = []
        self.containers: list[Element] = []  # open STRING_CONTAINERS elements
        self.preserving: list[Element] = []  # open <pre>/<textarea>

    # -- tags --------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]], void_check: bool = True) -> None:
        if self.data:
            self._end_data(None)
        values: dict[str, str | list[str]] = dict(attrs)  # type: ignore[arg-type]  # repeated: last value
        if values:
            if None in values.values():
                values = {k: "" if v is None else v for k, v in values.items()}
            for key in LIST_ATTRIBUTES.get(tag, _LIST_ATTRS_ANY):
                if key in values:
                    values[key] = values[key].split()  # type: ignore[union-attr]  # str here
        el = Element(tag, values, self.current, self.lineno, len(self.elements))
        self.elements.append(el)
        self.current.children.append(el)
        self.stack.append(el)
        self.current = el
        self.open_names[tag] += 1
        if tag in _SPECIAL:  # one lookup for the rare cases
            if tag in PRESERVE_WHITESPACE:
                self.preserving.append(el)
            if tag in STRING_CONTAINERS:
                self.containers.append(el)
            if void_check and tag in VOID_ELEMENTS:
                self._pop_to(tag)
                self.closed_void.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # "<x/>": opened and closed here, so it does not cancel a later stray </x>
        self.handle_starttag(tag, attrs, void_check=False)
        if self.data:
            self._end_data(None)
        self._pop_to(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.closed_void:
            self.closed_void.remove(tag)  # "</br>" after "<br>": already closed
            return
        if self.data:
            self._end_data(None)
        self._pop_to(tag)

    def _pop_to(self, name: str) -> None:
        """Close the most recent open element called ``name`` and everything opened after it;
        nothing when none is open."""
        if not self.open_names.get(name):
            return
        while True:
            el = self.stack.pop()
            self.open_names[el.name] -= 1
            el.end = len(self.elements)
            if self.preserving and self.preserving[-1] is el:
                self.preserving.pop()
            if self.containers and self.containers[-1] is el:
                self.containers.pop()
            self.current = self.stack[-1]
            if el.name == name:
                return

    # -- strings -----------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        self.data.append(data)

    def handle_charref(self, name: str) -> None:
        self.data.extend(_numeric_reference(name))

    def handle_entityref(self, name: str) -> None:
        char = _ENTITIES.get(name)
        self.data.append("&" + name if char is None else char)  # unknown: the text as written

    def handle_comment(self, data: str) -> None:
        self._special(data, Comment)

    def handle_decl(self, decl: str) -> None:
        self._special(decl[len("DOCTYPE "):], Doctype)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            # "<![foo[...]]>" with an unknown keyword: html.parser (and so bs4) gives up on the
            # whole document; browsers read it as a bogus comment, and so do we.
            return self.parse_bogus_comment(i, report)

    def unknown_decl(self, data: str) -> None:
        if data.upper().startswith("CDATA["):
            self._special(data[len("CDATA["):], CData)
        else:
            self._special(data, Declaration)

    def handle_pi(self, data: str) -> None:
        self._special(data, ProcessingInstruction)

    def _special(self, data: str, kind: type[str]) -> None:
        if self.data:
            self._end_data(None)
        self.data.append(data)
        self._end_data(kind)

    def _end_data(self, kind: type[str] | None) -> None:
        """Turn the text gathered since the last tag into one string node."""
        text = "".join(self.data)
        self.data = []
        if not self.preserving and not text.strip(_ASCII_SPACES):
            text = "\n" if "\n" in text else " "
        if kind is None:
            kind = STRING_CONTAINERS[self.containers[-1].name] if self.containers else str
        self.current.children.append(text if kind is str else kind(text))

    def finish(self) -> Document:
        if self.data:
            self._end_data(None)
        while len(self.stack) > 1:
            self._pop_to(self.stack[-1].name)
        self.root.end = len(self.elements)
        return Document(self.root, self.elements)


def _numeric_reference(name: str) -> tuple[str, str]:
    """(character, following text) for "&#<name>" as bs4 reads it: the leading number is the
    reference and anything after it is text."""
    digits, base, pattern = (name[1:], 16, _HEX) if name[:1] in ("x", "X") else (name, 10, _DECIMAL)
    try:
        number, rest = int(digits, base), ""
    except ValueError:
        match = pattern.search(digits)
        if match is None:
            return "", name
        number, rest = int(match.group(1), base), match.group(2)
    return numeric_reference(number), rest


_DECIMAL = re.compile("^([0-9]+)(.*)")
_HEX = re.compile("^([0-9a-f]+)(.*)")
