"""Markdown content audited directly: front matter gives title and description, and every
finding's line is the line in the .md source (not in the rendered HTML)."""

from __future__ import annotations

import pytest

from seotool.markdown import number_html_block, render_markdown
from seotool.page import Page
from tests.reports.conftest import audit_folder, write_site

# Every line holding the word "cures" is a separate block of a different Markdown construct.
DOC = """---
title: "Ketamine: what to expect"
description: What happens before, during and after a session.
tags: [ketamine, guide]
---

# Ketamine cures nothing by itself

A paragraph that cures.
A second line of the same paragraph.

- a list item
- a list item that cures
  1. a nested item that cures

> a quote that cures

| Question | Answer |
|---|---|
| Does it work? | It cures, they say. |

```text
code that cures
```

    indented code that cures

<div class="callout">
  <p>raw html that cures</p>

  <p>more raw html
  that cures</p>
</div>

Last paragraph with a [link](other.md) that cures.
"""


def _page(text: str) -> Page:
    html, _, meta = render_markdown(text)
    return Page("doc.md", html, markdown=True, front_matter=meta)


def test_front_matter_gives_title_and_description():
    page = _page(DOC)
    assert page.title == "Ketamine: what to expect"
    assert page.description == "What happens before, during and after a session."
    assert page.front_matter["tags"] == ["ketamine", "guide"]
    assert "---" not in page.main_text and "tags:" not in page.main_text


def test_without_or_with_broken_front_matter():
    plain = _page("# Title\n\nBody.\n")
    assert plain.title is None and plain.blocks[0].line == 1
    broken = _page("---\ntitle: [unclosed\n---\n\nBody cures.\n")
    assert broken.front_matter == {}
    assert any("Body cures." in b.text and b.line == 5 for b in broken.blocks)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_block_lines_are_markdown_source_lines(newline):
    text = DOC.replace("\n", newline)
    page = _page(text)
    expected = {i for i, line in enumerate(DOC.split("\n"), start=1) if "cures" in line}
    # a block's line is where the block starts (the raw-HTML paragraph starts a line above "cures")
    expected = {i - 1 if DOC.split("\n")[i - 1].strip() == "that cures</p>" else i for i in expected}
    found = {b.line for b in page.blocks if "cures" in b.text}
    assert found == expected
    link = next(link for link in page.links if link.href == "other.md")
    assert link.line == max(expected)


def test_audit_of_a_markdown_file_reports_markdown_lines(tmp_path):
    result = audit_folder(write_site(tmp_path, {"docs/doc.md": DOC}))
    lines = sorted(f["line"] for f in result["findings"] if f["rule"] == "medical.test-absolute-claim")
    source = DOC.split("\n")
    assert lines and all("cures" in source[n - 1] or "cures" in source[n] for n in lines)
    assert result["pages"][0]["url"] == "docs/doc.md" and result["pages"][0]["title"] == "Ketamine: what to expect"
    assert not any(f["rule"] == "onpage.test-meta-description" for f in result["findings"])


def test_numbering_raw_html_is_robust():
    assert number_html_block('<p title="<b">x</p>', 7) == '<p data-md-line="7" title="<b">x</p>'
    assert number_html_block("<!-- <p> -->\n<br/>", 3) == '<!-- <p> -->\n<br data-md-line="4"/>'
    assert number_html_block("not html at all", 1) == "not html at all"
