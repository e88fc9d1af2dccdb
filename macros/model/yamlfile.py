"""Reading a YAML data file, keeping the line of every key and item.

Dates stay strings (the schema checks them), and a duplicate key is a problem
rather than silently taking the last value. Any file, however broken, ends in
either a document or a list of `Problem`s: never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros.model.fastyaml import MAX_INDENT, fast_load, too_deep
from macros.problems.problem import Problem, entry_label, quoted_line

Path_ = tuple[str | int, ...]


# libyaml's parser when PyYAML has it (about twenty times faster), else PyYAML's own.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Aliases (*name) can make a small file expand enormously ("billion laughs");
# past this many repeated visits the file is refused. Data files need none.
MAX_ALIAS_VISITS = 10_000

# A data file larger than this is refused before it is read (stat, not read): at PyYAML's pace it would take
# seconds per megabyte and many times its size in memory. The real data's largest file is 71 kB, the 100x
# benchmark's 7 MB.
MAX_FILE_BYTES = 64 * 1024 * 1024
_TOO_DEEP_HINT = (f"entries are a list of mappings a few levels deep, each level indented two spaces more than "
                  f"the one holding it; no line may start with more than {MAX_INDENT} spaces; see CONTRIBUTING.md")


_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null"))


_COLLECTION_TAGS = frozenset(("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"))


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader that leaves timestamps as text."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlDocument:
    """Parsed data with the 1-based line of each path inside it.

    Read fast (`fastyaml.py`), a document keeps its text and finds its lines only when a problem asks for one."""

    path: str
    data: Any
    text: str | None = field(default=None, repr=False)  # the text whose lines are not read yet
    _lines: dict[Path_, int] | None = field(default=None, repr=False)

    @property
    def lines(self) -> dict[Path_, int]:
        if self._lines is None:
            self._lines = _lines_of(self.text or "")
            self.text = None
        return self._lines

    def line_of(self, loc: Path_) -> int | None:
        """Line of the deepest known prefix of loc."""
        lines = self.lines
        for cut in range(len(loc), -1, -1):
            line = lines.get(tuple(loc[:cut]))
            if line is not None:
                return line
        return None


class _TooDeep(Exception):
    """An alias refers to a node that contains it, or the aliases expand without end."""

    def __init__(self, node: yaml.Node, reason: str):
        self.node = node
        self.reason = reason


class _Walker:
    """Builds plain data from the node tree, recording lines and duplicate keys."""

    def __init__(self, loader: yaml.SafeLoader):
        self.loader = loader
        self.lines: dict[Path_, int] = {}
        self.duplicates: list[tuple[Path_, int, int | None]] = []  # (where, line, line of the first)
        self.open: set[int] = set()  # ids of the collection nodes being built
        self.seen: set[int] = set()
        self.revisits = 0

    def walk(self, node: yaml.Node, here: Path_) -> Any:
        self.lines.setdefault(here, node.start_mark.line + 1)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            if node.tag not in _COLLECTION_TAGS:  # e.g. !!python/object/apply: PyYAML's safe constructors refuse it
                return self.loader.construct_object(node, deep=True)
            if id(node) in self.open:
                raise _TooDeep(node, "an alias (*name) refers to a block that contains it")
            if id(node) in self.seen:
                self.revisits += 1
                if self.revisits > MAX_ALIAS_VISITS:
                    raise _TooDeep(node, "its aliases (*name) expand to too many values")
            self.seen.add(id(node))
            self.open.add(id(node))
            try:
                return self._mapping(node, here) if isinstance(node, yaml.MappingNode) else [
                    self.walk(item, here + (i,)) for i, item in enumerate(node.value)]
            finally:
                self.open.discard(id(node))
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag in _PLAIN_TAGS and isinstance(node, yaml.ScalarNode):
            return self.loader.yaml_constructors[node.tag](self.loader, node)  # the common case, directly
        return self.loader.construct_object(node, deep=True)  # with PyYAML's own errors for odd tags

    def _mapping(self, node: yaml.MappingNode, here: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else self.walk(key_node, here + ("?",))
            key = key if isinstance(key, str) else _as_text(key)
            if key in result:
                self.duplicates.append((here + (key,), key_node.start_mark.line + 1, self.lines.get(here + (key,))))
            self.lines[here + (key,)] = key_node.start_mark.line + 1
            result[key] = self.walk(value_node, here + (key,))
        return result


def _as_text(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _duplicate_problem(doc: YamlDocument, loc: Path_, line: int, first: int | None) -> Problem:
    entry = None
    if len(loc) >= 3 and isinstance(doc.data, dict):
        items = doc.data.get(loc[0])
        if isinstance(items, list) and isinstance(loc[1], int) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            entry = entry_label(items[loc[1]], loc[1])
    field_path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc[2:]).lstrip(".") or None
    return Problem(
        doc.path, f"the key '{loc[-1]}' appears twice in the same mapping; the second would silently replace the first",
        line=line, entry=entry, field=field_path,
        details=(("first", f"at line {first}"),) if first and first != line else (),
        hint="keep one of the two and delete the other")


def _read_text(file: Path, display: str) -> str | Problem:
    """The file's text, or why it cannot be read."""
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES and file.is_file():
            return Problem(display, f"the file is {size / 2**20:.0f} MB; a data file may be at most "
                                    f"{MAX_FILE_BYTES // 2**20} MB", hint="check that this is the data file you meant "
                                    "to save here: the largest the engine is measured on is 7 MB")
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Problem(display, "the file is missing",
                       hint=f"create {display}; CONTRIBUTING.md shows its format")
    except IsADirectoryError:
        return Problem(display, "this is a folder, not a file",
                       hint=f"{display} must be a YAML file; CONTRIBUTING.md shows its format")
    except UnicodeDecodeError as exc:
        return Problem(display, f"the file is not valid UTF-8 text ({exc.reason} at byte {exc.start})",
                       hint="save the file as UTF-8 in your editor")
    except OSError as exc:
        return Problem(display, f"the file cannot be read: {exc.strerror or exc}",
                       hint="check that the file exists and that you may read it")


