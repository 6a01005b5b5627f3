"""What the medical text rules look at: the prose blocks of a page, split into sentences once,
and whether a page is a medical page at all (trust signals are only asked of those)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from checks.medical.lexicon import lexicon
from seotool.page import Block, Page
from seotool.text import Sentence, split_sentences

# Blocks written as running prose. List items, table cells and captions are fragments by design.
PROSE_KINDS = frozenset({"p", "text", "blockquote", "dd"})
MEDICAL_SCHEMA_TYPES = frozenset({
    "MedicalWebPage", "MedicalCondition", "MedicalTherapy", "MedicalProcedure", "Drug",
    "MedicalScholarlyArticle", "MedicalSignOrSymptom", "MedicalEntity",
})


@dataclass(frozen=True)
class BlockSentences:
    block: Block
    sentences: tuple[Sentence, ...]


def block_sentences(page: Page) -> list[BlockSentences]:
    """Every main-content block with its sentences (headings included), computed once per page."""
    cached = page.cache.get("medical.sentences")
    if cached is None:
        cached = [BlockSentences(b, tuple(split_sentences(b.text))) for b in page.blocks]
        page.cache["medical.sentences"] = cached
    return cached


def schema_types(page: Page) -> set[str]:
    types: set[str] = set()
    for item in page.jsonld_items():
        t = item.get("@type")
        for name in t if isinstance(t, list) else [t]:
            if isinstance(name, str):
                types.add(name.rsplit("/", 1)[-1])
    return types


def is_medical_page(page: Page) -> bool:
    """A page about health: marked up as medical in schema.org, or enough prose with enough
    distinct medical terms. Contact pages, privacy policies and short landing pages are not."""
    cached = page.cache.get("medical.is_medical")
    if cached is None:
        cached = _decide(page)
        page.cache["medical.is_medical"] = cached
    return cached


def _decide(page: Page) -> bool:
    if schema_types(page) & MEDICAL_SCHEMA_TYPES:
        return True
    lex = lexicon()
    if lex.medical_not_paths.search(_path(page)) or page.word_count < lex.medical_min_words:
        return False
    if lex.medical_min_terms <= 0:
        return True
    terms: set[str] = set()
    for m in lex.medical_terms.finditer(page.main_text):
        terms.add(m.group(0).lower().rstrip("s"))
        if len(terms) >= lex.medical_min_terms:
            return True  # enough distinct terms: the rest of the page need not be read
    return False


def _path(page: Page) -> str:
    """The page's path without the leading slash: "conditions/sciatica.html", "" for the home page."""
    return urlsplit(page.final_url).path.lstrip("/")


def page_topic(page: Page) -> str:
    """What the page is about, for claims whose sentence only says "your symptoms": the title,
    the meta description and the first heading."""
    first_heading = next((h.text for h in page.headings if h.in_main), "")
    return " ".join(x for x in (page.title or "", page.description or "", first_heading) if x)
