"""Suppressions at the two scopes below the global select/ignore: per URL pattern in config, and
inline in content. Each needs a reason; the report lists everything that was silenced."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from seotool.config import Config
from seotool.errors import ConfigError
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
        """A crawled URL matches by its full form or by its path ('/blog/*' or 'blog/*'); a local
        file by its path relative to the audited folder."""
        candidates = [url]
        if "://" in url:
            path = urlsplit(url).path or "/"
            candidates += [path, path.lstrip("/")]
        if self.pattern.startswith("re:"):
            return any(re.search(self.pattern[3:], c) is not None for c in candidates)
        return any(fnmatch.fnmatchcase(c, self.pattern) for c in candidates)


_ENTRY_KEYS = {"pattern", "rules", "reason"}


def url_ignores(config: Config) -> list[_UrlIgnore]:
    """The ``[[ignore.urls]]`` entries, validated: each needs a pattern and a reason; ``rules`` is a
    list of rule id prefixes (all rules when left out); ``re:`` patterns must compile."""
    out = []
    for i, entry in enumerate(config.section("ignore").get("urls") or [], start=1):
        where = f"[[ignore.urls]] entry {i}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where} must be a table with pattern, rules and reason")
        unknown = sorted(set(entry) - _ENTRY_KEYS)
        if unknown:
            raise ConfigError(f"{where}: unknown key '{unknown[0]}' (known: pattern, reason, rules)")
        pattern, reason, rules = entry.get("pattern"), entry.get("reason"), entry.get("rules", ["all"])
        if not isinstance(pattern, str) or not pattern.strip():
            raise ConfigError(f"{where} needs a pattern, e.g. pattern = \"blog/*\"")
        if not isinstance(reason, str) or not reason.strip():
            raise ConfigError(f"{where} ({pattern!r}) needs a reason: say why these findings do not apply")
        if isinstance(rules, str):
            rules = [rules]
        if not isinstance(rules, list) or not all(isinstance(r, str) and r.strip() for r in rules) or not rules:
            raise ConfigError(f"{where} ({pattern!r}): rules must be a list of rule ids, e.g. [\"links\"]")
        if pattern.startswith("re:"):
            try:
                re.compile(pattern[3:])
            except re.error as exc:
                raise ConfigError(f"{where}: {pattern!r} is not a valid regular expression: {exc}") from None
        out.append(_UrlIgnore(pattern, tuple(r.strip() for r in rules), reason.strip()))
    return out


def check_config(config: Config) -> None:
    """Reject malformed suppression config early (before any crawling)."""
    url_ignores(config)


def _entry(f: Finding, how: str, reason: str) -> dict[str, Any]:
    return {"fingerprint": f.fingerprint, "rule": f.rule, "url": f.url, "line": f.line,
            "excerpt": f.excerpt, "how": how, "reason": reason}


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
        return cls(ranges, url_ignores(config), problems)

    def apply(self, findings: list[Finding]) -> tuple[list[Finding], list[dict]]:
        kept: list[Finding] = []
        suppressed: list[dict] = []
        for f in findings:
            why = self._why(f)
            if why is None:
                kept.append(f)
            else:
                suppressed.append(_entry(f, *why))
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
