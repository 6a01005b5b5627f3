"""The example clinic site (examples/site with examples/seotool.toml), audited offline through the
CLI as a user would: the seed page's stuffed geo phrase is flagged with its natural rewording, NAP
and JSON-LD are checked against the example profile, and the planted wrong phone is caught."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from checks.local import phones

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SITE = EXAMPLES / "site"
pytestmark = pytest.mark.skipif(not (SITE / "index.html").is_file(), reason="examples/site is not there")


def _audit(examples: Path, tmp_path: Path) -> dict:
    out = tmp_path / "report.json"
    proc = subprocess.run(
        [sys.executable, "-m", "seotool.cli", "audit", "site", "--offline", "--checks", "local", "--format", "json",
         "-o", str(out), "--fail-on", "never", "--no-store", "-q"],
        cwd=examples, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> dict:
    return _audit(EXAMPLES, tmp_path_factory.mktemp("example"))


@pytest.fixture(scope="module")
def profile() -> dict:
    return tomllib.loads((EXAMPLES / "seotool.toml").read_text(encoding="utf-8"))["clinic"]


def _of(result: dict, rule: str) -> list[dict]:
    return [f for f in result["findings"] if f["rule"] == rule]


def test_stuffed_geo_phrase_on_the_seed_page_gets_the_natural_rewording(result):
    run_ons = [f for f in _of(result, "local.geo-stuffing") if f["data"].get("kind") == "run-on"]
    assert [(f["url"], f["excerpt"], f["suggestion"]) for f in run_ons] == [
        ("conditions/neuropathic-pain.html", "pain management specialist Charlotte, NC",
         "pain management specialist in Charlotte, NC")]
    assert "your trusted pain management specialist Charlotte, NC, offers" in run_ons[0]["context"]


def test_nap_and_jsonld_are_checked_against_the_example_profile(result, profile):
    local = result["summary"]["local"]
    assert local["profile"] == "config"
    assert local["name"] == profile["name"] and local["phone"] == profile["phone"]
    assert not [n for n in result["notes"] if n.startswith("local:")]  # nothing was inferred
    ran = set(result["rules"])
    assert {"local.nap-missing", "local.nap-mismatch", "local.jsonld-missing", "local.jsonld-required",
            "local.jsonld-recommended", "local.jsonld-mismatch"} <= ran
    # the example's home and contact pages carry complete, matching clinic markup
    for rule in ("local.nap-missing", "local.jsonld-missing", "local.jsonld-invalid", "local.jsonld-required",
                 "local.jsonld-mismatch"):
        assert _of(result, rule) == [], rule


def test_jsonld_comparison_really_uses_the_profile(tmp_path, profile):
    """Change the home page's JSON-LD phone in a copy of the example: the profile catches it."""
    copy = tmp_path / "examples"
    shutil.copytree(EXAMPLES, copy, ignore=shutil.ignore_patterns(".seotool"))
    home = copy / "site" / "index.html"
    text = home.read_text(encoding="utf-8")
    assert '"telephone": ' in text
    home.write_text(re.sub(r'"telephone": "[^"]+"', '"telephone": "+1-980-555-0110"', text, count=1), encoding="utf-8")
    found = _of(_audit(copy, tmp_path), "local.jsonld-mismatch")
    assert [(f["url"], f["element"], f["excerpt"], f["suggestion"]) for f in found] == [
        ("index.html", "telephone", "+1-980-555-0110", profile["phone"])]


def test_the_planted_wrong_phone_is_caught(result, profile):
    expected = phones.normalize(profile["phone"])
    planted = {}  # page -> numbers in its copy that are not the clinic's (read from the files themselves)
    for path in sorted(SITE.rglob("*.html")):
        text = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))
        wrong = {h.raw for h in phones.find(text) if h.e164 != expected}
        if wrong:
            planted[path.relative_to(SITE).as_posix()] = wrong
    assert planted, "the example site should plant a page with a different phone"
    found = {}
    for f in _of(result, "local.nap-mismatch"):
        found.setdefault(f["url"], set()).add(f["excerpt"])
        assert f["suggestion"] == profile["phone"] and f["severity"] == "error"
    assert found == planted
