"""Work started in a thread of its own while the build goes on: one call, one thread, one `Future`.

The open data's zip is compressed beside the built-site link check
(macros/opendata/publish.py). The thread ends with its work; the
`Future` hands over the result, or raises what the work raised.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def started(name: str, work: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> Future[R]:
    """`work(*args, **kwargs)` running in a thread named after `name`."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
    future = pool.submit(work, *args, **kwargs)
    pool.shutdown(wait=False)  # the thread ends with the work
    return future
