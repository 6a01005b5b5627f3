"""Plainer words: jargon and inflated words from the CDC Plain Language Thesaurus (curated, see
data/plain_language.toml) plus the clinic's own list, one finding per term per paragraph.

A term is not flagged inside a proper name ("American College of Physicians", "National Institute of
Neurological Disorders and Stroke"): a name cannot be reworded. Nor where the text explains it: in parentheses ("neuropathy (nerve damage)",
"high blood pressure (hypertension)"), with "or", "means", "also called" and the like, or when the
same sentence or the next uses one of its plain alternatives. Once explained, a term is fine for
the rest of the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.readability.analysis import Paragraph, analyse, topic_words
from checks.readability.examples import PLAIN_PARAGRAPHS, clinic_page
from checks.readability.metrics import syllables
from checks.readability.settings import settings
from checks.readability.thesaurus import Hit, Term, TermIndex, curated_terms, inflect_like, site_terms
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity, Source
from seotool.site import Site

CDC_SOURCE = Source(
    "CDC Plain Language Thesaurus for Health Communications (public domain)",
    "https://github.com/johntaraj/Automatic_Clinical_Note_Simplification_AI_Pipeline_and_User_Study/blob/"
    "14e9b48def688fecf076df42f1ff122fda0e49ba/Study_I/data/thesarus.json",
)

_EXPLAINED_AFTER = re.compile(
    r"\s*(?:\(|(?:,|—|–|--?|:)?\s*(?:or|also called|also known as|which means|meaning|that is|i\.e\.|means|"
    r"is when|refers to|is (?:the|a) (?:medical |technical )?(?:word|term|name) for)\b)",
    re.I,
)
_EXPLAINED_BEFORE = re.compile(r"(?:\(\s*|\b(?:called|known as|termed|named)\s+)$", re.I)
_SHORT = frozenset("you do so by in on to the a an it is be use get go let".split())
_NAME_TOKEN = re.compile(r"[\w&'’.-]+")
_NAME_JOINERS = frozenset({"of", "and", "for", "the", "&", "on", "in", "de"})


_default_index: TermIndex | None = None


def term_index(site: Site) -> TermIndex:
    """The index for this audit: the curated list, plus and minus the clinic's config."""
    global _default_index
    cfg = settings(site)
    if not cfg.plain_language_terms and not cfg.plain_language_ignore:
        if _default_index is None:
            _default_index = TermIndex(curated_terms().values())  # shared by every audit in a process
        return _default_index
    cached = site.cache.get("readability.term_index")
    if cached is None:
        cached = TermIndex(site_terms(cfg.plain_language_terms, cfg.plain_language_ignore).values())
        site.cache["readability.term_index"] = cached
    return cached


def paragraph_hits(index: TermIndex, para: Paragraph) -> list[Hit]:
    """The listed terms of a paragraph, found once and shared by the rules that advise on words."""
    cached = para.cache.get("terms")
    if cached is None or cached[0] is not index:
        cached = (index, index.find(para.text))
        para.cache["terms"] = cached
    return cached[1]


def check_plain_language(page: Page, site: Site) -> Iterator[Finding]:
    index = term_index(site)
    paragraphs = analyse(page).paragraphs
    subject = topic_words(page, headings=False)
    explained: set[str] = set()
    for pi, para in enumerate(paragraphs):
        by_term: dict[str, list[Hit]] = {}
        for hit in paragraph_hits(index, para):
            by_term.setdefault(hit.term.term.lower(), []).append(hit)
        for key, hits in by_term.items():
            hits = [h for h in hits if not in_proper_name(para.text, h)]
            if key in explained or not hits:
                continue
            if any(is_explained(h, paragraphs, pi) for h in hits):
                explained.add(key)
                continue
            is_subject = set(hits[0].surface.lower().split()) <= subject
            if is_subject:
                explained.add(key)  # the page's own subject: asked to explain once, not every paragraph
            yield _finding(page, para, hits[0], is_subject)


