"""``perftable diff``: what changed between two versions of a table."""

from __future__ import annotations

import os
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from perftable.check.batch import RunSettings, config_for, excluded
from perftable.cli import EXIT_ERROR, EXIT_FINDINGS, fail
from perftable.cli.options import cell_text_notes, output_format, read_options, reading_options, split_list
from perftable.diff import (
    DiffOptions,
    diff_lists,
    folder_formats,
    formats,
    pair_tables,
    table_name,
    terminal,
    unrelated,
)
from perftable.diff.changes import DiffReport
from perftable.diff.folders import diff_folders
from perftable.errors import PerftableError, UsageError
from perftable.loader import load_all
from perftable.outputs import atomic_write, refuse_inputs
from perftable.readers.files import iter_files

if TYPE_CHECKING:
    from perftable.messages import Lang
    from perftable.model import Document

FORMATS = ("text", "markdown", "json", "html", "xlsx")
# The formats an output's name says (-o changes.xlsx is a workbook); .txt and other names say none.
NAMED_BY = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
}
IGNORABLE = ("goals", "info", "document", "budget", "tasks", "indicators")


def _epsilon(ctx: click.Context, param: click.Parameter, value: str) -> Decimal:
    try:
        epsilon = Decimal(value)
    except InvalidOperation:
        raise click.BadParameter(f"not a number: {value!r}") from None
    if not epsilon.is_finite() or epsilon < 0:
        raise click.BadParameter("must be a number, 0 or more")
    return epsilon


def _output(
    report: DiffReport, fmt: str, old: list[Document], new: list[Document], to_file: bool, lang: Lang = "zh"
) -> str | bytes:
    if fmt == "json":
        return terminal.to_json(report)
    if fmt == "markdown":
        return terminal.to_markdown(report, lang)
    if fmt == "html":
        return formats.to_html(old, new, report, lang)
    if fmt == "xlsx":
        return formats.to_xlsx(old, new, report, lang)
    colour = not to_file and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    return terminal.to_text(report, colour=colour, lang=lang)


