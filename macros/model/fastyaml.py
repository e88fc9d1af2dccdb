"""A fast first reading of a data file, used only where it is sure to read it as PyYAML does.

PyYAML (YAML 1.1, with dates kept as text: `yamlfile.py`) defines what a
data file means, and it reports a broken file precisely; but even with
libyaml it reads about 7 MB a second, and the 100x project has 23 MB of data.
yaml-rs (a YAML 1.2 parser in Rust) reads it about six times as fast, and
for the plain block YAML the data files are written in gives the same
values. Where the two specs differ, `fast_load` does not guess: a text with
anything that either could read otherwise returns None, and the file is read
by PyYAML as before. That is:

- a plain scalar that either spec may read as a number, a boolean or null,
  other than the forms both read alike (true, false, null, 12, -3, 1.5, and
  dates, which both keep as text here); any such key;
- tags (!), anchors (&), aliases (*), complex keys (?), non-empty flow
  collections ([a, b], {a: 1}), document markers and directives;
- a tab, a byte order mark, a line break other than \\n and \\r\\n, and any
  character PyYAML does not accept;
- a text nested more deeply than `too_deep` allows (yaml-rs, like libyaml,
  recurses once per level and crashes the process, without a message, some
  tens of thousands of levels down; `yamlfile.py` refuses such a text before
  either parser sees it).

A text yaml-rs cannot read (a duplicate key among them) also returns None,
so every problem is found and reported by PyYAML, with its lines. tests/
test_properties.py and tests/test_fast_yaml.py compare both readings on
generated and mutated files; the latter also fails, naming the installed
yaml-rs, when its options or its reading of the real data change.

Measured (CPU time): PyYAML's C loader alone is no plain way out, since
building the values stays in Python: the 23 MB of the 100x data read in 4.7 s
with `yaml.load(text, yaml.CSafeLoader)`, 4.5 s with the line-keeping reader
of `yamlfile.py`, 0.56 s here. In alternating `mkdocs build --strict` runs:
nothing on the real site (noise), 0.19 s of 4.1 s at 10x, 3.5 s of 40 s at
100x, where the check (mostly this reading) has to stay under 3 s.
"""

from __future__ import annotations

import re
from typing import Any

try:
    import yaml_rs
except ImportError:  # a virtual environment set up before yaml-rs was required: PyYAML reads every file, slower;
    yaml_rs = None  # type: ignore[assignment]  # scripts/setup.sh installs it (tests/test_fast_yaml.py fails without)

# Characters PyYAML does not accept in a stream, and the tab, the carriage return, the byte order mark and the
# line breaks of YAML 1.1 only (\x85, \u2028, \u2029).
_ODD_CHARACTER = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")

# A plain scalar that YAML 1.1 or 1.2 may read as other than text: numbers in any of their forms (digits with
# dots, underscores, colons or an exponent; hexadecimal, octal, binary; infinity, not a number), the words of
# either spec's booleans and nulls, and the merge and value keys.
_NOT_TEXT = (r"(?:[-+]?(?:0[xX][0-9A-Fa-f_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9._][0-9_.:]*(?:[eE][-+_]?[0-9_]*)?|\.(?:inf|Inf|INF))"
             r"|\.(?:nan|NaN|NAN)|(?i:yes|no|on|off|true|false|null)|~|=|<<)")
