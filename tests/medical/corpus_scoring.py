"""Score the medical family on its two corpora: the correct pages (which must raise no medical
error) and the planted pages (whose errors, listed in planted/manifest.yaml, must be caught).

Used by tests/medical/test_corpora.py (assertions) and benchmarks/medical_corpus_report.py (figures).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checks import registry
from seotool.audit import AuditOptions, run_audit
from seotool.config import Config, defaults, merge

CORPORA = Path(__file__).resolve().parent.parent / "corpora" / "medical"
CORRECT = CORPORA / "correct"
PLANTED = CORPORA / "planted"
MANIFEST = PLANTED / "manifest.yaml"

# Which group each rule's recall is reported under.
GROUPS = {
    "medical.spliced-paragraph": "text integrity",
    "medical.truncated-sentence": "text integrity",
    "medical.duplicate-text": "text integrity",
    "medical.mojibake": "text integrity",
    "medical.unbalanced-brackets": "text integrity",
    "medical.template-leftover": "text integrity",
    "medical.absolute-claim": "claims",
    "medical.off-label-certainty": "claims",
    "medical.missing-heading": "structure",
    "medical.trust-signals": "trust",
    "medical.fact-contradiction": "facts",
}


def group_of(rule_id: str) -> str:
    """The recall group of a rule: ours by name; any other medical rule belongs to the fact base
    (medical.fact-contradiction, medical.wrong-pathogen, ...), so a planted wrong fact counts as
    caught by whichever fact rule reports it."""
    return GROUPS.get(rule_id, "facts")


def same_kind(item_rule: str, finding_rule: str) -> bool:
    return item_rule == finding_rule or group_of(item_rule) == group_of(finding_rule) == "facts"


def audit_folder(folder: Path) -> list[dict[str, Any]]:
    """Medical findings of an offline audit of ``folder`` (urls are paths relative to it)."""
    config = Config(merge(defaults(registry().settings()), {"rules": {"select": ["medical"]}}, "corpus"))
    result = run_audit([str(folder)], config, registry(), AuditOptions(offline=True, quiet=True))
    return [f for f in result["findings"] if f["family"] == "medical"]


def load_manifest() -> dict[str, list[dict[str, str]]]:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["pages"]


def _norm(s: str) -> str:
    return " ".join(s.split()).lower()


def matches(item: dict[str, str], finding: dict[str, Any]) -> bool:
    want, got = _norm(item["excerpt"]), _norm(finding["excerpt"])
    return bool(got) and (want in got or (len(got) >= 4 and got in want))


@dataclass
class Score:
    planted: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # group -> planted items
    caught: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # (file, rule, excerpt)
    pending: int = 0  # items for rules not registered yet
    findings: int = 0  # medical findings on planted pages
    true_positives: int = 0
    unplanned: list[dict[str, Any]] = field(default_factory=list)

    def recall(self, groups: list[str] | None = None) -> float:
        keys = groups if groups is not None else list(self.planted)
        planted = sum(self.planted[g] for g in keys)
        return sum(self.caught[g] for g in keys) / planted if planted else 1.0

    @property
    def precision(self) -> float:
        return self.true_positives / self.findings if self.findings else 1.0


def score_planted(findings: list[dict[str, Any]] | None = None) -> Score:
    findings = audit_folder(PLANTED) if findings is None else findings
    manifest = load_manifest()
    registered = {group_of(r) for r in registry().rules if r.startswith("medical.")}
    score = Score()
    by_page: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in findings:
        by_page[f["url"]].append(f)
    for page, items in manifest.items():
        for item in items:
            group = group_of(item["rule"])
            if group not in registered:
                score.pending += 1
                continue
            score.planted[group] += 1
            if any(same_kind(item["rule"], f["rule"]) and matches(item, f) for f in by_page.get(page, [])):
                score.caught[group] += 1
            else:
                score.missed.append((page, item["rule"], item["excerpt"]))
    for f in findings:
        score.findings += 1
        items = manifest.get(f["url"], [])
        if any(same_kind(item["rule"], f["rule"]) and matches(item, f) for item in items):
            score.true_positives += 1
        else:
            score.unplanned.append(f)
    return score
