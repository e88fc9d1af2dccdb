"""MkDocs' warnings under `mkdocs build -q --strict`: counted, and shown, never dropped.

`-q` sets the `mkdocs` logger to ERROR, so MkDocs' own warnings (an absolute
link, a link to a missing anchor, a page outside the nav) are never made,
`--strict` counts none, and the build passes what it would otherwise stop,
without a word. Under a strict build this handler keeps the warnings (the
logger at WARNING, its console handlers at the level `-q` asked for), and the
plugin ends the build with all of them as one error, which `-q` prints.
"""

from __future__ import annotations

import logging

_LOGGER = "mkdocs"


class KeptWarnings(logging.Handler):
    """The warnings of one strict build, kept while `-q` hides them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self._restore: list[tuple[logging.Handler | logging.Logger, int]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno == logging.WARNING:
            self.messages.append(record.getMessage())

    def start(self) -> None:
        """Keep the warnings when the log hides them; nothing to do when it shows them."""
        logger = logging.getLogger(_LOGGER)
        if logger.getEffectiveLevel() <= logging.WARNING:
            return
        level = logger.getEffectiveLevel()
        self._restore = [(logger, logger.level)]
        for handler in logger.handlers:
            if isinstance(handler, logging.StreamHandler) and handler.level < level:
                self._restore.append((handler, handler.level))
                handler.setLevel(level)
        logger.setLevel(logging.WARNING)
        logger.addHandler(self)

    def stop(self) -> None:
        logger = logging.getLogger(_LOGGER)
        if self in logger.handlers:
            logger.removeHandler(self)
        for item, level in self._restore:
            item.setLevel(level)
        self._restore = []
