"""Text-integrity rules: copy that was broken on its way to the page (cut and spliced, cut off,
pasted twice, garbled by an encoding mix-up, left with a bracket open or a template placeholder).

They judge structure only, never topic, so they work on any page in any wording.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import ftfy
from ftfy.badness import is_bad

from checks import cmu
from checks.medical.example_html import doc
from checks.medical.lexicon import Lexicon, lexicon
from checks.medical.prefilter import Gate, GateSet, TextIndex, block_index, gate_set, owned, page_index
from checks.medical.scope import PROSE_KINDS, BlockSentences, block_sentences
from seotool.page import Block, Page
from seotool.rules import Example, Finding, Rule, Severity
from seotool.site import Site

# Words that cannot end an English sentence: a sentence ending on one stopped mid-thought.
CLOSED_CLASS = frozenset(
    """
    the a an your our their its his her my this that these those of to in on at for with by from into
    onto upon and or but nor as than is are was were be been being can could may might will would
    should must shall has have had such including like which who whose whom whether if because
    although though while when where about between through over under after before during without
    within very more most not also both either neither each every any some
    """.split()
)
# Sentence openers that cannot directly follow a determiner ("in your The pain ..."): the words
# between were lost.
SENTENCE_STARTERS = (
    "The|This|These|Those|It|Its|If|When|While|Your|You|Our|We|They|Many|Most|Some|However|"
    "Although|Because|After|Before|During|In|For|With|Unlike|Fortunately|Unfortunately"
)
# "... irritate the nearby The pain is ...": a capitalised sentence opener between two lowercase words
# (titles such as "in The Lancet" capitalise the next word too, so they do not match).
_LOST_MIDDLE = re.compile(rf"\b[a-z][a-z'’-]*\s+(?:{SENTENCE_STARTERS})\s+[a-z][a-z'’-]*\b")
_BEFORE_CAPITAL = re.compile(r"[a-z'’-]\s+[A-Z]")  # in every match of _LOST_MIDDLE: a cheaper first test
_GLUED = re.compile(rf"\b[a-z]{{2,}}(?:{SENTENCE_STARTERS})\b\s+\w+")
_LOWER_UPPER = re.compile(r"[a-z][A-Z]")  # in every match of _GLUED (the starters are capitalised)
_TERMINAL = re.compile(r"[.!?:;…]['\"”’)\]]*$")
_QUOTED_QUESTION = re.compile(r"[?!]['\"”’]$")
_CTA = re.compile(r"^(call|book|schedule|contact|visit|request|learn|click|read|find|get|ask|email|text|"
                  r"make|see|follow|join|sign|download|reach)\b", re.I)
_FIRST_TOKEN = re.compile(r"^\S+")


def _prose(page: Page) -> Iterator[tuple[int, BlockSentences]]:
    for i, bs in enumerate(block_sentences(page)):
        if bs.block.kind in PROSE_KINDS:
            yield i, bs


# -- spliced paragraph ------------------------------------------------------------------------


def _legit_lowercase_start(token: str) -> bool:
    """Lowercase starts that are not fragments: mRNA, eGFR, iPhone, p53, www.x.org, e.g."""
    core = token.strip("\"'“‘(")
    return (
        any(c.isupper() for c in core[1:])
        or any(c.isdigit() for c in core)
        or any(c in core for c in "./@#")
    )


def _ui_label(text: str) -> bool:
    """A paragraph of a few words with no sentence end: a link or button label between blocks."""
    return len(text.split()) <= 3 and not text.rstrip("\"'”’)]").endswith((".", "!", "?", ",", ";", ":"))


def _fragment_confidence(sentence: str) -> str:
    token = _FIRST_TOKEN.match(sentence)
    word = token.group(0) if token else ""
    letters = word.rstrip(",;:")
    if word.endswith(",") or (len(letters) <= 3 and letters not in {"a", "an", "and", "or", "the", "to", "of", "in", "is", "it", "for", "but", "so", "as"}):
        return "high"
    return "medium"


# A short lowercase token between two lowercase words ("hard exer and bruising"): a word cut in half
# where text was lost, when it is no English word but begins one.
_MID_TOKEN = re.compile(r"(?<=[a-z] )([a-z]{2,5})(?= [a-z]{2,})")
# Two-letter words (and lowercase abbreviations and foreign words) that are not cut-off words. The
# dictionary below is no help here: it lists almost every pair of letters.
_TWO_LETTER_WORDS = frozenset(
    """
    am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we ox ax id ah eh uh
    um hm mm ex tv pm mg ml cm mm kg lb oz hr pt ot er vs ie eg iv im po tx dx rx md pa np rn de la le el
    en es se et al ad aw ow ya yo ye og re
    """.split()
)


def _begins_a_longer_word(token: str, words: list[str]) -> bool:
    i = bisect.bisect_left(words, token)
    while i < len(words) and words[i].startswith(token):
        if len(words[i]) >= len(token) + 2:
            return True
        i += 1
    return False


@lru_cache(maxsize=65536)
def _could_be_cut(token: str) -> bool:
    """Whether a short lowercase token could be a word cut in half, whatever the page: no word of its
    own (nor a listed abbreviation), but the start of a longer one."""
    words, known = cmu.words()  # the CMU pronouncing dictionary, read once with readability's syllables
    if (token in _TWO_LETTER_WORDS if len(token) == 2 else token in known):
        return False
    return not lexicon().not_fragments.match(token) and _begins_a_longer_word(token, words)


def _cut_words(page: Page, text: str) -> Iterator[re.Match[str]]:
    """Tokens in ``text`` that look like a word cut in half: not a word, not used elsewhere on the page
    as a word of its own (a term the page uses twice is real), but the start of a longer word."""
    for m in _MID_TOKEN.finditer(text):
        token = m.group(1)
        if _could_be_cut(token) and len(re.findall(rf"\b{token}\b", page.main_text, re.I)) <= 1:
            yield m


def _english_prose(page: Page, block: Block) -> bool:
    """English text that is not placeholder Latin (lorem ipsum has its own rule)."""
    if page.lang and not page.lang.lower().startswith("en"):
        return False
    lex = lexicon()
    index = block_index(block)
    return not any(g.may_match(index) and p.search(block.text) for p, g in _lorem(lex))


def _lorem(lex: Lexicon) -> list[tuple[re.Pattern[str], Gate]]:
    """The lorem-ipsum patterns of the leftovers, with their gates."""
    return owned(lex, "lorem", lambda: [(p.regex, g) for p, g in zip(lex.leftovers, _leftover_gates(lex).gates, strict=True)
                                        if p.id == "lorem-ipsum"])


def check_spliced(page: Page, site: Site) -> Iterable[Finding]:
    all_blocks = block_sentences(page)
    for i, bs in _prose(page):
        for j, sent in enumerate(bs.sentences):
            if not sent.text[:1].islower():
                continue
            token = _FIRST_TOKEN.match(sent.text)
            if token and _legit_lowercase_start(token.group(0)):
                continue
            if j > 0 and _QUOTED_QUESTION.search(bs.sentences[j - 1].text):
                continue  # '"Is it shingles?" asked the patient.'
            if j > 0 and bs.sentences[j - 1].text.rstrip("\"'”’)]").endswith(("...", "…")):
                continue  # an ellipsis runs on into lowercase text
            if j == 0 and len(bs.sentences) == 1 and _ui_label(sent.text):
                continue  # "read more", "or", "book online": a button or link label, not cut prose
            if bs.block.links_only:
                break  # "source 12 source 40": link labels side by side, not a cut sentence
            if j == 0 and i > 0:
                prev = all_blocks[i - 1].block
                if not prev.is_heading and not _TERMINAL.search(prev.text):
                    continue  # a sentence carried on across a list or an image
            fragment = _FIRST_TOKEN.match(sent.text).group(0)  # type: ignore[union-attr]
            yield SPLICED.finding(
                page,
                f"A sentence starts with the stray lowercase fragment {fragment!r}: part of the text "
                "was lost where this paragraph was cut and pasted together.",
                excerpt=sent.text,
                block=bs.block,
                suggestion=f"Restore the missing passage before {fragment!r} from the original draft "
                "(the end of the previous sentence and the start of this one are gone), or delete the fragment.",
                confidence=_fragment_confidence(sent.text),
            )
        if _english_prose(page, bs.block):
            for m in _cut_words(page, bs.block.text):
                sent = next((x for x in bs.sentences if x.start <= m.start() < x.end), None)
                yield SPLICED.finding(
                    page,
                    f"The word {m.group(1)!r} is cut off in the middle of a sentence: text was lost where "
                    "the paragraph was cut and pasted together.",
                    excerpt=sent.text if sent else m.group(0),
                    block=bs.block,
                    suggestion=f"Restore the rest of the word {m.group(1)!r} and the words lost after it from "
                    "the original draft, or rewrite the sentence.",
                    confidence="medium",
                )
        # the glue is a lowercase letter right before a capital: most paragraphs have none
        for m in _GLUED.finditer(bs.block.text) if _LOWER_UPPER.search(bs.block.text) else ():
            yield SPLICED.finding(
                page,
                "A word is cut off and glued to the next sentence: text was lost in the middle of a word.",
                excerpt=m.group(0),
                block=bs.block,
                suggestion="Restore the missing words between the cut-off word and the next sentence, "
                "or end the sentence properly.",
                confidence="medium",
            )


SPLICED = Rule(
    id="medical.spliced-paragraph",
    title="Paragraph cut and spliced",
    severity=Severity.ERROR,
    what="A sentence or paragraph that starts with a stray lowercase fragment (\"c, limiting ...\"), "
    "a word cut in half and glued to the next sentence, or a cut-off word inside a sentence (\"avoid "
    "hard exer and bruising is normal\": not a dictionary word, but the start of one).",
    why="Text was lost in the middle of a word or sentence; patients read a broken, sometimes "
    "misleading passage, and the missing part may have carried a medical fact.",
    fix="Find the original draft and restore the missing passage, or rewrite the paragraph.",
    bad=(
        Example.of(doc("<h1>Sciatica</h1><p>A herniated disc can press on a nerve root in the lower back. "
                       "tes, which narrows the space around the nerve and causes leg pain.</p>")),
        Example.of(doc("<h1>Sciatica</h1><p>Pain may spread from the buttock down one leg.</p>"
                       "<p>rrowing of the spinal canal can also press on the nerve.</p>")),
        Example.of(doc("<h1>Shingles</h1><p>The rash usually appears on one side of the bodThe blisters "
                       "scab over in about ten days.</p>")),
        Example.of(doc("<h1>Wrist fracture</h1><p>Keep the cast dry and avoid heavy lifting and hard exer "
                       "and swelling is normal for a few days.</p>")),
    ),
    good=(
        Example.of(doc("<h1>Sciatica</h1><p>A herniated disc can press on a nerve root in the lower back. "
                       "Spinal stenosis narrows the space around the nerve and can cause leg pain. "
                       "Your doctor may check your eGFR and order an MRI. mRNA vaccines are not involved. "
                       "The teres minor and the teres major are shoulder muscles. Take 5 mg twice a day.</p>")),
        Example.of(doc("<h1>Sciatica</h1><p>Common causes include</p><ul><li>a herniated disc</li></ul>"
                       "<p>and, less often, a narrowed spinal canal.</p>")),
        Example.of(doc("<h1>Sciatica</h1><p>Most leg pain from a pinched nerve eases within six weeks.</p>"
                       "<p><a href='/sciatica'>read more</a></p><p>Call us to book a visit.</p><p>or</p>"
                       "<p><a href='/book'>book online</a></p>")),
        Example.of(doc("<h1>Sciatica</h1><p>Most leg pain from a pinched nerve eases within six weeks.</p>"
                       "<h2>Sources</h2><p><a href='/ref/12'>source 12</a> <a href='/ref/40'>source 40</a> "
                       "<a href='/ref/7'>source 7</a></p><p><a href='/back'>back pain</a> | "
                       "<a href='/neck'>neck pain and stiffness</a></p>")),
    ),
    check=check_spliced,
    confidence="high",
)


# -- truncated sentence -----------------------------------------------------------------------


_ATTRIBUTION = ("—", "–", "-", "~")  # "— Jane D., patient" closes a testimonial without a full stop


def _last_word(text: str) -> str:
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*|\d[\w.,/-]*", text)
    return words[-1] if words else ""


def check_truncated(page: Page, site: Site) -> Iterable[Finding]:
    for _, bs in _prose(page):
        text = bs.block.text
        for m in _LOST_MIDDLE.finditer(text) if _BEFORE_CAPITAL.search(text) else ():
            # "... inactive in your The pain may ...": words are missing between the two sentences.
            yield TRUNCATED.finding(
                page,
                "A sentence breaks off in the middle and the next one begins: words were lost.",
                excerpt=m.group(0),
                block=bs.block,
                suggestion="Restore the missing end of the sentence before the capitalised word from the "
                "original draft, or rewrite the sentence.",
                confidence="high",
            )
        if not bs.sentences:
            continue
        last = bs.sentences[-1]
        if _TERMINAL.search(last.text) or last.text.endswith((")", "]")) or last.text.startswith(_ATTRIBUTION):
            continue
        word = _last_word(last.text)
        n_words = len(last.text.split())
        if not word or not word[0].isalpha() or n_words < 5:
            continue
        if word.lower() in CLOSED_CLASS:
            confidence = "high"
        elif len(bs.sentences) >= 2 and n_words >= 6 and word.islower() and not _CTA.match(last.text):
            confidence = "medium"
        else:
            continue
        yield TRUNCATED.finding(
            page,
            f"The paragraph's last sentence stops after {word!r} without finishing the thought.",
            excerpt=last.text,
            block=bs.block,
            suggestion=f"Finish the sentence that ends {' '.join(last.text.split()[-4:])!r} (restore the lost "
            "words from the original draft) and end it with a full stop.",
            confidence=confidence,
        )


TRUNCATED = Rule(
    id="medical.truncated-sentence",
    title="Sentence cut off",
    severity=Severity.WARNING,
    what="A paragraph whose last sentence stops mid-thought without end punctuation, or a sentence "
    "that breaks off where the next one begins.",
    why="Something was lost when the copy was edited or pasted; the missing words may change the meaning "
    "of medical advice.",
    fix="Restore the missing words from the original draft, or rewrite the sentence.",
    bad=(
        Example.of(doc("<h1>Migraine</h1><p>Migraine attacks can last from four hours to three days. "
                       "Common triggers include stress, missed meals and changes in your</p>")),
        Example.of(doc("<h1>Shingles</h1><p>The virus can stay inactive in your The rash usually "
                       "appears on one side of the body.</p>")),
        Example.of(doc("<h1>Migraine</h1><p>Migraine attacks can last from four hours to three days. "
                       "Keeping a headache diary helps you and your doctor spot patterns over time</p>")),
    ),
    good=(
        Example.of(doc("<h1>Migraine</h1><p>Migraine attacks can last from four hours to three days. "
                       "Common triggers include stress, missed meals and changes in sleep.</p>"
                       "<p>Call our office to book an appointment online</p>"
                       "<p>Our article appeared in The Lancet Neurology in 2021.</p>")),
    ),
    check=check_truncated,
    confidence="medium",
)


# -- duplicate text ---------------------------------------------------------------------------

_NORM = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"\b(the|a|an|and|or|of|to|in|on|for|with|your|is|are|it|this|can|may|will|be|nerve|pain)\s+\1\b", re.I)
_TOKEN = re.compile(r"\S+")
_MIN_SENTENCE_WORDS = 6
_RUN = 8  # words that must repeat within one paragraph to count as a bad paste


def _norm(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


# What _NORM does to ASCII text, as a translation (much quicker than the regex substitution)
_NOT_ALNUM_TO_SPACE = str.maketrans({chr(c): " " for c in range(128) if not (chr(c).isdigit() or "a" <= chr(c) <= "z")})


def _norm_words(text: str) -> tuple[str, list[str]]:
    """``_norm(text)`` and its words."""
    low = text.lower()
    if low.isascii():
        words = low.translate(_NOT_ALNUM_TO_SPACE).split()
        return " ".join(words), words
    norm = _NORM.sub(" ", low).strip()
    return norm, norm.split()


def _has_repeated_gram(words: list[str]) -> bool:
    if len(words) < 2 * _RUN:
        return False  # no room for two copies
    grams = list(zip(*(words[k:] for k in range(_RUN)), strict=False))  # every run of _RUN words
    if len(set(grams)) == len(grams):
        return False  # no run of words occurs twice at all (the usual case, found without a loop)
    seen: dict[tuple[str, ...], int] = {}
    for j in range(len(words) - _RUN + 1):
        i = seen.setdefault(tuple(words[j : j + _RUN]), j)
        if j - i >= _RUN:
            return True
    return False


def _repeated_run(text: str, norm_words: list[str] | None = None) -> str | None:
    """The second copy of the first run of ``_RUN`` or more words repeated in ``text``
    (``norm_words``: ``_norm(text).split()`` when the caller has it)."""
    if not _has_repeated_gram(_norm(text).split() if norm_words is None else norm_words):
        return None  # the common case, decided without keeping offsets
    tokens = list(_TOKEN.finditer(text))
    words = [_norm(t.group(0)) for t in tokens]
    seen: dict[tuple[str, ...], int] = {}
    for j in range(len(words) - _RUN + 1):
        gram = tuple(words[j : j + _RUN])
        i = seen.get(gram)
        if i is not None and j - i >= _RUN:
            end = j + _RUN
            while end < len(words) and i + (end - j) < j and words[i + (end - j)] == words[end]:
                end += 1
            return text[tokens[j].start() : tokens[end - 1].end()]
        seen.setdefault(gram, j)
    return None


def _may_double(block: Block, norm_words: list[str]) -> bool:
    """Whether ``_DOUBLED`` may match: a doubled word is two equal words in a row of the normalised
    text, unless the text has a character that only a case-insensitive match reads as a letter."""
    return any(map(operator.eq, norm_words, norm_words[1:])) or not block_index(block).exact


def check_duplicate(page: Page, site: Site) -> Iterable[Finding]:
    first_sentence: dict[str, int] = {}
    first_block: dict[str, int] = {}
    for i, bs in _prose(page):
        norm_block, block_words = _norm_words(bs.block.text)
        earlier_block = first_block.get(norm_block)
        if len(block_words) >= 8 and earlier_block is not None and not (
            _CTA.match(bs.block.text) and i - earlier_block > 3
        ):
            yield DUPLICATE.finding(
                page,
                "This paragraph appears twice on the page.",
                excerpt=bs.block.text,
                block=bs.block,
                suggestion="Delete the second copy of the paragraph (it was probably pasted twice).",
                key="paragraph",
            )
            continue
        first_block.setdefault(norm_block, i)
        whole_dupes = 0
        for sent in bs.sentences:
            norm, norm_words = _norm_words(sent.text)
            if len(norm_words) < _MIN_SENTENCE_WORDS:
                continue
            earlier = first_sentence.get(norm)
            if earlier is None:
                first_sentence[norm] = i
                continue
            if _CTA.match(sent.text) and i - earlier > 3:
                continue  # the same call to action at the top and the bottom is deliberate
            whole_dupes += 1
            where = "earlier in this paragraph" if earlier == i else "earlier on the page"
            yield DUPLICATE.finding(
                page,
                f"This sentence appears twice ({where}).",
                excerpt=sent.text,
                block=bs.block,
                suggestion="Delete the repeated sentence; check whether the text that should have been "
                "here was lost in the paste.",
            )
        run = None if whole_dupes else _repeated_run(bs.block.text, block_words)
        if run:
            yield DUPLICATE.finding(
                page,
                "A run of words is repeated inside this paragraph, as if pasted twice.",
                excerpt=run,
                block=bs.block,
                suggestion="Delete the repeated words so that the passage reads once.",
                confidence="medium",
            )
        for m in _DOUBLED.finditer(bs.block.text) if _may_double(bs.block, block_words) else ():
            yield DUPLICATE.finding(
                page,
                f"The word {m.group(1)!r} is doubled.",
                excerpt=m.group(0),
                block=bs.block,
                suggestion=f"Delete one {m.group(1)!r}.",
            )


DUPLICATE = Rule(
    id="medical.duplicate-text",
    title="Duplicated text",
    severity=Severity.WARNING,
    what="A sentence or paragraph that appears twice, a run of words repeated inside a paragraph, or a "
    "doubled word (\"the the\").",
    why="Repeats come from bad pastes; they look careless on a medical page, and the text that should "
    "have been pasted is often missing.",
    fix="Delete the repeat and check that nothing else was lost.",
    bad=(
        Example.of(doc("<h1>Fibromyalgia</h1><p>Fibromyalgia causes widespread pain and tiredness. "
                       "Regular gentle exercise is one of the best-studied ways to ease symptoms. "
                       "Regular gentle exercise is one of the best-studied ways to ease symptoms.</p>")),
        Example.of(doc("<h1>Fibromyalgia</h1><p>Many people with fibromyalgia also have trouble sleeping "
                       "and trouble concentrating, which doctors sometimes call fibro fog and trouble "
                       "concentrating, which doctors sometimes call fibro fog.</p>")),
        Example.of(doc("<h1>Fibromyalgia</h1><p>Talk to your doctor about the the options.</p>")),
    ),
    good=(
        Example.of(doc("<h1>Fibromyalgia</h1><p>Fibromyalgia causes widespread pain and tiredness. "
                       "Regular gentle exercise is one of the best-studied ways to ease symptoms.</p>"
                       "<p>Call our office to book an appointment with a pain specialist today.</p>"
                       "<p>Fibromyalgia is common. It is not a form of arthritis. It is treatable. "
                       "It is long-lasting.</p><p>Yes.</p><p>Yes.</p>"
                       "<p>Call our office to book an appointment with a pain specialist today.</p>")),
    ),
    check=check_duplicate,
    confidence="high",
)


# -- mojibake ---------------------------------------------------------------------------------

_ENTITY = re.compile(r"&(?:nbsp|amp|rsquo|lsquo|rdquo|ldquo|mdash|ndash|quot|apos|hellip|#\d{2,5}|#x[0-9a-fA-F]{2,4});")


def _bad_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for each garbled token in ``text``."""
    spans: list[tuple[int, int, str]] = []
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        if token.isascii():
            if _ENTITY.search(token):
                spans.append((m.start(), m.end(), ftfy.fix_text(token, unescape_html=True, uncurl_quotes=False)))
            continue
        if "\ufffd" in token:
            spans.append((m.start(), m.end(), ""))
            continue
        fixed = ftfy.fix_encoding(token)
        if fixed != token:
            spans.append((m.start(), m.end(), fixed))
    return spans


