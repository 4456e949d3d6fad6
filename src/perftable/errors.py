"""Errors perftable raises for input it cannot use. The CLI turns each into one line on stderr and exit code 2."""

from __future__ import annotations


class PerftableError(Exception):
    """Base class of perftable's own errors."""


class ReadError(PerftableError):
    """A file could not be read, or holds no 绩效目标表 (reported as P001).

    ``kind`` says what went wrong in a stable word (``empty``, ``missing``, ``undecodable``, ``spreadsheet``,
    ``no-table`` …) so that reports can say it in the user's language; ``reason`` says it in English.
    """

    def __init__(self, path: str, reason: str, kind: str = "other") -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.kind = kind

    def __reduce__(self) -> tuple[object, ...]:  # pickled by its fields (it crosses from a reading process)
        return (type(self), (self.path, self.reason, self.kind))


class UsageError(PerftableError):
    """Bad options or configuration (exit code 2)."""


class ConfigError(UsageError):
    """A configuration that cannot be used; the message names the file and the key."""


class WriteError(PerftableError):
    """An output could not be written: a full disk, a closed FIFO, a directory in its place (exit code 2)."""
