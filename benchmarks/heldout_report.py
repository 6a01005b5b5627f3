"""Print seotool's precision and recall per family on the held-out clinic sites
(tests/corpora/sites: three sites no rule was tuned on, each clean and with planted defects).
Run from the repository root:

    .venv/bin/python benchmarks/heldout_report.py [-v]

recall     planted defects found by the expected rule (manifest.yaml) / defects planted
precision  findings matching a planted defect / (those + error and warning findings on the clean
           sites + new error and warning findings on the planted sites that match no defect)
-v         also list every clean-site finding (notices included) and every unplanned finding
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.heldout_scoring import FACT_RULES, FAMILIES, family_figures, score_all  # noqa: E402


def _line(f: dict) -> str:
    return f"{f['severity']:7s} {f['rule']:34s} {f['url']:40s} {(f['excerpt'] or '')[:70]!r}"


def main(verbose: bool) -> None:
    start = time.perf_counter()
    scores = score_all()
    elapsed = time.perf_counter() - start
    figures = family_figures(scores)
    print(f"held-out sites: {', '.join(s.name for s in scores)} ({elapsed:.1f} s for 6 offline audits)")
    print(f"{'family':12s} {'recall':>14s} {'precision':>10s} {'clean err/warn':>15s} {'clean notices':>14s}")
    for fam in FAMILIES:
        fig = figures[fam]
        clean_serious = sum(1 for s in scores for f in s.clean if f["family"] == fam and f["severity"] != "notice")
        print(f"{fam:12s} {fig.caught:3d}/{fig.planted:<3d} = {fig.recall:4.0%} {fig.precision:10.0%} "
              f"{clean_serious:15d} {fig.clean_notices:14d}")
    facts = [(d, d in s.caught) for s in scores for d in s.caught + s.missed if d["rule"] in FACT_RULES]
    text = [(d, d in s.caught) for s in scores for d in s.caught + s.missed
            if d["rule"].startswith("medical.") and d["rule"] not in FACT_RULES]
    for label, items in (("  text rules", text), ("  fact base", facts)):
        found = sum(1 for _, ok in items if ok)
        print(f"{label:12s} {found:3d}/{len(items):<3d} = {found / max(1, len(items)):4.0%}")
    total_planted = sum(f.planted for f in figures.values())
    total_caught = sum(f.caught for f in figures.values())
    print(f"{'all':12s} {total_caught:3d}/{total_planted:<3d} = {total_caught / total_planted:4.0%}")
    for s in scores:
        if s.known:
            print(f"{s.name}: {len(s.known)} known tool issues on the clean copy left out (see KNOWN_ISSUES)")
        for d in s.missed:
            print(f"  MISSED     {s.name}/{d['file']}: {d['rule']}: {d['excerpt']!r}")
        for f in s.clean:
            if verbose or f["severity"] != "notice":
                print(f"  CLEAN      {s.name}/{_line(f)}")
        for f in s.unplanned:
            if verbose or f["severity"] != "notice":
                print(f"  UNPLANNED  {s.name}/{_line(f)}")


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
