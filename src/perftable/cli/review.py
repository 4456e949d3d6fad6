"""``perftable review``: a batch reviewed, as one report: an HTML page, a workbook, 审核意见 in Word or markdown, or
JSON (grades with their reasons)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from perftable.check.batch import RunSettings, config_for
from perftable.check.parallel import progress
from perftable.cli import EXIT_ERROR, EXIT_OK, signals
from perftable.cli.options import cell_text_notes, output_format, read_options, reading_options, split_list
from perftable.errors import UsageError
from perftable.outputs import atomic_write, refuse_inputs
from perftable.readers.files import iter_files
from perftable.review.collect import Batch, collect
from perftable.review.collect import review as review_files
from perftable.review.html import to_html
from perftable.review.jsonout import to_json
from perftable.review.markdown import to_markdown
from perftable.review.word import to_docx
from perftable.review.workbook import to_xlsx

FORMATS = ("html", "xlsx", "docx", "markdown", "json")
NAMED_BY = {".html": "html", ".htm": "html", ".xlsx": "xlsx", ".docx": "docx", ".md": "markdown",
            ".markdown": "markdown", ".json": "json"}  # fmt: skip
BINARY = frozenset({"xlsx", "docx"})


def write_report(batch: Any, fmt: str, lang: str) -> str | bytes:
    """The review in a format."""
    if fmt == "html":
        return to_html(batch, lang)  # type: ignore[arg-type]  # click.Choice checked it
    if fmt == "xlsx":
        return to_xlsx(batch, lang)  # type: ignore[arg-type]
    if fmt == "docx":
        return to_docx(batch, lang)  # type: ignore[arg-type]
    if fmt == "json":
        return to_json(batch, lang)  # type: ignore[arg-type]

    return to_markdown(batch, lang)  # type: ignore[arg-type]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here."
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Report format [default: from -o's suffix (.html .xlsx .docx .md .json), else markdown].",
)
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Language [default: zh].")
@click.option("--select", multiple=True, help="Rules to run: codes, prefixes or names, comma-separated.")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, prefixes or names, comma-separated.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Use this configuration file.",
)
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True, help="Processes; 0: all cores."
)
@click.option("--no-progress", is_flag=True, help="Never show a progress bar.")
@reading_options
def review(paths: tuple[Path, ...], output: Path | None, fmt: str | None, lang: str | None,
           select: tuple[str, ...], ignore: tuple[str, ...], config_file: str | None, isolated: bool, jobs: int,
           no_progress: bool, **limits: Any) -> None:  # fmt: skip
    """Review a batch of 绩效目标表: each table graded 优/良/中/差 (see `perftable rules --review`), with its findings
    and a draft 审核意见 (完整性, 相关性, 适当性, 可行性), in one report.

    -o review.html is one self-contained page (no network): a summary, the tables sortable and filterable (the
    state kept in the URL), each table's form with its findings in their cells, and its 审核意见; it prints one
    table per page. -o review.xlsx: a summary sheet, a findings sheet and a sheet per table (findings as cell
    comments). -o review.docx or .md: the 审核意见 of each table. -o review.json: grades with their reasons.
    Exit codes: 0 the report was written, 2 a file could not be read (the report is still written, listing it) or
    a usage error.

    \b
    Examples:
      perftable review samples/ -o review.html
      perftable review submissions/ --jobs 0 -o review.xlsx
      perftable review samples/guangdong-department/lianjiang-2024.md -o 审核意见.docx
      perftable review samples/ --lang en -o review.html
    """
    chosen = output_format(output, fmt, NAMED_BY, f"--format {fmt}") or "markdown"
    if chosen in BINARY and output is None:
        raise UsageError(f"{chosen} is a binary format: give an output file, -o review.{chosen}")
    overrides = {"select": split_list(select), "extend_ignore": split_list(ignore), "lang": lang}
    settings = RunSettings(
        config_file, isolated, {k: v for k, v in overrides.items() if v is not None}, read_options(**limits)
    )
    files = list(iter_files(paths))
    if not files:
        raise click.UsageError("no supported files found in the given paths")
    if output is not None:
        refuse_inputs(output, files)

    shown_lang = lang or config_for(files[0], settings).lang
    reviewed = progress(review_files(files, settings, jobs), len(files), "perftable", disabled=no_progress)
    batch: Batch = collect(_checked(reviewed))
    with cell_text_notes(output):
        data = write_report(batch, chosen, shown_lang)
        if output is not None:
            atomic_write(output, data, inputs=files)
        else:
            assert isinstance(data, str)
            click.echo(data, nl=False)
    grades = batch.grades()
    counts = ", ".join(f"{name} {count}" for name, count in grades.items())
    where = f" -> {output}" if output is not None else ""
    files_word = "file" if batch.files == 1 else "files"
    click.echo(f"perftable: {batch.files} {files_word}, {len(batch.graded)} graded ({counts}), "
               f"{len(batch.unreadable)} unreadable{where}", err=True)  # fmt: skip
    sys.exit(EXIT_ERROR if batch.unreadable else EXIT_OK)


def _checked(items: Any) -> Any:
    for item in items:
        signals.check()
        yield item
    signals.check()
