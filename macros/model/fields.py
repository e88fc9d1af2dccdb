"""Which fields of a schema class can hold what, worked out once per class from its annotations.

The walks over every entry (ids it gives of other entries, citations it
holds) visit only the fields that can lead to what they look for: most of an
entry is prose whose sentences hold no ids, and an entry holds no citation
in a plain text field. The answer depends only on the class, so it is
computed once and kept. `citations_in` is the one walk over an entry's
citations (references.py walks the ids).
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from macros.model.types import Citation, Ref


def ref_kind(metadata: typing.Iterable[Any]) -> str | None:
    """The kind of entry a field's metadata marks it as naming (`Ref`), if any."""
    return next((m.kind for m in metadata if isinstance(m, Ref)), None)


def item_ref_kind(info: Any) -> str | None:
    """The kind a list field's items name (`list[PersonId]`), if they are ids; info is the field's FieldInfo."""
    return ref_kind(getattr(next(iter(typing.get_args(info.annotation)), None), "__metadata__", ()))


def model_classes(annotation: Any) -> set[type[BaseModel]] | None:
    """The schema classes a value of this annotation can be, or be a list of; None when that is not known
    (an annotation this does not take apart), so that a walk looks inside the field anyway."""
    if annotation is None or annotation is type(None):
        return set()
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return {annotation}
        return set() if annotation in (str, int, float, bool) else None
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return set()
    if origin is None:
        return None
    found: set[type[BaseModel]] = set()
    for arg in typing.get_args(annotation):
        if origin is typing.Annotated and arg is not typing.get_args(annotation)[0]:
            continue  # metadata, not a type
        inner = model_classes(arg)
        if inner is None:
            return None
        found |= inner
    return found


def fields_leading_to(cls: type[BaseModel], wanted: Callable[[str, Any], bool]) -> tuple[str, ...]:
    """The names, in declaration order, of cls's fields that are wanted themselves (wanted(name, field info)),
    or can hold a schema class with such a field at any depth."""
    return _leading(cls, wanted, frozenset())


@functools.cache
def _leading(cls: type[BaseModel], wanted: Callable[[str, Any], bool],
             visiting: frozenset[type[BaseModel]]) -> tuple[str, ...]:
    names = []
    for name, info in cls.model_fields.items():
        if wanted(name, info):
            names.append(name)
            continue
        classes = model_classes(info.annotation)
        if classes is None or any(c in visiting or c is cls or _leading(c, wanted, visiting | {cls})
                                  for c in classes):
            names.append(name)
    return tuple(names)


def citations_in(model: BaseModel) -> list[tuple[tuple[Any, ...], Citation, BaseModel]]:
    """Every Citation inside model, in order, with its location (field names and list positions from 0, as
    messages name them: `("sections", 0, "text", 1, "cite", 0)`) and the model holding it. The one walk over
    citations: the load's checks, the dates and the sentences' anchors (macros/opendata/anchors.py) use it."""
    found: list[tuple[tuple[Any, ...], Citation, BaseModel]] = []
    _collect_citations(model, (), found)
    return found


def _collect_citations(model: BaseModel, loc: tuple[Any, ...],
                       found: list[tuple[tuple[Any, ...], Citation, BaseModel]]) -> None:
    for name in _citing_fields(type(model)):
        value = getattr(model, name)
        if isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, Citation):
                    found.append((loc + (name, i), item, model))
                elif isinstance(item, BaseModel):
                    _collect_citations(item, loc + (name, i), found)
        elif isinstance(value, Citation):
            found.append((loc + (name,), value, model))
        elif isinstance(value, BaseModel):
            _collect_citations(value, loc + (name,), found)


@functools.cache  # a schema class's fields, the same for every entry of it
def _citing_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of cls that can hold a citation."""
    return fields_leading_to(cls, _holds_citation)


def _holds_citation(name: str, info: FieldInfo) -> bool:
    classes = model_classes(info.annotation)
    return classes is None or Citation in classes
