"""``perftable validate``: check tables, report findings, exit with a code CI can use."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from perftable.check.baseline import dumps
from perftable.check.batch import RunSettings, config_for, excluded
from perftable.check.config import parse_profile
from perftable.check.parallel import progress
from perftable.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, ToolError, signals
from perftable.cli.executor import executor_options, file_checks
from perftable.cli.options import parse_severities, read_options, reading_options, split_list, verbose_option
from perftable.errors import ReadError
from perftable.findings import FileReport, Report
from perftable.outputs import atomic_text, atomic_write, refuse_inputs
from perftable.readers.files import iter_files
from perftable.readers.opening import read_limited
from perftable.report import FORMATS, STREAMING, FormatContext, StreamPart, module
from perftable.rules import matches_any

STATISTICS_FORMATS = ("text", "concise")


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default=None,
    help="Report format [default: text; github when GITHUB_ACTIONS is set].",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to a file."
)
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Message language [default: zh].")
@click.option(
    "--select", multiple=True, help="Rules to run: codes, prefixes or names, comma-separated (e.g. B,U)."
)
@click.option("--ignore", multiple=True, help="Rules to skip: codes, prefixes or names, comma-separated.")
@click.option(
    "--severity",
    "severities",
    multiple=True,
    metavar="CODE=LEVEL",
    help="Override a rule's severity: error, warning, info or off (repeatable).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that fails the run (exit 1) [default: error].",
)
@click.option(
    "--exit-zero", is_flag=True, help="Exit 0 even when there are findings (unreadable files still exit 2)."
)
@click.option(
    "--profile",
    default=None,
    help="Profile: auto, department, project, guangdong-department, shanghai-project, central-2021, local "
    "(perftable rules --profile NAME shows what each requires).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Use this configuration file instead of discovering one.",
)
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    default=None,
    help="Drop findings recorded in this baseline.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Record the current findings as a baseline and exit 0.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Processes to use; 0 means all cores.",
)
@click.option("--no-progress", is_flag=True, help="Never show a progress bar.")
@click.option(
    "--min-severity",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Show only findings at or above this severity (the others still count) [default: info].",
)
@click.option(
    "--stdin-filename",
    default=None,
    metavar="NAME",
    help="The name of standard input ('-') in the report: its locations, its configuration and, by its suffix, "
    "its format [default: stdin.md].",
)
@click.option(
    "--skip-no-table",
    is_flag=True,
    help="A file that holds no 绩效目标表 (README.md, notes, an empty file) is skipped with a note, not reported "
    "as P001 (exit 2); an unreadable file still is. For hooks that pass every .md, .xlsx … file.",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOBS",
    help="Files and folders a folder walk leaves out, comma-separated globs (a name such as drafts or *.pdf, or a "
    "path such as 2023/*.md); replaces the configuration's exclude.",
)
@click.option(
    "--extend-exclude",
    multiple=True,
    metavar="GLOBS",
    help="Like --exclude, but added to the configuration's exclude and extend-exclude.",
)
@click.option("-q", "--quiet", is_flag=True, help="Show errors only: the same as --min-severity error.")
@click.option(
    "--statistics",
    is_flag=True,
    help="After the report, count the findings per rule: count, code, severity, name (text and concise formats).",
)
@executor_options
@reading_options
@verbose_option
def validate(paths: tuple[Path, ...], fmt: str | None, output: Path | None, lang: str | None, select: tuple[str, ...],
             ignore: tuple[str, ...], severities: tuple[str, ...], fail_on: str | None, exit_zero: bool,
             profile: str | None, config_file: str | None, isolated: bool, baseline: str | None,
             write_baseline: Path | None, jobs: int, no_progress: bool, min_severity: str | None,
             stdin_filename: str | None, skip_no_table: bool, exclude: tuple[str, ...], extend_exclude: tuple[str, ...], quiet: bool, statistics: bool, executor: str, scheduler: str | None,
             verbose: bool, **limits: Any) -> None:  # fmt: skip
    """Validate 绩效目标表: budget arithmetic, indicator completeness, units, cross-checks.

    PATHS are files or directories (searched for .md .html .csv .tsv .xlsx .xls .ods .docx .pdf files); in a
    document of many tables every 绩效目标表 is checked and other tables are skipped (-v counts them). Exit codes: 0 no
    finding at or above --fail-on (each file's own configuration may set it), 1 such findings, 2 a file could not
    be read (the others are still checked) or a usage/configuration error, 3 an internal error.

    \b
    Examples:
      perftable validate samples/guangdong-department/lianjiang-2024.md
      perftable validate submissions/ --jobs 0 --format json -o report.json
      perftable validate x.md --lang en --select B,U --ignore U006 --fail-on warning
      perftable validate archive/ --executor dask --scheduler tcp://10.0.0.5:8786 --format json-lines
      perftable validate submissions/ --quiet        # errors only; warnings still counted
      perftable validate submissions/ --statistics   # then the findings counted per rule
      perftable validate submissions/ --extend-exclude 'drafts,*.pdf'
    """
    from functools import partial

    overrides: dict[str, Any] = {
        "select": split_list(select),
        "severity": parse_severities(severities),
        "lang": lang,
        "fail_on": fail_on,
        "profile": parse_profile(profile, "--profile") if profile else None,
        "baseline": baseline if write_baseline is None else None,
        "extend_ignore": split_list(ignore),
    }
    if quiet and min_severity not in (None, "error"):
        raise click.UsageError("--quiet shows errors only: leave out --min-severity or --quiet")
    for selector in (*(overrides["select"] or ()), *(overrides["extend_ignore"] or ())):
        if selector != "ALL" and not matches_any(selector):
            raise click.BadParameter(
                f"{selector!r} matches no rule (see `perftable rules`)", param_hint="--select/--ignore"
            )
    given = {k: v for k, v in overrides.items() if v is not None}
    with _stdin_spooled(paths, stdin_filename, read_options(**limits)) as names:
        walk = (
            tuple(split_list(exclude) or ()) if exclude else None,
            tuple(split_list(extend_exclude) or ()),
        )
        settings = RunSettings(
            config_file, isolated, given, read_options(**limits), names, skip_no_table, *walk
        )
        leave_out = partial(excluded, settings=settings)
        files = [
            Path(next(iter(names))) if str(path) == "-" else path for path in iter_files(paths, leave_out)
        ]
        shown = "error" if quiet else min_severity or "info"
        _run(files, settings, output, write_baseline, fmt, verbose, no_progress, exit_zero, (shown, statistics),
             (executor, scheduler, jobs))  # fmt: skip


@contextmanager
def _stdin_spooled(paths: tuple[Path, ...], name: str | None, options: Any) -> Iterator[dict[str, str]]:
    """Standard input (``-``), when it is one of the paths, kept in a temporary file named with the suffix of
    ``--stdin-filename`` (so a workbook piped in is read as one), at most ``--max-file-size`` plus one byte;
    the temporary file's path mapped to the name the report gives it."""
    if not any(str(path) == "-" for path in paths):
        if name is not None:
            raise click.UsageError("--stdin-filename names standard input: pass - among the paths")
        yield {}
        return
    import tempfile

    display = name or "stdin.md"
    with tempfile.TemporaryDirectory(prefix="perftable-") as folder:
        spooled = Path(folder) / f"stdin{Path(display).suffix}"
        try:
            spooled.write_bytes(read_limited(sys.stdin.buffer, options.max_bytes, display))
        except ReadError as error:
            raise ToolError(str(error)) from None
        yield {str(spooled): display}


def _run(files: list[Path], settings: Any, output: Path | None, write_baseline: Path | None, fmt: str | None,
         verbose: bool, no_progress: bool, exit_zero: bool, showing: tuple[str, bool],
         how: tuple[str, str | None, int]) -> None:  # fmt: skip
    """Check the files and write the report (``showing``: the lowest severity shown and whether to count
    findings per rule; ``how``: the executor, its scheduler and the jobs)."""
    if not files:
        raise click.UsageError("no supported files found in the given paths")
    for written in (output, write_baseline):
        if written is not None:
            refuse_inputs(written, files)  # before the work, not after it
    first = config_for(Path(settings.names.get(str(files[0]), files[0])), settings)
    name = fmt or _default_format()
    min_severity, statistics = showing
    if statistics and name not in STATISTICS_FORMATS:
        raise click.UsageError(
            f"--statistics counts findings in the text and concise reports; --format {name} does not show them "
            "(--format json-report carries the counts per code)"
        )
    formatter = module(name)
    color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    ctx = FormatContext(
        format=name,
        lang=first.lang,
        color=color,
        min_severity=min_severity,  # type: ignore[arg-type]  # a Choice
        verbose=verbose,
        statistics=statistics,
    )
    report = Report()
    run = click.get_current_context().with_resource(file_checks(*how))  # closed at the end
    if write_baseline is not None:
        for checked in progress(run(files, settings), len(files), "perftable", disabled=no_progress):
            signals.check()
            report.add(checked.report)
        signals.check()
        _write_baseline(report, write_baseline, files)
        return
    keep = name not in STREAMING  # streamed formats need only the counts: memory stays flat
    checked_files = progress(
        run(files, settings, part=StreamPart(ctx), keep=keep), len(files), "perftable", disabled=no_progress
    )
    with _sink(output, files) as sink:
        for checked in checked_files:
            signals.check()
            report.add(checked.report, keep=keep, counts=checked.counts)
            sink.write(checked.text)  # this file's part of a streamed report
            if checked.report.no_table:
                click.echo(
                    f"perftable: note: {checked.report.file}: no 绩效目标表, skipped (--skip-no-table)",
                    err=True,
                )
            elif verbose and checked.report.error is None:
                click.echo(f"perftable: {_tables_line(checked.report)}", err=True)
        signals.check()  # never finish a report the run was asked to stop
        sink.write(formatter.finish(report, ctx))
    if report.summary.unreadable:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_OK if exit_zero or not report.summary.failing else EXIT_FINDINGS)


def _tables_line(file: FileReport) -> str:
    skipped = f", {file.skipped} other table{'s' if file.skipped != 1 else ''} skipped (not 绩效目标表)"
    return f"{file.file}: {file.tables} 绩效目标表{skipped if file.skipped else ''}"


@contextmanager
def _sink(output: Path | None, inputs: list[Path]) -> Iterator[IO[str]]:
    """Standard output, or the report file: written under a temporary name, moved into place when complete."""
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
        return

    with atomic_text(output, inputs=inputs) as handle:
        yield handle


def _write_baseline(report: Any, path: Path, inputs: list[Path]) -> None:
    atomic_write(path, dumps(report, path), inputs=inputs)
    click.echo(f"perftable: recorded {len(report.findings)} findings in {path}", err=True)
