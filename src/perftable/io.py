"""Writing output files safely: never over an input, always atomically (a temp file renamed into place), so an
interrupted run leaves either the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from perftable.errors import UsageError


def _temporary(path: Path) -> tuple[int, Path]:
    """A temporary file beside ``path`` (so that the final rename is atomic); a clear error when the directory
    does not exist or cannot be written."""
    directory = path.parent if str(path.parent) else Path()
    if not directory.is_dir():
        raise UsageError(f"cannot write {path}: the directory {directory} does not exist")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    return fd, Path(name)


def same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def atomic_write(path: str | Path, data: bytes | str, *, inputs: tuple[str | Path, ...] = ()) -> None:
    """Write ``data`` to ``path`` atomically. Refuses to write over any of ``inputs``."""
    path = Path(path)
    if any(same_file(path, source) for source in inputs):
        raise UsageError(f"refusing to overwrite the input file {path}; choose another output")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = _temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                tmp.chmod(path.stat().st_mode & 0o777)
        else:
            tmp.chmod(0o666 & ~_umask())
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def atomic_text(path: str | Path, *, inputs: tuple[str | Path, ...] = ()) -> Iterator[IO[str]]:
    """A text file written under a temporary name and renamed over ``path`` only when the block completes;
    an exception or an interruption leaves ``path`` as it was."""
    path = Path(path)
    if any(same_file(path, source) for source in inputs):
        raise UsageError(f"refusing to overwrite the input file {path}; choose another output")
    fd, tmp = _temporary(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(0o666 & ~_umask())
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
