"""Checks on the built site: every internal link and anchor resolves.

Reads every HTML file once, collects its ids, then resolves every internal
href (relative or site-absolute) to a file and, where it has one, a fragment.
Run after each build (hooks.on_post_build) and by the tests; linkchecker
covers the same links over HTTP in the tests.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

BASE = "http://site.invalid/"
# A regex scan rather than a full parse: the site is MkDocs' own output, and
# this runs on every build (a parse took a sixth of the build).
_ID = re.compile(r"""<[^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_LINK = re.compile(r"""<(?:a|link|script|img)\b[^>]*?\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def _target_file(site: Path, path: str) -> Path | None:
    candidate = site / unquote(path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path) -> list[str]:
    """One line per internal link whose page or anchor does not exist."""
    texts: dict[Path, str] = {}
    ids: dict[Path, set[str]] = {}

    def parsed(file: Path) -> set[str]:
        if file not in ids:
            texts[file] = _without_code(file.read_text(encoding="utf-8"))
            ids[file] = {html.unescape(m.group(1) or m.group(2) or "") for m in _ID.finditer(texts[file])}
        return ids[file]

    problems: list[str] = []
    for file in sorted(site.rglob("*.html")):
        parsed(file)
        page_url = urljoin(BASE, file.relative_to(site).as_posix())
        for link in _LINK.finditer(texts[file]):
            href = html.unescape(link.group(1) or link.group(2) or "")
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


def _without_code(text: str) -> str:
    """Drop inline scripts and styles, whose text may look like tags."""
    return re.sub(r"<(script|style)\b[^>]*>.*?</\1>", lambda m: m.group(0) if "src=" in m.group(0)[:200] else "", text, flags=re.S | re.I)
