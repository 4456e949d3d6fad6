"""``perftable parse``: tables to JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from perftable.cli import EXIT_ERROR, fail
from perftable.cli.options import read_options, read_tables, reading_options, summary, verbose_option
from perftable.cli.stats import stats_text
from perftable.errors import ReadError
from perftable.extract import NoTableError
from perftable.model import Document
from perftable.outputs import atomic_write, refuse_inputs
from perftable.readers.files import iter_files

if TYPE_CHECKING:
    from perftable.messages import Lang


def _documents_json(
    docs: list[Document], *, as_array: bool, jsonl: bool, indent: int | None, lang: Lang = "zh"
) -> str:
    """The documents as JSON, repairs' messages in ``lang`` (the report layer renders them; the model holds data)."""
    from pydantic import TypeAdapter

    context = {"lang": lang}
    adapter: TypeAdapter[list[Document]] = TypeAdapter(list[Document])
    if jsonl:
        return "".join(doc.model_dump_json(context=context) + "\n" for doc in docs)
    if len(docs) == 1 and not as_array:
        return docs[0].model_dump_json(indent=indent, context=context) + "\n"
    return adapter.dump_json(docs, indent=indent, context=context).decode("utf-8") + "\n"


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the JSON to this file."
)
@click.option("--array", "as_array", is_flag=True, help="Always print a JSON array, even for a single table.")
@click.option("--jsonl", is_flag=True, help="Print one JSON document per line (JSON Lines).")
@click.option("--compact", is_flag=True, help="No indentation.")
@click.option(
    "--stats",
    is_flag=True,
    help="Print what was read instead of the JSON: per file, each 绩效目标表 (pages, kind, name, indicators, total, "
    "repairs) and each table skipped with the reason. With -o the JSON is still written.",
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of the repair warnings.",
)
@click.option(
    "--stdin-format",
    type=click.Choice(["markdown", "html", "csv", "tsv"]),
    default="markdown",
    show_default=True,
    help="Format of standard input when PATH is '-'.",
)
@reading_options
@verbose_option
def parse(
    paths: tuple[Path, ...],
    output: Path | None,
    as_array: bool,
    jsonl: bool,
    compact: bool,
    stats: bool,
    lang: str,
    stdin_format: str,
    verbose: bool,
    **reading: Any,
) -> None:
    """Parse 绩效目标表 into JSON: one object for one table, an array when there are several.

    PATHS are files (markdown, html, csv, tsv, xlsx, xlsm, xls, ods, docx, pdf) or directories, which are
    searched for such files. A document may hold many tables: every 绩效目标表 is read, other tables (收支总表,
    自评表) are skipped (counted with -v). Unreadable files are reported on stderr and the exit code is 2; the
    others are still parsed.

    \b
    Examples:
      perftable parse samples/guangdong-department/lianjiang-2024.md
      perftable parse 项目绩效目标表.xlsx -o out.json
      perftable parse 2026年部门预算公开.pdf --pages 40-52 -v
      perftable parse 2026年部门预算公开.pdf --stats --lang en
      perftable parse submissions/ --jsonl > all.jsonl
    """
    language: Lang = "en" if lang == "en" else "zh"

    documents: list[Document] = []
    failed = False
    many_files = False
    options = read_options(**reading)
    files = list(iter_files(paths))
    if output is not None:
        refuse_inputs(output, files)
    for count, path in enumerate(files):
        many_files = count > 0
        try:
            result = read_tables(path, options, stdin_format)
        except ReadError as exc:
            if stats and isinstance(exc, NoTableError) and exc.extraction is not None:
                click.echo(stats_text(str(path), exc.extraction, language), nl=False)
            fail(str(exc))
            failed = True
            continue
        if verbose:
            click.echo(summary(path, result), err=True)
        if stats:
            click.echo(stats_text(str(path), result, language), nl=False)
        documents.extend(result.documents)
    if documents and (output is not None or not stats):
        text = _documents_json(
            documents,
            as_array=as_array or many_files,
            jsonl=jsonl,
            indent=None if compact else 2,
            lang=language,
        )
        if output is not None:
            atomic_write(output, text, inputs=files)
        else:
            click.echo(text, nl=False)
    if failed:
        sys.exit(EXIT_ERROR)
