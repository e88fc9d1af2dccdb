"""Loading and validating the whole project: data files, seeds and citations.

`load_project` is the single entry: it reads every data file, validates every
entry against the schema, checks ids and references, checks each seed against
its hash and verifies every citation, in data and in hand-written pages. It
collects every problem and raises one `ContributorError` listing them all.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from pydantic import BaseModel, ValidationError

from macros.citations.page_syntax import EXAMPLE, parse_page
from macros.citations.readers_comment import READERS_COMMENT_HINT, readers_comment_mismatch
from macros.citations.verify import CitationFailure, Located, verify_citation
from macros.model.schema import DATA_FILES, Citation, Entry, Source
from macros.model.settings import Settings
from macros.model.yamlfile import YamlDocument, read_yaml
from macros.pages.registry import BUILTIN_MACROS, PAGE_MACROS
from macros.problems.from_pydantic import Examples, close_matches, format_loc, shown, validation_problems
from macros.problems.hints import data_file_of, ids_hint, singular
from macros.problems.problem import ContributorError, Problem, ProblemList
from macros.seeds.article import Seed, sha256_of
from macros.seeds.matching import normalized_text

# Macros that hand-written pages call with ids, and the kind of entry each id names.
# An unknown id there is found here, before the build, like any other reference.
MACRO_IDS = {name: kind for name, kind in PAGE_MACROS.items() if kind}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# The same parser, with the same delimiters, as the macros plugin renders pages with.
_TEMPLATES = jinja2.Environment()


@dataclass
class Project:
    """The validated model every page is rendered from."""

    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    seeds: dict[str, Seed] = field(default_factory=dict)
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)  # kind -> id -> entry
    located: dict[tuple[str, str], Located] = field(default_factory=dict)  # passage key -> place
    page_citations: dict[str, list[Located]] = field(default_factory=dict)  # docs path -> hand-written

    def __getattr__(self, kind: str) -> dict[str, Any]:
        entries = self.__dict__.get("entries", {})
        if kind in entries:
            return entries[kind]
        raise AttributeError(kind)

    def locate(self, source_id: str, quote: str) -> Located:
        """The place of an already verified citation."""
        return self.located[(source_id, normalized_text(quote))]


def _entry_label(raw: Any, index: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return raw["id"]
    return f"#{index + 1}"


def _walk_citations(model: BaseModel, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Citation, BaseModel]]:
    """Every Citation inside model, with its location and the entry holding it."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            here = loc + ((name, i) if isinstance(value, list) else (name,))
            if isinstance(item, Citation):
                yield here, item, model
            elif isinstance(item, BaseModel):
                yield from _walk_citations(item, here)


