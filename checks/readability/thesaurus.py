"""The plain-language word list: the CDC thesaurus with seotool's curation (data/plain_language.toml)
and the clinic's own additions, compiled once into a token index (first word -> terms) so a page
is scanned in one pass, with inflected forms ("utilized", "utilizing") matched too."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
CDC_FILE = DATA / "cdc-plain-language-thesaurus.json"
CURATION_FILE = DATA / "plain_language.toml"

MAX_SUBSTITUTE_WORDS = 3  # longer alternatives are explanations, not drop-in words

_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*")  # _TOKEN on ASCII text, faster
_VOWELS = "aeiou"


@dataclass(frozen=True)
class Term:
    term: str  # as listed, e.g. "utilize", "adverse event", "COPD"
    substitutes: tuple[str, ...]  # plain words to use instead, best first (may be empty)
    explanation: str  # a plain explanation, for terms without a short substitute
    origin: str  # "cdc", "curated" or "config"

    @property
    def case_sensitive(self) -> bool:
        first = self.term.split()[0]
        return len(first) > 1 and first.isupper()  # acronyms: "BMI", not "bmi" in a URL slug


@dataclass(frozen=True)
class Hit:
    term: Term
    start: int
    end: int
    surface: str  # the words as written in the text
    form: str  # "" (as listed), "s", "ed", "ing" or "singular": how the surface inflects the term


def parse_alternatives(definition: str) -> tuple[tuple[str, ...], str]:
    """Split a CDC definition into short substitutes and a longer explanation."""
    parts = [p.strip(" .") for p in _split_outside_parens(definition)]
    parts = [p for p in parts if p]
    substitutes = tuple(dict.fromkeys(p for p in parts if "(" not in p and len(p.split()) <= MAX_SUBSTITUTE_WORDS))
    explanation = next((p for p in parts if len(p.split()) > MAX_SUBSTITUTE_WORDS), "")
    return substitutes, explanation


def _split_outside_parens(text: str) -> list[str]:
    out, depth, cur = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch in ",;" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


class CurationError(ValueError):
    """The curation file names a term that is not in the thesaurus, or is malformed."""


def curated_terms() -> dict[str, Term]:
    """CDC terms minus exclusions, with curated alternatives and additions; key = lowercase term."""
    return _load()[0]


def excluded_terms() -> frozenset[str]:
    """CDC terms the curation excludes (lowercase): everyday words and usual names of diseases."""
    return _load()[1]


@cache
def _load() -> tuple[dict[str, Term], frozenset[str]]:
    raw = json.loads(CDC_FILE.read_text(encoding="utf-8"))
    curation = tomllib.loads(CURATION_FILE.read_text(encoding="utf-8"))
    definitions: dict[str, tuple[str, list[str]]] = {}
    for entry in raw:
        key = entry["term"].strip().lower()
        term, defs = definitions.setdefault(key, (entry["term"].strip(), []))
        defs.append(entry["definition"])  # duplicates ("benign", "chronic") are merged
    excluded: set[str] = set()
    for group in curation.get("exclude", []):
        if not group.get("reason"):
            raise CurationError(f"{CURATION_FILE.name}: an [[exclude]] group has no reason")
        for t in group.get("terms", []):
            key = t.lower()
            if key not in definitions:
                raise CurationError(f"{CURATION_FILE.name}: excluded term {t!r} is not in the CDC thesaurus")
            excluded.add(key)
    alternatives = {k.lower(): v for k, v in curation.get("alternatives", {}).items()}
    for key in alternatives:
        if key not in definitions:
            raise CurationError(f"{CURATION_FILE.name}: [alternatives] term {key!r} is not in the CDC thesaurus")
        if key in excluded:
            raise CurationError(f"{CURATION_FILE.name}: [alternatives] term {key!r} is also excluded")
    terms: dict[str, Term] = {}
    for key, (term, defs) in definitions.items():
        if key in excluded:
            continue
        if key in alternatives:
            terms[key] = make_term(term, alternatives[key], "curated")
        else:
            terms[key] = make_term(term, ", ".join(defs), "cdc")
    for t, definition in curation.get("add", {}).items():
        if t.lower() in definitions:
            raise CurationError(f"{CURATION_FILE.name}: [add] term {t!r} is already in the CDC thesaurus")
        terms[t.lower()] = make_term(t, definition, "curated")
    return terms, frozenset(excluded)


def make_term(term: str, definition: str, origin: str) -> Term:
    substitutes, explanation = parse_alternatives(definition)
    # a term is never its own substitute ("hazard" -> "hazard, harmful, danger")
    substitutes = tuple(s for s in substitutes if s.lower() != term.lower())
    return Term(term.strip(), substitutes, explanation, origin)


def site_terms(extra: Mapping[str, object], ignore: Iterable[str]) -> dict[str, Term]:
    """The curated terms plus a clinic's own (``extra``: term -> plainer words), minus ``ignore``."""
    terms = dict(curated_terms())
    for t, definition in extra.items():
        terms[str(t).strip().lower()] = make_term(str(t), str(definition), "config")
    for t in ignore:
        terms.pop(str(t).strip().lower(), None)
    return terms