@click.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format [default: from -o's suffix (.md, .json, .html, .xlsx), else text].",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file.")
@click.option(
    "--epsilon",
    default="0",
    show_default=True,
    callback=_epsilon,
    help="Amounts that differ by no more than this (in the old amount's unit) are equal.",
)
@click.option(
    "--ignore", multiple=True, type=click.Choice(IGNORABLE), help="Leave a section out (repeatable)."
)
@click.option(
    "--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Language of the report."
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOBS",
    help="Folders only: files and folders the walk leaves out, comma-separated globs (as validate's "
    "--exclude); replaces the configuration's exclude.",
)
@click.option(
    "--extend-exclude",
    multiple=True,
    metavar="GLOBS",
    help="Like --exclude, but added to the configuration's exclude and extend-exclude.",
)
@click.option(
    "--skip-no-table",
    is_flag=True,
    help="Folders only: a file holding no 绩效目标表 (notes, an empty draft) is skipped with a note, not reported "
    "as unreadable (exit 2); also set by skip-no-table = true in the configuration.",
)
@reading_options
def diff(
    old: Path,
    new: Path,
    fmt: str | None,
    output: Path | None,
    epsilon: Decimal,
    ignore: tuple[str, ...],
    lang: str,
    exclude: tuple[str, ...],
    extend_exclude: tuple[str, ...],
    skip_no_table: bool,
    **limits: Any,
) -> None:
    """Show what changed from OLD to NEW, in meaning, not text: budget lines by key (amounts, with the change
    in %), tasks by name, indicators by level1/level2/name (renames found by similarity, values compared by
    their parsed targets: 240户 → 260户, +20), goals. The summary comes first.

    The two files may be in different formats: the same table in markdown and in Excel is equal.
    Exit codes: 0 equal in meaning, 1 different, 2 a file could not be read.

    OLD and NEW may be two folders (a review round, 一上 vs 二上): every table of both is read, tables are paired
    by kind, department and project, the rest by file name (relative to its folder) and place in the file; the
    report lists every table (changed, added, removed, unchanged), then each changed pair's diff. Files that
    cannot be read are reported (exit 2) and the others diffed.

    \b
    Examples:
      perftable diff 2023.xlsx 2024.md
      perftable diff 一上.md 二上.md -o changes.html
      perftable diff a.md b.md -o changes.xlsx --ignore goals --epsilon 0.01
      perftable diff 一上/ 二上/ -o round.html
    """
    try:
        fmt = output_format(output, fmt, NAMED_BY, f"--format {fmt}") or "text"
        if fmt == "xlsx" and output is None:
            raise UsageError("xlsx is a binary format: give an output file, -o diff.xlsx")
        if output is not None:
            refuse_inputs(output, (old, new))
        options = read_options(**limits)
        if old.is_dir() or new.is_dir():
            walk = (exclude, extend_exclude)
            changes = DiffOptions(epsilon, frozenset(ignore))
            _diff_folders(old, new, fmt, output, changes, lang, options, walk, skip_no_table)
        old_docs, new_docs = load_all(old, options), load_all(new, options)
        tables = diff_lists(old_docs, new_docs, DiffOptions(epsilon, frozenset(ignore)))
        pairs, _, _ = pair_tables(old_docs, new_docs)
        for i, j in pairs:
            reason = unrelated(old_docs[i], new_docs[j])
            if reason is not None:
                click.echo(
                    f"perftable: warning: {table_name(old_docs[i])} and {table_name(new_docs[j])} look like two "
                    f"different tables ({reason}); compared anyway",
                    err=True,
                )
        report = DiffReport(old=str(old), new=str(new), tables=tables)
        with cell_text_notes(output):
            language: Lang = "en" if lang == "en" else "zh"
            data = _output(report, fmt, old_docs, new_docs, output is not None, language)
            if output is not None:
                atomic_write(output, data, inputs=(old, new))
            else:
                assert isinstance(data, str)
                click.echo(data, nl=False, color=fmt == "text" and None)
    except PerftableError as exc:
        fail(str(exc))
        sys.exit(EXIT_ERROR)
    if not report.equal:
        sys.exit(EXIT_FINDINGS)


def _diff_folders(
    old: Path,
    new: Path,
    fmt: str,
    output: Path | None,
    options: Any,
    lang: str,
    read: Any,
    walk: tuple[tuple[str, ...], tuple[str, ...]],
    skip_no_table: bool,
) -> NoReturn:
    """``diff OLD_DIR NEW_DIR``: write the round's report and exit (2 when a file could not be read, else 1 when
    anything changed, else 0)."""
    from functools import partial

    if not (old.is_dir() and new.is_dir()):
        raise UsageError(f"{old if not old.is_dir() else new} is not a folder: diff two files or two folders")
    exclude, extend_exclude = walk
    settings = RunSettings(
        read_options=read,
        exclude=tuple(split_list(exclude) or ()) if exclude else None,
        extend_exclude=tuple(split_list(extend_exclude) or ()),
        skip_no_table=skip_no_table,
    )
    leave_out = partial(excluded, settings=settings)

    def skip(path: Path) -> bool:  # the option, or the configuration that applies to the file (as validate)
        return settings.skip_no_table or config_for(path, settings).skip_no_table

    if output is not None:
        refuse_inputs(output, iter_files([old, new], leave_out))
    found = diff_folders(old, new, options, read, leave_out, skip)
    report = found.report
    for item in report.unreadable:
        fail(item.error)
    for skipped in report.skipped:
        folder = old if skipped.side == "old" else new
        click.echo(
            f"perftable: note: {folder / skipped.file}: no 绩效目标表, skipped (--skip-no-table)", err=True
        )
    language: Lang = "en" if lang == "en" else "zh"
    data: str | bytes
    if fmt == "json":
        data = folder_formats.to_json(report)
    elif fmt == "markdown":
        data = folder_formats.to_markdown(report, language)
    elif fmt == "html":
        data = folder_formats.to_html(found, language)
    elif fmt == "xlsx":
        data = folder_formats.to_xlsx(found, language)
    else:
        colour = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        data = folder_formats.to_text(report, colour=colour, lang=language)
    with cell_text_notes(output):
        if output is not None:
            atomic_write(output, data, inputs=(old, new))
        else:
            assert isinstance(data, str)
            click.echo(data, nl=False, color=fmt == "text" and None)
    sys.exit(EXIT_ERROR if report.unreadable else EXIT_FINDINGS if not report.equal else 0)
