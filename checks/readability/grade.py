"""Reading grade: the page above its target grade, and its hardest paragraphs."""

from __future__ import annotations

from collections.abc import Iterator

from checks.readability.advice import long_words, lower_words, opening, quote_list, split_point
from checks.readability.analysis import PageText, Paragraph, analyse, topic_words
from checks.readability.examples import PLAIN_PARAGRAPHS, clinic_page
from checks.readability.plain_language import swaps
from checks.readability.settings import HARD_PARAGRAPH_MIN_WORDS, Settings, settings
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity, Source
from seotool.site import Site

NIH_CLEAR = Source(
    "NIH: Clear & Simple (plain language for health information)",
    "https://www.nih.gov/institutes-nih/nih-office-director/office-communications-public-liaison/clear-communication/clear-simple",
)

HARD_PARAGRAPHS = (
    "Neuropathic pain is a debilitating condition resulting from dysfunction or damage affecting the "
    "peripheral or central nervous system. It is frequently characterized by persistent burning, tingling "
    "or electrical sensations that significantly diminish functional capacity and overall quality of life. "
    "Conventional analgesic medications frequently demonstrate limited effectiveness.",
    "Comprehensive evaluation by an experienced interventional pain management specialist facilitates "
    "identification of underlying etiologies, including diabetic neuropathy and postherpetic neuralgia. "
    "Accurate diagnosis subsequently enables individualized multimodal therapeutic interventions. "
    "Preliminary laboratory investigations may additionally be necessary.",
    "Pharmacological management typically encompasses anticonvulsant medications, serotonin-norepinephrine "
    "reuptake inhibitors and topical anesthetic preparations. Interventional procedures such as sympathetic "
    "nerve blocks may additionally be considered for refractory presentations. Ketamine infusions represent "
    "an alternative therapeutic modality for individuals unresponsive to conventional interventions.",
)


def word_advice(site: Site, page: Page, paragraphs: list[Paragraph], topic: set[str] | None = None) -> list[str]:
    """Which words to change: plainer words from the word list first ("use 'a lot' instead of
    'significantly'"), then other very long words (five syllables or more) that are not the
    page's topic, a disease name or an everyday word."""
    topic = topic if topic is not None else topic_words(page)
    pairs = [(w, p) for w, p in swaps(site, paragraphs, 6) if not set(w.lower().split()) <= topic][:3]
    steps = []
    if pairs:
        swaps_text = [f"'{plain}' instead of '{word}'" for word, plain in pairs]
        steps.append("use " + (", ".join(swaps_text[:-1]) + " and " if len(swaps_text) > 1 else "") + swaps_text[-1])
    exclude = topic | {w.lower() for w, _ in pairs}
    others = []
    if len(pairs) < 3:
        # the words of the paragraphs joined by spaces: each paragraph's, read once for all the rules
        words = [w for p in paragraphs for w in _lower_words(p)]
        text = " ".join(p.text for p in paragraphs)
        others = long_words(text, exclude, limit=3 - len(pairs), min_syllables=5, words=words)
    if others:
        steps.append(f"use shorter words than {quote_list(others)}")
    return steps


def _lower_words(para: Paragraph) -> list[str]:
    cached = para.cache.get("lower_words")
    if cached is None:
        cached = para.cache["lower_words"] = lower_words(para.text)
    return cached


def hard_paragraphs(text: PageText, cfg: Settings) -> list[tuple[Paragraph, float]]:
    """Paragraphs at or above target + margin, hardest first, at most ``max_hard_paragraphs``."""
    found = []
    for para in text.paragraphs:
        if para.words < HARD_PARAGRAPH_MIN_WORDS or para.scores is None:
            continue
        grade = para.scores.grade
        if grade >= cfg.hard_grade:
            found.append((para, grade))
    found.sort(key=lambda pg: -pg[1])
    return found[: cfg.max_hard_paragraphs]


