"""Logging under the `marsad` logger: the library only logs; the command line decides what is shown.

Every module logs to `logging.getLogger(__name__)` (children of `marsad`). A program using the
library sees nothing unless it configures logging; `marsad` on the command line shows warnings by
default, `-v` adds progress information, `-vv` (or `--log-level debug`) everything.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

#: The level names `--log-level` accepts.
LEVELS = ("debug", "info", "warning", "error")


class _Format(logging.Formatter):
    """`marsad: warning: message` (the CLI's own error lines look the same)."""

    def format(self, record: logging.LogRecord) -> str:
        return f"marsad: {record.levelname.lower()}: {record.getMessage()}"


class _Stderr:
    """Standard error as it is when a record is written (tests and tools replace `sys.stderr`)."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


def level_for(verbose: int = 0, level: str | None = None) -> int:
    """The logging level for `-v` counted `verbose` times, or for an explicit level name."""
    if level:
        return getattr(logging, level.upper())  # type: ignore[no-any-return]
    return logging.WARNING if verbose <= 0 else logging.INFO if verbose == 1 else logging.DEBUG


def configure(level: int = logging.WARNING, stream: TextIO | None = None) -> logging.Handler:
    """Show the `marsad` logger's records from `level` up on `stream` (standard error); the handler."""
    logger = logging.getLogger("marsad")
    for old in [h for h in logger.handlers if getattr(h, "_marsad_cli", False)]:
        logger.removeHandler(old)
    handler = logging.StreamHandler(stream or _Stderr())
    handler.setFormatter(_Format())
    handler._marsad_cli = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(level)
    return handler
