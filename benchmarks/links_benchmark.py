"""Benchmark: a full ``seotool audit`` (all families) of a generated clinic site, beside
linkchecker's recursive check of the same site with the same concurrency.

    .venv/bin/python benchmarks/links_benchmark.py 2000
    .venv/bin/python benchmarks/links_benchmark.py 500 --concurrency 10 --linkchecker /tmp/lcvenv/bin/linkchecker

The site (tests/links/sitegen.py) has N pages with navigation, related pages, images, a PDF,
links out to a second "external" origin and a known set of broken links. Both origins are served
on 127.0.0.1 by a threaded HTTP/1.1 server in its own process (so its CPU is not counted and it
is not the bottleneck). Each tool runs as a child of a small launcher that reports the child's
wall time, CPU seconds and peak RSS from getrusage. linkchecker is never a project dependency:
install it in a separate venv (``python3 -m venv /tmp/lcvenv && /tmp/lcvenv/bin/pip install
linkchecker``); without it only seotool is measured.

This is a script that prints figures, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.links.sitegen import generate  # noqa: E402

# Runs a command and prints {"wall": s, "cpu": s, "rss_mb": MB, "rc": n} of that one child.
LAUNCHER = """
import json, resource, subprocess, sys, time
t = time.monotonic()
p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
wall = time.monotonic() - t
r = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.buffer.write(p.stdout)
print(json.dumps({"wall": wall, "cpu": r.ru_utime + r.ru_stime, "rss_mb": r.ru_maxrss / 1024, "rc": p.returncode}))
"""

# A quiet threaded HTTP/1.1 static server (keep-alive, like nginx) for one folder.
SERVER = """
import functools, sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
class H(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def end_headers(self):
        # linkchecker's own opt-out of its per-host throttle (0.1-0.6 s between requests)
        self.send_header("LinkChecker", "nothrottle")
        super().end_headers()
class S(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024
    def handle_error(self, request, client_address): pass  # clients closing early is normal
S(("127.0.0.1", int(sys.argv[2])), functools.partial(H, directory=sys.argv[1])).serve_forever()
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


NGINX = """
worker_processes 2;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    types {{ text/html html; text/css css; application/javascript js; image/png png; application/pdf pdf; }}
    default_type application/octet-stream;
    keepalive_requests 100000;
    client_body_temp_path {work}/nginx-tmp;
    server {{ listen 127.0.0.1:{port}; root {root}; index index.html; add_header LinkChecker nothrottle always; }}
}}
"""


def _wait_for(port: int, proc: subprocess.Popen) -> str:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("the benchmark server did not start")


def start_server(folder: Path, kind: str = "python") -> tuple[subprocess.Popen, str]:
    """Serve ``folder`` on 127.0.0.1 with nginx (as the issue's reference figures were measured)
    or, where nginx is not installed, a threaded Python HTTP/1.1 server."""
    port = free_port()
    if kind == "nginx":
        work = folder.parent / f"nginx-{port}"
        (work / "nginx-tmp").mkdir(parents=True)
        conf = work / "nginx.conf"
        conf.write_text(NGINX.format(work=work, port=port, root=folder), encoding="utf-8")
        proc = subprocess.Popen([NGINX_BIN, "-c", str(conf), "-e", str(work / "nginx-error.log")],
                                stderr=subprocess.DEVNULL)
    else:
        proc = subprocess.Popen([sys.executable, "-c", SERVER, str(folder), str(port)])
    return proc, _wait_for(port, proc)


NGINX_BIN = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")


def measure(cmd: list[str], log: Path) -> dict:
    with open(log, "wb") as err:
        out = subprocess.run([sys.executable, "-c", LAUNCHER, *cmd], stdout=subprocess.PIPE, stderr=err, check=False)
    return json.loads(out.stdout.decode().strip().splitlines()[-1])


def run_seotool(url: str, work: Path, n: int, concurrency: int, checks: str) -> tuple[dict, dict]:
    config = work / "seotool.toml"
    config.write_text(
        "[crawl]\n"
        f"max_pages = {n * 2 + 100}\nconcurrency = {concurrency}\nper_host_concurrency = {concurrency}\n"
        "[clinic]\nname = \"Riverside Pain & Wellness Clinic\"\nstreet = \"100 Main St\"\ncity = \"Springfield\"\n"
        "state = \"NC\"\nphone = \"(704) 555-0142\"\n", encoding="utf-8")
    report = work / "audit.json"
    seotool = shutil.which("seotool", path=str(ROOT / ".venv" / "bin")) or "seotool"
    figures = measure([seotool, "audit", url, "--config", str(config), "--format", "json", "--output", str(report),
                       "--quiet", "--no-store", "--fail-on", "never", *(["--checks", checks] if checks else [])],
                      work / "seotool.log")
    result = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
    return figures, result


def run_linkchecker(binary: str, url: str, work: Path, concurrency: int, unthrottled: bool) -> tuple[dict, str]:
    """linkchecker as shipped (it waits 0.1-0.6 s between two requests to one host), or at its
    fastest: no request-rate cap, which needs both its config option and the servers' opt-out header."""
    log = work / f"linkchecker-{'fast' if unthrottled else 'default'}.log"
    # linkchecker drops root privileges to 'nobody': give it a folder it may write in.
    home = work / "lc-home"
    home.mkdir(exist_ok=True)
    os.chmod(home, 0o777)
    rc = home / "linkcheckerrc"
    rate = "maxrequestspersecond=10000\n" if unthrottled else ""
    rc.write_text(f"[checking]\nthreads={concurrency}\n{rate}", encoding="utf-8")
    os.chmod(rc, 0o644)
    env_cmd = ["env", f"HOME={home}", binary, "--config", str(rc), "--threads", str(concurrency), "--check-extern",
               "--no-status", "--no-warnings", "-o", "text", url]
    figures = measure(env_cmd, log)
    summary = ""
    text = log.read_text(encoding="utf-8", errors="replace")
    m = re.search(r"That's it\.(.*)", text)
    if m:
        summary = m.group(1).strip()
    return figures, summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", type=int, help="pages in the generated site")
    ap.add_argument("--concurrency", type=int, default=10, help="requests in flight, for both tools (default 10)")
    ap.add_argument("--linkchecker", default="/tmp/lcvenv/bin/linkchecker", help="linkchecker executable")
    ap.add_argument("--linkchecker-mode", choices=("fast", "default", "both"), default="fast",
                    help="fast: without its per-host throttle (default); default: as shipped (slow); both")
    ap.add_argument("--server", choices=("auto", "nginx", "python"), default="auto",
                    help="what serves the two origins (auto: nginx when installed)")
    ap.add_argument("--checks", default="", help="families for seotool's audit, e.g. links (default: all)")
    ap.add_argument("--keep", action="store_true", help="keep the generated site and logs")
    args = ap.parse_args()

    server = args.server if args.server != "auto" else ("nginx" if NGINX_BIN else "python")
    if server == "nginx" and not NGINX_BIN:
        raise SystemExit("nginx is not installed (apt-get install nginx-light), use --server python")
    work = Path(tempfile.mkdtemp(prefix="seotool-bench-"))
    os.chmod(work, 0o755)  # nginx workers run as an unprivileged user
    ext_root = work / "external"
    ext_root.mkdir()
    ext_proc, ext_origin = start_server(ext_root, server)
    site = generate(work / "site", ext_root, args.pages, ext_origin)
    site_proc, origin = start_server(site.root, server)
    try:
        print(f"site: {len(site.pages)} pages, {site.links} link elements, {len(site.broken)} broken targets "
              f"on {sum(len(v) for v in site.broken.values())} source pages; served by {server}; "
              f"concurrency {args.concurrency}; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
        figures, result = run_seotool(origin + "/", work, args.pages, args.concurrency, args.checks)
        pages = sum(1 for p in result.get("pages", []) if p.get("state") == "fetched")
        links = result.get("summary", {}).get("links", {})
        checked, targets = links.get("links_checked", 0), links.get("targets", 0)
        broken = len(links.get("broken", []))
        wall = figures["wall"]
        print(f"seotool audit ({args.checks or 'all families'}): {wall:.1f} s wall, {figures['cpu']:.1f} s CPU, "
              f"{figures['rss_mb']:.0f} MB peak RSS, exit {figures['rc']}")
        print(f"  {pages} pages fetched = {pages / wall:.0f} pages/s; {checked} links ({targets} distinct targets) "
              f"checked = {checked / wall:.0f} links/s, {targets / wall:.0f} targets/s; "
              f"{broken} broken targets reported (expected {len(site.broken)}); "
              f"{result.get('summary', {}).get('findings', 0)} findings in all")
        if Path(args.linkchecker).exists():
            modes = {"fast": [True], "default": [False], "both": [True, False]}[args.linkchecker_mode]
            for unthrottled in modes:
                lc, summary = run_linkchecker(args.linkchecker, origin + "/", work, args.concurrency, unthrottled)
                how = "unthrottled" if unthrottled else "as shipped"
                print(f"linkchecker {how}, --threads {args.concurrency} --check-extern: {lc['wall']:.1f} s wall, "
                      f"{lc['cpu']:.1f} s CPU, {lc['rss_mb']:.0f} MB peak RSS, exit {lc['rc']}; {summary}")
                print(f"  seotool's audit took {wall / lc['wall']:.2f}x linkchecker's ({how}) wall time")
        else:
            print(f"linkchecker not found at {args.linkchecker}: skipped")
        if args.keep:
            print(f"kept: {work}")
    finally:
        for proc in (site_proc, ext_proc):
            proc.terminate()
            proc.wait(timeout=10)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
