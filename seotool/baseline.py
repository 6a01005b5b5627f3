"""Baselines: record today's findings so that only new ones fail a build."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from seotool.errors import InputError

BASELINE_VERSION = 1


def make_baseline(result: dict[str, Any]) -> dict[str, Any]:
    entries = sorted({(f["fingerprint"], f["rule"], f["url"]) for f in result["findings"]})
    return {
        "seotool_baseline": BASELINE_VERSION,
        "created_from": result.get("finished_at"),
        "findings": [{"fingerprint": fp, "rule": rule, "url": url} for fp, rule, url in entries],
    }


def load_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"baseline file not found: {path}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a seotool baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or "seotool_baseline" not in data or not isinstance(data.get("findings"), list):
        raise InputError(f"{path}: not a seotool baseline (make one with 'seotool baseline AUDIT.json -o {path}')")
    return {str(f.get("fingerprint")) for f in data["findings"] if isinstance(f, dict)}


def apply_baseline(result: dict[str, Any], path: Path) -> None:
    """Mark each finding ``new`` (True when not in the baseline); only new ones count for --fail-on."""
    known = load_baseline(path)
    for f in result["findings"]:
        f["new"] = f["fingerprint"] not in known
    result["baseline"] = {"path": str(path), "new": sum(1 for f in result["findings"] if f["new"]),
                          "known": sum(1 for f in result["findings"] if not f["new"])}
