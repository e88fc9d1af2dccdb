"""What the build's speed-ups rest on: each keeps the output the same (no build, milliseconds each)."""

from __future__ import annotations

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


def test_loading_leaves_the_collector_alone_and_a_build_frees_the_last_builds_model_first() -> None:
    """`load_project` is called by the plugin, the check and the tests: only what owns a build pauses the collector
    and freezes the model, and when it loads again it first unfreezes and collects the last one."""
    import gc

    from macros.model.gc_policy import BuildCollector
    from macros.model.load import load_project

    frozen_before = gc.get_freeze_count()  # by the plugin's last build in this process, if any
    load_project(ROOT)
    assert gc.isenabled() and gc.get_freeze_count() == frozen_before, "load_project changed the process's collector"
    gc.unfreeze()
    collector = BuildCollector()
    with collector.paused_while_loading():
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() > 0
    with collector.paused_while_loading():  # a rebuild: the last model is no longer kept out of sight
        assert gc.get_freeze_count() == 0 and not gc.isenabled()
    collector.release()
    assert gc.get_freeze_count() == 0
    gc.freeze()  # someone else's freeze: an owner that froze nothing leaves it
    try:
        BuildCollector().release()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def _markdown_version() -> str:
    from importlib.metadata import version

    return f"Python-Markdown {version('Markdown')} (footnote_order.py was written for 3.11)"


def test_footnote_order_is_indexed_and_markdown_output_unchanged() -> None:
    import markdown

    from macros.mkdocs_adapter.footnote_order import FootnoteOrderIndex, IndexedOrder

    order = IndexedOrder(["b", "a"])
    order.append("c")
    assert order == ["b", "a", "c"] and "a" in order and "z" not in order and order.index("c") == 2
    with pytest.raises(ValueError):
        order.index("z")
    with pytest.raises(TypeError, match="other than by append"):  # a stale index is never kept quietly
        order.insert(0, "z")
    # References out of definition order, one repeated, one inside md_in_html: the same HTML either way.
    text = "\n\n".join([f"Sentence {i}.[^n{(i * 7) % 40}]" for i in range(60)]
                       + ['<div markdown="1">\nInside.[^n3]\n</div>']
                       + [f"[^n{i}]: Note {i}." for i in range(40)])
    for config in ({"footnotes": {"USE_DEFINITION_ORDER": False}}, {}):
        plain = markdown.Markdown(extensions=["footnotes", "md_in_html"], extension_configs=config)
        indexed = markdown.Markdown(extensions=["footnotes", "md_in_html", FootnoteOrderIndex()],
                                    extension_configs=config)
        assert indexed.convert(text) == plain.convert(text), _markdown_version()
        footnotes = next(e for e in indexed.registeredExtensions if hasattr(e, "footnote_order"))
        assert isinstance(footnotes.footnote_order, IndexedOrder) and len(footnotes.footnote_order) == 40, \
            _markdown_version()


def test_the_footnotes_extension_reads_its_order_as_footnote_order_py_expects() -> None:
    """What the index rests on, in the installed Python-Markdown: `reset` makes `footnote_order` a plain list,
    and a conversion asks it `in` and `.index` for every reference and only appends to it."""
    import markdown
    from markdown.extensions.footnotes import FootnoteExtension

    from macros.mkdocs_adapter.footnote_order import IndexedOrder

    extension = FootnoteExtension(USE_DEFINITION_ORDER=False)
    extension.reset()
    assert type(getattr(extension, "footnote_order", None)) is list, _markdown_version()
    asked: list[str] = []

    class Watched(IndexedOrder):
        def __contains__(self, item: object) -> bool:
            asked.append("in")
            return super().__contains__(item)

        def index(self, item: str, *args: object) -> int:
            asked.append("index")
            return super().index(item)

    class Watch(markdown.preprocessors.Preprocessor):
        def run(self, lines: list[str]) -> list[str]:
            extension.footnote_order = Watched(extension.footnote_order)
            return lines

    md = markdown.Markdown(extensions=[extension])
    md.preprocessors.register(Watch(md), "watch", 1000)
    md.convert("One.[^a] Two.[^b] Three.[^a]\n\n[^a]: A.\n\n[^b]: B.")
    assert extension.footnote_order == ["a", "b"], _markdown_version()
    assert asked.count("in") >= 3 and asked.count("index") >= 3, (_markdown_version(), asked)