def _mojibake_in(page: Page, text: str, block: Block | None, line: int | None) -> Iterator[Finding]:
    if text.isascii() and "&" not in text:
        return
    if not (("\ufffd" in text) or _ENTITY.search(text) or is_bad(text) or ftfy.fix_encoding(text) != text):
        return
    spans = _bad_spans(text)
    for start, end, replacement in spans:
        excerpt = text[start:end]
        if replacement:
            suggestion = (f"Replace {excerpt!r} with {replacement!r}, and re-save the source as UTF-8 "
                          "(the text was saved in one encoding and read as another).")
        else:
            suggestion = (f"A character was lost in {excerpt!r} (shown as �): retype the word and "
                          "re-save the source as UTF-8.")
        yield MOJIBAKE.finding(page, "Garbled characters (mojibake) in the text.", excerpt=excerpt,
                               block=block, line=line, suggestion=suggestion, context=None if block else text)


def check_mojibake(page: Page, site: Site) -> Iterable[Finding]:
    for bs in block_sentences(page):
        yield from _mojibake_in(page, bs.block.text, bs.block, None)
    if page.title:
        yield from _mojibake_in(page, page.title, None, page.title_line)


MOJIBAKE = Rule(
    id="medical.mojibake",
    title="Garbled characters",
    severity=Severity.ERROR,
    what="Mojibake such as \"donâ€™t\" (UTF-8 text read as Windows-1252), replacement characters (�) "
    "and HTML entities shown as text (\"&amp;rsquo;\").",
    why="Garbled words make a medical page look untrustworthy and can hide doses and numbers.",
    fix="Replace the garbled characters and re-save the source file as UTF-8.",
    bad=(
        Example.of(doc("<h1>Carpal tunnel</h1><p>If your hand goes numb at night, donâ€™t ignore it.</p>")),
        Example.of(doc("<h1>Carpal tunnel</h1><p>Wearing a wrist splint at night can help \u00e2\u0080\u0093 "
                       "especially early on.</p>")),
        Example.of(doc("<h1>Carpal tunnel</h1><p>Don&amp;rsquo;t ignore numbness.</p>")),
    ),
    good=(
        Example.of(doc("<h1>Carpal tunnel</h1><p>If your hand goes numb at night, don’t ignore it. "
                       "A splint – worn at night – may help. Café au lait spots are unrelated. 5 °C.</p>")),
    ),
    check=check_mojibake,
    confidence="high",
)


