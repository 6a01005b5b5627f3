"""How long the readability family takes on a clinic-shaped site, rule by rule.

    .venv/bin/python benchmarks/readability_site.py [PAGES]      # default 2,000

Pages mix the reference clinic page's paragraphs (tests/readability/fixtures/seed.txt, a copy in
the repository) with plainly written ones, shuffled and with a number woven in so no two texts are
the same (textstat's small caches cannot hide the cost). Pages are parsed before timing starts, as
in an audit. The first rule pays for loading the CMU dictionary (~0.4 s, once per process).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import random
import sys
import time
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checks import registry  # noqa: E402
from checks.readability.examples import PLAIN_PARAGRAPHS  # noqa: E402
from seotool.config import Config, defaults  # noqa: E402
from seotool.page import Page  # noqa: E402
from seotool.site import FETCHED, Record, Site  # noqa: E402

ORIGIN = "https://bench.example"
SEED = (ROOT / "tests" / "readability" / "fixtures" / "seed.txt").read_text(encoding="utf-8")
HARD = [line for line in SEED.splitlines() if line.rstrip().endswith(".")]


def build_html(i: int, rng: random.Random) -> str:
    pool = HARD + list(PLAIN_PARAGRAPHS)
    blocks = []
    for j in range(rng.randint(4, 9)):
        text = rng.choice(pool).replace(" your ", f" your {i % 97} ", 1)
        blocks.append(f"<h2>Part {j}</h2>" if j and j % 3 == 0 else "")
        blocks.append(f"<p>{escape(text)}</p>")
    return (f'<!doctype html><html lang="en"><head><title>Page {i}</title></head><body>'
            f'<header><nav><a href="/">Home</a></nav></header><main><h1>Topic {i}</h1>{"".join(blocks)}</main>'
            "<footer><p>Charlotte Ketamine Center</p></footer></body></html>")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rng = random.Random(11)
    site = Site(targets=[ORIGIN + "/"], config=Config(defaults(registry().settings())))
    t0 = time.perf_counter()
    for i in range(n):
        url = f"{ORIGIN}/p{i}.html"
        site.pages.append(Page(url, build_html(i, rng), final_url=url))
        site.records[url] = Record(url, FETCHED, status=200, final_url=url)
    words = sum(p.word_count for p in site.pages)
    print(f"pages: {n}, words of copy: {words}, parse: {time.perf_counter() - t0:.1f}s (not readability's cost)")

    family = registry().families["readability"]
    total = 0.0
    for rule in family.rules:
        t0 = time.perf_counter()
        count = sum(len(list(rule.check(p, site))) for p in site.pages)
        spent = time.perf_counter() - t0
        total += spent
        print(f"  {rule.id:40} {spent * 1000:8.0f} ms  {count:6} findings")
    t0 = time.perf_counter()
    for p in site.pages:
        assert family.page_metrics is not None
        family.page_metrics(p, site)
    summary = family.summarize(site, []) if family.summarize else {}
    spent = time.perf_counter() - t0
    total += spent
    print(f"  {'page metrics + site summary':40} {spent * 1000:8.0f} ms  median grade {summary.get('median_grade')}")
    print(f"readability family: {total:.2f}s in all, {total / n * 1000:.2f} ms per page")


if __name__ == "__main__":
    main()
