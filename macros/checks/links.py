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


def broken_links(site: Path) -> list[str]:
    """One line per internal link whose page or anchor does not exist, naming the built page."""
    return [f"{where}: link {href!r} points to {what}" for where, href, what in find_broken_links(site)]


def find_broken_links(site: Path) -> list[tuple[str, str, str]]:
    """(built page, href, what it points to) for each internal link whose page or anchor does not exist."""
    built = _Site(site)
    problems: list[tuple[str, str, str]] = []
    for where, text in built.texts.items():
        for href in _internal_hrefs(text):
            path, _, fragment = href.partition("#")
            dest = built.dest_of(where, path.partition("?")[0])
            if dest is None:
                problems.append((where, href, "a page that does not exist"))
            elif fragment and dest.endswith(".html") and built.lacks_anchor(dest, fragment):
                problems.append((where, href, "an anchor that does not exist"))
    return problems


class _Site:
    """The built site's pages, each read once, with their ids and the files their links resolve to, each found once."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.texts = {file.relative_to(site).as_posix(): _without_code(file.read_text(encoding="utf-8"))
                      for file in sorted(site.rglob("*.html"))}
        self.ids: dict[str, set[str]] = {}
        # Two lookups, as links repeat: (folder, path as linked) -> file, without joining paths again; and the
        # site path those pairs resolve to (many pairs, one path) -> file, without asking the file system again.
        self.resolved: dict[tuple[str, str], str | None] = {}
        self.targets: dict[str, str | None] = {}

    def lacks_anchor(self, page: str, fragment: str) -> bool:
        if page not in self.ids:
            self.ids[page] = {html.unescape(m.group(1) or m.group(2) or "") for m in _ID.finditer(self.texts[page])}
        return unquote(fragment) not in self.ids[page]

    def dest_of(self, where: str, path: str) -> str | None:
        """The file (relative to the site) a link from `where` to `path` leads to; None when there is none."""
        if not path:
            return where
        key = (posixpath.dirname(where), path)
        if key not in self.resolved:
            self.resolved[key] = self._target_of(
                path if path.startswith("/") else posixpath.normpath(posixpath.join("/", key[0], path)))
        return self.resolved[key]

    def _target_of(self, path: str) -> str | None:
        if path not in self.targets:
            candidate = unquote(path).strip("/")
            found: str | None = None
            if candidate in self.texts or (candidate and (self.site / candidate).is_file()):
                found = candidate
            elif (self.site / candidate / "index.html").is_file() or posixpath.join(candidate, "index.html") in self.texts:
                found = posixpath.join(candidate, "index.html") if candidate else "index.html"
            self.targets[path] = found
        return self.targets[path]


def _internal_hrefs(text: str) -> list[str]:
    """Every href and src in the page that stays on the site (another host or scheme: the
    no-external-request test covers those)."""
    hrefs = []
    for link in _LINK.finditer(text):
        href = html.unescape(link.group(1) or link.group(2) or "")
        if href and not _SCHEME.match(href):
            hrefs.append(href)
    return hrefs


def _without_code(text: str) -> str:
    """Drop inline scripts and styles, whose text may look like tags (scripts with a src stay)."""
    return _CODE.sub(lambda m: m.group(0) if "src=" in m.group(2) else "", text)
