"""Loading and validating the whole project: data files, seeds and citations.

`load_project` is the single entry: it reads every data file, validates every
entry against the schema, checks ids and references, checks each seed against
its hash and verifies every citation, in data and in hand-written pages. It
collects every problem and raises one `ContributorError` listing them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel, ValidationError

from .citations import CitationFailure, Located, verify_citation
from .errors import ContributorError, Problem, ProblemList
from .mdcite import EXAMPLE, parse_page
from .matching import normalized_text
from .schema import (DATA_FILES, Citation, Entry, Event, Person, Quote, Source)
from .seeds import Seed, sha256_of
from .yamlfile import YamlDocument, read_yaml



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


def _format_loc(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _pydantic_problem(doc: YamlDocument, key: str, index: int, entry: str, error: dict[str, Any], cls: type) -> Problem:
    loc = tuple(error["loc"])
    line = doc.line_of((key, index) + loc)
    kind = error["type"]
    field_name = _format_loc(loc) or None
    if kind == "missing":
        message = "this required field is missing"
        hint = f"add `{loc[-1]}:` to the entry; see CONTRIBUTING.md for a complete example"
    elif kind == "extra_forbidden":
        allowed = _allowed_fields(cls, loc[:-1])
        message = f"'{loc[-1]}' is not a field this entry can have"
        close = [name for name in allowed if _similar(str(loc[-1]), name)]
        hint = (f"did you mean `{close[0]}:`? " if close else "") + f"the fields allowed here are: {', '.join(allowed)}"
    else:
        message = error["msg"].removeprefix("Value error, ")
        value = error.get("input")
        hint = None
        if kind in {"string_type", "list_type", "bool_type", "float_type", "float_parsing", "dict_type", "model_type"}:
            hint = f"you wrote {value!r}"
        elif kind == "string_pattern_mismatch":
            hint = "ids use lower-case letters, digits and single hyphens, e.g. osiris-luna-meza"
        elif kind in {"too_short", "string_too_short"}:
            hint = "this may not be empty"
    return Problem(doc.path, message, line=line, entry=entry, field=field_name, hint=hint)


def _similar(a: str, b: str) -> bool:
    import difflib
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


def _allowed_fields(cls: type, loc: tuple[Any, ...]) -> list[str]:
    """Field names of the class found by following loc from cls."""
    import typing
    current: Any = cls
    for part in loc:
        if isinstance(part, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            annotation = current.model_fields[part].annotation
            current = _inner_model(annotation)
        else:
            return []
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    import typing
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


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


def load_project(root: Path) -> Project:
    """Read, validate and verify everything; raise ContributorError listing every problem."""
    root = Path(root)
    problems = ProblemList()
    project = Project(root)
    docs: dict[str, YamlDocument] = {}
    positions: dict[tuple[str, str], int] = {}

    # 1. Data files -> typed entries.
    for filename, (key, cls) in DATA_FILES.items():
        display = f"data/{filename}"
        doc, found = read_yaml(root / "data" / filename, display)
        problems.extend(found)
        entries: dict[str, Any] = {}
        project.entries[key] = entries
        if doc is None:
            continue
        docs[key] = doc
        if doc.data is None:
            problems.add(Problem(display, "the file is empty",
                                 hint=f"the file starts with `{key}:` followed by a list of entries, each starting with `- id:`"))
            continue
        if not isinstance(doc.data, dict) or key not in doc.data:
            shape = "a list" if isinstance(doc.data, list) else ("a mapping without the key " + repr(key) if isinstance(doc.data, dict) else "a single value")
            problems.add(Problem(display, f"the file is {shape}; it must be a mapping with the key `{key}:`",
                                 line=1, hint=f"start the file with `{key}:` and indent the entries under it, each starting with `- id:`"))
            continue
        extra = [k for k in doc.data if k != key]
        for k in extra:
            problems.add(Problem(display, f"unknown top-level key '{k}'", line=doc.line_of((k,)),
                                 hint=f"the file holds only `{key}:`"))
        raw_entries = doc.data[key]
        if raw_entries is None:
            raw_entries = []
        if not isinstance(raw_entries, list):
            problems.add(Problem(display, f"`{key}:` must be followed by a list of entries, each starting with `- id:`",
                                 line=doc.line_of((key,))))
            continue
        for index, raw in enumerate(raw_entries):
            label = _entry_label(raw, index)
            try:
                entry = cls.model_validate(raw)
            except ValidationError as exc:
                for error in exc.errors():
                    problems.add(_pydantic_problem(doc, key, index, label, error, cls))
                continue
            entry_id = getattr(entry, "id", label)
            if entry_id in entries:
                problems.add(Problem(display, f"the id '{entry_id}' is used by two entries", line=doc.line_of((key, index, "id")),
                                     entry=entry_id, field="id", hint="give each entry its own id"))
                continue
            positions[(key, entry_id)] = index
            entries[entry_id] = entry

    def line_of(kind: str, entry: Any, loc: tuple[Any, ...] = ()) -> int | None:
        doc = docs.get(kind)
        index = positions.get((kind, getattr(entry, "id", "")))
        if doc is None or index is None:
            return None
        return doc.line_of((kind, index) + loc)

    def file_of(kind: str) -> str:
        for filename, (key, _) in DATA_FILES.items():
            if key == kind:
                return f"data/{filename}"
        return kind

    # 2. Seeds: present, described, unchanged.
    project.sources = project.entries["sources"]
    seeds_dir = root / "seeds"
    described = set()
    for source in project.sources.values():
        described.add(source.file)
        path = seeds_dir / source.file
        where = dict(file="data/sources.yml", entry=source.id)
        if not path.is_file():
            problems.add(Problem(message=f"the seed file seeds/{source.file} is missing", line=line_of("sources", source, ("file",)),
                                 field="file", hint="restore it byte for byte from ../shared/seeds/", **where))
            continue
        actual = sha256_of(path)
        if actual != source.sha256:
            problems.add(Problem(message=f"seeds/{source.file} no longer matches its recorded sha256: the evidence was changed",
                                 line=line_of("sources", source, ("sha256",)), field="sha256",
                                 details=(("recorded", source.sha256), ("actual", actual)),
                                 hint="seeds are never edited; restore the file from ../shared/seeds/", **where))
            continue
        seed = Seed.read(source.id, path)
        for name in Source.verbatim_in_seed:
            value = getattr(source, name)
            if value is not None and not seed.contains(value):
                problems.add(Problem(message=f"'{value}' is not printed in the seed", line=line_of("sources", source, (name,)),
                                     field=name, hint="metadata is copied exactly as the article prints it, or null (shown as 'not stated')", **where))
        if source.comments_begin:
            match = seed.find(source.comments_begin)
            if match:
                seed.comments_start = seed.paragraph_of(match.start).start
        project.seeds[source.id] = seed
    if seeds_dir.is_dir():
        for path in sorted(seeds_dir.iterdir()):
            if path.is_file() and path.name not in described:
                problems.add(Problem(f"seeds/{path.name}", "this seed is not described in data/sources.yml",
                                     hint=f"add an entry with file: {path.name}, its sha256 and what the article prints"))

    # 3. References between entries.
    def ref(kind: str, entry: Any, loc: tuple[Any, ...], target: str, value: str) -> None:
        if value not in project.entries.get(target, {}):
            known = ", ".join(sorted(project.entries.get(target, {}))) or "none yet"
            problems.add(Problem(file_of(kind), f"there is no {target[:-1] if target != 'people' else 'person'} with id '{value}'",
                                 line=line_of(kind, entry, loc), entry=entry.id, field=_format_loc(loc),
                                 hint=f"use one of the ids in {file_of(target)}: {known}"))

    for person in project.people.values():
        ref("people", person, ("side",), "sides", person.side)
    for event in project.events.values():
        ref("events", event, ("period",), "periods", event.period)
        for i, pid in enumerate(event.people):
            ref("events", event, ("people", i), "people", pid)
    for quote in project.quotes.values():
        ref("quotes", quote, ("speaker",), "people", quote.speaker)
        ref("quotes", quote, ("source",), "sources", quote.source)
    for question in project.questions.values():
        for p, position in enumerate(question.positions):
            ref("questions", question, ("positions", p, "side"), "sides", position.side)
            for q, qid in enumerate(position.quotes):
                ref("questions", question, ("positions", p, "quotes", q), "quotes", qid)
    for person in project.people.values():
        if person.name not in {n.name for n in person.names}:
            problems.add(Problem("data/people.yml", f"the display name '{person.name}' is not one of the spellings under `names`",
                                 line=line_of("people", person, ("name",)), entry=person.id, field="name",
                                 hint="use one of the printed spellings as the display name"))

    # 4. Every citation in the data, verified against its seed.
    def verify(kind: str, entry: Any, loc: tuple[Any, ...], source_id: str, quote: str,
               must_contain: dict[str, str]) -> None:
        if source_id not in project.sources:
            ref(kind, entry, loc[:-1] + ("source",), "sources", source_id)
            return
        if source_id not in project.seeds:
            return  # the seed's own problem is already reported
        result = verify_citation(source_id, quote, project.seeds)
        where = dict(file=file_of(kind), line=line_of(kind, entry, loc), entry=getattr(entry, "id", None), field=_format_loc(loc))
        if isinstance(result, CitationFailure):
            problems.add(Problem(message=result.message, details=result.details, hint=result.hint, **where))
            return
        for name, value in must_contain.items():
            if normalized_text(value) not in normalized_text(quote):
                problems.add(Problem(message=f"the {name} '{value}' does not appear in this quote",
                                     details=(("quote", f'"{quote}"'),),
                                     hint=f"quote the passage where the seed prints '{value}'", **where))
        project.located[result.key] = result

    for kind, entries in project.entries.items():
        for entry in entries.values():
            for loc, citation, holder in _walk_citations(entry, ()):
                must = {name: getattr(holder, name) for name in holder.verbatim_in_citations}
                verify(kind, entry, loc + ("quote",), citation.source, citation.quote, must)
    for quote in project.quotes.values():
        if quote.source in project.seeds:
            must = {"quotation": quote.text}
            if quote.when:
                must["when"] = quote.when
            if quote.where:
                must["where"] = quote.where
            verify("quotes", quote, ("context",), quote.source, quote.context, must)

    # 5. Hand-written pages: their citation footnotes.
    docs_dir = root / "docs"
    for page in sorted(docs_dir.rglob("*.md")) if docs_dir.is_dir() else []:
        rel = page.relative_to(root).as_posix()
        parsed = parse_page(page.read_text(encoding="utf-8"))
        located: list[Located] = []
        for bad in parsed.bad:
            problems.add(Problem(rel, bad.message, line=bad.line, hint=f"write it as {EXAMPLE}"))
        defined = {c.label for c in parsed.citations} | {b.label for b in parsed.bad}
        for label, line in parsed.references.items():
            if label not in defined:
                problems.add(Problem(rel, f"footnote [^{label}] is used but never defined", line=line,
                                     hint=f"add a line such as {EXAMPLE.replace('[^1]', f'[^{label}]')}"))
        for citation in parsed.citations:
            if citation.label not in parsed.references:
                problems.add(Problem(rel, f"footnote [^{citation.label}] is defined but no sentence uses it", line=citation.line,
                                     hint=f"put [^{citation.label}] at the end of the sentence it supports, or delete the definition"))
            result = verify_citation(citation.source, citation.quote, project.seeds) if citation.source in project.seeds or citation.source not in project.sources else None
            if result is None:
                continue
            if isinstance(result, CitationFailure):
                problems.add(Problem(rel, result.message, line=citation.line, field=f"[^{citation.label}]",
                                     details=result.details, hint=result.hint))
            else:
                project.located[result.key] = result
                located.append(result)
        project.page_citations[rel] = located

    problems.raise_if_any()
    return project


__all__ = ["Project", "load_project", "ContributorError"]
