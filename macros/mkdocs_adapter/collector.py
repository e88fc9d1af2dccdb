"""Python's garbage collector during a build: full collections made rarer, the model kept out of them.

A full collection walks every live object; Python starts one after ten
collections of the middle generation (and once enough objects have survived
since the last). A build allocates enough for it to happen once at the real
site's size (20-30 ms: the plain Material build has none) and about 26 times
at 100 times the data (6.3 s of a 101 s build). During a build the threshold
is 100 (`FULL_EVERY`): one full collection at 30x instead of 11, the peak
memory about a tenth higher. Young objects are collected as before. The
plugin raises the threshold at `on_startup` (before any plugin's `on_config`)
and at each `on_config` (each rebuild under `mkdocs serve`), and gives it
back when the build ends or fails.

`load_project` freezes the model it loads (`gc.freeze`): it lives as long as
the build. `build_started` unfreezes it first, so that under `mkdocs serve`
the previous build's model can be collected.
"""

from __future__ import annotations

import gc

FULL_EVERY = 100  # middle-generation collections between two full ones (Python's default: 10)
_saved: list[tuple[int, int, int]] = []  # the threshold before the build, while a build runs


def build_started() -> None:
    gc.unfreeze()
    if not _saved:
        _saved.append(gc.get_threshold())
    young, middle, full = _saved[0]
    gc.set_threshold(young, middle, max(full, FULL_EVERY))


def build_ended() -> None:
    if _saved:
        gc.set_threshold(*_saved.pop())
