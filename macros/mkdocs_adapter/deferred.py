"""A module imported only when first used: `requests`, which mkdocs-macros imports at start-up.

mkdocs-macros 1.5 imports `requests` at the top of `mkdocs_macros/util.py`
for one function, `is_on_pypi`, which only its pluglet helpers call; this
site never does. Importing `requests` (and urllib3, charset_normalizer,
idna...) is about 50 ms of CPU on every build, more than a tenth of what
the plugins add to a plain Material build.

`defer("requests")` puts a stand-in module under that name in
`sys.modules`. `import requests` then binds the stand-in without running
anything; the first attribute anyone reads from it (`requests.get`,
`requests.exceptions`, `import requests.adapters`, which needs its
`__path__`) imports the real module and makes the stand-in a copy of it, so
code that holds the stand-in sees every attribute the real module has. A
module already imported, or not installed, is left alone. The plugin
(macros/mkdocs_adapter/plugin.py) defers `requests` when MkDocs loads it, which is before
mkdocs-macros: `cited-explainer` is listed first under `plugins:`. Listed
after, nothing changes but the time.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types
from typing import Any

_LOCK = threading.RLock()


class _StandIn(types.ModuleType):
    """Stands for a module not imported yet; `__getattr__` runs only for attributes the stand-in lacks."""

    def __getattr__(self, name: str) -> Any:
        return getattr(_load(self), name)


def _load(stand_in: _StandIn) -> types.ModuleType:
    with _LOCK:
        name = stand_in.__name__
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
            try:
                module = importlib.import_module(name)
            except BaseException:
                sys.modules[name] = stand_in
                raise
            stand_in.__dict__.update(module.__dict__)  # later reads are plain attribute reads
        return sys.modules[name]


def defer(name: str) -> None:
    """Import `name` when first used, not when imported (see the module's docstring)."""
    with _LOCK:
        if name in sys.modules:
            return
        spec = importlib.util.find_spec(name)
        if spec is None:
            return
        stand_in = _StandIn(name)
        # Its spec, so importlib.util.find_spec(name) still answers; no __path__, so that importing a
        # submodule first imports the real package.
        stand_in.__spec__ = spec
        sys.modules[name] = stand_in
