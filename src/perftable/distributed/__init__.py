"""perftable on a Dask cluster: reports, documents and indicator rows of many files, as Dask collections.

    >>> from perftable import distributed
    >>> from distributed import Client
    >>> client = Client("tcp://scheduler:8786")                        # or Client() for a LocalCluster
    >>> reports = distributed.reports(["s3://budget/2026/*.pdf"])      # a dask Bag of FileReport, one per file
    >>> reports.filter(lambda r: r.error is not None).count().compute()   # files that could not be read
    >>> frame = distributed.frame(["s3://budget/2026/"])               # a dask DataFrame, one row per indicator
    >>> frame.groupby("level1").size().compute()

Paths are read through fsspec: a local path, a folder (walked for supported files), a glob, or any URL fsspec
knows (``s3://`` where s3fs is installed, ``gcs://``, ``https://`` …); a remote file is copied to the worker's
temporary folder (at most the size limit plus one byte) and read there, and its URL names it in every location.
Files are partitioned as the command line does (small files grouped, large ones alone: see
:mod:`perftable.distributed.executor`). A local file is checked with ``config``, or the configuration discovered
upward from it as the command line does; a remote one with ``config`` (the defaults when None). The command line's ``--executor dask`` runs are in
:mod:`perftable.distributed.runs`; the README's "Running on a cluster" says how to start a cluster.

Needs ``pip install 'perftable[dask]'`` (and pandas for :func:`frame`).

May import: ``errors``, ``messages``, ``runtime``, ``model``, ``outputs``, ``values``, ``vocab``, ``grid``,
``findings``, ``spans``, ``readers``, ``extract``, ``loader``, ``rules``, ``check``, ``export``, ``report``,
``render``.
"""

from __future__ import annotations

import glob
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from perftable.check.config import Config
from perftable.check.engine import check_file
from perftable.distributed.executor import partitions, require_dask
from perftable.errors import ReadError
from perftable.export.rows import COLUMNS, What, rows_of
from perftable.extract import require_documents
from perftable.loader import read_file
from perftable.readers import DEFAULT_OPTIONS, SUPPORTED_SUFFIXES, ReadOptions
from perftable.readers.files import iter_files
from perftable.runtime import gc_tuned

if TYPE_CHECKING:
    from perftable.findings import FileReport
    from perftable.model import Document

__all__ = ["documents", "expand", "frame", "reports"]

Located = tuple[str, int]  # a path or URL, and its size in bytes


def _is_local(url: str) -> bool:
    return "://" not in url or url.startswith("file://")


def expand(urls: Sequence[str | Path], storage_options: dict[str, Any] | None = None) -> list[Located]:
    """Every file the paths name, with its size, in a stable order: folders walked for supported files, globs
    expanded (locally and through fsspec)."""
    found: list[Located] = []
    for url in map(str, urls):
        if _is_local(url):
            local = url.removeprefix("file://")
            named = sorted(glob.glob(local)) if _magic(local) else [local]  # noqa: PTH207  # absolute patterns too
            found += [(str(path), _size(path)) for path in iter_files(named)]
            continue
        import fsspec

        fs, path = fsspec.core.url_to_fs(url, **(storage_options or {}))
        if _magic(path):
            entries = fs.glob(path, detail=True)
        elif fs.isdir(path):
            entries = fs.find(path, detail=True)
        else:
            entries = {path: fs.info(path)}
        for name, info in sorted(entries.items()):
            if info.get("type") != "directory" and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                found.append((fs.unstrip_protocol(name), int(info.get("size") or 0)))
    return found


def _magic(pattern: str) -> bool:
    return any(sign in pattern for sign in "*?[")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


@contextmanager
def local_copy(
    url: str, options: ReadOptions = DEFAULT_OPTIONS, storage_options: dict[str, Any] | None = None
) -> Iterator[str]:
    """A local path holding the file at ``url``: the path itself for a local file, else a temporary copy of at
    most the size limit plus one byte (a larger file is then refused as too large, as a local one is)."""
    if _is_local(url):
        yield url.removeprefix("file://")
        return
    import fsspec

    with tempfile.TemporaryDirectory(prefix="perftable-") as folder:
        copy = Path(folder) / Path(url.split("?")[0]).name
        with fsspec.open(url, "rb", **(storage_options or {})) as source:
            copy.write_bytes(source.read(options.max_bytes + 1))
        yield str(copy)


def _reports(
    urls: list[str], config: Config | None, options: ReadOptions, storage: dict[str, Any] | None
) -> list[FileReport]:
    out: list[FileReport] = []
    for url in urls:
        with local_copy(url, options, storage) as path:
            given = config if config is not None or _is_local(url) else Config()
            out.append(check_file(path, given, options=options, display=url))
    return out


def _documents(urls: list[str], options: ReadOptions, storage: dict[str, Any] | None) -> list[Document]:
    out: list[Document] = []
    for url in urls:
        try:
            with local_copy(url, options, storage) as path, gc_tuned():
                out += require_documents(read_file(path, options, url).extraction, url)
        except ReadError:
            continue  # reports() says why
    return out


def _rows(urls: list[str], what: What, options: ReadOptions, storage: dict[str, Any] | None) -> Any:
    import pandas as pd

    rows = rows_of(_documents(urls, options, storage), what)
    return pd.DataFrame(rows, columns=COLUMNS[what]).astype(object)


def _partitions(urls: Sequence[str | Path], storage: dict[str, Any] | None) -> list[list[str]]:
    return [[url for url, _ in run] for run in partitions(expand(urls, storage), lambda item: item[1])]


def reports(
    urls: Sequence[str | Path],
    config: Config | None = None,
    *,
    options: ReadOptions = DEFAULT_OPTIONS,
    storage_options: dict[str, Any] | None = None,
) -> Any:
    """A dask Bag of :class:`~perftable.findings.FileReport`, one per file, in input order (an unreadable file's
    report holds its P001 finding)."""
    require_dask()
    import dask
    import dask.bag as db

    parts = _partitions(urls, storage_options)
    return db.from_delayed([dask.delayed(_reports)(part, config, options, storage_options) for part in parts])


def documents(
    urls: Sequence[str | Path],
    *,
    options: ReadOptions = DEFAULT_OPTIONS,
    storage_options: dict[str, Any] | None = None,
) -> Any:
    """A dask Bag of :class:`~perftable.model.Document`, every table of every file in input order (files that
    cannot be read give none: :func:`reports` says why)."""
    require_dask()
    import dask
    import dask.bag as db

    parts = _partitions(urls, storage_options)
    return db.from_delayed([dask.delayed(_documents)(part, options, storage_options) for part in parts])


def frame(
    urls: Sequence[str | Path],
    what: What = "indicators",
    *,
    options: ReadOptions = DEFAULT_OPTIONS,
    storage_options: dict[str, Any] | None = None,
) -> Any:
    """A dask DataFrame of the rows ``perftable export`` writes (one per indicator, or budget line, or task), a
    partition per partition of files; columns of Python objects (amounts stay Decimal, as in ``to_frame``)."""
    require_dask()
    import dask.dataframe as dd
    import pandas as pd

    meta = pd.DataFrame({column: pd.Series(dtype=object) for column in COLUMNS[what]})
    parts = _partitions(urls, storage_options)
    return dd.from_map(_rows, parts, what=what, options=options, storage=storage_options, meta=meta)
