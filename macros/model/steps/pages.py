"""Step 5: the hand-written pages: their citation footnotes, and the macro calls they make.

Citations are verified like data citations. Each page is parsed as the
macros plugin will render it (Jinja, same delimiters), and every macro call
in its syntax tree, on one line or several, must name a macro that exists
and ids that the data has.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import jinja2
import yaml

from macros.citations.footnotes import archive_path
from macros.citations.page_syntax import ParsedPage, parse_page
from macros.citations.readers_comment import READERS_COMMENT_HINT, readers_comment_mismatch
from macros.citations.verify import CitationFailure, masthead_check, verify_citation
from macros.model.context import LoadContext
from macros.model.fastyaml import MAX_FLOW, MAX_INDENT, too_deep
from macros.model.page_macros import BUILTIN_MACROS, LIST_ARGUMENTS, PAGE_MACROS, shape_problem
from macros.model.steps.page_rules import page_rule_problems
from macros.problems.examples import citation_example, macro_example
from macros.problems.hints import singular
from macros.problems.problem import Problem, Where, quoted_line
from macros.problems.words import close_matches

# Macros that hand-written pages call with ids, and the kind of entry each id names.
MACRO_IDS = {name: kind for name, kind in PAGE_MACROS.items() if kind}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# The same parser, with the same delimiters, as the macros plugin renders pages with.
_TEMPLATES = jinja2.Environment()


def read_pages(ctx: LoadContext) -> None:
    docs_dir = ctx.settings.docs_path
    if not docs_dir.is_dir():
        ctx.problems.add(Problem(f"{ctx.settings.shown(docs_dir)}/", "the pages folder (mkdocs.yml `docs_dir`) is missing",
                                  hint="create it, or set `docs_dir:` in mkdocs.yml to the folder that holds the pages"))
        return
    for source_id in ctx.project.sources:
        taken = docs_dir / archive_path(source_id, ctx.settings.archive_dir)
        if taken.exists():
            ctx.problems.add(Problem(ctx.settings.shown(taken), "this page has the path of a source's generated archive page",
                                     hint="rename the page, or set the plugin's `archive_dir:` in mkdocs.yml to another folder"))
    for page in sorted(docs_dir.rglob("*.md")):
        rel = ctx.settings.shown(page)
        try:
            markdown = page.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            ctx.problems.add(Problem(rel, f"the page is not valid UTF-8 text ({exc.reason} at byte {exc.start})",
                                      hint="save the file as UTF-8 in your editor"))
            continue
        _page_citations(ctx, rel, markdown)
        parsed = _page_template(ctx, rel, markdown)
        if parsed is not None:
            _page_macro_ids(ctx, rel, *parsed)
            _record_blocks(ctx, page.relative_to(docs_dir).as_posix(), parsed[0])
        front = _FRONT_MATTER.match(markdown)
        deep = too_deep(front.group(0)) if front else None
        if deep is not None:  # MkDocs reads front matter itself, recursing per level: refused before it does
            ctx.problems.add(Problem(rel, "this page's front matter is nested too deeply to read", line=deep,
                                     hint="front matter holds a few `key: value` lines (title, render_macros, ...), "
                                          f"nested at most {MAX_FLOW} brackets or {MAX_INDENT} spaces deep"))
        meta = _front_matter(front.group(0)) if front and deep is None else {}
        template, offset = parsed if parsed is not None else (None, 0)
        ctx.problems.extend(page_rule_problems(rel, markdown, meta, template, offset))


def _page_citations(ctx: LoadContext, rel: str, markdown: str) -> None:
    parsed = parse_page(markdown)
    for bad in parsed.bad:
        ctx.problems.add(Problem(rel, bad.message, line=bad.line, field=f"[^{bad.label}]",
                                  hint=f"write it as {citation_example(ctx.project)}"))
    defined = _defined_labels(ctx, rel, parsed)
    for label, line in parsed.references.items():
        if label not in defined:
            ctx.problems.add(Problem(rel, f"footnote [^{label}] is used but never defined", line=line,
                                      field=f"[^{label}]",
                                      hint=f"add a line such as {citation_example(ctx.project, label)}"))
    for citation in parsed.citations:
        where: Where = {"file": rel, "line": citation.line, "field": f"[^{citation.label}]"}
        if citation.label not in parsed.references:
            ctx.problems.add(Problem(
                message=f"footnote [^{citation.label}] is defined but no sentence uses it",
                hint=f"put [^{citation.label}] at the end of the sentence it supports, or delete the definition", **where))
        if citation.source not in ctx.project.sources:
            if not ctx.known("sources", citation.source):
                ctx.problems.add(Problem(message=f"there is no source with id '{citation.source}' in {ctx.file_of('sources')}",
                                          hint=ctx.ids_hint("sources", citation.source), **where))
            continue
        if citation.source not in ctx.project.seeds:
            continue  # the seed's own problem is already reported
        result = verify_citation(citation.source, citation.quote, ctx.project.seeds, ctx.settings.min_quote_words,
                                 ctx.file_of("sources"))
        if isinstance(result, CitationFailure):
            ctx.problems.add(Problem(message=result.message, details=result.details, hint=result.hint, **where))
        else:
            if result.in_comment:
                ctx.problems.add(Problem(message=readers_comment_mismatch(result), hint=READERS_COMMENT_HINT, **where))
            source = ctx.project.sources[citation.source]
            # The page's own words, without its citation lines: where a sentence may name the article by its headline.
            failure = masthead_check(citation.quote, source.headline, source.byline, parsed.body)
            if failure:
                ctx.problems.add(Problem(message=failure.message, details=failure.details, hint=failure.hint, **where))
            ctx.project.located[result.key] = result


def _defined_labels(ctx: LoadContext, rel: str, parsed: ParsedPage) -> set[str]:
    """The footnote labels the page defines; a label defined twice is a problem (which text would it show?)."""
    defined: dict[str, int] = {}
    for label, line in sorted([(c.label, c.line) for c in parsed.citations] + [(b.label, b.line) for b in parsed.bad],
                              key=lambda item: item[1]):
        if label in defined:
            ctx.problems.add(Problem(rel, f"footnote [^{label}] is defined twice", line=line, field=f"[^{label}]",
                                     details=(("first", f"at line {defined[label]}"),),
                                     hint="give each citation its own label, or delete one of the two definitions"))
        defined.setdefault(label, line)
    return set(defined)


def _page_template(ctx: LoadContext, rel: str, markdown: str) -> tuple[jinja2.nodes.Template, int] | None:
    """The page parsed as mkdocs-macros will render it, and the lines before its body; None when it is not
    rendered, or (with a problem) when its macro calls are not valid template syntax."""
    front = _FRONT_MATTER.match(markdown)
    if front and _front_matter(front.group(0)).get("render_macros") is False:
        return None
    body = markdown[front.end():] if front else markdown
    offset = front.group(0).count("\n") if front else 0
    try:
        return _TEMPLATES.parse(body), offset
    except jinja2.TemplateSyntaxError as exc:
        ctx.problems.add(Problem(
            rel, f"this is not valid macro syntax: {exc.message}", line=(exc.lineno or 1) + offset,
            details=quoted_line(body, exc.lineno),
            hint=(f"a macro call looks like {macro_example()}; to show {{{{ or {{% as text on a page, "
                  "write {{ '{{' }} or put `render_macros: false` in the page's front matter")))
        return None


def _front_matter(block: str) -> dict[str, Any]:
    """The page's front matter as MkDocs reads it (YAML between --- lines); empty when it is not a mapping."""
    text = block.strip().strip("-.").strip()
    if too_deep(text) is not None:
        return {}  # read_pages reports it
    try:  # PyYAML, as MkDocs reads it: a page's front matter is a few lines
        data = yaml.safe_load(text)
    except (yaml.YAMLError, RecursionError):
        return {}  # MkDocs reports it when it builds the page
    return data if isinstance(data, dict) else {}


