"""The ``[readability]`` section of seotool.toml: defaults (their types are enforced by the config
loader) and a typed view of it that the rules share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from seotool.site import Site

DEFAULTS: dict[str, Any] = {
    # Reading grade (SMOG) a page should not exceed: 6th-8th grade is the NIH/AMA/CDC guidance.
    "target_grade": 8,
    # Pages with fewer words of prose get figures but no grade finding (formulas need text).
    "min_words": 100,
    # A paragraph is "hard" at target + margin grades or more; the hardest few are listed.
    "hard_paragraph_margin": 4,
    "max_hard_paragraphs": 5,
    "max_sentence_words": 25,
    "max_paragraph_words": 150,
    "max_section_words": 300,
    # Share of passive sentences (0-1) above which they are listed, one finding each.
    "max_passive_share": 0.2,
    # A clinic's own jargon: term = "plainer words, or an explanation" (adds to the CDC list).
    "plain_language_terms": {},
    # Terms a clinic must use (its treatment names): never flagged, in any form.
    "plain_language_ignore": [],
}

HARD_PARAGRAPH_MIN_WORDS = 40  # shorter paragraphs give unstable grades; long sentences catch them
MIN_PASSIVE_SENTENCES = 3  # one or two passives on a short page are not a pattern


@dataclass(frozen=True)
class Settings:
    target_grade: float
    min_words: int
    hard_paragraph_margin: float
    max_hard_paragraphs: int
    max_sentence_words: int
    max_paragraph_words: int
    max_section_words: int
    max_passive_share: float
    plain_language_terms: dict[str, str]
    plain_language_ignore: tuple[str, ...]

    @property
    def hard_grade(self) -> float:
        return self.target_grade + self.hard_paragraph_margin


def settings(site: Site) -> Settings:
    """The effective settings of ``site`` (read once per audit)."""
    cached = site.cache.get("readability.settings")
    if cached is None:
        raw = {**DEFAULTS, **site.config.section("readability")}
        cached = Settings(
            target_grade=float(raw["target_grade"]),
            min_words=int(raw["min_words"]),
            hard_paragraph_margin=float(raw["hard_paragraph_margin"]),
            max_hard_paragraphs=int(raw["max_hard_paragraphs"]),
            max_sentence_words=max(1, int(raw["max_sentence_words"])),
            max_paragraph_words=max(1, int(raw["max_paragraph_words"])),
            max_section_words=max(1, int(raw["max_section_words"])),
            max_passive_share=float(raw["max_passive_share"]),
            plain_language_terms={str(k): str(v) for k, v in dict(raw["plain_language_terms"]).items()},
            plain_language_ignore=tuple(str(t) for t in raw["plain_language_ignore"]),
        )
        site.cache["readability.settings"] = cached
    return cached
