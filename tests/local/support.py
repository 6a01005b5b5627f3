"""Audit small fixture sites with the local rules through a real offline audit: the files are
written to a temporary folder and read by the local gatherer, exactly as `seotool audit DIR`."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from checks import registry
from seotool.audit import AuditOptions, run_audit
from tests.support.examples import example_config
from tests.support.sites import edited, read_site

SITES = Path(__file__).with_name("sites")

# The clean fixture site's clinic (tests/local/sites/clean).
CLINIC: dict[str, Any] = {
    "name": "Riverbend Spine & Pain",
    "street": "220 W Spring St, Suite 310",
    "city": "Columbus",
    "state": "OH",
    "postal_code": "43215",
    "phone": "614-555-0187",
    "url": "https://riverbendspine.example",
    "service_area": ["Dublin, OH", "Westerville"],
    "services": ["spinal cord stimulation", "epidural steroid injections"],
    "other_phones": [],
}
PROFILE = {"clinic": CLINIC}


def site_files(name: str = "clean") -> dict[str, str]:
    return read_site(SITES / name)


def audit(files: dict[str, str], config: dict[str, Any] | None = None, rules: str = "local") -> dict[str, Any]:
    """The whole audit result (findings, notes, summary) for ``files`` with only ``rules`` selected."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        cfg = example_config([rules], config if config is not None else PROFILE)
        return run_audit([str(root)], cfg, registry(), AuditOptions(offline=True, quiet=True))




def clean_with(edits: dict[str, Any] | None = None, config: dict[str, Any] | None = None,
               rules: str = "local") -> list[dict[str, Any]]:
    """Findings on the clean site after ``edits``."""
    return audit(edited(site_files("clean"), edits or {}), config, rules)["findings"]


def of(findings: list[dict[str, Any]], rule: str) -> list[dict[str, Any]]:
    return [f for f in findings if f["rule"] == rule]


def html(body: str, *, title: str = "Page", head: str = "", footer: str = "", description: str = "") -> str:
    desc = f'<meta name="description" content="{description}">' if description else ""
    return (f'<!doctype html><html lang="en"><head><title>{title}</title>{desc}{head}</head>'
            f"<body><main>{body}</main>{footer}</body></html>")
