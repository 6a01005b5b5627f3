"""Figures for the audit JSON: each page's scores (``pages[].metrics.readability``) and the site's
grade distribution (``summary.readability``), which the terminal and HTML reports show."""

from __future__ import annotations

from statistics import median
from typing import Any

from checks.readability.analysis import analyse
from checks.readability.settings import settings
from seotool.page import Page
from seotool.rules import Finding
from seotool.runner import METRICS_KEY
from seotool.site import Site

# Histogram buckets of page grades: (label, lower bound exclusive, upper bound inclusive).
BUCKETS: tuple[tuple[str, float | None, float | None], ...] = (
    ("6 or below", None, 6.0),
    ("6-8", 6.0, 8.0),
    ("8-10", 8.0, 10.0),
    ("10-12", 10.0, 12.0),
    ("12-14", 12.0, 14.0),
    ("14-16", 14.0, 16.0),
    ("above 16", 16.0, None),
)


def page_metrics(page: Page, site: Site) -> dict[str, Any]:
    cfg = settings(site)
    text = analyse(page)
    sc = text.scores
    graded = sc is not None and text.words >= cfg.min_words
    out: dict[str, Any] = {
        "grade": round(sc.grade, 1) if sc else None,
        "smog": round(sc.smog, 1) if sc else None,
        "flesch_kincaid_grade": round(sc.flesch_kincaid_grade, 1) if sc else None,
        "flesch_reading_ease": round(sc.flesch_reading_ease, 1) if sc else None,
        "words": text.words,
        "sentences": text.sentence_count,
        "paragraphs": text.paragraph_count,
        "long_sentences": sum(1 for p in text.paragraphs for n in p.sentence_words if n > cfg.max_sentence_words),
        "graded": graded,  # False: too little prose for a reliable grade (min_words)
        "above_target": bool(graded and sc and sc.grade > cfg.target_grade),
        "target_grade": as_number(cfg.target_grade),
    }
    if not text.english:
        out["language"] = page.lang  # not read: the formulas and word lists are English
    return out


def as_number(value: float) -> float | int:
    """8.0 -> 8 (reports print "target 8"), 7.5 stays 7.5."""
    return int(value) if float(value).is_integer() else value


def _known_metrics(page: Page, site: Site) -> dict[str, Any]:
    """The page's figures as the runner's worker processes left them, else computed here."""
    known = page.cache.get(METRICS_KEY, {}).get("readability")
    return known if known is not None and "error" not in known else page_metrics(page, site)


def summarize(site: Site, findings: list[Finding]) -> dict[str, Any]:
    cfg = settings(site)
    graded: list[tuple[str, dict[str, Any]]] = []
    for page in site.pages:
        m = _known_metrics(page, site)
        if m["graded"]:
            graded.append((page.url, m))
    grades = [m["grade"] for _, m in graded]
    histogram = [
        {"label": label, "min": lo, "max": hi,
         "pages": sum(1 for g in grades if (lo is None or g > lo) and (hi is None or g <= hi))}
        for label, lo, hi in BUCKETS
    ]
    hardest = sorted(graded, key=lambda um: (-um[1]["grade"], um[0]))[:5]  # ties by URL: the same every run
    return {
        "formula": "smog",
        "target_grade": as_number(cfg.target_grade),
        "pages_graded": len(graded),
        "pages_not_graded": len(site.pages) - len(graded),
        "above_target": sum(1 for _, m in graded if m["above_target"]),
        "median_grade": round(median(grades), 1) if grades else None,
        "median_flesch_kincaid_grade": round(median(m["flesch_kincaid_grade"] for _, m in graded), 1) if graded else None,
        "median_reading_ease": round(median(m["flesch_reading_ease"] for _, m in graded), 1) if graded else None,
        "histogram": histogram,
        "hardest_pages": [{"url": url, "grade": m["grade"]} for url, m in hardest],
    }
