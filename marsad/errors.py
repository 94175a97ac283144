"""The exceptions marsad raises; each carries a message fit to show a user as is."""

from __future__ import annotations


class MarsadError(Exception):
    """Base class of every error marsad reports to a user."""


class InputError(MarsadError):
    """An input (file, record, stream) could not be read; names the item and the reason."""

    def __init__(self, item: str, reason: str) -> None:
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason


class PipelineError(MarsadError):
    """The pipeline could not be built (unknown component, broken requires/assigns chain)."""


class KnowledgeError(MarsadError):
    """A knowledge-base file is malformed; names the file, line and problem."""


class ConfigError(MarsadError):
    """The configuration file or an option is invalid."""


class GoldError(MarsadError):
    """A gold file could not be read or does not follow the gold format."""


class TimeLimitError(InputError):
    """An article took longer than its time limit to analyse; it is skipped, the batch goes on."""


class StoreError(MarsadError):
    """The store could not be opened, migrated, read or written (locked, read-only, full, bad URL)."""
