"""Images need an alt attribute: text for a meaningful image, empty for a decorative one."""

from __future__ import annotations

from collections.abc import Iterator

from checks.onpage.markup import doc
from checks.onpage.siteindex import live_only
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity, Source
from seotool.site import Site

W3C_ALT = Source("W3C WAI: an alt decision tree", "https://www.w3.org/WAI/tutorials/images/decision-tree/")
# role="presentation"/"none" marks an image as decorative as clearly as alt="" does.
_DECORATIVE_ROLES = {"presentation", "none"}


@live_only
def check_alt(page: Page, site: Site) -> Iterator[Finding]:
    for image in page.images:
        if image.alt is not None or (image.role or "").strip().lower() in _DECORATIVE_ROLES:
            continue
        name = image.src.rsplit("/", 1)[-1].split("?", 1)[0] or image.src
        yield IMAGE_ALT_MISSING.finding(
            page, f"The image {name} has no alt attribute." if name else "An image has no alt attribute.", excerpt=image.src, element=f'<img src="{image.src}">',
            line=image.line, key=image.src,
            suggestion='Describe what the image shows in alt="…"; use alt="" if it is purely decorative.',
        )


IMAGE_ALT_MISSING = Rule(
    id="onpage.image-alt-missing",
    title="Image without alt attribute",
    severity=Severity.WARNING,
    what="Flags <img> elements with no alt attribute at all. An empty alt=\"\" (or role=\"presentation\") "
         "marks a decorative image and is fine.",
    why="Screen readers read out the file name of an image without alt, and search engines use alt text "
        "to understand images and the page.",
    fix="Add alt text that says what the image shows (or alt=\"\" for decoration).",
    bad=(Example.of(doc(body='<h1>Our clinic</h1><img src="/img/waiting-room.jpg"><p>Our waiting room.</p>')),),
    good=(Example.of(doc(body='<h1>Our clinic</h1><img src="/img/waiting-room.jpg" alt="Waiting room with armchairs">'
                              '<img src="/img/divider.svg" alt=""><p>Our waiting room.</p>')),),
    check=check_alt,
    source=W3C_ALT,
)

RULES = (IMAGE_ALT_MISSING,)
