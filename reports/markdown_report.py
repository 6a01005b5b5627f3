"""Markdown: a summary for a pull-request comment or a CI step summary.

Counts first, then the most important findings (new before known, errors first), capped so the
comment stays readable (``max_findings``, default 50; GitHub also caps step summaries at 1 MiB).
Crawled text is untrusted: Markdown and HTML in it are escaped, and ``@`` cannot mention anyone.
"""

from __future__ import annotations

import re
from typing import Any

from reports.common import (
    SEVERITIES,
    audited_pages,
    by_importance,
    counts_for_fail,
    fail_on,
    findings,
    one_line,
    rule_meta,
    severity_counts,
    site_name,
)

MAX_FINDINGS = 50
_ICONS = {"error": "🔴", "warning": "🟠", "notice": "🔵"}
# Inside a table cell only inline syntax matters: emphasis, code, links, pipes and raw HTML.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~<>&])")


def escape(text: Any, limit: int = 0) -> str:
    """Plain text safe inside Markdown and a table cell: punctuation backslash-escaped, HTML
    brackets as entities, mentions defused, newlines folded."""
    s = one_line(text, limit)
    s = _MD_SPECIAL.sub(lambda m: {"<": "&lt;", ">": "&gt;", "&": "&amp;"}.get(m.group(1), "\\" + m.group(1)), s)
    return s.replace("@", "@&#8203;")  # a zero-width space after @ stops GitHub mentions


def render(result: dict[str, Any], options: dict[str, Any] | None = None) -> str:
    options = options or {}
    cap = int(options.get("max_findings", MAX_FINDINGS))
    threshold = fail_on(result, options)
    items = by_importance(result)
    counts = severity_counts(items)
    failing = [f for f in items if counts_for_fail(f, threshold)]
    out: list[str] = []

    verdict = "❌ fails" if failing else "✅ passes"
    if threshold == "never":
        verdict = "ℹ️ report only"
    out.append(f"## seotool: {escape(site_name(result), 200)}")
    out.append("")
    summary = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in SEVERITIES)
    out.append(f"**{verdict}** (`--fail-on {threshold}`): {summary} on {len(audited_pages(result))} "
               f"page{'s' if len(audited_pages(result)) != 1 else ''}.")
    baseline = result.get("baseline")
    if isinstance(baseline, dict):
        out.append("")
        out.append(f"Baseline: **{baseline.get('new', 0)} new**, {baseline.get('known', 0)} already known "
                   "(only new findings count).")
    if result.get("interrupted"):
        out.append("")
        out.append("> **Interrupted:** this covers only what was gathered before the audit stopped.")
    out.append("")

    by_family: dict[str, dict[str, int]] = {}
    for f in items:
        fam = by_family.setdefault(f.get("family") or "other", {s: 0 for s in SEVERITIES})
        if f.get("severity") in fam:
            fam[f["severity"]] += 1
    if by_family:
        out.append("| Family | Errors | Warnings | Notices |")
        out.append("|---|--:|--:|--:|")
        for fam, c in by_family.items():
            out.append(f"| {escape(fam)} | {c['error']} | {c['warning']} | {c['notice']} |")
        out.append("")

    if items:
        shown = items[:cap]
        title = "Most important findings" + (f" (first {cap} of {len(items)})" if len(items) > cap else "")
        out.append(f"### {title}")
        out.append("")
        out.append("| | Page | Line | Rule | Finding |")
        out.append("|---|---|--:|---|---|")
        for f in shown:
            out.append(_row(f, result))
        if len(items) > cap:
            out.append("")
            out.append(f"…and {len(items) - cap} more: see the HTML or CSV report for all findings.")
        out.append("")
    else:
        out.append("No findings. 🎉")
        out.append("")

    suppressed = [s for s in result.get("suppressed") or [] if isinstance(s, dict)]
    if suppressed:
        out.append(f"<details><summary>{len(suppressed)} suppressed finding{'s' if len(suppressed) != 1 else ''}</summary>")
        out.append("")
        out.append("| Page | Line | Rule | How | Reason |")
        out.append("|---|--:|---|---|---|")
        for s in suppressed[:cap]:
            out.append(f"| {escape(s.get('url') or '(site)', 120)} | {s.get('line') or ''} | `{_code(s.get('rule'))}` "
                       f"| {escape(s.get('how') or '')} | {escape(s.get('reason') or '', 200)} |")
        out.append("")
        out.append("</details>")
        out.append("")

    failed = [p for p in result.get("pages") or [] if isinstance(p, dict) and p.get("state") == "failed"]
    if failed:
        out.append(f"{len(failed)} URL(s) could not be fetched, e.g. {escape(failed[0].get('url'), 150)} "
                   f"({escape(failed[0].get('reason') or 'failed')}).")
        out.append("")
    tool = result.get("tool") or {}
    out.append(f"<sub>seotool {escape(tool.get('version') or '')} · {len(findings(result))} findings · "
               f"run `seotool rules RULE` to explain a rule</sub>")
    return "\n".join(out) + "\n"


def _row(f: dict[str, Any], result: dict[str, Any]) -> str:
    sev = f.get("severity") or ""
    icon = _ICONS.get(sev, "")
    new = " **new**" if f.get("new") else ""
    meta = rule_meta(result, str(f.get("rule") or ""))
    text = escape(f.get("message") or meta.get("title") or "", 300)
    if f.get("excerpt"):
        text += f" — “{escape(f['excerpt'], 160)}”"
    if f.get("suggestion"):
        text += f"<br>**Fix:** {escape(f['suggestion'], 300)}"
    source = f.get("source") if isinstance(f.get("source"), dict) else None
    if source and str(source.get("url", "")).startswith(("http://", "https://")):
        text += f" ([{escape(source.get('name') or 'source', 80)}]({_url(source['url'])}))"
    return (f"| {icon} {escape(sev)}{new} | {escape(f.get('url') or '(site)', 120)} | {f.get('line') or ''} "
            f"| `{_code(f.get('rule'))}` | {text} |")


def _code(text: Any) -> str:
    """Rule ids inside a code span: only our own ids land here, but never let one close the span."""
    return one_line(text).replace("`", "'").replace("|", "\\|")


def _url(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("|", "%7C")
