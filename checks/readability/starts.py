"""Runs of sentences that start with the same word ("Ketamine ... Ketamine ... Ketamine ...")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.readability.advice import opening, quote_list
from checks.readability.analysis import Paragraph, analyse
from checks.readability.examples import PLAIN_PARAGRAPHS, clinic_page
from checks.readability.grade import NIH_CLEAR
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity
from seotool.site import Site

MIN_RUN = 3
_FIRST_WORD = re.compile(r"[\"'“‘(]*([^\W\d_][\w'’-]*)")


def first_word(sentence: str) -> str:
    m = _FIRST_WORD.match(sentence)
    return m.group(1).lower().replace("’", "'") if m else ""


def runs(para: Paragraph) -> list[tuple[int, int, str]]:
    """(first, last, word) for each run of MIN_RUN or more sentences starting with one word."""
    found: list[tuple[int, int, str]] = []
    if len(para.sentences) < MIN_RUN:
        return found  # too few sentences for a run
    words = [first_word(s.text) for s in para.sentences]
    i = 0
    while i < len(words):
        j = i
        while j + 1 < len(words) and words[i] and words[j + 1] == words[i]:
            j += 1
        if j - i + 1 >= MIN_RUN:
            found.append((i, j, words[i]))
        i = j + 1
    return found


def check_repeated_start(page: Page, site: Site) -> Iterator[Finding]:
    for para in analyse(page).paragraphs:
        if para.is_list_item:
            continue  # list items are parallel on purpose
        for first, last, word in runs(para):
            sentences = para.sentences[first : last + 1]
            shown = sentences[0].text.split()[0].strip("\"'“‘(")
            rest = [f"{opening(s.text, 4)}" for s in sentences[1:]]
            yield RULE.finding(
                page,
                f"{len(sentences)} sentences in a row start with '{shown}'.",
                excerpt=para.text[sentences[0].start : sentences[-1].end],
                block=para.block,
                suggestion=(f"Start {quote_list(rest)} another way: join one to the sentence before it, "
                            f"or open with what is new in it (e.g. 'This', 'It' or the new fact)."),
                data={"word": word, "sentences": len(sentences)},
            )


RULE = Rule(
    id="readability.repeated-sentence-start",
    title="Sentences in a row start with the same word",
    severity=Severity.NOTICE,
    what="Three or more consecutive sentences of one paragraph that start with the same word. List items "
         "are not checked: a list is parallel on purpose.",
    why="Repeated openings make copy read like a list of claims and hide how the ideas connect; readers "
        "skim past them.",
    fix="Join two of the sentences, or open one with what is new in it.",
    bad=(Example.of(clinic_page(
        "Ketamine for nerve pain",
        "Ketamine can ease nerve pain when other drugs have not helped. Ketamine is given slowly through a "
        "vein while you rest. Ketamine visits last about an hour, and you need a ride home.",
    )),),
    good=(Example.of(clinic_page("Nerve pain", *PLAIN_PARAGRAPHS,
                                 "<ul><li>Call us if you fall.</li><li>Call us if you get a cut that will not heal.</li>"
                                 "<li>Call us if the pain gets worse.</li></ul>")),),
    check=check_repeated_start,
    source=NIH_CLEAR,
)

RULES = (RULE,)
