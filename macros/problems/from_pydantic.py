"""Turning the schema's validation errors into problems a contributor can act on.

Each pydantic error becomes one `Problem` naming the file, line, entry and
field, saying in plain words what is wrong, and ending with what a correct
value looks like: the field's own description from `schema.py` and, where the
same file has a valid entry, that entry's value for the field as an example.
A misspelt field (`cites:` for `cite:`) is one problem, not two.
"""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from macros.model.yamlfile import YamlDocument
from macros.problems.problem import Problem, entry_label

CONTRIBUTING = "CONTRIBUTING.md"


def format_loc(loc: tuple[Any, ...]) -> str:
    """('names', 0, 'cite') -> 'names[0].cite'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def close_matches(word: str, choices: typing.Iterable[str], cutoff: float = 0.75) -> list[str]:
    """The choices that look like a misspelling of word, closest first."""
    return difflib.get_close_matches(word, list(choices), n=3, cutoff=cutoff)


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


class _Dumper(yaml.SafeDumper):
    """Writes YAML the way the data files do: lists indented, text in double quotes only when needed."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    try:
        plain = "\n" not in value and yaml.safe_load(value) == value and value == value.strip()
    except yaml.YAMLError:
        plain = False
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=None if plain else '"')


_Dumper.add_representer(str, _represent_text)


def yaml_snippet(name: str | int, value: Any, max_lines: int = 6) -> str:
    """`name: value` (or `- value` for a list item) as a few lines of YAML."""
    data = [value] if isinstance(name, int) else {name: value}
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    lines = text.rstrip().splitlines()
    if len(lines) > max_lines:
        lines = lines[:max_lines] + ["..."]
    return "\n".join(lines)


@dataclass
class Examples:
    """Valid entries of one file, to show what a correct value looks like."""

    doc: YamlDocument
    key: str
    valid: list[int]  # indexes of entries that validated

    def value_at(self, loc: tuple[Any, ...], avoid: int) -> tuple[int, Any] | None:
        """(entry index, value) of the first valid entry holding something at loc."""
        raw_entries = self.doc.data.get(self.key) if isinstance(self.doc.data, dict) else None
        if not isinstance(raw_entries, list):
            return None
        for index in self.valid:
            if index == avoid:
                continue
            value: Any = raw_entries[index]
            for part in loc:
                if isinstance(part, int):
                    if not isinstance(value, list) or not value:
                        value = None
                        break
                    value = value[min(part, len(value) - 1)]
                else:
                    if not isinstance(value, dict) or part not in value:
                        value = None
                        break
                    value = value[part]
            if value is not None:
                return index, value
        return None

    def describe(self, loc: tuple[Any, ...], avoid: int) -> str | None:
        """'for example, entry 'x' (line 12) has:\n  field: value' (the entry's start when loc is empty)."""
        found = self.value_at(loc, avoid)
        if found is None:
            return None
        index, value = found
        raw = self.doc.data[self.key][index]
        label = entry_label(raw, index)
        line = self.doc.line_of((self.key, index) + loc)
        if not loc:
            return f"for example, entry '{label}' (line {line}) starts:\n{yaml_snippet(0, value)}"
        return f"for example, entry '{label}' (line {line}) has:\n{yaml_snippet(loc[-1], value)}"


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


def shown(value: Any) -> str:
    """A value as a contributor would recognise it in a message, cut short when long."""
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 120 else text[:117] + "..."


def _problem(doc: YamlDocument, key: str, index: int, entry: str, error: dict[str, Any],
             cls: type[BaseModel], examples: Examples, renamed: dict[tuple[Any, ...], str]) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    description = _description(field_at(cls, loc))
    value = error.get("input")
    name = loc[-1] if loc else None
    advice: list[str] = []  # one-line pieces of the hint
    example_loc: tuple[Any, ...] | None = loc

    if kind == "missing":
        message = f"the required field `{name}:` is missing"
        advice.append(f"add `{name}:`" + (f", {_lower_first(description)}" if description else ""))
    elif kind == "extra_forbidden":
        holder = model_at(cls, loc[:-1])
        allowed = list(holder.model_fields) if holder else []
        message = f"'{name}' is not a field {'a ' + holder.__name__ if holder else 'this entry'} can have"
        suggestion = renamed.get(loc) or next(iter(close_matches(str(name), allowed, 0.6)), None)
        if suggestion:
            message += f"; did you mean `{suggestion}:`?"
            advice.append(f"rename `{name}:` to `{suggestion}:`")
            example_loc = loc[:-1] + (suggestion,)
        else:
            example_loc = None
        advice.append(f"the fields allowed here are: {', '.join(allowed)}")
    elif kind in _TYPE_WORDS:
        if not loc:
            message = f"each entry must be {_TYPE_WORDS[kind]} starting with `- id:`, not {shown(value)}"
        else:
            message = f"`{name}:` must be {_TYPE_WORDS[kind]}, not {shown(value)}"
        if kind == "string_type" and isinstance(value, (int, float)) and not isinstance(value, bool):
            advice.append(f'YAML reads {value} as a number: wrap it in double quotes, `{name}: "{value}"`')
        elif kind in _TYPE_HINTS:
            advice.append(_TYPE_HINTS[kind])
        if description and loc:
            advice.append(f"`{name}:` is {_lower_first(description)}")
    elif kind == "string_pattern_mismatch":
        message = f"{shown(value)} is not a valid id"
        advice.append("ids use lower-case letters, digits and single hyphens, e.g. `council-vote-2021`")
    elif kind == "too_short":
        need = (error.get("ctx") or {}).get("min_length", 1)
        message = f"`{name}:` needs at least {need} item{'s' if need != 1 else ''}"
        if description:
            advice.append(description)
    elif kind == "string_too_short":
        message = f"`{name}:` may not be empty"
        if description:
            advice.append(description)
    elif kind == "value_error":
        message = f"{shown(value)} is not valid: " + error["msg"].removeprefix("Value error, ")
    else:  # a kind of mistake the schema does not produce today: pydantic's own words
        message = error["msg"] + (f" (you wrote {shown(value)})" if "input" in error else "")
        if description:
            advice.append(description)

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
