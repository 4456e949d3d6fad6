"""Options shared by commands, parsed apart from running them: comma-separated rule lists, ``CODE=LEVEL``
severities, and the options of every command that reads tables (``--pages`` and the reading limits)."""

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from perftable.check.config import SEVERITIES
from perftable.errors import UsageError
from perftable.loader import load_extraction, source_extraction
from perftable.readers import DEFAULT_OPTIONS, ReadOptions, read_stream
from perftable.rules import resolve_rule
from perftable.spans.cell_text import CellTextWarning

if TYPE_CHECKING:
    from perftable.extract import Extraction
    from perftable.grid import Source


def split_list(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """``--select B,U --select I003`` -> ("B", "U", "I003"); None when the option was not given."""
    if not values:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def parse_severities(values: tuple[str, ...]) -> dict[str, str] | None:
    """``--severity U003=error`` (codes or names) -> {"U003": "error"}."""
    if not values:
        return None

    result: dict[str, str] = {}
    for value in values:
        name, sep, level = value.partition("=")
        if not sep or level not in (*SEVERITIES, "off"):
            raise click.BadParameter(
                f"{value!r}: expected CODE=error|warning|info|off", param_hint="--severity"
            )
        result[resolve_rule(name.strip(), "--severity").code] = level
    return result


# --- reading -------------------------------------------------------------------------------------------------

_PAGES = re.compile(r"(?<!\s)\s*(\d+)\s*(?:(-)\s*(?:(\d+)\s*)?)?")
OPEN_END = 1_000_000  # the last page of "40-"
_SIZE = {"": 1, "b": 1, "k": 1000, "kb": 1000, "kib": 1024, "m": 1000**2, "mb": 1000**2, "mib": 1024**2,
         "g": 1000**3, "gb": 1000**3, "gib": 1024**3}  # fmt: skip


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


def _human(size: int) -> str:
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size % factor == 0:
            return f"{size // factor}{unit}"
    return str(size)


def byte_size(ctx: click.Context, param: click.Parameter, value: object) -> int:
    """``50MB``, ``32MiB``, ``1000000`` -> bytes (a click callback; None means the option's default). A size that
    is not a finite positive number (``1e400``, ``nan``, ``-1``) is a usage error, never an overflow."""
    if value is None:
        defaults = {
            "max_file_size": DEFAULT_OPTIONS.max_bytes,
            "max_unzipped": DEFAULT_OPTIONS.max_unzipped,
            "max_memory": DEFAULT_OPTIONS.max_memory,
        }
        return defaults[str(param.name)]
    text = str(value).strip().lower().replace(" ", "")
    number = text.rstrip("abcdefghijklmnopqrstuvwxyz")
    try:
        size = float(number) * _SIZE[text[len(number) :]]
    except (KeyError, ValueError):
        raise click.BadParameter(f"{value!r} is not a size (examples: 50MB, 32MiB, 1000000)") from None
    if not 1 <= size <= _LARGEST:
        raise click.BadParameter(f"{value!r} is not a size between 1 byte and 1PB") from None
    return int(size)


_LARGEST = 1000**5  # 1PB: larger than any limit means anything, small enough to stay a number


def seconds(ctx: click.Context, param: click.Parameter, value: object) -> float:
    """``300``, ``90s``, ``5m``, ``1h`` -> seconds (a click callback; None means the default)."""
    if value is None:
        return DEFAULT_OPTIONS.max_seconds
    text = str(value).strip().lower()
    factor = {"s": 1, "m": 60, "h": 3600}.get(text[-1:], 1)
    try:
        number = float(text.rstrip("smh"))
    except ValueError:
        number = float("nan")
    if not 0 < number * factor <= 7 * 24 * 3600:  # nan fails too
        raise click.BadParameter(f"{value!r} is not a time limit (examples: 300, 90s, 5m; at most a week)")
    return number * factor


def reading_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the reading options to a command: ``--pages``, ``--pdf-engine`` and the limits (``--max-file-size``,
    ``--max-cells``, ``--max-unzipped``, ``--max-memory``, ``--timeout``); the command receives them as keyword
    arguments for :func:`read_options`."""
    D = DEFAULT_OPTIONS  # short: the table below is aligned by hand
    command = click.option("--timeout", type=str, callback=seconds, show_default=f"{D.max_seconds:g}s",
                           metavar="SECONDS", help="Longest time reading one file may take (90s, 5m).")(command)  # fmt: skip
    command = click.option("--max-memory", type=str, callback=byte_size, show_default=_human(D.max_memory),
                           metavar="SIZE", help="Most memory reading one file may take.")(command)  # fmt: skip
    command = click.option("--max-unzipped", type=str, callback=byte_size, show_default=_human(D.max_unzipped),
                           metavar="SIZE", help="Largest size a workbook, a Word document or a PDF's streams may unpack to.")(command)  # fmt: skip
    command = click.option("--max-cells", type=click.IntRange(min=1), default=D.max_cells, show_default=True,
                           help="Most cells a table may span (every format).")(command)  # fmt: skip
    command = click.option("--max-file-size", type=str, callback=byte_size, show_default=_human(D.max_bytes),
                           metavar="SIZE", help="Largest file to read (50MB, 32MiB …).")(command)  # fmt: skip
    command = click.option(
        "--pdf-engine",
        type=click.Choice(["pdfium", "pdfplumber"]),
        default=D.pdf_engine,
        show_default=True,
        help="PDF only: the library that reads the pages (pdfium is faster; pdfplumber is the second opinion).",
    )(command)
    return click.option(
        "--pages",
        metavar="FIRST-LAST",
        callback=_pages_callback,
        help="PDF only: read these pages (1-based, inclusive: 40-52, 7, 40-); other formats ignore it.",
    )(command)


def verbose_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "-v",
        "--verbose",
        is_flag=True,
        help="Say on stderr, for each file, how many 绩效目标表 were read and how many other tables skipped.",
    )(command)


def read_options(
    *,
    pages: tuple[int, int] | None = None,
    pdf_engine: str | None = None,
    max_file_size: int | None = None,
    max_cells: int | None = None,
    max_unzipped: int | None = None,
    max_memory: int | None = None,
    timeout: float | None = None,
) -> ReadOptions:
    """The :class:`~perftable.readers.ReadOptions` of the reading options (defaults for those not given)."""
    return ReadOptions(
        pages=pages,
        pdf_engine=pdf_engine or DEFAULT_OPTIONS.pdf_engine,
        max_bytes=max_file_size or DEFAULT_OPTIONS.max_bytes,
        max_cells=max_cells or DEFAULT_OPTIONS.max_cells,
        max_unzipped=max_unzipped or DEFAULT_OPTIONS.max_unzipped,
        max_memory=max_memory or DEFAULT_OPTIONS.max_memory,
        max_seconds=timeout or DEFAULT_OPTIONS.max_seconds,
    )


READING = ("pages", "pdf_engine", "max_file_size", "max_cells", "max_unzipped", "max_memory", "timeout")


def read_tables(path: Path, options: ReadOptions, stdin_format: str = "markdown") -> Extraction:
    """The 绩效目标表 of a file (``-``: standard input in ``stdin_format``), with the count of skipped tables.
    Raises :class:`~perftable.errors.ReadError` when there is none."""
    if str(path) == "-":
        return source_extraction(read_stdin(stdin_format, options), options)
    return load_extraction(path, options)


def read_stdin(fmt: str, options: ReadOptions) -> Source:
    """Standard input as a file is read: at most ``--max-file-size`` plus one byte, then decoded."""
    return read_stream(sys.stdin.buffer, fmt, "<stdin>", options)


def output_format(
    output: Path | None, chosen: str | None, named_by: Mapping[str, str], option: str
) -> str | None:
    """The format of an output: ``chosen`` by an option (``option`` says which), else the one ``output``'s suffix
    names (None when neither says). A file is never named for one format and written in another: when the option
    and the suffix disagree (``--with-findings -o x.xlsx``, ``--to html -o x.md``) this raises a
    :class:`~perftable.errors.UsageError` saying both. A suffix ``named_by`` does not know (``.txt``, none) names
    no format."""
    named = named_by.get(output.suffix.lower()) if output is not None else None
    if output is None or chosen is None or named is None or named == chosen:
        return chosen or named
    suffix = next((suffix for suffix, fmt in named_by.items() if fmt == chosen), ".txt")
    raise UsageError(
        f"{option} writes {chosen}, but the output {output} is named as {named}: name it "
        f"{output.with_suffix(suffix).name}, or leave out {option} to write {named}"
    )


def summary(path: Path, result: Extraction) -> str:
    """The verbose lines for one file: ``perftable: x.pdf: 3 绩效目标表, 2 other tables skipped (not 绩效目标表)``,
    then one line per skipped table saying where it starts and why."""
    skipped = f", {result.skipped} other table{'s' if result.skipped != 1 else ''} skipped (not 绩效目标表)"
    lines = [f"perftable: {path}: {len(result.documents)} 绩效目标表{skipped if result.skipped else ''}"]
    lines += [f"perftable:   {reason.location}: {reason.message('en')}" for reason in result.reasons]
    return "\n".join(lines)


@contextmanager
def cell_text_notes(output: Path | None) -> Iterator[None]:
    """Write a workbook inside this block: the :class:`~perftable.spans.cell_text.CellTextWarning` of its cells become one
    note on stderr once the block is done (after the output is written); other warnings pass on as they were."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CellTextWarning)
        yield
    replaced = [w.message for w in caught if isinstance(w.message, CellTextWarning)]
    for other in caught:
        if not isinstance(other.message, CellTextWarning):
            warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
    if replaced:
        count = sum(warning.count for warning in replaced)
        places = f"in {len(replaced)} place{'s' if len(replaced) > 1 else ''}, first {replaced[0].where}"
        click.echo(
            f"perftable: note: {output or 'the workbook'}: {count} character{'s' if count > 1 else ''} a workbook "
            f"cannot hold (control characters, U+FFFE/U+FFFF) written as U+FFFD ({places})",
            err=True,
        )
