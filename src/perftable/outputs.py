"""Writing output files safely: never over an input, and atomically where the output is a file.

What ``-o PATH`` does depends on what PATH is:

* a regular file, or a path that does not exist yet: the data is written to a temporary file beside it
  (``.NAME.XXXX.tmp``), flushed to disk, given the old file's permissions (and owner, where allowed), and renamed
  over it, so an interrupted run leaves either the old file or the new one, never half of one;
* a symbolic link: the same, at the link's target; the link stays a link;
* anything that is not a regular file (``/dev/stdout``, ``/dev/null``, a FIFO, a terminal), or the name of an
  open descriptor (``/dev/stdout``, ``/dev/fd/N``, ``/proc/…``) even when standard output is a file: written through,
  in append mode, never replaced by a regular file and never truncated;
* a directory: refused.

An error while writing (a full disk, ``/dev/full``, a FIFO whose reader went away) is a :class:`WriteError` that
names the output (exit 2), and a temporary file is removed. :func:`refuse_inputs` refuses an output that is one
of the inputs (the same file on disk: links, hard links and folder walks included).
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, ParamSpec, TypeVar

from perftable.errors import UsageError, WriteError

if TYPE_CHECKING:
    from typing_extensions import Buffer

# Names of an open descriptor (/dev/stdout, /dev/fd/1, /proc/self/fd/1): what they reach is written through even
# when it is a regular file (standard output redirected to a file), never replaced.
_DESCRIPTORS = ("/dev/fd/", "/dev/stdin", "/dev/stdout", "/dev/stderr", "/proc/")
P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Target:
    """Where ``-o PATH`` goes: ``real`` is the path with its links followed; ``direct`` when it is written through
    (a special file) rather than replaced; ``existing`` is the stat of the regular file it replaces, if any."""

    shown: Path
    real: Path
    direct: bool
    existing: os.stat_result | None


def target(path: str | Path) -> Target:
    """What writing to ``path`` means (see the module's documentation). Raises :class:`WriteError` for a directory
    or a path that cannot be examined (a link loop)."""
    path = Path(path)
    try:
        info: os.stat_result | None = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from None
    real = Path(os.path.realpath(path))
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise WriteError(f"cannot write {path}: it is a directory")
    special = info is not None and not stat.S_ISREG(info.st_mode)
    descriptor = str(path.absolute()).startswith(_DESCRIPTORS) or str(real).startswith("/proc/")
    if special or (info is not None and descriptor):
        return Target(path, path, True, None)
    return Target(path, real, False, info)


def refuse_inputs(output: str | Path, inputs: Iterable[str | Path]) -> None:
    """Raise :class:`UsageError` when ``output`` is one of ``inputs``: the same file on disk, however it is named
    (a link, a hard link, a file found by walking a folder), so that a table is never replaced by a report. A
    special file (``/dev/stdout``) is never an input; neither is ``-`` (standard input)."""
    place = target(output)
    if place.direct or place.existing is None:
        return
    key = (place.existing.st_dev, place.existing.st_ino)
    for source in inputs:
        if str(source) == "-":
            continue
        try:
            info = Path(source).stat()
        except (OSError, RuntimeError):
            continue
        if (info.st_dev, info.st_ino) == key:
            same = "" if str(source) == str(output) else f" (the output {output} is that file)"
            raise UsageError(f"refusing to overwrite the input file {source}{same}; choose another output")


def atomic_write(path: str | Path, data: bytes | str, *, inputs: Iterable[str | Path] = ()) -> None:
    """Write ``data`` to ``path``: atomically for a file, through for a special file. Refuses to write over any
    of ``inputs``; raises :class:`WriteError` when the data cannot be written."""
    with atomic_binary(path, inputs=inputs) as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)


@contextlib.contextmanager
def atomic_text(path: str | Path, *, inputs: Iterable[str | Path] = ()) -> Iterator[IO[str]]:
    """A UTF-8 text stream to ``path``, for output written piece by piece: a file is written under a temporary name
    and renamed over ``path`` only when the block completes (an exception or an interruption leaves ``path`` as it
    was); a special file is written through."""
    with atomic_binary(path, inputs=inputs) as handle:
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="\n", write_through=False)
        try:
            yield text
            text.flush()
        finally:
            text.detach()


@contextlib.contextmanager
def atomic_binary(path: str | Path, *, inputs: Iterable[str | Path] = ()) -> Iterator[IO[bytes]]:
    """The binary stream behind :func:`atomic_write` and :func:`atomic_text`."""
    refuse_inputs(path, inputs)
    place = target(path)
    if place.direct:
        with _through(place) as handle:
            yield handle
        return
    tmp: Path | None = None
    try:
        with _signals_held():  # a signal arriving now is raised once ``tmp`` is known, so it is removed
            fd, tmp = _temporary(place)
        with _Output.wrap(fd, place.shown) as handle:
            yield handle
            handle.flush()
            _checked(place.shown, os.fsync, handle.fileno())
        _permissions(tmp, place.existing)
        _checked(place.shown, tmp.replace, place.real)
    except BaseException:  # an error, Ctrl-C, TERM or HUP (perftable.cli.signals): no temporary file is left
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise


_STOPS = frozenset(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """INT, TERM and HUP held back (not lost) while the block runs: their handlers run when it ends."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextlib.contextmanager
def _through(place: Target) -> Iterator[IO[bytes]]:
    """A special file written through: opened for appending (a regular file behind ``/dev/stdout`` is not
    truncated), never created, never replaced."""
    flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = _checked(place.shown, os.open, place.shown, flags)
    with _Output.wrap(fd, place.shown) as handle:
        yield handle
        handle.flush()


class _Output(io.FileIO):
    """A file descriptor whose write errors name the output (:class:`WriteError`), not an ``OSError`` deep in a
    buffered writer."""

    shown: Path

    @classmethod
    def wrap(cls, fd: int, shown: Path) -> io.BufferedWriter:
        raw = cls(fd, "wb", closefd=True)
        raw.shown = shown
        return _Buffered(raw)

    def write(self, data: Buffer, /) -> int:
        return _checked(self.shown, super().write, data) or 0


class _Buffered(io.BufferedWriter):
    """Closing flushes, and a flush that fails on closing is a :class:`WriteError` too."""

    def close(self) -> None:
        try:
            super().close()
        except OSError as exc:
            raise _error(Path(str(getattr(self.raw, "shown", "output"))), exc) from None


def _checked(shown: Path, call: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """``call(*args)``, an ``OSError`` turned into a :class:`WriteError` naming the output."""
    try:
        return call(*args, **kwargs)
    except OSError as exc:
        raise _error(shown, exc) from None


def _error(shown: Path, exc: OSError) -> WriteError:
    return WriteError(f"cannot write {shown}: {exc.strerror or exc}")


def _temporary(place: Target) -> tuple[int, Path]:
    """A temporary file beside the file it replaces (so that the final rename is atomic); a clear error when the
    directory does not exist or cannot be written."""
    directory = place.real.parent
    if not directory.is_dir():
        raise UsageError(f"cannot write {place.shown}: the directory {directory} does not exist")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{place.real.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise WriteError(f"cannot write {place.shown}: {exc.strerror or exc}") from None
    return fd, Path(name)


def _permissions(tmp: Path, existing: os.stat_result | None) -> None:
    """The replaced file's permissions and, where the user may set them (root), its owner; a new file's from the
    umask, as ``open`` would give."""
    if existing is None:
        tmp.chmod(0o666 & ~_umask())
        return
    with contextlib.suppress(OSError):
        os.chown(tmp, existing.st_uid, existing.st_gid)
    with contextlib.suppress(OSError):
        tmp.chmod(stat.S_IMODE(existing.st_mode))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
