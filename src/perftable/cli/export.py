"""``perftable export``: many files, one dataset (one row per indicator, budget line or task)."""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from perftable.check.parallel import ordered_map, progress
from perftable.cli import EXIT_ERROR, fail
from perftable.cli.executor import dask_client, executor_options
from perftable.cli.options import cell_text_notes, output_format, read_options, reading_options
from perftable.distributed import parquet
from perftable.distributed.runs import export_rows
from perftable.errors import PerftableError, UsageError
from perftable.export.rows import COLUMNS, to_csv
from perftable.export.stream import ENCODED, FileRows, Totals, encoded, file_rows, write_dataset
from perftable.outputs import refuse_inputs
from perftable.readers import DEFAULT_OPTIONS, ReadOptions
from perftable.readers.files import iter_files

if TYPE_CHECKING:
    from collections.abc import Iterator

    from distributed import Client

    from perftable.export.rows import What

FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".jsonl": "jsonl", ".parquet": "parquet"}


def read_rows(
    files: list[str],
    what: What,
    fmt: str,
    jobs: int,
    options: ReadOptions = DEFAULT_OPTIONS,
    client: Client | None = None,
) -> Iterator[FileRows]:
    """Each file's rows, in order as they are ready; read in ``jobs`` worker processes (or on the Dask cluster of
    ``client``), which send back rows, never documents (see :mod:`perftable.export.stream`)."""
    if client is not None:
        loaded = export_rows(files, what, fmt, options, client)
    else:
        encode = fmt if fmt in ENCODED else None
        work = partial(file_rows, what=what, options=options, encode=encode)
        loaded = ordered_map(work, files, jobs, _lost)
    return progress(loaded, len(files), "reading", minimum=2)


def _lost(path: str, reason: str) -> FileRows:
    """A file whose worker process died twice (see :func:`perftable.check.parallel.ordered_map`)."""
    return FileRows(path, error=f"{path}: {reason}")


def _write_stdout(fmt: str, what: What, parts: Iterator[FileRows]) -> None:
    """CSV (a header, no BOM: a pipe is read by a program, not opened by Excel) or JSON Lines on stdout, file by
    file as they come."""
    if fmt == "csv":
        click.echo(to_csv([], COLUMNS[what]), nl=False)
    for part in parts:
        click.echo(part.text if part.text or not part.rows else encoded(part.rows, what, fmt), nl=False)


def _format(output: Path, fmt: str | None) -> str:
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
    "output_name",
    required=True,
    type=click.Path(),
    help="The dataset file; - writes CSV (default) or JSON Lines to standard output; with --executor dask, a "
    "folder (out/) for a partitioned Parquet dataset.",
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
@executor_options
@reading_options
def export(
    paths: tuple[Path, ...],
    output_name: str,
    what: What,
    fmt: str | None,
    jobs: int,
    executor: str,
    scheduler: str | None,
    **limits: Any,
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
    With --executor dask the files are read on a Dask cluster, and -o out/ (a folder) writes a partitioned Parquet
    dataset, one part per partition of files, written by the workers.

    \b
    Examples:
      perftable export samples/ -o indicators.csv
      perftable export 2024预算公开/ -o budget.xlsx --what budget --jobs 0
      perftable export submissions/ -o indicators.parquet
      perftable export archive/ --executor dask --scheduler tcp://10.0.0.5:8786 -o indicators/
      perftable export submissions/ --what tables -o - | csvlook
    """
    output = Path(output_name)
    folder = output_name.endswith(("/", os.sep)) or output.is_dir()
    totals = Totals()
    try:
        if folder and executor != "dask":
            raise UsageError(
                f"-o {output_name}: a folder takes a partitioned Parquet dataset (--executor dask)"
            )
        fmt = "parquet" if folder else _format(output, fmt)
        files = [str(path) for path in iter_files(paths)]
        to_stdout = output_name == "-"
        if not to_stdout:
            refuse_inputs(output, files)  # a table found in a walked folder included
        options = read_options(**limits)
        with dask_client(executor, scheduler, jobs) as client:
            if client is not None and folder:
                written = parquet.write(files, what, options, client, output)
                for _ in progress(totals.count(written), len(files), "reading", minimum=2):
                    pass  # the workers write the parts; the counts come back
            else:
                rows = read_rows(files, what, fmt, jobs, options, client)
                if to_stdout:
                    _write_stdout(fmt, what, totals.count(rows))
                else:
                    with cell_text_notes(output):
                        write_dataset(output, fmt, what, totals.count(rows), inputs=files)
    except PerftableError as exc:
        fail(str(exc))
        sys.exit(EXIT_ERROR)
    click.echo(
        f"perftable: {totals.rows} rows ({what}) from {totals.tables} tables in {totals.files} files -> "
        f"{'standard output' if output_name == '-' else output}",
        err=True,
    )
    for error in totals.failed:
        fail(error)
    if totals.failed:
        sys.exit(EXIT_ERROR)
