"""mkdocs-macros' `git` variable, asked of git while the project loads instead of after it.

mkdocs-macros 1.5 fills the `git` variable a page may use (`{{ git.short_commit }}`)
in its `on_config` by running thirteen `git` commands one after the other
(`mkdocs_macros.context.get_git_info`): about 25 ms of every build, spent
waiting on each command in turn. This site's pages never use `git`, but a
contributor's may, so the commands still run and give the same dict.

`prefetch()` starts them in a thread; the plugin (macros/mkdocs_adapter/plugin.py) calls it
first thing in its `on_config`, so that they run while the project loads
(about 50 ms on the real site, longer than the commands). It also puts
`prefetched` in the place of `get_git_info` in mkdocs-macros' module, which
its `on_config` (after this plugin's: `cited-explainer` is listed first
under `plugins:`) looks up when it runs. `prefetched` hands over the
thread's result once, waiting for it if need be; any later call, or one
with no prefetch started, runs the commands itself. A build without
mkdocs-macros installed is left alone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from macros.background import started

_original: Callable[[], Any] | None = None
_pending: Future[Any] | None = None
_LOCK = threading.Lock()


def prefetch() -> None:
    """Start mkdocs-macros' git commands now; its `on_config` gets their result (see the docstring)."""
    global _original, _pending
    try:
        from mkdocs_macros import context
    except ImportError:
        return
    with _LOCK:
        if _original is None:
            _original = context.get_git_info
            context.get_git_info = prefetched
        _pending = started("git-info", _original)


def prefetched() -> Any:
    """What `get_git_info` returns: the prefetched result the first time, a fresh run after that."""
    global _pending
    with _LOCK:
        pending, _pending = _pending, None
    if pending is not None:
        return pending.result()  # waits for the thread; raises what get_git_info raised there
    assert _original is not None  # prefetched is in place only once prefetch() has saved the original
    return _original()
