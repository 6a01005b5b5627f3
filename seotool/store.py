"""Every audit is kept in a SQLite file (default ``.seotool/audits.db``) so later commands can list
and compare audits. Nothing to install or start; the file is created on first use."""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path
from typing import Any

from seotool.errors import SeotoolError

DEFAULT_DB = Path(".seotool") / "audits.db"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS audits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    targets TEXT NOT NULL,
    pages INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    notices INTEGER NOT NULL,
    interrupted INTEGER NOT NULL DEFAULT 0,
    result BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS findings (
    audit_id INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    url TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS findings_audit ON findings(audit_id);
"""


class Store:
    def __init__(self, path: Path = DEFAULT_DB) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(path)
            self.conn.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise SeotoolError(f"cannot open the audit store {path}: {exc}") from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save(self, result: dict[str, Any]) -> int:
        sev = result["summary"]["by_severity"]
        blob = zlib.compress(json.dumps(result, ensure_ascii=False).encode("utf-8"))
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO audits (started_at, finished_at, targets, pages, errors, warnings, notices, interrupted, result)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (result["started_at"], result["finished_at"], json.dumps(result["targets"]), len(result["pages"]),
                 sev.get("error", 0), sev.get("warning", 0), sev.get("notice", 0), int(bool(result.get("interrupted"))), blob),
            )
            audit_id = int(cur.lastrowid)
            self.conn.executemany(
                "INSERT INTO findings (audit_id, fingerprint, rule, severity, url) VALUES (?, ?, ?, ?, ?)",
                [(audit_id, f["fingerprint"], f["rule"], f["severity"], f["url"]) for f in result["findings"]],
            )
        return audit_id

    def list(self, limit: int = 50) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT id, started_at, finished_at, targets, pages, errors, warnings, notices, interrupted"
            " FROM audits ORDER BY id DESC LIMIT ?", (limit,))
        keys = ("id", "started_at", "finished_at", "targets", "pages", "errors", "warnings", "notices", "interrupted")
        out = []
        for row in rows:
            d = dict(zip(keys, row, strict=True))
            d["targets"] = json.loads(d["targets"])
            out.append(d)
        return out

    def load(self, audit_id: int) -> dict[str, Any]:
        row = self.conn.execute("SELECT result FROM audits WHERE id = ?", (audit_id,)).fetchone()
        if row is None:
            raise SeotoolError(f"no audit with id {audit_id} in {self.path}")
        return json.loads(zlib.decompress(row[0]).decode("utf-8"))

    def latest_id(self) -> int | None:
        row = self.conn.execute("SELECT MAX(id) FROM audits").fetchone()
        return row[0] if row and row[0] is not None else None
