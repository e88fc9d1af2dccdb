"""The contract with Python-Markdown's footnote HTML (macros/citations/footnote_html.py), against the real extension.

Every pattern the engine reads footnotes with matches what the installed
footnotes extension writes, under every option a project may set; an option
that changes the markup is refused by name; and the extension has no option
the contract does not know. A Markdown upgrade that changes any of it fails
here, naming the version, instead of as hundreds of broken links.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
import pytest
from markdown.extensions.footnotes import FootnoteExtension

from macros.citations import footnote_html as markup
from macros.citations.footnotes import number_in_reading_order

MARKDOWN = f"Python-Markdown {version('Markdown')} (the contract was read from {markup.TESTED_WITH})"
PAGE = "One.[^cite-1]\n\n<div markdown=\"1\">\nTwo.[^cite-2]\n</div>\n\nThree.[^cite-1]\n\n" \
       "[^cite-1]: First.\n\n[^cite-2]: Second.\n"
NESTED = 'One.[^a]\n\n<div markdown="1">\nTwo.[^b]\n</div>\n\nThree.[^c]\n\n[^a]: A.\n\n[^b]: B.\n\n[^c]: C.\n'
# A value other than the default for each option, as a project might write it in mkdocs.yml.
OTHER_VALUE: dict[str, Any] = {"SEPARATOR": "-", "UNIQUE_IDS": True, "SUPERSCRIPT_TEXT": "[{}]",
                               "BACKLINK_TITLE": "Back to note %d", "PLACE_MARKER": "@@notes@@",
                               "BACKLINK_TEXT": "back", "USE_DEFINITION_ORDER": False}


def convert(**options: Any) -> str:
    md = markdown.Markdown(extensions=["footnotes", "md_in_html"], extension_configs={"footnotes": options})
    return str(md.convert(PAGE))


def grammar_reads(html: str, backlink: markup.BacklinkTitle = markup.DEFAULT_BACKLINK) -> bool:
    """Every pattern of the contract finds what it is for, as the passes over a page use them."""
    labels = [m.group(1) for m in markup.REF_LABEL.finditer(html)]
    links = [m.group(2) for m in markup.REF_LINK.finditer(html)]
    notes = markup.NOTES.search(html)
    listed = [m.group(1) for m in markup.NOTE.finditer(notes.group(2))] if notes else []
    renumbered = number_in_reading_order(html, backlink)
    return (labels == links == ["cite-1", "cite-2", "cite-1"] and len(markup.REF_IN_SUP.findall(html)) == 3
            and sorted(listed) == ["cite-1", "cite-2"] and markup.BLOCK_OPEN in html
            and html.count(f'id="{markup.REF_ID_PREFIX}cite-1"') == 1
            and len(backlink.pattern.findall(renumbered)) == 3
            and f'title="{backlink.title(2)}"' in renumbered)


def test_the_contract_knows_every_option_of_the_footnotes_extension() -> None:
    options = set(FootnoteExtension().config)
    assert options == set(markup.FIXED_OPTIONS) | markup.FREE_OPTIONS | {markup.TITLE_OPTION}, MARKDOWN
    assert set(OTHER_VALUE) == options


def test_the_grammar_reads_the_extension_with_its_defaults() -> None:
    assert grammar_reads(convert()), MARKDOWN
    assert grammar_reads(convert(USE_DEFINITION_ORDER=False)), MARKDOWN  # as this site sets it
    defaults = {name: value for name, (value, _) in FootnoteExtension().config.items()}
    assert not markup.unsupported_options(defaults), MARKDOWN


@pytest.mark.parametrize("option", sorted(markup.FREE_OPTIONS))
def test_an_option_left_free_does_not_change_what_the_engine_reads(option: str) -> None:
    assert grammar_reads(convert(**{option: OTHER_VALUE[option]})), f"{option}: {MARKDOWN}"
    assert not markup.unsupported_options({option: OTHER_VALUE[option]})


@pytest.mark.parametrize("wording", ["Jump back to footnote %d in the text", "Back to note %d",
                                     "Volver a la nota {} del texto", 'Zurück zu „{}“ & <Text>', "Retour au texte"])
def test_the_back_link_title_is_read_and_renumbered_as_the_project_words_it(wording: str) -> None:
    backlink = markup.BacklinkTitle.of({markup.TITLE_OPTION: wording})
    html = convert(BACKLINK_TITLE=wording)
    assert grammar_reads(html, backlink), f"{wording!r}: {MARKDOWN}"
    # Python-Markdown numbers the reference inside the HTML block after the one below it: b is 3, c is 2.
    nested = markdown.Markdown(extensions=["footnotes", "md_in_html"], extension_configs={"footnotes": {
        "USE_DEFINITION_ORDER": False, "BACKLINK_TITLE": wording}}).convert(NESTED)
    notes = markup.NOTES.search(number_in_reading_order(nested, backlink))
    assert notes, wording
    listed = list(markup.NOTE.finditer(notes.group(2)))
    assert [note.group(1) for note in listed] == ["a", "b", "c"], wording
    for number, note in enumerate(listed, 1):
        assert f'title="{backlink.title(number)}"' in note.group(0) and len(backlink.pattern.findall(note.group(0))) == 1
    if backlink != markup.DEFAULT_BACKLINK:
        assert not grammar_reads(html), "the default wording must not read another one"


def test_the_build_reads_the_back_link_title_from_mkdocs_yml() -> None:
    from macros.mkdocs_adapter.markdown_setup import backlink_title

    config = SimpleNamespace(mdx_configs={"footnotes": {"BACKLINK_TITLE": "Volver a la nota %d"}})
    assert backlink_title(config).title(4) == "Volver a la nota 4"  # type: ignore[arg-type]
    assert backlink_title(SimpleNamespace(mdx_configs={})) == markup.DEFAULT_BACKLINK  # type: ignore[arg-type]


@pytest.mark.parametrize("option", sorted(markup.FIXED_OPTIONS))
def test_an_option_that_changes_the_markup_is_refused_by_name(option: str) -> None:
    value = OTHER_VALUE[option]
    assert not grammar_reads(convert(**{option: value})), f"{option} no longer changes the markup: {MARKDOWN}"
    assert markup.unsupported_options({option: value}) == [(option, value, markup.FIXED_OPTIONS[option][0])]
    for supported in markup.FIXED_OPTIONS[option]:
        assert not markup.unsupported_options({option: supported})
        assert grammar_reads(convert(**{option: supported})), f"{option}: {supported!r}: {MARKDOWN}"


def test_the_build_names_each_refused_option_with_its_line_in_mkdocs_yml(tmp_path: Path) -> None:
    from macros.mkdocs_adapter.markdown_setup import footnote_option_problems

    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: x\nmarkdown_extensions:\n  - footnotes:\n      BACKLINK_TEXT: back\n"
                           "      SEPARATOR: '-'\n      UNIQUE_IDS: true\n", encoding="utf-8")
    config = SimpleNamespace(config_file_path=str(config_file),
                             mdx_configs={"footnotes": {"BACKLINK_TEXT": "back", "SEPARATOR": "-", "UNIQUE_IDS": True}})
    problems = footnote_option_problems(config)  # type: ignore[arg-type]
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("mkdocs.yml", 5, "markdown_extensions.footnotes.SEPARATOR"),
        ("mkdocs.yml", 6, "markdown_extensions.footnotes.UNIQUE_IDS")]
    assert all(p.hint and p.field and p.field.rsplit(".", 1)[1] in p.hint for p in problems)
