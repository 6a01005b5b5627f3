"""Generate a clinic website of N pages with realistic link patterns and a known set of broken
links, plus the "other site" it links out to. Used by the links tests and by
benchmarks/links_benchmark.py.

Every page has the site's navigation and footer (the same ~12 links everywhere, as on real
sites), a few paragraphs, links to related pages, an image, and links to the other site. A
deterministic few link to pages, images and outside pages that do not exist: ``GeneratedSite.broken``
maps each such target (a path, or "ext:" + path on the other site) to the pages linking to it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

SECTIONS = ("services", "conditions", "team", "blog")
NAV = (("/", "Home"), ("/services/", "Services"), ("/conditions/", "Conditions"), ("/team/", "Our team"),
       ("/insurance.html", "Insurance"), ("/contact.html", "Contact"), ("/blog/", "Blog"))
CONDITIONS = ("migraine", "back pain", "neuropathy", "depression", "anxiety", "fibromyalgia", "arthritis",
              "sciatica", "PTSD", "insomnia", "tendinitis", "chronic fatigue")
WORDS = ("patients", "treatment", "clinic", "appointment", "doctor", "care", "symptoms", "therapy", "visit",
         "insurance", "pain", "recovery", "team", "options", "plan", "health", "results", "follow-up")
ITEM = {"services": "service", "conditions": "condition", "team": "doctor", "blog": "post"}
EXTERNAL_PAGES = 60  # distinct pages on the other site that do exist


@dataclass
class GeneratedSite:
    root: Path
    external_root: Path
    pages: list[str]  # paths, e.g. "/services/service-3.html"
    broken: dict[str, set[str]] = field(default_factory=dict)  # target -> source page paths
    links: int = 0  # link elements written (a, img, link, script)


def _para(rng: random.Random, n: int = 40) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    sentences, i = [], 0
    while i < len(words):
        k = rng.randint(8, 16)
        chunk = words[i:i + k]
        sentences.append(" ".join(chunk).capitalize() + ".")
        i += k
    return " ".join(sentences)


def _page_paths(n: int) -> list[str]:
    paths = ["/index.html", "/insurance.html", "/contact.html"] + [f"/{s}/index.html" for s in SECTIONS]
    i = 0
    while len(paths) < n:
        section = SECTIONS[i % len(SECTIONS)]
        paths.append(f"/{section}/{ITEM[section]}-{i}.html")
        i += 1
    return paths[:max(n, 1)]


def _href(path: str) -> str:
    """How the site links to a page: folders by their slash."""
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def generate(root: Path, external_root: Path, n: int, external_origin: str, seed: int = 7) -> GeneratedSite:
    """Write the site to ``root`` and the other site to ``external_root``; ``external_origin`` is
    where the other site will be served (links to it are absolute)."""
    rng = random.Random(seed)
    paths = _page_paths(n)
    site = GeneratedSite(root, external_root, paths)
    (root / "images").mkdir(parents=True, exist_ok=True)
    (root / "forms").mkdir(parents=True, exist_ok=True)
    for i in range(10):
        (root / "images" / f"photo-{i}.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (root / "forms" / "intake.pdf").write_bytes(b"%PDF-1.4\n" + bytes(2000))
    (root / "styles.css").write_text("body{font-family:sans-serif}", encoding="utf-8")
    (root / "app.js").write_text("void 0;", encoding="utf-8")
    for k in range(EXTERNAL_PAGES):
        ext = external_root / "ref" / f"article-{k}.html"
        ext.parent.mkdir(parents=True, exist_ok=True)
        ext.write_text(f"<html><head><title>Ref {k}</title></head><body><h1 id='summary'>Ref {k}</h1></body></html>",
                       encoding="utf-8")

    def broken(target: str, source: str) -> None:
        site.broken.setdefault(target, set()).add(source)

    for idx, path in enumerate(paths):
        links: list[str] = []
        title = _title(path, idx)
        related = rng.sample(paths, k=min(5, len(paths)))
        for r in related:
            links.append(f'<li><a href="{_href(r)}">{_title(r, paths.index(r))}</a></li>')
        body = [f"<h1>{title}</h1>", f'<h2 id="overview">Overview</h2><p>{_para(rng)}</p>',
                f'<p><img src="/images/photo-{idx % 10}.png" alt="Clinic photo {idx}"></p>',
                f'<h2 id="details">What to expect</h2><p>{_para(rng)} See <a href="#details">details</a> and '
                f'<a href="/insurance.html#plans">plans we accept</a>.</p>',
                f"<h2>Related pages</h2><ul>{''.join(links)}</ul>"]
        ext_links = [rng.randrange(EXTERNAL_PAGES) for _ in range(3)]
        refs = " ".join(f'<a href="{external_origin}/ref/article-{k}.html">source {k}</a>' for k in ext_links)
        body.append(f"<h2>Sources</h2><p>{refs}</p>")
        nxt = paths[(idx + 1) % len(paths)]  # "next article": every page is reachable by a crawl
        body.append(f'<p class="pager"><a href="{_href(nxt)}" rel="next">Next: {_title(nxt, (idx + 1) % len(paths))}</a></p>')
        site.links += len(related) + 6 + len(ext_links)
        # Known defects, spread over the site.
        if idx % 25 == 5:
            body.append(f'<p>Read our <a href="/services/retired-{idx}.html">old service page</a>.</p>')
            broken(f"/services/retired-{idx}.html", path)
            site.links += 1
        if idx % 40 == 9:
            body.append('<p><img src="/images/missing-banner.png" alt="Banner"></p>')
            broken("/images/missing-banner.png", path)
            site.links += 1
        if idx % 30 == 11:
            body.append(f'<p>A <a href="{external_origin}/ref/removed-{idx % 3}.html">removed study</a>.</p>')
            broken(f"ext:/ref/removed-{idx % 3}.html", path)
            site.links += 1
        if idx % 50 == 13:
            body.append('<p>Download the <a href="/forms/intake.pdf">intake form</a> or the '
                        '<a href="/forms/consent.pdf">consent form</a>.</p>')
            broken("/forms/consent.pdf", path)
            site.links += 2
        if path == "/insurance.html":
            body.append('<h2 id="plans">Plans we accept</h2><p>Most major plans.</p>')
        html = _layout(title, "\n".join(body))
        site.links += 12  # head resources, nav and footer
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    return site


def _title(path: str, idx: int) -> str:
    if path == "/index.html":
        return "Riverside Pain & Wellness Clinic"
    name = path.rsplit("/", 1)[-1].removesuffix(".html").replace("-", " ")
    if name == "index":
        name = path.strip("/").split("/")[0]
    condition = CONDITIONS[idx % len(CONDITIONS)]
    return f"{name.title()}: {condition}"


def _layout(title: str, main: str) -> str:
    nav = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in NAV)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="description" content="{title} at Riverside Pain &amp; Wellness Clinic.">
<link rel="stylesheet" href="/styles.css"><script src="/app.js"></script></head>
<body><header><nav><ul>{nav}</ul></nav></header>
<main>
{main}
</main>
<footer><p>Riverside Pain &amp; Wellness Clinic, 100 Main St, Springfield.
Call <a href="tel:+17045550142">(704) 555-0142</a> or email <a href="mailto:frontdesk@riverside.example.org">frontdesk@riverside.example.org</a>.
<a href="/forms/intake.pdf">Intake form</a></p></footer>
</body></html>
"""
