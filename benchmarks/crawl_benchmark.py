"""Crawl benchmark: generate N pages, serve them on 127.0.0.1 (in another process, so the
figures are the crawler's alone), crawl them, print pages/s, CPU seconds and peak RSS.

    .venv/bin/python benchmarks/crawl_benchmark.py                 # 1,000 and 2,000 pages
    .venv/bin/python benchmarks/crawl_benchmark.py --pages 5000 --concurrency 8

Each size runs in a fresh process so peak RSS is not carried over from the previous run."""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def serve_forever(n: int, port_queue) -> None:
    from tests.crawl.generated import generated_routes
    from tests.support.server import serve

    with serve({}) as srv:
        srv.routes.update(generated_routes(n, srv.origin))
        port_queue.put(srv.server_address[1])
        while True:
            time.sleep(3600)


def measure(n: int, concurrency: int) -> dict:
    ctx = multiprocessing.get_context("fork")
    ports = ctx.Queue()
    server = ctx.Process(target=serve_forever, args=(n, ports), daemon=True)
    server.start()
    port = ports.get(timeout=60)
    try:
        from seotool.config import Config, defaults
        from seotool.crawl.crawler import crawl
        from seotool.progress import Progress
        from seotool.site import Site

        data = defaults()
        data["crawl"].update(max_pages=n * 2, max_depth=1000, concurrency=concurrency)
        config = Config(data)
        url = f"http://127.0.0.1:{port}/"
        site = Site(targets=[url], config=config)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        cpu0 = time.process_time()
        t0 = time.perf_counter()
        crawl([url], config, site, Progress(quiet=True))
        wall = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
    finally:
        server.terminate()
    fetched = sum(1 for r in site.records.values() if r.state == "fetched")
    return {"pages": n + 2, "fetched": fetched, "records": len(site.records), "concurrency": concurrency,
            "wall_s": round(wall, 2), "pages_per_s": round(fetched / wall, 1), "cpu_s": round(cpu, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "rss_before_crawl_mb": round(rss_before / 1024, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 2000], help="generated pages per run")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: measure one size here
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.concurrency)))
        return 0
    print(f"{'pages':>6} {'fetched':>8} {'wall s':>7} {'pages/s':>8} {'CPU s':>6} {'peak RSS MB':>12} {'(before crawl)':>15}")
    for n in args.pages:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--concurrency", str(args.concurrency)],
                             capture_output=True, text=True, check=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(f"{r['pages']:>6} {r['fetched']:>8} {r['wall_s']:>7} {r['pages_per_s']:>8} {r['cpu_s']:>6} "
              f"{r['peak_rss_mb']:>12} {r['rss_before_crawl_mb']:>15}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
