"""The text a workbook cell may hold. Every xlsx writer (render, diff, export) puts its text, sheet names and cell
comments through :func:`cell_text` (by way of :func:`perftable.spans.xlsx.put_text`), so each promise is kept in
one place:

- **A character a workbook cannot hold is replaced, and said.** XML 1.0, which a workbook is written in, has no
  C0 control characters but tab, LF and CR (``\\x01``, ESC, BEL), no U+FFFE or U+FFFF and no lone surrogate;
  openpyxl raises for them (``IllegalCharacterError``) and would end the run. Each is written as U+FFFD (�), the
  character Unicode keeps for "something was here", and a :class:`CellTextWarning` names the cell and the count;
  the CLI prints one note for the file (``perftable: note: x.xlsx: 3 characters a workbook cannot hold …``).
  Nothing else changes, so the text still matches its source everywhere else.
- **Text is never cut.** Excel keeps at most 32,767 characters (UTF-16 units) in a cell, and openpyxl cuts longer
  text without a word. A longer text is refused instead (:class:`TextTooLongError`, exit 2), naming the cell and
  its length: the formats without that limit (markdown, HTML, CSV, JSON) keep it whole. Splitting it across cells
  would change the form's layout and what a reader reads back, so perftable does not.
"""

from __future__ import annotations

import re
import warnings
from typing import TYPE_CHECKING

from perftable.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Callable

MAX_CELL_CHARS = 32_767  # Excel's limit, in UTF-16 code units
REPLACEMENT = "\ufffd"
# What XML 1.0 cannot hold, listed rather than negated (the negated class of every allowed range takes ~3 ms to
# compile, paid by every command that imports this module).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class CellTextWarning(UserWarning):
    """Characters a workbook cannot hold were written as U+FFFD in one cell (``where``: ``'sheet'!B7``)."""

    def __init__(self, where: str, count: int) -> None:
        super().__init__(f"{where}: {count} character(s) a workbook cannot hold written as U+FFFD")
        self.where = where
        self.count = count


class TextTooLongError(UsageError):
    """A text longer than a cell can hold (``where``, ``length`` in UTF-16 units): refused, never cut."""

    def __init__(self, where: str, length: int) -> None:
        super().__init__(
            f"{where} would hold {length:,} characters, more than the {MAX_CELL_CHARS:,} an Excel cell keeps "
            "(it would be cut): not written; markdown, HTML, CSV and JSON keep the text whole"
        )
        self.where = where
        self.length = length


def utf16_length(text: str) -> int:
    """The length Excel counts: a character beyond the BMP is two."""
    return len(text.encode("utf-16-le")) // 2


def cell_text(text: str, where: Callable[[], str]) -> str:
    """The text as a cell may hold it: characters XML cannot hold replaced by U+FFFD (with a
    :class:`CellTextWarning`), and refused when longer than a cell keeps (:class:`TextTooLongError`).
    ``where`` names the cell; it is called only when something is wrong."""
    if len(text) > MAX_CELL_CHARS // 2 and utf16_length(text) > MAX_CELL_CHARS:
        raise TextTooLongError(where(), utf16_length(text))
    if _NOT_XML.search(text) is None:
        return text
    clean, count = _NOT_XML.subn(REPLACEMENT, text)
    warnings.warn(CellTextWarning(where(), count), stacklevel=2)
    return clean
