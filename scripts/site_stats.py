"""Print what a reader gets: pages, cited sentences and footnotes of a built site.

Usage: .venv/bin/python scripts/site_stats.py [SITE_DIR]   (default: site/)
"""

from __future__ import annotations

import sys
from pathlib import Path

from bs4 import BeautifulSoup

from macros.checks.uncited import checked_sentences  # the engine, installed by scripts/setup.sh


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    pages = explainer = sentences = cited = footnotes = 0
    for file in sorted(site.rglob("index.html")):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        if article is None:
            continue
        pages += 1
        footnotes += len(article.select("div.footnote li[id^='fn:']"))
        if soup.select_one("[data-cite-exempt='site page']") or file.parent.parent.name == "sources":
            continue
        explainer += 1
        found = checked_sentences(str(article))
        sentences += len(found)
        cited += sum(1 for _, ok in found if ok)
    print(f"pages: {pages} ({explainer} explainer pages checked sentence by sentence)")
    print(f"sentences on explainer pages: {sentences}, with a footnote: {cited}")
    print(f"footnotes (one per distinct passage per page): {footnotes}")


if __name__ == "__main__":
    main()
