"""A small, fixed set of rules for the report tests.

The report tests need findings of several families, severities and shapes (with and without a
line, with a context paragraph, with a source) that do not change when the real check families
are tuned. These rules are simple but real: they run through the real runner, suppressions,
fingerprints and result builder, on pages gathered from disk or over HTTP."""

from __future__ import annotations

import re
from collections.abc import Iterator

from seotool.page import Page
from seotool.registry import Family, Registry
from seotool.rules import Example, Finding, Rule, Severity, Source
from seotool.site import Site

_CLAIM = re.compile(r"\b(cures?|guaranteed?|100% (?:safe|effective))\b", re.I)
CDC = Source("CDC", "https://www.cdc.gov/")


def _claims(page: Page, site: Site) -> Iterator[Finding]:
    for block in page.paragraphs:
        for m in _CLAIM.finditer(block.text):
            yield CLAIM.finding(page, f"Absolute claim: “{m.group(0)}”", excerpt=m.group(0), block=block,
                                suggestion="Say what the treatment can do for most patients, not that it always works.")


def _long_sentences(page: Page, site: Site) -> Iterator[Finding]:
    for block in page.paragraphs:
        for sentence in re.split(r"(?<=[.!?])\s+", block.text):
            words = sentence.split()
            if len(words) > 30:
                yield LONG.finding(page, f"Sentence of {len(words)} words (aim for 25 or fewer)",
                                   excerpt=sentence, block=block, suggestion="Split it into two sentences.")


def _description(page: Page, site: Site) -> Iterator[Finding]:
    if not page.description:
        yield DESCRIPTION.finding(page, "The page has no meta description", line=page.title_line)


def _orphans(site: Site) -> Iterator[Finding]:
    linked = {link.url.split("#")[0] for p in site.pages for link in p.links if link.url}
    for page in site.pages:
        if len(site.pages) > 1 and page.final_url not in linked and not page.final_url.endswith(("/", "index.html")):
            yield ORPHAN.finding(page, "No other page links here")


def _grade(page: Page, site: Site) -> dict:
    words = sum(len(b.text.split()) for b in page.paragraphs)
    sentences = max(1, sum(len(re.findall(r"[.!?](\s|$)", b.text)) or 1 for b in page.paragraphs))
    return {"grade": round(0.39 * words / sentences + 2.0, 1), "words": words}


CLAIM = Rule(
    id="medical.test-absolute-claim", title="Absolute treatment claim", severity=Severity.ERROR,
    what="Flags promises that a treatment always works.", why="No treatment works for everyone; such claims mislead patients.",
    fix="Describe typical outcomes and cite evidence.", bad=(Example.of("<p>Ketamine cures depression.</p>"),),
    good=(Example.of("<p>Ketamine helps many people with depression.</p>"),), check=_claims, confidence="medium",
    source=CDC)
LONG = Rule(
    id="readability.test-long-sentence", title="Long sentence", severity=Severity.WARNING,
    what="Flags sentences over 30 words.", why="Long sentences are hard to follow.", fix="Split long sentences.",
    bad=(Example.of("<p>" + "word " * 40 + ".</p>"),), good=(Example.of("<p>Short.</p>"),), check=_long_sentences)
DESCRIPTION = Rule(
    id="onpage.test-meta-description", title="Missing meta description", severity=Severity.NOTICE,
    what="Flags pages without a meta description.", why="Search results show it under the title.",
    fix="Add a <meta name=\"description\"> of one or two sentences.", bad=(Example.of("<p>x</p>"),),
    good=(Example.of('<meta name="description" content="x"><p>x</p>'),), check=_description)
ORPHAN = Rule(
    id="links.test-orphan-page", title="Orphan page", severity=Severity.WARNING, scope="site",
    what="Flags pages no other page links to.", why="Visitors and search engines cannot find them.",
    fix="Link to the page from a related page.", bad=(Example.of({"index.html": "x", "a.html": "y"}),),
    good=(Example.of({"index.html": "<a href='a.html'>a</a>", "a.html": "y"}),), check=_orphans)

RULES = (CLAIM, LONG, DESCRIPTION, ORPHAN)


def fixture_registry() -> Registry:
    fams = [
        Family("medical", (CLAIM,)),
        Family("readability", (LONG,), page_metrics=_grade),
        Family("links", (ORPHAN,)),
        Family("local", ()),
        Family("onpage", (DESCRIPTION,)),
    ]
    return Registry(fams)