class TermIndex:
    """Finds terms in text by whole words, longest term first, with inflections of the last word."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self._ci: dict[str, list[tuple[tuple[str, ...], Term, str]]] = {}
        self._cs: dict[str, list[tuple[tuple[str, ...], Term, str]]] = {}
        exact: set[tuple[str, ...]] = set()
        entries: list[tuple[tuple[str, ...], Term, str]] = []
        for term in terms:
            tokens = tuple(_norm(t) for t in _TOKEN.findall(term.term))
            if not tokens:
                continue
            if not term.case_sensitive:
                tokens = tuple(t.lower() for t in tokens)
            exact.add(tokens)
            for form, kind in inflections(tokens[-1]):
                entries.append(((*tokens[:-1], form), term, kind))
        seen: set[tuple[str, ...]] = set()
        # listed forms first, so "dilate" is never read as an inflection of another term
        entries.sort(key=lambda e: (e[0] not in exact or e[2] != ""))
        for seq, term, kind in entries:
            if seq in seen:
                continue
            seen.add(seq)
            table = self._cs if term.case_sensitive else self._ci
            table.setdefault(seq[0], []).append((seq, term, kind))
        for table in (self._ci, self._cs):
            for cands in table.values():
                cands.sort(key=lambda c: -len(c[0]))

    def find(self, text: str) -> list[Hit]:
        # Tokens come from findall (fast); offsets are read from a second scan only up to the
        # tokens that start a term, which are few.
        ci, cs = self._ci, self._cs
        if text.isascii():
            # ASCII text lower-cases letter for letter, so its tokens lower-cased are the tokens
            # of the lower-cased text; and most paragraphs start no term, so the tokens as
            # written are read only when one does (or when an acronym is in the text at all).
            lowers = _ASCII_TOKEN.findall(text.lower())
            starts = [] if ci.keys().isdisjoint(lowers) else [k for k, w in enumerate(lowers) if w in ci]
            if not starts and not any(key in text for key in cs):
                return []
            raw = _ASCII_TOKEN.findall(text)
        else:
            raw = _TOKEN.findall(text)
            if "’" in text:
                raw = [_norm(t) for t in raw]
            lowers = [t.lower() for t in raw]
            starts = [k for k, w in enumerate(lowers) if w in ci]
        # Only the tokens that start a listed term are looked at (a few of a paragraph's).
        if cs:
            upper = [k for k, w in enumerate(raw) if w in cs]
            if upper:
                starts = sorted({*starts, *upper})
        if not starts:
            return []
        spans = _Spans(text)
        hits: list[Hit] = []
        i, n = 0, len(raw)
        for at in starts:
            if at < i:
                continue  # inside the term found before
            i = at
            cands = ci.get(lowers[i])
            if raw[i] in cs:
                cands = sorted((cands or []) + cs[raw[i]], key=lambda c: -len(c[0]))
            if not cands:
                i += 1
                continue
            matched = 0
            for seq, term, kind in cands:
                k = len(seq)
                if k > 1:
                    if i + k > n:
                        continue
                    got = raw[i + 1 : i + k] if term.case_sensitive else lowers[i + 1 : i + k]
                    if tuple(got) != seq[1:]:
                        continue
                start, end = spans.start(i), spans.end(i + k - 1)
                hits.append(Hit(term, start, end, text[start:end], kind))
                matched = k
                break
            i += matched or 1
        return hits


class _Spans:
    """Offsets of the n-th token, read lazily in increasing order."""

    def __init__(self, text: str) -> None:
        self._it = _TOKEN.finditer(text)
        self._seen: list[tuple[int, int]] = []

    def _get(self, index: int) -> tuple[int, int]:
        while len(self._seen) <= index:
            self._seen.append(next(self._it).span())
        return self._seen[index]

    def start(self, index: int) -> int:
        return self._get(index)[0]

    def end(self, index: int) -> int:
        return self._get(index)[1]


def _norm(token: str) -> str:
    return token.replace("’", "'") if "’" in token else token


def inflections(word: str) -> list[tuple[str, str]]:
    """The word and its regular inflections, each with its kind ("", "s", "ed", "ing", "singular")."""
    forms: list[tuple[str, str]] = [(word, "")]
    if not word.isalpha() or len(word) < 3 or word.isupper():
        return forms
    w = word
    if w.endswith("sis"):
        return forms + [(w[:-3] + "ses", "s")]  # diagnosis -> diagnoses
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        stem = w[:-3] + "y" if w.endswith("ies") else w[:-1]
        return forms + [(stem, "singular")]  # "sutures" also matches "suture"
    if w[-1] == "y" and w[-2] not in _VOWELS:
        forms += [(w[:-1] + "ies", "s"), (w[:-1] + "ied", "ed"), (w + "ing", "ing")]
    elif w[-1] == "e":
        forms += [(w + "s", "s"), (w + "d", "ed"), (w[:-1] + "ing", "ing")]
    else:
        forms += [(w + ("es" if w.endswith(("x", "z", "ch", "sh")) else "s"), "s"), (w + "ed", "ed"), (w + "ing", "ing")]
        if _doubles(w):
            forms += [(w + w[-1] + "ed", "ed"), (w + w[-1] + "ing", "ing")]
    if w.endswith("ize"):  # British spelling: utilise, minimise
        forms += [(w[:-3] + "is" + f[len(w) - 1 :], k) for f, k in list(forms)]
    return forms


def _doubles(w: str) -> bool:
    """Consonant-vowel-consonant endings may double before -ed/-ing (occur -> occurred, permit -> permitted)."""
    return len(w) >= 3 and w[-1] not in _VOWELS + "wxy" and w[-2] in _VOWELS and w[-3] not in _VOWELS


# -- suggesting a substitute in the same form as the word it replaces -------------------------------

_IRREGULAR_PAST = {
    "get": "got", "make": "made", "find": "found", "tell": "told", "keep": "kept", "say": "said",
    "send": "sent", "hold": "held", "feel": "felt", "leave": "left", "lead": "led", "bring": "brought",
    "buy": "bought", "pay": "paid", "put": "put", "cut": "cut", "let": "let", "set": "set", "mean": "meant",
    "build": "built", "teach": "taught", "think": "thought", "sell": "sold", "stand": "stood",
    "understand": "understood", "lose": "lost", "spend": "spent", "hurt": "hurt", "have": "had",
    "hear": "heard", "spread": "spread", "quit": "quit", "win": "won", "burst": "burst",
}
_IRREGULAR_S = {"do": "does", "go": "goes", "have": "has", "be": "is"}  # "performs" -> "does", not "dos"
_AMBIGUOUS_PAST = {"give", "do", "go", "see", "take", "show", "begin", "break", "eat", "drink", "write",
                   "speak", "grow", "know", "throw", "drive", "choose", "be", "come", "rise", "fall"}
_PHRASE_VERBS = {
    "add", "be", "break", "bring", "carry", "come", "cut", "fill", "find", "get", "give", "go", "hand",
    "help", "hold", "keep", "lead", "look", "make", "put", "set", "show", "sign", "stay", "take", "talk",
    "tell", "turn", "work", "figure", "pay", "send", "speed", "sum", "team", "rub", "throw", "call",
    "feel", "let", "point", "use", "ask", "watch", "check", "move", "fight", "stop", "try", "say", "cover",
}


def inflect_like(phrase: str, form: str) -> str | None:
    """``phrase`` put in ``form`` (the inflection of the replaced word), or None when unsure."""
    if not form:
        return phrase
    words = phrase.split()
    if not words or any(not w.isalpha() for w in words):
        return None
    index = 0 if len(words) > 1 and words[0].lower() in _PHRASE_VERBS else len(words) - 1
    if len(words) > 1 and index == len(words) - 1 and form in ("ed", "ing"):
        return None  # "high blood pressure" has no past tense
    new = _inflect_word(words[index], form)
    if new is None:
        return None
    words[index] = new
    return " ".join(words)


def _inflect_word(w: str, form: str) -> str | None:
    lower = w.lower()
    if form == "s":
        if lower in _IRREGULAR_S:
            return _IRREGULAR_S[lower]
        if lower.endswith(("s", "x", "z", "ch", "sh")):
            return w + "es"
        if lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
            return w[:-1] + "ies"
        return w + "s"
    if form == "singular":
        if lower.endswith("ies"):
            return w[:-3] + "y"
        if lower.endswith(("ches", "shes", "sses", "xes")):
            return w[:-2]
        return w[:-1] if lower.endswith("s") and not lower.endswith("ss") else w
    if form == "ed":
        if lower in _IRREGULAR_PAST:
            return _IRREGULAR_PAST[lower]
        if lower in _AMBIGUOUS_PAST:
            return None
        if lower.endswith("e"):
            return w + "d"
        if lower.endswith("y") and lower[-2:-1] not in tuple(_VOWELS):
            return w[:-1] + "ied"
        return w + w[-1] + "ed" if _short_cvc(lower) else w + "ed"
    if form == "ing":
        if lower.endswith("ie"):
            return w[:-2] + "ying"
        if lower.endswith("e") and not lower.endswith(("ee", "ye", "oe")) and len(lower) > 2:
            return w[:-1] + "ing"
        return w + w[-1] + "ing" if _short_cvc(lower) else w + "ing"
    return None


def _short_cvc(w: str) -> bool:
    """One-syllable consonant-vowel-consonant words double their last letter (stop -> stopped)."""
    return len(w) <= 4 and _doubles(w) and sum(c in _VOWELS for c in w) == 1
