"""Read the relations a sentence asserts from its lexed items.

A shallow reading, not a parser: for each relation phrase find the nearest concept on its left (the
subject) and on its right (the object) inside the same clause, with a bounded number of other words
between. Voice turns "shingles is caused by VZV" into (VZV, causes, shingles). Negation ("not",
"doesn't", "non-") flips polarity; hedges ("may", "can", "in some cases", "if") mark the statement
hedged. Sentences that report a belief to correct it ("a common myth is that...") and questions
assert nothing. Precision first: when the structure is unclear, no statement is made.
"""

from __future__ import annotations

from collections.abc import Mapping

from checks.medical.facts.lexer import (
    APPROVAL,
    AUX,
    BARE_APPROVAL,
    BREAK,
    CLASSADJ,
    COMMA,
    COND,
    COORD,
    COP,
    DET,
    FREQ,
    HEAD,
    HEDGE,
    INFNOUN,
    LISTING,
    LPAREN,
    MENTION,
    MYTH,
    NEG,
    PREP,
    PREVENT_PURPOSE,
    PURPOSE,
    QUOTE,
    REL,
    RPAREN,
    TNOUN,
    TRIG,
    WORD,
    Item,
)
from checks.medical.facts.model import GENERIC_KINDS, Concept, Statement

HEDGED = 1  # bits of the `hedge` value carried through the reading
FREQUENT = 2
MAX_LEFT_WORDS = 5  # other words allowed between a subject and its relation phrase
MAX_RIGHT_WORDS = 3  # ... between a relation phrase and its object
# Kinds that stay the subject when a head noun follows: "ketamine therapy" is still ketamine.
_TREATMENT_KINDS = frozenset({"drug", "drug_class", "procedure", "device"})
# First words of relation phrases that also work fronted: "the cause of X is Y".
_NOMINAL = frozenset(
    "cause causes complication complications symptom symptoms sign consequence result type kind form "
    "class subtype example treatment therapy cure remedy side main leading common most primary "
    "underlying first a the".split()
)
# "infection with", "reactivation of": nouns that may carry a preposition before the real object.
_OF_NOUNS = frozenset(
    "infection infections reactivation strain strains type form species group family member called named "
    "bacterium bacteria virus fungus parasite reawakening".split()
)
_OF_PREPS = frozenset({"of", "with", "by", "called", "named"})
_CATCH = frozenset(
    "get gets getting got catch catches catching caught contract contracts contracting pick picks".split()
)
_CATCH_PREPS = frozenset({"from", "through", "by", "via"})
_RELATION_ITEMS = frozenset({TRIG, APPROVAL, BARE_APPROVAL})
_PURPOSES = frozenset({PURPOSE, PREVENT_PURPOSE})
_COMPOUND_TAILS = frozenset(
    "based related induced associated free resistant sparing specific naive derived dependent containing "
    "alternative alternatives antagonist antagonists blocker blockers substitute substitutes replacement "
    "receptor receptors".split()
)
_NOT_TREATMENT_HEADS = frozenset("use users misuse disorder addiction overdose dependence withdrawal".split())
_PARTIAL = frozenset("every everyone everybody all always completely fully entirely totally 100 guaranteed".split())
_KIND_WORDS = frozenset({"type", "types", "form", "forms", "kind", "kinds", "all", "any"})
# Nominal relation phrases that can stand in an appositive: "X, a complication of Y, ...".
_APPOSITIVE_HEADS = frozenset(
    "type kind form class subtype variety category member version strain complication symptom sign consequence "
    "result side cause causes disease disorder condition injury tear problem inflammation damage compression "
    "irritation entrapment reactivation main leading common most primary underlying".split()
)
_EXCLUDING = frozenset({"without", "other than", "except", "except for", "apart from", "besides", "free of"})
_EXAMPLE_LINKS = frozenset({"such as", "including", "like", "for example", "e g", "especially", "particularly"})


def extract(items: list[Item], concepts: Mapping[str, Concept], class_ids: Mapping[str, str]) -> list[Statement]:
    """All statements of one lexed sentence."""
    if not items or items[-1].text == "?":
        return []
    mentions = 0
    for it in items:
        if MYTH in it.roles:
            return []
        if MENTION in it.roles or CLASSADJ in it.roles:
            mentions += 1
    if mentions < 2:  # every statement relates two concepts, except "X is FDA-approved", "X can't be cured"
        if not mentions or not any(it.roles & {APPROVAL, BARE_APPROVAL} or it.text.lower() == "cured" for it in items):
            return []
    items = _unquote(_merge_class_mentions(items, class_ids))
    reader = _Reader(items, concepts)
    return reader.read()


