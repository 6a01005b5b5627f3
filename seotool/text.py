"""Text helpers shared by the text families: sentence splitting and words.

Sentences are split by our own rules rather than pysbd: pysbd took ~17 ms on the 700-word seed
page, more than the whole medical budget per page. The rules, in order:

- A sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus closing quotes/brackets and a ``[1]``
  citation) followed by white space.
- A period does not end a sentence when it belongs to an abbreviation: a title before a name
  ("Dr.", "Prof."), a Latin one ("e.g.", "i.e.", "vs."), a month or weekday before a date ("Jan. 5"),
  an initial ("J. Smith"), or a list marker ("1. Rest"). Abbreviations that often close a sentence
  (units, "etc.", "Inc.", "a.m.", "U.S.", "M.D.") end one only when a capitalised word follows.
- A period inside a number ("2.5 mg") never ends a sentence (no white space follows it).
- A lowercase word after a period still starts a new sentence, because pasted fragments
  ("... feet. c, limiting ...") must be visible as sentences of their own (the medical splice
  check relies on it). Only an ellipsis followed by a lowercase word continues the sentence.
- A blank line always ends a sentence. A single line break ends one when the next line starts
  like a sentence (capital, digit or bullet) and the line before cannot continue (no trailing
  comma or function word): headings and list lines in plain text stand alone, hard-wrapped
  prose does not break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Always followed by more of the same sentence (a name, an example, a number).
_NEVER_END = frozenset(
    """
    dr drs mr mrs ms mx messrs prof rev fr gen sen rep gov col lt sgt capt cmdr
    e.g i.e eg ie cf vs viz approx ca fig figs vol vols pp
    """.split()
)
# Often the last word of a sentence: they end one when a capitalised word follows.
_CAN_END = frozenset(
    """
    etc inc ltd llc co corp bros jr sr esq st ste ave blvd rd hwy pkwy ln ct mt ft
    dept est ext tel no nos
    mg ml mcg kg lb lbs oz hr hrs min mins sec cm mm km
    a.m p.m u.s u.k u.s.a d.c ph.d m.d d.o r.n n.p p.a b.s m.s b.a m.a d.d.s d.m.d d.p.m
    o.d r.ph l.p.n c.n.a p.t d.p.t o.t
    """.split()
)
_MONTHS_DAYS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun".split()
)
_DAY_MONTH_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december
    """.split()
)
# A capital letter after these is a name ("vitamin D", "type 2", "hepatitis B"), not an initial.
_LETTER_NAMES = frozenset(
    """
    vitamin vitamins hepatitis type group stage plan class grade part section appendix schedule
    strep factor phase level size blood exhibit figure table option category tier
    """.split()
)
# A line ending in one of these continues on the next line.
_CONTINUES = frozenset("a an and or but nor the of to in on at by for from with as that than into".split())

ABBREVIATIONS = _NEVER_END | _CAN_END | _MONTHS_DAYS  # kept for callers that list them

