"""Reading a YAML data file, keeping the line of every key and item.

Dates stay strings (the schema checks them), and a duplicate key is a problem
rather than silently taking the last value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as text."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlDocument:
    """Parsed data with the 1-based line of each path inside it."""

    path: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, loc: Path_) -> int | None:
        """Line of the deepest known prefix of loc."""
        for cut in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:cut]))
            if line is not None:
                return line
        return None


def _walk(node: yaml.Node, loader: _Loader, here: Path_, doc: YamlDocument, problems: list[Problem]) -> Any:
    doc.lines[here] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                problems.append(Problem(
                    doc.path, f"the key '{key}' appears twice in the same entry; the second would silently replace the first",
                    line=key_node.start_mark.line + 1,
                    hint="keep one of the two and delete the other"))
            result[key] = _walk(value_node, loader, here + (key,), doc, problems)
            doc.lines[here + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, loader, here + (i,), doc, problems) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def read_yaml(file: Path, display: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one file; on failure return the problems instead of raising."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(display, "the file is missing",
                              hint=f"create {display}; see CONTRIBUTING.md for its format")]
    except UnicodeDecodeError as exc:
        return None, [Problem(display, f"the file is not valid UTF-8 text ({exc.reason} at byte {exc.start})",
                              hint="save the file as UTF-8 in your editor")]
    doc = YamlDocument(display, None)
    problems: list[Problem] = []
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            doc.data = _walk(node, loader, (), doc, problems)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or "the file is not valid YAML"
        if exc.context:
            what = f"{exc.context}, {what}"
        return None, [Problem(display, f"this is not valid YAML: {what}", line=line,
                              hint="check the indentation and that every text containing ': ' or starting with a quote mark is wrapped in quotes")]
    except yaml.YAMLError as exc:  # pragma: no cover - other parser errors
        return None, [Problem(display, f"this is not valid YAML: {exc}")]
    finally:
        loader.dispose()
    return doc, problems
