"""One audit, start to finish: gather (crawl or read files, then probe), check, build the result.

Only this module and the CLI know about all three stages; checks and reports never call back."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from seotool.config import Config
from seotool.crawl.parsing import EarlyChecks
from seotool.errors import InputError, NothingAudited
from seotool.progress import Progress
from seotool.registry import Registry
from seotool.result import build_result, page_metric_hooks
from seotool.rules import Rule
from seotool.runner import SiteChecksAhead, run_rules, select_rules, start_site_checks
from seotool.site import Site

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


@dataclass
class AuditOptions:
    families: list[str] | None = None
    offline: bool = False
    quiet: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def classify_targets(targets: Iterable[str]) -> tuple[list[str], list[Path]]:
    """Split targets into URLs and local paths, with a clear error for anything else."""
    urls: list[str] = []
    paths: list[Path] = []
    for t in targets:
        if _SCHEME.match(t):
            if not t.lower().startswith(("http://", "https://")):
                raise InputError(f"unsupported URL scheme in {t!r}: use http:// or https://")
            urls.append(t)
        elif Path(t).exists():
            paths.append(Path(t))
        elif re.match(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/.*)?$", t, re.I):
            raise InputError(f"{t!r} has no scheme and is not a file or folder: did you mean https://{t}?")
        else:
            raise InputError(f"no such file or folder: {t}")
    if urls and paths:
        raise InputError("give either URLs or local files/folders in one audit, not both")
    if not urls and not paths:
        raise InputError("nothing to audit: give a URL or a folder")
    return urls, paths


def gather(targets: list[str], config: Config, rules: list[Rule], registry: Registry, options: AuditOptions,
           progress: Progress) -> tuple[Site, SiteChecksAhead | None]:
    """The site's pages and probes, and the site rules already started on the pages (see
    ``start_site_checks``) while the links were probed."""
    urls, paths = classify_targets(targets)
    site = Site(targets=list(targets), config=config, offline=options.offline)
    if paths:
        from seotool.local import gather_local

        gather_local(paths, config, site)
    else:
        if options.offline:
            raise InputError("--offline audits local files only; a URL needs the network")
        from seotool.crawl.crawler import crawl

        crawl(urls, config, site, progress, early=_early_checks(site, rules, registry))
        if not site.pages:
            reasons = sorted({f"{r.reason}" for r in site.records.values() if r.reason})
            why = f" ({', '.join(reasons)})" if reasons else ""
            if site.interrupted:
                return site, None
            raise NothingAudited(f"nothing could be audited: no HTML page was fetched from {', '.join(urls)}{why}")
    ahead = start_site_checks(site, rules) if not site.interrupted else None
    try:
        _probe(site, rules, registry, options, progress)
    except BaseException:
        if ahead is not None:
            ahead.close()
        raise
    return site, ahead


def _early_checks(site: Site, rules: list[Rule], registry: Registry) -> EarlyChecks:
    """The selected page rules and metrics of standalone families, and the selected families'
    ``prepare_page`` hooks: the crawl may run them on each page as soon as it is parsed."""
    standalone = {name for name, fam in registry.families.items() if fam.standalone}
    active = {r.family for r in rules}
    hooks = page_metric_hooks(registry, active & standalone)
    prepare = [fam.prepare_page for name, fam in sorted(registry.families.items()) if name in active and fam.prepare_page]
    return EarlyChecks(site, [r for r in rules if r.scope == "page" and r.family in standalone], hooks, prepare)


def _probe(site: Site, rules: list[Rule], registry: Registry, options: AuditOptions, progress: Progress) -> None:
    """Probe the URLs the selected families want (link targets, canonicals, sitemap entries)."""
    if site.interrupted:
        return
    wanted: set[str] = set()
    active = {r.family for r in rules}
    for name in active:
        fam = registry.families.get(name)
        if fam and fam.probe_targets:
            wanted.update(fam.probe_targets(site))
    if not wanted:
        return
    from seotool.crawl.probe import probe_urls

    try:
        probe_urls(sorted(wanted), site, progress)
    except KeyboardInterrupt:
        site.interrupted = True


def run_audit(targets: list[str], config: Config, registry: Registry, options: AuditOptions) -> dict[str, Any]:
    """Gather, check and return the audit result (a JSON-serialisable dict)."""
    started = datetime.now(UTC)
    rules = select_rules(registry, config, options.families)
    progress = Progress(quiet=options.quiet)
    # What exists now (modules, rules, word lists) and, later, the gathered site lives until the
    # audit ends: frozen, it is not walked by every full garbage collection (a 2,000-page site is
    # over a million objects, and the crawl adds to it page by page).
    gc.freeze()
    try:
        try:
            site, ahead = gather(targets, config, rules, registry, options, progress)
        finally:
            progress.done()
        try:
            if not site.pages and site.interrupted:
                raise NothingAudited("interrupted before any page was gathered", exit_code=130)
            gc.freeze()
            hooks = page_metric_hooks(registry, {r.family for r in rules})
            findings, suppressed = run_rules(site, rules, config, page_metrics=hooks, ahead=ahead)
        finally:
            if ahead is not None:
                ahead.close()
        finished = datetime.now(UTC)
        return build_result(site, findings, suppressed, rules, registry, started, finished)
    finally:
        gc.unfreeze()