def load_project(root: Path, settings: Settings | None = None) -> Project:
    """Read, validate and verify everything; raise ContributorError listing every problem."""
    loader = _ProjectLoader(settings or Settings(Path(root)))
    with _collector_paused():
        loader.read_data_files()
        loader.read_seeds()
        loader.check_references()
        loader.verify_data_citations()
        loader.read_pages()
    loader.problems.raise_if_any()
    return loader.project


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the model is built.

    Loading makes millions of small objects and no cyclic garbage; left on,
    the collector rescans the growing heap again and again, and loading 100
    times the data took about four times as long (bench/bench.py).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _ProjectLoader:
    """The steps of `load_project`, each adding what it finds to one problem list.

    A mistake is reported once, where it is: when a data file cannot be read,
    or an entry is invalid, references to its entries are not reported again.
    """

    def __init__(self, settings: Settings):
        self.settings = settings
        self.root = settings.root
        self.project = Project(settings.root)
        self.problems = ProblemList()
        self.docs: dict[str, YamlDocument] = {}
        self.positions: dict[tuple[str, str], int] = {}  # (kind, id) -> index in its file
        self.unreadable: set[str] = set()  # kinds whose file could not be read as a whole
        self.invalid: dict[str, set[str]] = {}  # kind -> ids of entries that failed validation

    def file_of(self, kind: str) -> str:
        return data_file_of(kind, self.settings.data_dir)

    # --- 1. data files -> typed entries -------------------------------------------------
    def read_data_files(self) -> None:
        for filename, (key, cls) in DATA_FILES.items():
            self.project.entries[key] = {}
            self.invalid[key] = set()
            raw_entries = self._entries_of(filename, key)
            if raw_entries is None:
                self.unreadable.add(key)
                continue
            self._validate(key, cls, raw_entries)
        self.project.sources = self.project.entries["sources"]

    def _entries_of(self, filename: str, key: str) -> list[Any] | None:
        display = f"{self.settings.data_dir}/{filename}"
        doc, found = read_yaml(self.settings.data_path / filename, display)
        self.problems.extend(found)
        if doc is None:
            return None
        self.docs[key] = doc
        start = f"start the file with `{key}:` and list the entries under it, each starting with `  - id:`"
        if doc.data is None:
            self.problems.add(Problem(display, "the file is empty", hint=f"{start}; {key}: [] if there are none yet"))
            return None
        if not isinstance(doc.data, dict):
            shape = "a list" if isinstance(doc.data, list) else f"the single value {doc.data!r}"
            self.problems.add(Problem(display, f"the file is {shape}; it must be a mapping with the one key `{key}:`",
                                      line=doc.line_of(()), hint=start))
            return None
        for other in doc.data:
            if other != key:
                close = close_matches(other, [key], 0.6)
                self.problems.add(Problem(
                    display, f"unknown top-level key '{other}'" + (f"; did you mean `{key}:`?" if close else ""),
                    line=doc.line_of((other,)), hint=f"this file holds only `{key}:`, the list of its entries"))
        if key not in doc.data:
            if not any(close_matches(other, [key], 0.6) for other in doc.data):
                self.problems.add(Problem(display, f"the key `{key}:` is missing", line=doc.line_of(()), hint=start))
            return None
        raw_entries = doc.data[key]
        if raw_entries is None:
            return []
        if not isinstance(raw_entries, list):
            self.problems.add(Problem(display, f"`{key}:` must be followed by a list of entries, not {shown(raw_entries)}",
                                      line=doc.line_of((key,)), hint=f"indent the entries under `{key}:`, each starting with `  - id:`"))
            return None
        return raw_entries

    def _validate(self, key: str, cls: type[Entry], raw_entries: list[Any]) -> None:
        doc = self.docs[key]
        display = doc.path
        entries = self.project.entries[key]
        results: list[tuple[int, Any, Entry | ValidationError]] = []
        for index, raw in enumerate(raw_entries):
            try:
                results.append((index, raw, cls.model_validate(raw)))
            except ValidationError as exc:
                results.append((index, raw, exc))
        examples = Examples(doc, key, [i for i, _, r in results if not isinstance(r, ValidationError)])
        for index, raw, result in results:
            label = _entry_label(raw, index)
            if isinstance(result, ValidationError):
                self.problems.extend(validation_problems(doc, key, index, label, result, cls, examples))
                if label and not label.startswith("#"):
                    self.invalid[key].add(label)
                continue
            entry_id = getattr(result, "id", None)
            if entry_id is None:  # no entry class today lacks an id; keep order anyway
                entry_id = label
            if entry_id in entries:
                first = self.positions[(key, entry_id)]
                self.problems.add(Problem(
                    display, f"the id '{entry_id}' is already used by the entry at line {doc.line_of((key, first))}",
                    line=doc.line_of((key, index, "id")), entry=entry_id, field="id",
                    hint="give each entry its own id: other files and pages refer to entries by id"))
                continue
            self.positions[(key, entry_id)] = index
            entries[entry_id] = result

    def line_of(self, kind: str, entry: Any, loc: tuple[Any, ...] = ()) -> int | None:
        doc = self.docs.get(kind)
        index = self.positions.get((kind, getattr(entry, "id", "")))
        if doc is None or index is None:
            return None
        return doc.line_of((kind, index) + loc)

    # --- 2. seeds: present, described, unchanged ----------------------------------------
    def read_seeds(self) -> None:
        seeds_dir = self.settings.seeds_path
        seeds = self.settings.seeds_dir
        sources_file = self.file_of("sources")
        described: set[str] = set()
        for source in self.project.sources.values():
            described.add(source.file)
            self._read_seed(seeds_dir, source)
        if "sources" in self.unreadable:
            return  # which seeds are described is unknown
        if seeds_dir.is_dir():
            for path in sorted(seeds_dir.iterdir()):
                if path.is_file() and not path.name.startswith(".") and path.name not in described:
                    self.problems.add(Problem(
                        f"{seeds}/{path.name}", f"this seed is not described in {sources_file}",
                        hint=(f"add an entry for it to {sources_file}, with what the article prints:\n"
                              f"  - id: a-short-id\n    file: {path.name}\n    sha256: {sha256_of(path)}\n"
                              "    label: How the site names it\n    headline: \"...as printed, or null\"")))
        else:
            self.problems.add(Problem(f"{seeds}/", "the seeds folder is missing",
                                      hint=f"restore it with `git checkout -- {seeds}/`"))

    def _read_seed(self, seeds_dir: Path, source: Source) -> None:
        path = seeds_dir / source.file
        seeds = self.settings.seeds_dir
        where = dict(file=self.file_of("sources"), entry=source.id)
        if not path.is_file():
            self.problems.add(Problem(
                message=f"the seed file {seeds}/{source.file} is missing", line=self.line_of("sources", source, ("file",)),
                field="file", hint=(f"restore it with `git checkout -- {seeds}/{source.file}`, or correct `file:` "
                                    f"to the name of a file in {seeds}/"), **where))
            return
        actual = sha256_of(path)
        if actual != source.sha256:
            self.problems.add(Problem(
                message=f"{seeds}/{source.file} no longer matches its recorded sha256: the evidence was changed",
                line=self.line_of("sources", source, ("sha256",)), field="sha256",
                details=(("recorded", source.sha256), ("actual", actual),
                         ("size", f"{path.stat().st_size} bytes now")),
                hint=f"seeds are never edited; restore the file with `git checkout -- {seeds}/{source.file}`", **where))
            return
        try:
            seed = Seed.read(source.id, path)
        except UnicodeDecodeError as exc:
            self.problems.add(Problem(
                message=f"{seeds}/{source.file} is not UTF-8 text ({exc.reason} at byte {exc.start})",
                line=self.line_of("sources", source, ("file",)), field="file",
                hint="a seed is the article's text saved as UTF-8", **where))
            return
        for name in Source.verbatim_in_seed:
            value = getattr(source, name)
            if value is not None and not seed.contains(value):
                self.problems.add(Problem(
                    message=f"'{value}' is not printed in the seed", line=self.line_of("sources", source, (name,)),
                    field=name, hint="metadata is copied exactly as the article prints it, or null (shown as 'not stated')",
                    **where))
        unprinted = seed.unprinted_words(source.tag) if source.tag else []
        if unprinted:
            self.problems.add(Problem(
                message=f"the tag '{source.tag}' uses words the seed does not print: {', '.join(unprinted)}",
                line=self.line_of("sources", source, ("tag",)), field="tag",
                hint="a tag is made of what the article prints about itself (outlet, byline, date), "
                     "e.g. tag: \"VICE News\"; use null when it prints none", **where))
        if source.comments_begin:
            match = seed.find(source.comments_begin)
            if match:
                seed.comments_start = seed.paragraph_of(match.start).start
        self.project.seeds[source.id] = seed

    # --- 3. references between entries ---------------------------------------------------
    def known(self, target: str, value: str) -> bool:
        """True when value names an entry of target, or one whose own problem is already reported."""
        return (value in self.project.entries.get(target, {}) or target in self.unreadable
                or value in self.invalid.get(target, set()))

    def ref(self, kind: str, entry: Any, loc: tuple[Any, ...], target: str, value: str) -> None:
        if self.known(target, value):
            return
        self.problems.add(Problem(
            self.file_of(kind), f"there is no {singular(target)} with id '{value}' in {self.file_of(target)}",
            line=self.line_of(kind, entry, loc), entry=entry.id, field=format_loc(loc),
            hint=self.ids_hint(target, value)))

    def ids_hint(self, target: str, value: str) -> str:
        return ids_hint(self.project.entries.get(target, {}), value, target, self.settings.data_dir)

    def check_references(self) -> None:
        project = self.project
        for person in project.people.values():
            self.ref("people", person, ("side",), "sides", person.side)
            if person.name not in {n.name for n in person.names}:
                self.problems.add(Problem(
                    self.file_of("people"), f"the display name '{person.name}' is not one of the spellings under `names`",
                    line=self.line_of("people", person, ("name",)), entry=person.id, field="name",
                    hint="use one of the printed spellings as the display name: "
                         + ", ".join(f"'{n.name}'" for n in person.names)))
        for event in project.events.values():
            self.ref("events", event, ("period",), "periods", event.period)
            for i, pid in enumerate(event.people):
                self.ref("events", event, ("people", i), "people", pid)
        for quote in project.quotes.values():
            self.ref("quotes", quote, ("speaker",), "people", quote.speaker)
            self.ref("quotes", quote, ("source",), "sources", quote.source)

        for claim in project.claims.values():
            self.ref("claims", claim, ("by",), "sides", claim.by)
            for d, detail in enumerate(claim.details):
                for q, qid in enumerate(detail.quotes):
                    self.ref("claims", claim, ("details", d, "quotes", q), "quotes", qid)

    # --- 4. every citation in the data, verified against its seed ------------------------
    def verify_data_citations(self) -> None:
        for kind, entries in self.project.entries.items():
            for entry in entries.values():
                for loc, citation, holder in _walk_citations(entry, ()):
                    must = {name: getattr(holder, name) for name in holder.verbatim_in_citations}
                    located = self.verify(kind, entry, loc + ("quote",), citation.source, citation.quote, must)
                    if located and located.in_comment != citation.readers_comment:
                        self.problems.add(Problem(
                            self.file_of(kind), readers_comment_mismatch(located),
                            line=self.line_of(kind, entry, loc), entry=getattr(entry, "id", None),
                            field=format_loc(loc + ("readers_comment",)), details=(("quote", citation.quote),),
                            hint=READERS_COMMENT_HINT))
        for quote in self.project.quotes.values():
            if quote.source in self.project.seeds:
                must = {"text": quote.text}
                if quote.when:
                    must["when"] = quote.when
                if quote.where:
                    must["where"] = quote.where
                self.verify("quotes", quote, ("context",), quote.source, quote.context, must)

    def verify(self, kind: str, entry: Any, loc: tuple[Any, ...], source_id: str, quote: str,
               must_contain: dict[str, str]) -> Located | None:
        if source_id not in self.project.sources:
            if loc[-1] == "quote":
                self.ref(kind, entry, loc[:-1] + ("source",), "sources", source_id)
            return None
        if source_id not in self.project.seeds:
            return None  # the seed's own problem is already reported
        result = verify_citation(source_id, quote, self.project.seeds, self.settings.min_quote_words)
        where = dict(file=self.file_of(kind), line=self.line_of(kind, entry, loc), entry=getattr(entry, "id", None),
                     field=format_loc(loc))
        if isinstance(result, CitationFailure):
            self.problems.add(Problem(message=result.message, details=result.details, hint=result.hint, **where))
            return None
        for name, value in must_contain.items():
            if normalized_text(value) not in normalized_text(quote):
                self.problems.add(Problem(
                    message=f"`{name}:` says \"{value}\", but this quote does not hold those words",
                    details=(("quote", f'"{quote}"'),),
                    hint=(f"the words of `{name}:` are shown as the source prints them, so the citation must hold them: "
                          f"quote the passage where the seed prints \"{value}\", or copy `{name}:` from the quote"),
                    **where))
        self.project.located[result.key] = result
        return result

    # --- 5. hand-written pages: citation footnotes and ids in macro calls ----------------
    def read_pages(self) -> None:
        docs_dir = self.settings.docs_path
        if not docs_dir.is_dir():
            self.problems.add(Problem(f"{self.settings.shown(docs_dir)}/", "the pages folder (mkdocs.yml `docs_dir`) is missing",
                                      hint="create it, or set `docs_dir:` in mkdocs.yml to the folder that holds the pages"))
            return
        for page in sorted(docs_dir.rglob("*.md")):
            rel = self.settings.shown(page)
            try:
                markdown = page.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                self.problems.add(Problem(rel, f"the page is not valid UTF-8 text ({exc.reason} at byte {exc.start})",
                                          hint="save the file as UTF-8 in your editor"))
                continue
            self.project.page_citations[rel] = self._page_citations(rel, markdown)
            parsed = self._page_template(rel, markdown)
            if parsed is not None:
                self._page_macro_ids(rel, *parsed)

    def _page_citations(self, rel: str, markdown: str) -> list[Located]:
        parsed = parse_page(markdown)
        located: list[Located] = []
        for bad in parsed.bad:
            self.problems.add(Problem(rel, bad.message, line=bad.line, field=f"[^{bad.label}]",
                                      hint=f"write it as {EXAMPLE}"))
        defined = {c.label for c in parsed.citations} | {b.label for b in parsed.bad}
        for label, line in parsed.references.items():
            if label not in defined:
                self.problems.add(Problem(rel, f"footnote [^{label}] is used but never defined", line=line,
                                          field=f"[^{label}]",
                                          hint=f"add a line such as {EXAMPLE.replace('[^1]', f'[^{label}]')}"))
        for citation in parsed.citations:
            where = dict(line=citation.line, field=f"[^{citation.label}]")
            if citation.label not in parsed.references:
                self.problems.add(Problem(
                    rel, f"footnote [^{citation.label}] is defined but no sentence uses it",
                    hint=f"put [^{citation.label}] at the end of the sentence it supports, or delete the definition", **where))
            if citation.source not in self.project.sources:
                if not self.known("sources", citation.source):
                    self.problems.add(Problem(rel, f"there is no source with id '{citation.source}' in data/sources.yml",
                                              hint=self.ids_hint("sources", citation.source), **where))
                continue
            if citation.source not in self.project.seeds:
                continue  # the seed's own problem is already reported
            result = verify_citation(citation.source, citation.quote, self.project.seeds, self.settings.min_quote_words)
            if isinstance(result, CitationFailure):
                self.problems.add(Problem(rel, result.message, details=result.details, hint=result.hint, **where))
            else:
                if result.in_comment:
                    self.problems.add(Problem(rel, readers_comment_mismatch(result), hint=READERS_COMMENT_HINT, **where))
                self.project.located[result.key] = result
                located.append(result)
        return located

    def _page_template(self, rel: str, markdown: str) -> tuple[jinja2.nodes.Template, int] | None:
        """The page parsed as mkdocs-macros will render it, and the lines before its body; None when it is not
        rendered, or (with a problem) when its macro calls are not valid template syntax."""
        front = _FRONT_MATTER.match(markdown)
        if front and re.search(r"^render_macros:\s*false\s*$", front.group(0), re.M | re.I):
            return None
        body = markdown[front.end():] if front else markdown
        offset = front.group(0).count("\n") if front else 0
        try:
            return _TEMPLATES.parse(body), offset
        except jinja2.TemplateSyntaxError as exc:
            self.problems.add(Problem(
                rel, f"this is not valid macro syntax: {exc.message}", line=(exc.lineno or 1) + offset,
                details=_line_of_text(body, exc.lineno),
                hint=('a macro call looks like {{ profile("osiris-luna-meza") }}; to show {{ or {% as text on a page, '
                      "write {{ '{{' }} or put `render_macros: false` in the page's front matter")))
            return None

    def _page_macro_ids(self, rel: str, template: jinja2.nodes.Template, offset: int) -> None:
        """Every macro call of the page, however many lines it spans: a known macro, and ids its data has."""
        for call in template.find_all(jinja2.nodes.Call):
            if not isinstance(call.node, jinja2.nodes.Name):
                continue  # a method call such as x.items(): not a macro
            name, number = call.node.name, call.lineno + offset
            if name not in PAGE_MACROS and name not in BUILTIN_MACROS and name not in _TEMPLATES.globals:
                close = close_matches(name, list(PAGE_MACROS), 0.6)
                self.problems.add(Problem(
                    rel, f"there is no macro named '{name}'", line=number,
                    hint=(f"did you mean {close[0]}(...)? " if close else "")
                    + "the macros are: " + ", ".join(sorted(PAGE_MACROS))))
                continue
            target = MACRO_IDS.get(name)
            if target is None:
                continue
            for value in _string_arguments(call):
                if not self.known(target, value):
                    self.problems.add(Problem(
                        rel, f"{name}(...) names the {singular(target)} '{value}', which {self.file_of(target)} does not have",
                        line=number, hint=self.ids_hint(target, value)))


def _string_arguments(call: jinja2.nodes.Call) -> Iterator[str]:
    """The string constants among a call's arguments, alone or in a list or tuple."""
    for arg in [*call.args, *(kw.value for kw in call.kwargs)]:
        items = arg.items if isinstance(arg, jinja2.nodes.List | jinja2.nodes.Tuple) else [arg]
        for item in items:
            if isinstance(item, jinja2.nodes.Const) and isinstance(item.value, str):
                yield item.value


def _line_of_text(text: str, line: int | None) -> tuple[tuple[str, str], ...]:
    lines = text.split("\n")
    if line and 1 <= line <= len(lines) and lines[line - 1].strip():
        return (("line", lines[line - 1].strip()[:160]),)
    return ()


__all__ = ["ContributorError", "Project", "load_project"]
