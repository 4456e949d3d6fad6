"""The garbage collector's setting for large tables, for the command line and for library users alike.

A large table creates hundreds of thousands of short-lived objects, and with Python's default thresholds
(700, 10, 10) collection time grows with the table's size squared (1.3–1.9× slower at 10,000+ indicators; see
benchmarks/README.md). Two ways to avoid it:

- :func:`tune_gc` raises the first threshold for the whole process, as ``perftable`` (the command) does at start:
  one call, for a program that loads or validates many or large tables;
- without it, :func:`perftable.load`, :func:`perftable.load_all`, :func:`perftable.loads`, :func:`perftable.validate`
  and the batch and distributed workers raise it for the duration of their own call (:func:`gc_tuned`) and put the
  process's setting back afterwards; a process whose threshold is already as high is left alone.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

THRESHOLDS = (100_000, 50, 100)

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_depth = 0
_saved: tuple[int, int, int] | None = None


def tune_gc() -> None:
    """Raise the garbage collector's first threshold for the whole process (what the command line does)."""
    gc.set_threshold(*THRESHOLDS)


@contextmanager
def gc_tuned() -> Iterator[None]:
    """The thresholds raised for the duration of the block (nested blocks and threads share one raise: the
    process's own setting comes back when the last block ends); nothing changes when they are already as high."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            current = gc.get_threshold()
            if current[0] < THRESHOLDS[0]:
                _saved = current
                gc.set_threshold(*THRESHOLDS)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None


def with_gc_tuned(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` run inside :func:`gc_tuned`."""

    @wraps(function)
    def tuned(*args: P.args, **kwargs: P.kwargs) -> R:
        with gc_tuned():
            return function(*args, **kwargs)

    return tuned
