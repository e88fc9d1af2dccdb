"""Step 3: every id one entry gives of another names an entry.

Which fields hold ids, and of what kind, is declared once, in the schema
(`Ref`: `side: SideId`, `people: list[PersonId]` ...); this step walks
every entry for them, at any depth, so a new kind of reference needs no
code here. Besides, a person's display name is one of the spellings
printed under `names`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from macros.model.context import LoadContext
from macros.model.fields import fields_leading_to, item_ref_kind, ref_kind
from macros.problems.problem import Problem


def check_references(ctx: LoadContext) -> None:
    for kind, entries in ctx.project.entries.items():
        for entry in entries.values():
            for loc, target, value in references_in(entry):
                ctx.ref(kind, entry, loc, target, value)
    _display_names(ctx)


def references_in(model: BaseModel, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str, str]]:
    """Every id a model holds in a field marked `Ref`: (where, the kind it names, the id)."""
    for name, target, item_target in _plan(type(model)):
        value = getattr(model, name, None)
        if isinstance(value, list):
            for i, item in enumerate(value):
                if item_target and isinstance(item, str):
                    yield loc + (name, i), item_target, item
                elif isinstance(item, BaseModel):
                    yield from references_in(item, loc + (name, i))
        elif target and isinstance(value, str):
            yield loc + (name,), target, value
        elif isinstance(value, BaseModel):
            yield from references_in(value, loc + (name,))


@functools.cache
def _plan(cls: type[BaseModel]) -> tuple[tuple[str, str | None, str | None], ...]:
    """The fields of cls that can lead to an id: (name, the kind it names, the kind its list's items name)."""
    fields = cls.model_fields
    return tuple((name, ref_kind(fields[name].metadata), item_ref_kind(fields[name]))
                 for name in fields_leading_to(cls, _holds_ref))


def _holds_ref(name: str, info: FieldInfo) -> bool:
    return bool(ref_kind(info.metadata) or item_ref_kind(info))


def _display_names(ctx: LoadContext) -> None:
    for person in ctx.project.entries.get("people", {}).values():
        if person.name not in {n.name for n in person.names}:
            ctx.problems.add(Problem(
                ctx.file_of("people"), f"the display name '{person.name}' is not one of the spellings under `names`",
                line=ctx.line_of("people", person, ("name",)), entry=person.id, field="name",
                hint="use one of the printed spellings as the display name: "
                     + ", ".join(f"'{n.name}'" for n in person.names)))
