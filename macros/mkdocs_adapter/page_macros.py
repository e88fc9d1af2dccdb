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

from typing import Any

__all__ = ["define_env"]


def define_env(env: Any) -> None:
    from macros.mkdocs_adapter.plugin import plugin_of
    from macros.pages.macro_calls import register_page_macros

    register_page_macros(env, plugin_of(env.conf))
