"""Small HTML builders for the rules' bad/good examples, so each example shows only what matters."""

from __future__ import annotations

import html as _html


def doc(body: str = "<h1>Ketamine therapy</h1><p>How treatment works at our clinic.</p>", *, title: str | None = "Ketamine Therapy | Blue Ridge Clinic",
        description: str | None = None, head: str = "", lang: str | None = "en") -> str:
    """A complete page; ``title=None`` leaves the <title> out, ``description`` adds the meta tag."""
    parts = ['<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">']
    if title is not None:
        parts.append(f"<title>{_html.escape(title)}</title>")
    if description is not None:
        parts.append(f'<meta name="description" content="{_html.escape(description)}">')
    parts.append(head)
    lang_attr = f' lang="{lang}"' if lang is not None else ""
    return f"<!doctype html>\n<html{lang_attr}>\n<head>\n{''.join(parts)}\n</head>\n<body>\n{body}\n</body>\n</html>\n"


def words(n: int, topic: str = "ketamine") -> str:
    """``n`` words of varied, sentence-shaped filler about ``topic`` (varied so that shingles differ
    between topics; the same topic gives the same text)."""
    vocab = ["patients", "treatment", "sessions", "clinic", "doctor", "plan", "symptoms", "relief", "care",
             "visit", "dose", "review", "safety", "follow-up", "history", "goals", "progress", "team"]
    out = []
    seed = sum(map(ord, topic))
    for i in range(n):
        if i % 9 == 0:
            out.append(topic)
        else:
            seed = (seed * 1103515245 + 12345) % (2**31)
            out.append(vocab[seed % len(vocab)])
    text = " ".join(out)
    return text[:1].upper() + text[1:] + ("." if text else "")
