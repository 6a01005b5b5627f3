"""The readability family on the example clinic site (examples/site), audited offline as a user
would: the neuropathic-pain page is the reference clinic page."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import registry
from seotool.audit import AuditOptions, run_audit
from seotool.config import load_config

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PAGE = "conditions/neuropathic-pain.html"

pytestmark = pytest.mark.skipif(not (EXAMPLES / "site" / PAGE).is_file(), reason="example site not present")


@pytest.fixture(scope="module")
def result():
    config = load_config(EXAMPLES / "seotool.toml", family_settings=registry().settings(),
                         overrides={"rules": {"select": ["readability"]}})
    return run_audit([str(EXAMPLES / "site")], config, registry(), AuditOptions(offline=True, quiet=True))


def test_reference_page_is_above_target_with_hard_passages_and_plainer_words(result):
    on_page = [f for f in result["findings"] if f["url"] == PAGE]
    rules = {f["rule"] for f in on_page}
    assert {"readability.grade-above-target", "readability.hard-paragraph", "readability.long-sentence"} <= rules
    grade = next(f for f in on_page if f["rule"] == "readability.grade-above-target")
    entry = next(p for p in result["pages"] if p["url"] == PAGE)
    assert f"Reads at grade {entry['metrics']['readability']['grade']}" in grade["message"]
    utilize = next(f for f in on_page if f["excerpt"] == "utilize")
    assert utilize["suggestion"].startswith("Use 'use' instead of 'utilize'")
    # nothing from the menu or the footer (name, address) is read
    assert not any(f["excerpt"].startswith(("Ketamine Therapy", "Charlotte Ketamine Center, 4801")) for f in on_page)


def test_site_summary_has_the_grade_distribution(result):
    summary = result["summary"]["readability"]
    graded = [p for p in result["pages"] if p.get("metrics", {}).get("readability", {}).get("graded")]
    assert summary["pages_graded"] == len(graded) >= 1
    assert sum(b["pages"] for b in summary["histogram"]) == len(graded)
    assert summary["target_grade"] == 8 and summary["median_grade"] is not None
    assert summary["hardest_pages"][0]["url"] == PAGE
