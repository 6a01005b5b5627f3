"""Pages whose main content is the same as, or nearly the same as, another page's."""

from __future__ import annotations

from collections.abc import Iterator
from hashlib import blake2b

from checks.onpage.duplicates_index import duplicate_groups, indexable
from checks.onpage.markup import doc, words
from checks.onpage.settings import settings
from checks.onpage.shingles import NearDuplicateIndex, shingles, sketch
from checks.onpage.shingles import words as tokens
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity, Source
from seotool.site import Site

GOOGLE_DUPLICATES = Source("Google Search Central: duplicate content",
                           "https://developers.google.com/search/docs/crawling-indexing/canonicalization")
_EXCERPT_CHARS = 160


_HASH = "onpage.content_hash"


def _content_hash(site: Site, page: Page, words_: list[str] | None = None) -> str | None:
    """A hash of the main-content words, or None for pages too short to judge (once per page: both
    duplicate rules ask). ``words_``: the page's ``tokens(page.main_text)``, when known."""
    key = _HASH
    if key not in page.cache:
        if words_ is None:
            words_ = tokens(page.main_text)
        page.cache[key] = (None if len(words_) < int(settings(site)["duplicate_min_words"])
                           else blake2b(" ".join(words_).encode(), digest_size=16).hexdigest())
    return page.cache[key]


_SKETCH = "onpage.sketch"


def prepare_page(page: Page, site: Site) -> dict[str, object]:
    """What the duplicate rules need of one page, worked out where it is parsed (see
    ``Family.prepare_page``): its content hash and its near-duplicate sketch."""
    words_ = tokens(page.main_text)
    return {_HASH: _content_hash(site, page, words_), _SKETCH: sketch(shingles(words_))}


def _excerpt(page: Page, other: Page) -> str:
    """The first main-content paragraph the two pages share (else this page's first paragraph)."""
    theirs = {b.text for b in other.paragraphs}
    shared = next((b.text for b in page.paragraphs if b.text in theirs), None)
    text = shared or next((b.text for b in page.paragraphs), page.main_text)
    return text if len(text) <= _EXCERPT_CHARS else text[:_EXCERPT_CHARS].rsplit(" ", 1)[0] + " …"


def _names(pages: list[Page], limit: int = 5) -> str:
    shown = ", ".join(p.url for p in pages[:limit])
    return shown + (f" and {len(pages) - limit} more" if len(pages) > limit else "")


def check_exact(site: Site) -> Iterator[Finding]:
    for group in duplicate_groups(site, "content", lambda p: _content_hash(site, p)):
        for page in group:
            others = [p for p in group if p is not page]
            yield DUPLICATE_CONTENT.finding(
                page, f"The main content is identical to {_names(others)}.", excerpt=_excerpt(page, others[0]),
                key=",".join(sorted(p.url for p in others)), data={"pages": sorted(p.url for p in others)},
                suggestion="Keep one page: redirect the copies to it, or point their canonical at it.",
            )


def near_duplicates(site: Site) -> dict[int, list[tuple[Page, float]]]:
    """id(page) -> [(other page, Jaccard)], most similar first; exact duplicates left out."""
    cached = site.cache.get("onpage.near")
    if cached is not None:
        return cached
    threshold = float(settings(site)["near_duplicate_threshold"])
    index = NearDuplicateIndex()
    by_id: dict[int, Page] = {}
    hashes: dict[int, str] = {}
    for page in site.pages:
        prepared = page.cache.get(_SKETCH)
        words_ = tokens(page.main_text) if prepared is None else None
        digest = _content_hash(site, page, words_)
        if digest is None or not indexable(site, page):
            continue
        by_id[id(page)] = page
        hashes[id(page)] = digest
        index.add(id(page), page.main_text, words_, prepared)
    result: dict[int, list[tuple[Page, float]]] = {}
    for a, b, score in index.pairs(threshold):
        if hashes[a] == hashes[b]:
            continue  # identical: onpage.duplicate-content reports it
        result.setdefault(a, []).append((by_id[b], score))
        result.setdefault(b, []).append((by_id[a], score))
    for partners in result.values():
        partners.sort(key=lambda t: (-t[1], t[0].url))  # ties by URL: page order varies between crawls
    site.cache["onpage.near"] = result
    return result


