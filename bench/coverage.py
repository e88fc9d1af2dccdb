"""Is every fact an earlier build showed still reachable in this one?

    .venv/bin/python bench/coverage.py --old path/to/old/site --new site
    .venv/bin/python bench/coverage.py --old path/to/old/site --new site --json

Build the earlier state first, for example:

    git worktree add /tmp/old-site <commit> && cd /tmp/old-site && \\
      NO_MKDOCS_2_WARNING=1 /path/to/.venv/bin/mkdocs build --strict -d /tmp/old-built

A fact here is a cited sentence: the words of an explainer page (or the
Sources page) up to its footnote markers, with the seed passages those
footnotes quote. Sentences with the same words are counted once. An old
sentence is *kept* when some sentence of the new build, shown or inside a
collapsed <details> block, cites a passage that overlaps one of the old
sentence's passages in the same seed, and the new sentences citing such
passages together carry at least --share of the old sentence's content words
(words of four letters or more and numbers, less common words and the names
by which the site attributes: a reporter's surname, an article's headline).
Archive pages (the article copies) do not count as reachable. The rest are
printed with the closest new sentence, for a person to judge: a reworded fact
can fall under the share, and a reader's comment is meant to be gone. It also
lists each quotation the old pages showed (a block quote, or words between
“ and ” of three words or more) that the new pages no longer show whole, so a
quotation cut to a fragment is found even when its words are all still there.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

ROOT = Path(__file__).resolve().parent.parent
BLOCKS = {"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "summary",
          "caption", "blockquote", "div", "tr", "table", "ul", "ol", "details", "figure"}
COMMON = frozenset({
    "that", "this", "with", "from", "were", "which", "their", "they", "have", "said", "says", "according",
    "report", "reported", "article", "articles", "also", "been", "would", "there", "what", "when", "where",
    "about", "after", "before", "into", "than", "them", "then", "those", "these", "other", "such", "some",
    "more", "most", "only", "will", "being", "does", "over", "under", "while", "because", "whom", "whose",
    "itself", "again", "against", "between", "both", "each", "same", "very", "just", "here", "news", "stated",
    "quoted", "quotes", "wrote", "writes",
})
# the names by which the site attributes (a reporter, an outlet, the commentary's headline)
ATTRIBUTION = frozenset({
    "brigida", "brigida's", "sheridan", "vice", "faro", "faro's", "politicians", "like", "bukele", "still",
    "negotiate", "gangs", "deny", "commentary", "unsigned", "accusation",
})
LINK = re.compile(r"([^/]+)/#(q-[0-9a-f]+)")


@dataclass
class Sentence:
    page: str
    text: str
    collapsed: bool
    passages: list[tuple[str, int, int]] = field(default_factory=list)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _words(text: str) -> set[str]:
    text = text.lower().replace("\u2019", "'")
    found = re.findall(r"[a-záéíóúñü0-9][a-záéíóúñü0-9'\-,.]*[a-záéíóúñü0-9]|\d", text)
    return {w for w in found if (len(w) >= 4 or w.isdigit()) and w not in COMMON}


def _seeds() -> dict[str, str]:
    data = yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))
    return {s["id"]: _norm((ROOT / "seeds" / s["file"]).read_text(encoding="utf-8")) for s in data["sources"]}


def _passage(seeds: dict[str, str], source: str, quote: str) -> tuple[str, int, int] | None:
    text, quote = seeds.get(source, ""), _norm(quote)
    start = text.find(quote)
    return (source, start, start + len(quote)) if start >= 0 else None


def _tokens(node: Tag, collapsed: bool, out: list[tuple[str, str | None, bool]]) -> None:
    """Text, footnote references and block breaks of an article, in reading order."""
    for child in node.children:
        if isinstance(child, NavigableString):
            hidden = collapsed or (node.name == "details" and not node.has_attr("open"))
            out.append(("text", str(child), hidden))
            continue
        if not isinstance(child, Tag) or child.name in ("script", "style"):
            continue
        classes: list[str] = list(child.get("class") or [])
        if "footnote" in classes or "headerlink" in classes:
            continue
        if child.name in ("sup", "a") and str(child.get("id", "")).startswith("fnref"):  # <a> alone since issue 9
            link = child if child.name == "a" else child.find("a")
            out.append(("ref", str(link["href"])[4:] if isinstance(link, Tag) else None, collapsed))
            continue
        # a closed <details> hides all but its <summary>
        closed = node.name == "details" and not node.has_attr("open") and child.name != "summary"
        inner = collapsed or closed
        if child.name in BLOCKS:
            out.append(("break", None, inner))
        _tokens(child, inner, out)
        if child.name in BLOCKS:
            out.append(("break", None, inner))


def _split(page: str, tokens: list[tuple[str, str | None, bool]],
           notes: dict[str, tuple[str, int, int] | None]) -> list[Sentence]:
    """Sentences: the text before each run of footnote markers, within one block."""
    found: list[Sentence] = []
    words: list[str] = []
    refs: list[str] = []
    hidden = False
    for kind, value, collapsed in [*tokens, ("break", None, False)]:
        if kind == "ref":
            refs += [value] if value else []
            continue
        if kind == "text" and value is not None and not (refs and value.strip()):
            words.append(value)
            hidden = collapsed
            continue
        passages = [p for r in refs if (p := notes.get(r))]
        if passages:
            found.append(Sentence(page, _norm("".join(words)), hidden, passages))
        words, refs = ([value], []) if kind == "text" and value is not None else ([], [])
        hidden = collapsed
    return found


def _plain(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2026", "...")
    text = re.sub(r"\s+", " ", re.sub(r"[\"“”]", "", text))
    return re.sub(r" ([,.;:?!]|'s\b)", r"\1", text).strip(" .,;:?!").lower()


def _body(article: Tag) -> Tag:
    body = copy.copy(article)
    for hidden in body.select(".footnote, sup[id^='fnref'], a.footnote-ref, a.headerlink, script, style"):
        hidden.decompose()
    return body


def quotations(article: Tag) -> set[str]:
    """Block quotes and inline “…” quotations of three words or more, footnotes left out."""
    article = _body(article)
    found = {_plain(b.get_text(" ")) for b in article.find_all("blockquote")}
    found |= {_plain(q) for q in re.findall(r"“([^“”]+)”", article.get_text(" "))}
    return {q for q in found if len(q.split()) >= 3}


def explainer_articles(site: Path) -> dict[str, Tag]:
    """The article of each explainer page and of the Sources page, without footnotes or permalinks."""
    found: dict[str, Tag] = {}
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/")) or (rel.startswith("sources/") and rel != "sources/index.html"):
            continue
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if article is not None and article.select_one(".site-page-note") is None:
            found[rel.removesuffix("index.html") or "/"] = article
    return found


def cited_sentences(articles: dict[str, Tag], seeds: dict[str, str]) -> list[Sentence]:
    found: list[Sentence] = []
    for page, article in articles.items():
        notes: dict[str, tuple[str, int, int] | None] = {}
        for item in article.select("div.footnote li[id^='fn:']"):
            link, mark = item.select_one("a.cite-link"), item.select_one(".cited-quote")
            match = LINK.search(str(link["href"])) if link is not None else None
            if match and mark is not None:
                notes[str(item["id"])[3:]] = _passage(seeds, match.group(1), mark.get_text())
        tokens: list[tuple[str, str | None, bool]] = []
        _tokens(article, False, tokens)
        found += _split(page, tokens, notes)
    return found


def _overlap(a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def compare(old: list[Sentence], new: list[Sentence], share: float) -> tuple[int, list[dict[str, str]]]:
    distinct = {s.text: s for s in old}
    lost: list[dict[str, str]] = []
    for sentence in distinct.values():
        near = [n for n in new if any(_overlap(a, b) for a in sentence.passages for b in n.passages)]
        wanted = _words(sentence.text) - ATTRIBUTION
        carried = set().union(*(_words(n.text) for n in near)) if near else set()
        if not wanted or len(wanted & carried) / len(wanted) >= share:
            continue
        best = max(near, key=lambda n: len(wanted & _words(n.text)), default=None)
        lost.append({"page": sentence.page, "text": sentence.text, "missing": ", ".join(sorted(wanted - carried)),
                     "closest": f"{best.page}{' (collapsed)' if best.collapsed else ''}: {best.text}" if best else ""})
    return len(distinct), lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--old", type=Path, required=True, help="the earlier built site")
    parser.add_argument("--new", type=Path, default=ROOT / "site", help="the built site to check (default: site/)")
    parser.add_argument("--share", type=float, default=0.75, help="share of content words a kept fact carries")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    for site in (args.old, args.new):
        if not (site / "index.html").exists():
            print(f"no built site at {site}", file=sys.stderr)
            return 1
    seeds = _seeds()
    old_pages, new_pages = explainer_articles(args.old), explainer_articles(args.new)
    total, lost = compare(cited_sentences(old_pages, seeds), cited_sentences(new_pages, seeds), args.share)
    new_text = " ".join(_plain(_body(a).get_text(" ")) for a in new_pages.values())
    old_quotes = {q: page for page, a in old_pages.items() for q in quotations(a)}
    gone = {q: page for q, page in old_quotes.items() if q not in new_text}
    if args.json:
        print(json.dumps({"old_sentences": total, "not_kept": lost, "old_quotations": len(old_quotes),
                          "quotations_not_kept": gone}, indent=1, ensure_ascii=False))
        return 0
    print(f"old cited sentences (distinct): {total}")
    print(f"kept in the new build (shown or collapsed): {total - len(lost)}")
    print(f"to judge by hand: {len(lost)}")
    print(f"old quotations (distinct, three words or more): {len(old_quotes)}; not found whole in the new build: "
          f"{len(gone)}")
    for item in lost:
        print(f"\n- {item['page']}: {item['text']}\n  missing words: {item['missing']}"
              f"\n  closest: {item['closest'] or '(no sentence cites these passages)'}")
    for quote, page in gone.items():
        print(f"\n- quotation on {page}: “{quote}”")
    return 0

if __name__ == "__main__":
    sys.exit(main())
