"""Compare two audits (``seotool diff OLD NEW``): which findings are new, fixed or unchanged
(matched by fingerprint, so they survive unrelated edits), and what changed per page."""

from __future__ import annotations

from typing import Any

_SEV = {"error": 0, "warning": 1, "notice": 2}
PAGE_FIELDS = ("state", "reason", "status", "title", "word_count")


def diff_results(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    old_f = {f["fingerprint"]: f for f in old.get("findings") or [] if f.get("fingerprint")}
    new_f = {f["fingerprint"]: f for f in new.get("findings") or [] if f.get("fingerprint")}
    added = [new_f[k] for k in new_f if k not in old_f]
    fixed = [old_f[k] for k in old_f if k not in new_f]
    unchanged = [new_f[k] for k in new_f if k in old_f]
    for group in (added, fixed, unchanged):
        group.sort(key=lambda f: (_SEV.get(f.get("severity", ""), 3), f.get("url") or "", f.get("line") or 0))
    severity_changed = [
        {"fingerprint": k, "rule": new_f[k].get("rule"), "url": new_f[k].get("url"),
         "old": old_f[k].get("severity"), "new": new_f[k].get("severity")}
        for k in new_f if k in old_f and old_f[k].get("severity") != new_f[k].get("severity")
    ]
    return {
        "old": _ident(old),
        "new": _ident(new),
        "findings": {"new": added, "fixed": fixed, "unchanged": unchanged, "severity_changed": severity_changed},
        "counts": {"new": len(added), "fixed": len(fixed), "unchanged": len(unchanged)},
        "pages": diff_pages(old, new),
    }


def _ident(result: dict[str, Any]) -> dict[str, Any]:
    return {"audit_id": result.get("audit_id"), "finished_at": result.get("finished_at"),
            "targets": result.get("targets"), "findings": len(result.get("findings") or [])}


def diff_pages(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Pages that appeared, disappeared or changed (state, status, title, words, findings count)."""
    def index(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
        return {str(p.get("url")): p for p in result.get("pages") or [] if isinstance(p, dict) and p.get("url")}

    def per_page(result: dict[str, Any]) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in result.get("findings") or []:
            counts[f.get("url") or ""] = counts.get(f.get("url") or "", 0) + 1
        return counts

    old_p, new_p = index(old), index(new)
    old_c, new_c = per_page(old), per_page(new)
    changed = []
    for url in new_p.keys() & old_p.keys():
        changes = {k: {"old": old_p[url].get(k), "new": new_p[url].get(k)}
                   for k in PAGE_FIELDS if old_p[url].get(k) != new_p[url].get(k)}
        if old_c.get(url, 0) != new_c.get(url, 0):
            changes["findings"] = {"old": old_c.get(url, 0), "new": new_c.get(url, 0)}
        if changes:
            changed.append({"url": url, "changes": changes})
    changed.sort(key=lambda c: c["url"])
    return {
        "added": sorted(new_p.keys() - old_p.keys()),
        "removed": sorted(old_p.keys() - new_p.keys()),
        "changed": changed,
    }
