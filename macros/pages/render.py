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
from macros.model.schema import Citation, Event, Person, Sentence
from macros.pages.text import attr, format_date, md_text, sentence_case


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
            out += [f"## {md_text(side.group or side.label)} {{ #side-{side.id} }}", "", '<div class="person-cards" markdown>', ""]
            for person in members:
                out += ['<div class="person-card person-card--full" markdown>', "",
                        f"### {md_text(person.name)} {{ #{person.id} }}", ""]
                if person.role:
                    out += [self.sentence(person.role), ""]
                elif person.titles:
                    out += ["\n".join(f"- “{md_text(t.title)}”{self.refs(t.cite)}" for t in person.titles), ""]
                if person.summary:
                    out += [self.paragraph(person.summary), ""]
                if person.profile:
                    out += [f"[Full profile of {md_text(person.name)}]({self.link(f'people/{person.id}.md')}){{ .person-card__more }}", ""]
                out += ["</div>", ""]
            out += ["</div>", ""]
        return "\n".join(out)

    # --- timeline, figures, glossary, differences, key facts ----------------------
    def timeline(self) -> str:
        out = []
        for period in self.project.periods.values():
            events = sorted((e for e in self.project.events.values() if e.period == period.id), key=lambda e: e.date)
            if not events:
                continue
            out += [f"## {md_text(period.label)} {{ #period-{period.id} }}", "", '<ol class="timeline" markdown>', ""]
            for event in events:
                out += [self.timeline_entry(event), ""]
            out += ["</ol>", ""]
        return "\n".join(out)

    def timeline_entry(self, event: Event) -> str:
        date = format_date(event.date, event.date_note)
        names = ", ".join(f"[{md_text(self.project.people[p].name)}]({self.person_href(self.project.people[p])})"
                          for p in event.people)
        people = f'\n\nPeople: {names}\n{{ .timeline__people data-cite-exempt="navigation" }}\n' if names else ""
        # The heading carries the date and a neutral title; the text below it is cited.
        return (f'<li class="timeline__event" id="{event.id}" markdown="block">\n'
                f'<p class="timeline__date" data-cite-exempt="label"><time datetime="{event.date}">{attr(date)}</time></p>\n'
                f'<p class="timeline__title" data-cite-exempt="label"><strong>{attr(event.title)}</strong></p>\n\n'
                f"{self.paragraph(event.text)}\n{people}\n</li>")

    def figures_table(self) -> str:
        """Every figure as printed, cited: the homicide chart's text alternative too."""
        rows = []
        for figure in self.project.figures.values():
            source = sentence_case(self.project.sources[figure.cite[0].source].label)
            rows.append(f'<tr markdown><th scope="row">{attr(figure.label)}</th>'
                        f'<td markdown="span">{md_text(figure.as_printed)} {md_text(figure.unit)}{self.refs(figure.cite)}</td>'
                        f'<td markdown="span">{md_text(source)}</td></tr>')
        return ('<table class="chart-data" id="figures" markdown>\n'
                '<thead><tr><th scope="col">What the figure counts</th><th scope="col">Figure as printed</th>'
                '<th scope="col">Source</th></tr></thead>\n'
                '<tbody markdown>\n' + "\n".join(rows) + "\n</tbody>\n</table>")

    def glossary(self) -> str:
        out = []
        for term in sorted(self.project.terms.values(), key=lambda t: t.term.lower()):
            out += [f"## {md_text(term.term)} {{ #{term.id} }}", ""]
            if term.aliases:
                out += [f'<p class="aliases" data-cite-exempt="label">Also printed as: '
                        f'{", ".join(attr(a) for a in term.aliases)}</p>', ""]
            out += [self.paragraph(term.definition), ""]
        return "\n".join(out)

    def differences(self) -> str:
        out = []
        for diff in self.project.differences.values():
            out += [f"## {md_text(diff.topic)} {{ #{diff.id} }}", ""]
            for variant in diff.variants:
                first = variant.cite[0]
                label = self.project.sources[first.source].label
                if self.project.locate(first.source, first.quote).in_comment:
                    label = f"a reader's comment under {label}"
                out.append(f"- {md_text(sentence_case(label))}: “{md_text(variant.text)}”{self.refs(variant.cite)}")
            out.append("")
        return "\n".join(out)

    def homicide_chart(self) -> str:
        from macros.pages.chart import homicide_chart
        return homicide_chart(self.project)
