"""The HTML report: one self-contained file for people (marketing staff, editors).

Everything is rendered on the server side with Jinja2 autoescaping, so crawled text (titles,
excerpts, URLs) can never become markup: a page containing ``<script>`` shows it as text. The
small stylesheet and script are inlined and allowed by their SHA-256 hashes in a restrictive
Content-Security-Policy (``default-src 'none'``), so nothing else can run or load, and the file
works offline. Without JavaScript (or when printed) every view is shown one after another.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import ChainableUndefined, Environment, FileSystemLoader

from reports.common import (
    FAMILY_ORDER,
    SEVERITIES,
    SEVERITY_RANK,
    audited_pages,
    by_importance,
    counts_for_fail,
    fail_on,
    grade_distribution,
    locate,
    page_grade,
    pages,
    rule_meta,
    severity_counts,
    site_name,
    target_grade,
    worst_pages,
)

HERE = Path(__file__).parent
CONTEXT_WINDOW = 280  # characters of paragraph shown either side of a highlighted excerpt


@cache
def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=ChainableUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_href"] = safe_href
    env.filters["when"] = when
    return env


@cache
def _asset(name: str) -> str:
    text = (HERE / "static" / name).read_text(encoding="utf-8")
    if "</" in text:  # would end the inline element early
        raise ValueError(f"reports/static/{name} must not contain '</'")
    return text


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


# Marks the document as scripted before the body is parsed, so only the current view is laid out
# (a report of thousands of findings would otherwise lay out every view while loading).
EARLY_JS = 'document.documentElement.classList.add("js");'


def content_security_policy(css: str, *scripts: str) -> str:
    hashes = " ".join(csp_hash(js) for js in scripts)
    return ("default-src 'none'; "
            f"style-src {csp_hash(css)}; script-src {hashes}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def safe_href(url: Any) -> str | None:
    """Only http(s) URLs become links; anything else (javascript:, data:) stays text."""
    text = str(url or "").strip()
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return None
    return text if scheme in ("http", "https") else None


def when(stamp: Any) -> str:
    """An ISO timestamp as people read it: '2025-03-01 14:05 UTC'."""
    from datetime import UTC, datetime

    try:
        dt = datetime.fromisoformat(str(stamp))
    except ValueError:
        return str(stamp or "")
    if dt.tzinfo is not None:
        return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return dt.strftime("%Y-%m-%d %H:%M")


def render(result: dict[str, Any], options: dict[str, Any] | None = None) -> str:
    css, js = _asset("report.css"), _asset("report.js")
    model = build_model(result, options or {})
    return _env().get_template("report.html.j2").render(
        r=model, css=css, js=js, early_js=EARLY_JS, csp=content_security_policy(css, EARLY_JS, js))


# -- the view model --------------------------------------------------------------------------


def build_model(result: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    threshold = fail_on(result, options)
    items = by_importance(result)
    audited = audited_pages(result)
    page_ids: dict[str, str] = {}
    page_entries = []
    for i, p in enumerate(audited):
        anchor = f"page-{i + 1}"
        for key in (p.get("url"), p.get("final_url")):
            if key:
                page_ids.setdefault(str(key), anchor)
        page_entries.append({"anchor": anchor, "url": str(p.get("url") or ""), "final_url": p.get("final_url"),
                             "title": p.get("title") or "", "status": p.get("status"),
                             "word_count": p.get("word_count"), "grade": page_grade(p),
                             "metrics": _scalar_metrics(p.get("metrics")), "findings": []})
    by_anchor = {e["anchor"]: e for e in page_entries}
    extra: dict[str, dict[str, Any]] = {}

    rows = []
    for n, f in enumerate(items, start=1):
        rid = str(f.get("rule") or "")
        meta = rule_meta(result, rid)
        url = str(f.get("url") or "")
        anchor = page_ids.get(url)
        row = {
            "id": f"f-{n}",
            "severity": f.get("severity") or "notice",
            "sev_rank": SEVERITY_RANK.get(f.get("severity") or "", 3),
            "confidence": f.get("confidence") or "",
            "rule": rid,
            "title": meta.get("title") or rid,
            "family": f.get("family") or meta.get("family") or "",
            "url": url,
            "page_anchor": anchor,
            "line": f.get("line") if isinstance(f.get("line"), int) else None,
            "section": f.get("section") or "",
            "message": f.get("message") or "",
            "excerpt": f.get("excerpt") or "",
            "context": _context(f.get("context") or "", f.get("excerpt") or ""),
            "element": f.get("element") or "",
            "suggestion": f.get("suggestion") or "",
            "source": f.get("source") if isinstance(f.get("source"), dict) else None,
            "why": meta.get("why") or "",
            "fix": meta.get("fix") or "",
            "rule_source": meta.get("source") if isinstance(meta.get("source"), dict) else None,
            "rule_documented": rid in (result.get("rules") or {}),
            "new": f.get("new"),
            "fails": counts_for_fail(f, threshold),
            "fingerprint": f.get("fingerprint") or "",
        }
        rows.append(row)
        if anchor:
            by_anchor[anchor]["findings"].append(row)
        else:  # a site-level finding, or one about a URL that is not an audited page
            entry = extra.get(url)
            if entry is None:
                entry = {"anchor": f"page-x{len(extra) + 1}", "url": url, "title": "", "site_level": not url,
                         "findings": [], "metrics": [], "grade": None, "word_count": None, "final_url": None}
                extra[url] = entry
                page_entries.append(entry)
                by_anchor[entry["anchor"]] = entry
                page_ids.setdefault(url, entry["anchor"])
            row["page_anchor"] = entry["anchor"]
            entry["findings"].append(row)
    for e in page_entries:
        e["counts"] = severity_counts(e["findings"])
        first: dict[str, str] = {}  # why/how-to-fix once per rule and page; later findings link to it
        for row in e["findings"]:
            row["explained_at"] = first.get(row["rule"])
            first.setdefault(row["rule"], row["id"])
    page_entries.sort(key=lambda e: (tuple(-e["counts"][s] for s in SEVERITIES), e["url"]))

    counts = severity_counts(items)
    families = sorted({r["family"] for r in rows}, key=lambda f: (FAMILY_ORDER.index(f) if f in FAMILY_ORDER else 99, f))
    rules_used = sorted({r["rule"] for r in rows})
    documented = result.get("rules") or {}
    rule_docs = []
    rule_counts: dict[str, int] = {}
    for r in rows:
        rule_counts[r["rule"]] = rule_counts.get(r["rule"], 0) + 1
    for rid in sorted(set(documented) | set(rules_used), key=lambda x: (-rule_counts.get(x, 0), x)):
        meta = rule_meta(result, rid)
        rule_docs.append({**meta, "id": rid, "count": rule_counts.get(rid, 0)})

    not_fetched = [p for p in pages(result) if p.get("state") != "fetched"]
    baseline = result.get("baseline") if isinstance(result.get("baseline"), dict) else None
    tool = result.get("tool") or {}
    return {
        "site": site_name(result),
        "version": tool.get("version") or "",
        "started_at": result.get("started_at") or "",
        "finished_at": result.get("finished_at") or "",
        "fail_on": threshold,
        "failing": sum(1 for r in rows if r["fails"]),
        "interrupted": bool(result.get("interrupted")),
        "baseline": baseline,
        "new_count": sum(1 for r in rows if r["new"]),
        "counts": counts,
        "total": len(rows),
        "pages_audited": len(audited),
        "pages_total": len(pages(result)),
        "page_states": _states(result),
        "rows": rows,
        "pages": page_entries,
        "families": families,
        "rules_used": rules_used,
        "page_urls": sorted({r["url"] for r in rows}),
        "rule_docs": rule_docs,
        "suppressed": [s for s in result.get("suppressed") or [] if isinstance(s, dict)],
        "notes": [str(n) for n in result.get("notes") or []],
        "not_fetched": not_fetched,
        "charts": {
            "families": family_chart(rows, families),
            "grades": grade_chart(grade_distribution(result), target_grade(result)),
            "worst": worst_chart(worst_pages(result), page_ids, _origin(result)),
        },
        "median_grade": _readability(result).get("median_grade"),
        "target_grade": target_grade(result),
        "pages_not_graded": _readability(result).get("pages_not_graded"),
    }


def _readability(result: dict[str, Any]) -> dict[str, Any]:
    value = (result.get("summary") or {}).get("readability")
    return value if isinstance(value, dict) else {}


def _states(result: dict[str, Any]) -> dict[str, int]:
    out: dict[str, int] = {}
    for p in pages(result):
        state = str(p.get("state") or "unknown")
        out[state] = out.get(state, 0) + 1
    return out


def _scalar_metrics(metrics: Any) -> list[tuple[str, str]]:
    """A few readable figures per page from each family's metrics (numbers and short strings)."""
    out: list[tuple[str, str]] = []
    if not isinstance(metrics, dict):
        return out
    for family, values in metrics.items():
        if not isinstance(values, dict):
            continue
        for key, value in values.items():
            if isinstance(value, bool) or not isinstance(value, int | float | str) or key == "error":
                continue
            if isinstance(value, str) and len(value) > 40:
                continue
            shown = f"{value:.1f}" if isinstance(value, float) else str(value)
            out.append((f"{family} · {key.replace('_', ' ')}", shown))
            if len(out) >= 12:
                return out
    return out


