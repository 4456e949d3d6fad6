"""``perftable export``: many files, one dataset (one row per indicator, budget line or task)."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from perftable.cli import EXIT_ERROR, fail
from perftable.cli.options import cell_text_notes, output_format, read_options, reading_options
from perftable.readers import DEFAULT_OPTIONS, ReadOptions

if TYPE_CHECKING:
    from perftable.dataset import Row, What
    from perftable.model import Document

FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".jsonl": "jsonl", ".parquet": "parquet"}
Loaded = tuple[str, "list[Document]", "str | None"]


def load_file(path: str, options: ReadOptions = DEFAULT_OPTIONS) -> Loaded:
    """One file's tables, or why it could not be read (run in worker processes: never raises for a bad file)."""
    from perftable.errors import ReadError
    from perftable.loader import load_all

    try:
        return path, load_all(path, options), None
    except ReadError as exc:
        return path, [], str(exc)


def load_files(
    files: list[str], jobs: int, options: ReadOptions = DEFAULT_OPTIONS
) -> tuple[list[Document], list[str]]:
    """Every table of the files, in order, and why each unreadable file could not be read."""
    docs: list[Document] = []
    failed: list[str] = []
    from perftable.parallel import ordered_map, progress

    loaded = ordered_map(partial(load_file, options=options), files, jobs)
    for _, found, error in progress(loaded, len(files), "reading", minimum=2):
        docs.extend(found)
        if error is not None:
            failed.append(error)
    return docs, failed


def _encode(rows: list[Row], what: What, fmt: str) -> bytes:
    from perftable.dataset import COLUMNS, to_csv, to_jsonl

    columns = COLUMNS[what]
    if fmt == "csv":
        return to_csv(rows, columns, bom=True).encode("utf-8")
    if fmt == "jsonl":
        return to_jsonl(rows, columns).encode("utf-8")
    from perftable import frames

    if fmt == "xlsx":
        return frames.to_xlsx(rows, columns, sheet=what)
    return frames.to_parquet(rows, columns)


def _format(output: Path, fmt: str | None) -> str:
    from perftable.errors import UsageError

    if str(output) == "-":
        if fmt in ("xlsx", "parquet"):
            raise UsageError(
                f"{fmt} is a binary format: write it to a file (-o x.{fmt}); - takes csv or jsonl"
            )
        return fmt or "csv"
    found = output_format(output, fmt, FORMATS, f"--format {fmt}")  # -o x.xlsx --format csv is refused
    if found is None:
        raise UsageError(
            f"cannot tell the format of {output}: name it .csv, .xlsx, .jsonl or .parquet, or give --format"
        )
    return found


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="The dataset file; - writes CSV (default) or JSON Lines to standard output.",
)
@click.option(
    "--what",
    type=click.Choice(["indicators", "budget", "tasks", "tables"]),
    default="indicators",
    show_default=True,
    help="One row per indicator, budget line, task, or table (its totals and what validate finds in it).",
)
@click.option(
    "--format", "fmt", type=click.Choice(sorted(set(FORMATS.values()))), help="[default: from -o's suffix]"
)
@click.option(
    "-j", "--jobs", type=int, default=1, show_default=True, help="Processes to read with (0: all cores)."
)
@reading_options
def export(
    paths: tuple[Path, ...], output: Path, what: What, fmt: str | None, jobs: int, **limits: Any
) -> None:
    """Export the tables of many files as one dataset: one row per indicator (or, with --what, per budget line or
    task), with the document's kind, year, department and project, the parsed target (comparator, number, unit,
    per, date) and the source location.

    PATHS are files or directories (searched for supported files). Files that cannot be read are listed at the
    end and the exit code is 2; the others are still exported. CSV is UTF-8 with a BOM (Excel shows the Chinese);
    in CSV and XLSX a text that begins with = + - @ is written as text, never as a formula. Parquet needs pyarrow
    (pip install perftable[parquet]). Every row has the amount in 元 (amount_yuan, exact), its location split into
    columns (at_sheet, at_cell, at_page, at_table, at_row, at_line, at_column) and a stable id, the row_id of
    validate's JSON findings about it.

    \b
    Examples:
      perftable export samples/ -o indicators.csv
      perftable export 2024预算公开/ -o budget.xlsx --what budget --jobs 0
      perftable export submissions/ -o indicators.parquet
      perftable export submissions/ --what tables -o - | csvlook
    """
    from perftable.dataset import rows_of
    from perftable.errors import PerftableError
    from perftable.files import iter_files
    from perftable.io import atomic_write, refuse_inputs

    try:
        fmt = _format(output, fmt)
        files = [str(path) for path in iter_files(paths)]
        to_stdout = str(output) == "-"
        if not to_stdout:
            refuse_inputs(output, files)  # a table found in a walked folder included
        docs, failed = load_files(files, jobs, read_options(**limits))
        rows = rows_of(docs, what)
        if to_stdout:  # no BOM: a pipe is read by a program, not opened by Excel
            from perftable.dataset import COLUMNS, to_csv, to_jsonl

            columns = COLUMNS[what]
            click.echo(to_csv(rows, columns) if fmt == "csv" else to_jsonl(rows, columns), nl=False)
        else:
            with cell_text_notes(output):
                atomic_write(output, _encode(rows, what, fmt), inputs=files)
    except PerftableError as exc:
        fail(str(exc))
        sys.exit(EXIT_ERROR)
    click.echo(
        f"perftable: {len(rows)} rows ({what}) from {len(docs)} tables in {len(files) - len(failed)} files -> "
        f"{'standard output' if str(output) == '-' else output}",
        err=True,
    )
    for error in failed:
        fail(error)
    if failed:
        sys.exit(EXIT_ERROR)
