"""Passive voice: a form of "be" followed by a past participle ("is caused by", "are given").

A heuristic, so the rule fires only when passives are a pattern on the page (more than
``max_passive_share`` of its sentences and at least three), and then lists each one. Participles
used as adjectives after "be" ("is tired", "are located", "is based on") are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from checks.readability.analysis import analyse
from checks.readability.examples import PLAIN_PARAGRAPHS, clinic_page
from checks.readability.grade import NIH_CLEAR
from checks.readability.metrics import MIN_SENTENCE_WORDS
from checks.readability.settings import MIN_PASSIVE_SENTENCES, settings
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity
from seotool.site import Site

_ADVERBS = r"(?:not|also|often|usually|always|never|sometimes|still|just|already|then|now|only|well|even|[a-z]+ly)"
_PASSIVE = re.compile(
    r"\b(?P<be>am|is|are|was|were|be|been|being|isn't|aren't|wasn't|weren't)"
    rf"(?P<adv>(?:\s+{_ADVERBS}){{0,2}})\s+(?P<part>[a-z]+)\b"
)
_AGENT = re.compile(r"\s+by\s+((?:[\w'-]+\s+){0,4}?[\w'-]+)(?=\s*(?:[,.;:!?)]|$|\s(?:and|or|which|that|when|if|because|so|for|in|at|on|with|from|after|before|during|since|until)\b))")
IRREGULAR_PARTICIPLES = frozenset(
    """
    known seen given taken done made found shown written driven broken chosen spoken worn torn bitten
    hidden forgotten eaten grown thrown drawn built bought brought caught held kept left lost meant paid
    put sent set sold spent taught told thought understood hurt cut hit led fed spread shut stuck struck
    felt heard read said laid won begun frozen stolen shaken beaten forbidden overcome undergone withdrawn
    sought bound ground wound
    """.split()
)
# "-ed" words that after "be" describe a state, or are not participles at all.
NOT_PASSIVE = frozenset(
    """
    tired interested worried concerned excited scared married located based supposed pleased satisfied
    surprised bored confused embarrassed frustrated depressed stressed qualified experienced licensed
    certified skilled dedicated committed devoted involved related advanced detailed limited balanced
    complicated crowded prepared exhausted determined ashamed amazed annoyed alarmed relieved talented
    red bed need feed seed speed bleed breed shed wed hundred sacred naked wicked aged beloved indeed
    closed
    """.split()
)
_STOP_BEFORE = ("there", "here")


@dataclass(frozen=True)
class Passive:
    phrase: str  # "is caused", "are often given"
    agent: str  # "high blood sugar" in "... by high blood sugar", else ""


def find_passive(sentence: str) -> Passive | None:
    lower = sentence.lower().replace("’", "'")
    for m in _PASSIVE.finditer(lower):
        part = m.group("part")
        if not _is_participle(part):
            continue
        before = lower[: m.start()].split()
        if before and before[-1] in _STOP_BEFORE:
            continue
        agent = _AGENT.match(lower, m.end())
        source = sentence if len(sentence) == len(lower) else lower  # offsets shift if lower() changed length
        phrase = source[m.start() : m.end()]
        return Passive(phrase, source[agent.start(1) : agent.end(1)] if agent else "")
    return None


def _is_participle(word: str) -> bool:
    if word in IRREGULAR_PARTICIPLES:
        return True
    return len(word) >= 4 and word.endswith("ed") and word not in NOT_PASSIVE


def check_passive(page: Page, site: Site) -> Iterator[Finding]:
    cfg = settings(site)
    sentences = [
        (para, s)
        for para in analyse(page).paragraphs
        if not para.is_list_item
        for s, words in zip(para.sentences, para.sentence_words, strict=True)  # count_words of each sentence
        if words >= MIN_SENTENCE_WORDS
    ]
    found = [(para, s, p) for para, s in sentences if (p := find_passive(s.text)) is not None]
    if not sentences or len(found) < MIN_PASSIVE_SENTENCES:
        return
    share = len(found) / len(sentences)
    if share <= cfg.max_passive_share:
        return
    for para, sentence, passive in found:
        if passive.agent:
            suggestion = (f"Start with who acts: make '{passive.agent}' the subject "
                          f"('{passive.agent[0].upper() + passive.agent[1:]} …') instead of ending with 'by {passive.agent}'.")
        else:
            suggestion = (f"Say who does it: put the doer of '{passive.phrase}' first "
                          "(for example 'we', 'your doctor' or 'you').")
        yield RULE.finding(
            page,
            f"Passive voice ('{passive.phrase}'): {len(found)} of {len(sentences)} sentences on this page "
            f"({share:.0%}) are passive; aim for {cfg.max_passive_share:.0%} or fewer.",
            excerpt=sentence.text,
            block=para.block,
            suggestion=suggestion,
            data={"phrase": passive.phrase, "agent": passive.agent, "share": round(share, 3)},
        )


RULE = Rule(
    id="readability.passive-voice",
    title="Many passive sentences",
    severity=Severity.NOTICE,
    what="Sentences in the passive voice ('is caused by', 'are given'), listed when they are more than "
         "`max_passive_share` (default 0.2) of a page's sentences and at least three. List items are not counted.",
    why="Passive sentences hide who does what, which matters in health copy (who gives the drug, who should "
        "call); they are also longer and harder to follow.",
    fix="Name who acts and put them first: 'high blood sugar damages nerves', 'your doctor will check your feet'.",
    bad=(Example.of(clinic_page(
        "Nerve pain",
        "Nerve pain is caused by damage to the nerves. The damage is often done by high blood sugar. "
        "Your feet are checked at each visit. A plan is made for you after the first visit. "
        "Most people feel better within a few weeks.",
    )),),
    good=(Example.of(clinic_page("Nerve pain", *PLAIN_PARAGRAPHS,
                                 "Your feet are checked at each visit, and we keep notes on what helps.")),),
    check=check_passive,
    confidence="medium",
    source=NIH_CLEAR,
)

RULES = (RULE,)
