"""Lost headings: a paragraph that starts a new subject inside a section whose heading it does not
belong under.

The patterns are structural:

- sibling topics: a section opened by a short topic heading ("Multiple sclerosis") whose first
  paragraph introduces that topic ("Multiple sclerosis is ...") sets the pattern; a later paragraph
  in the same section that introduces a different subject of the same kind ("Diabetes interferes
  with ...") and never mentions the section's topic is a sibling section whose heading was lost;
- parts of a condition page: a paragraph that opens one usual part ("The most common symptom is
  ...") inside a section headed as another part ("Who gets it"), on a page with no heading for it;
- answers without a question: a paragraph that opens with a bare answer ("Usually not at first.",
  "Yes, ...") right after text that asks nothing: its question heading was lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from checks.medical.example_html import doc
from checks.medical.lexicon import lexicon
from checks.medical.scope import PROSE_KINDS, BlockSentences, block_sentences
from seotool.page import Page
from seotool.rules import Example, Finding, Rule, Severity
from seotool.site import Site

# Words of a heading that say nothing about its topic.
_HEADING_NOISE = frozenset(
    """
    a an the of for and or to in on with about your our you what is are how why when who which does do
    can causes cause symptoms symptom signs treatment treatments treating treat diagnosis diagnosing
    understanding overview types type risk risks factors living manage managing management common other
    more related associated chronic acute severe pain condition conditions disease disorder syndrome
    multiple different various general options option guide faq faqs
    """.split()
)
# A paragraph opening that introduces a subject: "X is/are ...", "X interferes with ...".
_INTRO = re.compile(
    r"^(?:(?:A|An)\s+)?(?P<subject>[A-Z][\w'’-]*(?:\s+(?:\([A-Z0-9]{2,6}\)|[\w'’-]+)){0,3}?)\s+(?:\([A-Z0-9]{2,6}\)\s+)?"
    r"(?P<verb>is|are|was|were|refers\s+to|describes|occurs|develops|happens|affects|interferes|causes|"
    r"results|means|involves|attacks|damages|inflames|compresses|feels|starts|begins|appears|leads\s+to|(?:can|may|often|usually)\s+"
    r"(?:cause|affect|damage|lead|result|develop|occur|trigger|injure))\b"
)
_STARTERS_NOT_SUBJECTS = frozenset(
    """
    this these that those it its they their your you we our he she such other some many most each every all
    any both either neither in on at for with if when while although because however also additionally
    there here another one people patients treatment treatments symptoms pain doctors your
    """.split()
)


@dataclass
class _Section:
    heading: BlockSentences
    paragraphs: list[BlockSentences] = field(default_factory=list)


def _stem(word: str) -> str:
    word = word.lower().strip("()")
    return word[:-2] if len(word) >= 6 else word


def _topic_stems(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z][A-Za-z'’-]+", text)
    return [_stem(w) for w in words if w.lower() not in _HEADING_NOISE]


def _mentions(text: str, stems: Iterable[str]) -> bool:
    low = text.lower()
    return any(re.search(rf"\b{re.escape(s)}", low) for s in stems)


# A first sentence that relates its subject to the section's topic ("X is a similar condition",
# "X is another cause") continues the section rather than starting a sibling.
_RELATES = re.compile(r"\b(similar|related|also|another|other\s+(than|types?|forms?|causes?|conditions?)|unlike|"
                      r"compared\s+(with|to)|as\s+well|versus|vs\.?|differs?|different\s+from|confused\s+with|"
                      r"mistaken\s+for)\b", re.I)


def _said_before(text: str, subject: str) -> bool:
    """Whether the section already named this subject (then the paragraph continues it)."""
    name = re.sub(r"\s*\([A-Z0-9]{2,6}\)", "", subject).lower()
    return bool(re.search(rf"\b{re.escape(name)}", text.lower()))


def _sections(page: Page) -> list[_Section]:
    """The page's sections with their prose paragraphs (worked out once per page)."""
    out: list[_Section] | None = page.cache.get("medical.sections")
    if out is not None:
        return out
    out = []
    for bs in block_sentences(page):
        if bs.block.is_heading:
            out.append(_Section(bs))
        elif out and bs.block.kind in PROSE_KINDS and bs.sentences:
            out[-1].paragraphs.append(bs)
    page.cache["medical.sections"] = out
    return out


