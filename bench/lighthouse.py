"""Lighthouse (mobile, simulated throttling) on every page of the built site, served with gzip.

    .venv/bin/python bench/lighthouse.py                  # builds the site, audits every page
    .venv/bin/python bench/lighthouse.py --site site/ --pages "" sides/ truces/

Builds the site (strict) into a temporary folder unless --site names a built
one, serves it from a local Python server that compresses text responses with
gzip (as any real host does), and runs the `lighthouse` npm package
(package.json, `npm ci`) with Debian's Chromium (CHROME_PATH=/usr/bin/chromium)
on each page, one after another. Prints, per page: the performance and
accessibility scores, largest contentful paint, total blocking time, DOM size
(elements), and the bytes transferred with gzip for everything the page loads
except the search index (which Material's search fetches for the search box).
Ends with the search index's size with gzip, the worst of each and the
heaviest page. Not part of the test suite:
it takes a few minutes, and its scores move with the machine's load.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # one server, page list and Chromium setup with the browser tests
from browser_support import CHROMIUM, CHROMIUM_ARGS, SEARCH_INDEX, page_urls, serve  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text types gzip-compressed when the client accepts it."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        if (path.suffix not in COMPRESSED or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)
        return None


def audit(url: str, out: Path) -> dict[str, Any]:
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
         "--only-categories=performance,accessibility", "--form-factor=mobile", "--throttling-method=simulate",
         "--chrome-flags=" + " ".join(CHROMIUM_ARGS)],
        capture_output=True, text=True, env=env, timeout=300)
    if result.returncode or not out.is_file():
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    transferred = sum(r.get("transferSize", 0) for r in requests if SEARCH_INDEX not in r.get("url", ""))
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "dom": int(audits["dom-size"]["numericValue"]),
        "kb": transferred / 1024,
        "requests": len(requests),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--pages", nargs="*", help="site addresses to audit ('' is the home page; default: all)")
    parser.add_argument("--keep", type=Path, help="keep each page's Lighthouse JSON report in this folder")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        print("bench/lighthouse.py needs the lighthouse npm package: run `npm ci`", file=sys.stderr)
        return 2
    if not Path(CHROMIUM).is_file():
        print(f"bench/lighthouse.py needs Debian's Chromium at {CHROMIUM}: bash scripts/setup.sh --test", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                                   cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
            if build.returncode:
                print(build.stdout + build.stderr, file=sys.stderr)
                return 1
        reports = args.keep or Path(tmp) / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        urls = page_urls(site) if args.pages is None else args.pages
        print(f"{'page':<36} {'perf':>4} {'a11y':>4} {'LCP ms':>7} {'TBT ms':>7} {'DOM':>6} {'KB gz':>6} {'req':>4}")
        results = {}
        with serve(site, _GzipHandler) as base:
            for url in urls:
                name = url.strip("/").replace("/", "_") or "home"
                figures = audit(base + url, reports / f"{name}.json")
                results[url] = figures
                print(f"{url or '(home)':<36} {figures['performance']:>4} {figures['accessibility']:>4} "
                      f"{figures['lcp_ms']:>7.0f} {figures['tbt_ms']:>7.0f} {figures['dom']:>6} {figures['kb']:>6.1f} "
                      f"{figures['requests']:>4}", flush=True)
        index = site / SEARCH_INDEX
        index_kb = len(gzip.compress(index.read_bytes(), compresslevel=6)) / 1024 if index.is_file() else 0.0
    if results:
        print(f"search index (fetched once, by the search box): {index_kb:.1f} KB with gzip")
        heaviest = max(results, key=lambda u: results[u]["kb"])
        print(f"worst: performance {min(r['performance'] for r in results.values())}, "
              f"accessibility {min(r['accessibility'] for r in results.values())}, "
              f"DOM {max(r['dom'] for r in results.values())}, "
              f"TBT {max(r['tbt_ms'] for r in results.values()):.0f} ms; "
              f"heaviest page {heaviest or '(home)'} {results[heaviest]['kb']:.1f} KB with gzip (search index not counted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
