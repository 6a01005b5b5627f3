"""`seotool audit http://...` as a user runs it: a real subprocess against real servers on
127.0.0.1 — a normal crawl, an unreachable host, garbage bytes, --include/--exclude, and Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from tests.crawl.helpers import html
from tests.crawl.routes import closed_port
from tests.support.server import Response, page, serve, slow

CLI = [sys.executable, "-c", "from seotool.cli import main; main()"]


def audit(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, "audit", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def report(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def states(result: dict) -> dict[str, tuple[str, str | None]]:
    return {p["url"]: (p["state"], p["reason"]) for p in result["pages"]}


def test_audit_a_site_over_http(tmp_path):
    routes = {"/": page(html("/about", "/contact", title="Clinic")), "/about": page(html("/", title="About")),
              "/contact": page(html(title="Contact"))}
    out = tmp_path / "report.json"
    with serve(routes) as srv:
        proc = audit(srv.url("/"), "--format", "json", "--output", str(out), "--fail-on", "never", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    result = report(out)
    assert states(result) == {srv.url(p): ("fetched", None) for p in ("/", "/about", "/contact")}
    titles = {p["url"]: p["title"] for p in result["pages"]}
    assert titles[srv.url("/about")] == "About"
    assert all(p["status"] == 200 and p["content_type"].startswith("text/html") for p in result["pages"])


def test_unreachable_host_is_one_line_and_exit_3(tmp_path):
    proc = audit(f"http://127.0.0.1:{closed_port()}/", cwd=tmp_path)
    assert proc.returncode == 3, proc.stderr
    err = proc.stderr.strip()
    assert len(err.splitlines()) == 1 and err.startswith("seotool: error: nothing could be audited")
    assert "refused" in err and "Traceback" not in proc.stderr


def test_a_page_of_garbage_bytes(tmp_path):
    garbage = bytes(range(256)) * 40 + os.urandom(10_000)
    out = tmp_path / "report.json"
    with serve({"/": Response(body=garbage, content_type="text/html")}) as srv:
        proc = audit(srv.url("/"), "--format", "json", "--output", str(out), "--fail-on", "never", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert states(report(out)) == {srv.url("/"): ("fetched", None)}
    # The same bytes with no claim to be HTML: nothing to audit, said in one line.
    with serve({"/": Response(body=garbage, content_type="application/octet-stream")}) as srv:
        proc = audit(srv.url("/"), cwd=tmp_path)
    assert proc.returncode == 3 and "not-html" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_include_and_exclude_from_the_command_line(tmp_path):
    routes = {"/": page(html("/blog/post", "/blog/draft-1", "/shop")), "/blog/post": page(html()),
              "/blog/draft-1": page(html()), "/shop": page(html())}
    out = tmp_path / "report.json"
    with serve(routes) as srv:
        proc = audit(srv.url("/"), "--include", "/blog/", "--exclude", "draft", "--format", "json",
                     "--output", str(out), "--fail-on", "never", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert states(report(out)) == {
        srv.url("/"): ("fetched", None),
        srv.url("/blog/post"): ("fetched", None),
        srv.url("/blog/draft-1"): ("skipped", "excluded"),
        srv.url("/shop"): ("skipped", "excluded"),
    }
    proc = audit(srv.url("/"), "--include", "([unclosed", cwd=tmp_path)
    assert proc.returncode == 2 and "not a valid regular expression" in proc.stderr


def test_ctrl_c_mid_crawl_reports_what_was_gathered(tmp_path):
    routes = {"/": page(html(*[f"/p{i}" for i in range(60)]))}
    routes.update({f"/p{i}": slow(0.5, html()) for i in range(60)})
    out = tmp_path / "report.json"
    with serve(routes) as srv:
        proc = subprocess.Popen([*CLI, "audit", srv.url("/"), "--format", "json", "--output", str(out),
                                 "--concurrency", "2", "--fail-on", "never"],
                                cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 60
            while sum(n for path, n in srv.hits.items() if path.startswith("/p")) < 4:
                assert proc.poll() is None and time.monotonic() < deadline, "the crawl did not get going"
                time.sleep(0.05)
            proc.send_signal(signal.SIGINT)
            stopped_at = time.monotonic()
            stdout, stderr = proc.communicate(timeout=60)
            took = time.monotonic() - stopped_at
        finally:
            if proc.poll() is None:
                proc.kill()
        requested = sum(n for path, n in srv.hits.items() if path.startswith("/p"))
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "interrupted" in stderr
    print(f"stopped {took:.2f} s after SIGINT, {requested} pages requested")
    assert took < 20  # 60 slow pages over 2 workers would take 15 s more; checks and reports take some
    assert requested < 30  # it stopped fetching
    result = report(out)
    assert result["interrupted"] is True
    got = states(result)
    assert got[srv.url("/")] == ("fetched", None)
    fetched = [u for u, (s, _r) in got.items() if s == "fetched" and u != srv.url("/")]
    assert fetched, "the pages fetched before Ctrl-C are in the report"
    assert len(got) == 61 and ("skipped", "interrupted") in got.values()  # every URL seen has a state
