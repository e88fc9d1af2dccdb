"""The steps of loading a project, in order; each adds what it finds to the context's problems.

A new check before the build is a module here and one line in `STEPS`.
"""

from __future__ import annotations

from collections.abc import Callable

from macros.model.context import LoadContext
from macros.model.steps.citations import verify_data_citations
from macros.model.steps.data_files import read_data_files
from macros.model.steps.dates import check_dates
from macros.model.steps.pages import check_profiles, read_pages
from macros.model.steps.references import check_references
from macros.model.steps.seeds import read_seeds
from macros.model.steps.to_fill import find_still_to_fill

STEPS: tuple[Callable[[LoadContext], None], ...] = (
    read_data_files,  # data files -> typed entries
    read_seeds,  # seeds: present, described, unchanged
    check_references,  # ids between entries
    verify_data_citations,  # every citation in the data, against its seed
    check_dates,  # every date shown is printed, or marked inferred with its basis cited
    read_pages,  # hand-written pages: citation footnotes and macro calls
    check_profiles,  # profile: true exactly where a page shows the profile
    find_still_to_fill,  # what a draft has still to fill: reported, not a problem
)
