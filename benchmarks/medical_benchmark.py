"""Benchmark the medical fact base: load time (once per process) and match time per 1,000-word page.

Pages are built from the fact base's own example sentences (correct and wrong, on every topic), so
the matcher does its full work: many concept mentions, relation phrases and verdicts per page.
The figure that matters is the per-page match time (sentence split + lexing + reading + lookup for
the three fact rules together), which must stay well under 5 ms.

    .venv/bin/python benchmarks/medical_benchmark.py [--pages 300] [--words 1000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checks.medical.facts.matcher import build  # noqa: E402
from checks.medical.facts.rules import page_verdicts  # noqa: E402
from seotool.page import Page  # noqa: E402

FILLER = (
    "Our team will talk with you about your symptoms, your medical history and the treatments you have tried. "
    "Many patients notice changes over several weeks, and we adjust the plan at each visit. "
    "Call our office to schedule a consultation or ask about insurance coverage."
)


def make_pages(sentences: list[str], count: int, words: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    pages = []
    for _ in range(count):
        paras: list[str] = []
        n = 0
        while n < words:
            para = " ".join(rng.choice(sentences) for _ in range(4)) + " " + FILLER
            paras.append(f"<p>{para}</p>")
            n += len(para.split())
        body = "".join(paras)
        pages.append(f"<html lang='en'><head><title>Page</title></head><body><main><h1>Conditions</h1>{body}</main></body></html>")
    return pages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--words", type=int, default=1000)
    args = ap.parse_args()

    t0 = time.perf_counter()
    kb = build()
    load_ms = (time.perf_counter() - t0) * 1000
    print(f"load: {load_ms:.1f} ms once per process ({len(kb.facts)} facts, {len(kb.concepts)} concepts "
          f"incl. Disease Ontology)")

    import checks.medical.facts.matcher as matcher  # the rules use the cached knowledge base

    matcher.knowledge.cache_clear()
    matcher.knowledge()

    sentences = [s for f in kb.facts for s in (*f.good_examples, *f.bad_examples)]
    htmls = make_pages(sentences, args.pages, args.words)
    pages = [Page(f"page{i}.html", h) for i, h in enumerate(htmls)]
    word_counts = [sum(len(b.text.split()) for b in p.blocks) for p in pages]
    for p in pages[:5]:  # warm up
        page_verdicts(p)
        p.cache.clear()

    times = []
    verdicts = 0
    for p in pages:
        p.cache.clear()  # the verdicts and the sentence split they share with the other medical rules
        t = time.perf_counter()
        verdicts += len(page_verdicts(p))
        times.append((time.perf_counter() - t) * 1000)
    per_1000 = statistics.mean(t / w * 1000 for t, w in zip(times, word_counts, strict=True))
    times.sort()
    print(f"pages: {len(pages)}, words per page: {statistics.mean(word_counts):.0f} (min {min(word_counts)})")
    print(f"match per page: median {statistics.median(times):.2f} ms, mean {statistics.mean(times):.2f} ms, "
          f"p95 {times[int(len(times) * 0.95)]:.2f} ms, max {times[-1]:.2f} ms")
    print(f"verdicts per page: {verdicts / len(pages):.1f}")
    print(f"budget: 5 ms per 1,000-word page -> {'OK' if statistics.median(times) < 5 else 'OVER'} "
          f"(~{per_1000:.2f} ms per 1,000 words)")


if __name__ == "__main__":
    main()
