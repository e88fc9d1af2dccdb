"""A valid sibling entry of the same file, shown as an example of what a correct value looks like."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from macros.model.yamlfile import YamlDocument
from macros.problems.problem import entry_label


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