def in_proper_name(text: str, hit: Hit) -> bool:
    """Whether a capitalised hit is one word of a longer capitalised name: its nearest word on either
    side (skipping "of", "and", "the" ...) is capitalised too, within the same sentence."""
    if not hit.surface[:1].isupper():
        return False

    def capitalised_neighbour(tokens: list[str]) -> bool:
        for t in tokens:
            if t.lower() in _NAME_JOINERS:
                continue
            return t[:1].isupper() and not t.endswith((".", "!", "?"))
        return False

    before = _NAME_TOKEN.findall(text[: hit.start])[-4:]
    if before and before[-1].endswith((".", "!", "?", ":")):
        before = []  # the hit opens a sentence
    after = _NAME_TOKEN.findall(text[hit.end :])[:4]
    if text[hit.end : hit.end + 1] in ".!?:":
        after = []
    return capitalised_neighbour(list(reversed(before))) or capitalised_neighbour(after)


def is_explained(hit: Hit, paragraphs: list[Paragraph], pi: int) -> bool:
    text = paragraphs[pi].text
    if _EXPLAINED_AFTER.match(text, hit.end) or _EXPLAINED_BEFORE.search(text, max(0, hit.start - 40), hit.start):
        return True
    window = _sentence_and_next(hit, paragraphs, pi)
    for alt in _evidence(hit.term):
        if re.search(rf"(?<![\w-]){re.escape(alt)}(?![\w-])", window, re.I):
            return True
    return False


def _sentence_and_next(hit: Hit, paragraphs: list[Paragraph], pi: int) -> str:
    """The sentence holding the hit (without the hit itself) and the sentence after it, which may
    open the next paragraph."""
    para = paragraphs[pi]
    sentences = para.sentences
    i = next((k for k, s in enumerate(sentences) if s.start <= hit.start < s.end), len(sentences) - 1)
    current = sentences[i] if sentences else None
    own = (para.text[current.start : hit.start] + " " + para.text[hit.end : current.end]) if current else ""
    if i + 1 < len(sentences):
        nxt = sentences[i + 1].text
    else:
        nxt = next((p.sentences[0].text for p in paragraphs[pi + 1 :] if p.sentences), "")
    return own + " " + nxt


def _evidence(term: Term) -> list[str]:
    """Alternatives whose presence shows the term is explained: not tiny everyday words like 'use'."""
    alts = [*term.substitutes, term.explanation] if term.explanation else list(term.substitutes)
    return [a for a in alts if a and (" " in a or len(a) >= 5) and a.lower() not in _SHORT]


def _finding(page: Page, para: Paragraph, hit: Hit, is_subject: bool = False) -> Finding:
    term = hit.term
    capital = hit.surface[:1].isupper() and not term.case_sensitive
    if term.substitutes:
        subs = _fitting(term.substitutes, para.text, hit)
        options = [_in_form(s, hit.form, capital) for s in subs[:2]]
        first = options[0] or f"a form of '{subs[0]}'"
        suggestion = (f"Use '{first}' instead of '{hit.surface}'." if options[0]
                      else f"Use {first} instead of '{hit.surface}'.")
        if len(options) > 1 and options[1]:
            suggestion += f" Also possible: '{options[1]}'."
        message = f"'{hit.surface}' is a harder word than patients need; plainer: '{options[0] or subs[0]}'."
    else:
        suggestion = (f"Explain it the first time you use it, e.g. '{hit.surface} ({term.explanation})', "
                      "or say it in everyday words.")
        message = f"'{hit.surface}' is jargon many patients do not know, and the text does not explain it."
    if is_subject:
        example = term.explanation or (term.substitutes[0] if term.substitutes else "")
        suggestion = (f"It names the page's subject: explain it once, near the top, e.g. "
                      f"'{hit.surface} ({example})'.")
    if term.origin == "config":
        message += " (listed in your plain_language_terms)"
    finding = RULE.finding(
        page,
        message,
        excerpt=hit.surface,
        block=para.block,
        suggestion=suggestion,
        data={"term": term.term, "substitutes": list(term.substitutes[:3]), "origin": term.origin},
    )
    if term.origin == "config":
        finding.source = None  # the clinic's own word list, not the CDC's
    return finding


