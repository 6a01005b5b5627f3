"""Business names compared as people read them: case, punctuation, "&"/"and", "Ctr."/"Center",
a leading "The" and legal suffixes (LLC, PLLC, Inc.) do not make a different name."""

from __future__ import annotations

import re

from checks.local import vocab


def tokens(name: str) -> tuple[str, ...]:
    table = vocab.name_words()
    out = []
    for w in re.findall(r"&|[\w'’.]+", name.lower()):
        w = w.strip(".").replace("’", "").replace("'", "")  # "Mark's" = "Marks"
        mapped = table.get(w, w)
        if mapped != "-" and mapped:
            out.append(mapped)
    return tuple(out)


def same_name(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` name the same business (one may extend the other: "Acme Clinic"
    and "Acme Clinic of Charlotte"), as long as the shorter has at least two words."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False
    if ta == tb or "".join(ta) == "".join(tb) or _squashed(a) == _squashed(b):
        return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) < 2:
        return False
    return any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def _squashed(name: str) -> str:
    """Letters and digits only: "MedSpa" = "Med Spa" before any word is expanded."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def mentioned_in(name: str, text: str) -> bool:
    """Is the business name written in ``text`` (allowing the same variants)?"""
    want = tokens(name)
    if not want:
        return False
    have = tokens(text)
    n = len(want)
    return any(have[i : i + n] == want for i in range(len(have) - n + 1))
