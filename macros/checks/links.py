"""Checks on the built site: every internal link and anchor resolves.

Reads every HTML file once, collects its ids, then resolves every internal
href (relative or site-absolute) to a file and, where it has one, a fragment.
Run after each build (on_post_build) and by the tests.

A regex scan rather than a full parse: the site is MkDocs' own output, and
this runs on every build. Links are resolved as plain paths (most are
"#fragment" or "../page/#fragment"), each distinct target looked up once.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

_ID = re.compile(r"""<[^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_LINK = re.compile(r"""<(?:a|link|script|img)\b[^>]*?\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
_CODE = re.compile(r"<(script|style)\b([^>]*)>.*?</\1>", re.S | re.I)


def broken_links(site: Path, being_written: frozenset[str] = frozenset()) -> list[str]:
    """One line per internal link whose page or anchor does not exist, naming the built page."""
    return [f"{where}: link {href!r} points to {what}" for where, href, what in find_broken_links(site, being_written)]


def find_broken_links(site: Path, being_written: frozenset[str] = frozenset()) -> list[tuple[str, str, str]]:
    """(built page, href, what it points to) for each internal link whose page or anchor does not exist.

    `being_written`: files (paths relative to the site) that the build is still writing, which count as there.
    """
    files = sorted(site.rglob("*.html"))
    texts = {file.relative_to(site).as_posix(): _without_code(file.read_text(encoding="utf-8")) for file in files}
    ids: dict[str, set[str]] = {}
    targets: dict[str, str | None] = {}  # site path -> the file it serves, relative to the site

    def ids_of(page: str) -> set[str]:
        if page not in ids:
            ids[page] = {html.unescape(m.group(1) or m.group(2) or "") for m in _ID.finditer(texts[page])}
        return ids[page]

    def target_of(path: str) -> str | None:
        if path not in targets:
            candidate = unquote(path).strip("/")
            found: str | None = None
            if candidate in texts or candidate in being_written or (candidate and (site / candidate).is_file()):
                found = candidate
            elif (site / candidate / "index.html").is_file() or posixpath.join(candidate, "index.html") in texts:
                found = posixpath.join(candidate, "index.html") if candidate else "index.html"
            targets[path] = found
        return targets[path]

    problems: list[tuple[str, str, str]] = []
    for where, text in texts.items():
        folder = posixpath.dirname(where)
        for href in _internal_hrefs(text):
            path, _, fragment = href.partition("#")
            path = path.partition("?")[0]
            if path:
                dest = target_of(path if path.startswith("/") else posixpath.normpath(posixpath.join("/", folder, path)))
            else:
                dest = where
            if dest is None:
                problems.append((where, href, "a page that does not exist"))
                continue
            if fragment and dest.endswith(".html") and unquote(fragment) not in ids_of(dest):
                problems.append((where, href, "an anchor that does not exist"))
    return problems


def _internal_hrefs(text: str) -> list[str]:
    """Every href and src in the page that stays on the site (another host or scheme: the
    no-external-request test covers those)."""
    hrefs = []
    for link in _LINK.finditer(text):
        href = link.group(1) or link.group(2) or ""
        if "&" in href:
            href = html.unescape(href)
        if href and not _SCHEME.match(href):
            hrefs.append(href)
    return hrefs


def _without_code(text: str) -> str:
    """Drop inline scripts and styles, whose text may look like tags (scripts with a src stay)."""
    return _CODE.sub(lambda m: m.group(0) if "src=" in m.group(2) else "", text)
