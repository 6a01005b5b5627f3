"""The command line as a new user meets it: real subprocesses, local folders, exit codes and
one-line errors (crawler cases live in tests/crawl/)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-c", "from seotool.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=cwd or ROOT, timeout=120)


def assert_one_line_error(proc, code, *words):
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    err = proc.stderr.strip()
    assert "Traceback" not in proc.stderr
    assert len(err.splitlines()) == 1, err
    assert err.startswith("seotool: error:")
    for w in words:
        assert w in err


def test_version_and_help():
    assert run("--version").stdout.startswith("seotool, version")
    assert "audit" in run("--help").stdout


def test_url_without_scheme(tmp_path):
    assert_one_line_error(run("audit", "clinic.example", cwd=tmp_path), 2, "https://clinic.example")


def test_missing_path(tmp_path):
    assert_one_line_error(run("audit", "no/such/folder", cwd=tmp_path), 2, "no such file or folder")


def test_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    assert_one_line_error(run("audit", "empty", cwd=tmp_path), 3, "nothing to audit")


def test_folder_of_non_html_files(tmp_path):
    d = tmp_path / "assets"
    d.mkdir()
    (d / "logo.png").write_bytes(b"\x89PNG\r\n")
    (d / "notes.txt").write_text("hello")
    assert_one_line_error(run("audit", "assets", cwd=tmp_path), 3, "no .html")


def test_malformed_config(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<title>x</title>")
    (tmp_path / "seotool.toml").write_text("[crawl\nmax_pages=1")
    assert_one_line_error(run("audit", "site", cwd=tmp_path), 2, "seotool.toml", "invalid TOML")
    (tmp_path / "seotool.toml").write_text("[crawl]\nmax_pages = 'ten'\n")
    assert_one_line_error(run("audit", "site", cwd=tmp_path), 2, "crawl.max_pages")


def test_unknown_option_and_format(tmp_path):
    assert_one_line_error(run("audit", ".", "--frobnicate", cwd=tmp_path), 2, "--frobnicate")
    assert_one_line_error(run("audit", ".", "--format", "pdf", cwd=tmp_path), 2, "unknown format")
    assert_one_line_error(run("audit", ".", "--checks", "seo", cwd=tmp_path), 2, "unknown check family")


def test_garbage_bytes_page_is_audited(tmp_path):
    d = tmp_path / "site"
    d.mkdir()
    (d / "index.html").write_bytes(bytes(range(256)) * 40)
    out = tmp_path / "a.json"
    proc = run("audit", "site", "--format", "json", "-o", str(out), "--fail-on", "never", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(out.read_text())
    assert [p["state"] for p in result["pages"]] == ["fetched"]


def test_json_result_shape_and_store(tmp_path):
    d = tmp_path / "site"
    d.mkdir()
    (d / "index.html").write_text("<html lang='en'><title>Home</title><main><p>Hello.</p></main></html>")
    (d / "about.htm").write_text("<title>About</title><p>About us.</p>")
    out = tmp_path / "r.json"
    proc = run("audit", "site", "--format", "json", "-o", str(out), "--fail-on", "never", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(out.read_text())
    for key in ("schema_version", "tool", "targets", "started_at", "finished_at", "config", "pages", "findings", "summary"):
        assert key in result
    assert result["tool"]["name"] == "seotool"
    assert sorted(p["url"] for p in result["pages"]) == ["about.htm", "index.html"]
    assert {p["title"] for p in result["pages"]} == {"Home", "About"}
    assert set(result["summary"]["by_severity"]) == {"error", "warning", "notice"}
    assert (tmp_path / ".seotool" / "audits.db").is_file()
    assert "reports written to" in proc.stdout.strip().splitlines()[-1]


def test_rules_command_lists_and_explains():
    proc = run("rules")
    assert proc.returncode == 0
    for family in ("medical", "readability", "links", "local", "onpage"):
        assert family in proc.stdout
    listed = json.loads(run("rules", "--json").stdout)
    if listed:
        one = listed[0]["id"]
        text = run("rules", one).stdout
        assert one in text and "Why it matters" in text and "How to fix" in text
    assert_one_line_error(run("rules", "nosuch.rule"), 2, "no rule")


def test_marked_section_html_parser_rejects_is_audited(tmp_path):
    """'<![foo[' made html.parser (and bs4) give up on the whole file: it is read as browsers read it."""
    d = tmp_path / "site"
    d.mkdir()
    (d / "odd.html").write_text("<html lang=en><title>Odd</title><body><p>Before.<![foo[x]]> After.</p></body></html>")
    out = tmp_path / "a.json"
    proc = run("audit", "site", "--format", "json", "-o", str(out), "--fail-on", "never", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(out.read_text())
    assert [(p["url"], p["state"], p["word_count"]) for p in result["pages"]] == [("odd.html", "fetched", 2)]


def test_a_file_that_cannot_be_parsed_is_recorded_and_the_rest_audited(tmp_path, monkeypatch):
    from checks import registry
    from seotool.audit import AuditOptions, run_audit
    from seotool.config import Config, defaults
    from seotool.page import Page

    real = Page._build_tree

    def build(html):
        if "BREAK" in html:
            raise RecursionError("maximum recursion depth exceeded")
        return real(html)

    monkeypatch.setattr(Page, "_build_tree", staticmethod(build))
    (tmp_path / "broken.html").write_text("<title>BREAK</title>")
    (tmp_path / "fine.html").write_text("<title>Fine</title><p>Fine words.</p>")
    result = run_audit([str(tmp_path)], Config(defaults(registry().settings())), registry(), AuditOptions(quiet=True))
    states = {p["url"]: (p["state"], p.get("reason"), p.get("detail")) for p in result["pages"]}
    assert states["fine.html"][0] == "fetched"
    assert states["broken.html"] == ("failed", "parse-error", "RecursionError: maximum recursion depth exceeded")


def test_console_script_flushes_everything_before_leaving(tmp_path):
    """The console script (seotool.cli:run) ends with os._exit: stdout must be complete and the
    exit codes those of main."""

    def script(*args):
        return subprocess.run([sys.executable, "-c", "from seotool.cli import run; run()", *args],
                              capture_output=True, text=True, cwd=tmp_path, timeout=120)

    site = tmp_path / "site"
    site.mkdir()
    for i in range(30):
        (site / f"p{i}.html").write_text(f"<html lang=en><title>Page {i}</title><p>Words on page {i}.</p></html>")
    proc = script("audit", "site", "--format", "json", "--no-store", "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["pages"]) == 30  # the whole document, not a cut-off buffer
    assert script("audit", "site", "--format", "json", "--no-store", "--fail-on", "warning").returncode == 1
    assert_one_line_error(script("audit", "no/such/folder"), 2, "no such file or folder")
    assert script("--version").stdout.startswith("seotool, version")


def test_summary_beside_written_reports_lists_the_worst_pages_only(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    for i in range(14):
        (site / f"p{i:02}.html").write_text(f"<html><title>Page {i}</title><p>Words on page {i}.</p></html>")
    out = tmp_path / "a.json"
    proc = run("audit", "site", "--format", "json", "-o", str(out), "--no-store", "--fail-on", "never", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    listed = [line for line in proc.stdout.splitlines() if line.startswith("p") and line.endswith(".html")]
    assert len(listed) == 10
    findings = json.loads(out.read_text())["findings"]
    shown = sum(1 for line in proc.stdout.splitlines() if line.startswith("  ") and ": " in line and line.split()[0] in ("ERROR", "WARNING", "NOTICE"))
    assert f"... and {len([f for f in findings if f['url'] not in listed])} more findings on 4 more pages" in proc.stdout
    assert shown < len(findings)
    # the terminal as the report itself still lists every page
    assert sum(line.endswith(".html") for line in run("audit", "site", "--no-store", "--fail-on", "never",
                                                      cwd=tmp_path).stdout.splitlines()) == 14


def test_hostile_page_gives_a_bounded_report(tmp_path):
    """Crawled text is untrusted: runs of punctuation, sentence-less word dumps, thousands of
    one-word sentences, a 100 KB paragraph. The audit finishes and its report stays small."""
    import random

    rng = random.Random(1)
    words = ["ketamine", "cures", "depression", "is", "not", "100%", "safe", "guaranteed", "the", "and"]
    parts = ["(" * 20_000, " ".join(rng.choice(words) for _ in range(50_000)), "word. " * 20_000,
             " ".join(["Charlotte NC Pain Clinic Near Me"] * 3_000)]
    site = tmp_path / "site"
    site.mkdir()
    (site / "big.html").write_text("<html lang=en><title>Big</title><main><h1>Big</h1>"
                                   + "".join(f"<p>{p}</p>" for p in parts) + "</main></html>")
    out = tmp_path / "a.json"
    proc = run("audit", "site", "--format", "json", "-o", str(out), "--no-store", "--fail-on", "never", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size < 10_000_000  # it was over 1 GB for a page this kind
    findings = json.loads(out.read_text())["findings"]
    assert findings and all(len(f["excerpt"]) <= 1001 and len(f["context"]) <= 2002 for f in findings)
