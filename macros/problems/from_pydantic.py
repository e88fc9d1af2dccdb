"""Turning the schema's validation errors into problems a contributor can act on.

Each pydantic error becomes one `Problem` naming the file, line, entry and
field, saying in plain words what is wrong, and ending with what a correct
value looks like: the field's own description from `schema.py` and, where the
same file has a valid entry, that entry's value for the field as an example.
A misspelt field (`cites:` for `cite:`) is one problem, not two.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from macros.model.yamlfile import YamlDocument
from macros.problems.problem import Problem
from macros.problems.sibling import Examples
from macros.problems.words import close_matches, format_loc, shown

CONTRIBUTING = "CONTRIBUTING.md"


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def model_at(cls: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The class of the mapping found by following loc (field names and list indexes) from cls."""
    current: type[BaseModel] | None = cls
    for part in loc:
        if isinstance(part, int):
            continue
        if current is None or part not in current.model_fields:
            return None
        current = _model_in(current.model_fields[part].annotation)
    return current


def field_at(cls: type[BaseModel], loc: tuple[Any, ...]) -> FieldInfo | None:
    names = [i for i, part in enumerate(loc) if isinstance(part, str)]
    if not names:
        return None
    last = names[-1]
    holder = model_at(cls, loc[:last])
    if holder is None:
        return None
    return holder.model_fields.get(loc[last])


def _description(info: FieldInfo | None) -> str | None:
    if info is None:
        return None
    text = info.description
    if not text:
        for meta in info.metadata:
            text = getattr(meta, "description", None) or text
    return text


_TYPE_WORDS = {
    "string_type": "text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "float_type": "a number",
    "float_parsing": "a number",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "list_type": "a list",
    "dict_type": "a mapping of `field: value` lines",
    "model_type": "a mapping of `field: value` lines",
    "model_attributes_type": "a mapping of `field: value` lines",
}

_TYPE_HINTS = {
    "list_type": "write a list: each item on its own line, starting with `- ` and indented under the field",
    "dict_type": "write `field: value` lines, indented under the `- ` that starts the item",
    "model_type": "write `field: value` lines, indented under the `- ` that starts the item",
    "bool_type": "write true or false, without quotes",
    "bool_parsing": "write true or false, without quotes",
    "float_type": "write the number alone, without thousands separators or units (the printed form goes in `as_printed:`)",
    "float_parsing": "write the number alone, without thousands separators or units (the printed form goes in `as_printed:`)",
}


@dataclass(frozen=True)
class _Mistake:
    """One pydantic error, with what the messages need to know about it."""

    loc: tuple[Any, ...]
    error: dict[str, Any]
    description: str | None
    cls: type[BaseModel]
    renamed: dict[tuple[Any, ...], str]

    @property
    def name(self) -> Any:
        return self.loc[-1] if self.loc else None

    @property
    def value(self) -> Any:
        return self.error.get("input")


# What a handler says: the message, pieces of the hint, and where a valid sibling's example is taken from.
_Said = tuple[str, list[str], tuple[Any, ...] | None]


def _missing(m: _Mistake) -> _Said:
    return (f"the required field `{m.name}:` is missing",
            [f"add `{m.name}:`" + (f", {_lower_first(m.description)}" if m.description else "")], m.loc)


def _extra(m: _Mistake) -> _Said:
    holder = model_at(m.cls, m.loc[:-1])
    allowed = list(holder.model_fields) if holder else []
    message = f"'{m.name}' is not a field {'a ' + holder.__name__ if holder else 'this entry'} can have"
    suggestion = m.renamed.get(m.loc) or next(iter(close_matches(str(m.name), allowed, 0.6)), None)
    advice, example_loc = [], None
    if suggestion:
        message += f"; did you mean `{suggestion}:`?"
        advice.append(f"rename `{m.name}:` to `{suggestion}:`")
        example_loc = m.loc[:-1] + (suggestion,)
    advice.append(f"the fields allowed here are: {', '.join(allowed)}")
    return message, advice, example_loc


