"""``perftable render``: a clean table from any input, in markdown, xlsx, HTML, JSON or CSV.

Writing follows a formatter's conventions: output goes to stdout or ``-o FILE`` (never over an input), or back
into the file with ``--in-place`` (atomically, a file perftable owns whole, the original kept as ``FILE.bak``:
see :mod:`perftable.cli.inplace`); ``--check`` exits 1 when rendering would change a file and ``--diff``
shows how. A table whose reading needed repairs that could change its meaning (P003) is written only with ``--fix``
(after a person looked at them) and never in place.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import click

import perftable
from perftable.cli import EXIT_ERROR, EXIT_FINDINGS, fail
from perftable.cli.inplace import what_would_be_lost
from perftable.cli.options import (
    READING,
    cell_text_notes,
    output_format,
    read_options,
    read_stdin,
    reading_options,
)
from perftable.errors import PerftableError, UsageError
from perftable.export.rows import BOM
from perftable.loader import load_all, source_extraction
from perftable.outputs import atomic_write, refuse_inputs
from perftable.readers.files import iter_files
from perftable.render import SUFFIXES
from perftable.render import render as render_documents
from perftable.render.compare import unified
from perftable.report import visible

if TYPE_CHECKING:
    from perftable.findings import Finding
    from perftable.model import Document, Repair
    from perftable.readers import ReadOptions

Format = Literal["markdown", "xlsx", "html", "json", "csv"]

FORMAT_NAMES: dict[str, Format] = {
    "md": "markdown",
    "markdown": "markdown",
    "xlsx": "xlsx",
    "html": "html",
    "json": "json",
    "csv": "csv",
}
# Inputs that --in-place and --check can rewrite in their own format (CSV is rendered as indicator rows, not
# as the form; xls, ods and xlsm cannot be written without losing what they hold).
_REWRITABLE: dict[str, Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
}


@dataclass
class Options:
    fmt: str | None
    output: Path | None
    in_place: bool
    force: bool
    no_backup: bool
    check: bool
    show_diff: bool
    fix: bool
    with_findings: bool
    stdin_format: str
    reading: ReadOptions

    @property
    def compares(self) -> bool:
        """True when files are compared with their rendering instead of written (--check, --diff)."""
        return self.check or self.show_diff


def _usage(opts: Options, paths: list[Path]) -> str | None:
    """Why this combination of options makes no sense, or None (an output named for another format than the one
    asked for raises :class:`~perftable.errors.UsageError`)."""
    if opts.in_place and (opts.output or opts.compares):
        return "--in-place writes the files themselves: it cannot be combined with -o, --check or --diff"
    if (opts.force or opts.no_backup) and not opts.in_place:
        return "--force and --no-backup are for --in-place"
    if opts.output is not None and (len(paths) > 1 or opts.compares):
        return "-o takes one input file and cannot be combined with --check or --diff"
    if opts.with_findings and opts.fmt not in (None, "html"):
        return "--with-findings is for --to html"
    if (opts.in_place or opts.compares) and any(str(path) == "-" for path in paths):
        return "standard input cannot be rewritten or checked; use -o"
    _asked_format(opts)
    return None


def _asked_format(opts: Options) -> Format | None:
    """The format --to, --with-findings (HTML) or -o's suffix asks for; they must agree (-o x.xlsx holds xlsx)."""
    chosen = FORMAT_NAMES[opts.fmt] if opts.fmt else ("html" if opts.with_findings else None)
    option = f"--to {opts.fmt}" if opts.fmt else "--with-findings"
    named_by = {suffix: fmt for suffix, fmt in SUFFIXES.items() if suffix != ".txt"}  # a .txt holds any text
    found = output_format(opts.output, chosen, named_by, option)
    return FORMAT_NAMES[found] if found else None


def rendered_format(opts: Options, path: Path) -> Format:
    """--to, --with-findings (HTML) or -o's suffix (which must agree); else (in place, check) the input's own
    format; else markdown."""
    asked = _asked_format(opts)
    if asked is not None:
        return asked
    if opts.in_place or opts.compares:
        found = _REWRITABLE.get(path.suffix.lower())
        if found is None and opts.compares:
            raise NotRewritable(path)
        if found is None:
            raise UsageError(
                f"{path}: {path.suffix or 'these'} files cannot be rewritten in their own format; use -o"
            )
        return found
    return "markdown"


