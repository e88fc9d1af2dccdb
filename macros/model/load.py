"""Loading and validating the whole project: data files, seeds and citations.

`load_project` is the single entry: it runs the steps of `macros/model/steps/`
in order (data files, seeds, references, data citations, hand-written pages)
over one `LoadContext`, collecting every problem, and raises one
`ContributorError` listing them all.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from macros.model.context import LoadContext
from macros.model.project import Project
from macros.model.settings import Settings
from macros.model.steps import STEPS
from macros.problems.problem import ContributorError


def load_project(root: Path, settings: Settings | None = None) -> Project:
    """Read, validate and verify everything; raise ContributorError listing every problem."""
    ctx = LoadContext.for_settings(settings or Settings(Path(root)))
    with _collector_paused():
        for step in STEPS:
            step(ctx)
    if ctx.problems:
        raise ContributorError(ctx.problems.items, ctx.project.to_fill)
    return ctx.project


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the model is built, and keep it off the model afterwards.

    Loading makes millions of small objects and no cyclic garbage; left on,
    the collector rescans the growing heap again and again, and loading 100
    times the data took about four times as long (bench/bench.py). The model
    then lives as long as the build, so it is frozen (`gc.freeze`: every
    object so far is moved where collections do not look): else the first
    allocations after loading rescanned all of it (0.8 s at 100x).
    A process that loads again (`mkdocs serve`, the tests) first collects
    what became garbage since, so that it is not frozen with the new model.
    """
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


__all__ = ["ContributorError", "Project", "load_project"]