def _kind(name: str) -> str | None:
    lex = lexicon()
    name = re.sub(r"\s*\([A-Z0-9]{2,6}\)", "", name).strip()
    if lex.condition_names.match(name):
        return "condition"
    if lex.treatment_names.match(name):
        return "treatment"
    return None


# A first sentence that only answers a question: "Yes, ...", "No.", or a few words such as
# "Usually not at first." or "It depends."
_YES_NO = re.compile(r"^(yes|no|nope|yep|yeah)\b\s*[,.!;:—–-](?!\s*\d)", re.I)  # not "No. 1 in ..."
_SHORT_ANSWER = re.compile(
    r"^(not\s+(usually|always|often|necessarily|really|yet|at\s+all|at\s+first|right\s+away)|"
    r"usually(\s+not)?(\s+at\s+first)?|rarely|sometimes|often|it\s+depends|absolutely(\s+not)?|"
    r"definitely(\s+not)?|probably(\s+not)?|maybe|perhaps|almost\s+never|in\s+most\s+cases)[.!]$", re.I)


def _bare_answer(sentence: str) -> bool:
    return bool(_YES_NO.match(sentence) or _SHORT_ANSWER.match(sentence.strip()))


def _answers_without_question(page: Page) -> Iterable[Finding]:
    blocks = block_sentences(page)
    for i, bs in enumerate(blocks):
        if i == 0 or bs.block.kind not in PROSE_KINDS or not bs.sentences:
            continue
        first = bs.sentences[0].text
        if not _bare_answer(first):
            continue
        before = blocks[i - 1].block.text.rstrip(" \"'”’)*")
        if before.endswith("?"):
            continue  # the question is right there
        heading = next((b.block for b in reversed(blocks[:i]) if b.block.is_heading), None)
        level = heading.level if heading is not None and heading.level else 2
        yield MISSING_HEADING.finding(
            page,
            f"This paragraph opens with an answer ({first!r}) but no question comes before it: its "
            "question heading seems to be missing.",
            excerpt=first,
            block=bs.block,
            suggestion=f"Add the question as a heading (<h{level}>...?</h{level}>) before this paragraph, "
            "or rewrite the opening so that it stands on its own.",
            confidence="medium",
        )


def _aspects(text: str, kind: str) -> set[str]:
    return {a.name for a in lexicon().aspects if (a.heading if kind == "heading" else a.opening).search(text)}


def _misplaced_parts(page: Page) -> Iterable[Finding]:
    sections = _sections(page)
    headed = [(sec, _aspects(sec.heading.block.text, "heading")) for sec in sections]
    on_page = set().union(*(parts for _, parts in headed)) if headed else set()
    if sum(1 for _, parts in headed if parts) < 2:
        return  # not a page built from the usual parts
    for sec, parts in headed:
        if not parts:
            continue
        for para in sec.paragraphs[1:]:
            first = para.sentences[0].text
            opens = _aspects(first, "opening") - parts
            missing = sorted(opens - on_page)
            if not missing:
                continue
            level = sec.heading.block.level
            yield MISSING_HEADING.finding(
                page,
                f"This paragraph starts the page's {missing[0]} part inside the section "
                f"{sec.heading.block.text!r}, and the page has no heading for {missing[0]}: its own heading "
                "seems to be missing.",
                excerpt=first,
                block=para.block,
                suggestion=f"Add a heading such as <h{level}>{missing[0].capitalize()}</h{level}> before this "
                "paragraph, at the same level as its sibling sections.",
                confidence="medium",
            )


def check_missing_heading(page: Page, site: Site) -> Iterable[Finding]:
    yield from _answers_without_question(page)
    yield from _misplaced_parts(page)
    for sec in _sections(page):
        heading = sec.heading.block.text
        if len(heading.split()) > 6 or len(sec.paragraphs) < 2:
            continue
        stems = _topic_stems(heading)
        if not stems:
            continue
        topic_kind = _kind(re.sub(r"^(what\s+(is|are)\s+)", "", heading.rstrip("?"), flags=re.I))
        opening = " ".join(sec.paragraphs[0].sentences[0].text.split()[:8])
        if topic_kind is None or not _mentions(opening, stems):
            continue  # the section does not set the "heading = topic of its first paragraph" pattern
        seen = heading + " " + sec.paragraphs[0].block.text
        for para in sec.paragraphs[1:]:
            first = para.sentences[0].text
            m = _INTRO.match(first)
            subject = m.group("subject") if m else ""
            if (
                m
                and subject.split()[0].lower() not in _STARTERS_NOT_SUBJECTS
                and _kind(subject) == topic_kind
                and not _RELATES.search(first)
                and not _said_before(seen, subject)
                and not _mentions(para.block.text, stems)
                and (len(para.sentences) >= 2 or len(para.block.text.split()) >= 20)
            ):
                level = sec.heading.block.level
                yield MISSING_HEADING.finding(
                    page,
                    f"This paragraph starts a new subject ({subject!r}) inside the section {heading!r}, "
                    "which is about something else: its own heading seems to be missing.",
                    excerpt=first,
                    block=para.block,
                    suggestion=f"Add a heading <h{level}>{subject}</h{level}> before this paragraph, at the same "
                    f"level as {heading!r}, so readers and search engines see it as its own section.",
                    confidence="medium",
                )
            seen += " " + para.block.text


