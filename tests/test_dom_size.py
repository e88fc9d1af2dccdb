"""Every built page stays small enough for a mid-range phone (issue 9).

Lighthouse flags a page over about 800 DOM elements and its main thread pays
for every element at load (Material binds a handler to each link and each
footnote reference). The goal is no page over 1,200 elements, counted here
on the built HTML as the browser receives it: every element, head included
(bench/lighthouse.py prints the count in the browser after load).
"""

from __future__ import annotations

import lxml.html
from conftest import BuiltSite

MAX_ELEMENTS = 1200


def element_count(html: str) -> int:
    return sum(1 for element in lxml.html.document_fromstring(html).iter() if isinstance(element.tag, str))


def test_element_count_counts_every_element_and_nothing_else():
    page = "<!doctype html><html><head><title>t</title></head><body><!-- c --><p>a <b>b</b></p></body></html>"
    assert element_count(page) == 6  # html, head, title, body, p, b: the comment is no element
    assert element_count(page.replace("<b>b</b>", "b")) == 5


def test_no_built_page_has_more_than_1200_elements(site: BuiltSite):
    counts = {file.relative_to(site.path).as_posix(): element_count(file.read_text(encoding="utf-8"))
              for file in site.html_files()}
    assert len(counts) >= 17
    over = {page: n for page, n in sorted(counts.items()) if n > MAX_ELEMENTS}
    assert not over, f"pages over {MAX_ELEMENTS} elements: {over}"
