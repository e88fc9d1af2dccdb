"""How much a reader has to read: visible words, repeated quotations, "not stated".

    .venv/bin/python bench/words.py            # reads site/ (build it first)
    .venv/bin/python bench/words.py --site path/to/site --json

For each page of the built site it prints:

- visible words: the words of the page's <article>, not counting the
  footnotes, the footnote numbers, the heading permalinks (¶) or anything
  inside a collapsed <details> block (a reader must open it to read it);
- the most times any one quotation appears on the page: every block quote
  and every inline quotation (text between “ and ”, or in <q>) of at least
  five words is a quotation (a source's headline, used as its name, is
  not); a quotation "appears" each time it stands
  inside a visible quotation on the page, whole or as part of a longer one;
- how many times "not stated" stands in the visible body text.

Explainer pages are the pages readers read for the story, the ten pages the
editor's review counted: not the article copies under sources/<id>/ (the
archive pages), not the Sources page (sources/, the cards describing the
articles; its cited words are printed on their own line) and not the site
pages that open with the "About this page" note (they make no claims). The
total is over explainer pages only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parent.parent
MIN_QUOTE_WORDS = 5
INLINE_QUOTE = re.compile(r"“([^“”]+)”")
WORD = re.compile(r"\S+")


@dataclass
class PageFigures:
    page: str
    explainer: bool
    words: int
    top_quote_count: int
    top_quote: str
    not_stated: int


def _visible_article(html: str) -> Tag | None:
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.md-content__inner") or soup.find("article")
    if article is None:
        return None
    for hidden in article.select(".footnote, sup[id^='fnref'], a.footnote-ref, a.headerlink, script, style, "
                                 "details:not([open]) > :not(summary), .md-source-file"):
        hidden.decompose()
    return article


def _normal(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2026", "...")
    text = re.sub(r"[\"“”]", "", text)
    return re.sub(r"\s+", " ", text).strip(" .,;:?!").lower()


def _quotations(article: Tag) -> list[str]:
    found: list[str] = []
    for block in article.find_all("blockquote"):
        found.append(_normal(block.get_text(" ")))
    for q in article.find_all("q"):
        found.append(_normal(q.get_text(" ")))
    text = " ".join(t for t in article.find_all(string=True)
                    if not any(p.name in ("blockquote", "q") for p in t.parents))
    for match in INLINE_QUOTE.finditer(text):
        found.append(_normal(match.group(1)))
    return [q for q in found if len(WORD.findall(q)) >= MIN_QUOTE_WORDS]


def _headlines() -> list[str]:
    """The sources' headlines: a headline used as a source's name is a label, not a quotation."""
    data = yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))
    return [_normal(s["headline"]) for s in data["sources"] if s.get("headline")]


def _top_quote(quotes: list[str]) -> tuple[int, str]:
    headlines = _headlines()
    quotes = [q for q in quotes if not any(q in h for h in headlines)]
    best, best_quote = 0, ""
    for quote in set(quotes):
        count = sum(1 for other in quotes if quote in other)
        if count > best or (count == best and len(quote) > len(best_quote)):
            best, best_quote = count, quote
    return best, best_quote


def measure_page(path: Path, site: Path) -> PageFigures | None:
    rel = path.relative_to(site).as_posix()
    if rel in ("404.html",) or rel.startswith(("assets/", "search/")):
        return None
    html = path.read_text(encoding="utf-8")
    article = _visible_article(html)
    if article is None:
        return None
    page = rel.removesuffix("index.html") or "/"
    archive = rel.startswith("sources/")  # the article copies, and the Sources page describing them
    site_page = article.select_one(".site-page-note") is not None
    text = article.get_text(" ")
    top, top_quote = _top_quote(_quotations(article))
    return PageFigures(page=page, explainer=not archive and not site_page, words=len(WORD.findall(text)),
                       top_quote_count=top, top_quote=top_quote,
                       not_stated=len(re.findall(r"\bnot stated\b", text, re.I)))


def measure_site(site: Path) -> list[PageFigures]:
    pages = [measure_page(p, site) for p in sorted(site.rglob("index.html"))]
    return [p for p in pages if p is not None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"no built site at {args.site}: run NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict", file=sys.stderr)
        return 1
    pages = measure_site(args.site)
    explainers = [p for p in pages if p.explainer]
    total = sum(p.words for p in explainers)
    if args.json:
        print(json.dumps({"total_words": total, "pages": [asdict(p) for p in pages]}, indent=1, ensure_ascii=False))
        return 0
    print(f"{'page':<34}{'words':>7}{'top quote':>11}{'not stated':>12}")
    for p in pages:
        if p.explainer:
            print(f"{p.page:<34}{p.words:>7}{p.top_quote_count:>10}x{p.not_stated:>12}")
    print(f"{'TOTAL (explainer pages)':<34}{total:>7}{max((p.top_quote_count for p in explainers), default=0):>10}x"
          f"{sum(p.not_stated for p in explainers):>12}")
    worst = max(explainers, key=lambda p: p.top_quote_count, default=None)
    if worst and worst.top_quote_count > 1:
        print(f"\nmost repeated quotation: {worst.top_quote_count}x on {worst.page}: “{worst.top_quote}”")
    others = [p for p in pages if not p.explainer]
    sources_page = next((p for p in others if p.page == "sources/"), None)
    if sources_page:
        print(f"\nSources page (cards, cited; not in the total): {sources_page.words} words, "
              f"{sources_page.not_stated} 'not stated'")
    if others:
        print("\nnot counted (archive copies and site pages): " + ", ".join(p.page for p in others))
    return 0


if __name__ == "__main__":
    sys.exit(main())
