"""The published open data (issue 10), read only from the built site and the seeds, never from the engine:
data/claims.jsonld, data/claims.csv, the sentence anchors and the schema.org JSON-LD of every page."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag
from conftest import ROOT, BuiltSite

SEEDS = {p.name: p.read_bytes() for p in (ROOT / "seeds").glob("*.txt")}
SEED_TEXT = "\n".join(raw.decode("utf-8") for raw in SEEDS.values())


def claims(site: BuiltSite) -> dict[str, Any]:
    return json.loads((site.path / "data/claims.jsonld").read_text(encoding="utf-8"))


def annotations(site: BuiltSite) -> list[dict[str, Any]]:
    return claims(site)["first"]["items"]


def test_the_collection_is_a_web_annotation_collection(site: BuiltSite):
    data = claims(site)
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["first"]["type"] == "AnnotationPage"
    items = data["first"]["items"]
    assert data["total"] == len(items) > 300
    assert len({a["id"] for a in items}) == len(items)
    for a in items:
        assert a["type"] == "Annotation" and a["body"]["type"] == "TextualBody" and a["body"]["value"].strip()
        assert a["target"], a["id"]


def test_every_selector_finds_its_passage_in_the_seed_and_every_seed_is_the_seed(site: BuiltSite):
    published = site.path / "data"
    checked = 0
    for a in annotations(site):
        for target in a["target"]:
            source = target["source"]
            raw = (published / source["id"]).read_bytes()
            assert raw == SEEDS[source["fileName"]], f"{source['id']} is not the seed byte for byte"
            assert hashlib.sha256(raw).hexdigest() == source["sha256"] == hashlib.sha256(SEEDS[source["fileName"]]).hexdigest()
            text = raw.decode("utf-8")
            quote, place = target["selector"]
            assert quote["type"] == "TextQuoteSelector" and place["type"] == "TextPositionSelector"
            start, end = place["start"], place["end"]
            assert 0 <= start < end <= len(text)
            assert text[start:end] == quote["exact"], a["id"]
            assert len(quote["prefix"]) == min(32, start) and text[:start].endswith(quote["prefix"]), a["id"]
            assert len(quote["suffix"]) == min(32, len(text) - end) and text[end:].startswith(quote["suffix"]), a["id"]
            checked += 1
    assert checked > len(annotations(site))


def _reference_runs(content: Tag) -> int:
    """Cited sentences the page shows: each ends with a run of footnote references (adjacent, or apart only by
    spaces), outside the footnotes themselves."""
    runs = 0
    for ref in content.select("a.footnote-ref"):
        if ref.find_parent("div", class_="footnote"):
            continue
        before = ref.previous_sibling
        while isinstance(before, NavigableString) and not before.strip():
            before = before.previous_sibling
        if not (isinstance(before, Tag) and "footnote-ref" in before.get("class", [])):
            runs += 1
    return runs


def _shown(element: Tag) -> str:
    element = BeautifulSoup(str(element), "lxml")
    for extra in element.select("a.footnote-ref, a.claim-link"):
        extra.decompose()
    return re.sub(r"\s+", " ", element.get_text()).strip()


def test_one_annotation_for_every_footnoted_sentence_each_anchored_on_its_page(site: BuiltSite):
    by_page: dict[str, list[dict[str, Any]]] = {}
    for a in annotations(site):
        page, _, anchor = a["body"]["id"].partition("#")
        assert page.startswith("../") and anchor
        by_page.setdefault(page[3:], []).append(a)
    pages = 0
    for file in site.html_files():
        url = file.parent.relative_to(site.path).as_posix() + "/" if file.parent != site.path else ""
        if file.name != "index.html":
            continue
        content = site.page(url).select_one("article")
        if content is None:
            continue
        expected = _reference_runs(content)
        mine = by_page.get(url, [])
        assert len(mine) == expected, f"{url or 'home'}: {expected} footnoted sentences, {len(mine)} annotations"
        pages += bool(expected)
        for a in mine:
            anchor = a["body"]["id"].partition("#")[2]
            element = content.find(id=anchor)
            assert element is not None and "claim" in element.get("class", []), f"{url}#{anchor}"
            assert _shown(element) == a["body"]["value"], f"{url}#{anchor}"
            # The link to the sentence is made by site.js when a reader points at it (test_browser).
            assert element.select_one("a.claim-link") is None, f"{url}#{anchor}"
            footnotes = [ref["href"] for ref in element.select("a.footnote-ref")]
            assert len(footnotes) == len(a["target"]), f"{url}#{anchor}"
    assert pages >= 10


def test_a_hand_written_sentence_is_anchored_by_its_wording_a_data_sentence_by_its_entry(site: BuiltSite):
    kinds = {p.stem for p in (ROOT / "data").glob("*.yml")}
    hashed = 0
    for a in annotations(site):
        anchor = a["body"]["id"].partition("#")[2]
        hand_written = re.fullmatch(r"(s-[0-9a-f]{8})(-\d+)?", anchor)  # -2, -3 ...: the same sentence again
        if hand_written:
            anchor = hand_written.group(1)
            text = re.sub(r"\s+", " ", a["body"]["value"]).strip()
            assert anchor == "s-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], a["id"]
            hashed += 1
        else:
            assert anchor.split("-")[0] in kinds | {"facts", "terms", "points", "panels", "claims"}, anchor
    assert 0 < hashed < len(annotations(site))
    ids = [a["body"]["id"] for a in annotations(site)]
    assert "../people/osiris-luna-meza/#people-osiris-luna-meza-infobox-allegation-1" in ids
    assert "../people/osiris-luna-meza/#people-osiris-luna-meza-sections-1-text-1" in ids


def test_the_table_has_one_row_per_citation_matching_the_annotations(site: BuiltSite):
    assert (site.path / "data/claims.csv").read_bytes().startswith(b"\xef\xbb\xbfannotation,page,anchor,sentence")
    rows = list(csv.DictReader(io.StringIO((site.path / "data/claims.csv").read_text(encoding="utf-8-sig"))))
    targets = [(a, t) for a in annotations(site) for t in a["target"]]
    assert len(rows) == len(targets)
    for row, (a, t) in zip(rows, targets, strict=True):
        quote, place = t["selector"]
        assert row["annotation"] == a["id"] and row["sentence"] == a["body"]["value"]
        assert (row["seed_file"], row["seed_sha256"]) == (t["source"]["fileName"], t["source"]["sha256"])
        assert (int(row["start"]), int(row["end"]), row["exact"]) == (place["start"], place["end"], quote["exact"])


def _example() -> str:
    markdown = (ROOT / "docs/data.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", markdown, re.S)
    assert len(blocks) == 1, "the Data page has one Python example"
    return blocks[0]


def test_the_data_pages_example_rechecks_every_claim_offline_and_fails_on_a_moved_passage(site: BuiltSite, tmp_path: Path):
    shown = site.page("data/").select_one("article").get_text()
    assert "import hashlib" in shown and "TextPositionSelector" in shown, "the example is on the page"
    run = subprocess.run([sys.executable, "-I", "-c", _example()], cwd=site.path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    data = claims(site)
    citations = sum(len(a["target"]) for a in data["first"]["items"])
    assert run.stdout.startswith(f"{data['total']} sentences and {citations} citations")

    with zipfile.ZipFile(site.path / "data/open-data.zip") as bundle:  # the one download the page offers
        names = sorted(bundle.namelist())
        assert names == sorted(["data/claims.jsonld", "data/claims.csv", *(f"data/seeds/{n}" for n in SEEDS)])
        assert all(bundle.read(n) == (site.path / n).read_bytes() for n in names)
        bundle.extractall(tmp_path)
    run = subprocess.run([sys.executable, "-I", "-c", _example()], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.startswith(f"{data['total']} sentences"), run.stderr

    copy = tmp_path / "data"
    data["first"]["items"][5]["target"][0]["selector"][1]["start"] += 1
    (copy / "claims.jsonld").write_text(json.dumps(data), encoding="utf-8")
    run = subprocess.run([sys.executable, "-I", "-c", _example()], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode != 0 and "the passage is not at" in run.stderr


def test_the_data_page_is_in_the_reading_path_and_links_the_files(site: BuiltSite):
    home = site.page("")
    assert any(a.get("href", "").rstrip("/").endswith("data") for a in home.select("nav a"))
    hrefs = {a.get("href") for a in site.page("data/").select("article a")}
    assert {"claims.jsonld", "claims.csv", "open-data.zip"} <= hrefs


# --- schema.org JSON-LD ------------------------------------------------------------------------------------------
def _jsonld(site: BuiltSite, url: str) -> dict[str, Any]:
    scripts = site.page(url).select('head script[type="application/ld+json"]')
    assert len(scripts) == 1, url
    return json.loads(scripts[0].string)


PRINTED_KEYS = ("name", "alternateName", "jobTitle", "headline")


def _printed(value: Any, top: bool = True) -> list[str]:
    """Every name, title and headline in a JSON-LD value; the headline of the site's own page (the top-level
    Article with `inLanguage`) is the site's title, not a seed's."""
    if isinstance(value, list):
        return [n for v in value for n in _printed(v, False)]
    if not isinstance(value, dict):
        return []
    found = []
    for key, v in value.items():
        if key == "headline" and top and "inLanguage" in value:
            continue
        if key in PRINTED_KEYS:
            found += [v] if isinstance(v, str) else [x for x in v if isinstance(x, str)]
        elif isinstance(v, (dict, list)):
            found += _printed(v, False)
    return found


@pytest.mark.parametrize("url", ["", "sanctions/", "truces/", "sides/", "people/osiris-luna-meza/", "data/",
                                 "sources/brigida-deals/"])
def test_every_page_has_json_ld_that_parses_with_the_right_types(site: BuiltSite, url: str):
    data = _jsonld(site, url)
    assert data["@context"] == "https://schema.org"
    if url.startswith("sources/"):
        assert data["@type"] == "NewsArticle"
        assert "ANNA-CATHRINE BRIGIDA" in [a["name"] for a in data["author"]] and data["datePublished"] == "2020-09-05"
        return
    assert data["@type"] == "Article" and data["headline"]
    for cited in data.get("citation", []):
        assert cited["@type"] in ("NewsArticle", "Article") and cited["headline"]
        assert all(a["@type"] == "Person" for a in cited.get("author", []))
    if url == "data/":
        assert "citation" not in data
    if url == "sanctions/":
        assert len(data["citation"]) >= 3
    if url == "people/osiris-luna-meza/":
        assert [p["@type"] for p in data["about"]] == ["Person"] and data["about"][0]["name"] == "Osiris Luna Meza"
    if url == "truces/":
        assert len(data["mentions"]) >= 10
        for e in data["mentions"]:
            assert e["@type"] == "Event" and re.fullmatch(r"\d{4}(-\d\d){0,2}", e["startDate"])
            assert site.page(url).find(id=e["url"].removeprefix("#")) is not None, e["url"]


def test_every_name_title_and_headline_in_the_json_ld_of_every_page_is_printed_in_a_seed(site: BuiltSite):
    pages = names = 0
    for file in site.html_files():
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        for script in soup.select('script[type="application/ld+json"]'):
            pages += 1
            for name in _printed(json.loads(script.string)):
                assert name in SEED_TEXT, f"{file}: {name!r} is not printed in any seed"
                names += 1
    assert pages >= 15 and names > 20


def test_anchors_do_not_move_when_a_sentence_is_added_before_them(site: BuiltSite, tmp_path: Path):
    from conftest import build_in_process, copy_project

    project = copy_project(tmp_path / "project")
    page = project / "docs/sanctions.md"
    text = page.read_text(encoding="utf-8")
    first = "\nIn December 2021 the U.S. Treasury sanctioned"
    assert first in text, "the sanctions page's first sentence changed; pick another"
    added = "\nThe Treasury announced sanctions on two Salvadoran officials, a report said.[^announced]"
    page.write_text(text.replace(first, added + first, 1), encoding="utf-8")
    events = project / "data/events.yml"  # a new timeline entry before the others
    events.write_text(events.read_text(encoding="utf-8").replace("events:\n", """events:
- id: added-entry-2012
  date: '2012'
  kind: event
  period: truce-2012
  title: An added entry
  text:
  - text: VICE News reported that in 2012 the government of former President Mauricio Funes allegedly reached a similar deal.
    cite:
    - source: vice-secret-talks
      quote: In 2012, the government of former President Mauricio Funes allegedly reached a similar deal.
""", 1), encoding="utf-8")
    result = build_in_process(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    before = {a["body"]["id"] for a in annotations(site)}
    claims = json.loads((tmp_path / "site/data/claims.jsonld").read_text(encoding="utf-8"))
    after = {a["body"]["id"] for a in claims["first"]["items"]}
    assert before <= after, sorted(before - after)[:5]
    assert len(after - before) == 2 and "../truces/#events-added-entry-2012-text-1" in after
