"""Print the medical family's recall on the planted corpus (per rule group), its precision there,
and what it finds on the correct corpus. Run from the repository root:

    .venv/bin/python benchmarks/medical_corpus_report.py
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.medical.corpus_scoring import (  # noqa: E402
    CORRECT,
    GROUPS,
    PLANTED,
    audit_folder,
    load_manifest,
    score_planted,
)


def timing() -> None:
    """Milliseconds the text, claim, structure and trust rules take per page and per 1,000 words
    (pages parsed beforehand; best of 5 rounds over both corpora)."""
    from checks import registry
    from seotool.config import Config
    from seotool.page import Page
    from seotool.site import Site

    rules = [r for r in registry().rules.values() if r.id in GROUPS and GROUPS[r.id] != "facts"]
    files = sorted(CORRECT.glob("*.html")) + sorted(PLANTED.glob("*.html"))
    site = Site(targets=[], config=Config({}))
    best = float("inf")
    words = 0
    for _ in range(5):
        pages = [Page(f"conditions/{f.name}", f.read_text(encoding="utf-8"),
                      final_url=f"http://site.invalid/conditions/{f.name}") for f in files]
        words = sum(p.word_count for p in pages)
        start = time.perf_counter()
        for page in pages:
            for rule in rules:
                list(rule.check(page, site))
        best = min(best, time.perf_counter() - start)
    print(f"speed: {len(rules)} rules, {len(files)} pages, {words} words: {best / len(files) * 1000:.2f} ms per page, "
          f"{best / words * 1000 * 1000:.2f} ms per 1,000 words")


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
    timing()


if __name__ == "__main__":
    main()
