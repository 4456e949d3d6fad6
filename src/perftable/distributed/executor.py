"""Running perftable's work on a Dask cluster: connecting, partitioning files, and results in input order.

Files are grouped into partitions in input order (:func:`partitions`): small files together, up to
:data:`PARTITION_FILES` files or :data:`PARTITION_BYTES` bytes, a large file (a long PDF) alone. A partition is
one Dask task; at most a window of them is in flight, so results stream back in input order and neither the
scheduler nor the client holds the whole run.

When a worker dies (out of memory, killed), Dask runs its tasks again on another worker, up to the scheduler's
``distributed.scheduler.allowed-failures`` times. A partition that kills workers beyond that is run again file by
file, and a file that still kills its worker is given to ``lost`` (reported as P001): every file is reported
exactly once, since a task's results come back only when the whole task has finished.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from perftable.errors import UsageError

if TYPE_CHECKING:
    from distributed import Client

T = TypeVar("T")
R = TypeVar("R")

PARTITION_FILES = 16
PARTITION_BYTES = 2 * 1024 * 1024
_NEEDS = "--executor dask needs dask.distributed: pip install 'perftable[dask]'"


def require_dask() -> None:
    """Raise a usage error naming the extra when dask.distributed is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError(_NEEDS) from None


@contextmanager
def connect(scheduler: str, workers: int | None = None, *, processes: bool = True) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler`` (``tcp://HOST:8786``), or of a LocalCluster started for the run
    (``local``: ``workers`` processes of one thread each, every core when None) and stopped after it."""
    require_dask()
    from distributed import Client, LocalCluster

    if scheduler != "local":
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"--scheduler {scheduler}: cannot connect ({exc})") from None
        with client:
            yield client
        return
    count = workers or os.cpu_count() or 1
    with (
        LocalCluster(
            n_workers=count,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def partitions(
    items: Sequence[T],
    size: Callable[[T], int],
    max_files: int = PARTITION_FILES,
    max_bytes: int = PARTITION_BYTES,
) -> list[list[T]]:
    """``items`` cut into runs in input order: a run ends at ``max_files`` items or when the next would take it
    past ``max_bytes``; an item of ``max_bytes`` or more is a run of its own."""
    runs: list[list[T]] = []
    current: list[T] = []
    total = 0
    for item in items:
        weight = size(item)
        if current and (len(current) >= max_files or total + weight > max_bytes):
            runs.append(current)
            current, total = [], 0
        current.append(item)
        total += weight
    if current:
        runs.append(current)
    return runs


def file_size(path: Any) -> int:
    """The size of a local file, 0 when it cannot be examined (it is then reported by the work itself)."""
    try:
        return Path(path).stat().st_size
    except (OSError, ValueError):
        return 0


def attempts() -> int:
    """How many times a task runs before Dask gives up on it (the first run and its retries)."""
    import dask

    return int(dask.config.get("distributed.scheduler.allowed-failures", 3)) + 1


def ordered(
    client: Client,
    work: Callable[[T], list[R]],
    tasks: Sequence[T],
    split: Callable[[T], list[T]],
    lost: Callable[[T, str], list[R]],
    window: int | None = None,
) -> Iterator[R]:
    """The results of ``work`` over ``tasks`` in input order, at most ``window`` tasks in flight. A task whose
    workers died more often than the scheduler allows is run again as the tasks ``split`` cuts it into (one per
    file; none when it holds one file), and a task that still kills its worker, or cannot be cut, gives
    ``lost(task, reason)`` instead of results."""
    from distributed import KilledWorker

    threads = sum(client.nthreads().values()) or 1
    window = window or max(8, 4 * threads)
    pending: deque[tuple[T, Any]] = deque()
    queued = iter(tasks)

    def fill() -> None:
        for task in queued:
            pending.append((task, client.submit(work, task, pure=False)))
            if len(pending) >= window:
                return

    fill()
    while pending:
        task, future = pending.popleft()
        try:
            results = future.result()
        except KilledWorker:
            alone = split(task)
            results = _alone(client, work, alone, lost) if alone else lost(task, _died())
        finally:
            future.release()
        fill()
        yield from results


def _alone(
    client: Client, work: Callable[[T], list[R]], tasks: list[T], lost: Callable[[T, str], list[R]]
) -> list[R]:
    from distributed import KilledWorker

    futures = [client.submit(work, task, pure=False) for task in tasks]
    results: list[R] = []
    for task, future in zip(tasks, futures, strict=True):
        try:
            results.extend(future.result())
        except KilledWorker:
            # it may have died beside the file that kills (on the same worker, at the same time): once more,
            # after the tasks before it are done, before it is reported lost
            results.extend(_once_more(client, work, task, lost))
        finally:
            future.release()
    return results


def _once_more(
    client: Client, work: Callable[[T], list[R]], task: T, lost: Callable[[T, str], list[R]]
) -> list[R]:
    from distributed import KilledWorker

    future = client.submit(work, task, pure=False)
    try:
        found: list[R] = future.result()
        return found
    except KilledWorker:
        return lost(task, _died())
    finally:
        future.release()


def _died() -> str:
    return f"the worker reading it died {attempts()} times (out of memory, or killed)"