def _unquote(items: list[Item]) -> list[Item]:
    """A statement quoted inside a longer sentence is mentioned, not asserted: 'a page that says
    "shingles causes chickenpox" misinforms readers'. A sentence that is all quote still counts."""
    quotes = [i for i, it in enumerate(items) if QUOTE in it.roles]
    if len(quotes) < 2:
        return items
    inside = set()
    for a, b in zip(quotes[::2], quotes[1::2], strict=False):
        inside.update(range(a + 1, b))
    outside_words = [i for i, it in enumerate(items) if i not in inside and not it.roles & {QUOTE, COMMA}]
    if not outside_words:
        return items
    return [Item(frozenset((WORD,)), it.start, it.end, it.text) if i in inside else it for i, it in enumerate(items)]


def _merge_class_mentions(items: list[Item], class_ids: Mapping[str, str]) -> list[Item]:
    """'viral' / 'bacterial skin' + 'infection' -> one infection-class mention."""
    if not any(CLASSADJ in it.roles for it in items):
        return items
    out: list[Item] = []
    i = 0
    n = len(items)
    while i < n:
        it = items[i]
        if CLASSADJ in it.roles and it.value in class_ids:
            merged = None
            for j in range(i + 1, min(i + 4, n)):
                nxt = items[j]
                if INFNOUN in nxt.roles:
                    merged = j
                    break
                if not (nxt.roles <= {WORD, HEAD} or (MENTION in nxt.roles and nxt.concept)):
                    break
            if merged is not None:
                out.append(Item(frozenset((MENTION,)), it.start, items[merged].end, it.text, class_ids[it.value]))
                i = merged + 1
                continue
        out.append(it)
        i += 1
    return out


