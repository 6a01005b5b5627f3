"""Which page is which, for local SEO, and page text joined into regions.

- Home page: the site root (``/``) or the top-level ``index.html`` / ``index.htm`` / ``index.md``.
- Contact page: a URL path segment that is "contact", "contact-us", "contactus", "contact-info",
  "contact-page" or "get-in-touch" (``/contact/``, ``contact-us.html``), or a title or H1 that begins
  with "Contact" followed by nothing, a separator, "us"/"our"/"the", or a capitalised name ("Contact
  Us", "Contact | Acme", "Contact Acme Clinic"); "Contact lenses for dry eyes" is not one.
- Service or condition page (see :func:`is_service_page`): a URL path segment listed in
  ``data/service_page_segments.txt`` or in ``[local] service_page_segments`` (``/services/x``,
  ``/conditions/y.html``); or Markdown front matter ``type``/``layout``/``category`` of service,
  condition or treatment; or a configured ``[clinic] services`` entry in the URL slug or the H1
  (outside the clinic's own name: "About Shoal Creek Dermatology" is no dermatology service page).
  The home and contact pages are never service pages.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from checks.local import vocab
from seotool.page import Block, Page
from seotool.site import Site

_HOME_PATHS = {"", "/", "/index.html", "/index.htm", "/index.md", "/index.markdown"}
_FRONT_MATTER_KINDS = {"service", "services", "condition", "conditions", "treatment", "treatments"}


def path_of(page: Page) -> str:
    return unquote(urlsplit(page.final_url).path)


def segments(page: Page) -> list[str]:
    """Lower-cased URL path segments without file extensions: '/services/ketamine.html' ->
    ['services', 'ketamine']."""
    return [re.sub(r"\.(html?|md|markdown|php|aspx?)$", "", s.lower()) for s in path_of(page).split("/") if s]


def is_home(page: Page) -> bool:
    return path_of(page) in _HOME_PATHS


_CONTACT_SEGMENT = re.compile(r"^(contact|contacts|contact[-_]?us|contact[-_]?info|contact[-_]?page|get[-_]in[-_]touch)$")
# "Contact", "Contact us", "Contact | Clinic", "Contact our office", "Contact Acme Clinic" -- but not
# "Contact lenses for dry eyes" (an optometry article): after "Contact" comes the end, a separator,
# us/our/the, or a name in capitals followed by the end or a separator.
_CONTACT_TITLE = re.compile(
    r"^\s*contact(?:\s*$|\s*[|–—:,-]|\s+(?:us|our|the)\b|\s+(?-i:[A-Z][\w&'’.]*)(?:\s+(?-i:[A-Z&][\w&'’.]*))*\s*(?:$|[|–—:,-]))",
    re.I)


def is_contact(page: Page) -> bool:
    if any(_CONTACT_SEGMENT.match(s) for s in segments(page)):
        return True
    h1 = page.h1s[0].text if page.h1s else ""
    return any(_CONTACT_TITLE.match(t or "") for t in (page.title, h1))


def home_page(site: Site) -> Page | None:
    return next((p for p in site.pages if is_home(p)), None)


def contact_pages(site: Site) -> list[Page]:
    return [p for p in site.pages if is_contact(p) and not is_home(p)]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def is_service_page(page: Page, services: list[str], extra_segments: list[str], clinic_name: str = "") -> bool:
    if is_home(page) or is_contact(page):
        return False
    segs = segments(page)
    marks = set(vocab.service_page_segments()) | {s.lower().strip("/") for s in extra_segments}
    if any(s in marks for s in segs):
        return True
    kind = {str(page.front_matter.get(k, "")).strip().lower() for k in ("type", "layout", "category")}
    if kind & _FRONT_MATTER_KINDS:
        return True
    h1 = page.h1s[0].text.lower() if page.h1s else ""
    if clinic_name.strip():  # "About Shoal Creek Dermatology" names the clinic, not a dermatology service
        h1 = h1.replace(clinic_name.strip().lower(), " ")
    for service in services:
        s = slug(service)
        if s and any(s in seg for seg in segs):
            return True
        if service.strip() and re.search(rf"(?<!\w){re.escape(service.strip().lower())}(?!\w)", h1):
            return True
    return False


@dataclass
class Region:
    """The page's main content (or its chrome) as one text, blocks joined by newlines, so that an
    address split over two lines is still found; offsets map back to blocks."""

    in_main: bool
    text: str
    starts: list[int] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    def block_at(self, offset: int) -> Block:
        return self.blocks[max(0, bisect_right(self.starts, offset) - 1)]

    def clause(self, start: int, end: int) -> str:
        """The clause around ``text[start:end]``: from the previous sentence end or line break to
        the next, so that cues ("call us", "Poison Control") are read near the number only."""
        before = self.text[:start]
        cut = max(before.rfind(c) for c in ".!?;\n|")
        if cut >= 0 and before[cut] == "." and re.search(r"\b[A-Za-z]{1,3}\.$", before[: cut + 1]):
            cut = max(before[:cut].rfind(c) for c in "!?;\n|")  # "Dr." or "St." is no sentence end
        after = self.text[end:]
        m = re.search(r"[.!?;\n|](\s|$)", after)
        return self.text[cut + 1 : end + (m.start() if m else len(after))]


def regions(page: Page) -> list[Region]:
    cached = page.cache.get("local.regions")
    if cached is None:
        cached = [_region(page.blocks, True), _region(page.chrome_blocks, False)]
        page.cache["local.regions"] = cached
    return cached


def _region(blocks: list[Block], in_main: bool) -> Region:
    region = Region(in_main, "")
    parts, pos = [], 0
    for b in blocks:
        region.starts.append(pos)
        region.blocks.append(b)
        parts.append(b.text)
        pos += len(b.text) + 1
    region.text = "\n".join(parts)
    return region


def template_owner(site: Site) -> dict[str, str]:
    """Chrome block text -> the first page (in crawl order) that shows it. Findings in the site's
    header or footer are reported once, on that page, not on every page that shares the template."""
    owner = site.cache.get("local.template_owner")
    if owner is None:
        owner = {}
        for p in site.pages:
            for b in p.chrome_blocks:
                owner.setdefault(b.text, p.url)
        site.cache["local.template_owner"] = owner
    return owner
