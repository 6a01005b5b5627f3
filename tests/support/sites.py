"""Fixture sites kept as folders of files, read into {relative path: text} and edited per test."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def read_site(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*")) if p.is_file()}


def edited(files: dict[str, str], edits: dict[str, Any]) -> dict[str, str]:
    """A copy of ``files`` with ``edits``: a string replaces (or adds) a file, an ``(old, new)``
    tuple or a list of them replaces text that must be there, None deletes the file."""
    files = dict(files)
    for name, edit in edits.items():
        if edit is None:
            files.pop(name)
        elif isinstance(edit, tuple | list):
            for old, new in [edit] if isinstance(edit, tuple) else edit:
                assert old in files[name], f"{old!r} not in {name}"
                files[name] = files[name].replace(old, new)
        else:
            files[name] = edit
    return files
