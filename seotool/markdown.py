"""Markdown content rendered to HTML (CommonMark, via markdown-it-py), with front matter read for
title and description. Every block element carries ``data-md-line``, its line in the ``.md``
source, so findings point at the line an editor will change. That includes fenced code and the
elements inside raw HTML blocks, whose start tags are numbered line by line."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import frontmatter
from markdown_it import MarkdownIt

_MD = MarkdownIt("commonmark", {"html": True}).enable("table")
_FENCE = re.compile(r"\A---[ \t]*\r?\n.*?^(---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)
LINE_ATTR = "data-md-line"


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """(metadata, body, lines before the body). Malformed front matter is treated as text."""
    m = _FENCE.match(text)
    if not m:
        return {}, text, 0
    try:
        meta = dict(frontmatter.loads(text).metadata)
    except Exception:  # noqa: BLE001 - bad YAML: audit the file as plain Markdown
        return {}, text, 0
    return meta, text[m.end():], text.count("\n", 0, m.end())


def render_markdown(text: str) -> tuple[str, None, dict[str, Any]]:
    """Returns (html, None, front_matter); lines are carried by ``data-md-line`` attributes."""
    meta, body, offset = split_front_matter(text)
    tokens = _MD.parse(body)
    for tok in tokens:
        if tok.map and (tok.nesting == 1 or tok.type == "code_block"):
            tok.attrSet(LINE_ATTR, str(tok.map[0] + offset + 1))
    html = _MD.renderer.render(tokens, _MD.options, {"line_offset": offset})
    return html, None, meta


class _StartTags(HTMLParser):
    """Positions (line, column) of the start tags in a fragment of raw HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        line, col = self.getpos()
        self.found.append((line, col, tag))

    handle_startendtag = handle_starttag


def number_html_block(content: str, first_line: int) -> str:
    """``content`` with ``data-md-line`` added to each start tag, counted from ``first_line``."""
    parser = _StartTags()
    try:
        parser.feed(content)
        parser.close()
    except Exception:  # noqa: BLE001 - odd markup: leave it unnumbered rather than fail
        return content
    lines = content.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    out = content
    for line, col, tag in reversed(parser.found):
        pos = starts[line - 1] + col + 1 + len(tag)  # just after "<tag"
        if out[pos - len(tag):pos].lower() != tag or LINE_ATTR in out[pos:out.find(">", pos)]:
            continue
        out = f'{out[:pos]} {LINE_ATTR}="{first_line + line - 1}"{out[pos:]}'
    return out


_default_fence = _MD.renderer.rules["fence"]


def _fence(renderer: Any, tokens: list, idx: int, options: Any, env: dict[str, Any]) -> str:
    html = _default_fence(tokens, idx, options, env)
    tok = tokens[idx]
    if tok.map and html.startswith("<pre"):
        # the code's first line, one below the opening ``` fence
        html = f'<pre {LINE_ATTR}="{tok.map[0] + env.get("line_offset", 0) + 2}"' + html[4:]
    return html


def _html_block(renderer: Any, tokens: list, idx: int, options: Any, env: dict[str, Any]) -> str:
    tok = tokens[idx]
    if not tok.map:
        return tok.content
    return number_html_block(tok.content, tok.map[0] + env.get("line_offset", 0) + 1)


_MD.add_render_rule("fence", _fence)
_MD.add_render_rule("html_block", _html_block)
