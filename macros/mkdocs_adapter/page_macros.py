"""The page macros, on mkdocs-macros (`modules: [macros.mkdocs_adapter.page_macros]` in mkdocs.yml): glue only.

`define_env` registers one macro per entry of `macros/pages/registry.py`.
Each call renders its block with the footnote numbering of the page being
rendered, which it gets from the `cited-explainer` plugin (`macros/mkdocs_adapter/plugin.py`).
An id argument that no data file has is reported as such, with the closest
ids; any other error in rendering is a bug and fails the build as one.

MkDocs is imported only inside `define_env`, so `import macros.model...` and
the rest of the core stay free of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from macros.mkdocs_adapter.plugin import ExplainerPlugin

__all__ = ["define_env", "on_pre_page_macros", "plugin_of"]


def plugin_of(config: Any) -> ExplainerPlugin:
    """This build's instance of the `cited-explainer` plugin, which holds the page's footnotes."""
    from mkdocs.exceptions import PluginError

    from macros.mkdocs_adapter.plugin import NAME, ExplainerPlugin

    for plugin in config.plugins.values():
        if isinstance(plugin, ExplainerPlugin):
            return plugin
    raise PluginError(f"the page macros need the `{NAME}` plugin: list it under `plugins:` in mkdocs.yml")


def define_env(env: Any) -> None:
    from macros.pages.macro_calls import register_page_macros

    register_page_macros(env, plugin_of(env.conf))


def on_pre_page_macros(env: Any) -> None:
    """Before a page renders (mkdocs-macros' pluglet hook): a failure in its template is reported, with the page
    and line, among the build's problems. mkdocs-macros with `on_error_fail` otherwise ends the build with exit
    code 100 and, under `mkdocs build -q`, no message at all."""
    from macros.mkdocs_adapter.render_errors import reporting_template

    jinja = env.env
    if not getattr(jinja.template_class, "reports_failures", False):
        jinja.template_class = reporting_template(plugin_of(env.conf), lambda: env.page)
