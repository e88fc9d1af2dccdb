"""The layout shows the flow: only the MkDocs adapter imports MkDocs, and no layer imports a later one.

Read from the source (every `import` and `from ... import`, at any depth of a module, so that an import
inside a function counts too), not from what happens to be loaded.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from macros.model.page_macros import LIST_ARGUMENTS, PAGE_MACROS
from macros.pages.macro_calls import list_parameters

ENGINE = Path(__file__).resolve().parent.parent / "macros"
MKDOCS_STACK = ("mkdocs", "mkdocs_macros", "material")
# The layers before the page layer (the data, the model, the seeds, the words of errors) import none of the
# layers after them: the flow is seeds and data -> model -> citations -> pages -> html -> checks -> open data,
# and the adapter and the command line sit outside it.
EARLY = {"problems", "seeds", "model"}
LATER = {"pages", "html", "checks", "opendata", "mkdocs_adapter", "commands"}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _modules() -> list[Path]:
    return sorted(p for p in ENGINE.rglob("*.py") if "__pycache__" not in p.parts)


def test_only_the_adapter_imports_mkdocs() -> None:
    offenders = [f"{path.relative_to(ENGINE.parent)} imports {name}"
                 for path in _modules() if "mkdocs_adapter" not in path.parts
                 for name in _imports(path) if name.split(".")[0] in MKDOCS_STACK]
    assert not offenders, "only macros/mkdocs_adapter/ may import MkDocs' stack:\n" + "\n".join(offenders)


def test_the_adapter_folder_does_import_mkdocs() -> None:
    """The test above can fail: the adapter's plugin is found and does import MkDocs."""
    plugin = ENGINE / "mkdocs_adapter" / "plugin.py"
    assert any(name.startswith("mkdocs.") for name in _imports(plugin))


def test_the_model_does_not_import_the_page_layer() -> None:
    offenders = [f"{path.relative_to(ENGINE.parent)} imports {name}"
                 for path in _modules() if path.relative_to(ENGINE).parts[0] in EARLY
                 for name in _imports(path)
                 if name.startswith("macros.") and name.split(".")[1] in LATER]
    assert not offenders, "the model and the layers before it import nothing of the later layers:\n" + "\n".join(offenders)


@pytest.mark.parametrize("name", sorted(PAGE_MACROS))
def test_declared_arguments_match_the_blocks_signatures(name: str) -> None:
    """`LIST_ARGUMENTS`, which the check reads, says what each block's own signature says."""
    assert list(LIST_ARGUMENTS.get(name, ())) == list_parameters(name)


def test_every_page_macro_has_its_block_module_and_no_other() -> None:
    from macros.pages.registry import BLOCK_MODULES

    assert set(BLOCK_MODULES) == set(PAGE_MACROS)
