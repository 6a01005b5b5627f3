"""Links to ``#fragment`` targets that do not exist on the page they point at."""

from __future__ import annotations

from collections.abc import Iterable

from checks.links.targets import excerpt, fragment_targets, has_fragment, probe_for, shown, times
from seotool.crawl.probe import page_ids
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity
from seotool.site import Site


def _ids(page: Page, site: Site, base: str) -> frozenset[str] | set[str] | None:
    """The ids of the target: this page's own for same-page anchors, else the probe's."""
    if base == page.final_url.split("#", 1)[0]:
        return page_ids(page)
    probe = probe_for(site, base)
    if probe is None or probe.error or probe.blocked or (probe.status or 0) >= 400:
        return None  # the target itself is broken: another rule says so
    return probe.ids


def check_missing_fragment(page: Page, site: Site) -> Iterable[Finding]:
    for t in fragment_targets(page, site):
        ids = _ids(page, site, t.base)
        if ids is None or has_fragment(ids, t.fragment):
            continue
        where = "this page" if t.base == page.final_url.split("#", 1)[0] else shown(site, t.base)
        yield MISSING_FRAGMENT.finding(
            page, f"Link to #{t.fragment} on {where}: no element has id \"{t.fragment}\"{times(t.count)}",
            excerpt=excerpt(t.link), line=t.link.line, section=t.link.section, element=t.link.element,
            key=t.url, suggestion=f"Add id=\"{t.fragment}\" to the section it should open at, or fix the link.",
            data={"target": t.url, "fragment": t.fragment, "internal": t.internal})


_PAGE = '<html><head><title>{t}</title></head><body><main><h1>{t}</h1>{b}</main></body></html>'

MISSING_FRAGMENT = Rule(
    id="links.missing-fragment",
    title="Link to a missing section (#fragment)",
    severity=Severity.WARNING,
    what="Links with a #fragment where the target page has no element with that id (or <a name>). "
         "Always checked for pages of the site; for other sites only when [links] external_fragments = true. "
         "#top and app routes (#/..., #!...) are not checked.",
    why="The link opens the page at the top instead of the promised section (say, 'Insurance we accept'): "
        "patients have to hunt for it, or give up.",
    fix="Add the id to the section the link should open at, or correct the fragment.",
    bad=(
        Example.of({"index.html": _PAGE.format(t="Home", b='<p><a href="fees.html#insurance">Insurance we accept</a></p>'),
                    "fees.html": _PAGE.format(t="Fees", b='<h2 id="payment">Payment</h2><p>Cards.</p>')}),
        Example.of({"index.html": _PAGE.format(t="Home", b='<p><a href="#hours">Hours</a></p><h2 id="opening">Opening hours</h2>')}),
    ),
    good=(
        Example.of({"index.html": _PAGE.format(t="Home", b='<p><a href="fees.html#insurance">Insurance we accept</a></p>'),
                    "fees.html": _PAGE.format(t="Fees", b='<h2 id="insurance">Insurance</h2><p>Most plans.</p>')}),
        Example.of({"index.html": _PAGE.format(t="Home", b='<p><a href="#hours">Hours</a> <a href="#top">Top</a></p>'
                                                          '<h2 id="hours">Opening hours</h2>')}),
    ),
    check=check_missing_fragment,
    needs=frozenset({"probes"}),
)

RULES = (MISSING_FRAGMENT,)
