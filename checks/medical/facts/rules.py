"""The fact rules: medical.fact-contradiction, medical.fda-status and medical.wrong-pathogen.

All three share one reading of the page (cached in ``page.cache``): every sentence of every content
block is matched once against the fact base and the Disease Ontology, and each rule reports the
verdicts that are its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checks.medical.facts.matcher import Verdict, knowledge
from checks.medical.scope import block_sentences
from seotool.rules import Example, Finding, Rule, Severity, Source

if TYPE_CHECKING:  # pragma: no cover
    from seotool.page import Block, Page
    from seotool.site import Site

CACHE_KEY = "medical.facts.verdicts"
MAX_SENTENCE = 600  # characters; longer "sentences" are lists or run-ons that say nothing checkable


@dataclass(frozen=True)
class PageVerdict:
    block: Block
    sentence: str
    verdict: Verdict


def page_verdicts(page: Page) -> list[PageVerdict]:
    """Every verdict on the page, computed once and shared by the three rules."""
    cached = page.cache.get(CACHE_KEY)
    if cached is not None:
        return cached
    kb = knowledge()
    out: list[PageVerdict] = []
    headings: dict[tuple[str, ...], str | None] = {}
    for bs in block_sentences(page):  # split once for all the medical rules
        block = bs.block
        # "It" / "This condition" at a block's start: the condition its heading (else the H1) names
        section = block.section
        if section not in headings:
            headings[section] = next((t for t in (kb.heading_topic(h) for h in section[-1:] + section[:1]) if t), None)
        previous: str | None = None
        noun: str | None = None  # what the previous sentence defined its topic as ("a tiny crack")
        for sentence in bs.sentences:
            if len(sentence.text) > MAX_SENTENCE:
                previous = noun = None
                continue
            verdicts, previous, noun = kb.read(sentence.text, previous if previous is not None else headings[section],
                                               noun)
            for verdict in verdicts:
                out.append(PageVerdict(block, sentence.text, verdict))
    page.cache[CACHE_KEY] = out
    return out


def _checker(slug: str):
    def check(page: Page, site: Site) -> Iterable[Finding]:
        rule = _RULES[slug]
        for pv in page_verdicts(page):
            v = pv.verdict
            if v.rule != slug:
                continue
            data = {"said": knowledge().render(v.statement)}
            if v.fact is not None:
                data.update(fact_id=v.fact.id, topic=v.fact.topic, fact=v.fact.fact)
            yield rule.finding(
                page,
                v.message,
                excerpt=pv.sentence,
                block=pv.block,
                suggestion=v.suggestion,
                source=Source(v.authority.name, v.authority.url),
                severity=Severity.parse(v.severity),
                confidence=v.confidence,
                key=v.key,
                data=data,
            )

    return check


def _page(body: str) -> str:
    return f"<html lang='en'><head><title>Patient education</title></head><body><main>{body}</main></body></html>"


FACT_CONTRADICTION = Rule(
    id="medical.fact-contradiction",
    check=_checker("fact-contradiction"),
    title="Sentence contradicts an established medical fact",
    severity=Severity.ERROR,
    what=(
        "Reads each sentence for relations between known conditions, pathogens, drugs and body parts "
        "(causes, is a kind of, affects, spreads by, treats, prevents, ...), in any wording, voice or order, "
        "including appositives ('X, a Y, ...'), relative clauses and a pronoun subject ('It ...', read as the "
        "previous sentence's subject or the heading's condition), and compares them with the fact base in "
        "checks/medical/data/facts/. Negated and hedged sentences are read as such, and sentences that "
        "report a myth to correct it are skipped."
    ),
    why=(
        "A clinic page that states a medical fact backwards (\"shingles causes chickenpox\") misinforms "
        "patients and undermines the clinic's credibility with readers and search engines."
    ),
    fix=(
        "Rewrite the sentence with the correct fact given in the suggestion, and check it against the "
        "cited authority. Fact-base entries can be added or corrected in the YAML files without Python."
    ),
    bad=(
        Example.of(_page("<h1>Shingles</h1><p>Shingles are a viral infection that causes chickenpox.</p>")),
        Example.of(_page("<h1>Pain medicines</h1><p>Tramadol is a non-opioid painkiller, so it is safe for "
                         "long-term use.</p>")),
    ),
    good=(
        Example.of(_page("<h1>Shingles</h1><p>Shingles is caused by the varicella-zoster virus, the same virus "
                         "that causes chickenpox.</p><p>Shingles does not cause chickenpox.</p>")),
        Example.of(_page("<h1>Ketamine</h1><p>Ketamine is an anesthetic, not an opioid.</p>")),
    ),
    confidence="high",
    source=Source("CDC: About Shingles (Herpes Zoster)", "https://www.cdc.gov/shingles/about/index.html"),
)

FDA_STATUS = Rule(
    id="medical.fda-status",
    check=_checker("fda-status"),
    title="FDA approval stated wrongly",
    severity=Severity.ERROR,
    what=(
        "Finds statements that a drug, procedure or product is (or is not) FDA-approved for a use, in "
        "wordings like \"X is FDA-approved for Y\", \"the FDA approved X to treat Y\", \"FDA-approved X for Y\" "
        "or \"FDA-approved treatments for Y include X\", and compares them with the approved uses recorded "
        "in the fact base (from FDA labels and announcements)."
    ),
    why=(
        "Claiming FDA approval for an off-label or unapproved use misleads patients about the evidence "
        "and is a regulatory risk for the clinic (FTC and FDA treat it as a deceptive claim)."
    ),
    fix="Name the approved use, or say plainly that the use is off-label, as in the suggestion.",
    bad=(
        Example.of(_page("<h1>Ketamine therapy</h1><p>Ketamine is FDA-approved for the treatment of "
                         "neuropathic pain.</p>")),
        Example.of(_page("<h1>Stem cells</h1><p>Our stem cell therapy is FDA-approved for knee arthritis.</p>")),
    ),
    good=(
        Example.of(_page("<h1>Ketamine therapy</h1><p>Ketamine is FDA-approved as an anesthetic; its use for "
                         "neuropathic pain is off-label.</p>")),
        Example.of(_page("<h1>Depression</h1><p>Esketamine (Spravato) is FDA-approved for treatment-resistant "
                         "depression.</p>")),
    ),
    confidence="high",
    source=Source('FDA: Understanding Unapproved Use of Approved Drugs "Off Label"',
                  "https://www.fda.gov/patients/learn-about-expanded-access-and-other-treatment-options/"
                  "understanding-unapproved-use-approved-drugs-label"),
)

WRONG_PATHOGEN = Rule(
    id="medical.wrong-pathogen",
    check=_checker("wrong-pathogen"),
    title="Infectious disease linked to the wrong kind of pathogen",
    severity=Severity.ERROR,
    what=(
        "For the 536 infectious diseases of the Human Disease Ontology (and the conditions in the concept "
        "lexicon), checks statements of what causes them: a virus named for a bacterial disease (\"Lyme disease "
        "is caused by a virus\"), a disease called the wrong kind of infection, or a disease said to cause "
        "its own pathogen."
    ),
    why="Naming the wrong kind of germ misleads patients about how the disease spreads and how it is treated.",
    fix="State the correct cause given in the suggestion (from the Disease Ontology definition).",
    bad=(
        Example.of(_page("<h1>Lyme disease</h1><p>Lyme disease is caused by a virus spread by ticks.</p>")),
        Example.of(_page("<h1>Tuberculosis</h1><p>Tuberculosis is a fungal infection of the lungs.</p>")),
    ),
    good=(
        Example.of(_page("<h1>Lyme disease</h1><p>Lyme disease is caused by bacteria spread by ticks.</p>")),
        Example.of(_page("<h1>Ringworm</h1><p>Ringworm is caused by a fungus, not a worm.</p>")),
    ),
    confidence="high",
    source=Source("Human Disease Ontology", "https://disease-ontology.org/"),
)

_RULES = {"fact-contradiction": FACT_CONTRADICTION, "fda-status": FDA_STATUS, "wrong-pathogen": WRONG_PATHOGEN}
FACT_RULES: tuple[Rule, ...] = (FACT_CONTRADICTION, FDA_STATUS, WRONG_PATHOGEN)
