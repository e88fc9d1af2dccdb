"""Helpers for the browser tests: a local server for the built site, Chromium, guards and probes.

The tests drive Debian's Chromium (/usr/bin/chromium) through Playwright's
sync API; `playwright install` is never needed. axe-core comes from
node_modules (package.json). Everything here is plain functions over
Playwright objects, so the tests read as what a reader does.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}
SEARCH_INDEX = "search/search_index.json"


def artifacts_dir() -> Path:
    """Where the run writes its reports (ARTIFACTS_DIR, default test-artifacts/ under the repo)."""
    path = Path(os.environ.get("ARTIFACTS_DIR") or ROOT / "test-artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


def screenshots_dir() -> Path:
    """Where the run saves screenshots (SCREENSHOT_DIR, default test-artifacts/screenshots/)."""
    path = Path(os.environ.get("SCREENSHOT_DIR") or artifacts_dir() / "screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def missing_tools() -> list[str]:
    """What the browser tests need and cannot find, each with how to get it."""
    missing = []
    if not Path(CHROMIUM).is_file():
        missing.append(f"{CHROMIUM} (install Debian's chromium: bash scripts/setup.sh --test)")
    if not AXE.is_file():
        missing.append(f"{AXE.relative_to(ROOT)} (install axe-core from package.json: npm ci)")
    return missing


# --- serving the built site ----------------------------------------------------------

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 at a free port; yield the base URL ('http://127.0.0.1:PORT/').

    bench/lighthouse.py passes a handler that compresses with gzip."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def page_urls(site: Path) -> list[str]:
    """Site-relative URLs of every page: '' for home, 'people/x/' for the others."""
    urls = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        urls.append("" if rel == "." else rel + "/")
    return urls


def is_archive(url: str) -> bool:
    """Archive pages are the seeds' copies under sources/; sources/ itself is the list."""
    return url.startswith("sources/") and url != "sources/"


# --- the network guard ------------------------------------------------------------

@dataclass
class Traffic:
    """Every request a context made: what went to other hosts (aborted) and bytes per page."""

    base_url: str
    outside: list[str] = field(default_factory=list)

    def is_local(self, url: str) -> bool:
        ours, theirs = urlsplit(self.base_url), urlsplit(url)
        if theirs.scheme in {"data", "blob", "about"}:
            return True
        return (theirs.scheme, theirs.netloc) == (ours.scheme, ours.netloc)


def guard(context, base_url: str) -> Traffic:
    """Abort and record any request to a host other than the local server."""
    traffic = Traffic(base_url)

    def route(route, request) -> None:
        if traffic.is_local(request.url):
            route.continue_()
        else:
            traffic.outside.append(request.url)
            route.abort()

    context.route("**/*", route)
    return traffic


# --- probes -----------------------------------------------------------------------

def run_axe(page, only: list[str] | None = None) -> list[dict]:
    """axe-core's violations on the page (all rules, or `only` these): rule id, impact, help, node count."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async only => {
        const options = {resultTypes: ["violations"], noHtml: true};
        if (only) options.runOnly = {type: "rule", values: only};
        const result = await axe.run(document, options);
        return result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
            targets: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
    }""", only)


def horizontal_overflow(page) -> dict | None:
    """None when the page does not scroll sideways; else the widths and the widest culprits."""
    return page.evaluate("""() => {
        const root = document.documentElement;
        if (root.scrollWidth <= root.clientWidth) return null;
        const wide = [...document.querySelectorAll("body *")]
            .filter(el => el.getBoundingClientRect().right > root.clientWidth + 1)
            .filter(el => !el.closest(".md-sidebar, .md-search, .md-tooltip2"))
            .slice(0, 5)
            .map(el => el.tagName.toLowerCase() + (el.className && typeof el.className === "string"
                     ? "." + el.className.trim().split(/\\s+/).join(".") : ""));
        return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits: wide};
    }""")


@dataclass
class Network:
    """The requests of one page: what is in flight, and the bytes of each finished one."""

    page: object
    pending: set = field(default_factory=set)
    finished: list[tuple[str, int]] = field(default_factory=list)
    last_change: float = 0.0

    @classmethod
    def watch(cls, page) -> Network:
        network = cls(page, last_change=time.monotonic())

        def started(request) -> None:
            network.pending.add(request)
            network.last_change = time.monotonic()

        def done(request) -> None:
            sizes = request.sizes()
            network.finished.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))
            ended(request)

        def ended(request) -> None:
            network.pending.discard(request)
            network.last_change = time.monotonic()

        page.on("request", started)
        page.on("requestfinished", done)
        page.on("requestfailed", ended)
        return network

    def settle(self, quiet: float = 0.25, timeout: float = 5.0) -> None:
        """After the load event, wait until no request has been in flight for `quiet` seconds.

        Material starts its search worker and fetches the search index after
        the load event; this waits for those too, much faster than networkidle.
        """
        self.page.wait_for_load_state("load")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.pending and time.monotonic() - self.last_change >= quiet:
                return
            self.page.wait_for_timeout(50)

    def reset(self) -> None:
        """Forget what was measured, before the page goes to the next URL."""
        self.pending.clear()
        self.finished.clear()
        self.last_change = time.monotonic()

    def bytes_excluding(self, suffix: str) -> int:
        return sum(size for url, size in self.finished if not urlsplit(url).path.endswith(suffix))


# --- text ---------------------------------------------------------------------------

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                       "\u00a0": " ", "\u2026": "..."})


def normalized(text: str) -> str:
    """Text as a reader compares it: typography folded, whitespace collapsed, case ignored."""
    return re.sub(r"\s+", " ", text.translate(_FOLD)).strip().lower()


def write_json(name: str, data: object) -> Path:
    path = artifacts_dir() / name
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
