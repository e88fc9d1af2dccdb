"""Checks on the built site: every internal link and anchor resolves.

Reads every HTML file once, collects its ids, then resolves every internal
href (relative or site-absolute) to a file and, where it has one, a fragment.
Run after each build (hooks.on_post_build) and by the tests; linkchecker
covers the same links over HTTP in the tests.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup

BASE = "http://site.invalid/"


def _target_file(site: Path, path: str) -> Path | None:
    candidate = site / unquote(path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path) -> list[str]:
    """One line per internal link whose page or anchor does not exist."""
    pages: dict[Path, BeautifulSoup] = {}
    ids: dict[Path, set[str]] = {}

    def parsed(file: Path) -> set[str]:
        if file not in ids:
            soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
            pages[file] = soup
            ids[file] = {tag["id"] for tag in soup.find_all(id=True)} | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
        return ids[file]

    problems: list[str] = []
    for file in sorted(site.rglob("*.html")):
        parsed(file)
        page_url = urljoin(BASE, file.relative_to(site).as_posix())
        for tag in pages[file].find_all(["a", "link", "script", "img"]):
            href = tag.get("href") or tag.get("src")
            if not href or href.startswith(("mailto:", "data:")):
                continue
            target = urlparse(urljoin(page_url, href))
            if target.scheme not in ("http", "https") or target.netloc != urlparse(BASE).netloc:
                continue  # another host: the no-external-request test covers these
            dest = _target_file(site, target.path)
            where = file.relative_to(site).as_posix()
            if dest is None:
                problems.append(f"{where}: link {href!r} points to a page that does not exist")
                continue
            if target.fragment and dest.suffix == ".html" and unquote(target.fragment) not in parsed(dest):
                problems.append(f"{where}: link {href!r} points to an anchor that does not exist")
    return problems