def swaps(site: Site, paragraphs: list[Paragraph], limit: int = 3) -> list[tuple[str, str]]:
    """(word as written, plainer word) for the longest listed terms of ``paragraphs`` that have a
    substitute: the concrete part of "use shorter words" advice."""
    index = term_index(site)
    found: dict[str, tuple[str, str]] = {}
    for para in paragraphs:
        for hit in paragraph_hits(index, para):
            key = hit.term.term.lower()
            if key in found or not hit.term.substitutes:
                continue
            plainer = _in_form(_fitting(hit.term.substitutes, para.text, hit)[0], hit.form, False)
            if plainer:
                found[key] = (hit.surface, plainer)
    ranked = sorted(found.values(), key=lambda pair: -sum(syllables(w) for w in pair[0].split()))
    return ranked[:limit]


def _fitting(substitutes: tuple[str, ...], text: str, hit: Hit) -> list[str]:
    """Substitutes fitted to the words around the hit: a substitute that repeats its neighbour
    loses that word ('blood glucose' -> 'sugar', not 'blood sugar'; 'contributing to' ->
    'leading', not 'leading to')."""
    before = text[: hit.start].split()[-1:]
    after = text[hit.end :].split()[:1]
    prev = before[0].lower().strip(",;:()\"'") if before else ""
    nxt = after[0].lower().strip(",.;:()\"'") if after else ""
    out = []
    for sub in substitutes:
        words = sub.split()
        if len(words) > 1 and words[0].lower() == prev:
            words = words[1:]
        if len(words) > 1 and words[-1].lower() == nxt:
            words = words[:-1]
        out.append(" ".join(words))
    return list(dict.fromkeys(out))


def _in_form(substitute: str, form: str, capital: bool) -> str | None:
    word = inflect_like(substitute, form)
    if word and capital:
        word = word[0].upper() + word[1:]
    return word


RULE = Rule(
    id="readability.plain-language",
    title="Jargon with a plainer word",
    severity=Severity.NOTICE,
    what="Words and phrases of the CDC Plain Language Thesaurus (curated by seotool) and of "
         "`[readability] plain_language_terms`, in any form ('utilizes', 'utilized'), unless the same or the next "
         "sentence explains them. One finding per term per paragraph. Silence terms your clinic must use with "
         "`plain_language_ignore`.",
    why="Medical and inflated words are the first thing that stops a patient reading; the CDC lists plainer, "
        "tested alternatives.",
    fix="Use the plainer word the suggestion gives, or explain the term the first time: "
        "'neuropathy (nerve damage)'.",
    bad=(
        Example.of(clinic_page("Nerve pain", *PLAIN_PARAGRAPHS[:2],
                               "We utilize the newest methods to treat neuropathy and hypertension.")),
        Example.of(clinic_page("Trigger points", "Myofascial pain starts in tight bands of muscle. It can hurt far "
                                                 "from the knot itself."),
                   {"readability": {"plain_language_terms": {"myofascial": "muscle and tissue"}}}),
    ),
    good=(
        Example.of(clinic_page("Nerve pain", *PLAIN_PARAGRAPHS,
                               "Neuropathy (nerve damage) is common in people with high blood pressure. "
                               "Doctors call high blood pressure hypertension.")),
        Example.of(clinic_page("Ketamine", "A ketamine infusion takes about an hour. You rest in a quiet room "
                                           "while the infusion runs."),
                   {"readability": {"plain_language_ignore": ["infusion"]}}),
        Example.of(clinic_page("Back pain", "Guidelines from the American College of Physicians list exercise "
                                            "as a first step. The National Institute of Neurological Disorders "
                                            "and Stroke agrees.")),
    ),
    check=check_plain_language,
    confidence="medium",
    source=CDC_SOURCE,
)

RULES = (RULE,)
