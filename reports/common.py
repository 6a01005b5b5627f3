"""Helpers shared by the report renderers: ordering, counting and looking things up in the audit
result. Every renderer must tolerate results that lack optional keys (older schema versions,
audits where a family did not run), so all lookups here default sensibly."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Any

SEVERITIES = ("error", "warning", "notice")
SEVERITY_RANK = {"error": 0, "warning": 1, "notice": 2}
CONFIDENCE_RANK = {"high": 0, "medium": 1, "low": 2}
# Families in the order readers care about: wrong medical facts first, tool problems last.
FAMILY_ORDER = ("medical", "readability", "links", "local", "onpage", "tool")
FAIL_ON = ("error", "warning", "notice", "never")

_WS = re.compile(r"\s+")


def findings(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in result.get("findings") or [] if isinstance(f, dict)]


def importance(f: dict[str, Any]) -> tuple:
    """Sort key, most important first: new before known, then severity, confidence and family."""
    fam = f.get("family") or ""
    return (
        0 if f.get("new", True) else 1,
        SEVERITY_RANK.get(f.get("severity", ""), 3),
        CONFIDENCE_RANK.get(f.get("confidence", ""), 3),
        FAMILY_ORDER.index(fam) if fam in FAMILY_ORDER else len(FAMILY_ORDER),
        f.get("url") or "",
        f.get("line") or 0,
        f.get("rule") or "",
    )


def by_importance(result: dict[str, Any]) -> list[dict[str, Any]]:
    return sorted(findings(result), key=importance)


def fail_on(result: dict[str, Any], options: dict[str, Any] | None = None) -> str:
    value = (options or {}).get("fail_on") or result.get("fail_on") or "error"
    return value if value in FAIL_ON else "error"


def counts_for_fail(f: dict[str, Any], threshold: str) -> bool:
    """True when ``f`` makes the build fail at ``threshold`` (mirrors ``seotool.cli.exit_code_for``:
    with a baseline only new findings count)."""
    if threshold == "never" or not f.get("new", True):
        return False
    rank = SEVERITY_RANK.get(f.get("severity", ""))
    return rank is not None and rank <= SEVERITY_RANK[threshold]


def severity_counts(items: list[dict[str, Any]]) -> dict[str, int]:
    c = Counter(f.get("severity") for f in items)
    return {s: c.get(s, 0) for s in SEVERITIES}


def rule_meta(result: dict[str, Any], rule_id: str) -> dict[str, Any]:
    """The rule's documentation from the result, or a minimal entry for tool findings."""
    meta = (result.get("rules") or {}).get(rule_id)
    if isinstance(meta, dict):
        return meta
    family = rule_id.split(".", 1)[0] if "." in rule_id else "tool"
    return {"id": rule_id, "title": rule_id, "family": family, "what": "", "why": "", "fix": "", "source": None}


def pages(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in result.get("pages") or [] if isinstance(p, dict)]


def audited_pages(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in pages(result) if p.get("state") == "fetched"]


def page_lookup(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Finding url -> page entry (a finding names the page by its url or its final url)."""
    out: dict[str, dict[str, Any]] = {}
    for p in audited_pages(result):
        for key in (p.get("final_url"), p.get("url")):
            if key:
                out[key] = p
    return out


def page_grade(page: dict[str, Any]) -> float | None:
    """The page's reading grade from the readability family's metrics, whatever its key is named."""
    metrics = (page.get("metrics") or {}).get("readability") or {}
    if not isinstance(metrics, dict) or metrics.get("graded") is False:  # too short to grade
        return None
    for key in ("grade", "grade_level", "reading_grade", "consensus_grade", "fk_grade", "flesch_kincaid_grade"):
        value = metrics.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    return None


def grade_distribution(result: dict[str, Any]) -> list[tuple[str, int, float | None]]:
    """(label, pages, lowest grade of the bucket) buckets of reading grade: the readability
    summary's own histogram when it has one, else bucketed from each page's grade."""
    summary = ((result.get("summary") or {}).get("readability")) or {}
    dist = None
    if isinstance(summary, dict):
        dist = summary.get("histogram") or summary.get("grade_distribution") or summary.get("grades")
    if isinstance(dist, dict) and dist and all(isinstance(v, int) for v in dist.values()):
        return [(str(k), int(v), None) for k, v in dist.items()]
    if isinstance(dist, list) and dist and all(isinstance(d, dict) for d in dist):
        out = []
        for d in dist:
            label = d.get("label") or d.get("bucket") or d.get("grade")
            count = d.get("pages", d.get("count"))
            low = d.get("min")
            if label is not None and isinstance(count, int):
                out.append((str(label), count, float(low) if isinstance(low, int | float) else None))
        if out:
            return out
    grades = [g for g in (page_grade(p) for p in audited_pages(result)) if g is not None]
    if not grades:
        return []
    inf = float("inf")
    buckets = [("≤6", -inf, 6.5), ("7–8", 6.5, 8.5), ("9–10", 8.5, 10.5), ("11–12", 10.5, 12.5),
               ("13–16", 12.5, 16.5), ("17+", 16.5, inf)]
    return [(label, sum(1 for g in grades if lo <= g < hi), lo if lo > -inf else None) for label, lo, hi in buckets]


def target_grade(result: dict[str, Any]) -> float | None:
    summary = ((result.get("summary") or {}).get("readability")) or {}
    value = summary.get("target_grade") if isinstance(summary, dict) else None
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def worst_pages(result: dict[str, Any], limit: int = 10) -> list[tuple[str, dict[str, int]]]:
    """Pages with the most serious findings: (url, counts by severity), worst first."""
    per: dict[str, list[dict[str, Any]]] = {}
    for f in findings(result):
        if f.get("url"):
            per.setdefault(f["url"], []).append(f)
    ranked = sorted(per.items(), key=lambda kv: (tuple(-severity_counts(kv[1])[s] for s in SEVERITIES), kv[0]))
    return [(url, severity_counts(fs)) for url, fs in ranked[:limit]]


def site_name(result: dict[str, Any]) -> str:
    targets = result.get("targets") or []
    return ", ".join(str(t) for t in targets) if targets else "site"


def one_line(text: Any, limit: int = 0) -> str:
    """Whitespace folded to single spaces and control/bidi characters dropped, optionally cut."""
    s = "".join(ch for ch in str(text if text is not None else "")
                if ch in "\t\n\r" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co"))
    s = _WS.sub(" ", s).strip()
    if limit and len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return s


def locate(context: str, excerpt: str) -> tuple[int, int] | None:
    """Where ``excerpt`` sits in ``context`` (exact, then case-insensitive), as (start, end)."""
    if not context or not excerpt:
        return None
    i = context.find(excerpt)
    if i < 0:
        i = context.lower().find(excerpt.lower())
    if i < 0:
        # tolerate whitespace differences between the excerpt and the paragraph text
        pattern = r"\s+".join(re.escape(w) for w in excerpt.split())
        m = re.search(pattern, context, re.I) if pattern else None
        return (m.start(), m.end()) if m else None
    return i, i + len(excerpt)
