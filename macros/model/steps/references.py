"""Step 3: every id one entry gives of another names an entry.

Which fields hold ids, and of what kind, is declared once, in the schema
(`Ref`: `side: SideId`, `people: list[PersonId]` ...); this step walks
every entry for them, at any depth, so a new kind of reference needs no
code here. Besides, a person's display name is one of the spellings
printed under `names`.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from macros.model.context import LoadContext
from macros.model.types import Ref
from macros.problems.problem import Problem


def check_references(ctx: LoadContext) -> None:
    for kind, entries in ctx.project.entries.items():
        for entry in entries.values():
            for loc, target, value in references_in(entry):
                ctx.ref(kind, entry, loc, target, value)
    _display_names(ctx)


def references_in(model: BaseModel, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str, str]]:
    """Every id a model holds in a field marked `Ref`: (where, the kind it names, the id)."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name, None)
        target = _ref_kind(info.metadata)
        if isinstance(value, list):
            item_target = _ref_kind(getattr(next(iter(typing.get_args(info.annotation)), None), "__metadata__", ()))
            for i, item in enumerate(value):
                if item_target and isinstance(item, str):
                    yield loc + (name, i), item_target, item
                elif isinstance(item, BaseModel):
                    yield from references_in(item, loc + (name, i))
        elif target and isinstance(value, str):
            yield loc + (name,), target, value
        elif isinstance(value, BaseModel):
            yield from references_in(value, loc + (name,))


def _ref_kind(metadata: typing.Iterable[Any]) -> str | None:
    return next((m.kind for m in metadata if isinstance(m, Ref)), None)


def _display_names(ctx: LoadContext) -> None:
    for person in ctx.project.entries.get("people", {}).values():
        if person.name not in {n.name for n in person.names}:
            ctx.problems.add(Problem(
                ctx.file_of("people"), f"the display name '{person.name}' is not one of the spellings under `names`",
                line=ctx.line_of("people", person, ("name",)), entry=person.id, field="name",
                hint="use one of the printed spellings as the display name: "
                     + ", ".join(f"'{n.name}'" for n in person.names)))
