"""Baselines: record today's findings so that only new ones fail a build."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from seotool.errors import InputError

BASELINE_VERSION = 1


def make_baseline(result: dict[str, Any]) -> dict[str, Any]:
    """One entry per finding, sorted and without line numbers, so the file diffs cleanly in git.
    The excerpt is kept (shortened) so a reviewer can see what was accepted."""
    entries: dict[str, dict[str, Any]] = {}
    for f in result["findings"]:
        entry = {"fingerprint": f["fingerprint"], "rule": f["rule"], "url": f["url"]}
        if f.get("excerpt"):
            entry["excerpt"] = " ".join(str(f["excerpt"]).split())[:120]
        entries.setdefault(f["fingerprint"], entry)
    return {
        "seotool_baseline": BASELINE_VERSION,
        "created_from": result.get("finished_at"),
        "targets": result.get("targets") or [],
        "findings": sorted(entries.values(), key=lambda e: (e["url"], e["rule"], e["fingerprint"])),
    }


def write_baseline(result: dict[str, Any], path: Path) -> int:
    """Write the baseline of ``result`` to ``path``; returns how many findings it holds."""
    data = make_baseline(result)
    try:
        if path.parent != Path(""):
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the baseline {path}: {exc.strerror or exc}") from None
    return len(data["findings"])


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
    present = {f["fingerprint"] for f in result["findings"]}
    present |= {s.get("fingerprint") for s in result.get("suppressed") or [] if isinstance(s, dict)}
    result["baseline"] = {"path": str(path), "new": sum(1 for f in result["findings"] if f["new"]),
                          "known": sum(1 for f in result["findings"] if not f["new"]),
                          "fixed": len(known - present)}
