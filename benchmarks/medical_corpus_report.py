"""Print the medical family's recall on the planted corpus (per rule group), its precision there,
and what it finds on the correct corpus. Run from the repository root:

    .venv/bin/python benchmarks/medical_corpus_report.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.medical.corpus_scoring import CORRECT, PLANTED, audit_folder, load_manifest, score_planted  # noqa: E402


def main() -> None:
    manifest = load_manifest()
    n_planted_pages = len(list(PLANTED.glob("*.html")))
    score = score_planted()
    print(f"planted corpus: {n_planted_pages} pages, {sum(len(v) for v in manifest.values())} planted errors")
    for group in sorted(score.planted):
        print(f"  recall {group:15s} {score.caught[group]:3d}/{score.planted[group]:<3d} = {score.recall([group]):.0%}")
    print(f"  recall overall         {sum(score.caught.values()):3d}/{sum(score.planted.values()):<3d} = {score.recall():.0%}")
    if score.pending:
        print(f"  ({score.pending} planted errors wait for rules not registered yet)")
    print(f"  precision (findings matching a planted error) {score.true_positives}/{score.findings} = {score.precision:.0%}")
    for page, rule, excerpt in score.missed:
        print(f"  MISSED {page}: {rule}: {excerpt!r}")
    for f in score.unplanned:
        print(f"  UNPLANNED {f['url']}: {f['rule']} ({f['severity']}): {f['excerpt'][:90]!r}")

    correct = audit_folder(CORRECT)
    pages = len(list(CORRECT.glob("*.html")))
    by_sev = Counter(f["severity"] for f in correct)
    print(f"correct corpus: {pages} pages, medical findings: {dict(by_sev) or 'none'}")
    for f in correct:
        print(f"  {f['url']}: {f['rule']} ({f['severity']}): {f['excerpt'][:90]!r}")


if __name__ == "__main__":
    main()