# -- unbalanced brackets and quotes -----------------------------------------------------------

_PAIRS = {")": "(", "]": "[", "}": "{"}
_ENUMERATOR = re.compile(r"(?:^|(?<=[\s(]))(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})\)(?=\s)")
_EMOTICON = re.compile(r"[:;]-?[()\]]")
_INCH = re.compile(r"(?<![\"\w.])\d+(?:\.\d+)?\s?\"|\d'\s?\d+\s?\"")  # 5'10", a 3" cut


_MARKS = re.compile(r"[()\[\]{}]")
_MARKS_AND_QUOTES = re.compile(r'[()\[\]{}"“”]')


def _unbalanced(text: str) -> tuple[int, str] | None:
    """(offset, description) of the first unmatched bracket or quote in ``text``."""
    if not _MARKS_AND_QUOTES.search(text):
        return None  # nothing to balance (most paragraphs)
    masked = text
    if ")" in masked:
        masked = _ENUMERATOR.sub(lambda m: " " * len(m.group(0)), masked)
        masked = _EMOTICON.sub(lambda m: " " * len(m.group(0)), masked)
    if '"' in masked or "”" in masked:
        masked = _INCH.sub(lambda m: " " * len(m.group(0)), masked)
    stack: list[tuple[str, int]] = []
    for m in _MARKS.finditer(masked):
        pos, ch = m.start(), m.group(0)
        if ch in "([{":
            stack.append((ch, pos))
        elif ch in _PAIRS:
            if stack and stack[-1][0] == _PAIRS[ch]:
                stack.pop()
            else:
                return pos, f"a closing {ch!r} has no opening bracket"
    if stack:
        ch, pos = stack[0]
        return pos, f"an opening {ch!r} is never closed"
    if masked.count('"') % 2:
        return masked.rfind('"'), "a double quotation mark is never closed"
    opens, closes = masked.count("“"), masked.count("”")
    if opens > closes:
        return masked.rfind("“"), "an opening quotation mark is never closed"
    if closes > opens:
        return masked.rfind("”"), "a closing quotation mark has no opening one"
    return None


