"""Markdown content rendered to HTML (CommonMark, via markdown-it-py), with front matter read for
title and description. Every block element carries ``data-md-line``, its line in the ``.md``
source, so findings point at the line an editor will change."""

from __future__ import annotations

import re
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
        if tok.map and tok.nesting == 1:
            tok.attrSet(LINE_ATTR, str(tok.map[0] + offset + 1))
    html = _MD.renderer.render(tokens, _MD.options, {})
    return html, None, meta
