"""Concrete fixes for long passages: where to split a sentence, where to break a paragraph, where
to put a subheading. Suggestions name words from the text ("split after 'nerves,'"), never
"improve readability"."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence

from checks.readability.metrics import syllables
from checks.readability.thesaurus import excluded_terms

# Words that open a subordinate clause: a sentence can be split just before them.
SUBORDINATORS = frozenset(
    "because which while although though whereas when if since unless until after before where who as".split()
)
COORDINATORS = frozenset("and but so or yet".split())
# After a bare "and"/"or", these show a new clause ("... relievers and can ...") rather than a list.
_CLAUSE_OPENERS = frozenset(
    """
    it this that they you we he she there can could may might will would should must is are was were
    has have had does do did causes makes
    """.split()
)
_NOT_CLAUSE_BEFORE_AS = frozenset("such as well same known so".split())
_PIECE = re.compile(r"\S+")
_SPLIT_PUNCT = (",", "—", "–")
MIN_PART_WORDS = 5


def split_point(sentence: str) -> tuple[str, int, int] | None:
    """The best place to split a long sentence: (word to split after, words before, words after).

    Prefers a semicolon or colon, then a comma before a clause ("..., which", "..., interfering"),
    then other commas, then a bare clause word ("... because"); never a comma inside a list
    ("burning, tingling or numbness") or a place name ("Charlotte, NC,"). Among the candidates, the
    most even split wins. None when no place leaves both parts five words or more."""
    pieces = _PIECE.findall(sentence)
    n = len(pieces)
    best: tuple[float, int] | None = None
    for k in range(MIN_PART_WORDS, n - MIN_PART_WORDS + 1):
        weight = _split_weight(pieces, k)
        if not weight:
            continue
        value = weight * min(k, n - k) / n
        if best is None or value > best[0]:
            best = (value, k)
    if best is None:
        return None
    k = best[1]
    return pieces[k - 1], k, n - k


def _split_weight(pieces: Sequence[str], k: int) -> float:
    before, after = pieces[k - 1], pieces[k]
    nxt = after.lower().strip("\"'“‘(")
    prev = before.lower().strip("\"'”’),;:")
    if before.endswith((";", ":")):
        return 1.3
    if before.endswith(_SPLIT_PUNCT) or after in ("—", "–"):
        if nxt in SUBORDINATORS:
            return 1.15  # ", which ...", ", because ...": a list item never starts so
        if _in_list(pieces, k) or _is_name_comma(before, after):
            return 0.0
        if nxt in COORDINATORS or nxt.endswith("ing"):
            return 1.15
        return 1.0
    if nxt in SUBORDINATORS and not (nxt == "as" and prev in _NOT_CLAUSE_BEFORE_AS):
        return 0.75
    if nxt in COORDINATORS and k + 1 < len(pieces) and pieces[k + 1].lower() in _CLAUSE_OPENERS:
        return 0.75
    return 0.0


def _in_list(pieces: Sequence[str], k: int) -> bool:
    """Whether the comma before piece ``k`` separates list items: another comma came just before
    ("a, b, and c"), or 'and'/'or' follows within five words with no punctuation in between
    ("burning, tingling in one hand or numbness")."""
    if any(p.endswith(",") for p in pieces[max(0, k - 3) : k - 1]):
        return True
    if pieces[k].lower() in ("and", "or"):
        return False
    for piece in pieces[k : k + 5]:
        if piece.lower() in ("and", "or"):
            return True
        if piece.endswith((",", ";", ":", ".")):
            return False
    return False


def _is_name_comma(before: str, after: str) -> bool:
    """'Charlotte, NC,' or 'Smith, MD': commas inside names and places."""
    word = before.rstrip(",—–")
    return (word.isupper() and len(word) <= 3) or after[:1].isupper()


def split_sentence_advice(sentence: str) -> str:
    point = split_point(sentence)
    if point is None:
        return "Say one thing per sentence: cut it in two and drop words that add nothing."
    word, before, after = point
    return f"Split it after '{word}' ({before} + {after} words)."


def break_points(word_counts: Sequence[int], chunk: int) -> list[int]:
    """Indexes i (1 <= i < len) before which to break a run of units (sentences or paragraphs) with
    ``word_counts`` so that the parts are about ``chunk`` words or fewer."""
    total = sum(word_counts)
    parts = max(2, math.ceil(total / max(1, chunk)))
    parts = min(parts, len(word_counts))
    if parts < 2:
        return []
    cumulative, running = [], 0
    for c in word_counts[:-1]:
        running += c
        cumulative.append(running)  # words before unit i+1
    points: list[int] = []
    for j in range(1, parts):
        i = _closest(cumulative, total * j / parts) + 1
        if i not in points:
            points.append(i)
    return sorted(points)


def _closest(cumulative: Sequence[int], target: float) -> int:
    """The first index of the value in ``cumulative`` (never decreasing) closest to ``target``:
    what ``min(range(n), key=distance)`` gives, by bisection (a paragraph of 50,000 one-word
    sentences made the linear scan per break point quadratic)."""
    b = bisect.bisect_left(cumulative, target)  # the first value >= target
    if b == 0:
        return 0
    a = bisect.bisect_left(cumulative, cumulative[b - 1])  # the first index of the last value < target
    if b == len(cumulative) or target - cumulative[a] <= cumulative[b] - target:
        return a
    return b


def opening(text: str, words: int = 5) -> str:
    """The first few words of a passage, to name it: "Diabetes interferes with your body's…"."""
    pieces = text.split()
    head = " ".join(pieces[:words])
    return head + ("…" if len(pieces) > words else "")


# Latinate endings of abstract, inflated words ("debilitating", "significantly", "sensitivity"),
# which an editor can replace; drug and procedure names ("acetaminophen") rarely end so.
_INFLATED_ENDINGS = ("ly", "tion", "sion", "ity", "ize", "ized", "izing", "ise", "ised", "ate", "ated", "ating",
                     "ment", "ance", "ence", "ous", "ive", "ical", "ional")


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z'’]*[a-z](?![\w-])")


def lower_words(text: str) -> list[str]:
    """The all-lower-case words of ``text`` that :func:`long_words` considers, in order. Those of
    texts joined by spaces are those of each text in turn (no such word spans a space)."""
    return _LOWER_WORD.findall(text)


def long_words(text: str, exclude: set[str], limit: int = 3, min_syllables: int = 4,
               min_letters: int = 9, *, words: list[str] | None = None) -> list[str]:
    """Long abstract words of ``text`` (``min_syllables`` and nine letters or more, with a Latinate
    ending), most syllables first. Not counted: ``exclude`` (the page's topic words), capitalised
    words (names, brands), and disease names and everyday words of the plain-language curation
    (a writer cannot swap "diabetes"). ``words``: ``lower_words(text)`` when already known."""
    if limit <= 0:
        return []
    seen: dict[str, int] = {}
    everyday = excluded_terms()
    for w in dict.fromkeys(lower_words(text) if words is None else words):  # each word once, in order of first use
        if len(w) < min_letters or w in exclude or w in everyday or not w.endswith(_INFLATED_ENDINGS):
            continue
        seen[w] = syllables(w)
    ranked = sorted((w for w, s in seen.items() if s >= min_syllables), key=lambda w: -seen[w])
    return ranked[:limit]


def quote_list(items: Sequence[str]) -> str:
    quoted = [f"'{i}'" for i in items]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]