def check_brackets(page: Page, site: Site) -> Iterable[Finding]:
    blocks = block_sentences(page)
    for i, bs in enumerate(blocks):
        if bs.block.is_heading and len(bs.block.text) < 4:
            continue
        problem = _unbalanced(bs.block.text)
        if not problem:
            continue
        pos, what = problem
        nxt = blocks[i + 1].block.text if i + 1 < len(blocks) else ""
        if "quotation" in what and nxt.startswith(("“", '"')):
            continue  # a quotation running over several paragraphs reopens each one
        sent = next((s for s in bs.sentences if s.start <= pos < s.end), None)
        excerpt = sent.text if sent else bs.block.text
        yield BRACKETS.finding(
            page,
            f"Unbalanced punctuation: {what}.",
            excerpt=excerpt,
            block=bs.block,
            suggestion="Add the missing bracket or quotation mark, or remove the stray one; check whether "
            "the text inside it was cut off.",
        )


BRACKETS = Rule(
    id="medical.unbalanced-brackets",
    title="Unbalanced brackets or quotes",
    severity=Severity.WARNING,
    what="A bracket or quotation mark opened and never closed (or closed and never opened) in a paragraph.",
    why="An unclosed bracket usually means text was cut off; the reader cannot tell where an aside ends.",
    fix="Close the bracket or quote, or remove the stray one, and restore any lost text.",
    bad=(
        Example.of(doc("<h1>CRPS</h1><p>Complex regional pain syndrome (CRPS usually follows an injury "
                       "to an arm or a leg.</p>")),
        Example.of(doc("<h1>CRPS</h1><p>Doctors call this “central sensitization. It can make light "
                       "touch painful.</p>")),
        Example.of(doc("<h1>CRPS</h1><p>The skin may change colour or temperature] in the affected limb.</p>")),
    ),
    good=(
        Example.of(doc("<h1>CRPS</h1><p>Complex regional pain syndrome (CRPS) usually follows an injury. "
                       "Doctors call this “central sensitization.” Treatment has three parts: 1) movement, "
                       "2) medicines and 3) support. He is 5'10\" tall :)</p>")),
    ),
    check=check_brackets,
    confidence="medium",
)


