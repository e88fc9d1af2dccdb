"""Rendering the explainer's blocks as Markdown, from the validated model.

Every function here is pure: it takes the model and the page's footnotes and
returns Markdown. Every sentence it emits from data carries its footnotes.
Headings and labels are the site's interface; no sentence of the explainer
is written here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from macros.citations.footnotes import PageFootnotes, relative_md
from macros.model.load import Project
from macros.model.schema import Person
from macros.model.types import Citation, Sentence
from macros.opendata.anchors import CitationAnchors
from macros.pages.text import md_text


@dataclass
class Renderer:
    project: Project
    footnotes: PageFootnotes
    anchors: CitationAnchors  # the build's, made once from the project

    @property
    def page(self) -> str:
        return self.footnotes.src_uri

    # --- citations and sentences -------------------------------------------------
    def refs(self, cite: Iterable[Citation], named_by: Iterable[Citation] | None = None) -> str:
        """The footnote references of the citations, after the marker naming their data sentence (by default the
        one these citations support; with `named_by`, the one those support: one sentence, one anchor)."""
        cite = list(cite)
        refs = "".join(self.footnotes.ref(self.project.locate(c.source, c.quote)) for c in cite)
        # An empty marker naming the data sentence, made its anchor by macros/opendata/sentences.py.
        return self.anchors.marker(cite if named_by is None else list(named_by)) + refs if refs else refs

    def printed(self, text: str, cite: Iterable[Citation]) -> dict[str, object]:
        """Words shown as an article prints them (a name, a title), for a template that quotes them, and their
        footnote references."""
        return {"text": text, "refs": Markup(self.refs(cite))}

    def sentence(self, sentence: Sentence) -> str:
        return md_text(sentence.text) + self.refs(sentence.cite)

    def paragraph(self, sentences: list[Sentence]) -> str:
        return " ".join(self.sentence(s) for s in sentences)

    def sentence_list(self, sentences: list[Sentence]) -> str:
        return "\n".join(f"- {self.sentence(s)}" for s in sentences)

    def link(self, target_src_uri: str, anchor: str = "") -> str:
        href = relative_md(self.page, target_src_uri)
        return f"{href}#{anchor}" if anchor else href

    # --- people -------------------------------------------------------------------
    def person_href(self, person: Person) -> str | None:
        """Where a person's name links: the page showing their profile, else their entry on the page that calls
        directory(), else nowhere (None)."""
        profile = self.project.page_of("profile", person.id)
        if profile:
            return self.link(profile)
        directory = self.project.page_of("directory")
        return self.link(directory, person.id) if directory else None

    def person_name(self, person: Person, text: str) -> str:
        """The person's name (as `text`, Markdown) linked where person_href says, or plain when nowhere."""
        href = self.person_href(person)
        return f"[{text}]({href})" if href else text

    def profile_href(self, person: Person) -> str | None:
        page = self.project.page_of("profile", person.id)
        return self.link(page) if page else None

    def timeline_href(self, event_id: str) -> str | None:
        """An event's entry on the page that calls timeline() (the first, by path, if several do); None without one."""
        page = self.project.page_of("timeline")
        return self.link(page, event_id) if page else None
