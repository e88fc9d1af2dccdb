"""Fact-check rules on what a reader sees: each quotation once per page, whole-sentence term tooltips, and the
fact-check's patterns: sources named are cited, passages shown with what they lean on, dates in order."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

import yaml
from conftest import ROOT, BuiltSite
from test_site import article, is_explainer, page_urls

HEADLINES = [_h.lower() for _h in (s.get("headline") for s in
             yaml.safe_load((ROOT / "data/sources.yml").read_text(encoding="utf-8"))["sources"]) if _h]
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
    assert barrio is not None and "A gang named beside MS-13" in barrio["title"]  # a definition, not an allegation


# --- the fact-check's patterns (issue 18), checked on the built site's open data -------------------------

SOURCE_NAMES: dict[str, frozenset[str]] = {
    # words in a sentence that name a source -> the sources its footnotes may cover it with (any one)
    r"\bVICE\b": frozenset({"vice-secret-talks"}),
    r"\bSeptember (?:5, )?2020 report\b|(?<!Sheridan and )\bBrigida(?:'s)? (?:reported|wrote|said|report)\b":
        frozenset({"brigida-deals"}),
    r"\bSheridan and Brigida\b": frozenset({"us-accuses-secret-deal"}),
    r"\bDecember 9(?:, 2021)? report\b": frozenset({"us-accuses-truce"}),
    r"\bcommentary\b": frozenset({"still-negotiate"}),
}
# plural names: every one of these sources
SOURCE_GROUPS: dict[str, frozenset[str]] = {
    r"\b(?:the|both|two) 2020 reports\b": frozenset({"brigida-deals", "vice-secret-talks"}),
    r"\b(?:the|both|two) December 2021 reports\b": frozenset({"us-accuses-secret-deal", "us-accuses-truce"}),
}


@dataclass(frozen=True)
class Citation:
    source: str
    start: int
    end: int
    exact: str


def cited_sentences(site: BuiltSite) -> dict[tuple[str, str], tuple[str, list[Citation]]]:
    """(page, anchor) -> (sentence, its citations), from the site's data/claims.csv."""
    rows = csv.DictReader(io.StringIO((site.path / "data/claims.csv").read_text(encoding="utf-8-sig")))
    sentences: dict[tuple[str, str], tuple[str, list[Citation]]] = {}
    for row in rows:
        _, cites = sentences.setdefault((row["page"], row["anchor"]), (row["sentence"], []))
        cites.append(Citation(row["source_id"], int(row["start"]), int(row["end"]), row["exact"]))
    return sentences


def test_a_sentences_footnotes_cover_every_source_it_names(site: BuiltSite):
    """"VICE News reported…" cites VICE News; "the 2020 reports list…" cites both 2020 reports."""
    problems = []
    for (page, anchor), (sentence, cites) in cited_sentences(site).items():
        sources = {c.source for c in cites}
        for pattern, allowed in SOURCE_NAMES.items():
            if re.search(pattern, sentence) and not sources & allowed:
                problems.append(f"{page}#{anchor}: names {sorted(allowed)}, cites {sorted(sources)}: {sentence}")
        for pattern, needed in SOURCE_GROUPS.items():
            if re.search(pattern, sentence) and not needed <= sources:
                problems.append(f"{page}#{anchor}: sums up {sorted(needed)}, cites {sorted(sources)}: {sentence}")
    assert problems == []


def test_no_sentence_names_a_source_by_a_description_two_sources_fit(site: BuiltSite):
    """Both December 2021 reports are reports on the sanctions: each has its own short name."""
    vague = re.compile(r"\breport on the (?:U\.S\. )?sanctions\b", re.I)
    problems = [f"{page}#{anchor}: {sentence}" for (page, anchor), (sentence, _) in cited_sentences(site).items()
                if vague.search(sentence)]
    assert problems == []


def test_a_sentence_resting_on_the_commentary_alone_names_it_as_a_commentary(site: BuiltSite):
    """"The article said…" or "It said…" hides that the source is an unsigned commentary, read alone."""
    hiding = re.compile(r"\b(?:the|that|this|same) (?:article|piece)\b|^(?:It|They) ", re.I)
    problems = [f"{page}#{anchor}: {sentence}"
                for (page, anchor), (sentence, cites) in cited_sentences(site).items()
                if {c.source for c in cites} == {"still-negotiate"} and hiding.search(sentence)]
    assert problems == []


# A passage that opens on a word pointing back ("They also note", "When the truce fell apart") takes
# its subject from an earlier sentence of the article: the sentence citing it cites that one too, unless
# it shows the passage as a quotation (the words in quotation marks, under a heading that names them).
LEANS_BACK = re.compile(r"^(?:They|When the truce|The move|This|These|He|She|The report)\b|^It (?!was )|^In exchange, his\b")


