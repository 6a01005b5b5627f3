"""Stored audits through the command line: history, diff and report (re-rendering)."""

from __future__ import annotations

import csv
import json

import pytest

from seotool.diff import diff_results
from tests.reports.conftest import SITE, write_site


@pytest.fixture
def two_audits(cli, tmp_path):
    """Audit the fixture site, fix one problem and add a page with a new one, audit again."""
    site = write_site(tmp_path / "site")
    a = cli("audit", "site", "--offline", "-q", "--db", "audits.db", "--format", "json", "-o", "a.json",
            cwd=tmp_path, registry="fixture")
    assert a.code == 1, a
    (site / "index.html").write_text(SITE["index.html"].replace("cures anxiety", "eases anxiety"), encoding="utf-8")
    (site / "faq.html").write_text("<html><head><title>FAQ</title><meta name='description' content='x'></head>"
                                   "<body><a href='index.html'>home</a><p>Results are guaranteed.</p></body></html>",
                                   encoding="utf-8")
    b = cli("audit", "site", "--offline", "-q", "--db", "audits.db", "--format", "json", "-o", "b.json",
            cwd=tmp_path, registry="fixture")
    assert b.code == 1, b
    return tmp_path


def test_history_lists_stored_audits_newest_first(cli, two_audits):
    run = cli("history", "--db", "audits.db", cwd=two_audits)
    assert run.code == 0, run
    lines = run.out.strip().splitlines()
    assert lines[0].split()[:2] == ["id", "finished"]
    assert [line.split()[0] for line in lines[1:]] == ["2", "1"]
    as_json = json.loads(cli("history", "--db", "audits.db", "--json", cwd=two_audits).out)
    assert [r["id"] for r in as_json] == [2, 1] and as_json[0]["pages"] == 5


def test_history_without_a_store_says_so(cli, tmp_path):
    run = cli("history", "--db", "none.db", cwd=tmp_path)
    assert run.code == 0 and "no audits stored yet" in run.out
    assert not (tmp_path / "none.db").exists()


def test_diff_shows_new_fixed_unchanged_and_page_changes(cli, two_audits):
    run = cli("diff", "1", "2", "--db", "audits.db", cwd=two_audits)
    assert run.code == 0, run
    # new: the claim on faq.html and faq.html being an orphan; fixed: the claim on index.html
    assert "findings: 2 new, 1 fixed, 7 unchanged" in run.out
    assert "+ error    faq.html" in run.out and "- error    index.html" in run.out
    assert "pages: 1 added, 0 removed" in run.out and "+ faq.html" in run.out

    data = json.loads(cli("diff", "previous", "latest", "--db", "audits.db", "--format", "json", cwd=two_audits).out)
    assert data["counts"] == {"new": 2, "fixed": 1, "unchanged": 7}
    assert {(f["rule"], f["url"]) for f in data["findings"]["new"]} == {
        ("medical.test-absolute-claim", "faq.html"), ("links.test-orphan-page", "faq.html")}
    assert data["findings"]["new"][0]["excerpt"] == "guaranteed"  # errors first
    assert data["findings"]["fixed"][0]["excerpt"] == "cures"
    index_change = next(c for c in data["pages"]["changed"] if c["url"] == "index.html")
    assert index_change["changes"]["findings"] == {"old": 2, "new": 1}

    # the same comparison from the JSON files
    files = json.loads(cli("diff", "a.json", "b.json", "--format", "json", cwd=two_audits).out)
    assert files["counts"] == data["counts"]


def test_diff_matches_by_fingerprint_not_by_line(result):
    moved = json.loads(json.dumps(result))
    for f in moved["findings"]:
        f["line"] = (f["line"] or 0) + 3
    d = diff_results(result, moved)
    assert d["counts"] == {"new": 0, "fixed": 0, "unchanged": len(result["findings"])}


def test_report_re_renders_a_stored_audit(cli, two_audits):
    run = cli("report", "2", "--db", "audits.db", "--format", "html", "-o", "out.html", cwd=two_audits)
    assert run.code == 0, run
    html = (two_audits / "out.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "faq.html" in html

    run = cli("report", "a.json", "--format", "sarif", "--format", "csv", "--format", "junit", "--format", "md",
              "-o", "reports/", cwd=two_audits)
    assert run.code == 0, run
    folder = two_audits / "reports"
    assert sorted(p.name for p in folder.iterdir()) == ["report.csv", "report.md", "report.sarif", "report.xml"]
    rows = list(csv.DictReader((folder / "report.csv").open(encoding="utf-8-sig", newline="")))
    assert len(rows) == len(json.loads((two_audits / "a.json").read_text())["findings"])


def test_report_fail_on_changes_the_verdicts(cli, two_audits):
    cli("report", "a.json", "--format", "md", "--fail-on", "never", "-o", "never.md", cwd=two_audits)
    assert "report only" in (two_audits / "never.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (("report", "missing.json"), "audit file not found: missing.json"),
    (("report", "7", "--db", "audits.db"), "no audit with id 7"),
    (("report", "nonsense"), "neither an audit JSON file nor an audit id"),
    (("report", "a.json", "--format", "pdf"), "unknown format 'pdf'"),
    (("report", "site/index.html"), "not an audit JSON file"),
    (("diff", "1", "latest", "--db", "empty.db"), "no audit store at empty.db"),
    (("baseline", "bad.json"), "not a seotool audit result"),
])
def test_bad_references_are_one_line_errors(cli, two_audits, args, message):
    (two_audits / "bad.json").write_text('{"hello": 1}', encoding="utf-8")
    run = cli(*args, cwd=two_audits)
    assert run.code == 2, run
    assert message in run.err
    assert len(run.err.strip().splitlines()) == 1 and "Traceback" not in run.err
