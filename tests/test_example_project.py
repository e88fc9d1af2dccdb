"""The second story, examples/water-contract/: a fictional explainer built as any new project is.

It is built once per session with the installed engine, from its own folder and its own mkdocs.yml, by
`mkdocs build --strict` in a new interpreter, exactly as its producer would run it; nothing of the example
site is used. The tests then read what its readers see: every block the engine offers, footnotes naming
its invented outlets and their genres, the disagreements shown with both versions cited, the readers'
comments kept out of the evidence.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from macros.model.page_macros import PAGE_MACROS

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "water-contract"
MACRO_CALL = re.compile(r"\{\{\s*([a-z_]+)\s*\(")


@dataclass
class Example:
    site: Path
    log: str

    def page(self, path: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / path / "index.html").read_text(encoding="utf-8"), "html.parser")

    def article(self, path: str) -> Tag:
        article = self.page(path).select_one("article")
        assert article is not None, path
        return article


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory) -> Example:
    dest = tmp_path_factory.mktemp("water-contract-site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
                            cwd=EXAMPLE, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return Example(dest, result.stdout + result.stderr)


def footnotes(example: Example, path: str) -> list[str]:
    return [li.get_text(" ", strip=True) for li in example.page(path).select(".footnote li")]


def explainer_pages(example: Example) -> list[str]:
    """Every built page but the archive copies of the articles."""
    pages = [p.parent.relative_to(example.site).as_posix() for p in example.site.rglob("index.html")]
    return sorted("" if p == "." else p for p in pages if not re.fullmatch(r"sources/[a-z0-9-]+", p))


def test_the_example_is_a_project_of_its_own() -> None:
    """Made by `new`: its own seeds, data, pages and mkdocs.yml, and not a line of Python."""
    assert not list(EXAMPLE.rglob("*.py")), "the example holds no Python"
    config = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "cited-explainer" in str(config["plugins"])
    seeds = sorted(p.name for p in (EXAMPLE / "seeds").iterdir())
    assert seeds == ["courier-opinion.txt", "hpr-audit.txt", "ledger-meters.txt", "mayor-statement.txt"]
    for seed in seeds:  # clearly fictional, in the evidence itself
        assert "are invented" in (EXAMPLE / "seeds" / seed).read_text(encoding="utf-8").split("\n")[0]


def test_every_block_the_engine_offers_is_used() -> None:
    called = {m for page in (EXAMPLE / "docs").rglob("*.md") for m in MACRO_CALL.findall(page.read_text(encoding="utf-8"))}
    assert set(PAGE_MACROS) - called == set(), "blocks the example does not use"


def test_the_build_is_clean(example: Example) -> None:
    assert "WARNING" not in example.log and "ERROR" not in example.log, example.log


def test_home_page_shows_short_version_panels_and_key_facts(example: Example) -> None:
    home = example.article("")
    headings = [h.get_text(" ", strip=True).rstrip("¶ ").strip() for h in home.select("h1, h2, h3")]
    assert headings[0] == "Port Callow's water meter contract"
    for heading in ("The short version", "What the sources agree on", "What is disputed",
                    "What the articles do not tell us", "Key facts, in date order"):
        assert heading in headings, headings
    values = [v.get_text(strip=True) for v in home.select(".key-fact__value")]
    assert values == ["$38 million", "$6 million", "7,400", "2,500"], values
    assert "fictional" in home.get_text(), "the home page says the story is invented"


def test_footnotes_name_the_invented_outlets_and_their_genres(example: Example) -> None:
    notes = [n for page in explainer_pages(example) for n in footnotes(example, page)]
    for lead in ("The Callow Ledger (news report)", "Harbor Public Radio (news report)",
                 "The Callow Courier (unsigned commentary)", "Office of the Mayor of Port Callow (official statement)"):
        assert any(n.startswith(lead) for n in notes), lead
    cards = example.article("sources")
    genres = [g.get_text(" ", strip=True) for g in cards.select(".source-card__genre")]
    assert len(genres) == 4 and any("official statement" in g.lower() for g in genres), genres


def test_the_disagreements_are_shown_with_both_versions_cited(example: Example) -> None:
    page = example.article("differences")
    text = page.get_text(" ", strip=True)
    notes = footnotes(example, "differences")
    for topic, first, second in (
        ("Where the meters that were not installed are", "paid for and ready", "neither installed nor in storage"),
        ("How much the city paid for the meters", "$4.2 million", "$3.9 million"),
        ("Whether the change order needed the council", "needs a council vote", "delegated authority"),
    ):
        section = text[text.index(topic):]
        assert first in section and second in section, topic
    assert any(n.startswith("The Callow Ledger") and "paid for and ready" in n for n in notes)
    assert any(n.startswith("Harbor Public Radio") and "neither installed nor in storage" in n for n in notes)
    # The same disagreement on the home page's "What is disputed" panel, each side with its own footnote.
    disputed = next(p for p in example.article("").select(".panel") if "What is disputed" in p.get_text())
    assert all(len(li.select(".footnote-ref")) >= 2 for li in disputed.select("li")), disputed


def test_no_readers_comment_is_cited_and_the_archive_labels_them(example: Example) -> None:
    for page in explainer_pages(example):
        for note in footnotes(example, page):
            assert "WaterWatcher88" not in note and "Ferrante" not in note, (page, note)
    archive = example.article("sources/courier-opinion")
    comments = archive.select(".seed-para--comment")
    assert [c.select_one(".comment-label") is not None for c in comments] == [True, True]
    assert "WaterWatcher88" in comments[0].get_text()


def test_every_sentence_a_reader_sees_carries_a_footnote(example: Example) -> None:
    """Each paragraph, list item and table cell of an explainer page that reads as a sentence has a footnote."""
    exempt_pages = {"about/this-example"}
    for page in explainer_pages(example):
        if page in exempt_pages:
            continue
        article = example.article(page)
        for block in article.select("p, li, td"):
            if block.find_parent(class_="footnote") or block.find_parent(attrs={"data-cite-exempt": True}) \
                    or block.has_attr("data-cite-exempt") or block.select("p, li"):
                continue
            text = block.get_text(" ", strip=True)
            if text.endswith((".", "?", "!")) and len(text.split()) > 3:
                assert block.select(".footnote-ref"), f"{page}: uncited: {text!r}"


def test_profiles_link_their_timeline_entries_to_the_projects_own_timeline_page(example: Example) -> None:
    """The engine links to the page that shows the timeline (here timeline.md), not a page of another story."""
    profile = example.article("people/ruth-calder")
    hrefs = [str(a["href"]) for a in profile.select("a[href]")]
    assert {"../../timeline/#change-order", "../../timeline/#ledger-report"} <= set(hrefs), hrefs
    assert not [h for h in hrefs if "truces" in h], hrefs
    assert not (example.site / "truces").exists()
    headings = [h.get_text(" ", strip=True) for h in example.article("timeline").select("h2")]
    assert any(h.startswith("The contract and the change order") for h in headings), headings
