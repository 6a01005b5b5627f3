"""How long the onpage family takes on a 2,000-page site, rule by rule, and what the near-duplicate
index costs in time and memory.

    .venv/bin/python benchmarks/onpage_site.py [PAGES] [WORDS_PER_PAGE]

The site is synthetic but shaped like a clinic site: a menu and footer on every page, articles of
Zipf-distributed words, and 10% templated "service in <city>" pages that differ in a few words
(the near-duplicates the index must find). Pages are parsed once before timing starts, as in an
audit. Prints figures; asserts nothing.
"""

from __future__ import annotations

import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checks import registry  # noqa: E402
from checks.onpage.duplicates import near_duplicates  # noqa: E402
from seotool.config import Config, defaults  # noqa: E402
from seotool.page import Page  # noqa: E402
from seotool.site import FETCHED, Record, Site  # noqa: E402

ORIGIN = "https://bench.example"


def build_html(i: int, body: str, rng: random.Random) -> str:
    links = "".join(f'<li><a href="/p{rng.randrange(N)}.html">Topic {j}</a></li>' for j in range(15))
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
            f'<title>Page {i} | Bench Clinic</title><meta name="description" content="Description of page {i} for the '
            f'benchmark, long enough to pass the length check of the family.">'
            f'<link rel="canonical" href="{ORIGIN}/{f"p{i}.html" if i else ""}"></head><body><header><nav><ul>{links}</ul></nav></header>'
            f'<main><h1>Page {i}</h1><h2>Overview</h2><p>{body}</p><img src="/img/{i}.jpg" alt="photo {i}">'
            f'<p><a href="/p{(i + 1) % N}.html">Next topic</a></p></main><footer><p>Bench Clinic, 1 Main St</p></footer></body></html>')


def main() -> None:
    rng = random.Random(42)
    vocab = [f"word{k}" for k in range(8000)]
    weights = [1 / (k + 1) for k in range(len(vocab))]
    template = rng.choices(vocab, weights, k=WORDS)
    t0 = time.perf_counter()
    site = Site(targets=[ORIGIN + "/"], config=Config(defaults(registry().settings())))
    for i in range(N):
        if i % 10 == 0:  # templated city page: the template with the city swapped in a few places
            words = list(template)
            for pos in range(0, WORDS, WORDS // 4):
                words[pos] = f"city{i}"
        else:
            words = rng.choices(vocab, weights, k=WORDS)
        url = f"{ORIGIN}/p{i}.html" if i else f"{ORIGIN}/"
        site.pages.append(Page(url, build_html(i, " ".join(words), rng), final_url=url))
        site.records[url] = Record(url, FETCHED, status=200, final_url=url)
        site.sitemap_urls.add(url)
    parse = time.perf_counter() - t0
    print(f"pages: {N}, words of copy per page: {WORDS}, parse: {parse:.1f}s (not onpage's cost)")

    tracemalloc.start()
    t0 = time.perf_counter()
    found = near_duplicates(site)
    near = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    site.cache.pop("onpage.near")
    print(f"near-duplicate index: {near:.2f}s, peak memory {peak / 1e6:.1f} MB, pages with a near-duplicate: "
          f"{len(found)} (planted: {len(range(0, N, 10))})")

    total = 0.0
    rows = []
    for rule in sorted(registry().families["onpage"].rules, key=lambda r: r.id):
        t0 = time.perf_counter()
        if rule.scope == "page":
            count = sum(len(list(rule.check(p, site))) for p in site.pages)
        else:
            count = len(list(rule.check(site)))
        spent = time.perf_counter() - t0
        total += spent
        rows.append((spent, rule.id, count))
    for spent, rule_id, count in sorted(rows, reverse=True):
        print(f"  {rule_id:32s} {spent * 1000:8.1f} ms  {count:6d} findings")
    print(f"all onpage rules: {total:.2f}s ({total / N * 1000:.2f} ms per page)")


N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
WORDS = int(sys.argv[2]) if len(sys.argv) > 2 else 600

if __name__ == "__main__":
    main()
