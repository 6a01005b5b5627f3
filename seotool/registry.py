"""Check families and the rule registry. Families are listed explicitly (see checks/__init__.py);
nothing is discovered by scanning folders."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from seotool.rules import Rule

if TYPE_CHECKING:  # pragma: no cover
    from seotool.page import Page
    from seotool.rules import Finding
    from seotool.site import Site


@dataclass(frozen=True)
class Family:
    """One check family: its rules, its config settings (section ``[name]``) and optional hooks."""

    name: str
    rules: tuple[Rule, ...]
    settings: dict[str, Any] = field(default_factory=dict)
    # URLs this family wants the gathering stage to probe (links, canonicals, sitemap entries).
    probe_targets: Callable[[Site], Iterable[str]] | None = None
    # Figures added to each page's entry in the audit JSON, e.g. reading grade.
    page_metrics: Callable[[Page, Site], dict[str, Any]] | None = None
    # Site-level figures added to the audit JSON summary under the family's name.
    summarize: Callable[[Site, list[Finding]], dict[str, Any]] | None = None
    # True when the family's page rules and page metrics read nothing but the page and the
    # configuration (not other pages, probes or records): they may then run in the crawl's parse
    # helpers as soon as a page is parsed, while the rest of the site is still being fetched.
    standalone: bool = False
    # Page-local figures the family's site-scoped rules need (say, a text sketch for near
    # duplicates): returned as page.cache entries, computed where pages are parsed (the crawl's
    # helpers) and kept on the page. The rules compute any that are missing themselves.
    prepare_page: Callable[[Page, Site], dict[str, Any]] | None = None

    def __post_init__(self) -> None:
        for rule in self.rules:
            if rule.family != self.name:
                raise ValueError(f"rule {rule.id} is listed in family {self.name}")


class Registry:
    def __init__(self, families: Sequence[Family]) -> None:
        self.families = {f.name: f for f in families}
        self.rules: dict[str, Rule] = {}
        for fam in families:
            for rule in fam.rules:
                if rule.id in self.rules:
                    raise ValueError(f"duplicate rule id {rule.id}")
                self.rules[rule.id] = rule

    def settings(self) -> dict[str, dict[str, Any]]:
        return {name: dict(f.settings) for name, f in self.families.items()}

    def get(self, rule_id: str) -> Rule | None:
        return self.rules.get(rule_id)
