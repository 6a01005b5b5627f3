"""Near-duplicate detection in about linear time: word shingles, one-permutation MinHash, LSH.

Each text becomes the set of its 5-word shingles, each hashed once (stable across runs).
A sketch keeps, for each of 64 bins of the hash space, the smallest hash that fell in it
(one-permutation hashing: one hash per shingle instead of one per shingle *and* permutation, which
is what makes pure Python fast enough). Two sketches agree in a bin with probability about the
Jaccard similarity of the sets. Banding the sketch (16 bands of 4 bins) puts similar texts in a
shared bucket: a pair at Jaccard 0.7 shares a bucket with probability 0.99, a pair at 0.3 with 0.12.
Every candidate pair is then verified with the exact Jaccard of the shingle sets, so the result does
not depend on the sketch's luck, only which pairs get looked at.

Why not `datasketch`: it needs numpy and scipy, and its per-permutation MinHash is the slow part
this avoids; the index here is ~80 lines and measured by benchmarks/onpage_site.py.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from hashlib import blake2b
from itertools import combinations

SHINGLE_WORDS = 5
BINS = 64
ROWS = 4  # bins per band: 16 bands
_BIN_BITS = 6  # log2(BINS)
_WORD = re.compile(r"\w+", re.UNICODE)
# A big bucket (many templated pages) is verified along a chain rather than pair by pair, keeping
# the work linear; members still end up linked to their neighbours.
_ALL_PAIRS_UP_TO = 30


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


@lru_cache(maxsize=200_000)
def _word_id(word: str) -> int:
    return int.from_bytes(blake2b(word.encode(), digest_size=8).digest(), "big")


def shingles(tokens: list[str]) -> frozenset[int]:
    """Hashes of the text's overlapping ``SHINGLE_WORDS``-word runs (one run for a shorter text).

    Words get a stable id (blake2b); a run is hashed as a tuple of ids. CPython hashes int tuples
    without per-process randomisation (unlike str) and mixes them well (xxHash rounds), so results
    are the same on every run and the low bits can pick the bin."""
    if not tokens:
        return frozenset()
    ids = [_word_id(t) for t in tokens]
    if len(ids) < SHINGLE_WORDS:
        return frozenset((hash(tuple(ids)),))
    # zip stops at the shortest slice: exactly the runs of SHINGLE_WORDS consecutive words
    return frozenset(map(hash, zip(*(ids[i:] for i in range(SHINGLE_WORDS)), strict=False)))


def sketch(hashes: Iterable[int]) -> tuple[int, ...]:
    """Smallest hash per bin; empty bins borrow from the next non-empty bin (densification), so short
    texts still get comparable sketches."""
    mins: list[int | None] = [None] * BINS
    for h in hashes:
        b = h & (BINS - 1)
        v = h >> _BIN_BITS
        current = mins[b]
        if current is None or v < current:
            mins[b] = v
    if all(m is None for m in mins):
        return ()
    out = []
    for b in range(BINS):
        step = 0
        while mins[(b + step) % BINS] is None:
            step += 1
        out.append((mins[(b + step) % BINS] or 0) * BINS + step)  # the offset keeps borrowed values distinct
    return tuple(out)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a and not b:
        return 1.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


@dataclass
class NearDuplicateIndex:
    """Add texts under keys, then ``pairs(threshold)`` gives the verified near-duplicate pairs.

    Only sketches are kept while adding (the texts are referenced, not copied); shingle sets are
    rebuilt for the pages in candidate pairs only, so memory stays small for large sites."""

    _texts: dict[Hashable, str] = field(default_factory=dict)
    _buckets: dict[tuple[int, tuple[int, ...]], list[Hashable]] = field(default_factory=dict)

    def add(self, key: Hashable, text: str, tokens: list[str] | None = None,
            sketch_: tuple[int, ...] | None = None) -> None:
        """``tokens``: ``words(text)``, and ``sketch_``: ``sketch(shingles(tokens))``, when the
        caller has them already."""
        self._texts[key] = text
        sk = sketch(shingles(words(text) if tokens is None else tokens)) if sketch_ is None else sketch_
        for band in range(0, len(sk), ROWS):
            self._buckets.setdefault((band, sk[band:band + ROWS]), []).append(key)

    def candidates(self) -> set[tuple[Hashable, Hashable]]:
        order = {k: i for i, k in enumerate(self._texts)}
        pairs: set[tuple[Hashable, Hashable]] = set()
        for members in self._buckets.values():
            if len(members) < 2:
                continue
            if len(members) <= _ALL_PAIRS_UP_TO:
                found: Iterable[tuple[Hashable, Hashable]] = combinations(members, 2)
            else:
                found = [*((members[0], m) for m in members[1:]), *zip(members[1:], members[2:], strict=False)]
            for a, b in found:
                pairs.add((a, b) if order[a] < order[b] else (b, a))
        return pairs

    def pairs(self, threshold: float) -> list[tuple[Hashable, Hashable, float]]:
        """Verified pairs (in insertion order) whose exact shingle Jaccard is at least ``threshold``."""
        order = {k: i for i, k in enumerate(self._texts)}
        sets: dict[Hashable, frozenset[int]] = {}

        def shingle_set(key: Hashable) -> frozenset[int]:
            if key not in sets:
                sets[key] = shingles(words(self._texts[key]))
            return sets[key]

        ordered = sorted(self.candidates(), key=lambda t: (order[t[0]], order[t[1]]))
        last_use = {key: i for i, pair in enumerate(ordered) for key in pair}
        out = []
        for i, (a, b) in enumerate(ordered):
            score = jaccard(shingle_set(a), shingle_set(b))
            if score >= threshold:
                out.append((a, b, score))
            for key in (a, b):  # free a set once no later pair needs it
                if last_use[key] == i:
                    sets.pop(key, None)
        return out
