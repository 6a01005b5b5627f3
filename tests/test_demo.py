"""The quick start's main job: serve the example clinic site on 127.0.0.1 and audit it over HTTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_demo_audits_the_example_site_over_http(tmp_path):
    out = tmp_path / "demo"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "demo.py")], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "SEOTOOL_DEMO_OUT": str(out)})
    assert proc.returncode == 0, proc.stderr
    last = proc.stdout.strip().splitlines()[-1]
    assert str(out) in last and "report.html" in last
    result = json.loads((out / "report.json").read_text(encoding="utf-8"))
    fetched = sorted(p["url"].split("/", 3)[-1] for p in result["pages"] if p["state"] == "fetched")
    assert fetched == ["", "conditions/neuropathic-pain.html", "contact.html", "ketamine-therapy.html"]
    assert all(p["url"].startswith("http://127.0.0.1:") for p in result["pages"] if p["state"] == "fetched")
    rules = {(f["rule"], f["url"].rsplit("/", 1)[-1]) for f in result["findings"]}
    assert ("medical.spliced-paragraph", "neuropathic-pain.html") in rules
    assert ("local.geo-stuffing", "neuropathic-pain.html") in rules
    assert ("local.nap-mismatch", "ketamine-therapy.html") in rules
    for ext in ("json", "html"):
        assert (out / f"report.{ext}").stat().st_size > 0
