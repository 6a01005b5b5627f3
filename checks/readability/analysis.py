"""A page's prose as the readability rules see it, computed once per page (``page.cache``):
paragraphs with their sentences and word counts, sections between headings, and the scores.

Only the main content counts (``page.blocks``, never menus, headers or footers), and only on
English pages: a page whose ``lang`` names another language has no prose here, so no rule fires. Headings are not
prose: they start sections and are not scored. Table cells, code and captions of tables are left
out. A run of list items is one paragraph (one list), each item with its own sentences.

Nor is the page's apparatus prose: a list of sources under a "Sources", "References" or "Further
reading" heading (the titles of cited papers are not the clinic's to rewrite), a byline or date
line ("Medically reviewed by ..., MD. Last reviewed: ..."), and a paragraph or list item made of
nothing but link labels ("Related pages" lists, "Back pain | Neck pain"): the labels are other
pages' titles, rewritten (and graded) on those pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checks.readability.metrics import Counts, Scores, count, count_words, scores
from seotool.text import Sentence, split_sentences

if TYPE_CHECKING:  # pragma: no cover
    from seotool.page import Block, Page

PROSE_KINDS = frozenset({"p", "text", "li", "blockquote", "dd", "figcaption"})
# Headings of a list of cited works: what follows is not the clinic's prose.
_SOURCES_HEADING = re.compile(r"^(sources?|references?|citations?|further\s+reading|bibliography|works\s+cited|"
                              r"studies\s+cited|sources\s+and\s+further\s+reading)\b", re.I)
# A byline or date line: who wrote or reviewed the page and when.
_BYLINE = re.compile(r"^((medically|clinically)\s+)?(reviewed|written|authored|fact[\s-]checked)\s+by\b|"
                     r"^(last\s+)?(reviewed|updated|modified|published|posted)\s*(on\s*)?:?\s*"
                     r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)", re.I)
_BYLINE_MAX_WORDS = 40
CACHE_KEY = "readability.analysis"


@dataclass
class Paragraph:
    block: Block
    sentences: list[Sentence]
    sentence_words: list[int]
    words: int
    _counts: Counts | None = field(default=None, repr=False)
    cache: dict[str, Any] = field(default_factory=dict, repr=False)  # per-paragraph results of rules

    @property
    def text(self) -> str:
        return self.block.text

    @property
    def is_list_item(self) -> bool:
        return self.block.kind == "li"

    @property
    def counts(self) -> Counts:
        if self._counts is None:
            self._counts = count([s.text for s in self.sentences], self.sentence_words)
        return self._counts

    @property
    def scores(self) -> Scores | None:
        if "scores" not in self.cache:  # read by both grade rules, twice per paragraph
            self.cache["scores"] = scores(self.counts)
        return self.cache["scores"]


@dataclass
class Section:
    heading: Block | None  # None for the prose before the first heading
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def words(self) -> int:
        return sum(p.words for p in self.paragraphs)

    @property
    def title(self) -> str:
        return self.heading.text if self.heading is not None else ""


@dataclass
class PageText:
    paragraphs: list[Paragraph]
    sections: list[Section]
    paragraph_count: int  # a run of list items counts once
    scores: Scores | None
    english: bool = True  # False: the page declares another language and is not read

    @property
    def words(self) -> int:
        return sum(p.words for p in self.paragraphs)

    @property
    def sentence_count(self) -> int:
        return sum(len(p.sentences) for p in self.paragraphs)


def analyse(page: Page) -> PageText:
    cached = page.cache.get(CACHE_KEY)
    if cached is None:
        cached = _analyse(page)
        page.cache[CACHE_KEY] = cached
    return cached


def is_english(page: Page) -> bool:
    """Pages without a lang attribute are taken as English (most clinic sites do not set one)."""
    return not page.lang or page.lang.strip().lower().split("-")[0] == "en"


def _analyse(page: Page) -> PageText:
    if not is_english(page):
        return PageText([], [], 0, None, english=False)  # the formulas and word lists are English
    paragraphs: list[Paragraph] = []
    sections: list[Section] = [Section(None)]
    paragraph_count = 0
    previous_kind = ""
    in_sources = False
    for block in page.blocks:
        if block.is_heading:
            sections.append(Section(block))
            previous_kind = block.kind
            in_sources = bool(_SOURCES_HEADING.match(block.text.strip()))
            continue
        if block.kind not in PROSE_KINDS or in_sources or block.links_only or _is_byline(block.text):
            previous_kind = block.kind
            continue
        sentences = split_sentences(block.text)
        counts = [count_words(s.text) for s in sentences]
        para = Paragraph(block, sentences, counts, sum(counts))
        paragraphs.append(para)
        sections[-1].paragraphs.append(para)
        if not (block.kind == "li" and previous_kind == "li"):
            paragraph_count += 1
        previous_kind = block.kind
    sections = [s for s in sections if s.paragraphs]
    total = sum((p.counts for p in paragraphs), Counts())
    return PageText(paragraphs, sections, paragraph_count, scores(total))


def _is_byline(text: str) -> bool:
    return bool(_BYLINE.match(text.strip())) and len(text.split()) <= _BYLINE_MAX_WORDS  # the cheap test first


def topic_words(page: Page, headings: bool = True) -> set[str]:
    """Words of the title and headings (or only the h1s): the page's subject, which a rewrite keeps."""
    key = ("readability.topic", headings)  # asked for by three rules, and by one for each hard paragraph
    cached = page.cache.get(key)
    if cached is None:
        names = [h.text for h in page.headings if headings or h.level == 1]
        cached = page.cache[key] = frozenset(
            w.lower().strip(".,:;!?()'\"|") for w in " ".join([page.title or "", *names]).split())
    return set(cached)
