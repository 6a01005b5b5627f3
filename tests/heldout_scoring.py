"""Score seotool on the held-out clinic sites in tests/corpora/sites: three sites written for this
corpus (no rule was tuned on them), each as a clean/ copy and a planted/ copy whose defects are
listed in tests/corpora/sites/manifest.yaml.

Used by tests/test_heldout_sites.py (assertions) and benchmarks/heldout_report.py (figures).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checks import registry
from seotool.audit import AuditOptions, run_audit
from seotool.config import load_config

SITES_DIR = Path(__file__).resolve().parent / "corpora" / "sites"
MANIFEST = SITES_DIR / "manifest.yaml"
FAMILIES = ("medical", "readability", "links", "local", "onpage")
# Rules of the medical fact base: a planted wrong fact counts as caught by whichever of them reports it.
FACT_RULES = frozenset({"medical.fact-contradiction", "medical.fda-status", "medical.wrong-pathogen"})


# Known tool problems that a clean site may show, as (rule, text in the message, reason). Each is
# left out of the clean-site figures and listed by the report. None at present: this corpus found
# links.insecure-link reporting a local build's own links as http://site.invalid/ (76-82 per site),
# fixed in the links family since.
KNOWN_ISSUES: tuple[tuple[str, str, str], ...] = ()


def known_issue(finding: dict[str, Any]) -> str | None:
    """Why a finding on a clean site is a known tool problem outside this corpus' reach, or None."""
    for rule, text, reason in KNOWN_ISSUES:
        if finding["rule"] == rule and text in finding["message"]:
            return reason
    return None


def load_manifest() -> dict[str, list[dict[str, Any]]]:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["sites"]


def site_names() -> list[str]:
    return sorted(load_manifest())


def audit_site(folder: Path) -> list[dict[str, Any]]:
    """All findings of an offline audit of ``folder`` with its own seotool.toml."""
    reg = registry()
    config = load_config(folder / "seotool.toml", family_settings=reg.settings())
    result = run_audit([str(folder)], config, reg, AuditOptions(offline=True, quiet=True))
    return result["findings"]


def _norm(s: str) -> str:
    return " ".join(s.split()).lower()


def same_kind(expected: str, got: str) -> bool:
    return expected == got or (expected in FACT_RULES and got in FACT_RULES)


def matches(defect: dict[str, Any], finding: dict[str, Any]) -> bool:
    pages = [defect["file"], *defect.get("also_on", [])]
    if finding["url"] not in pages or not same_kind(defect["rule"], finding["rule"]):
        return False
    want, got = _norm(defect["excerpt"]), _norm(finding["excerpt"] or "")
    if not want:
        return True
    return bool(got) and (want in got or (len(got) >= 4 and got in want))


def family(rule_id: str) -> str:
    return rule_id.split(".", 1)[0]


def _on_clean(f: dict[str, Any], clean: list[dict[str, Any]]) -> bool:
    """Whether ``f`` (a planted-copy finding) was already reported on the clean copy: same page and
    rule, and the same excerpt or one starting alike (a defect planted in a paragraph that was
    already flagged changes the paragraph's excerpt, not the finding)."""
    got = _norm(f["excerpt"] or "")
    for c in clean:
        if c["url"] == f["url"] and c["rule"] == f["rule"]:
            had = _norm(c["excerpt"] or "")
            if had == got or (len(had) >= 20 and len(got) >= 20 and had[:20] == got[:20]):
                return True
    return False


@dataclass
class SiteScore:
    name: str
    clean: list[dict[str, Any]] = field(default_factory=list)  # findings on the clean copy (known issues out)
    known: list[dict[str, Any]] = field(default_factory=list)  # known tool issues on the clean copy
    caught: list[dict[str, Any]] = field(default_factory=list)  # planted defects found
    missed: list[dict[str, Any]] = field(default_factory=list)  # planted defects not found
    true_positives: list[dict[str, Any]] = field(default_factory=list)  # planted-copy findings matching a defect
    unplanned: list[dict[str, Any]] = field(default_factory=list)  # new on the planted copy, matching no defect


def score_site(name: str, defects: list[dict[str, Any]]) -> SiteScore:
    score = SiteScore(name)
    for f in audit_site(SITES_DIR / name / "clean"):
        (score.known if known_issue(f) else score.clean).append(f)
    planted = audit_site(SITES_DIR / name / "planted")
    for d in defects:
        (score.caught if any(matches(d, f) for f in planted) else score.missed).append(d)
    side_effects = {(d["file"], rule) for d in defects for rule in d.get("also", [])}
    for f in planted:
        if any(matches(d, f) for d in defects):
            score.true_positives.append(f)
        elif not _on_clean(f, score.clean + score.known) and (f["url"], f["rule"]) not in side_effects and not known_issue(f):
            score.unplanned.append(f)
    return score


def score_all() -> list[SiteScore]:
    return [score_site(name, defects) for name, defects in sorted(load_manifest().items())]


@dataclass
class FamilyFigures:
    planted: int = 0
    caught: int = 0
    true_positives: int = 0  # findings (any severity) matching a planted defect
    false_positives: int = 0  # error/warning findings on clean sites + unplanned error/warning on planted
    clean_notices: int = 0

    @property
    def recall(self) -> float:
        return self.caught / self.planted if self.planted else 1.0

    @property
    def precision(self) -> float:
        total = self.true_positives + self.false_positives
        return self.true_positives / total if total else 1.0


def _serious(f: dict[str, Any]) -> bool:
    return f["severity"] in ("error", "warning")


def family_figures(scores: list[SiteScore]) -> dict[str, FamilyFigures]:
    figures: dict[str, FamilyFigures] = defaultdict(FamilyFigures)
    for s in scores:
        for d in s.caught:
            figures[family(d["rule"])].planted += 1
            figures[family(d["rule"])].caught += 1
        for d in s.missed:
            figures[family(d["rule"])].planted += 1
        for f in s.true_positives:
            figures[f["family"]].true_positives += 1
        for f in s.clean + s.unplanned:
            if _serious(f):
                figures[f["family"]].false_positives += 1
            elif f in s.clean:
                figures[f["family"]].clean_notices += 1
    return {fam: figures[fam] for fam in FAMILIES}
