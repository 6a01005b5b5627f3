"""The medical family measured on its corpora: correct patient-education pages raise no medical
error (and none of the text, claim, structure or trust findings), and the planted errors listed in
tests/corpora/medical/planted/manifest.yaml are caught with recall >= 90%.

Run with ``pytest -s`` to see the figures (or benchmarks/medical_corpus_report.py for the full list).
"""

from __future__ import annotations

import pytest

from checks import registry
from tests.medical.corpus_scoring import CORRECT, GROUPS, PLANTED, audit_folder, load_manifest, score_planted

OWN_RULES = {rule for rule, group in GROUPS.items() if group != "facts"}


@pytest.fixture(scope="module")
def planted_score():
    return score_planted()


def test_corpora_are_big_enough():
    assert len(list(CORRECT.glob("*.html"))) >= 15
    assert len(list(PLANTED.glob("*.html"))) >= 30


def test_manifest_names_real_pages_and_rules():
    manifest = load_manifest()
    files = {p.name for p in PLANTED.glob("*.html")}
    assert set(manifest) == files, "every planted page is in the manifest and vice versa"
    for page, items in manifest.items():
        assert items, f"{page} plants nothing"
        for item in items:
            assert item["rule"] in GROUPS, f"{page}: unknown rule {item['rule']}"
            assert item["excerpt"].strip(), f"{page}: empty excerpt"


def test_every_kind_of_error_is_planted():
    planted_rules = {item["rule"] for items in load_manifest().values() for item in items}
    assert set(GROUPS) <= planted_rules


def test_planted_errors_are_caught(planted_score):
    s = planted_score
    for group in sorted(s.planted):
        print(f"\nrecall {group}: {s.caught[group]}/{s.planted[group]} = {s.recall([group]):.0%}", end="")
    print(f"\nrecall overall: {s.recall():.0%} ({s.pending} waiting for unregistered rules); "
          f"precision on planted pages: {s.precision:.0%}")
    own = [g for g in s.planted if g != "facts"]
    assert s.recall(own) >= 0.9, f"missed: {s.missed}"
    assert s.recall() >= 0.9, f"missed: {s.missed}"


def test_planted_pages_raise_few_unplanned_findings(planted_score):
    own_unplanned = [f for f in planted_score.unplanned if f["rule"] in OWN_RULES]
    assert len(own_unplanned) <= 0.1 * max(planted_score.findings, 1), own_unplanned


def test_correct_pages_raise_no_medical_error():
    findings = audit_folder(CORRECT)
    errors = [f for f in findings if f["severity"] == "error"]
    assert not errors, [(f["url"], f["rule"], f["excerpt"]) for f in errors]
    own = [f for f in findings if f["rule"] in OWN_RULES]
    assert not own, [(f["url"], f["rule"], f["excerpt"]) for f in own]
    assert {r for r in registry().rules if r.startswith("medical.")} >= OWN_RULES
