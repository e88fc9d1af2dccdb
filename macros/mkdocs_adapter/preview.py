"""The live preview (`mkdocs serve`): a build that fails shows its problems in the browser page.

Under `mkdocs serve`, a failing build would leave the last good pages in the
browser and the problems in the terminal only; and a first build that fails
stops the server. So, when serving, the plugin does not raise: it records
each problem report (the terminal gets it too, word for word), lets MkDocs
finish writing, and then puts the reports over every page it wrote
(`macros/templates/preview_problems.html`). MkDocs sees a build that
passed, so its live reload refreshes the page; once the problems are fixed,
the next build writes the pages without the panel, and the page reloads
again. A published build (`mkdocs build`) raises as before and never holds
the panel.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.pages.templates import render

_BODY = re.compile(r"<body\b[^>]*>", re.I)


class Preview:
    def __init__(self) -> None:
        self.serving = False  # set by on_startup: the command is `mkdocs serve`
        self.reports: list[str] = []

    def start(self) -> None:
        """A new build: nothing found yet."""
        self.reports = []

    @property
    def failed(self) -> bool:
        return bool(self.reports)

    def fail(self, report: str) -> None:
        """A build's problem: raised (mkdocs build), or, under mkdocs serve, shown in the terminal and the page."""
        if not self.serving:
            raise PluginError(report)
        self.reports.append(report)
        print(f"ERROR    -  {report}", file=sys.stderr, flush=True)

    def write(self, site_dir: Path) -> None:
        """The reports over every page written."""
        if not self.reports:
            return
        panel = render("preview_problems.html", reports=self.reports)
        for page in site_dir.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            page.write_text(_BODY.sub(lambda m: m.group() + panel, html, count=1), encoding="utf-8")
