"""SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.

For local files each result points at the file relative to the repository (``%SRCROOT%``: the
working directory when the report is written, which in CI is the checkout) with the line, so the
annotation lands on the line an editor will change. Crawled pages are named by their URL.
Suppressed findings are included with their justification, so viewers show them as suppressed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from reports.common import findings, one_line, rule_meta

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "notice": "note"}
PRECISION = {"high": "high", "medium": "medium", "low": "low"}
FINGERPRINT_KEY = "seotool/v1"


def render(result: dict[str, Any], options: dict[str, Any] | None = None) -> str:
    return json.dumps(build(result, options), ensure_ascii=False, indent=2) + "\n"


def build(result: dict[str, Any], options: dict[str, Any] | None = None) -> dict[str, Any]:
    options = options or {}
    locator = _Locator(result, Path(options.get("srcroot") or Path.cwd()))
    rule_ids = _rule_ids(result)
    index = {rid: i for i, rid in enumerate(rule_ids)}
    results = [_result(f, index, locator) for f in findings(result)]
    results += [_suppressed(s, result, index, locator) for s in result.get("suppressed") or [] if isinstance(s, dict)]
    tool = result.get("tool") or {}
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "seotool",
            "version": str(tool.get("version") or "0"),
            "rules": [_rule(rule_meta(result, rid)) for rid in rule_ids],
        }},
        "results": results,
        "columnKind": "unicodeCodePoints",
        "invocations": [_invocation(result)],
    }
    if locator.base_ids:
        run["originalUriBaseIds"] = locator.base_ids
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _rule_ids(result: dict[str, Any]) -> list[str]:
    ids = list((result.get("rules") or {}).keys())
    for f in [*findings(result), *(result.get("suppressed") or [])]:
        rid = f.get("rule") if isinstance(f, dict) else None
        if rid and rid not in ids:
            ids.append(rid)
    return ids


def _rule(meta: dict[str, Any]) -> dict[str, Any]:
    rid = str(meta.get("id"))
    title = one_line(meta.get("title") or rid)
    what, why, fix = (one_line(meta.get(k) or "") for k in ("what", "why", "fix"))
    source = meta.get("source") if isinstance(meta.get("source"), dict) else None
    text = "\n\n".join(x for x in (what, f"Why it matters: {why}" if why else "", f"How to fix: {fix}" if fix else "") if x)
    md = [f"**{title}**"]
    if what:
        md.append(what)
    if why:
        md.append(f"**Why it matters.** {why}")
    if fix:
        md.append(f"**How to fix.** {fix}")
    if source and source.get("url"):
        md.append(f"Source: [{source.get('name') or source['url']}]({source['url']})")
    md.append(f"Explain locally: `seotool rules {rid}`")
    rule: dict[str, Any] = {
        "id": rid,
        "name": rid.split(".", 1)[-1],
        "shortDescription": {"text": title},
        "fullDescription": {"text": what or title},
        "help": {"text": text or title, "markdown": "\n\n".join(md)},
        "defaultConfiguration": {"level": LEVELS.get(meta.get("severity") or "", "warning")},
        "properties": {
            "tags": [meta.get("family") or rid.split(".", 1)[0], "seo"],
            "precision": PRECISION.get(meta.get("confidence") or "", "medium"),
        },
    }
    if source and str(source.get("url", "")).startswith(("http://", "https://")):
        rule["helpUri"] = source["url"]
    return rule


def _message(f: dict[str, Any]) -> str:
    parts = [one_line(f.get("message") or f.get("rule") or "finding")]
    if f.get("excerpt"):
        parts.append(f"Excerpt: \"{one_line(f['excerpt'], 300)}\"")
    if f.get("suggestion"):
        parts.append(f"Suggestion: {one_line(f['suggestion'], 500)}")
    source = f.get("source")
    if isinstance(source, dict) and source.get("url"):
        parts.append(f"Source: {one_line(source.get('name') or '')} {source['url']}".replace("  ", " "))
    return "\n".join(parts)


def _result(f: dict[str, Any], index: dict[str, int], locator: _Locator) -> dict[str, Any]:
    rid = str(f.get("rule") or "tool.unknown")
    out: dict[str, Any] = {
        "ruleId": rid,
        "ruleIndex": index[rid],
        "level": LEVELS.get(f.get("severity") or "", "warning"),
        "message": {"text": _message(f)},
        "locations": [locator.location(f)],
    }
    if f.get("fingerprint"):
        out["partialFingerprints"] = {FINGERPRINT_KEY: str(f["fingerprint"])}
    if "new" in f:
        out["baselineState"] = "new" if f["new"] else "unchanged"
    props = {k: f[k] for k in ("family", "confidence", "section", "suggestion") if f.get(k)}
    if props:
        out["properties"] = props
    return out


def _suppressed(s: dict[str, Any], result: dict[str, Any], index: dict[str, int], locator: _Locator) -> dict[str, Any]:
    rid = str(s.get("rule") or "tool.unknown")
    meta = rule_meta(result, rid)
    out = _result({**s, "severity": meta.get("severity") or "warning",
                   "message": f"{meta.get('title') or rid} (suppressed)"}, index, locator)
    out["suppressions"] = [{
        "kind": "inSource" if s.get("how") == "inline" else "external",
        "justification": one_line(s.get("reason") or "no reason given"),
    }]
    return out


def _invocation(result: dict[str, Any]) -> dict[str, Any]:
    inv: dict[str, Any] = {"executionSuccessful": not result.get("interrupted")}
    for key, out_key in (("started_at", "startTimeUtc"), ("finished_at", "endTimeUtc")):
        stamp = result.get(key)
        if isinstance(stamp, str) and stamp:
            inv[out_key] = stamp.replace("+00:00", "Z")
    notes = [n for n in result.get("notes") or [] if isinstance(n, str)]
    if notes:
        inv["toolExecutionNotifications"] = [{"level": "note", "message": {"text": one_line(n)}} for n in notes]
    return inv


class _Locator:
    """Turns a finding's url (a path relative to the audited folder, or a crawled URL) into a
    SARIF location. Paths are made relative to ``srcroot`` when the folder lies inside it."""

    def __init__(self, result: dict[str, Any], srcroot: Path) -> None:
        self.base_ids: dict[str, Any] = {}
        root = result.get("local_root")
        self.local_root = Path(root) if root else None
        self.prefix: str | None = None  # the audited folder, relative to srcroot
        self.srcroot = srcroot.resolve()
        if self.local_root is not None:
            try:
                rel = self.local_root.resolve().relative_to(self.srcroot).as_posix()
                self.prefix = "" if rel == "." else rel + "/"
                self.base_ids["%SRCROOT%"] = {"uri": _dir_uri(self.srcroot)}
            except ValueError:
                self.base_ids["SITEROOT"] = {"uri": _dir_uri(self.local_root)}
        self.first_target = next(iter(result.get("targets") or []), "")

    def location(self, f: dict[str, Any]) -> dict[str, Any]:
        url = str(f.get("url") or "")
        artifact: dict[str, Any]
        if url.startswith(("http://", "https://")):
            artifact = {"uri": url}
        elif self.local_root is not None:
            rel = url or ""
            if self.prefix is not None:
                artifact = {"uri": _uri_path(self.prefix + rel) or ".", "uriBaseId": "%SRCROOT%"}
            else:
                artifact = {"uri": _uri_path(rel) or ".", "uriBaseId": "SITEROOT"}
        else:
            artifact = {"uri": url or str(self.first_target) or "."}
        physical: dict[str, Any] = {"artifactLocation": artifact}
        line = f.get("line")
        if isinstance(line, int) and not isinstance(line, bool) and line >= 1:
            region: dict[str, Any] = {"startLine": line}
            if f.get("excerpt"):
                region["snippet"] = {"text": str(f["excerpt"])[:1000]}
            physical["region"] = region
        loc: dict[str, Any] = {"physicalLocation": physical}
        if f.get("section"):
            loc["message"] = {"text": f"Section: {one_line(f['section'], 300)}"}
        return loc


def _uri_path(path: str) -> str:
    """A relative path as a URI reference (spaces and other reserved characters percent-encoded)."""
    from urllib.parse import quote

    return quote(path.replace(os.sep, "/"), safe="/-._~")


def _dir_uri(path: Path) -> str:
    uri = path.resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"