def _context(context: str, excerpt: str) -> dict[str, Any] | None:
    """The paragraph split around the excerpt, for highlighting; long paragraphs are trimmed."""
    if not context:
        return None
    span = locate(context, excerpt)
    if span is None:
        text = context if len(context) <= 2 * CONTEXT_WINDOW else context[: 2 * CONTEXT_WINDOW].rstrip() + "…"
        return {"before": text, "mark": "", "after": ""}
    start, end = span
    before, mark, after = context[:start], context[start:end], context[end:]
    if len(before) > CONTEXT_WINDOW:  # cut at a word boundary
        cut = before[-CONTEXT_WINDOW:]
        before = "…" + (cut.split(" ", 1)[1] if " " in cut else cut).lstrip()
    if len(after) > CONTEXT_WINDOW:
        cut = after[:CONTEXT_WINDOW]
        after = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip() + "…"
    return {"before": before, "mark": mark, "after": after}


# -- charts: inline SVG; bar geometry in percent of the track, computed here ----------------


def _segments(counts: dict[str, int], top: int) -> tuple[list[dict[str, Any]], float]:
    x = 0.0
    out = []
    for s in SEVERITIES:
        if counts.get(s):
            w = max(100 * counts[s] / top, 0.8) if top else 0
            out.append({"severity": s, "x": round(x, 2), "w": round(w, 2), "n": counts[s]})
            x += w
    return out, round(x, 2)