def check_near(site: Site) -> Iterator[Finding]:
    found = near_duplicates(site)
    for page in site.pages:
        partners = found.get(id(page))
        if not partners:
            continue
        closest, score = partners[0]
        more = f" (and {len(partners) - 1} more page{'s' if len(partners) > 2 else ''})" if len(partners) > 1 else ""
        yield NEAR_DUPLICATE.finding(
            page, f"The main content is {score:.0%} the same as {closest.url}{more}.",
            excerpt=_excerpt(page, closest), key=closest.url, confidence="medium",
            data={"similar": [{"url": p.url, "similarity": round(s, 3)} for p, s in partners[:10]]},
            suggestion="Make each page say what is specific to it (its city, condition or service), or "
                       "merge them and point the copies' canonical at the one you keep.",
        )


_HOME = doc(body='<h1>Home</h1><ul><li><a href="a.html">A</a></li><li><a href="b.html">B</a></li></ul>')


def _page(title: str, text: str) -> str:
    return doc(title=title, body=f"<main><h1>{title}</h1><p>{text}</p></main>")


_BASE = words(200, "ketamine")
_EDITED = _BASE.replace("clinic", "office", 2)
_OTHER = words(200, "physical therapy")

DUPLICATE_CONTENT = Rule(
    id="onpage.duplicate-content",
    title="Duplicate page content",
    severity=Severity.WARNING,
    what="Flags indexable pages whose main-content text is identical word for word (case and spacing "
         "ignored) to another page's. Pages shorter than `duplicate_min_words` (30) are not compared.",
    why="Search engines list one copy and ignore the others, and may pick the wrong one; links to the "
        "copies are split between them.",
    fix="Keep one page and 301-redirect the others to it, or point the copies' canonical at it.",
    bad=(Example(files={"index.html": _HOME, "a.html": _page("Ketamine in Charlotte", _BASE),
                        "b.html": _page("Ketamine in Charlotte", _BASE)}),),
    good=(Example(files={"index.html": _HOME, "a.html": _page("Ketamine in Charlotte", _BASE),
                         "b.html": _page("Physical Therapy", _OTHER)}),
          Example(files={"index.html": _HOME, "a.html": _page("Ketamine in Charlotte", _BASE),
                         "b.html": _page("Ketamine in Charlotte", _BASE).replace(
                             "<head>", '<head><link rel="canonical" href="https://www.blueridgeclinic.com/a.html">')},
                  config={"site": {"url": "https://www.blueridgeclinic.com"}})),
    check=check_exact,
    scope="site",
    source=GOOGLE_DUPLICATES,
)

NEAR_DUPLICATE = Rule(
    id="onpage.near-duplicate",
    title="Near-duplicate pages",
    severity=Severity.WARNING,
    what="Flags indexable pages whose main content overlaps another page's by at least "
         "`near_duplicate_threshold` (0.85), measured as the Jaccard similarity of their 5-word "
         "shingles (exact copies are left to onpage.duplicate-content).",
    why="Templated pages that differ only in a city name or a few words look like doorway pages to "
        "search engines, which may rank none of them.",
    fix="Rewrite the pages so each has substantial content of its own, or merge them.",
    bad=(Example(files={"index.html": _HOME, "a.html": _page("Ketamine in Charlotte", _BASE),
                        "b.html": _page("Ketamine in Concord", _EDITED)}),),
    good=(Example(files={"index.html": _HOME, "a.html": _page("Ketamine in Charlotte", _BASE),
                         "b.html": _page("Physical Therapy", _OTHER)}),),
    check=check_near,
    scope="site",
    confidence="medium",
    source=GOOGLE_DUPLICATES,
)

RULES = (DUPLICATE_CONTENT, NEAR_DUPLICATE)