def _page_macro_ids(ctx: LoadContext, rel: str, template: jinja2.nodes.Template, offset: int) -> None:
    """Every macro call of the page, however many lines it spans: a known macro, and ids its data has."""
    for call in template.find_all(jinja2.nodes.Call):
        if not isinstance(call.node, jinja2.nodes.Name):
            continue  # a method call such as x.items(): not a macro
        name, number = call.node.name, call.lineno + offset
        if name not in PAGE_MACROS and name not in BUILTIN_MACROS and name not in _TEMPLATES.globals:
            close = close_matches(name, list(PAGE_MACROS), 0.6)
            ctx.problems.add(Problem(
                rel, f"there is no macro named '{name}'", line=number,
                hint=(f"did you mean {close[0]}(...)? " if close else "")
                + "the macros are: " + ", ".join(sorted(PAGE_MACROS))))
            continue
        target = MACRO_IDS.get(name)
        if target is None:
            continue
        for message, hint in _shape_problems(name, call):
            ctx.problems.add(Problem(rel, message, line=number, hint=hint))
        for value in _string_arguments(call):
            if not ctx.known(target, value):
                ctx.problems.add(Problem(
                    rel, f"{name}(...) names the {singular(target)} '{value}', which {ctx.file_of(target)} does not have",
                    line=number, hint=ctx.ids_hint(target, value)))


