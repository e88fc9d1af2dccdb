"""Fact-check rules on what a reader sees: each quotation once per page, whole-sentence term tooltips."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT, BuiltSite
from test_site import article, is_explainer, page_urls

HEADLINES = [_h.lower() for _h in (s.get("headline") for s in
             yaml.safe_load((ROOT / "data/sources.yml").read_text())["sources"]) if _h]
QUOTED = re.compile(r"“([^”]+)”")
MIN_WORDS = 4  # shorter quotations are names, titles or printed date words ("last month")


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip(" .,;:!?").lower()


def visible_quotations(site: BuiltSite, url: str) -> list[str]:
    """Quotations in the page's own text (footnotes left out), headlines used as labels left out."""
    body = article(site, url).__copy__()
    for node in body.select("div.footnote, script, style, sup, a.footnote-ref"):
        node.decompose()
    quotes = [_norm(q) for q in QUOTED.findall(body.get_text(" "))]
    return [q for q in quotes
            if len(q.split()) >= MIN_WORDS and not any(h.startswith(q) for h in HEADLINES)]


def test_no_quotation_is_shown_twice_on_a_page(site: BuiltSite):
    problems = []
    for url in page_urls(site):
        if not is_explainer(site, url):
            continue
        quotes = visible_quotations(site, url)
        for q in sorted(set(quotes)):
            if quotes.count(q) > 1:
                problems.append(f"{url or 'home'}: shown {quotes.count(q)} times: “{q}”")
            if any(q != other and q in other for other in quotes):
                problems.append(f"{url or 'home'}: shown again inside a longer quotation: “{q}”")
    assert problems == []


def test_term_tooltips_are_whole_sentences(site: BuiltSite):
    """A glossary link's title is the definition's first sentence, not cut at an abbreviation's dot."""
    cut = []
    for url in page_urls(site):
        for link in site.page(url).select("a.term[title]"):
            title = link["title"]
            if re.search(r"(?:^|\s)(?:[A-Z]\.){2,}$", title) or not re.search(r"[.!?][\"'\u201d\u2019)]*$", title):
                cut.append(f"{url or 'home'}: {link.get_text()!r} -> {title!r}")
    assert cut == []
    barrio = site.page("").select_one("a.term[href$='#barrio-18']")
    assert barrio is not None and "U.S. Treasury accused Bukele" in barrio["title"]
