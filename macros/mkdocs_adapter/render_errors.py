"""A page's template that fails to render (mkdocs-macros' Jinja) becomes one of the build's problems.

mkdocs-macros catches any error in a page's template, logs it as a warning
(with a Python traceback) and, with `on_error_fail: true`, exits with code
100: under `mkdocs build -q` the build ends with no message at all. The page
templates are made of a Jinja `Template` subclass (Jinja's public
`Environment.template_class`) whose `render` records the failure, with the
page's file and the template's line, and renders nothing: the plugin's
`on_env` then fails the build with every problem found, worded like the check's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import jinja2


class FailureHost(Protocol):
    def render_failed(self, page: Any, message: str, line: int | None) -> None: ...


def template_line(error: BaseException) -> int | None:
    """The line of the page's template where the error happened (Jinja names the template's frames so)."""
    line = None
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def describe(error: BaseException) -> str:
    """What went wrong, in the contributor's terms."""
    if isinstance(error, jinja2.TemplateNotFound):
        return (f"the file '{error.name}' cannot be brought in: a page may not include or import another file, "
                "and there is no such file in the pages folder")
    if isinstance(error, jinja2.UndefinedError):
        return f"the page's template names something that does not exist: {error.message}"
    if isinstance(error, jinja2.TemplateError):
        return f"the page's template could not be rendered: {error.message}"
    return f"the page's template could not be rendered: {type(error).__name__}: {error}"


def _page_or_none(current_page: Callable[[], Any]) -> Any:
    try:
        return current_page()
    except AttributeError:  # no page yet: a template the macros plugin renders outside a page
        return None


def reporting_template(host: FailureHost, current_page: Callable[[], Any]) -> type[jinja2.Template]:
    """A Template class whose failures are reported to host against the page being rendered."""

    class ReportingTemplate(jinja2.Template):
        reports_failures = True

        def render(self, *args: Any, **kwargs: Any) -> str:
            try:
                return super().render(*args, **kwargs)
            except Exception as error:  # reported with the page and line, then the build fails in on_env
                host.render_failed(_page_or_none(current_page), describe(error), template_line(error))
                return ""

    return ReportingTemplate