# The forms of those that both read alike, as values.
_ALIKE = r"(?:true|True|TRUE|false|False|FALSE|null|Null|NULL|~|[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)"
_LINE_END = r"[ ]*(?:\#[^\n]*)?(?:\n|$)"
# A one-line flow list of words, as in `figures: [votes-2023, votes-2024]`: no quotes, colons or nesting,
# and no item that is one of those words or starts with a digit but for words with a space (`9th Avenue`).
_WORD = r"(?!(?:[0-9][^ ,\]]*|(?i:yes|no|on|off|true|false|null))[ ]*[,\]])[A-Za-z0-9][^,\[\]{}#'\":\n]*"
_WORD_LIST = rf"\[[ ]*{_WORD}(?:,[ ]*{_WORD})*\]"
# What may not start a value: a plain scalar either may read otherwise, a tag, an anchor, an alias, a block
# scalar (| or >), a complex key (?), an empty key, a flow collection other than [], {} and a list of words.
_FIRST = r"(?=[-+.0-9~=<!&*?\[{|>:yYnNoOtTfF])"  # what all of those start with: the search gives up early
_NODE = (rf"(?:(?!{_ALIKE}{_LINE_END}){_NOT_TEXT}{_LINE_END}|[!&*|>]|[?:](?:[ ]|\n|$)"
         rf"|(?!\[\]{_LINE_END}|\{{\}}{_LINE_END}|{_WORD_LIST}{_LINE_END})[\[{{])")
# Each starts with a colon or a line break (the text is searched with a line break put before it), so that the
# search tries only there: a value after `key: `; at a line's start (after any `- `) a value or a key that is not
# plainly text; a document marker or directive.
_UNSURE = re.compile(  # spaces and dashes taken possessively (*+, ++): never given back to be tried again
    rf":[ ]++{_FIRST}{_NODE}"
    rf"|\n[ ]*+(?:-[ ]++)*+{_FIRST}(?:{_NODE}|{_NOT_TEXT}[ ]*:(?:[ ]|\n|$))"
    r"|\n(?:---|\.\.\.|%)")


# How deep a text may nest, measured without parsing it: a line may start with at most MAX_INDENT columns of
# spaces and block indicators (`- `, `? `, `: `), and flow collections ([ and {) may stand at most MAX_FLOW
# inside one another. A block level takes at least one column more than the level holding it (two for `- `), so
# a text within both is at most about MAX_INDENT + MAX_FLOW levels deep: a few hundred Python frames when PyYAML
# builds it, far from the recursion limit and from the depth at which a parser's own recursion crashes. The data
# files are at most a dozen columns deep.
MAX_INDENT = 100
MAX_FLOW = 50
# Searched for after a line break (a literal the search skips ahead to: five times as fast as `^` with re.M on the
# 24 MB of the 100x data), and matched at the text's start.
_DEEP_LINE = re.compile(rf"[ ?:-]{{{MAX_INDENT + 1}}}")
_DEEP_LATER_LINE = re.compile(rf"\n[ ?:-]{{{MAX_INDENT + 1}}}")
_BRACKET = re.compile(r"[\[\]{}]")


def too_deep(text: str) -> int | None:
    """The 1-based line at which a text nests past MAX_INDENT or MAX_FLOW (quoted brackets count too: a text
    holding many is refused, never read wrongly); None when it does not."""
    if _DEEP_LINE.match(text):
        return 1
    deep = _DEEP_LATER_LINE.search(text)
    if deep:
        return text.count("\n", 0, deep.start()) + 2
    if text.count("[") + text.count("{") <= MAX_FLOW:
        return None
    depth = 0
    for bracket in _BRACKET.finditer(text):
        depth = depth + 1 if bracket.group() in "[{" else max(0, depth - 1)
        if depth > MAX_FLOW:
            return text.count("\n", 0, bracket.start()) + 1
    return None


def fast_load(text: str, *, depth_checked: bool = False) -> Any | None:
    """The data of a YAML text, when yaml-rs is sure to read it as PyYAML does; None when it is not (read it with
    PyYAML), and also for an empty text (PyYAML gives None too). depth_checked: the caller has refused a text
    that is `too_deep` (as `read_yaml` does, before either parser)."""
    if yaml_rs is None or _ODD_CHARACTER.search(text) or _UNSURE.search("\n" + text):
        return None
    if not depth_checked and too_deep(text):
        return None
    try:
        return yaml_rs.loads(text, parse_datetime=False, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error)
    except Exception:  # any failure of the fast reading: PyYAML reads the text, and says what is wrong
        return None
