"""Run the selected rules over a gathered site. Each rule is isolated: one that raises becomes a
``tool.check-error`` finding and the audit goes on."""

from __future__ import annotations

import gc
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

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


# Page-scoped checks run in worker processes (forked: they inherit the gathered site) when the
# audit has at least this many pages; below it the pool's start-up costs more than it saves.
POOL_MIN_PAGES = 200
# page.cache key under which pooled workers leave each page's family metrics for build_result.
METRICS_KEY = "seotool.page_metrics"

PageMetrics = dict[str, Callable[[Any, Site], dict[str, Any]]]


def run_rules(site: Site, rules: list[Rule], config: Config, page_metrics: PageMetrics | None = None,
              workers: int | None = None, pool_min_pages: int = POOL_MIN_PAGES,
              ahead: SiteChecksAhead | None = None) -> tuple[list[Finding], list[dict]]:
    """All findings of ``rules`` on ``site``, with severities overridden, suppressions applied and
    fingerprints set. Returns (findings, suppressed) where suppressed lists what was silenced.

    ``page_metrics`` (family name -> hook) are computed beside the page checks when those run in
    worker processes, so build_result need not compute them again; ``workers`` defaults to the
    CPUs this process may use. ``ahead``: site rules already being checked (``start_site_checks``)."""
    page_rules = [r for r in rules if r.scope == "page"]
    site_rules = [r for r in rules if r.scope == "site"]
    site_found: list[Finding] = []

    def site_checks() -> None:
        done = ahead.results() if ahead is not None else None
        for rule in site_rules:
            if done is not None and rule.id in done:
                site_found.extend(done[rule.id])
            else:
                site_found.extend(_guarded(rule, "", lambda r=rule: r.check(site)))

    findings = _page_findings(site, page_rules, page_metrics or {}, workers, pool_min_pages, meanwhile=site_checks)
    findings.extend(site_found)

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


