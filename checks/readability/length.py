"""Long passages: sentences, paragraphs, and sections without a subheading."""

from __future__ import annotations

from collections.abc import Iterator

from checks.readability.advice import break_points, opening, split_sentence_advice
from checks.readability.analysis import analyse
from checks.readability.examples import PLAIN_PARAGRAPHS, clinic_page
from checks.readability.grade import NIH_CLEAR
from checks.readability.settings import settings
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity
from seotool.site import Site


def check_long_sentence(page: Page, site: Site) -> Iterator[Finding]:
    limit = settings(site).max_sentence_words
    for para in analyse(page).paragraphs:
        for sentence, words in zip(para.sentences, para.sentence_words, strict=True):
            if words > limit:
                yield RULE_SENTENCE.finding(
                    page,
                    f"Sentence of {words} words (limit {limit}).",
                    excerpt=sentence.text,
                    block=para.block,
                    suggestion=split_sentence_advice(sentence.text),
                    data={"words": words},
                )


def check_long_paragraph(page: Page, site: Site) -> Iterator[Finding]:
    limit = settings(site).max_paragraph_words
    for para in analyse(page).paragraphs:
        if para.words <= limit or para.is_list_item:
            continue
        if len(para.sentences) < 2:
            suggestion = "It is one long sentence: " + split_sentence_advice(para.text).lower()
        else:
            points = break_points(para.sentence_words, max(40, limit * 2 // 3))
            starts = [f"'{opening(para.sentences[i].text)}'" for i in points]
            suggestion = (f"Break it into {len(points) + 1} paragraphs: start a new one at "
                          + " and at ".join(starts) + ".")
        yield RULE_PARAGRAPH.finding(
            page,
            f"Paragraph of {para.words} words in {len(para.sentences)} sentences (limit {limit} words).",
            excerpt=para.text,
            block=para.block,
            suggestion=suggestion,
            data={"words": para.words, "sentences": len(para.sentences)},
        )


def check_long_section(page: Page, site: Site) -> Iterator[Finding]:
    limit = settings(site).max_section_words
    for section in analyse(page).sections:
        words = section.words
        if words <= limit:
            continue
        paras = section.paragraphs
        chunk = max(60, limit // 2)
        if len(paras) >= 2:
            points = break_points([p.words for p in paras], chunk)
            places = [_place(opening(paras[i].text), paras[i].block.line) for i in points]
            suggestion = "Add a subheading before " + " and before ".join(places) + "."
        else:
            only = paras[0]
            points = break_points(only.sentence_words, chunk) if len(only.sentences) > 1 else []
            places = [f"'{opening(only.sentences[i].text)}'" for i in points]
            suggestion = ("Break the paragraph and add a subheading before " + " and before ".join(places) + "."
                          if places else "Split it into shorter paragraphs, each under its own subheading.")
        name = f"'{section.title}'" if section.heading is not None else "before the first heading"
        first = paras[0]
        yield RULE_SECTION.finding(
            page,
            f"The section {name} runs {words} words without a subheading (limit {limit}).",
            excerpt=section.title if section.heading is not None else first.sentences[0].text,
            block=section.heading if section.heading is not None else first.block,
            suggestion=suggestion,
            data={"words": words, "paragraphs": len(paras)},
        )


def _place(text: str, line: int | None) -> str:
    return f"'{text}' (line {line})" if line else f"'{text}'"


_LONG_SENTENCE = (
    "Neuropathic pain is the debilitating discomfort that results from damage to your nerves, and unlike "
    "ordinary aches it does not improve with the pain relievers you can buy at a store, so it can make it "
    "hard to work, sleep and enjoy your time with family."
)
_LONG_PARAGRAPH = " ".join(PLAIN_PARAGRAPHS[:3]) + " " + PLAIN_PARAGRAPHS[3] + " " + PLAIN_PARAGRAPHS[0]
_SECTION_PARAGRAPHS = (*PLAIN_PARAGRAPHS, *PLAIN_PARAGRAPHS, PLAIN_PARAGRAPHS[0])

RULE_SENTENCE = Rule(
    id="readability.long-sentence",
    title="Long sentence",
    severity=Severity.NOTICE,
    what="Sentences of the main content longer than `max_sentence_words` (default 25) words.",
    why="Long sentences make readers hold many ideas at once; plain-language guides aim for 15-20 words "
        "and one idea per sentence.",
    fix="Split the sentence where the suggestion says, or drop words that add nothing.",
    bad=(Example.of(clinic_page("Nerve pain", PLAIN_PARAGRAPHS[0], _LONG_SENTENCE)),),
    good=(
        Example.of(clinic_page("Nerve pain", *PLAIN_PARAGRAPHS)),
        Example.of(clinic_page(
            "Nerve pain", "Medically reviewed by Dr. Ana Ruiz, MD, board-certified neurologist. Last reviewed: "
            "March 4, 2025.", *PLAIN_PARAGRAPHS, "<h2>Sources</h2>",
            "<ul><li>Finnerup NB, et al. Pharmacotherapy for neuropathic pain in adults: a systematic review "
            "and meta-analysis of randomised, double-blind, placebo-controlled trials of oral and topical "
            "treatments, with a grading of the quality of the evidence. Lancet Neurol. 2015.</li></ul>")),
    ),
    check=check_long_sentence,
    source=NIH_CLEAR,
)

RULE_PARAGRAPH = Rule(
    id="readability.long-paragraph",
    title="Long paragraph",
    severity=Severity.NOTICE,
    what="Paragraphs of the main content longer than `max_paragraph_words` (default 150) words. List items "
         "are not paragraphs.",
    why="Long blocks of text look hard before anyone reads them, and readers on phones lose their place.",
    fix="Break the paragraph where the suggestion says: one topic per paragraph of three to five sentences.",
    bad=(Example.of(clinic_page("Nerve pain", _LONG_PARAGRAPH)),),
    good=(Example.of(clinic_page("Nerve pain", *PLAIN_PARAGRAPHS)),),
    check=check_long_paragraph,
    source=NIH_CLEAR,
)

RULE_SECTION = Rule(
    id="readability.long-section",
    title="Long section without a subheading",
    severity=Severity.NOTICE,
    what="Runs of main content longer than `max_section_words` (default 300) words between two headings.",
    why="Readers scan for the part that answers their question; subheadings every few paragraphs let them "
        "find it.",
    fix="Add a subheading where the suggestion says, naming what the next paragraphs are about.",
    bad=(Example.of(clinic_page("Nerve pain", *_SECTION_PARAGRAPHS)),),
    good=(Example.of(clinic_page("Nerve pain", *PLAIN_PARAGRAPHS[:2], "<h2>How we help</h2>",
                                 *PLAIN_PARAGRAPHS[2:], "<h2>What you can do</h2>", *PLAIN_PARAGRAPHS[:2])),),
    check=check_long_section,
    source=NIH_CLEAR,
)

RULES = (RULE_SENTENCE, RULE_PARAGRAPH, RULE_SECTION)
