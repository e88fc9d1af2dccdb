"""Python-Markdown's footnote order, indexed: its footnotes extension stays linear in a page's footnotes.

Python-Markdown 3.11's footnotes extension keeps the labels in order of first
reference in a plain list (`FootnoteExtension.footnote_order`, made anew by
its `reset`) and, for every reference, asks whether the label is in it and
at which position (`in`, `.index`): each a scan of the list, so a page's
footnotes cost the square of their number (its default definition order is
no way out: it then scans a list of the definitions instead).

`IndexedOrder` is that list with a dictionary beside it: the same items, in
the same order, but `in` and `.index` answer at once. The `FootnoteOrderIndex`
Markdown extension (added to every page's Markdown by `markdown_setup.py`)
swaps it in at the start of each conversion, after the footnotes
extension's reset, through a preprocessor (the public extension API).
Nothing else changes: the same labels, numbers and HTML.

Measured (CPU time of `mkdocs build --strict`, alternating fresh runs with
it switched off, 2 cores): nothing on the real site (+0.005 s of 1.06 s,
noise) or at 10x (+0.05 s of 4.1 s); at 100x, where the longest pages have
tens of thousands of footnotes, 8.6 s of a 40 s build (49.0 s without). The
build then grows 9.8 times from 10x to 100x instead of 11.7.

What it rests on is tested against the installed Python-Markdown
(tests/test_build_speed.py): that `footnote_order` is a plain list after
`reset`, that a conversion reads it through `in`/`.index` and only appends
to it. A release that renames it, or changes it in another way, fails that
test by name, and `IndexedOrder` raises on any change but an append, rather
than quietly keeping a stale index.
"""

from __future__ import annotations

from typing import Any, SupportsIndex

from markdown import Extension, Markdown  # type: ignore[import-untyped]
from markdown.extensions.footnotes import FootnoteExtension  # type: ignore[import-untyped]
from markdown.preprocessors import Preprocessor  # type: ignore[import-untyped]


class IndexedOrder(list[str]):
    """A list of distinct labels as the footnotes extension fills it (append only), indexed."""

    def __init__(self, items: list[str] | None = None) -> None:
        super().__init__()
        self._at: dict[str, int] = {}
        for item in items or []:
            self.append(item)

    def append(self, item: str) -> None:
        self._at.setdefault(item, len(self))
        super().append(item)

    def __contains__(self, item: object) -> bool:
        return item in self._at

    def index(self, item: str, start: SupportsIndex = 0, stop: SupportsIndex | None = None) -> int:
        at = self._at.get(item)
        if at is None or at < int(start) or (stop is not None and at >= int(stop)):
            return super().index(item, start, len(self) if stop is None else stop)  # raises ValueError as a list does
        return at

    def _unexpected(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("Python-Markdown's footnotes extension changed its footnote order other than by append: "
                        "macros/mkdocs_adapter/footnote_order.py no longer fits it")


# The footnotes extension (3.11) only appends; any other change means it works otherwise now.
for _name in ("extend", "insert", "remove", "pop", "clear", "sort", "reverse", "__setitem__", "__delitem__",
              "__iadd__", "__imul__"):
    setattr(IndexedOrder, _name, IndexedOrder._unexpected)


class _SwapIn(Preprocessor):  # type: ignore[misc]
    def run(self, lines: list[str]) -> list[str]:
        for extension in self.md.registeredExtensions:
            order: Any = getattr(extension, "footnote_order", None)
            if isinstance(extension, FootnoteExtension) and type(order) is list:
                extension.footnote_order = IndexedOrder(order)
        return lines


class FootnoteOrderIndex(Extension):  # type: ignore[misc]
    """Indexes the footnotes extension's order of labels at the start of each conversion."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_SwapIn(md), "cited-footnote-order-index", 1000)
