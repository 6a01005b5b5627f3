"""How long the local family takes on a clinic-shaped site, rule by rule.

    .venv/bin/python benchmarks/local_site.py [PAGES]      # default 1,000

Every page has a header, a footer with the clinic's name, address and linked phone, and a body
made of the reference clinic page's paragraphs (/work/shared/seeds is not read: the text is
generated from a few template sentences with places and services swapped in), so the phone,
address and geo-phrase scanners see realistic text. Pages are parsed before timing starts, as in an
audit. Prints figures; asserts nothing.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checks import registry  # noqa: E402
from seotool.config import Config, defaults, merge  # noqa: E402
from seotool.page import Page  # noqa: E402
from seotool.site import FETCHED, Record, Site  # noqa: E402

ORIGIN = "https://bench.example"
CITIES = ["Charlotte, NC", "Concord", "Gastonia", "Austin, TX", "Denver, CO", "Columbus, OH"]
SERVICES = ["pain management specialist", "ketamine therapy", "nerve block", "physical therapy clinic"]
SENTENCES = [
    "Neuropathic pain is the debilitating discomfort due to damage or dysfunction in your nervous system.",
    "Our {service} team in {city} reviews your history before any treatment.",
    "Call us at (704) 555-0142 or visit 4801 Randolph Rd, Suite 204, Charlotte, NC 28211.",
    "Unlike acute pain, this pain does not improve with over-the-counter pain relievers.",
    "Your trusted {service} {city} offers care that dampens the transmission of pain signals.",
    "Serving {city} and nearby towns since 2009, we accept most insurance plans.",
    "Fax: (704) 555-0100. In a crisis, call the national lifeline at 1-800-273-8255.",
]
FOOTER = ('<footer><p>Charlotte Ketamine Center</p><address>4801 Randolph Rd, Suite 204<br>Charlotte, NC 28211</address>'
          '<p>Phone: <a href="tel:+17045550142">(704) 555-0142</a></p></footer>')


def build_html(i: int, rng: random.Random) -> str:
    paragraphs = []
    for _ in range(12):
        s = " ".join(rng.choice(SENTENCES) for _ in range(4))
        paragraphs.append("<p>" + s.format(service=rng.choice(SERVICES), city=rng.choice(CITIES)) + "</p>")
    folder = "services/" if i % 5 == 0 else ""
    return (f'<!doctype html><html lang="en"><head><title>Page {i} | Charlotte Ketamine Center</title>'
            f'<meta name="description" content="Page {i}."></head><body><header><nav><a href="/">Home</a>'
            f'<a href="/{folder}p{i}.html">Page</a></nav></header><main><h1>Topic {i}</h1>{"".join(paragraphs)}</main>'
            f"{FOOTER}</body></html>")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rng = random.Random(7)
    config = merge(defaults(registry().settings()), {"clinic": {
        "name": "Charlotte Ketamine Center", "street": "4801 Randolph Rd, Suite 204", "city": "Charlotte",
        "state": "NC", "postal_code": "28211", "phone": "(704) 555-0142", "service_area": ["Concord", "Gastonia"],
        "services": ["ketamine therapy", "pain management"]}}, "benchmark")
    site = Site(targets=[ORIGIN + "/"], config=Config(config))
    t0 = time.perf_counter()
    for i in range(n):
        url = f"{ORIGIN}/{'services/' if i % 5 == 0 else ''}p{i}.html" if i else f"{ORIGIN}/"
        site.pages.append(Page(url, build_html(i, rng), final_url=url))
        site.records[url] = Record(url, FETCHED, status=200, final_url=url)
    words = sum(p.word_count for p in site.pages)
    print(f"pages: {n}, words of copy: {words}, parse: {time.perf_counter() - t0:.1f}s (not local's cost)")

    total = 0.0
    for rule in registry().families["local"].rules:
        t0 = time.perf_counter()
        if rule.scope == "page":
            count = sum(len(list(rule.check(p, site))) for p in site.pages)
        else:
            count = len(list(rule.check(site)))
        spent = time.perf_counter() - t0
        total += spent
        print(f"  {rule.id:34} {spent * 1000:8.0f} ms  {count:6} findings")
    print(f"local family: {total:.2f}s in all, {total / n * 1000:.2f} ms per page")


if __name__ == "__main__":
    main()
