"""Python's cycle collector during a build: paused while the project loads and during the plugin's own passes,
kept off the loaded model afterwards.

Loading makes millions of small objects and no cyclic garbage; left on, the
collector rescans the growing heap again and again, and loading 100 times the
data took about four times as long (bench/bench.py). The model then lives as
long as the build, so it is frozen (`gc.freeze`: every object alive is moved
where collections do not look): else the first allocations after loading
rescanned all of it (0.8 s at 100x).

The plugin's passes (a page's citations and HTML passes, the archive pages,
the open data, the link check) are paused too (`paused`). Each makes objects
that live until it ends (a page's tokens, footnotes, claims; the open data's
records) and makes no cycle (tests/test_build_speed.py). Left on, the
collector found them alive, moved them to the oldest generation, and every
full collection of the build scanned them again. Measured by
bench/collector.py on the 100x project, against the plain Material build of
the same pages (2,091 collections, 15 full, 1.3 to 1.8 s in two runs):

- without the pauses: 5,525 collections, 33 of them full, 5.5 s;
- with them: 2,583 collections, 17 full, 2.6 to 3.1 s in two runs.

The pause turns the collector off and back on (`gc.disable`, `gc.enable`), and
depends on nothing else of CPython's. Garbage that someone else's code makes
inside a pause (a Jinja template's) is freed by the first collection after it.

Only what owns a build changes the process's collector: the MkDocs plugin
(in `on_config` and its passes) and the check command. `load_project` itself
leaves it alone, so the tests and any other caller run with Python's own
collector.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Concatenate, ParamSpec, Protocol, TypeVar


class BuildCollector:
    """The collector's policy for one owner of builds (the plugin instance, which `mkdocs serve` keeps across
    rebuilds and MkDocs reuses within a process; or one run of the check)."""

    def __init__(self) -> None:
        self.frozen = False  # what this owner froze is not yet released

    @contextmanager
    def paused(self) -> Iterator[None]:
        """The collector off inside the block (one of the plugin's passes: see the module's docstring), then back
        as it was."""
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            yield
        finally:
            if was_enabled:
                gc.enable()

    @contextmanager
    def paused_while_loading(self) -> Iterator[None]:
        """The collector off inside the block (the project loading), then everything alive frozen.

        The model stays frozen after the build: a `mkdocs build` process then ends without its last collection
        scanning it (about 0.1 s of a 1.3 s build when it was unfrozen at the end). When this owner loads again
        (a rebuild under `mkdocs serve`, or the next build in the tests' process), it first unfreezes and collects,
        so that the last build's garbage is freed, not frozen with the new model."""
        self.release()
        with self.paused():
            try:
                yield
            finally:
                gc.freeze()  # before the collector is back on: nothing is collected between the load and this
                self.frozen = True

    def release(self) -> None:
        """What this owner froze goes back to the collector, and what of it is garbage is freed; nothing is done
        if it froze nothing (another's `gc.freeze` is left alone)."""
        if self.frozen:
            gc.unfreeze()
            gc.collect()
            self.frozen = False


class _Owner(Protocol):
    collector: BuildCollector


P = ParamSpec("P")
R = TypeVar("R")
OwnerT = TypeVar("OwnerT", bound=_Owner)


def paused(method: Callable[Concatenate[OwnerT, P], R]) -> Callable[Concatenate[OwnerT, P], R]:
    """A method of what owns a build (it has a `collector`), run with the collector paused: one of its passes."""
    @functools.wraps(method)
    def run(owner: OwnerT, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with owner.collector.paused():
            return method(owner, *args, **kwargs)
    return run


__all__ = ["BuildCollector", "paused"]
