"""The quick-start demo: serve the example clinic site on 127.0.0.1 and audit it over real HTTP.

The site's files name their production address (https://www.charlotteketaminecenter.example);
the demo server rewrites it to its own address, as a staging server would, so the crawl stays
on 127.0.0.1. Reports go to out/demo/ (ignored by git), named in the last line printed."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "examples" / "site"
CONFIG = ROOT / "examples" / "seotool.toml"
OUT = Path(os.environ.get("SEOTOOL_DEMO_OUT") or ROOT / "out" / "demo").resolve()
PRODUCTION = "https://www.charlotteketaminecenter.example"


class StagingHandler(SimpleHTTPRequestHandler):
    origin = ""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in (".html", ".xml", ".txt") and path.is_file():
            body = path.read_text(encoding="utf-8").replace(PRODUCTION, self.origin).encode("utf-8")
            ctype = {".html": "text/html; charset=utf-8", ".xml": "application/xml", ".txt": "text/plain"}[path.suffix]
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            import io

            return io.BytesIO(body)
        return super().send_head()


def main() -> int:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(StagingHandler, directory=str(SITE)))
    StagingHandler.origin = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.path.insert(0, str(ROOT))
    from reports import available, extension

    formats = [f for f in ("json", "html", "csv", "md", "sarif", "junit") if f in available()]
    cmd = [sys.executable, "-c", "from seotool.cli import main; main()", "audit", StagingHandler.origin + "/",
           "--config", str(CONFIG), "--output", str(OUT), "--fail-on", "never", "--db", str(OUT / "audits.db")]
    for fmt in formats:
        cmd += ["--format", fmt]
    print(f"serving examples/site at {StagingHandler.origin}/ and auditing it ...", flush=True)
    try:
        code = subprocess.call(cmd, cwd=ROOT)
    finally:
        server.shutdown()
    if code != 0:
        print(f"demo audit failed with exit code {code}", file=sys.stderr)
        return code
    shown = OUT.relative_to(ROOT) if OUT.is_relative_to(ROOT) else OUT
    print(f"demo reports written to {shown}/ ({', '.join('report.' + extension(f) for f in formats)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
