"""Step 1: every data file read with its lines, and each entry validated against its schema class.

An entry that fails validation is reported with its file, line, entry and
field; its id is remembered, so that references to it are not reported again.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from macros.model.context import LoadContext
from macros.model.schema import DATA_FILES
from macros.model.types import Entry
from macros.model.yamlfile import read_yaml
from macros.problems.from_pydantic import validation_problems
from macros.problems.problem import Problem, entry_label
from macros.problems.sibling import Examples
from macros.problems.words import close_matches, shown


def read_data_files(ctx: LoadContext) -> None:
    for filename, (key, cls) in DATA_FILES.items():
        ctx.project.entries[key] = {}
        ctx.invalid[key] = set()
        raw_entries = _entries_of(ctx, filename, key)
        if raw_entries is None:
            ctx.unreadable.add(key)
            continue
        _validate(ctx, key, cls, raw_entries)
    ctx.project.sources = ctx.project.entries["sources"]


def _entries_of(ctx: LoadContext, filename: str, key: str) -> list[Any] | None:
    display = f"{ctx.settings.data_dir}/{filename}"
    doc, found = read_yaml(ctx.settings.data_path / filename, display)
    ctx.problems.extend(found)
    if doc is None:
        return None
    ctx.docs[key] = doc
    start = f"start the file with `{key}:` and list the entries under it, each starting with `  - id:`"
    if doc.data is None:
        ctx.problems.add(Problem(display, "the file is empty", hint=f"{start}; {key}: [] if there are none yet"))
        return None
    if not isinstance(doc.data, dict):
        shape = "a list" if isinstance(doc.data, list) else f"the single value {doc.data!r}"
        ctx.problems.add(Problem(display, f"the file is {shape}; it must be a mapping with the one key `{key}:`",
                                  line=doc.line_of(()), hint=start))
        return None
    for other in doc.data:
        if other != key:
            close = close_matches(other, [key], 0.6)
            ctx.problems.add(Problem(
                display, f"unknown top-level key '{other}'" + (f"; did you mean `{key}:`?" if close else ""),
                line=doc.line_of((other,)), hint=f"this file holds only `{key}:`, the list of its entries"))
    if key not in doc.data:
        if not any(close_matches(other, [key], 0.6) for other in doc.data):
            ctx.problems.add(Problem(display, f"the key `{key}:` is missing", line=doc.line_of(()), hint=start))
        return None
    raw_entries = doc.data[key]
    if raw_entries is None:
        return []
    if not isinstance(raw_entries, list):
        ctx.problems.add(Problem(display, f"`{key}:` must be followed by a list of entries, not {shown(raw_entries)}",
                                  line=doc.line_of((key,)),
                                  hint=f"indent the entries under `{key}:`, each starting with `  - id:`"))
        return None
    return raw_entries


def _validate(ctx: LoadContext, key: str, cls: type[Entry], raw_entries: list[Any]) -> None:
    doc = ctx.docs[key]
    display = doc.path
    entries = ctx.project.entries[key]
    results: list[tuple[int, Any, Entry | ValidationError]] = []
    for index, raw in enumerate(raw_entries):
        try:
            results.append((index, raw, cls.model_validate(raw)))
        except ValidationError as exc:
            results.append((index, raw, exc))
    examples = Examples(doc, key, [i for i, _, r in results if not isinstance(r, ValidationError)])
    for index, raw, result in results:
        label = entry_label(raw, index)
        if isinstance(result, ValidationError):
            ctx.problems.extend(validation_problems(doc, key, index, label, result, cls, examples))
            if label and not label.startswith("#"):
                ctx.invalid[key].add(label)
            continue
        entry_id = getattr(result, "id", None)
        if entry_id is None:  # no entry class today lacks an id; keep order anyway
            entry_id = label
        if entry_id in entries:
            first = ctx.positions[(key, entry_id)]
            ctx.problems.add(Problem(
                display, f"the id '{entry_id}' is already used by the entry at line {doc.line_of((key, first))}",
                line=doc.line_of((key, index, "id")), entry=entry_id, field="id",
                hint="give each entry its own id: other files and pages refer to entries by id"))
            continue
        ctx.positions[(key, entry_id)] = index
        entries[entry_id] = result
