"""Validating many files: configuration per file (discovered upward, or one given file), command-line overrides
on top, and a pool of processes when asked for. Results come back in input order as they are ready, so that
reports stream and memory stays flat however many files there are (only findings are kept, never documents)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from perftable.config import Config, discover, read_file
from perftable.engine import check_file
from perftable.errors import UsageError
from perftable.findings import FileReport
from perftable.parallel import ordered_map
from perftable.readers import DEFAULT_OPTIONS, ReadOptions

if TYPE_CHECKING:
    from perftable.report import FormatContext


@dataclass(frozen=True)
class RunSettings:
    """What every file of a run shares. Picklable: it is sent to worker processes."""

    config_file: str | None = None
    isolated: bool = False
    overrides: dict[str, Any] = field(default_factory=dict)
    read_options: ReadOptions = DEFAULT_OPTIONS


_CONFIGS: dict[tuple[int, str], tuple[Config, Config]] = {}


def config_for(path: Path, settings: RunSettings) -> Config:
    """The configuration of one file, overrides applied; one object per base configuration (cached)."""
    if settings.isolated:
        base = _ISOLATED
    elif settings.config_file:
        base = _explicit(settings.config_file)
    else:
        folder = path.resolve().parent
        if folder not in _DISCOVERED:
            _DISCOVERED[folder] = discover(folder)
        base = _DISCOVERED[folder]
    key = (id(base), repr(sorted(settings.overrides.items())))
    if key not in _CONFIGS:  # the base is kept with it, so its id cannot be reused by another object
        _CONFIGS[key] = (base, base.with_overrides(**settings.overrides))
    return _CONFIGS[key][1]


# One object per configuration: the engine caches its rule set per configuration object, so a run over thousands
# of files builds a handful of them, not one per file (memory stays flat).
_ISOLATED = Config()
_DISCOVERED: dict[Path, Config] = {}


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


def _check_packed(item: tuple[Path, RunSettings, FormatContext | None]) -> tuple[FileReport, str]:
    path, settings, ctx = item
    report = check_one(path, settings)
    if ctx is None:
        return report, ""
    from perftable.report import module

    return report, module(ctx.format).stream(report, ctx)


def run(
    paths: Iterable[Path], settings: RunSettings, jobs: int = 1, ctx: FormatContext | None = None
) -> Iterator[tuple[FileReport, str]]:
    """File reports in input order, each with its part of a streamed report in the format ``ctx`` names (empty
    without one). With ``jobs > 1`` (``0``: every core) files are checked in worker processes, and the workers
    write their part of the report too: the parent only writes it out, so it does not compete with them for a
    core."""
    from perftable.rules import all_rules

    all_rules()  # import the catalog once, before any worker forks
    yield from ordered_map(_check_packed, ((path, settings, ctx) for path in paths), jobs)
