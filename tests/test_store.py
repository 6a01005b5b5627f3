from __future__ import annotations

import sqlite3

import pytest

from seotool.errors import SeotoolError
from seotool.store import Store


def result(n_findings: int, started="2026-11-26T10:00:00+00:00"):
    findings = [{"fingerprint": f"fp{i}", "rule": "links.broken-link", "severity": "error", "url": "a.html"}
                for i in range(n_findings)]
    return {"started_at": started, "finished_at": started, "targets": ["site"], "pages": [{"url": "a.html"}],
            "findings": findings, "summary": {"by_severity": {"error": n_findings, "warning": 0, "notice": 0}}}


def test_save_list_load_roundtrip(tmp_path):
    db = tmp_path / "deep" / "audits.db"
    with Store(db) as store:
        a = store.save(result(2))
        b = store.save(result(0, "2026-11-27T10:00:00+00:00"))
        assert (a, b) == (1, 2)
        listed = store.list()
        assert [row["id"] for row in listed] == [2, 1]
        assert listed[1]["errors"] == 2 and listed[1]["targets"] == ["site"]
        assert store.load(a)["findings"][1]["fingerprint"] == "fp1"
        assert store.latest_id() == 2
    # a real SQLite file that other tools can read
    rows = sqlite3.connect(db).execute("SELECT COUNT(*) FROM findings WHERE audit_id = 1").fetchone()
    assert rows == (2,)


def test_unknown_id(tmp_path):
    with Store(tmp_path / "a.db") as store, pytest.raises(SeotoolError, match="no audit with id 9"):
        store.load(9)


def test_unwritable_location_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(SeotoolError, match="cannot open the audit store"):
        Store(blocker / "audits.db")
