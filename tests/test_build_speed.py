"""What the build's speed-ups rest on: each keeps the output the same (no build, milliseconds each)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import jinja2
import pytest

from macros.pages import templates

ROOT = Path(__file__).resolve().parent.parent


def test_compiled_templates_are_cached_and_an_edited_template_is_compiled_anew(tmp_path: Path) -> None:
    cache = templates._ENV.bytecode_cache
    assert isinstance(cache, jinja2.FileSystemBytecodeCache), "the page templates are compiled on every build"
    (tmp_path / "t.md").write_text("one {{ x }}", encoding="utf-8")
    before = set(Path(cache.directory).glob("cited-explainer-*"))
    first = templates._ENV.overlay(loader=jinja2.FileSystemLoader(tmp_path))  # same options, same cache
    assert first.get_template("t.md").render(x=1) == "one 1"
    assert set(Path(cache.directory).glob("cited-explainer-*")) - before, "nothing was written to the cache"
    (tmp_path / "t.md").write_text("two {{ x }}", encoding="utf-8")
    second = templates._ENV.overlay(loader=jinja2.FileSystemLoader(tmp_path))  # a later build: only the cache is shared
    assert second.get_template("t.md").render(x=1) == "two 1"


def test_requests_is_imported_on_first_use_only() -> None:
    """mkdocs-macros imports `requests` at start-up for a PyPI check the site never makes (macros/mkdocs_adapter/deferred.py)."""
    script = textwrap.dedent("""
        import sys
        from mkdocs.config import load_config
        config = load_config("mkdocs.yml")  # loads the plugins in their order, as a build does
        assert "macros" in config.plugins and "urllib3" not in sys.modules, sorted(sys.modules)
        import mkdocs_macros.util as util
        import requests
        assert issubclass(util.requests.exceptions.RequestException, OSError)  # first use: the real module
        assert "urllib3" in sys.modules and callable(util.requests.get) and callable(requests.get)
        import requests.adapters
        assert requests.adapters.HTTPAdapter and sys.modules["requests"].__version__ == requests.__version__
        print("ok")
    """)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.stdout.strip() == "ok", result.stderr


def test_mkdocs_macros_gets_the_same_git_information_from_the_commands_started_early() -> None:
    """mkdocs-macros' thirteen git commands run in a thread while the project loads (macros/mkdocs_adapter/macros_git.py)."""
    script = textwrap.dedent("""
        from mkdocs.config import load_config
        import os
        import mkdocs_macros.context as context
        from macros.mkdocs_adapter import macros_git
        config = load_config("mkdocs.yml")
        config.plugins.on_config(config)  # this plugin's on_config, then mkdocs-macros', as a build runs them
        assert context.get_git_info is macros_git.prefetched and macros_git._pending is None
        git = dict(config.plugins["macros"].variables["git"])
        fresh = macros_git._original()
        assert git == fresh, (git, fresh)
        if os.path.exists(".git"):  # a checkout: the commands found the commit
            assert git["status"] is True and len(git["commit"]) == 40, git
        assert context.get_git_info() == fresh  # a later call runs the commands itself
        print("ok")
    """)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.stdout.strip() == "ok", result.stderr


def test_a_prefetched_git_error_reaches_mkdocs_macros_as_its_own_call_would() -> None:
    from mkdocs_macros import context

    from macros.mkdocs_adapter import macros_git

    saved = (macros_git._original, macros_git._pending, context.get_git_info)
    calls: list[int] = []

    def failing() -> dict[str, object]:
        calls.append(1)
        raise OSError("git is broken")

    try:
        macros_git._original, macros_git._pending, context.get_git_info = failing, None, macros_git.prefetched
        macros_git.prefetch()  # keeps the saved original (here the failing stand-in) and runs it in a thread
        with pytest.raises(OSError, match=r"^git is broken$"):
            context.get_git_info()
        assert calls == [1] and macros_git._pending is None
    finally:
        macros_git._original, macros_git._pending, context.get_git_info = saved


def test_archive_pages_take_their_passages_from_one_pass_over_the_project() -> None:
    """Each archive page once scanned every passage of the project: quadratic in the sources (100x: 500 x 44,000)."""
    from macros.citations.footnotes import CitingPage, Ledger
    from macros.model.load import load_project
    from macros.pages.archive import passages_by_source, render_archive

    project = load_project(ROOT)
    by_source = passages_by_source(project)
    assert sorted(by_source) == sorted({key[0] for key in project.located})
    assert sum(len(v) for v in by_source.values()) == len(project.located)
    ledger = Ledger()
    for located in list(project.located.values())[::3]:
        ledger.record(located, CitingPage("index.md", "", "Home", "1"))
    for source_id in project.sources:
        assert render_archive(project, source_id, ledger, str, by_source.get(source_id, [])) == \
            render_archive(project, source_id, ledger, str)


def test_full_collections_are_rarer_during_a_build_and_the_threshold_is_given_back() -> None:
    import gc

    from macros.mkdocs_adapter import collector

    before = gc.get_threshold()
    collector.build_started()
    collector.build_started()  # on_startup, then on_config: the threshold before the build is kept once
    assert gc.get_threshold()[:2] == before[:2] and gc.get_threshold()[2] >= collector.FULL_EVERY
    collector.build_ended()
    assert gc.get_threshold() == before


def test_footnote_order_is_indexed_and_markdown_output_unchanged() -> None:
    import markdown
    import pytest

    from macros.mkdocs_adapter.footnote_order import FootnoteOrderIndex, IndexedOrder

    order = IndexedOrder(["b", "a"])
    order.append("c")
    assert order == ["b", "a", "c"] and "a" in order and "z" not in order and order.index("c") == 2
    with pytest.raises(ValueError):
        order.index("z")
    order.insert(0, "z")  # any other change keeps the index right
    assert order.index("a") == 2 and order.index("z") == 0
    # References out of definition order, one repeated, one inside md_in_html: the same HTML either way.
    text = "\n\n".join([f"Sentence {i}.[^n{(i * 7) % 40}]" for i in range(60)]
                       + ['<div markdown="1">\nInside.[^n3]\n</div>']
                       + [f"[^n{i}]: Note {i}." for i in range(40)])
    config = {"footnotes": {"USE_DEFINITION_ORDER": False}}
    plain = markdown.Markdown(extensions=["footnotes", "md_in_html"], extension_configs=config)
    indexed = markdown.Markdown(extensions=["footnotes", "md_in_html", FootnoteOrderIndex()], extension_configs=config)
    assert indexed.convert(text) == plain.convert(text)
    footnotes = next(e for e in indexed.registeredExtensions if hasattr(e, "footnote_order"))
    assert isinstance(footnotes.footnote_order, IndexedOrder) and len(footnotes.footnote_order) == 40