def read_yaml(file: Path, display: str, fast: bool = True) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one file; on failure return the problems instead of raising. fast=False: PyYAML alone."""
    text = _read_text(file, display)
    if isinstance(text, Problem):
        return None, [text]
    deep = too_deep(text)  # before either parser: both recurse per level, and crash the process far enough down
    if deep is not None:
        return None, [Problem(display, "this YAML is nested too deeply to read", line=deep, hint=_TOO_DEEP_HINT)]
    data = fast_load(text, depth_checked=True) if fast else None
    if data is not None:
        return YamlDocument(display, data, text), []
    loader = _Loader(text)
    walker = _Walker(loader)
    doc = YamlDocument(display, None, _lines=walker.lines)
    try:
        node = loader.get_single_node()
        if node is not None:
            doc.data = walker.walk(node, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or "the file is not valid YAML"
        if exc.context:
            what = f"{exc.context}, {what}"
        return None, [Problem(display, f"this is not valid YAML: {what}", line=line,
                              details=quoted_line(text, line, f"line {line}"),
                              hint=("check the indentation, and wrap in double quotes any text that contains ': ' "
                                    "or ' #', or starts with a quote mark, '[', '{', '*', '&', '!', '|', '>', '@' or '%'"))]
    except yaml.YAMLError as exc:
        return None, [Problem(display, f"this is not valid YAML: {exc}",
                              hint="check the indentation and the quoting of the text near the reported place")]
    except _TooDeep as exc:
        return None, [Problem(display, f"this YAML cannot be read: {exc.reason}", line=exc.node.start_mark.line + 1,
                              hint="write the values out instead of using anchors (&name) and aliases (*name)")]
    except RecursionError:  # not within too_deep's bound, but a caller's own stack may be deep
        return None, [Problem(display, "this YAML is nested too deeply to read", hint=_TOO_DEEP_HINT)]
    except (ValueError, TypeError, OverflowError) as exc:  # a value PyYAML's constructors cannot build
        return None, [Problem(display, f"this is not valid YAML: {exc}",
                              hint="check the value near the reported place; quote it to keep it as text")]
    finally:
        loader.dispose()
    return doc, [_duplicate_problem(doc, *found) for found in walker.duplicates]


def _lines_of(text: str) -> dict[Path_, int]:
    """The line of every key and item of a text that reads without problems (as a fast-read one does)."""
    loader = _Loader(text)
    walker = _Walker(loader)
    try:
        node = loader.get_single_node()
        if node is not None:
            walker.walk(node, ())
    except (yaml.YAMLError, _TooDeep, RecursionError, ValueError, TypeError, OverflowError):
        pass  # not for a text that read fast; the lines found so far are all there are
    finally:
        loader.dispose()
    return walker.lines