def family_chart(rows: list[dict[str, Any]], families: list[str]) -> dict[str, Any]:
    per = {fam: {s: 0 for s in SEVERITIES} for fam in families}
    for r in rows:
        if r["severity"] in SEVERITIES:
            per[r["family"]][r["severity"]] += 1
    top = max((sum(c.values()) for c in per.values()), default=0)
    bars = []
    for fam in families:
        segments, end = _segments(per[fam], top)
        bars.append({"label": fam, "total": sum(per[fam].values()), "segments": segments, "end": end})
    return {"bars": bars}


def grade_chart(dist: list[tuple[str, int, float | None]], target: float | None) -> dict[str, Any]:
    """Columns of pages per grade bucket; buckets that start at or above the target are marked."""
    top = max((n for _, n, _ in dist), default=0)
    col_w = 70
    bars = []
    for i, (label, n, low) in enumerate(dist):
        h = 110 * n / top if top else 0
        bars.append({"label": label, "n": n, "x": 16 + i * col_w, "w": col_w - 18, "h": round(h, 1),
                     "y": round(135 - h, 1), "over": target is not None and low is not None and low >= target})
    return {"bars": bars, "width": 24 + len(dist) * col_w, "target": target}


def _origin(result: dict[str, Any]) -> str:
    """The crawled site's origin (scheme://host/), so charts can name pages by their path."""
    target = str(next(iter(result.get("targets") or []), ""))
    try:
        parts = urlsplit(target)
    except ValueError:
        return ""
    return f"{parts.scheme}://{parts.netloc}/" if parts.scheme in ("http", "https") and parts.netloc else ""


def worst_chart(worst: list[tuple[str, dict[str, int]]], page_ids: dict[str, str], origin: str = "") -> dict[str, Any]:
    top = max((sum(c.values()) for _, c in worst), default=0)
    bars = []
    for url, c in worst:
        segments, end = _segments(c, top)
        label = "/" + url[len(origin):] if origin and url.startswith(origin) else url
        bars.append({"label": label or "(site-wide)", "url": url, "anchor": page_ids.get(url), "total": sum(c.values()),
                     "segments": segments, "end": end})
    return {"bars": bars}
