"""The pure parts of macros/opendata/, on small inputs: which HTML makes one cited sentence, and failing loudly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from macros.citations.verify import Located
from macros.model.schema import Event
from macros.opendata.anchors import text_anchor
from macros.opendata.annotations import ClaimsError, PageClaims, SeedFile, cited_claims, collection, to_csv, to_json
from macros.opendata.sentences import Claim, mark_claims

LINK = '<a class="claim-link" href="#{anchor}"></a>'


def ref(label: str, n: int = 1) -> str:
    return f'<sup id="fnref:{label}"><a class="footnote-ref" href="#fn:{label}">{n}</a></sup>'


def test_each_run_of_references_ends_one_sentence_and_the_wrap_keeps_the_html_balanced():
    html = (f"<p>One <em>said</em> this.{ref('a')}{ref('b', 2)} <strong>Two, {ref('c', 3)}</strong> and "
            f'three<span data-claim="people-x-summary-2"></span>.{ref("d", 4)}</p>\n<ul>\n<li>Four.{ref("e", 5)}</li>\n</ul>'
            '<div class="footnote"><hr><ol><li id="fn:a">note' + ref("z") + "</li></ol></div>")
    out, claims = mark_claims(html, LINK)
    assert [c.text for c in claims] == ["One said this.", "Two,", "and three.", "Four."]
    assert [c.labels for c in claims] == [("a", "b"), ("c",), ("d",), ("e",)]
    assert claims[0].anchor == text_anchor("One said this.") and claims[2].anchor == "people-x-summary-2"
    assert f'<p><span class="claim" id="{claims[0].anchor}">One <em>said</em> this.{ref("a")}{ref("b", 2)}' \
           f'<a class="claim-link" href="#{claims[0].anchor}"></a></span> <strong><span class="claim"' in out
    assert '</span></strong><span class="claim" id="people-x-summary-2"> and three.' not in out
    assert '<span class="claim" id="people-x-summary-2">and three.' in out
    assert "data-claim" not in out and out.endswith(html[html.index('<div class="footnote">'):])
    assert out.count("<span") == out.count("</span>")


def test_the_same_sentence_twice_on_a_page_gets_a_numbered_second_anchor():
    _, claims = mark_claims(f"<p>Same.{ref('a')}</p><p>Same.{ref('a', 1)}</p>", LINK)
    assert [c.anchor for c in claims] == [text_anchor("Same."), text_anchor("Same.") + "-2"]


def test_a_footnote_the_page_does_not_hold_stops_the_files():
    seed = SeedFile("s", "s.txt", "0" * 64, "The quoted words here.", "sources/s/")
    page = PageClaims("p/", "P", (Claim("s-1", "A sentence.", ("cite-9",)),), {})
    with pytest.raises(ClaimsError, match="cite-9"):
        cited_claims([page], {"s": seed})
    ok = PageClaims("p/", "P", (Claim("s-1", "A sentence.", ("cite-1",)),),
                    {"cite-1": Located("s", "quoted words", 4, 16, 1, False)})
    claims = cited_claims([ok], {"s": seed})
    target = collection(claims, "label")["first"]["items"][0]["target"][0]
    assert target["selector"][0] == {"type": "TextQuoteSelector", "exact": "quoted words", "prefix": "The ",
                                     "suffix": " here."}
    rows = to_csv(claims).split("\r\n")
    assert rows[1].startswith("#p/s-1,../p/,s-1,A sentence.,1,s,s.txt,") and ",4,16,quoted words,The , here." in rows[1]


def test_the_json_file_has_the_bytes_the_standard_library_would_write():
    """orjson writes the collection; a reader's tools, and the checked-in expectations, see json.dumps' bytes."""
    data = {"text": "Amílcar «dijo» \u2028 \"quoted\" \\ tab\t nul\x00 \x1f emoji \U0001F600 </script>",
            "n": [0, -3, 12345678901, True, False, None], "nested": {"ü": [], "": {}}}
    assert to_json(data) == (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def test_the_strict_build_fails_when_the_claims_files_cannot_be_made(tmp_path, monkeypatch):
    from conftest import ROOT, build_in_process, copy_project

    from macros.opendata.publish import OpenData

    def broken(self, site_dir, order):
        raise ClaimsError("no archive page was built for 'brigida-deals'")

    monkeypatch.setattr(OpenData, "write", broken)
    project = copy_project(tmp_path / "project")
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    result = build_in_process(project, tmp_path / "site")
    assert result.returncode == 1
    assert ("data/claims.jsonld, data/claims.csv and data/open-data.zip could not be produced: "
            "no archive page was built") in result.stderr


def _event(event_id: str, quote: str) -> Event:
    sentence = {"text": f"What {event_id} is.", "cite": [{"source": "s", "quote": quote}]}
    return Event.model_validate({"id": event_id, "date": "2020-01", "kind": "event", "period": "p", "title": event_id,
                                 "text": [sentence], "details": [{"summary": "More", "text": [sentence]}]})


@pytest.mark.parametrize("event_id", ["bridge-text-closure", "leak-details-2", "move-date-basis"])
def test_a_page_mentions_the_events_it_shows_whatever_their_ids_hold(event_id):
    """The JSON-LD `mentions` names each event whose sentence the page shows, by the entry its anchor was made
    for: an id holding `-text-`, `-details-` or `-date-basis` is neither dropped nor taken for a shorter id."""
    from macros.citations.footnotes import PageFootnotes
    from macros.model.project import Project
    from macros.opendata.anchors import CitationAnchors
    from macros.opendata.publish import OpenData

    prefix = event_id.split("-")[0]  # another event, whose id the anchor starts with
    events = {e.id: e for e in (_event(event_id, "the first words"), _event(prefix, "the other words"))}
    project = Project(Path("."), entries={"events": events})
    anchors = CitationAnchors.of(project)
    shown = events[event_id]
    html = "".join(f"<p>{s.text}{anchors.marker(s.cite)}{ref(label)}</p>"
                   for label, s in (("a", shown.text[0]), ("b", shown.details[0].text[0])))
    opendata = OpenData(project, anchors, "Site")
    opendata.mark_page("p.md", "p/", "P", html, PageFootnotes("p.md", "sources"))
    head = opendata.head("p.md", "p/", "P", None, "<html><head></head><body></body></html>")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1))
    assert [m["url"] for m in data["mentions"]] == [f"#{event_id}"]


@pytest.mark.parametrize("loc, anchor", [
    (("sections", 0, "text", 1, "cite", 0), "people-x-y-sections-1-text-2"),  # the sentence holding the citations
    (("infobox", "allegation", 0, "cite", 2), "people-x-y-infobox-allegation-1"),
    (("date_cite", "cite", 0), "people-x-y-date-cite"),  # underscores as hyphens
    (("cite", 1), "people-x-y"),  # the entry's own citations
    (("citation",), "people-x-y"),  # one citation in a field of its own
])
def test_a_data_sentences_anchor_is_the_place_of_what_holds_its_citations(loc, anchor):
    from macros.opendata.anchors import data_anchor

    assert data_anchor("people", "x-y", loc) == anchor
