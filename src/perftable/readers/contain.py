"""Reading an untrusted file where whatever it does to the reader is contained: a child process per file.

The readers of binary formats are native code (python-calamine is Rust, pdfium is C++, lxml is C): a hostile file
can make them abort the process (calamine's panic on an allocation failure is a SIGABRT, not an exception), build
gigabytes, or run for minutes. Limits checked before reading (:mod:`perftable.readers.xlsx_package`, the cell
limit of :mod:`perftable.grid`) refuse what they can see; what they cannot see is caught here. Each file is read
and extracted in a forked child process that has

* a **memory limit** (``--max-memory``): an address-space limit (``RLIMIT_AS``) of what the child may add to the
  memory it starts with; beyond it an allocation fails (a ``MemoryError`` in Python, an abort in Rust or C++);
* a **time limit** (``--timeout``): the parent stops the child (SIGKILL) when the file has taken longer; a CPU-time
  limit and an alarm in the child stop it as well should the parent itself be killed;

and whatever ends the child (a crash, a signal, the memory or the time limit) becomes a :class:`ReadError` naming
the file and the reason (P001), so that the batch goes on. What the child sends back is pickled (the extraction of
a file, not its cells). The child ignores INT, TERM and HUP: the parent handles them, and stops the child on its
way out.

Cost: a fork and a pickle per file, about 5 ms for a small workbook (2-3 ms read in process, 8-9 ms contained;
under 5% of a PDF's reading), which is why only the native formats are read this way
(:func:`perftable.loader.read_file`). Where ``os.fork`` does not exist (Windows) and with
``ReadOptions(contain=False)`` the work runs in the calling process, the limits checked before reading still
applied.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from types import FrameType
from typing import TypeVar

from perftable.errors import ReadError

R = TypeVar("R")

_STDERR_TAIL = 64 * 1024  # what is kept of a child's stderr (a Rust panic prints a backtrace)
_SIGNAL_NAMES = {signal.SIGABRT: "SIGABRT", signal.SIGSEGV: "SIGSEGV", signal.SIGBUS: "SIGBUS"}
_MEMORY_WORDS = (b"memory allocation of", b"MemoryError", b"out of memory", b"std::bad_alloc")


def available() -> bool:
    return hasattr(os, "fork")


def human_size(size: int) -> str:
    """``2147483648`` -> ``2GiB``; a size that is no whole multiple -> its bytes with separators."""
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size % factor == 0:
            return f"{size // factor}{unit}"
    return f"{size:,} bytes"


def too_slow(name: str, seconds: float) -> ReadError:
    return ReadError(
        name,
        f"reading it took longer than the limit of {seconds:g} s, and was stopped (raise it with --timeout)",
        "too-slow",
    )


def too_much_memory(name: str, memory: int) -> ReadError:
    return ReadError(
        name,
        f"reading it needed more memory than the limit of {human_size(memory)}, and was stopped (raise it with "
        "--max-memory)",
        "too-large",
    )


class _TimeUp(Exception):
    """The in-process time limit passed (raised from the SIGALRM handler)."""


@contextlib.contextmanager
def time_limit(seconds: float, name: str) -> Iterator[None]:
    """Work done in this process (text formats: pure Python, whose memory the cell limit bounds) stopped after
    ``seconds`` with a :class:`ReadError` (``too-slow``), through a SIGALRM timer. Only in the main thread, and
    only where no other timer runs (a timer of the caller's is left alone)."""
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _TimeUp

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _TimeUp:
        raise too_slow(name, seconds) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def contained(work: Callable[[], R], name: str, *, seconds: float, memory: int) -> R:
    """``work()`` run in a child process under a ``memory`` limit (bytes) and a ``seconds`` limit; its result, or
    the :class:`ReadError` it raised, or a :class:`ReadError` saying why the child ended without a result. Any
    other exception of ``work`` becomes a ReadError of kind ``internal`` (a bug met reading this file)."""
    import gc

    result_read, result_write = os.pipe()
    errors_read, errors_write = os.pipe()
    pid = -1
    gc.freeze()  # the child's collections then skip the parent's objects, and so do not copy their pages
    try:
        pid = os.fork()
    finally:
        if pid != 0:
            gc.unfreeze()
    if pid == 0:  # pragma: no cover - the child (its outcome is what the tests check)
        os.close(result_read)
        os.close(errors_read)
        _child(work, result_write, errors_write, name, (seconds, memory))
    os.close(result_write)
    os.close(errors_write)
    finished = False
    try:
        payload, errors, timed_out = _collect(result_read, errors_read, time.monotonic() + seconds)
        if timed_out:
            os.kill(pid, signal.SIGKILL)
        status = os.waitpid(pid, 0)[1]
        finished = True
    finally:
        os.close(result_read)
        os.close(errors_read)
        if not finished:  # interrupted (Ctrl-C, SIGTERM): the child goes too
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
    if timed_out:
        raise too_slow(name, seconds)
    return _outcome(payload, errors, status, name, seconds, memory)


def _collect(result: int, errors: int, deadline: float) -> tuple[bytes, bytes, bool]:
    """Everything the child writes to its two pipes, until both close or the deadline passes."""
    chunks: list[bytes] = []
    tail = b""
    open_fds = {result, errors}
    while open_fds:
        left = deadline - time.monotonic()
        if left <= 0:
            return b"".join(chunks), tail, True
        ready, _, _ = select.select(list(open_fds), [], [], left)
        for fd in ready:
            data = os.read(fd, 1 << 20)
            if not data:
                open_fds.discard(fd)
            elif fd == result:
                chunks.append(data)
            else:
                tail = (tail + data)[-_STDERR_TAIL:]
    return b"".join(chunks), tail, False


def _outcome(payload: bytes, errors: bytes, status: int, name: str, seconds: float, memory: int) -> R:  # type: ignore[type-var]  # R is the caller's
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and payload:
        kind, value = pickle.loads(payload)
        if errors:  # what the readers said on stderr (warnings) reaches the user as it would have
            sys.stderr.write(errors.decode("utf-8", "replace"))
        if kind == "ok":
            return value  # type: ignore[no-any-return]  # what work() returned
        if kind == "memory":
            raise too_much_memory(name, memory)
        raise value
    if any(word in errors for word in _MEMORY_WORDS):
        raise too_much_memory(name, memory)
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number in (signal.SIGXCPU, signal.SIGALRM):
            raise too_slow(name, seconds)
        if number == signal.SIGKILL:
            raise ReadError(
                name,
                "the process reading it was killed by the operating system (SIGKILL; out of memory?)",
                "crashed",
            )
        label = _SIGNAL_NAMES.get(signal.Signals(number), signal.Signals(number).name)
        raise ReadError(name, f"the reader crashed on it ({label}{_last_line(errors)})", "crashed")
    raise ReadError(
        name,
        f"the reader ended without a result (exit status {os.WEXITSTATUS(status)}{_last_line(errors)})",
        "crashed",
    )


def _last_line(errors: bytes) -> str:
    """The first line of what a crashed reader printed (a Rust panic says what it was), shortened."""
    lines = [line.strip() for line in errors.decode("utf-8", "replace").splitlines() if line.strip()]
    return f": {lines[0][:200]}" if lines else ""


def _child(  # pragma: no cover - the child
    work: Callable[[], object], result: int, errors: int, name: str, limits: tuple[float, int]
) -> None:
    """Run ``work`` under the limits, send back ``(kind, value)`` pickled, and end without running the parent's
    cleanup (``os._exit``)."""
    status = 0
    try:
        os.dup2(errors, 2)
        os.close(errors)
        for signal_name in ("SIGINT", "SIGTERM", "SIGHUP"):
            if hasattr(signal, signal_name):
                signal.signal(getattr(signal, signal_name), signal.SIG_IGN)
        _limit(*limits)
        try:
            outcome: tuple[str, object] = ("ok", work())
        except ReadError as error:
            outcome = ("error", error)
        except MemoryError:
            outcome = ("memory", None)
        except Exception as bug:  # a bug in a reader or the extractor, met on this file
            outcome = ("error", ReadError(name, f"{type(bug).__name__}: {bug}"[:300], "internal"))
        try:
            data = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data = pickle.dumps(("memory", None))
        with os.fdopen(result, "wb") as out:
            out.write(data)
    except BaseException:
        status = 70
    finally:
        os._exit(status)


def _limit(seconds: float, memory: int) -> None:  # pragma: no cover - runs in the child
    import resource

    whole = max(1, int(seconds) + 1)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.alarm(
        whole + 1
    )  # the parent stops the child at the deadline; this stops it should the parent be gone
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard == resource.RLIM_INFINITY or hard > whole:
        resource.setrlimit(resource.RLIMIT_CPU, (whole, hard))
    start = _address_space()
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = start + memory
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def _address_space() -> int:
    """The process's address space now (what ``RLIMIT_AS`` counts), in bytes."""
    try:
        from pathlib import Path

        return int(Path("/proc/self/statm").read_bytes().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
