"""Run the selected rules over a gathered site. Each rule is isolated: one that raises becomes a
``tool.check-error`` finding and the audit goes on."""

from __future__ import annotations

import traceback
from collections.abc import Iterable

from seotool.config import Config
from seotool.registry import Registry
from seotool.rules import Finding, Rule, Severity, rule_matches
from seotool.site import Site
from seotool.suppress import Suppressions


def select_rules(registry: Registry, config: Config, families: Iterable[str] | None = None) -> list[Rule]:
    """Rules enabled by ``[rules] select/ignore`` and the ``--checks`` family list."""
    rules_cfg = config.section("rules")
    select = rules_cfg.get("select") or ["all"]
    ignore = rules_cfg.get("ignore") or []
    fams = set(families) if families else None
    return [
        r
        for r in registry.rules.values()
        if (fams is None or r.family in fams) and rule_matches(r.id, select) and not rule_matches(r.id, ignore)
    ]


def run_rules(site: Site, rules: list[Rule], config: Config) -> tuple[list[Finding], list[dict]]:
    """All findings of ``rules`` on ``site``, with severities overridden, suppressions applied and
    fingerprints set. Returns (findings, suppressed) where suppressed lists what was silenced."""
    findings: list[Finding] = []
    page_rules = [r for r in rules if r.scope == "page"]
    site_rules = [r for r in rules if r.scope == "site"]
    for page in site.pages:
        for rule in page_rules:
            findings.extend(_guarded(rule, page.url, lambda r=rule, p=page: r.check(p, site)))
    for rule in site_rules:
        findings.extend(_guarded(rule, "", lambda r=rule: r.check(site)))

    overrides = {k: Severity.parse(v) for k, v in (config.section("rules").get("severity") or {}).items()}
    for f in findings:
        for rule_id, sev in overrides.items():
            if rule_matches(f.rule, [rule_id]):
                f.severity = str(sev)
        f.fingerprint = f.fingerprint or f.compute_fingerprint()

    findings = _dedupe(findings)
    kept, suppressed = Suppressions.from_site(site, config).apply(findings)
    kept.sort(key=sort_key)
    return kept, suppressed


def _guarded(rule: Rule, url: str, call) -> list[Finding]:
    try:
        return list(call() or ())
    except Exception as exc:  # noqa: BLE001 - a broken check must not end the audit
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return [
            Finding(
                rule="tool.check-error",
                family="tool",
                severity="error",
                confidence="high",
                url=url,
                message=f"check {rule.id} failed: {type(exc).__name__}: {exc} ({where.filename.rsplit('/', 1)[-1]}:{where.lineno})",
                key=rule.id,
            )
        ]


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per fingerprint; a repeated excerpt on one page gets an occurrence suffix so
    each stays distinct and stable."""
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        n = seen.get(f.fingerprint, 0)
        seen[f.fingerprint] = n + 1
        if n:
            f.key = f"{f.key}#{n}"
            f.fingerprint = f.compute_fingerprint()
        out.append(f)
    return out


_SEV_ORDER = {"error": 0, "warning": 1, "notice": 2}


def sort_key(f: Finding) -> tuple:
    return (f.url, _SEV_ORDER.get(f.severity, 3), f.line or 0, f.rule, f.excerpt)


def at_or_above(findings: Iterable[Finding], threshold: str) -> list[Finding]:
    if threshold == "never":
        return []
    level = Severity.parse(threshold)
    return [f for f in findings if f.severity in _SEV_ORDER and Severity.parse(f.severity) >= level]

