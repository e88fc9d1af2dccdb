"""Which text the glossary linker leaves alone: what a template marks `data-glossary-skip`, and the structural
blocks of Python-Markdown and Material, named by class in macros/html/glossary_links.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.html.glossary_links import TermIndex, link_terms
from macros.model.project import Project
from macros.model.schema import Term

TERM = Term.model_validate({"id": "board", "term": "Water Board", "definition": [
    {"text": "The board that runs the water.", "cite": [{"source": "s", "quote": "the board runs the water"}]}]})
INDEX = TermIndex.of(Project(Path("."), entries={"terms": {"board": TERM}}))
LINK = '<a class="term" href="glossary/#board" title="The board that runs the water.">Water Board</a>'


@pytest.mark.parametrize("skipped", [
    '<p class="timeline__date" data-cite-exempt="label" data-glossary-skip="">Water Board</p>',  # a template's
    '<div class="footnote"><p>Water Board</p></div>',  # Python-Markdown's
    '<aside class="md-source-file">Water Board</aside>',  # Material's
    "<h2>Water Board</h2>",
])
def test_the_first_mention_outside_what_is_skipped_is_linked(skipped):
    out = link_terms(f"{skipped}<p>The Water Board met.</p>", INDEX, "glossary/")
    assert out == f"{skipped}<p>The {LINK} met.</p>"


def test_a_templates_class_alone_no_longer_stops_the_linker():
    """The timeline's date line is skipped because its template says so, not because Python knows its class."""
    out = link_terms('<p class="timeline__date">Water Board</p>', INDEX, "glossary/")
    assert out == f'<p class="timeline__date">{LINK}</p>'
