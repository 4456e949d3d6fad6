"""``perftable export`` as a stream: each file's rows are made where the file is read (in a worker process with
``--jobs``, on a Dask worker with ``--executor dask``) and written as they come back, in input order.

Documents never leave the process that read them and are dropped once their rows are made: a worker sends back
rows, not pickled Documents (which made ``--jobs 2`` slower than ``--jobs 1``), and the parent keeps no document
(export held every one: 413 MiB for 1,000 files). CSV and JSON Lines are written file by file, XLSX through
openpyxl's write-only sheet; only Parquet, written whole by pandas, keeps the rows (never the documents).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from perftable.errors import ReadError
from perftable.export import frames
from perftable.export.rows import BOM, COLUMNS, Row, What, rows_of, to_csv, to_jsonl
from perftable.extract import require_documents
from perftable.loader import read_file
from perftable.outputs import atomic_text, atomic_write
from perftable.readers import DEFAULT_OPTIONS, ReadOptions
from perftable.runtime import gc_tuned

ENCODED = ("csv", "jsonl")  # formats a worker writes its part of (the parent only writes it out)


@dataclass(frozen=True, slots=True)
class FileRows:
    """One file's rows of one kind (or, for CSV and JSON Lines, their text: the worker writes its part of the
    output, so the parent neither unpickles rows nor formats them), how many rows and tables, or why the file
    could not be read."""

    file: str
    tables: int = 0
    rows: list[Row] = field(default_factory=list)
    error: str | None = None
    count: int = 0
    text: str = ""


def file_rows(
    path: str,
    what: What,
    options: ReadOptions = DEFAULT_OPTIONS,
    display: str | None = None,
    encode: str | None = None,
) -> FileRows:
    """The rows of every table of one file (run in worker processes: never raises for a bad file), as text when
    ``encode`` names csv or jsonl. ``display`` names the file in rows and errors when it is read from another
    place (a downloaded copy)."""
    name = display or path
    try:
        with (
            gc_tuned()
        ):  # read as load_all reads: under the limits of time and memory (perftable.readers.contain)
            documents = require_documents(read_file(path, options, name).extraction, name)
    except ReadError as exc:
        return FileRows(name, error=str(exc))
    rows = rows_of(documents, what)
    if encode in ENCODED:
        return FileRows(name, len(documents), [], None, len(rows), encoded(rows, what, encode))
    return FileRows(name, len(documents), rows, None, len(rows))


def encoded(rows: list[Row], what: What, fmt: str) -> str:
    """Rows as CSV lines (no header) or JSON Lines: a part of the file :func:`write_dataset` writes."""
    columns = COLUMNS[what]
    if not rows:
        return ""
    if fmt == "csv":
        return to_csv(rows, columns)[len(to_csv([], columns)) :]  # the rows without the header line
    return to_jsonl(rows, columns)


@dataclass
class Totals:
    """What a stream of files gave: rows, tables, files read and the errors of the others."""

    rows: int = 0
    tables: int = 0
    files: int = 0
    failed: list[str] = field(default_factory=list)

    def count(self, parts: Iterable[FileRows]) -> Iterator[FileRows]:
        """``parts`` unchanged, counted as they pass."""
        for part in parts:
            if part.error is None:
                self.files += 1
                self.tables += part.tables
                self.rows += part.count
            else:
                self.failed.append(part.error)
            yield part


def _rows(parts: Iterable[FileRows]) -> Iterator[Row]:
    for part in parts:
        yield from part.rows


def write_dataset(
    output: Path, fmt: str, what: What, parts: Iterable[FileRows], inputs: Iterable[str | Path] = ()
) -> None:
    """Write the rows of ``parts`` to ``output`` (atomically) in ``fmt``: csv, jsonl, xlsx or parquet."""
    columns = COLUMNS[what]
    if fmt in ENCODED:
        with atomic_text(output, inputs=inputs) as handle:
            handle.write(BOM + to_csv([], columns) if fmt == "csv" else "")
            for part in parts:
                handle.write(part.text if part.text or not part.rows else encoded(part.rows, what, fmt))
        return

    if fmt == "xlsx":
        atomic_write(output, frames.to_xlsx(_rows(parts), columns, sheet=what), inputs=inputs)
    else:
        atomic_write(output, frames.to_parquet(list(_rows(parts)), columns), inputs=inputs)
