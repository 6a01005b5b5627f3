"""Link text must say where the link goes: "click here" and "read more" say nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from checks.onpage.markup import doc
from checks.onpage.settings import settings
from checks.onpage.siteindex import live_only, page_at
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity, Source
from seotool.site import Site

DATA = Path(__file__).with_name("data") / "generic_link_text.txt"
# Punctuation, arrows and ellipses around the words: "Read more »", "Learn more →", "here."
_EDGES = re.compile(r"^[\W_]+|[\W_]+$", re.UNICODE)


@cache
def builtin_phrases() -> frozenset[str]:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return frozenset(normalise(line) for line in lines if line.strip() and not line.lstrip().startswith("#"))


@lru_cache(maxsize=65536)  # navigation and footer link texts repeat on every page
def normalise(text: str) -> str:
    return _EDGES.sub("", " ".join(text.split()).lower())


def _phrases(site: Site) -> frozenset[str]:
    phrases = site.cache.get("onpage.generic_phrases")
    if phrases is None:
        phrases = site.cache["onpage.generic_phrases"] = builtin_phrases() | {
            normalise(p) for p in settings(site)["generic_link_text"]}
    return phrases


@live_only
def check_generic(page: Page, site: Site) -> Iterator[Finding]:
    phrases = _phrases(site)
    for link in page.links:
        if link.tag not in ("a", "area") or link.attr != "href" or not link.url:
            continue
        if link.href.strip().startswith("#"):
            continue  # in-page controls (tabs, "back to top") are not navigation to content
        if normalise(link.text) not in phrases:
            continue
        yield GENERIC_LINK_TEXT.finding(
            page, f"The link text “{link.text}” does not say where the link goes.", excerpt=link.text,
            element=link.element, line=link.line, section=link.section, key=link.href,
            suggestion=_suggest(site, link.url, link.section),
        )


def _suggest(site: Site, url: str, section: str) -> str:
    target = page_at(site, url)
    topic = ""
    if target is not None:
        topic = (target.h1s[0].text if target.h1s else "") or (target.title or "").split("|")[0].strip()
    if not topic and section:
        topic = section.rsplit(" > ", 1)[-1]
    if topic:
        return f"Name the destination in the link, e.g. “Read more about {topic}” or “{topic}”."
    return "Name the destination in the link text, e.g. “Ketamine therapy: what to expect”."


GENERIC_LINK_TEXT = Rule(
    id="onpage.generic-link-text",
    title="Generic link text",
    severity=Severity.NOTICE,
    what="Flags links whose whole text is a generic phrase such as “click here”, “read more”, “learn "
         "more” or “here” (list in checks/onpage/data/generic_link_text.txt, plus `generic_link_text`).",
    why="Search engines use link text to learn what the target page is about, and screen-reader users "
        "often browse a list of links out of context, where “read more” says nothing.",
    fix="Use the destination's topic as the link text (“Read more about ketamine therapy”).",
    bad=(Example.of(doc(body='<h1>Services</h1><p>Ketamine therapy may help. <a href="/ketamine/">Click here</a>.</p>')),
         Example.of(doc(body='<h1>Services</h1><h2>Nerve blocks</h2><p>A short procedure. <a href="/nerve-blocks/">Read more »</a></p>'))),
    good=(Example.of(doc(body='<h1>Services</h1><p><a href="/ketamine/">Read more about ketamine therapy</a>. '
                              'We are <a href="/about/">here for you</a>.</p>')),),
    check=check_generic,
    source=Source("Google Search Central: write good anchor text",
                  "https://developers.google.com/search/docs/crawling-indexing/links-crawlable#anchor-text-placement"),
)

RULES = (GENERIC_LINK_TEXT,)
