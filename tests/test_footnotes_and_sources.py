"""Footnotes and sources as a reader sees them: each footnote names its source
by tag and genre, shows the seed's whole sentence with the quoted words
marked, and no explainer page cites a reader's comment."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

import yaml
from conftest import ROOT, BuiltSite
from test_site import SOURCE_IDS, footnotes_of, is_explainer, page_urls

from macros.seeds.article import Seed
from macros.seeds.matching import normalized_text
from macros.seeds.sentences import lead_in_span, sentence_span

SOURCES = {s["id"]: s for s in yaml.safe_load((ROOT / "data/sources.yml").read_text(encoding="utf-8"))["sources"]}


def _seed(source_id: str) -> Seed:
    return Seed.read(source_id, ROOT / "seeds" / SOURCES[source_id]["file"])


def _archive_target(site: BuiltSite, url: str, note):
    link = note.select_one("a.cite-link")["href"]
    target = urlparse(urljoin(f"http://site/{url}", link))
    source_id = target.path.strip("/").split("/")[-1]
    return source_id, site.page(target.path.strip("/") + "/").find(id=target.fragment)


def _cited_sentence(note, source: dict) -> str:
    """The seed's sentence a footnote shows: its text after the source's tag, genre and headline."""
    text = "".join(t for t in note.find_all(string=True) if "footnote-backref" not in t.parent.get("class", []))
    text = text.strip().rstrip("\u00a0")
    head = f"“{source['headline']}”. "
    assert head in text, text[:120]
    return text.split(head, 1)[1]


def test_a_clause_is_shown_in_its_whole_sentence_with_speaker_and_hedge():
    seed = _seed("us-accuses-secret-deal")
    quote = "Bukele’s government “provided financial incentives to Salvadoran gangs MS-13 and 18th Street” in 2020"
    match = seed.find(quote)
    assert match is not None
    start, end = sentence_span(seed, match.start, match.end)
    sentence = seed.text[start:end]
    assert sentence.startswith("As part of the negotiations, the department alleged, Bukele’s government")
    assert sentence.endswith("remained low.")
    # A sentence that is only a quotation takes the sentence naming its speaker.
    seed = _seed("us-accuses-truce")
    match = seed.find("How can they put such an obvious lie without anyone questioning them?")
    start, end = sentence_span(seed, match.start, match.end)
    assert seed.text[start:end].startswith("The president, however, tweeted on the issue.")
    # A list item is shown with the list's lead-in, which says whose list it is.
    seed = _seed("still-negotiate")
    match = seed.find("Description of how Osiris Luna had acted to try and cover up and destroy evidence")
    lead = lead_in_span(seed, match.start)
    assert lead and seed.text[slice(*lead)].startswith("The new information, gathered from an investigation")
    assert lead_in_span(seed, seed.find("El Faro does not say who leaked those materials").start) is None
    match = seed.find("There has been a significant drop in arrests of MS-13 gang members")
    lead = lead_in_span(seed, match.start)
    assert lead and seed.text[slice(*lead)].startswith("The El Faro reporting is the most direct, but not the only evidence")
    # "U.S." does not end a sentence.
    seed = _seed("us-accuses-truce")
    match = seed.find("revealed the negotiations that decreased the murder rate")
    start, _ = sentence_span(seed, match.start, match.end)
    assert seed.text[start:].startswith("The U.S. Treasury said their investigation")


def test_every_footnote_shows_a_whole_seed_sentence_with_the_quoted_words_marked(site: BuiltSite):
    seeds = {sid: _seed(sid) for sid in SOURCE_IDS}
    checked = 0
    for url in page_urls(site):
        for note in footnotes_of(site, url):
            source_id, _ = _archive_target(site, url, note)
            marks = note.select("a.cited-quote")
            assert len(marks) == 1, f"{url}: {note.get_text()!r}"
            sentence = _cited_sentence(note, SOURCES[source_id])
            # A passage in a bulleted list is shown after its list's lead-in sentence, then " … ".
            lead, _, shown_text = sentence.rpartition(" … ")
            shown = normalized_text(shown_text)
            text = seeds[source_id].text
            assert shown in normalized_text(text), f"{url}: footnote sentence not in {source_id}: {shown!r}"
            assert not lead or normalized_text(lead) in normalized_text(text)
            assert normalized_text(marks[0].get_text()) in shown
            # The sentence starts where a sentence of the seed starts.
            at = text.find(shown_text.strip()[:40])
            before = text[:at].rstrip(" \t\u00a0•")
            assert at == -1 or not before or before[-1] in "\n.?!”\"’:", f"{url}: {sentence[:60]!r}"
            checked += 1
    assert checked > 100


def test_footnotes_lead_with_the_source_tag_genre_and_headline_never_not_stated(site: BuiltSite):
    for url in page_urls(site):
        for note in footnotes_of(site, url):
            source_id, _ = _archive_target(site, url, note)
            source = SOURCES[source_id]
            text = note.get_text(" ", strip=True)
            assert "not stated" not in text.lower(), url
            assert "““" not in text.replace(" ", "") and "””" not in text.replace(" ", ""), f"{url}: doubled quote mark"
            lead = f"{source['tag']} ({source['genre']})" if source["tag"] else source["genre"].capitalize()
            assert text.startswith(f"{lead}: “{source['headline']}”. "), f"{url}: {text[:120]!r}"


def test_the_commentary_is_called_unsigned_commentary_wherever_it_is_cited(site: BuiltSite):
    cited = 0
    for url in page_urls(site):
        for note in footnotes_of(site, url):
            if _archive_target(site, url, note)[0] == "still-negotiate":
                assert note.get_text().strip().startswith("Unsigned commentary: “Politicians like Bukele")
                cited += 1
    assert cited


def test_no_explainer_page_cites_the_readers_comment(site: BuiltSite):
    archive = site.page("sources/still-negotiate/")
    comment = archive.select("p.seed-para--comment")
    assert comment and "Reader’s comment, not written by the article’s author" in comment[-1].get_text()
    for url in page_urls(site):
        if not is_explainer(site, url) and not url.startswith("sources/"):
            continue
        for note in footnotes_of(site, url):
            _, target = _archive_target(site, url, note)
            assert target.find_parent("p", class_="seed-para--comment") is None, f"{url} cites the reader's comment"


def test_every_source_has_a_tag_made_only_of_printed_words(site: BuiltSite):
    for source_id, source in SOURCES.items():
        assert source["genre"] in ("news report", "unsigned commentary")
        if source["tag"]:
            text = normalized_text(Path(ROOT / "seeds" / source["file"]).read_text(encoding="utf-8"))
            for word in source["tag"].replace(",", " ").split():
                assert normalized_text(word.rstrip(".")) in text, (source_id, word)


def test_the_sources_page_is_source_cards_each_statement_cited(site: BuiltSite):
    from macros.checks.uncited import uncited_sentences

    page = site.page("sources/")
    cards = page.select("article section.source-card")
    assert [c.select_one("h2")["id"] for c in cards] == SOURCE_IDS
    assert uncited_sentences(str(page.select_one("article"))) == []
    by_id = {c.select_one("h2")["id"]: c for c in cards}
    for source_id, card in by_id.items():
        genre = card.select_one(".source-card__genre").get_text(" ", strip=True)
        assert genre.lower().startswith(SOURCES[source_id]["genre"])
        assert "not stated" not in card.get_text().lower()
    assert by_id["still-negotiate"].select_one("table") is None  # it prints no outlet, byline or date
    assert "Brigida" in by_id["us-accuses-secret-deal"].get_text()
    assert "could not independently verify" in by_id["vice-secret-talks"].get_text()