# -- template leftovers -----------------------------------------------------------------------


def _leftovers_in(page: Page, text: str, block: Block | None, line: int | None, seen: set[str]) -> Iterator[Finding]:
    """Each placeholder once per page (a [CITY] in the title and the h1 is one leftover), overlapping
    matches once ("[Insert bio here]"), and lorem ipsum once per block."""
    taken: list[tuple[int, int]] = []
    for pat in lexicon().leftovers:
        for m in pat.regex.finditer(text):
            span = m.group(0)
            if pat.unless and pat.unless.search(span):
                continue
            if span in seen or any(m.start() < e and s < m.end() for s, e in taken):
                continue
            seen.add(span)
            taken.append((m.start(), m.end()))
            if pat.id == "lorem-ipsum":
                suggestion = "Replace the placeholder text with the real copy before publishing."
            else:
                suggestion = f"Replace {span!r} with the real content, or delete it."
            yield LEFTOVER.finding(page, f"Template leftover: {pat.message}.", excerpt=span, block=block,
                                   line=line, suggestion=suggestion, context=None if block else text,
                                   key=pat.id)
            if pat.id == "lorem-ipsum":
                break


def _leftover_gates(lex: Lexicon) -> GateSet:
    return gate_set(lex, "leftovers", lambda: [p.regex for p in lex.leftovers])


