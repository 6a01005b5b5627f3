"""The `[onpage]` config section: every threshold the on-page rules use, with its default.

The type of each default is the type a user's value must have (see seotool.config)."""

from __future__ import annotations

from typing import Any

from seotool.site import Site

SETTINGS: dict[str, Any] = {
    # Google shows about 50-60 characters (600 px) of a title before cutting it.
    "title_max_chars": 60,
    # Snippets are cut around 155-160 characters; under ~70 leaves the snippet to chance.
    "description_min_chars": 70,
    "description_max_chars": 160,
    # Article pages with less main-content text than this are "thin".
    "thin_content_min_words": 300,
    # URL path segments (extension dropped) that mark a page as not an article: utility pages
    # whose job is not to explain a topic. Matched case-insensitively against every segment.
    "non_article_slugs": [
        "contact", "contact-us", "about", "about-us", "team", "our-team", "staff", "privacy", "privacy-policy",
        "terms", "terms-of-use", "terms-of-service", "terms-and-conditions", "legal", "disclaimer",
        "accessibility", "cookie-policy", "cookies", "hipaa", "notice-of-privacy-practices", "sitemap",
        "search", "login", "sign-in", "register", "account", "cart", "checkout", "thank-you", "thanks",
        "404", "500", "appointment", "appointments", "book", "book-online", "booking", "request-appointment",
        "schedule", "careers", "jobs", "directions", "locations", "gallery", "tag", "tags", "category",
        "categories", "author", "page", "forms", "patient-forms", "pay", "pay-bill", "payment",
        "_index",  # Hugo's section list pages
    ],
    # A page whose main-content words are mostly link text is a hub (blog index, service list).
    "hub_link_text_ratio": 0.5,
    # Duplicate checks ignore pages with less main-content text than this (thin-content covers them).
    "duplicate_min_words": 30,
    # Pages whose main-content shingles overlap at least this much (Jaccard) are near-duplicates.
    "near_duplicate_threshold": 0.85,
    # Extra link texts to flag as generic, on top of checks/onpage/data/generic_link_text.txt.
    "generic_link_text": [],
}


def settings(site: Site) -> dict[str, Any]:
    """The effective `[onpage]` settings: defaults overlaid with the audit config."""
    return {**SETTINGS, **site.config.section("onpage")}
