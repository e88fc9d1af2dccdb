"""The home page as a reader arriving from a news link sees it: the short
version first (on the first phone screen), then the three panels, then the
key facts in date order. (The phone-screen check is in test_browser.py,
which owns the browser fixtures.)"""

from __future__ import annotations

from itertools import pairwise
from urllib.parse import urljoin

from conftest import BuiltSite

from macros.checks.uncited import uncited_sentences


def test_the_short_version_leads_with_the_sanctions_and_every_point_is_cited(site: BuiltSite):
    article = site.page("").select_one("article")
    first = article.find(["section", "p", "div"], recursive=False)
    assert first is not None and "short-version" in first.get("class", []), "the short version is not first"
    points = first.select("li")
    assert 5 <= len(points) <= 7
    assert "sanctions" in points[0].get_text() and "December 2021" in points[0].get_text()
    for point in points:
        assert point.select("a.footnote-ref"), point.get_text()
    text = first.get_text(" ")
    for needed in ("Osiris Luna Meza", "Carlos Amílcar Marroquín Chica", "financial incentives",
                   "prohibit American citizens", "obvious lie", "could not independently verify", "2012"):
        assert needed in text, needed


def test_three_panels_each_cited_and_gaps_cite_their_passage(site: BuiltSite):
    article = site.page("").select_one("article")
    panels = article.select("section.panel")
    assert [p.select_one("h3").get_text(strip=True).rstrip("¶") for p in panels] == [
        "Not in dispute", "What is disputed", "What the articles do not tell us"]
    for panel in panels:
        assert uncited_sentences(str(panel)) == []
        for item in panel.select("li"):
            assert item.select("a.footnote-ref"), item.get_text()


def test_key_facts_are_in_date_order_and_no_article_date_is_a_fact(site: BuiltSite):
    facts = site.page("").select("ol.key-facts li.key-fact")
    dates = [f.select_one("time")["datetime"] for f in facts]
    assert len(dates) >= 5  # in order as precisely as two dates both are: "2019" may follow "2019-06"
    assert all(b[:min(len(a), len(b))] >= a[:min(len(a), len(b))] for i, a in enumerate(dates) for b in dates[i + 1:])
    for fact in facts:
        assert "Date printed" not in fact.get_text() and "habitants" not in fact.get_text()


READING_PATH = ["", "sanctions/", "truces/", "sides/", "claims-detail/", "people/osiris-luna-meza/",
                "people/carlos-marroquin-chica/", "people/nayib-bukele/", "people/", "differences/", "glossary/",
                "sources/", "about/how-we-cite/"]


def test_previous_and_next_follow_the_reading_path(site: BuiltSite):
    for here, there in pairwise(READING_PATH):
        footer = site.page(here).select_one("nav.md-footer__inner")
        link = footer.select_one("a.md-footer__link--next")
        assert link is not None, f"{here or 'home'} has no Next link"
        target = urljoin(f"http://site/{here}", link["href"]).removeprefix("http://site/")
        assert target == there, f"Next from {here or 'home'} goes to {target}, not {there}"
        back = site.page(there).select_one("nav.md-footer__inner a.md-footer__link--prev")
        assert urljoin(f"http://site/{there}", back["href"]).removeprefix("http://site/") == here
