"""Validating many files: configuration per file (discovered upward, or one given file), command-line overrides
on top, and a pool of processes when asked for. Results come back in input order as they are ready, so that
reports stream and memory stays flat however many files there are (only findings are kept, never documents)."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from perftable.config import Config, discover, read_file
from perftable.engine import check_file
from perftable.errors import UsageError
from perftable.findings import FileReport
from perftable.readers import DEFAULT_OPTIONS, ReadOptions


@dataclass(frozen=True)
class RunSettings:
    """What every file of a run shares. Picklable: it is sent to worker processes."""

    config_file: str | None = None
    isolated: bool = False
    overrides: dict[str, Any] = field(default_factory=dict)
    read_options: ReadOptions = DEFAULT_OPTIONS


_CONFIGS: dict[tuple[int, str], Config] = {}


def config_for(path: Path, settings: RunSettings) -> Config:
    """The configuration of one file, overrides applied; one object per base configuration (cached)."""
    if settings.isolated:
        base = Config()
    elif settings.config_file:
        base = _explicit(settings.config_file)
    else:
        base = discover(path.resolve().parent)
    key = (id(base), repr(sorted(settings.overrides.items())))
    if key not in _CONFIGS:
        _CONFIGS[key] = base.with_overrides(**settings.overrides)
    return _CONFIGS[key]


_EXPLICIT: dict[str, Config] = {}


def _explicit(config_file: str) -> Config:
    if config_file not in _EXPLICIT:
        path = Path(config_file)
        if not path.is_file():
            raise UsageError(f"--config {config_file}: no such file")
        _EXPLICIT[config_file] = read_file(path) or Config(source=config_file, root=path.parent.resolve())
    return _EXPLICIT[config_file]


def check_one(path: Path, settings: RunSettings) -> FileReport:
    return check_file(path, config_for(path, settings), options=settings.read_options)


def _check_packed(item: tuple[Path, RunSettings]) -> FileReport:
    return check_one(*item)


def jobs_count(jobs: int) -> int:
    """``0`` means every core."""
    return max(1, (os.cpu_count() or 1) if jobs == 0 else jobs)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops the run and says so once (no traceback per worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run(paths: Iterable[Path], settings: RunSettings, jobs: int = 1) -> Iterator[FileReport]:
    """File reports in input order. With ``jobs > 1`` files are checked in worker processes."""
    workers = jobs_count(jobs)
    paths = list(paths)
    if workers == 1 or len(paths) < 2:
        for path in paths:
            yield check_one(path, settings)
        return
    from perftable.rules import all_rules

    all_rules()  # import the catalog once, before the workers fork
    pool = ProcessPoolExecutor(max_workers=min(workers, len(paths)), initializer=_ignore_interrupts)
    chunk = max(1, min(32, len(paths) // (workers * 4)))
    try:
        yield from pool.map(_check_packed, ((path, settings) for path in paths), chunksize=chunk)
    except BaseException:  # Ctrl-C, a closed pipe, an early stop: do not wait for the queued files
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
