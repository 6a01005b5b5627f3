"""<title>: present, short enough to show in full in search results, and unique per page."""

from __future__ import annotations

from collections.abc import Iterator

from checks.onpage.duplicates_index import duplicate_groups
from checks.onpage.markup import doc
from checks.onpage.settings import settings
from checks.onpage.siteindex import is_markdown, live_only
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity, Source
from seotool.site import Site

GOOGLE_TITLES = Source("Google Search Central: title links",
                       "https://developers.google.com/search/docs/appearance/title-link")


@live_only
def check_missing(page: Page, site: Site) -> Iterator[Finding]:
    if page.title is None and is_markdown(page) and page.h1s:
        return  # static-site generators title a Markdown page after its first heading
    if page.title is None:
        yield TITLE_MISSING.finding(page, "The page has no <title>.", element="<head>")
    elif not page.title.strip():
        yield TITLE_MISSING.finding(page, "The page's <title> is empty.", element="<title></title>",
                                    line=page.title_line)


@live_only
def check_too_long(page: Page, site: Site) -> Iterator[Finding]:
    limit = int(settings(site)["title_max_chars"])
    title = page.title or ""
    if len(title) > limit:
        shown = title[:limit].rsplit(" ", 1)[0]
        yield TITLE_TOO_LONG.finding(
            page, f"The title is {len(title)} characters; search results show about {limit}, so it will be cut.",
            excerpt=title, line=page.title_line, element="<title>",
            suggestion=f"Put the words that matter first; searchers would see about: “{shown} …”",
            data={"length": len(title), "limit": limit},
        )


def check_duplicate(site: Site) -> Iterator[Finding]:
    for group in duplicate_groups(site, "title", lambda p: p.title):
        for page in group:
            others = [p.url for p in group if p is not page]
            yield TITLE_DUPLICATE.finding(
                page, f"{len(group)} pages share this title: also {_names(others)}.",
                excerpt=page.title or "", line=page.title_line, element="<title>",
                key=",".join(sorted(others)), data={"pages": sorted(others)},
            )


def _names(urls: list[str], limit: int = 5) -> str:
    shown = ", ".join(urls[:limit])
    return shown + (f" and {len(urls) - limit} more" if len(urls) > limit else "")


TITLE_MISSING = Rule(
    id="onpage.title-missing",
    title="Page has no title",
    severity=Severity.ERROR,
    what="Flags pages without a <title> element, or with an empty one (Markdown pages: no `title` in the front matter and no heading to take it from).",
    why="The title is the clickable headline of a search result and the name of the browser tab. "
        "Without one, search engines make one up from the page, often badly.",
    fix="Add a unique, descriptive <title> of 30-60 characters that names the topic and the clinic.",
    bad=(Example.of(doc(title=None)), Example.of(doc(title=""))),
    good=(Example.of(doc(title="Ketamine Therapy for Chronic Pain | Blue Ridge Clinic")),),
    check=check_missing,
    source=GOOGLE_TITLES,
)

TITLE_TOO_LONG = Rule(
    id="onpage.title-too-long",
    title="Title too long for search results",
    severity=Severity.WARNING,
    what="Flags titles longer than `title_max_chars` (default 60) characters.",
    why="Search results show roughly the first 60 characters of a title; the rest is cut off, so the "
        "words at the end never reach the reader.",
    fix="Shorten the title and put the topic first; keep the clinic name short or at the end.",
    bad=(Example.of(doc(title="Ketamine Therapy for Chronic Pain, Depression and Anxiety | Blue Ridge Pain & Wellness Clinic of Charlotte")),),
    good=(Example.of(doc(title="Ketamine Therapy for Chronic Pain | Blue Ridge Clinic")),),
    check=check_too_long,
    source=GOOGLE_TITLES,
)

TITLE_DUPLICATE = Rule(
    id="onpage.title-duplicate",
    title="Title used by several pages",
    severity=Severity.WARNING,
    what="Flags indexable pages whose titles are identical (ignoring case and spacing). Pages that name "
         "another page as canonical, and noindex pages, are left out.",
    why="Identical titles make pages look interchangeable to search engines and to people choosing a "
        "result; one of them may be dropped from results.",
    fix="Give each page a title that says what is different about it.",
    bad=(Example(files={"index.html": doc(title="Blue Ridge Clinic", body='<h1>Home</h1><a href="services.html">Services</a>'),
                        "services.html": doc(title="Blue Ridge Clinic", body="<h1>Services</h1>")}),),
    good=(Example(files={"index.html": doc(title="Blue Ridge Clinic | Pain Care in Charlotte", body='<h1>Home</h1><a href="services.html">Services</a>'),
                         "services.html": doc(title="Services | Blue Ridge Clinic", body="<h1>Services</h1>")}),),
    check=check_duplicate,
    scope="site",
    source=GOOGLE_TITLES,
)

RULES = (TITLE_MISSING, TITLE_TOO_LONG, TITLE_DUPLICATE)
