"""Loading and validating the whole project: data files, seeds and citations.

`load_project` is the single entry: it runs the steps of `macros/model/steps/`
in order (data files, seeds, references, data citations, hand-written pages)
over one `LoadContext`, collecting every problem, and raises one
`ContributorError` listing them all. It leaves the process's garbage
collector alone: what owns a build pauses it around the call (gc_policy.py).
"""

from __future__ import annotations

from pathlib import Path

from macros.model.context import LoadContext
from macros.model.project import Project
from macros.model.settings import Settings
from macros.model.steps import STEPS
from macros.problems.problem import ContributorError


def load_project(root: Path, settings: Settings | None = None) -> Project:
    """Read, validate and verify everything; raise ContributorError listing every problem."""
    ctx = LoadContext.for_settings(settings or Settings(Path(root)))
    for step in STEPS:
        step(ctx)
    if ctx.problems:
        raise ContributorError(ctx.problems.items, ctx.project.to_fill)
    return ctx.project


__all__ = ["ContributorError", "Project", "load_project"]