_CLOSERS = "\"'”’)]"
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’)\]]*(?:\[\d{1,3}\])?(?=\s)|\n")
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the text it was split from
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with their offsets (so excerpts are exact)."""
    return list(_split_once(text))


@lru_cache(maxsize=4096)  # the medical and readability families split the same blocks of a page
def _split_once(text: str) -> tuple[Sentence, ...]:
    return tuple(_split(text))


def _split(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        mark = m.group(0)
        if mark == "\n":
            if _line_break_ends(text, start, m.start()):
                _add(out, text, start, m.start())
                start = m.end()
            continue
        core = mark.rstrip(_CLOSERS + "0123456789[]")
        if core == "." and _period_continues(text, m.start(), start):
            continue
        if core[0] == "…" or core.startswith(".."):
            if _next_char(text, m.end()).islower():
                continue  # an ellipsis inside a sentence
        _add(out, text, start, m.end())
        start = m.end()
    if start < len(text):
        _add(out, text, start, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(text[start:end], start, end))


def _next_char(text: str, pos: int) -> str:
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    return text[pos] if pos < n else ""


def _next_word(text: str, pos: int) -> str:
    m = _WORD.match(text, _skip_space(text, pos))
    return m.group(0) if m else ""


def _skip_space(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos] in " \t\r\n\xa0\"'“‘(":
        pos += 1
    return pos


def _period_continues(text: str, dot: int, sentence_start: int) -> bool:
    """True when the single period at ``dot`` belongs to an abbreviation or a list marker."""
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    token = text[i:dot]
    if not token:
        # "1." at the start of a sentence (or after a colon) is a list marker
        j = dot
        while j > sentence_start and text[j - 1].isdigit():
            j -= 1
        return j < dot and _is_marker_position(text, sentence_start, j)
    if i > 0 and text[i - 1].isdigit():
        return token.lower() in _CAN_END and not _next_char(text, dot + 1).isupper()  # "5mg."
    lower = token.lower()
    nxt = _next_char(text, dot + 1)
    if lower in _NEVER_END:
        return True
    if lower in ("no", "nos"):
        return nxt.isdigit()  # "No. 5", but "Say no. Then ..."
    if lower in _MONTHS_DAYS and token[0].isupper():
        return not nxt.isupper() or _next_word(text, dot + 1).lower() in _DAY_MONTH_WORDS
    if len(token) == 1 and token.isalpha():
        return _is_initial(text, i, token, nxt, sentence_start, dot)
    if lower == "st":
        return _saint_or_street(text, i, nxt)
    if lower in _CAN_END or (len(token) > 2 and "." in token.strip(".")):
        if not nxt.isupper():
            return True
        return lower in ("a.m", "p.m") and _next_word(text, dot + 1).lower() in _DAY_MONTH_WORDS
    return False


def _is_marker_position(text: str, sentence_start: int, pos: int) -> bool:
    """Nothing but white space (or a colon or bullet) before ``pos`` in this sentence. Only the
    last few characters are read, so long run-on text stays linear."""
    before = text[max(sentence_start, pos - 8) : pos].rstrip()
    if pos - sentence_start > 8 and not before:
        before = text[sentence_start:pos].strip()[-1:]
    return not before or before.endswith((":", "•"))


def _is_initial(text: str, i: int, token: str, nxt: str, sentence_start: int, dot: int) -> bool:
    if _is_marker_position(text, sentence_start, i) and nxt:
        return True  # "a. Rest", "B. Ice" as list markers
    if not token.isupper() or not nxt.isupper():
        return False
    prev = _previous_word(text, i)
    return prev.lower() not in _LETTER_NAMES  # "vitamin D. It helps" ends; "J. Smith" does not


def _saint_or_street(text: str, i: int, nxt: str) -> bool:
    if not nxt.isupper():
        return True
    prev = _previous_word(text, i)
    return not (prev[:1].isupper() or prev[:1].isdigit())  # "Main St. Call us" ends; "to St. Louis" not


def _previous_word(text: str, pos: int) -> str:
    j = pos
    while j > 0 and text[j - 1] in " \t\xa0":
        j -= 1
    k = j
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "'’-"):
        k -= 1
    return text[k:j]


def _line_break_ends(text: str, start: int, pos: int) -> bool:
    """Whether the line break at ``pos`` ends the sentence that began at ``start``."""
    before = text[max(start, pos - 80) : pos].rstrip()  # a window: long run-on text stays linear
    if not before:
        return False
    j = pos + 1
    n = len(text)
    while j < n and text[j] in " \t\r\xa0":
        j += 1
    if j < n and text[j] == "\n":
        return True  # a blank line
    if j >= n:
        return False
    first = text[j]
    if not (first.isupper() or first.isdigit() or first in "-*•–—\"“"):
        return False
    if before[-1] in ",;:(-–—/&+":
        return False
    return _previous_word(before, len(before)).lower() not in _CONTINUES


def words(text: str) -> list[str]:
    """The words of ``text``: runs of letters with inner apostrophes or hyphens; numbers are not words."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(words(text))
