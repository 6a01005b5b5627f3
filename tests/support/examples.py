"""Run a rule's bad/good example through a real audit: files written to a temp folder and audited
offline, or (for examples with ``responses``) served on 127.0.0.1 and crawled."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from checks import registry
from seotool.audit import AuditOptions, run_audit
from seotool.config import Config, defaults, merge
from seotool.rules import Example, Rule
from tests.support.server import Response, serve


def example_config(rule_ids: list[str], extra: dict[str, Any]) -> Config:
    base = defaults(registry().settings())
    merged = merge(base, {"rules": {"select": rule_ids}}, "test")
    merged = merge(merged, extra, "example")
    merged["crawl"]["delay"] = 0.0
    return Config(merged)


def run_example(example: Example, rule_ids: list[str]) -> list[dict[str, Any]]:
    """All findings of ``rule_ids`` on ``example``, as dicts from the audit result."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if not example.over_http:
            for name, content in example.files.items():
                path = root / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(content, encoding="utf-8")
            result = run_audit([str(root)], example_config(rule_ids, example.config), registry(),
                               AuditOptions(offline=True, quiet=True))
            return result["findings"]
        routes = {p: Response(**spec) for p, spec in example.responses.items()}
        with serve(routes, static_root=root) as srv:
            for name, content in example.files.items():
                path = root / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(content.replace("{origin}", srv.origin), encoding="utf-8")
            first = next(iter(example.files))
            start = srv.url("/" + ("" if first == "index.html" else first))
            result = run_audit([start], example_config(rule_ids, example.config), registry(),
                               AuditOptions(quiet=True))
            return result["findings"]


def rule_findings(rule: Rule, example: Example) -> list[dict[str, Any]]:
    return [f for f in run_example(example, [rule.id]) if f["rule"] == rule.id]
