"""Validating many files: configuration per file (discovered upward, or one given file), command-line overrides
on top, and a pool of processes when asked for. Results come back in input order as they are ready, so that
reports stream and memory stays flat however many files there are (only findings are kept, never documents)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from perftable.check.config import Config, discover, read_cached
from perftable.check.engine import check_file, unreadable
from perftable.check.parallel import ordered_map
from perftable.errors import ReadError, UsageError
from perftable.findings import FileReport, Summary
from perftable.readers import DEFAULT_OPTIONS, ReadOptions
from perftable.readers.files import resolved
from perftable.rules import all_rules

# A file's part of a streamed report: the report as shown (findings below a minimum severity dropped) and its text.
# Given by the report layer (:class:`perftable.report.StreamPart`, picklable), so workers write it.
PartWriter = Callable[[FileReport], tuple[FileReport, str]]


@dataclass(frozen=True)
class RunSettings:
    """What every file of a run shares. Picklable: it is sent to worker processes."""

    config_file: str | None = None
    isolated: bool = False
    overrides: dict[str, Any] = field(default_factory=dict)
    read_options: ReadOptions = DEFAULT_OPTIONS
    # files read under another name: standard input, kept in a temporary file, reported as --stdin-filename names it
    names: dict[str, str] = field(default_factory=dict)
    skip_no_table: bool = False  # a file holding no 绩效目标表 (README.md, notes, an empty file) is no P001
    # --exclude (None: the configuration's exclude) and --extend-exclude: globs relative to the working directory
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()


# What a file holding no 绩效目标表 is reported as (P001's kind): skipped under --skip-no-table.
NO_TABLE_KINDS = frozenset({"no-table", "self-evaluation", "empty"})


_CONFIGS: dict[tuple[Config, str], Config] = {}


def config_for(path: Path, settings: RunSettings) -> Config:
    """The configuration of one file, overrides applied: one object per base configuration and overrides, so a
    run over thousands of files builds a handful of them, not one per file. Configuration files are discovered
    for each file (:func:`perftable.check.config.discover` notices a file edited since the last call, which matters
    in a long-lived worker); a file unchanged gives the same configuration."""
    if settings.isolated:
        base = _ISOLATED
    elif settings.config_file:
        base = _explicit(settings.config_file)
    else:
        base = discover(resolved(path).parent)
    key = (base, repr(sorted(settings.overrides.items())))  # Config is hashed by value
    found = _CONFIGS.get(key)
    if found is None:
        if len(_CONFIGS) >= 256:  # a long-lived process meets many over time: keep the last ones
            _CONFIGS.pop(next(iter(_CONFIGS)))
        found = _CONFIGS[key] = base.with_overrides(**settings.overrides)
    return found


_ISOLATED = Config()


def _explicit(config_file: str) -> Config:
    path = Path(config_file)
    if not path.is_file():
        raise UsageError(f"--config {config_file}: no such file")
    return read_cached(path) or Config(source=config_file, root=path.parent.resolve())


def check_one(path: Path, settings: RunSettings) -> FileReport:
    display = settings.names.get(str(path))
    config = config_for(Path(display) if display else path, settings)
    report = check_file(path, config, options=settings.read_options, display=display)
    skippable = report.error is not None and report.findings and report.findings[0].params.get("kind")
    if (settings.skip_no_table or config.skip_no_table) and skippable in NO_TABLE_KINDS:
        return FileReport(file=report.file, no_table=True)  # no finding: a note says it
    return report


def excluded(path: Path, settings: RunSettings) -> bool:
    """True when a file or folder met in a folder walk matches an ``exclude`` or ``extend-exclude`` glob: of the
    configuration that applies to it (relative to the configuration's folder), or of the command line (relative
    to the working directory). A glob without ``/`` matches a file's or a folder's name (``drafts``, ``*.pdf``);
    one with ``/`` the path (``2023/*.md``; ``*`` crosses folders)."""
    config = config_for(path, settings)
    own = config.exclude if settings.exclude is None else ()
    cwd = Path.cwd()
    patterns = [(pattern, config.root) for pattern in (*own, *config.extend_exclude)]
    patterns += [(pattern, cwd) for pattern in (*(settings.exclude or ()), *settings.extend_exclude)]
    return any(_matches(path, pattern, root) for pattern, root in patterns)


def _matches(path: Path, pattern: str, root: Path) -> bool:
    import fnmatch

    pattern = pattern.removeprefix("./").rstrip("/")
    if "/" not in pattern:
        return fnmatch.fnmatch(path.name, pattern)
    try:
        relative = resolved(path).relative_to(resolved(root)).as_posix()
    except ValueError:  # outside the configuration's folder
        return False
    return fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(relative, pattern.removeprefix("**/"))


@dataclass(frozen=True, slots=True)
class Checked:
    """One file as a run yields it: its report, its part of a streamed report (empty without a format), and its
    counts. When the run does not keep findings, the report comes without them (a worker then sends back counts
    and text, not every finding)."""

    report: FileReport
    text: str
    counts: Summary


Packed = tuple[Path, RunSettings, "PartWriter | None", bool]


def _check_packed(item: Packed) -> Checked:
    path, settings, part, keep = item
    return _checked(check_one(path, settings), part, keep)


def _lost(item: Packed, reason: str) -> Checked:
    """The report of a file whose worker process was killed twice (see :func:`perftable.check.parallel.ordered_map`)."""
    path, settings, part, keep = item
    error = ReadError(str(path), reason, "crashed")
    report = FileReport(
        file=str(path), error=reason, findings=[unreadable(error, config_for(path, settings))]
    )
    return _checked(report, part, keep)


def _checked(report: FileReport, part: PartWriter | None, keep: bool) -> Checked:
    counts = Summary.of(report)  # every finding counts, shown or not
    text = ""
    if part is not None:
        report, text = part(report)
    return Checked(report if keep else report.model_copy(update={"findings": []}), text, counts)


def run(
    paths: Iterable[Path],
    settings: RunSettings,
    jobs: int = 1,
    part: PartWriter | None = None,
    *,
    keep: bool = True,
) -> Iterator[Checked]:
    """Every file checked, in input order, each with its part of a streamed report as ``part`` writes it.
    With ``jobs > 1`` (``0``: every core) files are checked in worker processes, and the workers write their
    part of the report too: the parent only writes it out, so it does not compete with them for a core. Without
    ``keep``, reports come without their findings (see :class:`Checked`)."""
    all_rules()  # import the catalog once, before any worker forks
    yield from ordered_map(_check_packed, ((path, settings, part, keep) for path in paths), jobs, _lost)
