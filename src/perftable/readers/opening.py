"""Opening input safely: only regular files are read, and never more than the size limit plus one byte.

A device (``/dev/zero``, ``/dev/urandom``), a FIFO or a socket has no size (``stat()`` says 0), so a size check
cannot protect against it: reading ``/dev/zero`` fills memory, reading a FIFO with no writer waits forever. Such a
path is refused (``ReadError`` of kind ``not-a-file``, P001, exit 2) from its ``stat()``, before it is opened, and
the file is then opened with ``O_NONBLOCK`` and checked again on the open descriptor, so a path swapped for a FIFO
between the two cannot block the run either. Standard input (the path ``-``) may be a pipe: it is read through
:func:`read_limited` like a file, which stops one byte past the limit (``cat /dev/zero | perftable parse -`` is
refused as too large).

What is left: the readers of binary formats (python-calamine, python-docx, pdfium) open the path again by name; a
path replaced by a FIFO in the instant between this check and their open could still block them.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from perftable.errors import ReadError

CHUNK = 1024 * 1024  # read in chunks: a single read(limit + 1) would allocate the whole limit up front

_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_regular(name: str, mode: int) -> ReadError:
    what = next((label for test, label in _SPECIAL if test(mode)), "not a regular file")
    return ReadError(
        name,
        f"is {what}, not a regular file; perftable reads regular files, and standard input given as -",
        "not-a-file",
    )


def _os_error(name: str, exc: OSError) -> ReadError:
    if isinstance(exc, FileNotFoundError):
        return ReadError(name, "no such file", "missing")
    if isinstance(exc, PermissionError):
        return ReadError(name, "permission denied", "permission")
    return ReadError(name, f"cannot open the file ({exc.strerror or exc})")


def check_regular(path: str | Path, name: str) -> os.stat_result:
    """The ``stat()`` of a regular file (links followed); a :class:`ReadError` for anything else: a missing path,
    a directory, a device, a FIFO, a socket, a link loop."""
    try:
        info = Path(path).stat()
    except OSError as exc:
        raise _os_error(name, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(name, "is a directory, not a file", "directory")
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(name, info.st_mode)
    return info


@contextmanager
def open_regular(path: str | Path, name: str) -> Iterator[BinaryIO]:
    """A regular file opened for reading, without blocking: checked by :func:`check_regular`, opened with
    ``O_NONBLOCK`` (a FIFO put in its place cannot make ``open`` wait) and checked again on the descriptor."""
    check_regular(path, name)
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    )
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _os_error(name, exc) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(name, mode)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


def too_large(name: str, limit: int, size: int | None = None) -> ReadError:
    """The refusal of input over ``--max-file-size`` (``size`` unknown for a stream: it is more than the limit)."""
    held = f"the file is {size:,} bytes" if size is not None else f"it holds more than {limit:,} bytes"
    return ReadError(
        name, f"{held}, over the limit of {limit:,} (raise it with --max-file-size)", "too-large"
    )


def read_limited(stream: BinaryIO, limit: int, name: str) -> bytes:
    """Everything ``stream`` holds, read in chunks; a :class:`ReadError` (``too-large``) as soon as it holds more
    than ``limit`` bytes, so that no more than ``limit + 1`` bytes are ever read."""
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = stream.read(min(CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    raise too_large(name, limit)


def check_unzipped(archive: zipfile.ZipFile, display: str, max_unzipped: int, what: str) -> None:
    """Refuse a zip package (a workbook, a document) whose members unpack to more than ``max_unzipped`` bytes
    (``--max-unzipped``), from the sizes its directory declares, before any member is read."""
    unzipped = sum(info.file_size for info in archive.infolist())
    if unzipped > max_unzipped:
        raise ReadError(
            display,
            f"the {what} unpacks to {unzipped:,} bytes, over the limit of {max_unzipped:,} (a zip bomb? raise the "
            "limit with --max-unzipped if the file is genuine)",
            "too-large",
        )
