"""Thin content: article pages with too little main-content text to answer a patient's question."""

from __future__ import annotations

from collections.abc import Iterator

from checks.onpage.articles import article_kind
from checks.onpage.markup import doc, words
from checks.onpage.settings import settings
from checks.onpage.siteindex import live_only
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity, Source
from seotool.site import Site


@live_only
def check_thin(page: Page, site: Site) -> Iterator[Finding]:
    minimum = int(settings(site)["thin_content_min_words"])
    if page.word_count >= minimum or article_kind(site, page) is not None:
        return
    heading = page.h1s[0] if page.h1s else None
    label = heading.text if heading else (page.title or "")
    yield THIN_CONTENT.finding(
        page, f"Only {page.word_count} words of main content; article pages should have at least {minimum}.",
        excerpt=label, element="<h1>" if heading else ("<title>" if page.title else ""),
        line=heading.line if heading else page.title_line,
        suggestion="Answer the questions patients ask about this topic (who it is for, what happens, risks, "
                   "cost, next steps), or merge the page into a fuller one.",
        data={"words": page.word_count, "min_words": minimum},
    )


def _article(n: int) -> str:
    return doc(title="Ketamine Therapy for Chronic Pain | Blue Ridge Clinic",
               body=f"<main><h1>Ketamine therapy for chronic pain</h1><p>{words(n)}</p></main>")


THIN_CONTENT = Rule(
    id="onpage.thin-content",
    title="Thin content",
    severity=Severity.WARNING,
    what="Flags article pages with fewer than `thin_content_min_words` (300) words of main content "
         "(headings, navigation, header and footer not counted). Article pages are all indexable pages "
         "except the home page, utility pages (contact, privacy, appointments, ...: `non_article_slugs`, "
         "or JSON-LD ContactPage/CollectionPage/...), and hub pages that are mostly links.",
    why="Search engines rank pages that answer a question fully; a short page on a treatment or "
        "condition rarely ranks and gives patients too little to decide on.",
    fix="Expand the page with what patients need to know, or merge it into a related page and redirect.",
    bad=(Example(files={"index.html": doc(body='<h1>Home</h1><a href="ketamine.html">Ketamine</a>'),
                        "ketamine.html": _article(120)}),),
    good=(Example(files={"index.html": doc(body='<h1>Home</h1><a href="ketamine.html">Ketamine</a>'),
                         "ketamine.html": _article(340),
                         "contact.html": doc(body="<h1>Contact us</h1><p>Call 704-555-0100.</p>")}),),
    check=check_thin,
    source=Source("Google Search Central: creating helpful, reliable, people-first content",
                  "https://developers.google.com/search/docs/fundamentals/creating-helpful-content"),
)

RULES = (THIN_CONTENT,)