def check_grade_above_target(page: Page, site: Site) -> Iterator[Finding]:
    cfg = settings(site)
    text = analyse(page)
    scores = text.scores
    if scores is None or text.words < cfg.min_words or scores.grade <= cfg.target_grade:
        return
    steps = []
    hardest = hard_paragraphs(text, cfg)[:2]
    if hardest:
        named = ", ".join(f"'{opening(p.text)}' (line {p.block.line}, grade {g:.1f})" if p.block.line
                          else f"'{opening(p.text)}' (grade {g:.1f})" for p, g in hardest)
        steps.append(f"rewrite the hardest paragraphs first: {named}")
    long_count = sum(1 for p in text.paragraphs for n in p.sentence_words if n > cfg.max_sentence_words)
    if long_count == 1:
        steps.append(f"split the sentence of over {cfg.max_sentence_words} words")
    elif long_count:
        steps.append(f"split the {long_count} sentences over {cfg.max_sentence_words} words")
    steps.extend(word_advice(site, page, text.paragraphs))
    if not steps:
        steps.append("use shorter sentences and words of one or two syllables")
    suggestion = "; ".join(steps)
    yield RULE_GRADE.finding(
        page,
        f"Reads at grade {scores.grade:.1f} (SMOG {scores.smog:.1f}, Flesch-Kincaid {scores.flesch_kincaid_grade:.1f}, "
        f"reading ease {scores.flesch_reading_ease:.0f}); the target is grade {cfg.target_grade:g} or below.",
        line=text.paragraphs[0].block.line if text.paragraphs else None,
        suggestion=suggestion[0].upper() + suggestion[1:] + ".",
        data={"grade": round(scores.grade, 1), "smog": round(scores.smog, 1),
              "flesch_kincaid_grade": round(scores.flesch_kincaid_grade, 1),
              "flesch_reading_ease": round(scores.flesch_reading_ease, 1), "target_grade": cfg.target_grade},
    )


def check_hard_paragraph(page: Page, site: Site) -> Iterator[Finding]:
    cfg = settings(site)
    text = analyse(page)
    topic = topic_words(page)
    for para, grade in hard_paragraphs(text, cfg):
        sc = para.scores
        assert sc is not None
        per_sentence = sc.words / max(1, sc.sentences)
        steps = []
        longest = max(range(len(para.sentences)), key=lambda i: para.sentence_words[i])
        if para.sentence_words[longest] > 15:
            point = split_point(para.sentences[longest].text)
            where = f" after '{point[0]}'" if point else ""
            steps.append(f"split the {para.sentence_words[longest]}-word sentence "
                         f"'{opening(para.sentences[longest].text)}'{where}")
        steps.extend(word_advice(site, page, [para], topic))
        if not steps:
            steps.append("use words of one or two syllables where you can")
        suggestion = "; ".join(steps)
        yield RULE_HARD.finding(
            page,
            f"Hard paragraph: grade {grade:.1f} (target {cfg.target_grade:g}); {per_sentence:.0f} words per "
            f"sentence, {sc.polysyllables} of {sc.words} words have three or more syllables.",
            excerpt=para.text,
            block=para.block,
            suggestion=suggestion[0].upper() + suggestion[1:] + ".",
            data={"grade": round(grade, 1), "flesch_kincaid_grade": round(sc.flesch_kincaid_grade, 1)},
        )


RULE_GRADE = Rule(
    id="readability.grade-above-target",
    title="Page reads above the target grade",
    severity=Severity.WARNING,
    what="The reading grade (SMOG) of the page's main content, with Flesch-Kincaid grade and Flesch "
         "reading ease, compared with `[readability] target_grade` (default 8). Menus and footers are not read; "
         "pages with fewer than `min_words` words of prose are not graded.",
    why="Patients understand health information best at a 6th to 8th grade level (NIH, AMA and CDC guidance); "
        "most adults struggle with unfamiliar, complex health text. SMOG is the formula health-literacy "
        "work prefers because it is normed on full comprehension.",
    fix="Shorten sentences (one idea each, 15-20 words), swap long words for everyday ones, and start with "
        "the hardest paragraphs the finding names.",
    bad=(Example.of(clinic_page("Neuropathic pain", *HARD_PARAGRAPHS)),),
    good=(Example.of(clinic_page("Nerve pain", *PLAIN_PARAGRAPHS)),),
    check=check_grade_above_target,
    source=NIH_CLEAR,
)

RULE_HARD = Rule(
    id="readability.hard-paragraph",
    title="Hard paragraph",
    severity=Severity.WARNING,
    what="Paragraphs of 40 words or more whose reading grade (SMOG) is `hard_paragraph_margin` grades (default 4) "
         "or more above the target; the hardest `max_hard_paragraphs` (default 5) of a page are listed.",
    why="A page's grade is an average: one dense paragraph can lose a reader even on an easy page, and "
        "rewriting the hardest paragraphs first gives the biggest gain.",
    fix="Split the long sentence the suggestion names, and use shorter words for the long ones it lists.",
    bad=(Example.of(clinic_page("Neuropathic pain", PLAIN_PARAGRAPHS[0], HARD_PARAGRAPHS[0], PLAIN_PARAGRAPHS[2])),),
    good=(Example.of(clinic_page("Nerve pain", *PLAIN_PARAGRAPHS)),),
    check=check_hard_paragraph,
    source=NIH_CLEAR,
)

RULES = (RULE_GRADE, RULE_HARD)
