"""The terminal summary: counts first, then findings grouped by page, most severe first.

Crawled text is untrusted: control characters are removed so a page cannot drive the terminal."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ORDER = {"error": 0, "warning": 1, "notice": 2}
_COLORS = {"error": "31", "warning": "33", "notice": "36"}


def safe(text: Any, limit: int = 0) -> str:
    s = _CONTROL.sub(" ", str(text)).replace("\n", " ")
    if limit and len(s) > limit:
        s = s[: limit - 1] + "…"
    return s


def render(result: dict[str, Any], options: dict[str, Any] | None = None) -> str:
    options = options or {}
    color = bool(options.get("color"))
    max_per_page = int(options.get("max_per_page", 20))
    max_pages = options.get("max_pages")  # a summary beside written reports: the worst pages only

    def paint(sev: str, text: str) -> str:
        return f"\x1b[{_COLORS[sev]}m{text}\x1b[0m" if color and sev in _COLORS else text

    s = result["summary"]
    lines = []
    pages = s.get("pages", {})
    state_text = ", ".join(f"{n} {state}" for state, n in sorted(pages.items()))
    lines.append(f"seotool {result['tool']['version']}: {s.get('pages_total', 0)} URLs ({state_text or 'none'})")
    sev = s["by_severity"]
    lines.append(
        f"findings: {paint('error', str(sev.get('error', 0)) + ' errors')}, "
        f"{paint('warning', str(sev.get('warning', 0)) + ' warnings')}, "
        f"{paint('notice', str(sev.get('notice', 0)) + ' notices')}"
        + (f" ({s['suppressed']} suppressed)" if s.get("suppressed") else "")
    )
    if s.get("by_family"):
        lines.append("by family: " + ", ".join(f"{k} {v}" for k, v in s["by_family"].items()))
    read = s.get("readability") or {}
    if read.get("median_grade") is not None:
        lines.append(f"reading grade: median {read['median_grade']} (target {read.get('target_grade', '?')})")
    if result.get("interrupted"):
        lines.append("INTERRUPTED: the audit was stopped; this reports what was gathered before that.")
    for note in result.get("notes", []):
        lines.append(f"note: {safe(note, 300)}")

    failed = [p for p in result["pages"] if p["state"] == "failed"]
    if failed:
        lines.append("")
        lines.append(f"{len(failed)} URL(s) could not be fetched:")
        for p in failed[:max_per_page]:
            status = f" {p['status']}" if p.get("status") else ""
            lines.append(f"  {safe(p['url'], 200)}: {p['reason']}{status}")
        if len(failed) > max_per_page:
            lines.append(f"  ... and {len(failed) - max_per_page} more (see the JSON report)")

    by_page: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in result["findings"]:
        by_page[f["url"] or "(site)"].append(f)

    def page_rank(item: tuple[str, list[dict[str, Any]]]) -> tuple:
        fs = item[1]
        return (min(_ORDER.get(f["severity"], 3) for f in fs), -len(fs), item[0])

    ranked = sorted(by_page.items(), key=page_rank)
    shown = ranked if max_pages is None else ranked[:int(max_pages)]
    for url, fs in shown:
        fs.sort(key=lambda f: (_ORDER.get(f["severity"], 3), f.get("line") or 0))
        lines.append("")
        lines.append(safe(url, 300))
        for f in fs[:max_per_page]:
            where = f":{f['line']}" if f.get("line") else ""
            new = " [new]" if f.get("new") else ""
            lines.append(f"  {paint(f['severity'], f['severity'].upper()):<9}{where} {f['rule']}{new}: {safe(f['message'], 300)}")
            if f.get("excerpt"):
                lines.append(f"      \"{safe(f['excerpt'], 160)}\"")
            if f.get("suggestion"):
                lines.append(f"      fix: {safe(f['suggestion'], 240)}")
        if len(fs) > max_per_page:
            lines.append(f"  ... and {len(fs) - max_per_page} more on this page")
    if len(ranked) > len(shown):
        rest = sum(len(fs) for _url, fs in ranked[len(shown):])
        lines.append("")
        lines.append(f"... and {rest} more findings on {len(ranked) - len(shown)} more pages (see the reports)")
    return "\n".join(lines) + "\n"
