"""Python-Markdown's footnote order, indexed: its footnotes extension stays linear in a page's footnotes.

The footnotes extension keeps the labels in order of first reference in a
plain list (`FootnoteExtension.footnote_order`) and, for every reference,
asks whether the label is in it and at which position (`in`, `.index`):
each a scan of the list, so a page's footnotes cost the square of their
number. The real site's pages have a few hundred; at 100 times the data the
longest have tens of thousands, and those scans were over ten seconds of the
build.

`IndexedOrder` is that list with a dictionary beside it: the same items, in
the same order, but `in` and `.index` answer at once. The `FootnoteOrderIndex`
Markdown extension (the plugin adds it to every page's Markdown, after the
footnotes extension) swaps it in at the start of each conversion, after the
footnotes extension's reset. Nothing else changes: the same labels, numbers and
HTML. If a later Python-Markdown keeps something other than a list there,
it is left as it is.
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


    def _reindex(self) -> None:
        self._at = {}
        for position, item in enumerate(self):
            self._at.setdefault(item, position)


def _reindexing(name: str) -> Any:
    def method(self: IndexedOrder, *args: Any, **kwargs: Any) -> Any:
        result = getattr(list, name)(self, *args, **kwargs)
        self._reindex()
        return self if result is self else result  # += and *= return the list itself

    method.__name__ = name
    return method


# Any other change to the list (the footnotes extension makes none) keeps the index right.
for _name in ("extend", "insert", "remove", "pop", "clear", "sort", "reverse", "__setitem__", "__delitem__",
              "__iadd__", "__imul__"):
    setattr(IndexedOrder, _name, _reindexing(_name))


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
