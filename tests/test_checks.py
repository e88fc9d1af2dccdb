"""The checks on rendered pages, on small pieces of HTML: what they let through and what they stop."""

from __future__ import annotations

from macros.checks.uncited import EXEMPT, checked_sentences, uncited_sentences

REF = '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'


def test_a_cited_sentence_passes_and_an_uncited_one_is_named():
    html = f"<p>Bukele denied the report.{REF} Nobody else spoke.</p>"
    assert checked_sentences(html) == [("Bukele denied the report.", True), ("Nobody else spoke.", False)]


def test_a_linked_statement_needs_a_footnote_but_a_linked_title_does_not():
    assert uncited_sentences('<p><a href="x/">The talks took place.</a></p>') == ["The talks took place."]
    assert uncited_sentences('<li><a href="x/">Nobody denied it!</a></li>') == ["Nobody denied it!"]
    assert uncited_sentences('<ul><li><a href="x/">Who is Osiris Luna Meza?</a></li>'
                             '<li><p><a href="y/">What each side says</a></p></li></ul>') == []
    assert uncited_sentences('<table><tr><td><a href="x/">Osiris Luna Meza</a></td></tr></table>') == []


def test_only_the_listed_exempt_values_exempt_a_block():
    from macros.checks.uncited import READ_AS_LABELS

    assert "navigation" in EXEMPT
    for value in sorted(EXEMPT - READ_AS_LABELS):
        assert uncited_sentences(f'<div data-cite-exempt="{value}"><p>An uncited sentence.</p></div>') == []
    for value in sorted(READ_AS_LABELS):  # a label, or a row of links, until it reads as a statement
        assert uncited_sentences(f'<div data-cite-exempt="{value}"><p><a href="x/">The talks</a>, and more</p></div>'
                                 f'<p>Cited.{REF} <span data-cite-exempt="{value}">Side: A</span></p>') == []
        assert uncited_sentences(f'<div data-cite-exempt="{value}"><p>An uncited sentence.</p></div>'
                                 f'<p>Cited.{REF} <span data-cite-exempt="{value}">They met.</span></p>') == [
            "An uncited sentence.", "They met."]
    assert uncited_sentences('<div data-cite-exempt="navigaton"><p>An uncited sentence.</p></div>') == [
        "An uncited sentence."]
    assert uncited_sentences('<p>Cited.' + REF + ' <span data-cite-exempt="whatever">Hidden?</span></p>') == [
        "Hidden?"]


def test_footnotes_and_labels_are_not_read_but_a_label_that_is_a_statement_is():
    html = ("<h2>The talks</h2><details><summary>More from the articles</summary><p>Cited." + REF + "</p></details>"
            "<table><thead><tr><th>Year</th></tr></thead></table>"
            '<div class="footnote"><ol><li id="fn:1"><p>A source.</p></li></ol></div>')
    assert uncited_sentences(html) == []
    assert uncited_sentences("<h2>Bukele met the gangs.</h2><h3>Talks. Denials</h3>") == [
        "Bukele met the gangs.", "Talks.", "Denials"]
    assert uncited_sentences("<details><summary>He met them!</summary></details>") == ["He met them!"]
    assert uncited_sentences("<table><thead><tr><th>They met.</th></tr></thead></table>") == ["They met."]


def test_text_outside_the_paragraphs_is_read_too():
    """Loose text in a <div>, a quotation or a collapsible block, code, an image's alt text: all read."""
    assert uncited_sentences("<div>Loose text.<p>Cited." + REF + "</p>More loose text.</div>") == [
        "Loose text.", "More loose text."]
    assert uncited_sentences("<blockquote>Quoted.</blockquote><details>Inside.</details>") == ["Quoted.", "Inside."]
    assert uncited_sentences("<pre><code>x = 1.</code></pre><p><code>They met.</code></p>") == ["x = 1.", "They met."]
    assert uncited_sentences('<p><img src="a.png" alt="They met."></p>') == ["They met."]
    assert uncited_sentences('<p><span class="headerlink">They met.</span></p>') == ["They met."]


def test_a_typed_footnote_marker_is_not_a_footnote():
    from macros.checks.sentences import MARKER

    assert uncited_sentences(f"<p>They met.{MARKER}</p>") == ["They met.\ufffd"]


def test_what_the_check_cannot_read_is_named():
    from macros.checks.uncited import unreadable

    html = "<p>A.</p><script>document.write('They met.')</script><div><style>p::after{content:'x'}</style></div>"
    assert unreadable(html) == ["<script>", "<style>"]
    assert unreadable("<p>Text.</p>") == []


def test_a_table_row_is_one_statement():
    html = f"<table><thead><tr><th>Year</th><th>Count</th></tr></thead><tr><td>2015</td><td>6,656{REF}</td></tr></table>"
    assert checked_sentences(html) == [("2015 · 6,656", True)]
    # A report names the row as a reader reads it: no separator before the first cell or an empty one, or after the last.
    assert uncited_sentences("<table><tr><td>Bukele ordered the killings.</td></tr></table>") == [
        "Bukele ordered the killings."]
    assert uncited_sentences("<table><tr><td></td><td>2015</td><td> </td><td>6,656</td><td></td></tr></table>") == [
        "2015 · 6,656"]


def test_the_footnote_block_is_left_out_only_when_it_ends_the_content():
    from macros.html.blocks import footnotes_start

    body = "<p>Text.</p>"
    notes = '<div class="footnote"><hr /><ol><li id="fn:1"><p>A source.</p></li></ol></div>\n'
    assert footnotes_start(body + notes) == len(body)
    assert footnotes_start(body) == len(body)
    assert footnotes_start(body + notes + "<p>After.</p>") == len(body + notes + "<p>After.</p>")
    assert uncited_sentences(body + notes) == ["Text."]
    assert uncited_sentences(notes + "<p>After.</p>") == ["After."]
