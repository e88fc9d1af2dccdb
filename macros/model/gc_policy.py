"""Python's cycle collector during a build: paused while the project loads, kept off the loaded model until the
build ends.

Loading makes millions of small objects and no cyclic garbage; left on, the
collector rescans the growing heap again and again, and loading 100 times the
data took about four times as long (bench/bench.py). The model then lives as
long as the build, so it is frozen (`gc.freeze`: every object alive is moved
where collections do not look): else the first allocations after loading
rescanned all of it (0.8 s at 100x).

Only what owns a build changes the process's collector, each once per build:
the MkDocs plugin (from `on_config` to the end of the build) and the check
command. `load_project` itself leaves it alone, so the tests and any other
caller run with Python's own collector.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


class BuildCollector:
    """The collector's policy for one owner of builds (one per plugin instance, or per command run)."""

    def __init__(self) -> None:
        self.frozen = False  # what this owner froze is not yet released

    @contextmanager
    def paused_while_loading(self, collect_first: bool = False) -> Iterator[None]:
        """The collector off inside the block (the project loading), then everything alive frozen.

        `collect_first`: collect before loading, for a process that rebuilds and does nothing else between
        (`mkdocs serve`): the last build's garbage would else be frozen with the new model before the
        collector's own schedule reached it. A process that does other work between builds (the tests)
        leaves that to the collector: `release` has handed the last model back to it."""
        if collect_first:
            gc.collect()
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            yield
        finally:
            gc.freeze()
            self.frozen = True
            if was_enabled:
                gc.enable()

    def release(self) -> None:
        """The build is over: what was frozen goes back to the collector, which frees it on its own schedule
        once it is garbage (no collection is forced here). Nothing is done if this owner froze nothing."""
        if self.frozen:
            gc.unfreeze()
            self.frozen = False


__all__ = ["BuildCollector"]
