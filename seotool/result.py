"""The audit result: one JSON document that every report is rendered from."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from seotool import __version__
from seotool.registry import Registry
from seotool.rules import Finding, Rule
from seotool.runner import METRICS_KEY, PageMetrics, family_metrics
from seotool.site import Site

SCHEMA_VERSION = 1


def build_result(site: Site, findings: list[Finding], suppressed: list[dict], rules: list[Rule], registry: Registry,
                 started: datetime, finished: datetime) -> dict[str, Any]:
    active = {r.family for r in rules}
    pages_by_url = {p.final_url: p for p in site.pages}
    hooks = page_metric_hooks(registry, active)
    page_entries = []
    for key, rec in site.records.items():
        entry: dict[str, Any] = {
            "url": rec.url,
            "final_url": site.display_url(rec.final_url) if rec.final_url else None,
            "state": rec.state,
            "reason": rec.reason,
            "status": rec.status,
            "title": None,
            "word_count": None,
            "content_type": rec.content_type,
            "elapsed_ms": rec.elapsed_ms,
            "depth": rec.depth,
            "redirects": rec.redirects,
        }
        if rec.detail:
            entry["detail"] = rec.detail
        page = pages_by_url.get(key) or (pages_by_url.get(rec.final_url) if rec.final_url else None)
        if page is not None and rec.state == "fetched":
            entry["title"] = page.title
            entry["word_count"] = page.word_count
            if page.source_path:
                entry["source_path"] = page.source_path
            # computed beside the page checks when those ran in worker processes
            metrics = page.cache.get(METRICS_KEY)
            if metrics is None:
                metrics = family_metrics(page, site, hooks)
            if metrics:
                entry["metrics"] = metrics
        page_entries.append(entry)

    summary: dict[str, Any] = summarize(findings, page_entries)
    summary["suppressed"] = len(suppressed)
    for name in sorted(active):
        fam = registry.families.get(name)
        if fam and fam.summarize:
            try:
                summary[name] = fam.summarize(site, findings)
            except Exception as exc:  # noqa: BLE001
                summary[name] = {"error": f"{type(exc).__name__}: {exc}"}

    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "seotool", "version": __version__},
        "targets": site.targets,
        "local_root": str(site.local_root) if site.local_root else None,
        "started_at": started.isoformat(timespec="seconds"),
        "finished_at": finished.isoformat(timespec="seconds"),
        "interrupted": site.interrupted,
        "config": site.config.to_dict(),
        "rules": {r.id: rule_meta(r) for r in rules},
        "notes": site.notes,
        "pages": page_entries,
        "findings": [f.to_dict() for f in findings],
        "suppressed": suppressed,
        "summary": summary,
    }


def page_metric_hooks(registry: Registry, families: set[str]) -> PageMetrics:
    """The ``page_metrics`` hooks of ``families``, in the order their figures are listed."""
    hooks: PageMetrics = {}
    for name in sorted(families):
        fam = registry.families.get(name)
        if fam and fam.page_metrics:
            hooks[name] = fam.page_metrics
    return hooks


def summarize(findings: list[Finding], pages: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "pages": dict(Counter(p["state"] for p in pages)),
        "pages_total": len(pages),
        "findings": len(findings),
        "by_severity": {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "notice")},
        "by_family": dict(sorted(Counter(f.family for f in findings).items())),
        "by_rule": dict(sorted(Counter(f.rule for f in findings).items())),
    }


def rule_meta(rule: Rule) -> dict[str, Any]:
    """What reports need to explain a rule without importing the checks."""
    return {
        "id": rule.id,
        "title": rule.title,
        "family": rule.family,
        "severity": str(rule.severity),
        "confidence": rule.confidence,
        "what": rule.what,
        "why": rule.why,
        "fix": rule.fix,
        "source": {"name": rule.source.name, "url": rule.source.url} if rule.source else None,
    }
