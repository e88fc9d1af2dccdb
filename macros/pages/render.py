"""Rendering the explainer's blocks as Markdown, from the validated model.

Every function here is pure: it takes the model and the page's footnotes and
returns Markdown. Every sentence it emits from data carries its footnotes.
Headings and labels are the site's interface; no sentence of the explainer
is written here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from macros.citations.footnotes import PageFootnotes, relative_md
from macros.model.load import Project
from macros.model.schema import Citation, Person, Sentence
from macros.pages.details import collapsible
from macros.pages.templates import render
from macros.pages.text import md_text


@dataclass
class Renderer:
    project: Project
    footnotes: PageFootnotes

    @property
    def page(self) -> str:
        return self.footnotes.src_uri

    # --- citations and sentences -------------------------------------------------
    def refs(self, cite: Iterable[Citation]) -> str:
        return "".join(self.footnotes.ref(self.project.locate(c.source, c.quote)) for c in cite)

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
    def person_href(self, person: Person) -> str:
        if person.profile:
            return self.link(f"people/{person.id}.md")
        return self.link("people.md", person.id)

    def person_card(self, person_id: str) -> str:
        person = self.project.people[person_id]
        lines = ['<div class="person-card" markdown>',
                 f"[{md_text(person.name)}]({self.person_href(person)}){{ .person-card__name }}", ""]
        if person.role:
            lines += [self.sentence(person.role), "{ .person-card__role }", ""]
        elif person.titles:
            role = person.titles[0]
            lines += [f"“{md_text(role.title)}”{self.refs(role.cite)}", "{ .person-card__role }", ""]
        lines += ["</div>"]
        return "\n".join(lines)

    def people_cards(self, person_ids: list[str]) -> str:
        cards = "\n\n".join(self.person_card(pid) for pid in person_ids)
        return f'<div class="person-cards" markdown>\n\n{cards}\n\n</div>'

    def directory(self) -> str:
        out = []
        for side in self.project.sides.values():
            members = [p for p in self.project.people.values() if p.side == side.id]
            if not members:
                continue
            heading = md_text(side.group or side.label)
            out += [f"## {heading} {{ #side-{side.id} }}", "", '<div class="person-cards" markdown>', ""]
            for person in members:
                out += ['<div class="person-card person-card--full" markdown>', "",
                        f"### {md_text(person.name)} {{ #{person.id} }}", ""]
                if person.role:
                    out += [self.sentence(person.role), ""]
                if person.summary:
                    out += [self.sentence(person.summary[0]), ""]
                more = [self.sentence_list(person.summary[1:])] if person.summary[1:] else []
                if person.titles and not person.profile:  # a profile shows them itself
                    titles = [f"- “{md_text(t.title)}”{self.refs(t.cite)}" for t in person.titles]
                    more.append(titles_label() + "\n\n" + "\n".join(titles))
                if more:
                    out += [collapsible(more_summary(), "\n\n".join(more), kind="note"), ""]
                if person.profile:
                    href = self.link(f"people/{person.id}.md")
                    out += [f"[Full profile of {md_text(person.name)}]({href}){{ .person-card__more }}", ""]
                out += ["</div>", ""]
            out += ["</div>", ""]
        return "\n".join(out)



def titles_label() -> str:
    """The label over a person's titles as printed, in their collapsed block."""
    return render("titles_as_printed_label.md").strip()


def more_summary() -> str:
    """The summary line of a person's collapsed further sentences on the 'Everyone named' page."""
    return render("more_about_person.txt").strip()
