"""What the build's speed-ups rest on: each keeps the output the same (no build, milliseconds each)."""

from __future__ import annotations

from pathlib import Path

import jinja2

from macros.pages import templates


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
