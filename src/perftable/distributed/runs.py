"""The command line's work on Dask: ``validate`` and ``export`` with ``--executor dask``.

Each gives what its ``--jobs`` run gives, in the same order (see :mod:`perftable.distributed.executor`): validate
a :class:`~perftable.check.batch.Checked` per file (the workers write their part of a streamed report, as pool workers
do), export a :class:`~perftable.export.stream.FileRows` per file, or a partitioned Parquet dataset written by the
workers themselves (:mod:`perftable.distributed.parquet`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from perftable.check.batch import _check_packed, _lost
from perftable.distributed.executor import file_size, ordered, partitions
from perftable.export.stream import ENCODED, FileRows, file_rows
from perftable.rules import all_rules
from perftable.runtime import gc_tuned

if TYPE_CHECKING:
    from distributed import Client

    from perftable.check.batch import Checked, PartWriter, RunSettings
    from perftable.export.rows import What
    from perftable.readers import ReadOptions

Item = tuple[Path, "RunSettings", "PartWriter | None", bool]


def _check_partition(items: list[Item]) -> list[Checked]:
    with gc_tuned():
        return [_check_packed(item) for item in items]


def _lost_file(items: list[Item], reason: str) -> list[Checked]:
    """The P001 report of a file whose worker kept dying, made in the client as the pool makes it."""
    return [_lost(item, reason) for item in items]


def _one_each(items: list[Any]) -> list[list[Any]]:
    return [[item] for item in items] if len(items) > 1 else []


def check(
    paths: list[Path],
    settings: RunSettings,
    client: Client,
    part: PartWriter | None = None,
    *,
    keep: bool = True,
) -> Iterator[Checked]:
    """:func:`perftable.check.batch.run` on a Dask cluster: every file checked, in input order."""
    all_rules()
    items: list[Item] = [(path, settings, part, keep) for path in paths]
    tasks = partitions(items, lambda item: file_size(item[0]))
    yield from ordered(client, _check_partition, tasks, _one_each, _lost_file)


Rows = tuple[list[str], "What", "ReadOptions", "str | None"]


def _rows_partition(task: Rows) -> list[FileRows]:
    files, what, options, encode = task
    return [file_rows(path, what, options, encode=encode) for path in files]


def _split_rows(task: Rows) -> list[Rows]:
    files, *rest = task
    return [([path], *rest) for path in files] if len(files) > 1 else []  # type: ignore[misc]


def _lost_rows(task: Rows, reason: str) -> list[FileRows]:
    return [FileRows(path, error=f"{path}: {reason}") for path in task[0]]


def export_rows(
    files: list[str], what: What, fmt: str, options: ReadOptions, client: Client
) -> Iterator[FileRows]:
    """Each file's rows (CSV and JSON Lines as their text), in input order, read on the cluster."""
    encode = fmt if fmt in ENCODED else None
    tasks: list[Rows] = [(run, what, options, encode) for run in partitions(files, file_size)]
    yield from ordered(client, _rows_partition, tasks, _split_rows, _lost_rows)
