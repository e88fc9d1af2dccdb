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

Three of the extension's options change that markup so that the engine could
not read it (`FIXED_OPTIONS`): the separator in the ids, ids made unique
across conversions and the text of the reference. A project that sets one
of them to anything else gets one error naming it (`unsupported_options`),
instead of a build whose rewrites find nothing to rewrite. The back-link's
title (BACKLINK_TITLE) is the project's to word, in its readers' language:
`BacklinkTitle` reads and rewrites it as configured. The other options
(`FREE_OPTIONS`) do not change what the engine reads. tests/test_footnote_html.py
converts pages with the real extension under every option and fails, naming
the installed Markdown version, when the markup or the options change.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

TESTED_WITH = "3.11"  # the Python-Markdown release (major.minor) this markup was read from

# option -> the only value the engine reads (as mkdocs.yml writes it)
FIXED_OPTIONS: dict[str, tuple[object, ...]] = {
    "SEPARATOR": (":",),
    "UNIQUE_IDS": (False,),
    "SUPERSCRIPT_TEXT": ("{}",),
}
TITLE_OPTION = "BACKLINK_TITLE"  # read as configured (`BacklinkTitle`)
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


@dataclass(frozen=True)
class BacklinkTitle:
    """The back-link's title as the footnotes extension writes it, for the footnote's number: `wording` is its
    BACKLINK_TITLE option, with `{}` (or the older `%d`) where the number goes; Python-Markdown's own unless
    mkdocs.yml sets it."""

    wording: str = "Jump back to footnote {} in the text"

    @classmethod
    def of(cls, options: Mapping[str, object]) -> BacklinkTitle:
        value = options.get(TITLE_OPTION)
        return cls(str(value).replace("%d", "{}")) if value is not None else cls()

    def title(self, number: int) -> str:
        """The title attribute's value for footnote `number`, escaped as the extension's serializer escapes it."""
        return _attribute(str(number).join(self._parts))

    def renumbered(self, note: str, number: int) -> str:
        """One footnote's HTML with its back-links' titles saying `number`."""
        title = self.title(number)
        return self.pattern.sub(lambda m: f'{m.group(1)}{title}"', note)

    @functools.cached_property
    def _parts(self) -> tuple[str, ...]:
        return tuple(self.wording.split("{}"))

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """A back-link's title attribute, after the link's class and href (group 1)."""
        wording = r"\d+".join(re.escape(_attribute(part)) for part in self._parts)
        return re.compile(rf'(<a class="{BACKREF_CLASS}" href="#{LATER_REF_ID_PREFIX}[^"]*" title="){wording}"')


DEFAULT_BACKLINK = BacklinkTitle()  # Python-Markdown's own wording

# As Python-Markdown's HTML serializer escapes an attribute: an "&" that opens a character reference stays.
_BARE_AMP = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)", re.I)


def _attribute(text: str) -> str:
    return _BARE_AMP.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def unsupported_options(options: Mapping[str, object]) -> list[tuple[str, object, object]]:
    """(option, value set, the value the engine reads) for each option of the footnotes extension that is set
    to a value the engine cannot read."""
    return [(name, value, FIXED_OPTIONS[name][0])
            for name, value in options.items() if name in FIXED_OPTIONS and value not in FIXED_OPTIONS[name]]
