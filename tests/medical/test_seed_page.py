"""The reference clinic page (the example site's neuropathic-pain page, or our own rendering of the
seed text when the example site is not there): the issue's findings with the right severities, and
no other medical error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.medical.corpus_scoring import audit_folder

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "site" / "conditions" / "neuropathic-pain.html"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "seed-neuropathic-pain.html"
OWN_RULES = {"medical.spliced-paragraph", "medical.truncated-sentence", "medical.duplicate-text",
             "medical.mojibake", "medical.unbalanced-brackets", "medical.template-leftover",
             "medical.missing-heading", "medical.absolute-claim", "medical.off-label-certainty",
             "medical.trust-signals"}


@pytest.fixture(scope="module", params=[p for p in (EXAMPLE, FIXTURE) if p.exists()], ids=lambda p: p.name)
def findings(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed") / "conditions"
    folder.mkdir()
    (folder / "neuropathic-pain.html").write_text(request.param.read_text(encoding="utf-8"), encoding="utf-8")
    return [f for f in audit_folder(folder.parent) if f["rule"] in OWN_RULES]


def by_rule(findings, rule):
    return [f for f in findings if f["rule"] == rule]


def test_splice_is_an_error(findings):
    spliced = by_rule(findings, "medical.spliced-paragraph")
    assert [f["excerpt"] for f in spliced] == ["c, limiting the supply of oxygen and nutrients to your nerves."]
    assert spliced[0]["severity"] == "error"


def test_lost_headings_are_warnings(findings):
    lost = by_rule(findings, "medical.missing-heading")
    assert [f["excerpt"].split()[0] for f in lost] == ["Diabetes", "Shingles", "Syphilis"]
    assert {f["severity"] for f in lost} == {"warning"}


def test_ketamine_certainty_is_an_off_label_warning(findings):
    claims = by_rule(findings, "medical.off-label-certainty")
    assert claims and {f["severity"] for f in claims} == {"warning"}
    assert any("relieving your symptoms" in f["excerpt"] for f in claims)
    assert all("fda.gov" in f["source"]["url"] for f in claims)


def test_missing_trust_signals_are_a_notice(findings):
    trust = by_rule(findings, "medical.trust-signals")
    assert len(trust) == 1 and trust[0]["severity"] == "notice"
    assert set(trust[0]["data"]["missing"]) == {"reviewer", "date", "citations", "disclaimer"}


def test_no_other_medical_error(findings):
    errors = [f for f in findings if f["severity"] == "error"]
    assert [f["rule"] for f in errors] == ["medical.spliced-paragraph"]
    expected = {"medical.spliced-paragraph", "medical.missing-heading", "medical.off-label-certainty",
                "medical.absolute-claim", "medical.trust-signals"}
    assert {f["rule"] for f in findings} <= expected
