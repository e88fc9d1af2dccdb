"""bench/bench.py compares the strict build with a plain Material build of the same pages: this holds it to that.

The plain project converts the Markdown the strict build converted, and its
theme and search get the HTML the strict build's got, so that the difference
between the two builds is the plugins' time alone. If a later change puts
something into the pages that the plain copy does not carry, the ratio would
compare different pages; `same_pages` stops the script then, and this test
fails first.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import bench


def test_the_plain_build_writes_the_strict_builds_pages(tmp_path: Path) -> None:
    plain, macros = bench.plain_copy(ROOT, tmp_path)
    for config, site in ((plain, "plain-site"), (macros, "macros-site")):
        bench.strict_build(["-f", str(config), "-d", str(tmp_path / site)], tmp_path, config)
        pages = bench.same_pages(tmp_path / "strict-site", tmp_path / site)
        assert pages == len(list((tmp_path / "strict-site").rglob("*.html"))) > 15
    # The plain project holds no plugin of ours, and its Markdown is the strict build's, footnote placeholders and all.
    assert yaml.safe_load(plain.read_text(encoding="utf-8"))["plugins"] == ["search"]
    assert "\ufdd0" in (tmp_path / "docs" / "index.md").read_text(encoding="utf-8")

    # One page that differs stops the comparison, naming the page.
    page = tmp_path / "plain-site" / "glossary" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", "<p>more</p></article>", 1), encoding="utf-8")
    with pytest.raises(SystemExit, match=r"glossary/index\.html"):
        bench.same_pages(tmp_path / "strict-site", tmp_path / "plain-site")
