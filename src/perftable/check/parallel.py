"""Work on many files: in this process, or in a pool of worker processes, results in input order as they are
ready. Workers leave Ctrl-C to the parent, which stops the pool without waiting for the queued files; a closed
pipe or an early stop does the same."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def jobs_count(jobs: int) -> int:
    """``0`` means every core."""
    return max(1, (os.cpu_count() or 1) if jobs == 0 else jobs)


_STOPPING = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def _ignore_interrupts() -> None:
    """Workers leave INT, TERM and HUP to the parent, which stops the pool (a signal sent to the process group would
    otherwise kill a worker in the middle of a file, and the parent would see a broken pool, not the signal)."""
    for signum in _STOPPING:
        signal.signal(signum, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)  # held while the parent forked (see _forking)


@contextmanager
def _forking() -> Iterator[None]:
    """INT, TERM and HUP wait while the parent forks its workers, and arrive just after. One that arrived during a
    fork would run its handler in the fork's own clean-up (logging's lock), where Python prints the exception and
    goes on ("Exception ignored in …"): the run still stopped, at the next file, but with a traceback on stderr."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def ordered_map(
    work: Callable[[T], R], items: Iterable[T], jobs: int = 1, lost: Callable[[T, str], R] | None = None
) -> Iterator[R]:
    """``work`` over ``items`` in order; with ``jobs > 1`` (``0``: every core) in worker processes.

    ``work`` must be a module-level function (it is sent to the workers by name). A worker killed by the
    operating system (the OOM killer, ``kill -9``) breaks the pool: the item it was on is tried once more, alone,
    in a new worker, and if that worker dies too, ``lost(item, reason)`` stands for its result (without ``lost``,
    the error is raised); the items after it go on in a new pool. No result already made is lost.
    """
    items = list(items)
    workers = min(jobs_count(jobs), len(items))
    if workers <= 1:
        yield from map(work, items)
        return
    done = 0
    while done < len(items):
        broken = False
        for result in _pool_map(work, items[done:], workers):
            if result is _BROKEN:
                broken = True
                break
            done += 1
            yield result  # type: ignore[misc]  # not the marker
        if broken:
            yield _retried(work, items[done], lost)
            done += 1


_BROKEN = object()


def _retried(work: Callable[[T], R], item: T, lost: Callable[[T, str], R] | None) -> R:
    """An item whose worker died, tried once more in a worker of its own."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=1, initializer=_ignore_interrupts)
    try:
        with _forking():
            future = pool.submit(work, item)
        return future.result()
    except BrokenProcessPool:
        if lost is None:
            raise
        return lost(
            item, "the worker process reading it was killed by the operating system, twice (out of memory?)"
        )
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _pool_map(work: Callable[[T], R], items: list[T], workers: int) -> Iterator[R | object]:
    """The results of a pool of ``workers``, in order; :data:`_BROKEN` in place of the first one a dead worker
    lost (and nothing after it)."""
    import gc
    from concurrent.futures import ProcessPoolExecutor  # only a run on many cores pays for importing it
    from concurrent.futures.process import BrokenProcessPool

    workers = min(workers, len(items))
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupts)
    # Small chunks: a few large tables in a batch must not leave one worker busy while the other has finished.
    chunk = max(1, min(8, len(items) // (workers * 16)))
    # Forked workers share the parent's objects until they write to them; frozen, a collection in a worker does
    # not touch (and so copy) them. ``map`` submits every chunk, which forks the workers.
    try:
        gc.freeze()
        try:
            with _forking():
                results = pool.map(work, items, chunksize=chunk)
        finally:
            gc.unfreeze()
        try:
            yield from results
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            yield _BROKEN
            return
    except BaseException:  # Ctrl-C, a closed pipe, an early stop: do not wait for the queued items
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def progress(
    items: Iterator[R], total: int, label: str, *, minimum: int = 4, disabled: bool = False
) -> Iterator[R]:
    """``items`` unchanged, with a progress bar on stderr when it is a terminal and there are at least
    ``minimum`` of them (rich is imported only then)."""
    import sys

    if disabled or total < minimum or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            bar.advance(task)
            yield item
