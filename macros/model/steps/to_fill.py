"""Step 6: what a draft has still to fill; reported, never a problem (unless the project asks: publishing).

A field written with nothing after its colon (`headline:`) is still to fill:
`add-source` writes a new source's printed fields that way, and a contributor
may leave any field so while drafting. `null` is an answer ("the article
prints none", shown to readers as "not stated"); an empty value is not. A
source whose seed seems to hold readers' comments (`macros/seeds/comments.py`)
and that records no `comments_begin` is still to fill too: until the boundary
is confirmed, a reader's comment could be cited as the article's words.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from macros.model.context import LoadContext
from macros.model.schema import DATA_FILES
from macros.problems.problem import Problem, entry_label
from macros.problems.words import format_loc
from macros.seeds.comments import comment_marker

_KEY_LINE = re.compile(r"(?P<indent>[ ]*)(?P<item>- )?\w+:[ \t]*")


def _maybe_empty(text: str) -> bool:
    """Whether some 'key:' line has nothing after its colon and no deeper line below it (nor a list at the key's
    column): a quick look, which may find too much (a blank or comment line next), never too little. Only files
    where it finds one are parsed again, node by node, which says for sure. About 0.3 s for this site's data at
    100 times its size (one regular expression over every line took 0.45 s, a line-by-line loop 1.1 s)."""
    at = text.find(":\n")
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        key = _KEY_LINE.fullmatch(text, line_start, at + 1)
        if key is not None:
            column = len(key.group("indent")) + (2 if key.group("item") else 0)
            end = text.find("\n", at + 2)
            following = text[at + 2:] if end < 0 else text[at + 2:end]
            indent = len(following) - len(following.lstrip(" "))
            if not (indent > column or (indent == column and following.startswith("- ", indent))):
                return True
        at = text.find(":\n", at + 2)
    return text.rstrip(" \t").endswith(":")


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STILL_TO_FILL = "still to fill"


def find_still_to_fill(ctx: LoadContext) -> None:
    found: list[Problem] = []
    for filename, (key, _) in DATA_FILES.items():
        if key not in ctx.docs:
            continue  # step 1 could not read it, and said why (read again, a file nested too deeply crashes libyaml)
        path = ctx.settings.data_path / filename
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # step 1 has reported it
        if _maybe_empty(text):
            found.extend(_empty_fields(text, f"{ctx.settings.data_dir}/{filename}", key))
    found.extend(_unconfirmed_comments(ctx))
    ctx.project.to_fill = sorted(found, key=lambda p: (p.file, p.line or 0))


def _empty_fields(text: str, display: str, key: str) -> list[Problem]:
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return []  # step 1 has reported it
    if not isinstance(root, yaml.MappingNode):
        return []
    out: list[Problem] = []
    for key_node, value in root.value:
        if getattr(key_node, "value", None) != key or not isinstance(value, yaml.SequenceNode):
            continue
        for index, item in enumerate(value.value):
            label = entry_label(_plain_id(item), index)
            for loc, line in _empty_in(item, ()):
                out.append(Problem(display, STILL_TO_FILL, line=line, entry=label, field=format_loc(loc)))
    return out


def _plain_id(item: yaml.Node) -> dict[str, Any]:
    if isinstance(item, yaml.MappingNode):
        for k, v in item.value:
            if getattr(k, "value", None) == "id" and isinstance(v, yaml.ScalarNode):
                return {"id": v.value}
    return {}


def _empty_in(node: yaml.Node, loc: tuple[Any, ...]) -> list[tuple[tuple[Any, ...], int]]:
    """(where, line) of every value left empty under node."""
    out: list[tuple[tuple[Any, ...], int]] = []
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            here = loc + (str(getattr(k, "value", "?")),)
            if isinstance(v, yaml.ScalarNode) and v.tag == "tag:yaml.org,2002:null" and v.value == "":
                out.append((here, k.start_mark.line + 1))
            else:
                out.extend(_empty_in(v, here))
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            out.extend(_empty_in(v, loc + (i,)))
    return out


def _unconfirmed_comments(ctx: LoadContext) -> list[Problem]:
    out: list[Problem] = []
    for source in ctx.project.sources.values():
        seed = ctx.project.seeds.get(source.id)
        if seed is None or "comments_begin" in source.model_fields_set:
            continue  # recorded: where they begin, or null (the marker is the article's own text)
        marker = comment_marker(seed)
        if marker is None:
            continue
        out.append(Problem(
            ctx.file_of("sources"), STILL_TO_FILL, line=ctx.line_of("sources", source), entry=source.id,
            field="comments_begin",
            details=(("seed", f"{ctx.settings.seeds_dir}/{source.file}:{marker.line} looks like the start of readers' "
                              f"comments: \"{marker.text}\""),
                     ("confirm", f"comments_begin: \"{marker.begin}\"  (or null: it is the article's own text)"))))
    return out
