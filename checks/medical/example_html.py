"""Tiny HTML documents for the medical rules' bad/good examples."""

from __future__ import annotations

TRUSTED_FOOTER = (
    '<p>Medically reviewed by Dr. Ana Ruiz, MD. Last reviewed: March 4, 2024.</p>'
    '<p>Source: <a href="https://www.ninds.nih.gov/health-information">NINDS</a>.</p>'
    "<p>This page is for educational purposes and is not a substitute for medical advice.</p>"
)


def doc(body: str, title: str = "Patient information", head: str = "") -> str:
    """A complete page whose main content is ``body``."""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
        f"<body><main>{body}</main></body></html>"
    )
