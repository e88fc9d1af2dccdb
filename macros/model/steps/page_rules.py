"""What a hand-written page may hold, read in its source, so that each refusal names the file and the line.

A page holds Markdown (with the extensions mkdocs.yml lists), macro calls and
citation footnotes, and HTML for layout. Refused (CONTRIBUTING, "What a page
may hold"), because the sentence check cannot read what a reader would see,
or because the engine gives it a meaning of its own:

- the elements of REFUSED_TAGS: a script (text it writes), a style sheet, an
  embedded document, a drawing, a form control;
- an event handler attribute (`on...`) and a `javascript:` link;
- the engine's own markers: the classes, attributes and ids its checks and its
  footnotes give a meaning to, a `data-cite-exempt` value only the engine's
  blocks use, and the front matter key of a generated archive page;
- a template statement that brings in another file (`include`, `import`,
  `from`, `extends`): its text would reach readers unchecked by
  `python -m macros.check`, and a path outside the project fails the build.

Fenced code, code spans and HTML comments are not read: they show syntax, or
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import jinja2

from macros.citations import footnote_html
from macros.citations.footnotes import ARCHIVE_META
from macros.citations.page_syntax import LINK_TARGET, blank_code
from macros.problems.problem import Problem, quoted_line

REFUSED_TAGS = frozenset({
    "script", "noscript", "template", "style", "link", "meta", "base", "iframe", "frame", "frameset", "object",
    "embed", "applet", "svg", "math", "canvas", "video", "audio", "marquee", "form", "input", "button", "select",
    "textarea",
})
# Classes, attributes and id prefixes the engine's checks, footnotes and open data read as its own.
ENGINE_CLASSES = frozenset({footnote_html.BLOCK_CLASS, footnote_html.REF_CLASS, footnote_html.BACKREF_CLASS,
                            "headerlink", "seed-text", "cited-archive-placeholder"})
ENGINE_ATTRIBUTES = frozenset({"data-claim", "data-source", "data-glossary-skip"})
ENGINE_ID_PREFIXES = (footnote_html.NOTE_ID_PREFIX, footnote_html.REF_ID_PREFIX, footnote_html.LATER_REF_ID_PREFIX)
# The `data-cite-exempt` values a page may use (macros/checks/uncited.py has them all; the rest are the engine's).
PAGE_EXEMPT = frozenset({"navigation", "label", "site page"})
INCLUDING = {jinja2.nodes.Include: "include", jinja2.nodes.Import: "import", jinja2.nodes.FromImport: "from",
             jinja2.nodes.Extends: "extends"}

_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)((?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?)/?>")
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?""")
_ATTR_LIST = re.compile(r"(?<![{])\{:?[ \t]*((?:[.#][^\s{}]+|[\w:-]+=(?:\"[^\"]*\"|'[^']*'|[^\s{}]+))"
                        r"(?:[ \t]+(?:[.#][^\s{}]+|[\w:-]+=(?:\"[^\"]*\"|'[^']*'|[^\s{}]+)))*)[ \t]*\}(?!\})")
_ATTR_TOKEN = re.compile(r"""([.#])([^\s{}]+)|([\w:-]+)=("[^"]*"|'[^']*'|[^\s{}]+)""")
_JAVASCRIPT = re.compile(r"^\s*(?:j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|vbscript|data)\s*:", re.I)
_HINT = ("a page holds Markdown, macro calls and citation footnotes; see \"What a page may hold\" in "
         "CONTRIBUTING.md")


def page_rule_problems(rel: str, markdown: str, front: dict[str, object], template: jinja2.nodes.Template | None,
                       offset: int) -> list[Problem]:
    """Every refused element, attribute, marker and template statement of one page, by line."""
    problems: list[Problem] = []
    if ARCHIVE_META in front:
        problems.append(Problem(rel, f"the front matter key `{ARCHIVE_META}:` marks the engine's generated archive "
                                     "pages; a hand-written page may not use it", line=1, field=ARCHIVE_META,
                                hint="remove the key: the build makes each source's archive page itself"))
    if front.get("ignore_macros"):  # mkdocs-macros raises on it, and the build would end in a traceback
        problems.append(Problem(rel, "the front matter key `ignore_macros:` is no longer read by the macros plugin",
                                line=1, field="ignore_macros", hint="write `render_macros: false` instead"))
    source = blank_code(markdown)
    for line, message in _html_problems(source):
        problems.append(Problem(rel, message, line=line, details=quoted_line(markdown, line), hint=_HINT))
    if template is not None:
        for node_type, word in INCLUDING.items():
            for node in template.find_all(node_type):
                line = node.lineno + offset
                problems.append(Problem(
                    rel, f"a page may not bring in another file with {{% {word} %}}: its text would reach readers "
                         "without the checks, and a file outside the project cannot be read", line=line,
                    details=quoted_line(markdown, line),
                    hint="write the text on the page itself, or make it a page of its own and link to it"))
    problems.sort(key=lambda p: p.line or 0)
    return problems


def _html_problems(source: str) -> Iterator[tuple[int, str]]:
    for tag in _TAG.finditer(source):
        line = source.count("\n", 0, tag.start()) + 1
        name = tag.group(1).lower()
        if name in REFUSED_TAGS:
            yield line, (f"a page may not hold a <{name}>: the sentence check cannot read what it shows "
                         "(or runs), so nothing checks it")
        for attribute in _ATTRIBUTE.finditer(tag.group(2) or ""):
            value = (attribute.group(2) or "").strip("\"'")
            yield from ((line, m) for m in _attribute_problems(attribute.group(1).lower(), value))
    for block in _ATTR_LIST.finditer(source):
        line = source.count("\n", 0, block.start()) + 1
        for token in _ATTR_TOKEN.finditer(block.group(1)):
            if token.group(1) == ".":
                yield from ((line, m) for m in _attribute_problems("class", token.group(2)))
            elif token.group(1) == "#":
                yield from ((line, m) for m in _attribute_problems("id", token.group(2)))
            else:
                yield from ((line, m) for m in _attribute_problems(token.group(3).lower(), token.group(4).strip("\"'")))
    for link in LINK_TARGET.finditer(source):  # an href is an attribute of a tag, checked above
        if _JAVASCRIPT.match(link.group("inline") or link.group("reference") or ""):
            yield source.count("\n", 0, link.start()) + 1, "a link may not run a script (a `javascript:` address)"


def _attribute_problems(name: str, value: str) -> Iterator[str]:
    if name.startswith("on"):
        yield f"a page may not hold an event handler (`{name}=`): it runs a script"
    elif name in ("href", "src", "action", "formaction", "data", "xlink:href") and _JAVASCRIPT.match(value):
        yield f"a link may not run a script (`{name}=\"{value[:40]}\"`)"
    elif name == "class":
        for word in sorted(set(value.split()) & ENGINE_CLASSES):
            yield f"the class `{word}` is the engine's own marker; a page may not use it"
    elif name == "id" and value.startswith(ENGINE_ID_PREFIXES):
        yield f"the id `{value}` has the form of the engine's footnote ids; a page may not use it"
    elif name in ENGINE_ATTRIBUTES:
        yield f"the attribute `{name}` is the engine's own marker; a page may not use it"
    elif name == "data-cite-exempt" and value not in PAGE_EXEMPT:
        allowed = ", ".join(f'"{v}"' for v in sorted(PAGE_EXEMPT))
        yield f"`data-cite-exempt=\"{value}\"` is not a value a page may use (a page may use {allowed})"
