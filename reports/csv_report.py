"""CSV: one row per finding, for spreadsheets.

UTF-8 with a byte-order mark so Excel detects the encoding. Crawled text is untrusted: a cell
that starts with ``= + - @`` (or a tab / carriage return) would be run as a formula by
spreadsheet programs, so it gets a leading apostrophe (OWASP "CSV injection")."""

from __future__ import annotations

import csv
import io
from typing import Any

from reports.common import by_importance, rule_meta

COLUMNS = ("severity", "confidence", "rule", "family", "title", "url", "line", "section", "message", "excerpt",
           "suggestion", "source_name", "source_url", "new", "fingerprint")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: Any) -> str:
    """The cell text, with a leading apostrophe when a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value).replace("\x00", "")  # NUL breaks many CSV readers
    return "'" + text if text.startswith(_FORMULA_START) else text


def rows(result: dict[str, Any]) -> list[dict[str, str]]:
    out = []
    for f in by_importance(result):
        source = f.get("source") if isinstance(f.get("source"), dict) else {}
        row = {
            "severity": f.get("severity"),
            "confidence": f.get("confidence"),
            "rule": f.get("rule"),
            "family": f.get("family"),
            "title": rule_meta(result, str(f.get("rule") or "")).get("title"),
            "url": f.get("url"),
            "line": f.get("line"),
            "section": f.get("section"),
            "message": f.get("message"),
            "excerpt": f.get("excerpt"),
            "suggestion": f.get("suggestion"),
            "source_name": source.get("name"),
            "source_url": source.get("url"),
            "new": f.get("new") if "new" in f else None,
            "fingerprint": f.get("fingerprint"),
        }
        out.append({k: defuse(v) for k, v in row.items()})
    return out


def render(result: dict[str, Any], options: dict[str, Any] | None = None) -> str:
    buf = io.StringIO()
    buf.write("\ufeff")  # BOM: Excel opens the file as UTF-8
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows(result))
    return buf.getvalue()