class NotRewritable(Exception):
    """--check or --diff met a file perftable cannot write in its own format (.csv, .xls, .ods, .docx, .pdf): it is
    skipped with a note, not an error (a folder checked in CI holds such files too)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path}: {path.suffix or 'such'} files cannot be rewritten in their own format: not checked"
        )


def risky_repairs(docs: list[Document]) -> list[Repair]:
    return [repair for doc in docs for repair in doc.warnings if repair.code == "P003"]


def _repairs_summary(repairs: list[Repair]) -> str:
    count = f"{len(repairs)} repair{'s' if len(repairs) > 1 else ''}"
    return f"{count} could change its meaning (P003, first at {repairs[0].location})"


def findings_for(path: Path) -> list[Finding]:
    """What ``perftable validate`` finds in the file, to show in the page (imported only for --with-findings)."""
    validate = getattr(perftable, "validate", None)
    if validate is None:
        raise UsageError("--with-findings needs perftable.validate (the validator), which this build lacks")
    findings: list[Finding] = validate(path).findings
    return findings


def _load(path: Path, opts: Options) -> list[Document]:
    if str(path) == "-":
        return source_extraction(read_stdin(opts.stdin_format, opts.reading), opts.reading).documents
    return load_all(path, opts.reading)


def _rendered(docs: list[Document], fmt: Format, path: Path, opts: Options) -> str | bytes:
    findings = findings_for(path) if opts.with_findings else None
    return render_documents(docs, fmt, findings=findings)


def _bytes(data: str | bytes, fmt: str, to_file: bool) -> bytes:
    if isinstance(data, bytes):
        return data

    return ((BOM if fmt == "csv" and to_file else "") + data).encode("utf-8")


def _compare(path: Path, new: bytes, fmt: Format, opts: Options) -> bool:
    """Compare a file with its rendering; True when they differ (reported on stderr, diff on stdout)."""
    old = path.read_bytes()
    if old == new:
        return False
    click.echo(f"perftable: would rewrite {path}", err=True)
    if opts.show_diff:
        click.echo(unified(old, new, fmt, str(path)), nl=False)
    return True


def _rewrite(path: Path, new: bytes, fmt: Format, docs: list[Document], opts: Options) -> None:
    """--in-place: only a file perftable owns whole (see :mod:`perftable.cli.inplace`) unless --force; the original
    kept as ``FILE.bak`` unless --no-backup; a file that would not change is not touched."""
    old = path.read_bytes()
    if old == new:
        return
    lost = None if opts.force else what_would_be_lost(path, fmt, docs, new)
    if lost is not None:
        raise UsageError(
            f"{path}: not rewritten in place: it holds {lost}, which the rendering would lose; write a new file "
            "with -o, or pass --force to rewrite it anyway (the original is kept as a .bak)"
        )
    if not opts.no_backup:
        backup = path.with_name(path.name + ".bak")
        atomic_write(backup, old)
        backup.chmod(path.stat().st_mode & 0o7777)
    atomic_write(path, new)


def _write(path: Path, data: str | bytes, fmt: Format, opts: Options, inputs: tuple[Path, ...]) -> None:
    if opts.output is not None:
        atomic_write(opts.output, _bytes(data, fmt, True), inputs=inputs)
    elif isinstance(data, bytes):
        raise UsageError(f"{fmt} is a binary format: give an output file, -o x.{fmt}")
    else:
        click.echo(data, nl=False)


def render_one(path: Path, opts: Options, inputs: tuple[Path, ...]) -> int:
    """Render one file; returns its exit status (0, 1 would change, 2 error)."""
    try:
        try:
            fmt = rendered_format(opts, path)
        except NotRewritable as skipped:
            click.echo(f"perftable: note: {skipped}", err=True)
            return 0
        docs = _load(path, opts)
        repairs = risky_repairs(docs)
        if repairs and opts.check:
            click.echo(f"perftable: would rewrite {path}: {_repairs_summary(repairs)}", err=True)
            return EXIT_FINDINGS
        if repairs and opts.in_place:
            fail(f"{path}: not rewritten in place: {_repairs_summary(repairs)}")
            return EXIT_ERROR
        refused = False
        # JSON carries the repairs with the model (its warnings): nothing is hidden by writing it
        if repairs and not (opts.fix or opts.with_findings or opts.compares or fmt == "json"):
            docs = _refuse_risky(path, docs)
            refused = True
            if not docs:
                return EXIT_ERROR
            repairs = []
        with cell_text_notes(opts.output or path):
            data = _rendered(docs, fmt, path, opts)
            if opts.compares:  # --check and --diff exit 1 when the file would change
                return EXIT_FINDINGS if _compare(path, _bytes(data, fmt, True), fmt, opts) else 0
            if opts.in_place:
                _rewrite(path, _bytes(data, fmt, True), fmt, docs, opts)
            else:
                _write(path, data, fmt, opts, inputs)
        # The notes come after the output: the file never waits on (or depends on) the reader of stderr.
        for repair in repairs if opts.fix else []:
            click.echo(f"perftable: note: {repair.location}: P003 {visible(repair.message)}", err=True)
    except PerftableError as exc:
        fail(str(exc))
        return EXIT_ERROR
    return EXIT_ERROR if refused else 0


def _refuse_risky(path: Path, docs: list[Document]) -> list[Document]:
    """The tables of a file that can be written without --fix; each of the others refused with its own line
    (a P003 repair refuses the table it concerns, not the file's other tables)."""
    kept: list[Document] = []
    for number, doc in enumerate(docs, start=1):
        repairs = risky_repairs([doc])
        if not repairs:
            kept.append(doc)
            continue
        which = (
            f"table {number} of {len(docs)} ({doc.project or doc.department or doc.title}): "
            if len(docs) > 1
            else ""
        )
        fail(
            f"{path}: {which}{_repairs_summary(repairs)}; review them, then pass --fix to write the repaired table"
        )
    if kept and len(kept) < len(docs):
        click.echo(f"perftable: note: {path}: the other {len(kept)} table(s) written without it", err=True)
    return kept


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@click.option(
    "--to",
    "fmt",
    type=click.Choice(sorted(FORMAT_NAMES)),
    help="Output format [default: from -o, else markdown].",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file.")
@click.option(
    "--in-place",
    is_flag=True,
    help="Rewrite each file in its own format (atomically), keeping FILE.bak; only a file that holds its tables "
    "alone (no other text, sheet, formula or comment).",
)
@click.option(
    "--force", is_flag=True, help="--in-place: rewrite even a file that holds more than its tables."
)
@click.option("--no-backup", is_flag=True, help="--in-place: keep no FILE.bak.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when rendering would change a file.")
@click.option("--diff", "show_diff", is_flag=True, help="Write nothing; show how each file would change.")
@click.option(
    "--fix", is_flag=True, help="Write tables whose reading needed meaning-changing repairs (P003)."
)
@click.option("--with-findings", is_flag=True, help="HTML: show validate's findings next to their cells.")
@click.option(
    "--stdin-format",
    type=click.Choice(["markdown", "html", "csv", "tsv"]),
    default="markdown",
    show_default=True,
    help="Format of standard input when PATH is '-'.",
)
@reading_options
def render(paths: tuple[Path, ...], **options: object) -> None:
    """Render 绩效目标表 as a clean table: canonical markdown, the official form in Excel or HTML, the model as
    JSON, or the indicators as CSV (one row per indicator).

    Nothing is ever written over an input unless --in-place is given, and in place only a file that holds its
    tables alone (no text outside them, no other sheet, formula or comment) unless --force, keeping the original as
    FILE.bak unless --no-backup; tables whose reading needed repairs that could change their meaning (P003, see
    `perftable parse`) are written only with --fix and never in place.
    --check and --diff skip, with a note, files they cannot rewrite in their own format (.csv, .xls, .ods, .docx,
    .pdf); --to json writes a repaired table without --fix (its repairs are in the JSON); in a file of several
    tables, a table with a P003 repair is refused alone, the others written.
    Exit codes: 0 done, 1 --check or --diff found files that would change, 2 a file could not be read or a table
    was refused.

    \b
    Examples:
      perftable render samples/guangdong-department/lianjiang-2024.md --fix -o clean.md
      perftable render x.md -o x.xlsx
      perftable render x.xlsx --to html -o x.html
      perftable render x.md --to json
      perftable render tables/ --check --diff
    """
    given: dict[str, Any] = {name: options.pop(name) for name in READING}
    reading = read_options(**given)
    opts = Options(**options, reading=reading)  # type: ignore[arg-type]  # click passes exactly these options
    files = list(iter_files(paths))
    problem = _usage(opts, files)
    if problem is not None:
        fail(problem)
        sys.exit(EXIT_ERROR)
    if opts.output is not None:
        refuse_inputs(opts.output, files)  # only --in-place writes over an input
    statuses = [render_one(path, opts, tuple(files)) for path in files]
    status = max(statuses, default=0)
    if status:
        sys.exit(status)
