"""JUnit XML, for CI systems that show test results: one testsuite per page, one failing testcase
per finding at or above ``--fail-on`` (with a baseline: per new finding at or above it), and one
passing "audited" testcase per page so a clean page shows up as a pass.

Findings below the threshold are listed in the suite's ``system-out``; URLs that could not be
fetched are skipped testcases with the reason."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from reports.common import audited_pages, counts_for_fail, fail_on, findings, importance, one_line, rule_meta

# Characters XML 1.0 cannot carry at all, even escaped.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: Any) -> str:
    return _XML_INVALID.sub("", str(text if text is not None else ""))


def render(result: dict[str, Any], options: dict[str, Any] | None = None) -> str:
    threshold = fail_on(result, options)
    per_page: dict[str, list[dict[str, Any]]] = {}
    order: list[str] = []
    for p in audited_pages(result):
        key = str(p.get("url") or "")
        if key not in per_page:
            per_page[key] = []
            order.append(key)
    aliases = {str(p.get("final_url")): str(p.get("url")) for p in audited_pages(result) if p.get("final_url")}
    for f in sorted(findings(result), key=importance):
        url = str(f.get("url") or "")
        url = url if url in per_page else aliases.get(url, url)
        if url not in per_page:
            per_page[url] = []
            order.append(url)
        per_page[url].append(f)

    root = ET.Element("testsuites", name="seotool")
    total_tests = total_failures = total_skipped = 0
    stamp = clean(result.get("started_at") or "")
    for url in order:
        suite = ET.SubElement(root, "testsuite", name=clean(url or "(site)"), timestamp=stamp)
        counted = [f for f in per_page[url] if counts_for_fail(f, threshold)]
        below = [f for f in per_page[url] if not counts_for_fail(f, threshold)]
        ok = ET.SubElement(suite, "testcase", classname="seotool.page", name="audited", time="0")
        if url:
            ok.set("file", clean(url))
        for f in counted:
            _failing_case(suite, f, result)
        if below:
            out = ET.SubElement(suite, "system-out")
            out.text = clean("\n".join(
                f"{f.get('severity')}: {f.get('rule')} line {f.get('line') or '-'}: {one_line(f.get('message'), 300)}"
                + (" (known, in baseline)" if f.get("new") is False else " (below --fail-on)")
                for f in below))
        tests, failures = 1 + len(counted), len(counted)
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total_tests += tests
        total_failures += failures

    failed_pages = [p for p in result.get("pages") or [] if isinstance(p, dict) and p.get("state") == "failed"]
    if failed_pages:
        suite = ET.SubElement(root, "testsuite", name="URLs that could not be fetched", timestamp=stamp,
                              tests=str(len(failed_pages)), failures="0", errors="0", skipped=str(len(failed_pages)))
        for p in failed_pages:
            case = ET.SubElement(suite, "testcase", classname="seotool.fetch", name=clean(p.get("url")), time="0")
            ET.SubElement(case, "skipped", message=clean(f"could not be fetched: {p.get('reason') or 'failed'}"))
        total_tests += len(failed_pages)
        total_skipped += len(failed_pages)

    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    root.set("skipped", str(total_skipped))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _failing_case(suite: ET.Element, f: dict[str, Any], result: dict[str, Any]) -> None:
    rid = str(f.get("rule") or "tool.unknown")
    meta = rule_meta(result, rid)
    where = f" line {f['line']}" if f.get("line") else ""
    excerpt = f": \"{one_line(f['excerpt'], 80)}\"" if f.get("excerpt") else ""
    case = ET.SubElement(suite, "testcase", classname=clean(f"seotool.{f.get('family') or 'tool'}"),
                         name=clean(f"{rid}{where}{excerpt}"), time="0")
    if f.get("url"):
        case.set("file", clean(f["url"]))
    if isinstance(f.get("line"), int):
        case.set("line", str(f["line"]))
    failure = ET.SubElement(case, "failure", type=clean(f.get("severity") or "error"),
                            message=clean(one_line(f.get("message"), 500)))
    lines = [f"{f.get('severity')} ({f.get('confidence') or '?'} confidence): {one_line(f.get('message'))}"]
    for label, key in (("Page", "url"), ("Section", "section"), ("Excerpt", "excerpt"), ("Fix", "suggestion")):
        if f.get(key):
            lines.append(f"{label}: {one_line(f[key], 1000)}")
    if meta.get("why"):
        lines.append(f"Why it matters: {one_line(meta['why'])}")
    source = f.get("source") if isinstance(f.get("source"), dict) else meta.get("source")
    if isinstance(source, dict) and source.get("url"):
        lines.append(f"Source: {one_line(source.get('name') or '')} <{source['url']}>")
    if f.get("fingerprint"):
        lines.append(f"Fingerprint: {f['fingerprint']}")
    failure.text = clean("\n".join(lines))
