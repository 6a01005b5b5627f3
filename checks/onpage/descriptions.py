"""<meta name="description">: present, a useful length for a search snippet, unique per page."""

from __future__ import annotations

from collections.abc import Iterator

from checks.onpage.duplicates_index import duplicate_groups
from checks.onpage.markup import doc
from checks.onpage.settings import settings
from checks.onpage.siteindex import live_only
from seotool.page import Page, clean_text
from seotool.rules import Example, Finding, Rule, Severity, Source
from seotool.site import Site

GOOGLE_SNIPPETS = Source("Google Search Central: meta descriptions",
                         "https://developers.google.com/search/docs/appearance/snippet")
ELEMENT = '<meta name="description">'


def _description(page: Page) -> str | None:
    return clean_text(page.description) if page.description is not None else None


@live_only
def check_missing(page: Page, site: Site) -> Iterator[Finding]:
    text = _description(page)
    if text is None:
        yield DESCRIPTION_MISSING.finding(page, "The page has no meta description.", element="<head>")
    elif not text:
        yield DESCRIPTION_MISSING.finding(page, "The page's meta description is empty.",
                                          element='<meta name="description" content="">')


@live_only
def check_length(page: Page, site: Site) -> Iterator[Finding]:
    text = _description(page)
    if not text:
        return
    cfg = settings(site)
    low, high = int(cfg["description_min_chars"]), int(cfg["description_max_chars"])
    n = len(text)
    if n < low:
        yield DESCRIPTION_LENGTH.finding(
            page, f"The meta description is only {n} characters (aim for {low}-{high}).", excerpt=text,
            element=ELEMENT, suggestion="Say in one or two sentences what the page offers and for whom.",
            data={"length": n, "min": low, "max": high},
        )
    elif n > high:
        yield DESCRIPTION_LENGTH.finding(
            page, f"The meta description is {n} characters; snippets are cut at about {high}.", excerpt=text,
            element=ELEMENT, suggestion=f"Keep the key message within the first {high} characters: "
                                        f"“{text[:high].rsplit(' ', 1)[0]} …”",
            data={"length": n, "min": low, "max": high},
        )


def check_duplicate(site: Site) -> Iterator[Finding]:
    for group in duplicate_groups(site, "description", _description):
        for page in group:
            others = sorted(p.url for p in group if p is not page)
            shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
            yield DESCRIPTION_DUPLICATE.finding(
                page, f"{len(group)} pages share this meta description: also {shown}.",
                excerpt=_description(page) or "", element=ELEMENT, key=",".join(others), data={"pages": others},
            )


_OK = "Blue Ridge Clinic offers ketamine therapy for chronic pain in Charlotte, NC. Learn what a first visit involves."

DESCRIPTION_MISSING = Rule(
    id="onpage.description-missing",
    title="Page has no meta description",
    severity=Severity.WARNING,
    what="Flags pages without a <meta name=\"description\"> (Markdown: `description` in the front matter), or with an empty one.",
    why="Search engines often use the meta description as the snippet under the title. Without one "
        "they pick a fragment of the page, which may not tell people why to click.",
    fix="Write a unique description of 70-160 characters that summarises the page for a patient.",
    bad=(Example.of(doc()), Example.of(doc(description=""))),
    good=(Example.of(doc(description=_OK)),),
    check=check_missing,
    source=GOOGLE_SNIPPETS,
)

DESCRIPTION_LENGTH = Rule(
    id="onpage.description-length",
    title="Meta description too short or too long",
    severity=Severity.NOTICE,
    what="Flags meta descriptions shorter than `description_min_chars` (70) or longer than "
         "`description_max_chars` (160) characters.",
    why="A very short description wastes the snippet; a long one is cut off mid-sentence.",
    fix="Rewrite it to 70-160 characters, with the key message first.",
    bad=(Example.of(doc(description="Ketamine therapy.")),
         Example.of(doc(description=_OK + " Our board-certified team explains every step, from screening and "
                                          "consent to aftercare, so you always know what comes next."))),
    good=(Example.of(doc(description=_OK)),),
    check=check_length,
    source=GOOGLE_SNIPPETS,
)

DESCRIPTION_DUPLICATE = Rule(
    id="onpage.description-duplicate",
    title="Meta description used by several pages",
    severity=Severity.NOTICE,
    what="Flags indexable pages whose meta descriptions are identical (ignoring case and spacing).",
    why="A description copied across pages describes none of them; search engines tend to ignore it.",
    fix="Write a description for each page that says what is specific to it.",
    bad=(Example(files={"index.html": doc(description=_OK, body='<h1>Home</h1><a href="pain.html">Pain</a>'),
                        "pain.html": doc(title="Pain Care", description=_OK, body="<h1>Pain</h1>")}),),
    good=(Example(files={"index.html": doc(description=_OK, body='<h1>Home</h1><a href="pain.html">Pain</a>'),
                         "pain.html": doc(title="Pain Care", body="<h1>Pain</h1>", description=(
                             "Chronic pain care at Blue Ridge Clinic: nerve blocks, infusions and physical "
                             "therapy, planned with you."))}),),
    check=check_duplicate,
    scope="site",
    source=GOOGLE_SNIPPETS,
)

RULES = (DESCRIPTION_MISSING, DESCRIPTION_LENGTH, DESCRIPTION_DUPLICATE)
