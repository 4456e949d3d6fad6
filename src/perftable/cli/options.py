"""Options shared by the commands that read tables (``parse``, ``validate``): ``--pages`` and ``-v/--verbose``,
and the reading they control. Parsing options is kept apart from running the command."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from perftable.extract import Extraction
    from perftable.readers import ReadOptions

_PAGES = re.compile(r"\s*(\d+)\s*(?:(-)\s*(\d+)?\s*)?")
OPEN_END = 1_000_000  # the last page of "40-"


def parse_pages(text: str) -> tuple[int, int]:
    """``"40-52"`` -> ``(40, 52)``, ``"7"`` -> ``(7, 7)``, ``"40-"`` -> from page 40 to the end. Raises ValueError."""
    match = _PAGES.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a page range (expected FIRST-LAST, e.g. 40-52, or 7, or 40-)")
    first = int(match[1])
    last = int(match[3]) if match[3] else (OPEN_END if match[2] else first)
    if first < 1 or last < first:
        raise ValueError(f"{text!r} is not a page range (pages count from 1, and FIRST <= LAST)")
    return first, last


def _pages_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        return parse_pages(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


def reading_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--pages`` and ``-v/--verbose`` to a command (as ``pages`` and ``verbose`` arguments)."""
    command = click.option(
        "-v",
        "--verbose",
        is_flag=True,
        help="Say on stderr, for each file, how many 绩效目标表 were read and how many other tables skipped.",
    )(command)
    return click.option(
        "--pages",
        metavar="FIRST-LAST",
        callback=_pages_callback,
        help="PDF only: read these pages (1-based, inclusive: 40-52, 7, 40-); other formats ignore it.",
    )(command)


def read_options(pages: tuple[int, int] | None) -> ReadOptions:
    from perftable.readers import ReadOptions

    return ReadOptions(pages=pages)


def read_tables(path: Path, options: ReadOptions, stdin_format: str = "markdown") -> Extraction:
    """The 绩效目标表 of a file (``-``: standard input in ``stdin_format``), with the count of skipped tables.
    Raises :class:`~perftable.errors.ReadError` when there is none."""
    from perftable.loader import load_extraction, loads_extraction

    if str(path) == "-":
        return loads_extraction(sys.stdin.read(), stdin_format, "<stdin>")
    return load_extraction(path, options)


def summary(path: Path, result: Extraction) -> str:
    """The verbose line for one file: ``x.pdf: 3 绩效目标表, 2 other tables skipped``."""
    skipped = f", {result.skipped} other table{'s' if result.skipped != 1 else ''} skipped (not 绩效目标表)"
    return f"{path}: {len(result.documents)} 绩效目标表{skipped if result.skipped else ''}"