def test_a_passage_that_leans_on_an_earlier_sentence_is_cited_with_it(site: BuiltSite):
    problems = []
    for (page, anchor), (sentence, cites) in cited_sentences(site).items():
        for c in cites:
            shown = " ".join(QUOTED.findall(sentence))  # a label and the passage's own words in quotation marks
            quoted = len(shown.split()) >= 4 and shown in c.exact and len(QUOTED.sub("", sentence).split()) <= 6
            if LEANS_BACK.match(c.exact) and not quoted and not any(
                    o.source == c.source and o.start < c.start for o in cites):
                problems.append(f"{page}#{anchor}: “{c.exact[:50]}…” without its antecedent: {sentence}")
    assert problems == []


DAY = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                 r"Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.? \d{1,2}\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def test_a_timeline_entry_dated_to_the_day_dates_only_what_its_passages_date(site: BuiltSite):
    """Each visible sentence of an entry dated to a day cites a passage that gives the day, or one that
    its date note ("About the dates") cites: an undated event told after a dated one is its own entry."""
    sentences = cited_sentences(site)
    problems = []
    for event in yaml.safe_load((ROOT / "data/events.yml").read_text(encoding="utf-8"))["events"]:
        if len(str(event["date"]).split("-")) < 3:
            continue
        basis = sentences.get(("../truces/", f"events-{event['id']}-date-basis"), ("", []))[1]
        for n in range(1, len(event["text"]) + 1):
            sentence, cites = sentences[("../truces/", f"events-{event['id']}-text-{n}")]
            dated = [c for c in cites if DAY.search(c.exact) or any(
                b.source == c.source and b.start < c.end and c.start < b.end for b in basis)]
            if not dated:
                problems.append(f"{event['id']} ({event['date']}): nothing cited dates “{sentence}”")
    assert problems == []


def _dates_in_order(dates: list[str]) -> list[str]:
    """Pairs where a later entry's date is before an earlier one's, compared as precisely as both are."""
    wrong = []
    for i, earlier in enumerate(dates):
        for later in dates[i + 1:]:
            n = min(len(earlier), len(later))
            if later[:n] < earlier[:n]:
                wrong.append(f"{earlier} before {later}")
    return wrong


# What the seeds say came first, where the dates alone cannot tell (a month beside a day, a year beside
# a month): (earlier entry, later entry, the seed's words that say so).
SEQUENCE = [
    ("el-faro-first-report", "attorney-general-investigation",
     "vice-secret-talks", "ordered an investigation into the alleged negotiations following the story"),
    ("el-faro-first-report", "raids-2020",
     "still-negotiate", "in raids and investigations in the days following El Faro’s initial report"),
    ("may-1-removals", "el-faro-later-report",
     "still-negotiate", "an investigation by the office of El Salvador's recently deposed attorney general"),
    ("legislative-elections-2021", "el-faro-later-report",
     "still-negotiate", "On May 1 of this year, when Bukele's party got control of the Legislative Assembly"),
    ("may-1-removals", "cathedral-team-disbanded",
     "still-negotiate", "Delgado promptly demoted Arriaza, who subsequently resigned"),
]


def test_the_timeline_is_in_the_order_things_happened(site: BuiltSite):
    page = site.page("truces/")
    entries = page.select("li.timeline__event")
    order = [li["id"] for li in entries]
    assert _dates_in_order([li.select_one("time")["datetime"] for li in entries]) == []
    seeds = {s["id"]: (ROOT / "seeds" / s["file"]).read_text(encoding="utf-8")
             for s in yaml.safe_load((ROOT / "data/sources.yml").read_text(encoding="utf-8"))["sources"]}
    for earlier, later, source, words in SEQUENCE:
        assert words in seeds[source], words
        assert order.index(earlier) < order.index(later), f"{later} is shown before {earlier}: “{words}”"
    for url in ("people/nayib-bukele/", "people/osiris-luna-meza/", "people/carlos-marroquin-chica/"):
        listed = [a["href"].split("#")[1] for a in site.page(url).select("a[href*='truces/#']")
                  if a["href"].split("#")[1] in order]
        assert listed and listed == sorted(listed, key=order.index), url


def test_key_facts_are_in_date_order_with_their_footnotes_after_the_whole_fact(site: BuiltSite):
    """No footnote number between a fact's date and its figure ("2020 [13] 697")."""
    facts = site.page("").select("li.key-fact")
    assert facts and _dates_in_order([li.select_one("time")["datetime"] for li in facts]) == []
    for li in facts:
        marks = li.select("time, .key-fact__value, .key-fact__label, a.footnote-ref, sup")  # document order
        refs = [i for i, m in enumerate(marks) if m.name == "sup" or "footnote-ref" in m.get("class", [])]
        assert refs, li.get_text(" ")
        assert refs == list(range(len(marks) - len(refs), len(marks))), f"a footnote inside: {li.get_text(' ')}"
