"""The links part of the audit summary: what was checked, and each broken target once with the
number of pages that link to it (the findings list it per page)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from checks.links.targets import checkable, probe_for
from seotool.rules import Finding
from seotool.site import Site

_BROKEN_RULES = ("links.broken-link", "links.unreachable", "links.redirect-loop")


def _state(probe) -> str:
    from checks.links.status import is_broken, is_unreachable
    from seotool.crawl.probe import NOT_CHECKED, REDIRECT_LOOP, TOO_MANY_REDIRECTS

    if probe is None:
        return "not-checked"
    if probe.error == NOT_CHECKED:
        return "not-checked"
    if probe.blocked:
        return "could-not-verify"
    if probe.error in (REDIRECT_LOOP, TOO_MANY_REDIRECTS):
        return "redirect-loop"
    if is_unreachable(probe):
        return "unreachable"
    if is_broken(probe):
        return "broken"
    if probe.redirects:
        return "redirected"
    return "ok"


def summarize(site: Site, findings: list[Finding]) -> dict[str, Any]:
    links = 0
    targets: set[str] = set()
    for page in site.pages:
        for _link, url, _internal in checkable(page, site):
            links += 1
            targets.add(url.split("#", 1)[0])
    states = Counter(_state(probe_for(site, url)) for url in targets)

    broken: dict[str, dict[str, Any]] = {}
    for f in findings:
        if f.rule not in _BROKEN_RULES:
            continue
        target = f.data.get("target", "")
        entry = broken.setdefault(target, {
            "url": site.display_url(target), "rule": f.rule, "status": f.data.get("status"),
            "error": f.data.get("error"), "pages": 0, "linked_from": []})
        entry["pages"] += 1
        if len(entry["linked_from"]) < 20:
            entry["linked_from"].append(f.url)
    return {
        "links_checked": links,
        "targets": len(targets),
        "states": dict(sorted(states.items())),
        "broken": sorted(broken.values(), key=lambda e: (-e["pages"], e["url"])),
    }
