"""Headings: exactly one H1, and no levels skipped on the way down (h2 -> h4)."""

from __future__ import annotations

from collections.abc import Iterator

from checks.onpage.markup import doc
from checks.onpage.siteindex import is_markdown, live_only
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity, Source
from seotool.site import Site

W3C_HEADINGS = Source("W3C WAI tutorial: headings", "https://www.w3.org/WAI/tutorials/page-structure/headings/")


@live_only
def check_h1_missing(page: Page, site: Site) -> Iterator[Finding]:
    if page.h1s:
        return
    if is_markdown(page) and page.title:
        return  # the site's template renders the front-matter title as the page's H1
    first = page.headings[0] if page.headings else None
    yield H1_MISSING.finding(
        page, "The page has no H1 heading" + (f"; it starts at an h{first.level}." if first else "."),
        excerpt=first.text if first else "", element=f"<h{first.level}>" if first else "<body>",
        line=first.line if first else None,
        suggestion="Give the page one <h1> that names its topic, like the title does.",
    )


@live_only
def check_h1_multiple(page: Page, site: Site) -> Iterator[Finding]:
    h1s = page.h1s
    if len(h1s) < 2:
        return
    listed = "; ".join(f"“{h.text}”" for h in h1s[:5])
    for extra in h1s[1:]:
        yield H1_MULTIPLE.finding(
            page, f"The page has {len(h1s)} H1 headings ({listed}).", excerpt=extra.text, element="<h1>",
            line=extra.line, suggestion="Keep one H1 for the page's topic; make the others <h2>.",
        )


@live_only
def check_heading_skip(page: Page, site: Site) -> Iterator[Finding]:
    previous = None
    for heading in page.headings:
        if previous is not None and heading.level > previous.level + 1 and heading.in_main:
            want = previous.level + 1
            yield HEADING_SKIP.finding(
                page, f"Heading level skips from h{previous.level} (“{previous.text}”) to h{heading.level}.",
                excerpt=heading.text, element=f"<h{heading.level}>", line=heading.line,
                suggestion=f"Make this an <h{want}>, or add the missing level above it (use CSS for size).",
                data={"from": previous.level, "to": heading.level},
            )
        previous = heading


H1_MISSING = Rule(
    id="onpage.h1-missing",
    title="Page has no H1",
    severity=Severity.WARNING,
    what="Flags pages without an <h1>. A Markdown page with a front-matter title is taken to get its H1 "
         "from the site's template.",
    why="The H1 tells readers and search engines what the page is about; screen-reader users jump to it first.",
    fix="Add one <h1> at the top of the main content that names the page's topic.",
    bad=(Example.of(doc(body="<h2>Ketamine therapy</h2><p>How it works.</p>")),
         Example.of(doc(body="<p>How ketamine therapy works.</p>"))),
    good=(Example.of(doc(body="<h1>Ketamine therapy</h1><p>How it works.</p>")),),
    check=check_h1_missing,
    source=W3C_HEADINGS,
)

H1_MULTIPLE = Rule(
    id="onpage.h1-multiple",
    title="Page has more than one H1",
    severity=Severity.NOTICE,
    what="Flags pages with two or more <h1> elements (header and logo H1s count too).",
    why="Several H1s blur what the page is mainly about and confuse the outline screen readers announce.",
    fix="Keep one H1 for the page topic and turn the others into <h2> (or plain text for a logo).",
    bad=(Example.of(doc(body="<header><h1>Blue Ridge Clinic</h1></header><main><h1>Ketamine therapy</h1><p>How it works.</p></main>")),),
    good=(Example.of(doc(body="<header><p>Blue Ridge Clinic</p></header><main><h1>Ketamine therapy</h1><h2>How it works</h2></main>")),),
    check=check_h1_multiple,
    source=W3C_HEADINGS,
)

HEADING_SKIP = Rule(
    id="onpage.heading-skip",
    title="Heading level skipped",
    severity=Severity.NOTICE,
    what="Flags a main-content heading more than one level below the heading before it (h2 followed by "
         "h4). Going back up any number of levels is fine.",
    why="Headings form the page's outline; a skipped level suggests a missing section to screen-reader "
        "users and search engines, and usually means a heading was chosen for its size.",
    fix="Use the next level down (h2 -> h3) and change the size with CSS.",
    bad=(Example.of(doc(body="<h1>Ketamine therapy</h1><h2>Before treatment</h2><h4>What to bring</h4><p>ID.</p>")),),
    good=(Example.of(doc(body="<h1>Ketamine therapy</h1><h2>Before treatment</h2><h3>What to bring</h3>"
                              "<h2>After treatment</h2><footer><h4>Contact</h4></footer>")),),
    check=check_heading_skip,
    source=W3C_HEADINGS,
)

RULES = (H1_MISSING, H1_MULTIPLE, HEADING_SKIP)
