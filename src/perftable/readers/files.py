"""Finding the files to work on: paths as given, directories walked for supported files in a stable order.

When walking a directory, hidden files, Office lock files (``~$x.xlsx``) and documentation files (README,
CHANGELOG, LICENSE …) are skipped; a file named explicitly is always read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from perftable.readers import SUPPORTED_SUFFIXES
from perftable.values.cleaning import visible

_DOC_NAMES = ("readme", "changelog", "changes", "license", "contributing", "authors", "notice")


def _wanted(name: str) -> bool:
    return (
        not name.startswith((".", "~$"))
        and Path(name).suffix.lower() in SUPPORTED_SUFFIXES
        and not Path(name).stem.lower().startswith(_DOC_NAMES)
    )


def resolved(path: str | Path) -> Path:
    """The path with its links followed; a link loop (which ``Path.resolve`` raises for) or a path that cannot be
    examined is returned absolute as it is, so that the file is reported as unreadable, not the run stopped."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(path).absolute()


def iter_files(paths: Iterable[str | Path], excluded: Callable[[Path], bool] | None = None) -> Iterator[Path]:
    """Each path as given; for a directory, every supported file under it (sorted, hidden entries skipped, and
    the folders and files ``excluded`` says to leave out: an excluded folder is not entered). A path given is
    never excluded."""
    for path in map(Path, paths):
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(
                    d for d in dirs if not d.startswith(".") and not (excluded and excluded(Path(root) / d))
                )
                for name in sorted(names):
                    if _wanted(name) and not (excluded and excluded(Path(root) / name)):
                        yield Path(root) / name
        else:
            yield path


def relative(path: str, root: Path | None = None) -> str:
    """A path as reports show it: relative to the working directory when under it, ``/`` separators, no ``./``;
    control characters in it shown as escapes (:func:`visible`)."""
    return visible(_relative(path, str(root or Path.cwd())))


@lru_cache(maxsize=4096)
def _relative(path: str, base: str) -> str:
    """Cached: a report names the same file once per finding, and resolving a path costs system calls (over a
    batch of thousands of findings this was most of the parent process's time)."""
    try:
        shown = Path(os.path.relpath(resolved(path), resolved(base)))
        text = shown.as_posix() if not shown.as_posix().startswith("..") else Path(path).as_posix()
    except ValueError:  # another drive
        text = Path(path).as_posix()
    return text.removeprefix("./")