MISSING_HEADING = Rule(
    id="medical.missing-heading",
    title="Section lost its heading",
    severity=Severity.WARNING,
    what="In a section opened by a topic heading (\"Multiple sclerosis\") whose first paragraph introduces "
    "that topic, a later paragraph that introduces a different subject of the same kind (\"Diabetes "
    "interferes with ...\") without mentioning the section's topic: a sibling section whose heading was lost. "
    "Also a paragraph that opens another usual part of the page (\"The most common symptom is ...\") "
    "inside a section headed as a different part, when no heading names that part, and a paragraph "
    "that opens with a bare answer (\"Usually not at first.\") after text that asks no question.",
    why="Without its heading the paragraph reads as part of the wrong topic; readers scanning the page and "
    "search engines building its outline miss the subject altogether.",
    fix="Add the missing heading at the same level as its sibling sections.",
    bad=(
        Example.of(doc(
            "<h1>Causes of back pain</h1><h2>Herniated disc</h2>"
            "<p>A herniated disc is a disc whose soft center pushes through a crack in its outer ring. "
            "It can press on nearby nerve roots.</p>"
            "<p>Spinal stenosis is a narrowing of the spaces inside the spine. It develops slowly with age "
            "and can squeeze the spinal cord and nerves, causing pain and numbness in the legs.</p>"
        )),
        Example.of(doc(
            "<h1>Gout</h1><h2>Causes</h2><p>Gout happens when uric acid builds up in the blood and forms "
            "crystals in a joint.</p><p>Eating a lot of red meat and drinking beer can raise the level.</p>"
            "<p>The most common symptom is sudden, severe pain in the big toe, often at night.</p>"
            "<h2>Treatment</h2><p>Medicines can ease an attack and prevent new ones.</p>"
        )),
        Example.of(doc(
            "<h1>Back pain</h1><h2>When to see a doctor</h2><p>See a doctor if the pain lasts more than "
            "a few weeks.</p><p>Usually not at first. Most back pain gets better without scans.</p>"
        )),
    ),
    good=(
        Example.of(doc(
            "<h1>Causes of back pain</h1><h2>Herniated disc</h2>"
            "<p>A herniated disc is a disc whose soft center pushes through a crack in its outer ring. "
            "It can press on nearby nerve roots.</p>"
            "<p>Physical therapy is often the first treatment. It strengthens the muscles that support "
            "your spine.</p>"
            "<p>Sciatica is a common result of a herniated disc. It causes pain that runs down one leg.</p>"
            "<h2>Spinal stenosis</h2><p>Spinal stenosis is a narrowing of the spaces inside the spine. "
            "It develops slowly with age.</p>"
        )),
        Example.of(doc(
            "<h1>Gout</h1><h2>Causes</h2><p>Gout happens when uric acid builds up in the blood.</p>"
            "<h2>Symptoms</h2><p>Pain often starts at night.</p><p>The most common symptom is sudden pain "
            "in the big toe.</p><h2>Do I need an X-ray?</h2><p>Usually not at first. Blood tests and the "
            "joint fluid tell more.</p><p><strong>Can I drink beer?</strong></p><p>No, it is best to avoid it.</p>"
            "<p>No referral is needed to see us.</p><p>No. 1 in patient reviews.</p><p>Never skip a dose.</p>"
        )),
        Example.of(doc(
            "<h1>Carpal tunnel</h1><h2>Causes</h2><p>Pressure on a nerve in the wrist causes it.</p>"
            "<h2>Treatment</h2><p>A splint worn at night helps many people.</p><p>Symptoms are often worse "
            "at night, so the splint matters most then.</p>"
        )),
    ),
    check=check_missing_heading,
    confidence="medium",
)

RULES = (MISSING_HEADING,)
