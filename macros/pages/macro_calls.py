"""The page macros as mkdocs-macros calls them: arguments checked, then the block rendered.

Ids in arguments are checked here, before rendering, against the kind the
registry declares for the macro; an unknown id or an argument of the wrong
shape (one id where a list is wanted, or the reverse) is reported as a
problem of the page. Nothing raised while rendering is caught: past the
arguments, an error is a bug in the engine, not a mistake in the page.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import typing
from collections.abc import Callable
from typing import Any, Protocol

from macros.citations.footnotes import PageFootnotes
from macros.model.load import Project
from macros.model.page_macros import shape_problem
from macros.model.settings import Settings
from macros.opendata.anchors import CitationAnchors
from macros.pages.registry import BLOCK_MODULES, PAGE_MACROS
from macros.pages.render import Renderer
from macros.problems.hints import data_file_of, ids_hint, singular


class MacroHost(Protocol):
    """What the macros need from the build (the MkDocs plugin provides it)."""

    @property
    def project(self) -> Project: ...

    @property
    def anchors(self) -> CitationAnchors: ...

    settings: Settings

    def footnotes_of(self, page: Any) -> PageFootnotes: ...

    def report(self, page: Any, message: str, hint: str) -> None: ...


def register_page_macros(env: Any, host: MacroHost) -> None:
    for name, kind in PAGE_MACROS.items():
        env.macro(_page_macro(env, host, name, kind), name)


def _page_macro(env: Any, host: MacroHost, name: str, kind: str | None) -> Callable[..., str]:
    def call(*args: Any, **kwargs: Any) -> str:
        renderer = Renderer(host.project, host.footnotes_of(env.page), host.anchors)
        block = _block(name, renderer)
        problems = argument_problems(name, kind, block, args, kwargs, host.project, host.settings.data_dir)
        for message, hint in problems:
            host.report(env.page, message, hint)
        return "" if problems else str(block(*args, **kwargs))

    call.__name__ = name
    return call


def _block(name: str, renderer: Renderer) -> Callable[..., Any]:
    """The function that renders a macro's block, bound to the page's renderer."""
    return functools.partial(_block_function(name), renderer)


def _block_function(name: str) -> Callable[..., Any]:
    """The module-level function of the macro's name in its block's module (every page macro has one: a test)."""
    return getattr(importlib.import_module(BLOCK_MODULES[name]), name)  # type: ignore[no-any-return]


def _wants_list(annotation: Any) -> bool:
    """True for a parameter annotated as a list (annotations may be strings, under `from __future__ import annotations`)."""
    if isinstance(annotation, str):
        return annotation.replace(" ", "").startswith(("list[", "List[", "Sequence[", "tuple["))
    return typing.get_origin(annotation) in (list, tuple)


def list_parameters(name: str) -> list[bool]:
    """For each positional parameter of a page macro, read from its block's signature, whether it takes a list of ids.

    The declared contract is `LIST_ARGUMENTS` (macros/model/page_macros.py); a test asserts the two agree."""
    params = list(inspect.signature(_block_function(name)).parameters.values())[1:]  # the page's renderer
    return [_wants_list(p.annotation) for p in params]


def argument_problems(name: str, kind: str | None, method: Callable[..., Any],
                      args: tuple[Any, ...], kwargs: dict[str, Any], project: Project,
                      data_dir: str = "data") -> list[tuple[str, str]]:
    """What is wrong with a macro call's arguments, as (message, hint) pairs; empty when all is well."""
    signature = inspect.signature(method)
    usage = f"{name}({', '.join(signature.parameters)})"
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError as exc:
        return [(f"{name}(...) is called with the wrong arguments: {exc}", f"call it as {usage}")]
    if kind is None:
        return []
    problems: list[tuple[str, str]] = []
    ids: list[str] = []
    for param, value in bound.arguments.items():
        wants_list = _wants_list(signature.parameters[param].annotation)
        wrong = shape_problem(name, wants_list, value)
        if wrong:
            problems.append(wrong)
        elif isinstance(value, str):
            ids.append(value)
        elif isinstance(value, list | tuple):
            ids.extend(str(v) for v in value)
    entries = project.entries.get(kind, {})
    for value in ids:
        if value not in entries:
            where = data_file_of(kind, data_dir)
            problems.append((f"{name}(...) names the {singular(kind)} '{value}', which {where} does not have",
                             ids_hint(entries, value, kind, data_dir)))
    return problems