def _wrong_type(m: _Mistake) -> _Said:
    kind, value, name = m.error["type"], m.value, m.name
    if not m.loc:
        message = f"each entry must be {_TYPE_WORDS[kind]} starting with `- id:`, not {shown(value)}"
    else:
        message = f"`{name}:` must be {_TYPE_WORDS[kind]}, not {shown(value)}"
    advice = []
    if kind == "string_type" and isinstance(value, bool):  # YAML 1.1: yes, no, on, off are booleans too
        words, example = ("yes, on and true", "yes") if value else ("no, off and false", "no")
        advice.append(f"YAML reads {words} as {'true' if value else 'false'}, not as text: "
                      f'wrap the word in double quotes, `{name}: "{example}"`')
    elif kind == "string_type" and isinstance(value, int | float):
        advice.append(f'YAML reads {value} as a number: wrap it in double quotes, `{name}: "{value}"`')
    elif kind in _TYPE_HINTS:
        advice.append(_TYPE_HINTS[kind])
    if m.description and m.loc:
        advice.append(f"`{name}:` is {_lower_first(m.description)}")
    return message, advice, m.loc


def _not_an_id(m: _Mistake) -> _Said:
    return (f"{shown(m.value)} is not a valid id",
            ["ids use lower-case letters, digits and single hyphens, e.g. `council-vote-2021`"], m.loc)


def _too_few(m: _Mistake) -> _Said:
    need = (m.error.get("ctx") or {}).get("min_length", 1)
    return f"`{m.name}:` needs at least {need} item{'s' if need != 1 else ''}", _described(m), m.loc


def _empty(m: _Mistake) -> _Said:
    return f"`{m.name}:` may not be empty", _described(m), m.loc


def _invalid(m: _Mistake) -> _Said:
    return f"{shown(m.value)} is not valid: " + m.error["msg"].removeprefix("Value error, "), [], m.loc


def _other(m: _Mistake) -> _Said:
    """A kind of mistake the schema does not produce today: pydantic's own words."""
    return m.error["msg"] + (f" (you wrote {shown(m.value)})" if "input" in m.error else ""), _described(m), m.loc


def _described(m: _Mistake) -> list[str]:
    return [m.description] if m.description else []


_HANDLERS: dict[str, typing.Callable[[_Mistake], _Said]] = {
    "missing": _missing, "extra_forbidden": _extra, "string_pattern_mismatch": _not_an_id, "too_short": _too_few,
    "string_too_short": _empty, "value_error": _invalid, **{kind: _wrong_type for kind in _TYPE_WORDS}}


def _problem(doc: YamlDocument, key: str, index: int, entry: str, error: dict[str, Any],
             cls: type[BaseModel], examples: Examples, renamed: dict[tuple[Any, ...], str]) -> Problem:
    loc = tuple(error["loc"])
    mistake = _Mistake(loc, error, _description(field_at(cls, loc)), cls, renamed)
    message, advice, example_loc = _HANDLERS.get(error["type"], _other)(mistake)
    example = examples.describe(example_loc, index) if example_loc is not None else None
    if not advice and not example:
        advice.append(f"{CONTRIBUTING} shows a complete entry")
    hint = "; ".join(advice)
    if example:
        hint = f"{hint}\n{example}" if hint else example
    return Problem(doc.path, message, line=doc.line_of((key, index) + loc), entry=entry,
                   field=format_loc(loc) or None, hint=hint)


def _lower_first(text: str) -> str:
    """'The id of ...' -> 'the id of ...'; 'YYYY, ...' and 'U.S. ...' stay as they are."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def validation_problems(doc: YamlDocument, key: str, index: int, entry: str, exc: ValidationError,
                        cls: type[BaseModel], examples: Examples) -> list[Problem]:
    """One problem per mistake in one entry; a misspelt field and its missing twin become one."""
    errors = exc.errors()
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    renamed: dict[tuple[Any, ...], str] = {}
    absorbed: set[tuple[Any, ...]] = set()
    for error in errors:
        if error["type"] != "extra_forbidden":
            continue
        loc = tuple(error["loc"])
        candidates = [str(m[-1]) for m in missing if m[:-1] == loc[:-1] and m not in absorbed]
        close = close_matches(str(loc[-1]), candidates, 0.6)
        if close:
            renamed[loc] = close[0]
            absorbed.add(loc[:-1] + (close[0],))
    return [_problem(doc, key, index, entry, dict(error), cls, examples, renamed)
            for error in errors if not (error["type"] == "missing" and tuple(error["loc"]) in absorbed)]
