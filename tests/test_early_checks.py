"""Early checks: on a crawl big enough for parse helpers, the standalone families (medical,
readability) are checked in the helpers as pages are parsed. The audit must be the same as when
every check runs after the crawl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import seotool.audit as audit
from checks import registry
from seotool.audit import AuditOptions, run_audit
from seotool.crawl.parsing import EarlyChecks
from seotool.runner import EARLY_KEY
from tests.links.helpers import config
from tests.support.server import page, serve

CORPUS = Path(__file__).parent / "corpora" / "medical"


def _routes() -> dict:
    files = sorted(CORPUS.glob("*/*.html"))
    routes = {f"/{f.parent.name}/{f.name}": page(f.read_text(encoding="utf-8")) for f in files}
    index = "".join(f'<li><a href="{path}">{path}</a></li>' for path in routes)
    routes["/"] = page(f"<!doctype html><html lang=en><head><title>Clinic</title></head><body><ul>{index}</ul></body></html>")
    return routes


def _audit(url: str) -> dict:
    cfg = config({"crawl": {"max_pages": 500, "concurrency": 4, "per_host_concurrency": 4},
                  "links": {"check_external": False}})  # the corpus cites real sites: no network here
    return run_audit([url], cfg, registry(), AuditOptions(quiet=True))


def _comparable(result: dict) -> tuple:
    findings = sorted(json.dumps({k: v for k, v in f.items() if k != "id"}, sort_keys=True) for f in result["findings"])
    pages = sorted(json.dumps({k: v for k, v in p.items() if k != "elapsed_ms"}, sort_keys=True) for p in result["pages"])
    return findings, pages, json.dumps(result["summary"], sort_keys=True)


def test_early_checks_change_nothing_in_the_audit(monkeypatch: pytest.MonkeyPatch):
    seen: dict[str, int] = {}
    real_run_rules = audit.run_rules

    def spy(site, *args, **kwargs):
        seen["early"] = sum(EARLY_KEY in p.cache for p in site.pages)
        seen["pages"] = len(site.pages)
        return real_run_rules(site, *args, **kwargs)

    monkeypatch.setattr(audit, "run_rules", spy)
    with serve(_routes()) as srv:
        early = _audit(srv.url("/"))
        assert seen["early"] == seen["pages"] > 80  # every page was checked in the helpers
        monkeypatch.setattr(audit, "_early_checks", lambda site, rules, reg: EarlyChecks(site, [], {}))
        late = _audit(srv.url("/"))
        assert seen["early"] == 0
    assert _comparable(early) == _comparable(late)
    medical = [f for f in early["findings"] if f["family"] == "medical" and f["severity"] == "error"]
    assert len(medical) > 20  # the planted corpus: the comparison is not of two empty audits
    assert all("readability" in p["metrics"] for p in early["pages"] if p["state"] == "fetched")
