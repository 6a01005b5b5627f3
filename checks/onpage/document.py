"""Document-level markup every page needs: a language and a mobile viewport."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.onpage.markup import doc
from checks.onpage.siteindex import is_markdown, live_only
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity, Source
from seotool.site import Site

# BCP 47 in its common shapes: "en", "en-US", "es-419", "zh-Hant-TW".
_LANG = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$")


@live_only
def check_lang(page: Page, site: Site) -> Iterator[Finding]:
    if is_markdown(page):
        return
    lang = (page.lang or "").strip()
    if not lang:
        yield LANG_MISSING.finding(page, "The <html> element has no lang attribute.",
                                   element="<html>", suggestion='Use <html lang="en"> (or the page\'s language).')
    elif not _LANG.match(lang):
        yield LANG_MISSING.finding(page, f"lang=\"{lang}\" is not a valid language code.", excerpt=lang,
                                   element=f'<html lang="{lang}">', suggestion='Use a BCP 47 code such as "en" or "en-US".')


@live_only
def check_viewport(page: Page, site: Site) -> Iterator[Finding]:
    if is_markdown(page):
        return
    values = [v for v in page.meta.get("viewport", []) if v.strip()]
    if not values:
        yield VIEWPORT_MISSING.finding(
            page, "The page has no viewport meta tag, so phones show it zoomed out at desktop width.",
            element="<head>", suggestion='Add <meta name="viewport" content="width=device-width, initial-scale=1">.',
        )


LANG_MISSING = Rule(
    id="onpage.lang-missing",
    title="Page language not declared",
    severity=Severity.WARNING,
    what="Flags HTML pages whose <html> has no lang attribute, or one that is not a language code. "
         "Markdown sources are skipped (their template writes <html>).",
    why="Screen readers pick their pronunciation from lang, browsers offer translation from it, and "
        "search engines use it to serve the page to people searching in that language.",
    fix="Set <html lang=\"en\"> (or \"es\", \"en-US\", ...) in the site template.",
    bad=(Example.of(doc(lang=None)), Example.of(doc(lang="english"))),
    good=(Example.of(doc(lang="en-US")),),
    check=check_lang,
    source=Source("W3C: declaring language in HTML", "https://www.w3.org/International/questions/qa-html-language-declarations"),
)

VIEWPORT_MISSING = Rule(
    id="onpage.viewport-missing",
    title="No mobile viewport",
    severity=Severity.WARNING,
    what="Flags HTML pages without <meta name=\"viewport\">. Markdown sources are skipped.",
    why="Google indexes the mobile version of pages; without a viewport, phones render the page at "
        "desktop width and most patients search on phones.",
    fix="Add <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"> to the template's <head>.",
    bad=(Example.of(doc().replace('<meta name="viewport" content="width=device-width, initial-scale=1">', "")),),
    good=(Example.of(doc()),),
    check=check_viewport,
    source=Source("Google Search Central: mobile-first indexing best practices",
                  "https://developers.google.com/search/docs/crawling-indexing/mobile/mobile-sites-mobile-first-indexing"),
)

RULES = (LANG_MISSING, VIEWPORT_MISSING)
