"""The contract with Python-Markdown's footnotes extension: the HTML it writes, as the engine reads it.

Every pass over a rendered page that finds, renumbers or rewrites footnotes
(`footnotes.py`, `opendata/sentences.py`, `checks/uncited.py`, `html/blocks.py`),
the archive pages' back-links (`templates/archive.html`) and the check that a
page's own HTML does not pose as the engine's (`model/steps/page_rules.py`)
take the extension's markup from here; the reader's script
(`assets/cited-explainer.js`) finds the same classes and ids by name. Written by Python-Markdown 3.11 (`TESTED_WITH`):

    <sup id="fnref:LABEL"><a class="footnote-ref" href="#fn:LABEL">N</a></sup>
    ...
    <div class="footnote">
    <hr />
    <ol>
    <li id="fn:LABEL">
    <p>BODY&#160;<a class="footnote-backref" href="#fnref:LABEL" title="Jump back to footnote N in the text">...</a></p>
    </li>
    ...

Four of the extension's options change that markup (`FIXED_OPTIONS`): the
separator in the ids, ids made unique across conversions, the text of the
reference and the back-link's title. A project that sets one of them to
anything else gets one error naming it (`unsupported_options`), instead of
a build whose rewrites find nothing to rewrite. Its other options
(`FREE_OPTIONS`) do not change what the engine reads. tests/test_footnote_html.py
converts pages with the real extension under every option and fails, naming
the installed Markdown version, when the markup or the options change.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

TESTED_WITH = "3.11"  # the Python-Markdown release (major.minor) this markup was read from

# option -> the only value the engine reads (as mkdocs.yml writes it; BACKLINK_TITLE in either placeholder form)
FIXED_OPTIONS: dict[str, tuple[object, ...]] = {
    "SEPARATOR": (":",),
    "UNIQUE_IDS": (False,),
    "SUPERSCRIPT_TEXT": ("{}",),
    "BACKLINK_TITLE": ("Jump back to footnote %d in the text", "Jump back to footnote {} in the text"),
}
FREE_OPTIONS = frozenset({"PLACE_MARKER", "BACKLINK_TEXT", "USE_DEFINITION_ORDER"})

REF_CLASS = "footnote-ref"
BLOCK_OPEN = '<div class="footnote">'
BLOCK_CLASS = "footnote"
BACKREF_CLASS = "footnote-backref"
NOTE_ID_PREFIX = "fn:"
REF_ID_PREFIX = "fnref:"  # the id of a footnote's first reference, which the archive pages link back to
LATER_REF_ID_PREFIX = "fnref"  # a later reference of the same footnote: fnref2:LABEL, fnref3:LABEL, ...

# A reference as the extension writes it: the id, the link's other attributes, its number.
REF_IN_SUP = re.compile(r'<sup id="([^"]+)"><a class="footnote-ref" ([^>]*)>([^<]*)</a></sup>')
# The same reference, for its label (group 1).
REF_LABEL = re.compile(r'<sup id="fnref\d*:[^"]+"><a class="footnote-ref" href="#fn:([^"]+)"[^>]*>\d+</a></sup>')
# The link of a reference, in parts: before the label, the label, between, the number, after.
REF_LINK = re.compile(r'(<a class="footnote-ref" href="#fn:)([^"]+)(">)(\d+)(</a>)')
# The list of footnotes at the end of the content, in three parts: its start, the items, its end.
NOTES = re.compile(r'(<div class="footnote">\s*<hr\s*/?>\s*<ol>)(.*?)(</ol>\s*</div>)', re.S)
# One footnote in that list, with its label.
NOTE = re.compile(r'<li id="fn:([^"]+)">.*?</li>\s*', re.S)
BACKLINK_TITLE = re.compile(r"Jump back to footnote \d+ in the text")


def backlink_title(number: int) -> str:
    return f"Jump back to footnote {number} in the text"


def unsupported_options(options: Mapping[str, object]) -> list[tuple[str, object, object]]:
    """(option, value set, the value the engine reads) for each option of the footnotes extension that is set
    to a value the engine cannot read."""
    return [(name, value, FIXED_OPTIONS[name][0])
            for name, value in options.items() if name in FIXED_OPTIONS and value not in FIXED_OPTIONS[name]]
