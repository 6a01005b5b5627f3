"""Stored audits: find one by id or file, and list them (``seotool history``).

An audit reference is a path to an audit JSON file, an id from the store, ``latest`` or
``previous`` (the one before latest)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from seotool.errors import InputError
from seotool.store import DEFAULT_DB, Store

ALIASES = ("latest", "previous")


def load_audit(ref: str, db: Path | None = None) -> dict[str, Any]:
    """The audit result that ``ref`` names. Raises InputError with a one-line reason otherwise."""
    path = Path(ref)
    if path.is_file():
        return read_audit_file(path)
    if ref.isdigit() or ref in ALIASES:
        db = db or DEFAULT_DB
        if not db.is_file():
            raise InputError(f"no audit store at {db}: run 'seotool audit' first, or give an audit JSON file")
        with Store(db) as store:
            audit_id = _resolve_id(store, ref)
            result = store.load(audit_id)
        result.setdefault("audit_id", audit_id)
        return result
    if path.suffix.lower() == ".json" or "/" in ref:
        raise InputError(f"audit file not found: {ref}")
    raise InputError(f"{ref!r} is neither an audit JSON file nor an audit id (see 'seotool history')")


def read_audit_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not an audit JSON file ({exc})") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not is_audit(data):
        raise InputError(f"{path}: not a seotool audit result (write one with 'seotool audit ... --format json -o FILE')")
    return data


def is_audit(data: Any) -> bool:
    return (isinstance(data, dict) and isinstance(data.get("findings"), list) and isinstance(data.get("pages"), list)
            and "schema_version" in data)


def _resolve_id(store: Store, ref: str) -> int:
    if ref.isdigit():
        return int(ref)
    ids = [row["id"] for row in store.list(limit=2)]
    if not ids:
        raise InputError(f"the audit store {store.path} holds no audits yet")
    if ref == "latest":
        return ids[0]
    if len(ids) < 2:
        raise InputError(f"the audit store {store.path} holds only one audit, so there is no 'previous'")
    return ids[1]


def list_audits(db: Path | None = None, limit: int = 20) -> list[dict[str, Any]]:
    db = db or DEFAULT_DB
    if not db.is_file():
        return []
    with Store(db) as store:
        return store.list(limit=limit)


def format_history(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no audits stored yet (each 'seotool audit' is kept unless --no-store)\n"
    header = f"{'id':>4}  {'finished (UTC)':<19}  {'pages':>5}  {'errors':>6}  {'warnings':>8}  {'notices':>7}  targets"
    lines = [header]
    for r in rows:
        when = str(r.get("finished_at") or "")[:19].replace("T", " ")
        targets = ", ".join(str(t) for t in r.get("targets") or [])
        if len(targets) > 60:
            targets = targets[:59] + "…"
        flag = " (interrupted)" if r.get("interrupted") else ""
        lines.append(f"{r['id']:>4}  {when:<19}  {r['pages']:>5}  {r['errors']:>6}  {r['warnings']:>8}  {r['notices']:>7}  "
                     f"{targets}{flag}")
    return "\n".join(lines) + "\n"
