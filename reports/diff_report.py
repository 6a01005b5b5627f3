"""Render a comparison of two audits (see ``seotool.diff``) as text, JSON or Markdown."""

from __future__ import annotations

import json
from typing import Any

from reports.markdown_report import escape
from reports.terminal import safe


def render_text(d: dict[str, Any], limit: int = 50) -> str:
    c = d["counts"]
    lines = [f"{_label(d['old'])} -> {_label(d['new'])}",
             f"findings: {c['new']} new, {c['fixed']} fixed, {c['unchanged']} unchanged"]
    for title, key in (("New", "new"), ("Fixed", "fixed")):
        items = d["findings"][key]
        if not items:
            continue
        lines += ["", f"{title} ({len(items)}):"]
        for f in items[:limit]:
            where = f"{safe(f.get('url') or '(site)', 200)}" + (f":{f['line']}" if f.get("line") else "")
            lines.append(f"  {'+' if key == 'new' else '-'} {f.get('severity', ''):<8} {where}  {f.get('rule')}: "
                         f"{safe(f.get('message', ''), 200)}")
        if len(items) > limit:
            lines.append(f"  ... and {len(items) - limit} more (use --format json for all)")
    for f in d["findings"]["severity_changed"][:limit]:
        lines.append(f"  ~ {f['rule']} on {safe(f.get('url') or '(site)', 200)}: {f['old']} -> {f['new']}")
    pages = d["pages"]
    if pages["added"] or pages["removed"] or pages["changed"]:
        lines += ["", f"pages: {len(pages['added'])} added, {len(pages['removed'])} removed, {len(pages['changed'])} changed"]
        lines += [f"  + {safe(u, 200)}" for u in pages["added"][:limit]]
        lines += [f"  - {safe(u, 200)}" for u in pages["removed"][:limit]]
        for ch in pages["changed"][:limit]:
            parts = ", ".join(f"{k} {safe(v['old'], 60)} -> {safe(v['new'], 60)}" for k, v in ch["changes"].items())
            lines.append(f"  ~ {safe(ch['url'], 200)}: {parts}")
    return "\n".join(lines) + "\n"


def render_json(d: dict[str, Any]) -> str:
    return json.dumps(d, ensure_ascii=False, indent=2) + "\n"


def render_markdown(d: dict[str, Any], limit: int = 50) -> str:
    c = d["counts"]
    out = [f"## seotool diff: {c['new']} new, {c['fixed']} fixed, {c['unchanged']} unchanged", ""]
    for title, key in (("New findings", "new"), ("Fixed findings", "fixed")):
        items = d["findings"][key]
        if not items:
            continue
        out += [f"### {title} ({len(items)})", "", "| Severity | Page | Line | Rule | Message |", "|---|---|--:|---|---|"]
        for f in items[:limit]:
            out.append(f"| {escape(f.get('severity'))} | {escape(f.get('url') or '(site)', 120)} | {f.get('line') or ''} "
                       f"| {escape(f.get('rule'))} | {escape(f.get('message'), 200)} |")
        out.append("")
    pages = d["pages"]
    if pages["added"] or pages["removed"] or pages["changed"]:
        out.append(f"Pages: {len(pages['added'])} added, {len(pages['removed'])} removed, {len(pages['changed'])} changed.")
    return "\n".join(out) + "\n"


def _label(ident: dict[str, Any]) -> str:
    who = f"audit {ident['audit_id']}" if ident.get("audit_id") is not None else "audit"
    return f"{who} ({str(ident.get('finished_at') or '?')[:19].replace('T', ' ')})"
