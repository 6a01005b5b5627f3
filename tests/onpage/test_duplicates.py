"""Exact and near-duplicate pages, and the shingle index behind them."""

from __future__ import annotations

import random

from checks.onpage.shingles import NearDuplicateIndex, jaccard, shingles, sketch, words
from tests.onpage.support import PROD, by_rule, clean_with, site_files

SCIATICA = "conditions/sciatica.html"
NERVE = "services/nerve-blocks/index.html"


def _copy(name: str, new_path: str, title: str, changes: list[tuple[str, str]] = ()) -> str:
    page = site_files()[name]
    old_path = "/" + name.replace("index.html", "")
    page = page.replace(f'href="{PROD}{old_path}"', f'href="{PROD}/{new_path}"')
    start, end = page.index("<title>"), page.index("</title>")
    page = page[:start] + f"<title>{title}</title>" + page[end + len("</title>"):]
    start = page.index('<meta name="description" content="')
    end = page.index(">", start)
    page = page[:start] + f'<meta name="description" content="{title}: who it helps and what to expect.">' + page[end + 1:]
    for old, new in changes:
        assert old in page
        page = page.replace(old, new)
    return page


def test_exact_copy_of_the_main_content():
    copy = _copy(SCIATICA, "back-pain/sciatica.html", "Sciatica Treatment in Charlotte | Blue Ridge Clinic")
    found = by_rule(clean_with({"back-pain/sciatica.html": copy}))
    assert list(found) == ["onpage.duplicate-content"]
    got = {f["url"]: f for f in found["onpage.duplicate-content"]}
    assert set(got) == {SCIATICA, "back-pain/sciatica.html"}
    assert got[SCIATICA]["data"]["pages"] == ["back-pain/sciatica.html"]
    assert got[SCIATICA]["excerpt"].startswith("Sciatica is pain that runs from the lower back")
    assert got[SCIATICA]["excerpt"].endswith(" …") and len(got[SCIATICA]["excerpt"]) <= 162


def test_copy_that_names_the_original_as_canonical_is_fine():
    copy = _copy(SCIATICA, "conditions/sciatica.html", "Sciatica (print version) | Blue Ridge Clinic")
    found = by_rule(clean_with({"print/sciatica.html": copy}))
    assert "onpage.duplicate-content" not in found and "onpage.near-duplicate" not in found


def test_near_duplicate_with_a_few_words_changed():
    changes = [("calm an irritated nerve root", "calm an inflamed nerve root"), ("twenty minutes", "half an hour"),
               ("Soreness where the needle went in is common.", "Soreness at the injection site is common.")]
    copy = _copy(NERVE, "services/shoulder-injections/", "Shoulder Injections | Blue Ridge Clinic", changes)
    found = by_rule(clean_with({"services/shoulder-injections/index.html": copy}))
    assert list(found) == ["onpage.near-duplicate"]
    got = {f["url"]: f for f in found["onpage.near-duplicate"]}
    assert set(got) == {NERVE, "services/shoulder-injections/index.html"}
    similarity = got[NERVE]["data"]["similar"][0]["similarity"]
    assert 0.85 <= similarity < 1
    assert f"{similarity:.0%} the same as services/shoulder-injections/index.html" in got[NERVE]["message"]
    # the excerpt is a paragraph the two pages share word for word
    assert got[NERVE]["excerpt"].startswith("Epidural steroid injections treat pain")
    assert got[NERVE]["confidence"] == "medium"


def test_near_duplicate_threshold_from_config():
    changes = [("calm an irritated nerve root", "calm an inflamed nerve root"), ("twenty minutes", "half an hour")]
    copy = _copy(NERVE, "services/shoulder-injections/", "Shoulder Injections | Blue Ridge Clinic", changes)
    found = by_rule(clean_with({"services/shoulder-injections/index.html": copy},
                               config={"onpage": {"near_duplicate_threshold": 0.99}}))
    assert "onpage.near-duplicate" not in found


def test_pages_about_different_topics_are_not_near_duplicates():
    # The clean site's articles share a template, a menu, a footer and clinic vocabulary.
    found = by_rule(clean_with(config={"onpage": {"near_duplicate_threshold": 0.2}}))
    assert "onpage.near-duplicate" not in found


def test_short_pages_are_not_compared():
    found = by_rule(clean_with({"contact-2.html": _copy("contact.html", "contact-2.html", "Call Blue Ridge Clinic")}))
    assert "onpage.duplicate-content" not in found


# -- the index ----------------------------------------------------------------------------------


