"""Audit small fixture sites with the onpage rules: the clean site on disk, optionally with files
replaced or added, run through a real offline audit (tests.support.examples)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from seotool.rules import Example
from tests.support.examples import run_example
from tests.support.sites import edited, read_site

SITES = Path(__file__).with_name("sites")
PROD = "https://www.blueridgeclinic.com"
CONFIG = {"site": {"url": PROD}}


def site_files(name: str = "clean") -> dict[str, str]:
    return read_site(SITES / name)


def audit(files: dict[str, str], config: dict[str, Any] | None = None, rules: str = "onpage") -> list[dict[str, Any]]:
    """Findings of ``rules`` on ``files``; index.html is put first so that it is the start page."""
    ordered = dict(sorted(files.items(), key=lambda kv: kv[0] != "index.html"))
    return run_example(Example(files=ordered, config={**CONFIG, **(config or {})}), [rules])


def clean_with(edits: dict[str, Any] | None = None, config: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Audit the clean site with some files changed: a string replaces (or adds) a file, an
    ``(old, new)`` tuple (or a list of them) replaces text in it (which must be there), None
    deletes it."""
    return audit(edited(site_files("clean"), edits or {}), config)




def by_rule(findings: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for f in findings:
        out.setdefault(f["rule"], []).append(f)
    return out
