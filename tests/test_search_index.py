"""The site's search, as a reader uses it: what the search box can find, read from the built search index.

A result leads to the heading its words are under. The footnotes repeat the
articles' sentences and sit at the end of each page, so indexed they showed as
hits under the page's last heading, and each reference's number ran into the
sentence it follows ("December 2021.271"). The engine marks both with
Material's search exclusion (`data-search-exclude`); the articles' own words
stay findable on their archive pages.
"""

from __future__ import annotations

import json
import re

from conftest import BuiltSite
from test_site import EXPLAINER_PAGES, SOURCE_IDS

from macros.mkdocs_adapter.plugin import SEARCH_EXCLUDE


def _index(site: BuiltSite) -> list[dict[str, str]]:
    return json.loads((site.path / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def _text_of(site: BuiltSite, url: str) -> str:
    """Everything the index holds for one page, tags dropped and spaces collapsed."""
    entries = [e for e in _index(site) if e["location"].split("#")[0] == url]
    assert entries, f"{url or 'home'} is not in the search index"
    return _plain(" ".join(e["title"] + " " + e["text"] for e in entries))


def _plain(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def test_the_footnotes_and_references_carry_the_search_exclusion(site: BuiltSite):
    for url in EXPLAINER_PAGES:
        article = site.page(url).select_one("article")
        block = article.select_one("div.footnote")
        assert block is not None and block.has_attr(SEARCH_EXCLUDE), url
        refs = article.select("a.footnote-ref")
        assert refs and all(ref.has_attr(SEARCH_EXCLUDE) for ref in refs), url


def test_search_finds_each_pages_own_words_and_not_its_footnotes(site: BuiltSite):
    for url in EXPLAINER_PAGES:
        indexed = _text_of(site, url)
        article = site.page(url).select_one("article")
        notes = article.select("div.footnote li[id^='fn:']")
        assert notes, url
        for note in notes:
            whole = _plain(note.get_text())  # the source, its headline, the sentence quoted
            assert whole[:120] not in indexed, f"{url}: a footnote is in the search index: {whole[:120]!r}"
        cited = 0
        for ref in article.select("a.footnote-ref"):
            before = ref.previous_sibling
            if not isinstance(before, str) or len(before.strip()) < 12:
                continue
            tail = _plain(before)[-12:]
            assert tail + ref.get_text() not in indexed, f"{url}: a reference's number runs into {tail!r}"
            cited += tail in indexed
        assert cited >= 5, f"{url}: the sentences before the references are not found ({cited})"


def test_the_articles_words_are_found_on_their_archive_pages(site: BuiltSite):
    for source_id in SOURCE_IDS:
        url = f"sources/{source_id}/"
        passage = site.page(url).select_one("article mark, article [id^='q-']")
        assert passage is not None, url
        words = _plain(passage.get_text())[:60]
        assert words and words in _text_of(site, url), f"{url}: {words!r} is not found by search"