PAGE = """<h2 id="a">The vote</h2>
<p>The council voted.<sup id="fnref:c1"><a class="footnote-ref" href="#fn:c1">1</a></sup> It met on <a href="x/">Monday</a>.</p>
<table><thead><tr><th>Year</th><th>Votes</th></tr></thead>
<tbody><tr><td>2015</td><td>6,656<sup id="fnref:c2"><a class="footnote-ref" href="#fn:c2">2</a></sup></td></tr></tbody></table>
<ul><li><p>One <em>item</em> said so.<sup id="fnref:c3"><a class="footnote-ref" href="#fn:c3">3</a></sup></p>
<ul><li>A nested item.</li></ul></li></ul>
<details><summary>More</summary><p>Loose text.</p></details>
"""



def _passes(site: Path) -> dict[str, object]:
    """The plugin's passes over a page that run with the collector paused, each on PAGE (the link check on a
    site of two pages)."""
    from macros.checks.links import find_broken_links
    from macros.checks.uncited import read_content
    from macros.citations.footnotes import number_in_reading_order
    from macros.citations.page_syntax import parse_page, replace_references
    from macros.html.glossary_links import TermIndex, link_terms
    from macros.model.load import load_project
    from macros.opendata.sentences import mark_claims

    index = TermIndex.of(load_project(ROOT))
    markdown = 'The council voted.[^1] It met ([ref](#x)).\n\n[^1]: council-vote: "voted on Monday"\n'
    assert len(parse_page(markdown).citations) == 1
    return {"the citations' parsing": lambda: replace_references(parse_page(markdown).body, {"1": "[^c1]"}),
            "the sentence check": lambda: read_content(PAGE),
            "the footnotes' numbering": lambda: number_in_reading_order(PAGE),
            "the glossary links": lambda: link_terms(PAGE, index, "../glossary/"),
            "the claim anchors": lambda: mark_claims(PAGE, ""),
            "the link check": lambda: find_broken_links(site)}


def test_the_passes_run_with_the_collector_paused_make_no_reference_cycle(tmp_path: Path) -> None:
    """The plugin pauses the collector for its own passes (gc_policy.BuildCollector.paused): a pass that made
    cycles would leave them for later, not lose them, but would no longer be the kind of work the pause is for.
    The sentence check read each block with a recursive closure (a function that refers to itself through its
    cell): every block left a cycle of about 15 objects, 1.3 million objects at 100x (bench/collector.py)."""
    import gc

    from macros.checks.links import find_broken_links

    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(PAGE + '<a href="a/#x">A</a><a href="b/">B</a>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<p id="x">A</p><a href="../#a">back</a>', encoding="utf-8")
    passes = _passes(tmp_path)
    # PAGE links to x/ and to three footnotes it does not hold, and b/ is missing: the check did read the pages
    assert [href for _, href, _ in find_broken_links(tmp_path)] == ["#fn:c1", "x/", "#fn:c2", "#fn:c3", "b/"]
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        cyclic = {}
        for name, run in passes.items():
            result = run()  # type: ignore[operator]
            assert result is not None
            del result
            cyclic[name] = gc.collect()
        assert not any(cyclic.values()), f"objects in reference cycles left by each pass: {cyclic}"
    finally:
        if was_enabled:
            gc.enable()


def test_the_collector_pause_restores_the_collector_as_it_found_it() -> None:
    import gc

    from macros.model.gc_policy import BuildCollector

    collector = BuildCollector()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector.paused():
        assert not gc.isenabled()
        raise RuntimeError("a pass failed")
    assert gc.isenabled(), "a failing pass left the collector off"
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled(), "the pause turned on a collector its caller had turned off"
    finally:
        gc.enable()