def check_leftovers(page: Page, site: Site) -> Iterable[Finding]:
    lex = lexicon()
    texts = "\n".join([page.main_text, page.title or "", page.description or ""])
    index = TextIndex.join([page_index(page), TextIndex.of(page.title or ""), TextIndex.of(page.description or "")])
    possible = _leftover_gates(lex).possible(index)
    if not any(ok and p.regex.search(texts) for p, ok in zip(lex.leftovers, possible, strict=True)):
        return  # one pass over the whole page settles the usual case
    seen: set[str] = set()
    for bs in block_sentences(page):
        yield from _leftovers_in(page, bs.block.text, bs.block, None, seen)
    if page.title:
        yield from _leftovers_in(page, page.title, None, page.title_line, seen)
    if page.description:
        yield from _leftovers_in(page, page.description, None, None, seen)


LEFTOVER = Rule(
    id="medical.template-leftover",
    title="Template placeholder left on the page",
    severity=Severity.ERROR,
    what="Lorem ipsum, unfilled placeholders ([CITY], {{phone}}, %%NAME%%), unrendered shortcodes, "
    "drafting notes (TODO, TBD) and \"insert ... here\" instructions, in the copy, title or description. "
    "The patterns live in checks/medical/data/claims.yaml.",
    why="A placeholder on a live medical page tells patients nobody checked it, and it often sits where "
    "a phone number, dose or name should be.",
    fix="Fill in the real content or delete the placeholder.",
    bad=(
        Example.of(doc("<h1>Arthritis care in [CITY]</h1><p>Call us at {{phone}} to book a visit.</p>")),
        Example.of(doc("<h1>Arthritis</h1><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>")),
        Example.of(doc("<h1>Arthritis</h1><p>TODO: add the doctor's bio. INSERT TESTIMONIAL HERE</p>")),
    ),
    good=(
        Example.of(doc("<h1>Arthritis care in Charlotte</h1><p>Call us at (704) 555-0100 to book a visit. "
                       "See the CDC guidance [PDF] and reference [1]. Add a warm compress to your routine.</p>")),
    ),
    check=check_leftovers,
    confidence="high",
)

RULES = (SPLICED, TRUNCATED, DUPLICATE, MOJIBAKE, BRACKETS, LEFTOVER)