def _record_blocks(ctx: LoadContext, src_uri: str, template: jinja2.nodes.Template) -> None:
    """Which page shows which block, for the links between blocks: a profile's timeline entries link to the
    page that calls timeline(), a person's name to the page that calls profile() with their id, else to the
    page that calls directory()."""
    for call in template.find_all(jinja2.nodes.Call):
        if isinstance(call.node, jinja2.nodes.Name) and call.node.name in PAGE_MACROS:
            ctx.project.block_pages.setdefault(call.node.name, []).append((src_uri, tuple(_string_arguments(call))))


def check_profiles(ctx: LoadContext) -> None:
    """`profile: true` exactly for the people a page shows the profile of."""
    shown = {args[0] for _, args in ctx.project.block_pages.get("profile", []) if args}
    docs = ctx.settings.shown(ctx.settings.docs_path)
    for person in ctx.project.entries.get("people", {}).values():
        if person.profile and person.id not in shown:
            ctx.problems.add(Problem(
                ctx.file_of("people"), f"`profile: true`, but no page calls profile(\"{person.id}\")",
                line=ctx.line_of("people", person, ("profile",)), entry=person.id, field="profile",
                hint=f"add a page ({docs}/{person.id}.md, say) holding {{{{ profile(\"{person.id}\") }}}}, "
                     "or set `profile: false`"))
        elif not person.profile and person.id in shown:
            page = next(p for p, args in ctx.project.block_pages["profile"] if args and args[0] == person.id)
            ctx.problems.add(Problem(
                ctx.file_of("people"), f"{ctx.settings.shown(ctx.settings.docs_path / page)} shows the profile of "
                f"'{person.id}', whose entry does not say `profile: true`",
                line=ctx.line_of("people", person), entry=person.id, field="profile",
                hint="add `profile: true` to the person's entry, so that links to the person lead to the profile"))


def _shape_problems(name: str, call: jinja2.nodes.Call) -> Iterator[tuple[str, str]]:
    """One id where the macro wants a list, or the reverse, read from the call's constants."""
    for wants_list, arg in zip(LIST_ARGUMENTS.get(name, ()), call.args, strict=False):
        if isinstance(arg, jinja2.nodes.Const):
            value: object = arg.value
        elif isinstance(arg, jinja2.nodes.List | jinja2.nodes.Tuple):
            value = [item.value for item in arg.items if isinstance(item, jinja2.nodes.Const)]
        else:
            continue  # a variable: known only when the page renders
        wrong = shape_problem(name, wants_list, value)
        if wrong:
            yield wrong


def _string_arguments(call: jinja2.nodes.Call) -> Iterator[str]:
    """The string constants among a call's arguments, alone or in a list or tuple."""
    for arg in [*call.args, *(kw.value for kw in call.kwargs)]:
        items = arg.items if isinstance(arg, jinja2.nodes.List | jinja2.nodes.Tuple) else [arg]
        for item in items:
            if isinstance(item, jinja2.nodes.Const) and isinstance(item.value, str):
                yield item.value
