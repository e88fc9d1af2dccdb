"""Python's cycle collector during a build: paused while the project loads, kept off the loaded model afterwards.

Loading makes millions of small objects and no cyclic garbage; left on, the
collector rescans the growing heap again and again, and loading 100 times the
data took about four times as long (bench/bench.py). The model then lives as
long as the build, so it is frozen (`gc.freeze`: every object alive is moved
where collections do not look): else the first allocations after loading
rescanned all of it (0.8 s at 100x).

Only what owns a build changes the process's collector, once per build: the
MkDocs plugin (in `on_config`) and the check command. `load_project` itself
leaves it alone, so the tests and any other caller run with Python's own
collector.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


class BuildCollector:
    """The collector's policy for one owner of builds (the plugin instance, which `mkdocs serve` keeps across
    rebuilds and MkDocs reuses within a process; or one run of the check)."""

    def __init__(self) -> None:
        self.frozen = False  # what this owner froze is not yet released

    @contextmanager
    def paused_while_loading(self) -> Iterator[None]:
        """The collector off inside the block (the project loading), then everything alive frozen.

        The model stays frozen after the build: a `mkdocs build` process then ends without its last collection
        scanning it (about 0.1 s of a 1.3 s build when it was unfrozen at the end). When this owner loads again
        (a rebuild under `mkdocs serve`, or the next build in the tests' process), it first unfreezes and collects,
        so that the last build's garbage is freed, not frozen with the new model."""
        self.release()
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
        """What this owner froze goes back to the collector, and what of it is garbage is freed; nothing is done
        if it froze nothing (another's `gc.freeze` is left alone)."""
        if self.frozen:
            gc.unfreeze()
            gc.collect()
            self.frozen = False


__all__ = ["BuildCollector"]
