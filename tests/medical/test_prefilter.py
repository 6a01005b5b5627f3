"""The word prefilter may only rule out patterns that cannot match: for every pattern of the claim
lexicon and every text of the corpora (and the exact spans the patterns match, in other cases),
a pattern that matches must never be ruled out. And it must rule out the usual paragraph."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from checks import registry
from checks.medical.lexicon import lexicon
from checks.medical.prefilter import GateSet, TextIndex, gate
from seotool.page import Page

ROOT = Path(__file__).resolve().parents[2]


def _lexicon_patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    found: dict[str, re.Pattern[str]] = {}
    for name, value in vars(lex).items():
        if isinstance(value, re.Pattern):
            found[name] = value
    for group in ("absolute", "leftovers"):
        for p in getattr(lex, group):
            found[f"{group}.{p.id}"] = p.regex
            if p.unless is not None:
                found[f"{group}.{p.id}.unless"] = p.unless
    for i, entry in enumerate(lex.off_label):
        found[f"off_label[{i}].treatment"] = entry.treatment
        found[f"off_label[{i}].uses"] = entry.uses
    for aspect in lex.aspects:
        found[f"aspect.{aspect.name}.heading"] = aspect.heading
        found[f"aspect.{aspect.name}.opening"] = aspect.opening
    return found


PATTERNS = _lexicon_patterns()


@cache
def _texts() -> tuple[str, ...]:
    """Every block, title and description of the corpora and the medical rules' examples."""
    texts: set[str] = set()
    files = [f for d in ("tests/corpora", "examples/site") for f in (ROOT / d).rglob("*.htm*")]
    pages = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    for rule in registry().rules.values():
        if rule.id.startswith("medical."):
            for ex in (*rule.bad, *rule.good):
                pages.extend(v for v in ex.files.values() if isinstance(v, str))
    for html in pages:
        page = Page("page.html", html)
        texts.update(b.text for b in page.blocks)
        texts.update(x for x in (page.title, page.description) if x)
    return tuple(sorted(texts))


def _folded(text: str) -> str:
    """With characters that only a case-insensitive match sees as ASCII letters (ſ, ı, the Kelvin sign)."""
    return text.replace("k", "\u212a").replace("s", "\u017f").replace("i", "\u0131")


def _variants(text: str) -> list[str]:
    """A matched span in other cases and contexts."""
    return [text, text.upper(), text.title(), text.swapcase(), _folded(text), "x" + text + "x", "(" + text + ")"]


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_a_pattern_that_matches_is_never_ruled_out(name):
    pattern = PATTERNS[name]
    g = gate(pattern)
    for text in _texts():
        candidates = [text, text.upper(), _folded(text)]
        for m in list(pattern.finditer(text))[:3]:
            around = text[max(0, m.start() - 3):m.end() + 3]
            candidates += _variants(m.group(0)) + _variants(around)
        for candidate in candidates:
            if pattern.search(candidate):
                assert g.may_match(TextIndex.of(candidate)), (name, candidate)


def test_the_corpora_exercise_most_patterns():
    """The test above means something only if the patterns do match in the texts."""
    matching = [name for name, p in PATTERNS.items() if any(p.search(t) for t in _texts())]
    assert len(matching) >= 0.8 * len(PATTERNS), sorted(set(PATTERNS) - set(matching))


@pytest.mark.parametrize(("pattern", "flags", "text", "may"), [
    (r"\b(cures?|cured|curing)\b", re.I, "Insurance covers security and care.", False),
    (r"\b(cures?|cured|curing)\b", re.I, "It CURES.", True),
    (r"\bcure\b", re.I, "procure", False),
    (r"\bcure", re.I, "curettage", True),  # no \b after: a prefix of a word
    (r"\bmiracle\b|\bmiraculous\b|\bmagic\s+pill\b", re.I, "magical", False),
    (r"\bmiracle\b|\bmiraculous\b|\bmagic\s+pill\b", re.I, "a magic  pill", True),
    (r"(?<!the\s)end\b", re.I, "the end", True),  # the lookbehind is ignored, never wrongly applied
    (r"\bno\s+(known\s+)?side\s+effects\b", re.I, "No known side effects", True),
    (r"\bno\s+(known\s+)?side\s+effects\b", re.I, "sideeffects", False),
    (r"\b100\s*%", 0, "100 %", True),
    (r"\b100\s*%", 0, "1000", False),
    (r"\bTODO\b", 0, "todo list", True),  # lowercasing only ever lets more through
    (r"(?i:\bby)\s+Dr", 0, "BY Dr", True),
    (r"\bski\b", re.I, "S\u212aI", True),  # the Kelvin sign matches k case-insensitively
    (r"\[\s*CITY\]", 0, "Call us in [ CITY]", True),
    (r"\[\s*CITY\]", 0, "Call us in Springfield", False),
    (r"(a|b)\1", 0, "aa", True),  # a back-reference: never ruled out
])
def test_gate_examples(pattern, flags, text, may):
    rx = re.compile(pattern, flags)
    assert bool(rx.search(text)) <= gate(rx).may_match(TextIndex.of(text))
    assert gate(rx).may_match(TextIndex.of(text)) is may


def test_a_gate_set_agrees_with_each_gate():
    patterns = [p.regex for p in lexicon().absolute] + [lexicon().certainty, lexicon().off_label_verbs]
    gates = GateSet(patterns)
    for text in _texts():
        index = TextIndex.of(text)
        assert gates.possible(index) == tuple(gate(p).may_match(index) for p in patterns)


def test_most_paragraphs_are_ruled_out_for_most_claim_patterns():
    """The point of the prefilter: a paragraph without the claim words skips the patterns."""
    patterns = [p.regex for p in lexicon().absolute]
    texts = _texts()
    ruled_out = sum(not gate(p).may_match(TextIndex.of(t)) for t in texts for p in patterns)
    assert ruled_out >= 0.9 * len(texts) * len(patterns)