def _text(rng: random.Random, n: int) -> list[str]:
    vocab = [f"w{i}" for i in range(3000)]
    return [rng.choice(vocab) for _ in range(n)]


def test_jaccard_of_shingles_drops_with_each_changed_word():
    rng = random.Random(1)
    base = _text(rng, 400)
    edited = list(base)
    edited[200] = "changed"
    a, b = shingles(base), shingles(edited)
    assert len(a) == 396 and len(a - b) == 5  # one word is in five 5-word shingles
    assert jaccard(a, b) == 391 / 401


def test_sketch_is_stable_and_short_texts_still_get_one():
    assert sketch(shingles(words("A B C D E F"))) == sketch(shingles(words("a b  c d e f")))
    assert len(sketch(shingles(words("only three words")))) == 64
    assert sketch(()) == ()


def test_index_finds_all_near_duplicate_pairs_and_no_false_ones():
    rng = random.Random(7)
    index = NearDuplicateIndex()
    originals = {}
    for i in range(300):
        tokens = _text(rng, 300)
        originals[i] = tokens
        index.add(("page", i), " ".join(tokens))
    expected = set()
    for i in range(0, 300, 10):  # 30 near-copies with 3 words changed (Jaccard about 0.9)
        tokens = list(originals[i])
        for pos in (50, 150, 250):
            tokens[pos] = "edited"
        index.add(("copy", i), " ".join(tokens))
        expected.add((("page", i), ("copy", i)))
    pairs = index.pairs(0.85)
    assert {(a, b) for a, b, _ in pairs} == expected
    assert all(0.85 <= score < 1 for _, _, score in pairs)


def test_a_large_cluster_of_templated_pages_is_linked_without_comparing_every_pair():
    rng = random.Random(3)
    base = _text(rng, 300)
    index = NearDuplicateIndex()
    for i in range(200):
        tokens = list(base)
        tokens[100] = f"city{i}"
        index.add(i, " ".join(tokens))
    candidates = index.candidates()
    assert len(candidates) < 2 * 200 * 16  # linear in the bucket sizes, not 200*199/2 per bucket
    linked = {k for a, b, _ in index.pairs(0.85) for k in (a, b)}
    assert linked == set(range(200))


def test_prepared_page_figures_are_what_the_rules_compute_and_are_used():
    """prepare_page (run in the crawl's helpers) gives the figures the duplicate rules would work
    out themselves, and near_duplicates takes a prepared sketch instead of working it out."""
    from checks import registry
    from checks.onpage.duplicates import _content_hash, near_duplicates, prepare_page
    from seotool.config import Config, defaults
    from seotool.page import Page
    from seotool.site import Site

    rng = random.Random(7)
    texts = [" ".join(_text(rng, 400)) for _ in range(3)]
    site = Site(targets=["x"], config=Config(defaults(registry().settings())))
    site.pages = [Page(f"p{i}.html", f"<html><title>P{i}</title><main><p>{t}</p></main></html>") for i, t in enumerate(texts)]
    for page in site.pages:
        prepared = prepare_page(page, site)
        page.cache.clear()
        assert prepared == {"onpage.content_hash": _content_hash(site, page),
                            "onpage.sketch": sketch(shingles(words(page.main_text)))}
    assert near_duplicates(site) == {}  # three unrelated texts
    site.pages[1] = Page("p1.html", f"<html><title>P1</title><main><p>{texts[0]} and one more</p></main></html>")
    site.cache.clear()
    assert set(near_duplicates(site)) == {id(site.pages[0]), id(site.pages[1])}
    for i, page in enumerate(site.pages[:2]):
        page.cache["onpage.sketch"] = tuple(range(i * 100, i * 100 + 64))  # sketches that share no band
    site.cache.clear()
    assert near_duplicates(site) == {}  # the prepared sketches were used: no candidate pair


def test_equally_similar_pages_are_listed_by_url_whatever_the_page_order():
    from checks import registry
    from checks.onpage.duplicates import near_duplicates
    from seotool.config import Config, defaults
    from seotool.page import Page
    from seotool.site import Site

    base = " ".join(_text(random.Random(3), 400))

    def page(name: str, text: str) -> Page:
        return Page(name, f"<html><title>{name}</title><main><p>{text}</p></main></html>")

    a, b, c = page("a.html", base), page("b.html", base + " one"), page("c.html", base + " two")
    for order in ([a, c, b], [a, b, c], [c, b, a]):
        site = Site(targets=["x"], config=Config(defaults(registry().settings())))
        site.pages = order
        assert [p.url for p, _score in near_duplicates(site)[id(a)]] == ["b.html", "c.html"]
