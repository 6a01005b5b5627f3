"""Schema checks for the data files: a malformed entry is rejected with file, entry and field named.

Hand-written rather than JSON Schema: the checks that matter most (concept ids exist, relation names
are known, ids are unique across files) are cross-references a schema language can't express, and
the one-line messages are aimed at a clinical reviewer, not a programmer.
"""

from __future__ import annotations

import re
from typing import Any

_ID = re.compile(r"^[a-z0-9]+([-_.][a-z0-9]+)*$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")


class FactBaseError(ValueError):
    """A data file is malformed. ``str()`` is one line: ``file: entry 'id': field 'x': problem``."""

    def __init__(self, file: str, entry: str | None, field: str | None, problem: str) -> None:
        self.file, self.entry, self.field, self.problem = file, entry, field, problem
        where = [file]
        if entry is not None:
            where.append(f"entry {entry!r}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(": ".join(where) + f": {problem}")


class Checker:
    """Field accessors for one entry that raise :class:`FactBaseError` with the location filled in."""

    def __init__(self, file: str, entry: dict[str, Any], allowed: set[str], required: set[str]) -> None:
        self.file = file
        self.entry = entry
        raw_id = entry.get("id") if isinstance(entry, dict) else None
        self.id = str(raw_id) if raw_id is not None else None
        if not isinstance(entry, dict):
            raise FactBaseError(file, None, None, f"an entry must be a mapping, got {type(entry).__name__}")
        unknown = sorted(set(entry) - allowed)
        if unknown:
            raise FactBaseError(file, self.id, unknown[0], f"unknown field (allowed: {', '.join(sorted(allowed))})")
        for name in sorted(required):
            if name not in entry or entry[name] in (None, "", [], {}):
                raise FactBaseError(file, self.id, name, "missing")

    def fail(self, field: str | None, problem: str) -> FactBaseError:
        return FactBaseError(self.file, self.id, field, problem)

    def id_slug(self, field: str = "id") -> str:
        value = self.entry.get(field)
        if not isinstance(value, str) or not _ID.match(value):
            raise self.fail(field, f"must be a lowercase slug like 'shingles-not-chickenpox', got {value!r}")
        return value

    def text(self, field: str, default: str | None = None) -> str:
        value = self.entry.get(field, default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, f"must be non-empty text, got {value!r}")
        return " ".join(value.split())

    def choice(self, field: str, choices: tuple[str, ...], default: str | None = None) -> str:
        value = self.entry.get(field, default)
        if value not in choices:
            raise self.fail(field, f"must be one of {', '.join(choices)}, got {value!r}")
        return str(value)

    def texts(self, field: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.entry.get(field, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(field, "must be a list of non-empty texts")
        if required and not value:
            raise self.fail(field, "needs at least one item")
        return tuple(" ".join(v.split()) for v in value)

    def flag(self, field: str, default: bool = False) -> bool:
        value = self.entry.get(field, default)
        if not isinstance(value, bool):
            raise self.fail(field, f"must be true or false, got {value!r}")
        return value


def check_url(checker: Checker, field: str, url: Any) -> str:
    if not isinstance(url, str) or not _URL.match(url):
        raise checker.fail(field, f"must be an http(s) URL, got {url!r}")
    return url
