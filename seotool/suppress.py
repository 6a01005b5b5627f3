"""Suppressions at the two scopes below the global select/ignore: per URL pattern in config, and
inline in content. Each needs a reason; the report lists everything that was silenced."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass

from seotool.config import Config
from seotool.rules import Finding, rule_matches
from seotool.site import Site


@dataclass
class _Range:
    rules: tuple[str, ...]
    reason: str
    start: int
    end: int | None  # None: to the end of the page


@dataclass
class _UrlIgnore:
    pattern: str
    rules: tuple[str, ...]
    reason: str

    def matches(self, url: str) -> bool:
        if self.pattern.startswith("re:"):
            return re.search(self.pattern[3:], url) is not None
        return fnmatch.fnmatchcase(url, self.pattern)


class Suppressions:
    def __init__(self, ranges: dict[str, list[_Range]], url_ignores: list[_UrlIgnore], problems: list[Finding]):
        self.ranges = ranges
        self.url_ignores = url_ignores
        self.problems = problems

    @classmethod
    def from_site(cls, site: Site, config: Config) -> Suppressions:
        ranges: dict[str, list[_Range]] = {}
        problems: list[Finding] = []
        for page in site.pages:
            open_: dict[str, _Range] = {}
            for d in page.directives:
                for rule in d.rules:
                    if d.action == "disable":
                        if not d.reason:
                            problems.append(_problem(page.url, d.line, f"seotool-disable {rule} has no reason; it was not applied"))
                            continue
                        r = _Range((rule,), d.reason, d.line, None)
                        open_[rule] = r
                        ranges.setdefault(page.url, []).append(r)
                    elif rule in open_:
                        open_.pop(rule).end = d.line
        ignores = []
        for entry in config.section("ignore").get("urls") or []:
            if not isinstance(entry, dict) or not entry.get("pattern"):
                continue
            rules = entry.get("rules") or ["all"]
            ignores.append(_UrlIgnore(str(entry["pattern"]), tuple(rules), str(entry.get("reason", ""))))
        return cls(ranges, ignores, problems)

    def apply(self, findings: list[Finding]) -> tuple[list[Finding], list[dict]]:
        kept: list[Finding] = []
        suppressed: list[dict] = []
        for f in findings:
            why = self._why(f)
            if why is None:
                kept.append(f)
            else:
                suppressed.append({"fingerprint": f.fingerprint, "rule": f.rule, "url": f.url, "line": f.line,
                                   "excerpt": f.excerpt, "how": why[0], "reason": why[1]})
        return kept + self.problems, suppressed

    def _why(self, f: Finding) -> tuple[str, str] | None:
        for ig in self.url_ignores:
            if ig.matches(f.url) and rule_matches(f.rule, ig.rules):
                return ("config", ig.reason)
        for r in self.ranges.get(f.url, ()):
            if not rule_matches(f.rule, r.rules):
                continue
            if f.line is None:
                if r.end is None:  # an unclosed disable covers page-level findings too
                    return ("inline", r.reason)
            elif f.line >= r.start and (r.end is None or f.line < r.end):
                return ("inline", r.reason)
        return None


def _problem(url: str, line: int, message: str) -> Finding:
    f = Finding(rule="tool.suppression-without-reason", family="tool", severity="warning", confidence="high",
                url=url, message=message, line=line, suggestion="Add why the rule does not apply here, e.g. "
                "<!-- seotool-disable medical.absolute-claim quoted from the FDA label -->")
    f.fingerprint = f.compute_fingerprint()
    return f