class SiteChecksAhead:
    """Site rules checked in a forked process while this one goes on (``start_site_checks``)."""

    def __init__(self, process: Any, connection: Any) -> None:
        self._process = process
        self._connection = connection

    def results(self) -> dict[str, list[Finding]] | None:
        """rule id -> findings; None when the process failed (the runner checks those rules itself)."""
        try:
            return self._connection.recv()
        except Exception:  # noqa: BLE001 - it died, or could not send its findings
            return None
        finally:
            self.close()

    def close(self) -> None:
        """Stop the process if it still runs (an interrupted audit does not wait for it)."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._connection.close()


_SITE_JOB: tuple[Site, list[Rule]] | None = None  # what the forked site-checks process checks


def start_site_checks(site: Site, rules: list[Rule], workers: int | None = None,
                      pool_min_pages: int = POOL_MIN_PAGES) -> SiteChecksAhead | None:
    """Start the site rules that need nothing gathered after the pages (no probes) in a forked
    process, for a big site on two CPUs or more: the audit probes links next, mostly on one core,
    and the site rules (~0.25 s at 2,000 pages) take the other. None when they stay for the runner."""
    global _SITE_JOB
    ahead_rules = [r for r in rules if r.scope == "site" and "probes" not in r.needs]
    workers = available_cpus() if workers is None else workers
    if not ahead_rules or workers < 2 or len(site.pages) < max(pool_min_pages, 2) or not _can_fork():
        return None
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    _SITE_JOB = (site, ahead_rules)
    try:
        process = context.Process(target=_site_checks_job, args=(send,), daemon=True)
        process.start()  # the fork: the job is in its copy of this process
    except Exception:  # noqa: BLE001 - no fork here: the runner checks them
        receive.close()
        return None
    finally:
        _SITE_JOB = None
        send.close()
    return SiteChecksAhead(process, receive)


def _site_checks_job(send: Any) -> None:
    """In the forked process: check, send the findings back (None when they cannot be sent)."""
    ignore_sigint()
    assert _SITE_JOB is not None
    site, rules = _SITE_JOB
    found = {rule.id: _guarded(rule, "", lambda r=rule: r.check(site)) for rule in rules}
    try:
        send.send(found)
    except Exception:  # noqa: BLE001 - e.g. a finding whose data cannot be pickled
        send.send(None)


# More findings than this from one rule on one page are noise to an editor (a keyword-dump page
# gave 1,700 "duplicate text" findings): the first ones are kept, and one more says how many
# were left out.
MAX_PER_RULE_AND_PAGE = 50


def _check_page(site: Site, page, page_rules: list[Rule]) -> list[Finding]:
    found: list[Finding] = []
    for rule in page_rules:
        own = _guarded(rule, page.url, lambda r=rule: r.check(page, site))
        if len(own) > MAX_PER_RULE_AND_PAGE:
            left_out = len(own) - MAX_PER_RULE_AND_PAGE
            own = own[:MAX_PER_RULE_AND_PAGE] + [rule.finding(
                page, f"... and {left_out} more {rule.id} findings on this page, not listed one by one.",
                severity=Severity.parse(own[MAX_PER_RULE_AND_PAGE].severity), key="more",
                suggestion="Fix the ones listed, then audit again to see the rest.")]
        found.extend(own)
    return found


# page.cache key under which the crawl's parse helpers leave the results of the standalone
# families' checks (``check_early``): (rule ids run, findings, metrics).
EARLY_KEY = "seotool.early"


PagePrepare = Callable[[Any, Site], dict[str, Any]]


def check_early(page, site: Site, rules: list[Rule], hooks: PageMetrics, prepare: Iterable[PagePrepare] = ()) -> None:
    """Run ``rules`` and ``hooks`` (of standalone families) and the families' ``prepare``
    hooks on a page just parsed, and keep only their results on it: the per-page memos they left
    would make the page heavier to send back."""
    found = _check_page(site, page, rules)
    metrics = family_metrics(page, site, hooks)
    kept: dict[str, Any] = {}
    for hook in prepare:
        try:
            kept.update(hook(page, site))
        except Exception:  # noqa: BLE001 - the rule that needs it computes it (and reports its error)
            pass
    page.cache.clear()
    for block in (*page.blocks, *page.chrome_blocks):
        block.cache.clear()
    page.cache.update(kept)
    page.cache[EARLY_KEY] = (frozenset(r.id for r in rules), found, metrics)


def _late_results(site: Site, page, page_rules: list[Rule], hooks: PageMetrics,
                  want_metrics: bool) -> tuple[list[Finding], dict | None]:
    """Findings of the ``page_rules`` that ``check_early`` did not run on ``page`` in the crawl
    (all of them for a page checked only now), and the metrics it did not compute: for a page
    checked early these are always returned, so that build_result does not compute the early
    families' figures again. ``page.cache`` keeps the early results: ``_merge_early`` adds them
    (in the process that holds them: a forked worker sends back only what it computed)."""
    early = page.cache.get(EARLY_KEY)
    if early is None:
        found = _check_page(site, page, page_rules)
        return found, family_metrics(page, site, hooks) if want_metrics else None
    done, _early_found, early_metrics = early
    found = _check_page(site, page, [r for r in page_rules if r.id not in done])
    return found, family_metrics(page, site, {n: h for n, h in hooks.items() if n not in early_metrics})


def _merge_early(page, page_rules: list[Rule], hooks: PageMetrics, late_found: list[Finding],
                 late_metrics: dict | None) -> tuple[list[Finding], dict | None]:
    """The page's early results (taken off it) joined to ``_late_results``: early findings first,
    as when one process ran all the rules in order."""
    early = page.cache.pop(EARLY_KEY, None)
    if early is None:
        return late_found, late_metrics
    _done, early_found, early_metrics = early
    wanted = {r.id for r in page_rules}
    found = [f for f in early_found if f.rule in wanted or f.key in wanted] + late_found
    late_metrics = late_metrics or {}
    return found, {n: early_metrics[n] if n in early_metrics else late_metrics[n] for n in hooks}


def _page_results(site: Site, page, page_rules: list[Rule], hooks: PageMetrics,
                  want_metrics: bool) -> tuple[list[Finding], dict | None]:
    """All findings of ``page_rules`` on ``page`` (and its metrics, see ``_late_results``)."""
    return _merge_early(page, page_rules, hooks, *_late_results(site, page, page_rules, hooks, want_metrics))


def family_metrics(page, site: Site, hooks: PageMetrics) -> dict[str, Any]:
    """Each family's figures for ``page`` (a family whose hook fails gets its error instead)."""
    metrics: dict[str, Any] = {}
    for name, hook in hooks.items():
        try:
            metrics[name] = hook(page, site)
        except Exception as exc:  # noqa: BLE001 - metrics must not end the audit
            metrics[name] = {"error": f"{type(exc).__name__}: {exc}"}
    return metrics


