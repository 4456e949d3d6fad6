"""A partitioned Parquet dataset written by the workers: ``perftable export PATH… --executor dask -o out/``.

Each partition of files (see :func:`~perftable.distributed.executor.partitions`) is one part,
``part-00000.parquet``, ``part-00001.parquet`` … in input order, written by the worker that read the files (the
client receives counts, not rows). Every part has the same schema (:func:`schema`), so that pandas, DuckDB, Spark
and pyarrow read the folder as one table: text as strings, ``table``/``year`` (and a task's ``number``) as int64,
amounts and numbers as ``decimal128(38, 10)`` (exact: money is never a float; ``amount_yuan`` too), ``date`` as
date32, positions (``at_line`` …) and counts as int64, ``passed`` as a boolean.

A part is written under a temporary name and renamed, so a worker that dies mid-write leaves no half part, and a
part run again (after its worker died) replaces itself: nothing is written twice. The parts are written in a
staging folder beside ``out/`` that replaces it when the run completes; a run stopped leaves ``out/`` as it was.
A partition whose worker kept dying is written again file by file (``part-00007-003.parquet``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from perftable.distributed.executor import file_size, ordered, partitions
from perftable.errors import UsageError
from perftable.export.rows import COLUMNS, Row, What
from perftable.export.stream import FileRows, file_rows

if TYPE_CHECKING:
    from distributed import Client

    from perftable.readers import ReadOptions

SCALE = 10
_QUANTUM = Decimal(1).scaleb(-SCALE)
_INTEGERS = frozenset({
    "table", "year", "indicators", "tasks", "repairs", "errors", "warnings", "infos", "at_page", "at_table",
    "at_row", "at_line", "at_column",
})  # fmt: skip
_DECIMALS = frozenset(
    {"number", "number_max", "amount", "funds", "amount_yuan", "total", "total_yuan", "annual_total",
     "annual_total_yuan"}
)  # fmt: skip
_BOOLEANS = frozenset({"passed"})


def require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise UsageError("writing a Parquet dataset needs pyarrow: pip install pyarrow") from None


def schema(what: What) -> Any:
    """The schema of every part of a dataset of ``what``."""
    import pyarrow as pa

    def kind(column: str) -> Any:
        if column in _INTEGERS or (what == "tasks" and column == "number"):
            return pa.int64()
        if column in _DECIMALS:
            return pa.decimal128(38, SCALE)
        if column in _BOOLEANS:
            return pa.bool_()
        return pa.date32() if column == "date" else pa.string()

    return pa.schema([(column, kind(column)) for column in COLUMNS[what]])


def _cell(value: Any) -> Any:
    if isinstance(value, Decimal):
        if not value.is_finite():
            return None
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -SCALE:
            return value.quantize(_QUANTUM, ROUND_HALF_EVEN)
    return value


def table(rows: list[Row], what: What) -> Any:
    """The rows as a pyarrow Table of :func:`schema`."""
    import pyarrow as pa

    columns = COLUMNS[what]
    return pa.Table.from_pylist(
        [{c: _cell(row.get(c)) for c in columns} for row in rows], schema=schema(what)
    )


Part = tuple[list[str], "What", "ReadOptions", str, str]  # files, what, options, folder, part name


def _write_part(task: Part) -> list[FileRows]:
    import pyarrow.parquet as pq

    files, what, options, folder, name = task
    read = [file_rows(path, what, options) for path in files]
    rows = [row for part in read for row in part.rows]
    if rows:
        target = Path(folder) / name
        handle, name_of_temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        os.close(handle)
        temporary = Path(name_of_temporary)
        try:
            pq.write_table(table(rows, what), temporary)
            temporary.replace(target)
        finally:
            temporary.unlink(missing_ok=True)
    return [
        part.__class__(part.file, part.tables, [], part.error, part.count) for part in read
    ]  # counts only


def _split(task: Part) -> list[Part]:
    files, what, options, folder, name = task
    stem = name.removesuffix(".parquet")
    if len(files) == 1:
        return []
    return [([path], what, options, folder, f"{stem}-{index:03}.parquet") for index, path in enumerate(files)]


def _lost(task: Part, reason: str) -> list[FileRows]:
    return [FileRows(path, error=f"{path}: {reason}") for path in task[0]]


def check_output(output: Path) -> None:
    """A dataset folder may replace only a folder of parts: refuse one holding anything else, before any work."""
    if output.exists() and not output.is_dir():
        raise UsageError(f"{output} is a file: a partitioned dataset is written to a folder (-o out/)")
    if output.is_dir():
        other = sorted(
            p.name for p in output.iterdir() if not (p.name.startswith("part-") and p.suffix == ".parquet")
        )
        if other:
            raise UsageError(
                f"{output} holds other files than a dataset's parts (first: {other[0]}): name a new or empty folder"
            )


def write(
    files: list[str], what: What, options: ReadOptions, client: Client, output: Path
) -> Iterator[FileRows]:
    """Write the dataset of ``files`` to the folder ``output``; yields each file's counts in input order. The
    folder must be reachable by the workers at the same path (a shared file system)."""
    require_pyarrow()
    check_output(output)
    output = output.absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp"))
    done = False
    try:
        tasks: list[Part] = [
            (run, what, options, str(staging), f"part-{index:05}.parquet")
            for index, run in enumerate(partitions(files, file_size))
        ]
        yield from ordered(client, _write_part, tasks, _split, _lost)
        done = True
    finally:
        if done:
            _replace_folder(staging, output)
        else:
            shutil.rmtree(staging, ignore_errors=True)


def _replace_folder(staging: Path, output: Path) -> None:
    if output.is_dir():
        old = output.with_name(f".{output.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        output.rename(old)
        staging.rename(output)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(output)