class _Reader:
    def __init__(self, items: list[Item], concepts: Mapping[str, Concept]) -> None:
        self.items = items
        self.concepts = concepts
        self.out: list[Statement] = []
        self.partial = any(it.text.lower() in _PARTIAL for it in items)
        for i, it in enumerate(items):  # "ketamine-based", "opioid-induced": the concept only modifies
            if MENTION in it.roles and i + 1 < len(items) and items[i + 1].text.lower() in _COMPOUND_TAILS:
                items[i] = Item(frozenset((WORD,)), it.start, it.end, it.text)
        # mention index -> (True if taken by a copula, subject group) for mentions already read as objects
        self.objects: dict[int, tuple[bool, list[int]]] = {}
        # relation item index -> its subject group, for "X spreads ... and is contagious"
        self.subjects_of: dict[int, list[int]] = {}
        self.cond_before = [0] * (len(items) + 1)
        seen = 0
        for i, it in enumerate(items):
            if COND in it.roles:
                seen = HEDGED
            elif BREAK in it.roles:
                seen = 0
            self.cond_before[i + 1] = seen

    # -- helpers ---------------------------------------------------------------------------------

    def kind(self, i: int) -> str:
        c = self.concepts.get(self.items[i].concept or "")
        return c.kind if c else ""

    def is_mention(self, i: int) -> bool:
        return 0 <= i < len(self.items) and MENTION in self.items[i].roles and self.items[i].concept is not None

    def modifies_head(self, i: int) -> bool:
        """'shingles pain', 'depression treatment': the concept only modifies the noun after it."""
        nxt = i + 1
        return (
            nxt < len(self.items)
            and HEAD in self.items[nxt].roles
            and not self.items[nxt].roles & {MENTION, TRIG}  # "attacks" may be the verb
            and self.kind(i) not in _TREATMENT_KINDS
        )

    def inside_pp(self, i: int) -> bool:
        """'treatment for shingles ...': a mention after a preposition is not a subject."""
        k = i - 1
        while k >= 0 and DET in self.items[k].roles:
            k -= 1
        return k >= 0 and PREP in self.items[k].roles and COORD not in self.items[k].roles

    def group_left(self, i: int) -> list[int]:
        """Mentions coordinated before mention i: 'shingles and chickenpox', 'A, B, or C'."""
        group = [i]
        k = i - 1
        while k >= 0:
            j = k
            saw_link = False
            while j >= 0 and (self.items[j].roles & {COMMA, COORD, DET} or self.items[j].text.lower() == "nor"):
                saw_link = saw_link or bool(self.items[j].roles & {COMMA, COORD}) or self.items[j].text.lower() == "nor"
                j -= 1
            if saw_link and self.is_mention(j) and not self.modifies_head(j) and j not in self.objects:
                group.append(j)
                k = j - 1
            else:
                break
        return group

    def group_right(self, i: int, positive: bool) -> list[tuple[int, bool]]:
        """Mentions coordinated after mention i; 'X, not Y' and 'rather than Y' flip polarity."""
        group = [(i, positive)]
        k = i + 1
        n = len(self.items)
        while k < n:
            j = k
            link = False
            flip = False
            while j < n and (self.items[j].roles & {COMMA, COORD, DET, NEG}):
                if self.items[j].roles & {COMMA, COORD}:
                    link = True
                if NEG in self.items[j].roles:
                    link = True
                    flip = True
                j += 1
            if link and self.is_mention(j) and not self.modifies_head(j) and not self._starts_clause(j):
                if not self._list_continues(j) and not any(COORD in self.items[x].roles or NEG in self.items[x].roles
                                                           for x in range(k, j)):
                    break  # "..., antibiotics will not help": a comma alone does not make a list
                group.append((j, positive != flip if flip else positive))
                k = j + 1
            else:
                break
        return group

    def _list_continues(self, j: int) -> bool:
        k = j + 1
        return k >= len(self.items) or bool(self.items[k].roles & {COMMA, COORD, RPAREN}) or self.items[k].text in ".;:"

    def _starts_clause(self, j: int) -> bool:
        """'..., and CRPS type II was called causalgia': the mention is the subject of a new clause."""
        k = j + 1
        while k < len(self.items) and self.items[k].roles & {AUX, NEG, HEDGE, FREQ}:
            k += 1
        return k < len(self.items) and bool(self.items[k].roles & (_RELATION_ITEMS | {COP}))

    def emit(self, subj: int, rel: str, obj: int | None, positive: bool, hedge: int, start: int, end: int,
             voice: str = "active") -> None:
        # A frequency word only softens a negation: "does not usually cause" is hedged, and so is
        # "does not prevent shingles in everyone" (a partial negation).
        hedged = bool(hedge & HEDGED) or (not positive and (bool(hedge & FREQUENT) or self.partial))
        s = self.items[subj].concept
        o = self.items[obj].concept if obj is not None else None
        if voice == "passive":
            if o is None:
                return
            s, o = o, s
        if s is None or s == o:
            return
        lo = min(self.items[subj].start, self.items[obj].start if obj is not None else start, start)
        hi = max(self.items[subj].end, self.items[obj].end if obj is not None else end, end)
        self.out.append(Statement(s, rel, o, positive, hedged, lo, hi))

    # -- the reading -----------------------------------------------------------------------------

    def read(self) -> list[Statement]:
        items = self.items
        for t, it in enumerate(items):
            if COMMA in it.roles:
                self.appositive(t)
            if APPROVAL in it.roles or (BARE_APPROVAL in it.roles and self._purpose_follows(t)):
                self.approval(t)
            elif TRIG in it.roles:
                self.relation(t)
            elif COP in it.roles:
                self.copula(t)
            elif it.text.lower() in _CATCH and WORD in it.roles:
                self.catch(t)
            if it.text.lower() in _EXAMPLE_LINKS:
                self.examples(t)
        seen: set[tuple] = set()
        unique = []
        for st in self.out:
            k = (*st.key(), st.hedged)
            if k not in seen:
                seen.add(k)
                unique.append(st)
        return unique

    def relation(self, t: int) -> None:
        it = self.items[t]
        found = self.subject(t)
        right = self.object(t)
        if found is None:
            if right is not None and it.text.split()[0].lower() in _NOMINAL:
                self.fronted(t, right)
            return
        subjects, neg_l, hedge_l = found
        self.subjects_of[t] = subjects
        if right is None:
            self._chained(t, subjects, neg_l, hedge_l)
            self._curable(t, subjects, neg_l, hedge_l)
            return
        obj, neg_r, hedge_r = right
        hedged = hedge_l | hedge_r | self.cond_before[t]
        for rel, voice in it.triggers:
            for o, pos in self.group_right(obj, not (neg_l or neg_r)):
                # "CRPS is a form of chronic pain that affects ...": the clause is about CRPS
                self.objects[o] = (rel == "is_a" and voice == "active", subjects)
                for s in subjects:
                    self.emit(s, rel, o, pos, hedged, it.start, it.end, voice)

    def _chained(self, t: int, subjects: list[int], neg: bool, hedge: int) -> None:
        """'TN is caused by damage to the facial nerve' -> (TN, affects, facial nerve)."""
        if ("causes", "passive") not in self.items[t].triggers:
            return
        k = t + 1
        while k < len(self.items) and DET in self.items[k].roles:
            k += 1
        if k >= len(self.items) or ("affects", "active") not in self.items[k].triggers:
            return
        right = self.object(k)
        if right is None:
            return
        obj, neg_r, hedge_r = right
        for o, pos in self.group_right(obj, not (neg or neg_r)):
            for s_ in subjects:
                self.emit(s_, "affects", o, pos, hedge | hedge_r | self.cond_before[t], self.items[k].start, self.items[k].end)

    def _curable(self, t: int, subjects: list[int], neg: bool, hedge: int) -> None:
        """'Syphilis can't be cured' -> (syphilis, is_a, curable, negative)."""
        it = self.items[t]
        if it.text.lower() not in ("cured", "curable") or t == 0 or COP not in self.items[t - 1].roles:
            return
        if "curable" not in self.concepts:
            return
        if neg and hedge & HEDGED and not self.cond_before[t]:
            hedge &= ~HEDGED  # "cannot be cured" is a plain negative, not a hedge
        for s_ in subjects:
            concept = self.items[s_].concept
            if concept:
                self.out.append(Statement(concept, "is_a", "curable", not neg, bool(hedge & HEDGED), it.start, it.end))

    def fronted(self, t: int, right: tuple[int, bool, int]) -> None:
        """'The cause of shingles is VZV', 'Complications of shingles include PHN'."""
        it = self.items[t]
        for k in range(t - 1, -1, -1):  # only a short noun phrase may stand before the phrase
            if not (self.items[k].roles & {DET, WORD, AUX}) or self.items[k].roles & {MENTION}:
                if self.items[k].roles & {BREAK, COMMA} or k < 0:
                    break
                return
        obj, neg_r, hedge_r = right
        group = self.group_right(obj, True)
        k = group[-1][0] + 1
        n = len(self.items)
        neg = False
        hedge = hedge_r
        linked = False
        while k < n and (self.items[k].roles & {COP, LISTING, NEG, HEDGE, AUX, DET} or self.items[k].text.lower() in ("include", "includes")):
            linked = linked or bool(self.items[k].roles & {COP, LISTING}) or self.items[k].text.lower() in ("include", "includes")
            neg = neg or NEG in self.items[k].roles
            hedge |= HEDGED if HEDGE in self.items[k].roles else 0
            k += 1
        if not linked or not self.is_mention(k) or self.modifies_head(k):
            return
        for p, pos in self.group_right(k, not (neg or neg_r)):
            for o, _ in group:
                for rel, voice in it.triggers:
                    self.emit(p, rel, o, pos, hedge | self.cond_before[t], it.start, it.end, voice)

    def copula(self, t: int) -> None:
        """'X is (not) a Y': is_a, unless a relation phrase follows the copula."""
        n = len(self.items)
        k = t + 1
        while k < n and self.items[k].roles & {DET, AUX, NEG, HEDGE}:
            k += 1
        if k < n and self.items[k].roles & (_RELATION_ITEMS | {COP}):
            return
        found = self.subject(t)
        if found is None:
            return
        self.subjects_of[t] = found[0]
        right = self.object(t, max_words=2)
        if right is None:
            return
        subjects, neg_l, hedge_l = found
        obj, neg_r, hedge_r = right
        neg_l = neg_l or NEG in self.items[t].roles  # "isn't", "aren't"
        hedged = hedge_l | hedge_r | self.cond_before[t]
        for o, pos in self.group_right(obj, not (neg_l or neg_r)):
            self.objects[o] = (True, subjects)
            for s in subjects:
                self.emit(s, "is_a", o, pos, hedged, self.items[t].start, self.items[t].end)

    def appositive(self, t: int) -> None:
        """'Syphilis, a viral infection, can ...' -> (syphilis, is_a, viral infection); also with a tail
        ('Shingles, a bacterial infection of the nerves, can ...'). A list ('ibuprofen, a muscle
        relaxant, and rest') is not an appositive: nothing is read from it."""
        items = self.items
        n = len(items)
        if not self.is_mention(t - 1) or self.modifies_head(t - 1) or t - 1 in self.objects:
            return
        if self._list_item(t - 1):
            return
        k = t + 1
        if k >= n or items[k].text.lower() not in ("a", "an"):
            return
        k += 1
        words = 0
        while k < n and WORD in items[k].roles and words < 2:
            k += 1
            words += 1
        if not self.is_mention(k) or self.kind(k) not in GENERIC_KINDS or self.modifies_head(k):
            return
        k2 = k + 1
        while k2 < n and items[k2].roles & {HEAD, TNOUN} and not items[k2].roles & {PREP, TRIG}:
            k2 += 1  # "a steroid medicine", "an antibiotic pill"
        close = self._appositive_end(k2)
        if close is None:
            return
        if close < n and COMMA in items[close].roles and self._list_follows(close + 1):
            return  # "ibuprofen, a muscle relaxant, heat and rest"
        self.emit(t - 1, "is_a", k, True, self.cond_before[t], items[t].start, items[k].end)

    def _appositive_subject(self, comma: int, t: int) -> list[int] | None:
        """'Tennis elbow, an injury of the inner elbow, ...': a noun-phrase relation right after
        'X, a/an' has X as its subject, when the appositive closes and is not a list item."""
        items = self.items
        words = items[t].text.lower().split()
        if t == comma + 2 and items[comma + 1].text.lower() in ("a", "an", "the"):
            heads = words[:2]
        elif t == comma + 1 and len(words) > 1 and words[0] in ("a", "an", "the"):
            heads = words[1:3]  # the phrase carries its article: "a type of", "a late complication of"
        else:
            return None
        if not any(h in _APPOSITIVE_HEADS for h in heads) or not self.is_mention(comma - 1):
            return None
        x = comma - 1
        if self.modifies_head(x) or x in self.objects or self._list_item(x):
            return None
        right = self.object(t)
        if right is None:
            return None
        last = self.group_right(right[0], True)[-1][0]
        close = self._appositive_end(last + 1)
        if close is None or (close < len(items) and COMMA in items[close].roles and self._list_follows(close + 1)):
            return None
        return [x]

    def _list_item(self, i: int) -> bool:
        """The mention at i follows a comma or 'and'/'or' (after determiners): it is a list item."""
        j = min(self.group_left(i)) - 1
        while j >= 0 and DET in self.items[j].roles:
            j -= 1
        return j >= 0 and bool(self.items[j].roles & {COMMA, COORD})

    def _appositive_end(self, k: int) -> int | None:
        """Index of the comma, bracket or sentence end that closes an appositive whose noun ended
        before k: at once, or after a short tail with no verb ('of the nerves', 'in the skin')."""
        items = self.items
        n = len(items)
        if k >= n or items[k].roles & {COMMA, LPAREN, RPAREN} or items[k].text in ".;:":
            return k
        if REL in items[k].roles:  # "a viral infection that affects the nerves, ..."
            for j in range(k + 1, min(n, k + 9)):
                if items[j].roles & {COMMA, RPAREN}:
                    return j
                if items[j].roles & {BREAK, REL, LPAREN} or items[j].text in ".;:!?":
                    return None
            return None
        tail = 0
        while k < n and tail < 6:
            r = items[k].roles
            if r & {COMMA, RPAREN}:
                return k
            # a reduced relative may open the tail: "a viral illness spread by ticks, ..."
            opener = tail == 0 and TRIG in r and any(v == "passive" or rel == "spreads_by" for rel, v in items[k].triggers)
            if not opener and (r & ({BREAK, COP, NEG, HEDGE, AUX, COND, REL} | _RELATION_ITEMS)
                               or items[k].text in ".;:!?"):
                return None
            if tail == 0 and not opener and not (PREP in r and not r & {COORD}):
                return None  # the tail must open with a preposition: "a viral infection of the skin"
            tail += 1
            k += 1
        return None

    def _list_follows(self, k: int) -> bool:
        """After an appositive's closing comma: 'and'/'or' or another noun before any verb = a list."""
        items = self.items
        n = len(items)
        if k >= n:
            return False
        if items[k].roles & {COORD, DET} or items[k].text.lower() in ("etc", "plus"):
            return True
        for j in range(k, min(n, k + 4)):
            r = items[j].roles
            if r & ({AUX, HEDGE, NEG, FREQ, COP, BREAK, REL} | _RELATION_ITEMS):
                return False
            if r & {COORD, COMMA}:
                return True
        return False

    def examples(self, t: int) -> None:
        """'opioids such as ketamine', 'NSAIDs, including acetaminophen' -> (ketamine, is_a, opioid)."""
        k = t - 1
        if k >= 0 and COMMA in self.items[k].roles:
            k -= 1
        if not self.is_mention(k) or self.kind(k) not in GENERIC_KINDS:
            return
        j = t + 1
        if not self.is_mention(j):
            return
        b = k - 1
        while b >= 0 and DET in self.items[b].roles:
            b -= 1
        # "a cream without steroids, such as tacrolimus": examples of what is NOT the class
        positive = not (b >= 0 and (NEG in self.items[b].roles or self.items[b].text.lower() in _EXCLUDING))
        for m, pos in self.group_right(j, positive):
            self.emit(m, "is_a", k, pos, self.cond_before[t], self.items[t].start, self.items[t].end)

    def catch(self, t: int) -> None:
        """'You can get syphilis from a toilet seat' -> (syphilis, spreads_by, toilet seats)."""
        n = len(self.items)
        k = t + 1
        while k < n and DET in self.items[k].roles:
            k += 1
        if not self.is_mention(k):
            return
        d = k
        k += 1
        if k >= n or self.items[k].text.lower() not in _CATCH_PREPS:
            return
        k += 1
        words = 0
        while k < n and (self.items[k].roles & {DET} or (WORD in self.items[k].roles and words < 2)):
            words += WORD in self.items[k].roles
            k += 1
        if not self.is_mention(k):
            return
        neg = False
        hedge = 0
        for j in range(t - 1, max(-1, t - 6), -1):
            r = self.items[j].roles
            if r & {BREAK, COMMA}:
                break
            neg = neg or NEG in r
            hedge |= HEDGED if HEDGE in r else 0
        for o, pos in self.group_right(k, not neg):
            self.emit(d, "spreads_by", o, pos, hedge | self.cond_before[t], self.items[t].start, self.items[t].end)

    # -- subject and object search ---------------------------------------------------------------

    def subject(self, t: int) -> tuple[list[int], bool, int] | None:
        """The subject group left of item t, with negation and hedging seen on the way."""
        items = self.items
        neg = False
        hedge = 0
        words = 0
        k = t - 1
        while k >= 0:
            it = items[k]
            r = it.roles
            if RPAREN in r:
                k = self._skip_parens_left(k)
                continue
            if MENTION in r and it.concept:
                return self._subject_at(k, neg, hedge)
            if REL in r:
                return self._relative_head(k, neg, hedge)
            if COMMA in r:
                if k == t - 1 and any(rel == "same_as" for rel, _ in items[t].triggers):
                    k -= 1  # "shingles, also known as herpes zoster, ..."
                    continue
                head = self._appositive_subject(k, t)
                if head is not None:
                    return head, neg, hedge
                k2 = self._skip_parenthetical_left(k)
                if k2 is None:
                    return None
                k = k2
                continue
            if r & {BREAK} or r & _RELATION_ITEMS:
                return None
            if COORD in r and it.text.lower() == "and" and self._only_modifiers(k + 1, t):
                # "psoriasis spreads by touch and is contagious": the verb shares the earlier subject
                shared = self._previous_subjects(k)
                return (shared, neg, hedge) if shared is not None else None
            if NEG in r:
                neg = True
            elif HEDGE in r or COND in r:
                hedge |= HEDGED
            elif FREQ in r:
                hedge |= FREQUENT
            elif r & {COP, AUX, DET, LPAREN}:
                pass
            else:
                words += 1
                if words > MAX_LEFT_WORDS:
                    return None
            k -= 1
        return None

    def _only_modifiers(self, a: int, b: int) -> bool:
        return all(self.items[i].roles & {AUX, NEG, HEDGE, FREQ, COP} for i in range(a, b))

    def _previous_subjects(self, k: int) -> list[int] | None:
        for j in range(k - 1, -1, -1):
            r = self.items[j].roles
            if r & {BREAK, COMMA, REL}:
                return None
            if j in self.subjects_of:
                return self.subjects_of[j]
        return None

    def _subject_at(self, k: int, neg: bool, hedge: int) -> tuple[list[int], bool, int] | None:
        taken = self.objects.get(k)
        if taken is not None:
            by_copula, subjects = taken
            if by_copula and self.kind(k) in GENERIC_KINDS:
                return subjects, neg, hedge
            return None  # the object of an earlier relation: "the virus that causes X also causes Y"
        if self.inside_pp(k):
            return self._example_head(k, neg, hedge)
        if self.modifies_head(k):
            return None
        group = self.group_left(k)
        j = min(group) - 1
        while j >= 0 and self.items[j].roles & {DET, NEG}:
            if NEG in self.items[j].roles:  # "neither X nor Y", "no opioid is ..."
                neg = True
            j -= 1
        return group, neg, hedge

    def _example_head(self, k: int, neg: bool, hedge: int) -> tuple[list[int], bool, int] | None:
        """'Triptans like Imitrex are ...': the examples belong to the class before 'like'."""
        j = min(self.group_left(k)) - 1
        while j >= 0 and DET in self.items[j].roles:
            j -= 1
        if j >= 1 and self.items[j].text.lower() in _EXAMPLE_LINKS:
            c = j - 1 if COMMA not in self.items[j - 1].roles else j - 2
            if self.is_mention(c) and self.kind(c) in GENERIC_KINDS and not self.modifies_head(c):
                return self.group_left(c), neg, hedge
        return None

    def _relative_head(self, k: int, neg: bool, hedge: int) -> tuple[list[int], bool, int] | None:
        """'X, which causes ...' -> X; 'X is a viral infection that causes ...' -> X."""
        j = k - 1
        if (j >= 1 and COMMA in self.items[j].roles and self.items[k].text.lower() == "which"
                and self.is_mention(j - 1) and self.kind(j - 1) == "disease" and j - 1 not in self.objects):
            # "signs of a joint infection, which is caused by ...": a non-restrictive "which" after a
            # condition is about that condition, even inside a prepositional phrase
            return [j - 1], neg, hedge
        steps = 0
        while j >= 0 and steps < 5:
            r = self.items[j].roles
            if MENTION in r and self.items[j].concept and not self.modifies_head(j):
                if self.objects.get(j, (False,))[0]:
                    return self.objects[j][1], neg, hedge
                if self.kind(j) in GENERIC_KINDS:
                    taken = self.objects.get(j)
                    if taken and taken[0]:
                        return taken[1], neg, hedge
                    cop = self._copula_left(j)
                    if cop is not None:
                        return self.subject_of_copula(cop, neg, hedge)
                if self.objects.get(j) is not None and not self.objects[j][0]:
                    # "shingles is caused by VZV, which also causes chickenpox": VZV is the head
                    return [j], neg, hedge
                if self.modifies_head(j) or self.inside_pp(j):
                    return None
                return [j], neg, hedge
            if COP in r:
                return self.subject_of_copula(j, neg, hedge)
            if not (r & {DET, WORD, INFNOUN, HEAD, COMMA, AUX, MENTION}):  # a mention here modifies a head noun
                return None
            j -= 1
            steps += 1
        return None

    def _copula_left(self, j: int) -> int | None:
        k = j - 1
        steps = 0
        while k >= 0 and steps < 4:
            r = self.items[k].roles
            if COP in r:
                return k
            if not (r & {DET, WORD, AUX, NEG}):
                return None
            k -= 1
            steps += 1
        return None

    def subject_of_copula(self, c: int, neg: bool, hedge: int) -> tuple[list[int], bool, int] | None:
        found = self.subject(c)
        if found is None:
            return None
        group, n2, h2 = found
        return group, neg or n2, hedge | h2

    def _skip_parens_left(self, k: int) -> int:
        depth = 0
        while k >= 0:
            r = self.items[k].roles
            if RPAREN in r:
                depth += 1
            elif LPAREN in r:
                depth -= 1
                if depth == 0:
                    return k - 1
            k -= 1
        return -1

    def _skip_parenthetical_left(self, k: int) -> int | None:
        """At a comma walking left: skip ', a nasal spray made from ketamine,' or ', which ...,'."""
        j = k - 1
        steps = 0
        while j >= 0 and steps < 12:
            r = self.items[j].roles
            if COMMA in r:
                first = self.items[j + 1]
                if first.roles & {REL, DET} or first.text.lower() in ("like", "unlike", "including", "such", "such as",
                                                                     "for example", "especially", "also", "or", "known", "called", "formerly", "sold", "branded", "marketed") or first.text.lower().endswith("ed"):
                    return j - 1
                return None
            if r & {BREAK}:
                return None
            j -= 1
            steps += 1
        return None

    def object(self, t: int, max_words: int = MAX_RIGHT_WORDS) -> tuple[int, bool, int] | None:
        """The first concept right of item t, with negation and hedges on the way."""
        items = self.items
        n = len(items)
        neg = False
        hedge = 0
        words = 0
        k = t + 1
        while k < n:
            it = items[k]
            r = it.roles
            if MENTION in r and it.concept:
                if self.modifies_head(k) or (k + 1 < n and items[k + 1].text.lower() in _NOT_TREATMENT_HEADS):
                    return None
                return k, neg, hedge
            low = it.text.lower()
            if TRIG in r and set(it.triggers) & set(items[t].triggers):
                k += 1  # "caused by reactivation of VZV": the same relation twice
                continue
            if r & (_RELATION_ITEMS | _PURPOSES | {REL, BREAK, COMMA, COP, LPAREN, RPAREN}):
                return None
            if PREP in r and not (r & {DET, AUX}):
                prev = items[k - 1].text.lower() if k > t + 1 else ""
                if not (low in _OF_PREPS and prev in _OF_NOUNS):
                    return None
            if NEG in r:
                neg = True
            elif HEDGE in r:
                hedge |= HEDGED
            elif FREQ in r:
                hedge |= FREQUENT
            elif r & {DET, AUX, COORD}:
                pass  # "a stretched or torn ligament"
            else:
                words += 1
                if words > max_words:
                    return None
            k += 1
        return None

    # -- FDA approval ----------------------------------------------------------------------------

    def _purpose_follows(self, t: int) -> bool:
        k = t + 1
        return k < len(self.items) and bool(self.items[k].roles & _PURPOSES)

    def approval(self, t: int) -> None:
        """'X is FDA-approved for Y', 'the FDA approved X to treat Y', 'FDA-approved X for Y',
        'FDA-approved treatments for Y include X', 'X therapy for Y is FDA-approved'."""
        items = self.items
        n = len(items)
        neg, hedge = self._approval_modifiers(t)
        hedge |= self.cond_before[t]
        # treatment on the left: "X is (not) FDA-approved ..."
        subj = self.subject(t)
        treatment: list[int] | None = None
        use: tuple[int, str] | None = None
        if subj is not None:
            group, n2, h2 = subj
            neg, hedge = neg or n2, hedge | h2
            if any(self.kind(g) in _TREATMENT_KINDS for g in group):
                treatment = group
            elif self.is_mention(min(group) - 1) and self.kind(min(group) - 1) in _TREATMENT_KINDS:
                treatment = [min(group) - 1]  # "Spravato nasal spray is approved ..."
            else:
                treatment, use = self._treatment_for_use(min(group))
        else:
            near = self._nearest_left_mention(t)
            if near is not None:  # "ketamine therapy for CRPS is FDA-approved"
                treatment, use = self._treatment_for_use(near)
        k = t + 1
        while k < n and items[k].roles & {DET, AUX, NEG}:
            neg = neg or NEG in items[k].roles
            k += 1
        if treatment is None and self.is_mention(k) and self.kind(k) in _TREATMENT_KINDS:
            # "FDA-approved ketamine for depression", "the FDA approved esketamine to treat ..."
            treatment = self.group_right_ids(k)
            k = max(treatment) + 1
            while k < n and (items[k].roles & {HEAD, TNOUN} or (WORD in items[k].roles and k == max(treatment) + 1)):
                k += 1
        elif treatment is None and k < n and TNOUN in items[k].roles:
            self._approved_list(t, k, neg, hedge)
            return
        if treatment is None:
            return
        while k < n and items[k].roles & {TNOUN, HEAD} and not items[k].roles & _PURPOSES:
            k += 1  # "X is an FDA-approved treatment for Y"
        if use is None and self.is_mention(k) and self.kind(k) == "use":
            use = (k, "approved_for")  # "an FDA-approved prevention of migraine"
        if use is None:
            use = self._use_after(k)
        positive = not neg
        if use is None:
            for s in treatment:
                self.emit(s, "approved_for", None, positive, hedge, items[t].start, items[t].end)
            return
        for u, pos in self.group_right(use[0], positive) + self._included(use[0], positive):
            for s in treatment:
                self.emit(s, use[1], u, pos, hedge, items[t].start, items[t].end)

    def _included(self, k: int, positive: bool) -> list[tuple[int, bool]]:
        """'approved for all types of migraine, including episodic migraine' -> episodic migraine too."""
        last = self.group_right(k, positive)[-1][0]
        j = last + 1
        if j < len(self.items) and COMMA in self.items[j].roles:
            j += 1
        if j < len(self.items) and self.items[j].text.lower() in _EXAMPLE_LINKS and self.is_mention(j + 1):
            return self.group_right(j + 1, positive)
        return []

    def _nearest_left_mention(self, t: int) -> int | None:
        k = t - 1
        while k >= 0 and self.items[k].roles & {COP, DET, AUX, NEG, HEDGE}:
            k -= 1
        return k if self.is_mention(k) else None

    def group_right_ids(self, k: int) -> list[int]:
        return [i for i, _ in self.group_right(k, True)]

    def _approval_modifiers(self, t: int) -> tuple[bool, int]:
        words = self.items[t].text.lower().replace("’", "'").split()
        neg = NEG in self.items[t].roles or any(w in ("not", "hasn't", "never") for w in words)  # "FDA has not approved"
        hedge = 0
        for j in range(t - 1, max(-1, t - 4), -1):
            r = self.items[j].roles
            if r & {BREAK, COMMA} or MENTION in r:
                break
            neg = neg or NEG in r
            hedge |= HEDGED if HEDGE in r else 0
        return neg, hedge

    def _treatment_for_use(self, k: int) -> tuple[list[int] | None, tuple[int, str] | None]:
        """'ketamine (therapy) for neuropathic pain is FDA-approved': use at k, treatment before it."""
        j = k - 1
        if j < 0 or not self.items[j].roles & _PURPOSES:
            return None, None
        rel = "approved_to_prevent" if PREVENT_PURPOSE in self.items[j].roles else "approved_for"
        j -= 1
        while j >= 0 and self.items[j].roles & {HEAD, TNOUN}:
            j -= 1
        if self.is_mention(j) and self.kind(j) in _TREATMENT_KINDS:
            return self.group_left(j), (k, rel)
        return None, None

    def _use_after(self, k: int) -> tuple[int, str] | None:
        """The use after a purpose phrase: 'for neuropathic pain', 'to prevent migraine'."""
        items = self.items
        n = len(items)
        if k >= n or not (items[k].roles & _PURPOSES or ("treats", "active") in items[k].triggers
                          or ("prevents", "active") in items[k].triggers):
            return None  # "for Y", "to treat Y", "treatment for Y", "prevention of Y"
        rel = "approved_to_prevent" if PREVENT_PURPOSE in items[k].roles or ("prevents", "active") in items[k].triggers \
            else "approved_for"
        k += 1
        words = 0
        while k < n:
            r = items[k].roles
            if MENTION in r and items[k].concept:
                return k, rel
            if PREVENT_PURPOSE in r:
                rel = "approved_to_prevent"
            if r & {DET, AUX, TNOUN, HEAD} or r & _PURPOSES or (WORD in r and words < 2) or (
                items[k].text.lower() == "of" and items[k - 1].text.lower() in _KIND_WORDS
            ):
                words += WORD in r
                k += 1
                continue
            return None
        return None

    def _approved_list(self, t: int, k: int, neg: bool, hedge: int) -> None:
        """'FDA-approved treatments for fibromyalgia include pregabalin, duloxetine and milnacipran'."""
        items = self.items
        n = len(items)
        while k < n and items[k].roles & {TNOUN, HEAD}:
            k += 1
        use = self._use_after(k)
        if use is None:
            return
        uses = self.group_right_ids(use[0])
        k = max(uses) + 1
        linked = False
        while k < n and (items[k].roles & {LISTING, COP, DET, AUX, NEG, COMMA}):
            linked = linked or bool(items[k].roles & {LISTING, COP})
            neg = neg or NEG in items[k].roles
            k += 1
        if not linked or not self.is_mention(k):
            return
        for s, pos in self.group_right(k, not neg):
            if self.kind(s) not in _TREATMENT_KINDS:
                continue
            for u in uses:
                self.emit(s, use[1], u, pos, hedge, items[t].start, items[t].end)