def available_cpus() -> int:
    """CPUs this process may use for forked workers. Only Linux counts more than one: elsewhere
    (macOS system libraries are not fork-safe once threads run) audits stay in one process."""
    if not sys.platform.startswith("linux"):
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _page_findings(site: Site, page_rules: list[Rule], hooks: PageMetrics, workers: int | None,
                   pool_min_pages: int, meanwhile: Callable[[], None] = lambda: None) -> list[Finding]:
    """Page-scoped findings in page order (the order dedupe numbers repeats in). Many pages are
    split between forked worker processes; the first page is checked here first so that every
    lazily loaded word list and per-site lookup (``site.cache``) is built once and inherited.
    ``meanwhile`` (the site-scoped checks) runs here while the workers check pages."""
    pages = site.pages
    workers = available_cpus() if workers is None else workers
    if workers < 2 or len(pages) < max(pool_min_pages, 2) or not page_rules or not _can_fork():
        found = [f for page in pages for f in _serial_results(site, page, page_rules, hooks)]
        meanwhile()
        return found
    findings = _serial_results(site, pages[0], page_rules, hooks)
    meanwhile_ran = False
    global _JOB
    _JOB = (site, page_rules, hooks)
    size = max(1, -(-(len(pages) - 1) // (workers * 8)))  # small chunks even out slow pages
    chunks = [(i, min(i + size, len(pages))) for i in range(1, len(pages), size)]
    try:
        import multiprocessing

        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=ignore_sigint)
        try:
            mapped = pool.map(_check_chunk, chunks)  # every chunk is submitted now
            meanwhile()
            meanwhile_ran = True
            results = list(mapped)
        finally:  # on Ctrl-C, do not wait for the chunks not started
            pool.shutdown(wait=True, cancel_futures=True)
    except Exception:  # noqa: BLE001 - a worker died (out of memory) or could not send its findings
        # back (BrokenProcessPool, a pickling error): check here instead, as without workers
        results = [_check_chunk(chunk, keep_metrics=False) for chunk in chunks]
    finally:
        _JOB = None
    if not meanwhile_ran:  # the pool could not even start
        meanwhile()
    for (start, _stop), per_page in zip(chunks, results, strict=True):
        for offset, late in enumerate(per_page):
            page = pages[start + offset]
            found, metrics = _merge_early(page, page_rules, hooks, *late)
            findings.extend(found)
            if metrics is not None:
                page.cache[METRICS_KEY] = metrics
    return findings


def _serial_results(site: Site, page, page_rules: list[Rule], hooks: PageMetrics) -> list[Finding]:
    """A page checked in this process: metrics are left to build_result unless the page was
    checked early (then the merged figures are kept on it)."""
    early = EARLY_KEY in page.cache
    found, metrics = _page_results(site, page, page_rules, hooks, want_metrics=early)
    if metrics is not None:
        page.cache[METRICS_KEY] = metrics
    return found


_JOB: tuple[Site, list[Rule], PageMetrics] | None = None  # what forked workers check


def ignore_sigint() -> None:
    """Start of a worker process. Ctrl-C is the parent's to handle (it stops the pool), so the
    workers neither print a traceback nor die half-way through a task. What the worker inherited
    is moved out of the garbage collector's sight (``gc.freeze``): full collections would walk
    the parent's whole heap again and again, and touching it copies the shared memory pages."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _check_chunk(bounds: tuple[int, int], keep_metrics: bool = True) -> list[tuple[list[Finding], dict | None]]:
    """The late findings (and family metrics) of pages ``start:stop``; runs in a worker process.
    The early ones stay where they are: the parent already holds them (``_merge_early``)."""
    assert _JOB is not None
    site, page_rules, hooks = _JOB
    out = []
    for page in site.pages[bounds[0]:bounds[1]]:
        out.append(_late_results(site, page, page_rules, hooks, want_metrics=bool(hooks) and keep_metrics))
    return out


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

