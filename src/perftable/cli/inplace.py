"""What ``render --in-place`` may rewrite: a file perftable owns whole.

Rendering writes the 绩效目标表 perftable read, in its canonical layout, and nothing else. A file that holds more
would lose it, so in place is refused (exit 2) unless ``--force``, when the file holds:

* text that the rendering does not hold: a section after the table (``## 编制说明 … 联系人``), a table that is not
  a 绩效目标表, a column perftable does not read, a suppression comment; in a workbook, a cell outside the form;
* in a workbook: another sheet (hidden ones included), formulas (the rendering writes their values), cell comments,
  drawings, images, charts, pivot tables, Excel tables, macros or links to other workbooks.

The text test is whether each piece of text of the file (each cell, each line outside a table) is found in the
rendering, ignoring blanks, commas and markup: a value printed again in another form (``1273.72`` as
``1,273.72``) passes, a value the rendering changes (a unit moved into its target) does not, and the file is then
refused rather than silently changed. Every rewrite keeps the original as ``FILE.bak`` unless ``--no-backup``.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from perftable.model import Location
from perftable.readers.decode import decode
from perftable.readers.xlsx_package import _sheet_paths

if TYPE_CHECKING:
    from perftable.model import Document

# Package parts perftable never writes, and what they hold.
_FOREIGN_PARTS = (
    ("xl/comments", "cell comments"),
    ("xl/threadedComments/", "cell comments"),
    ("xl/drawings/", "drawings or images"),
    ("xl/media/", "images"),
    ("xl/charts/", "charts"),
    ("xl/pivotTables/", "pivot tables"),
    ("xl/tables/", "Excel tables"),
    ("xl/vbaProject", "macros"),
    ("xl/externalLinks/", "links to other workbooks"),
)
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CHUNK = 1 << 20
_IGNORED = re.compile(
    r"[\s,，*\\|]+"
)  # blanks, thousands separators and markup: not what a piece of text says
# A block or a comment left open runs to the end of the text (a match that could fail only there, tried from each of
# many openings, would take quadratic time).
_BLOCKS = re.compile(r"<(style|script)\b[^>]*(?:>|\Z).*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.DOTALL)
_TAG = re.compile(r"<[^<>]*>")


def what_would_be_lost(path: Path, fmt: str, docs: list[Document], rendered: bytes) -> str | None:
    """What rewriting ``path`` with ``rendered`` would lose, in a few words; None when perftable owns the file."""
    rows = _rows(docs)
    if fmt == "xlsx":
        spans = {key[1]: (min(found), max(found)) for key, found in rows.items()}
        cells = (piece for piece in _cells(path.read_bytes()) if not _inside(piece[0], spans))
        return _workbook_extras(path, docs) or _missing(cells, _cells(rendered))

    text, _ = decode(path.read_bytes(), str(path))
    tables = _table_lines(text.split("\n"), {line for found in rows.values() for line in found})
    loose = (piece for piece in _pieces(text) if piece[0][1] not in tables)
    return _missing(loose, _pieces(rendered.decode("utf-8")))


Where = tuple[str | None, int]  # (sheet, row) of a cell; (None, line) of a line of text
Rows = dict[tuple[int, str | None], list[int]]  # (table, sheet) -> the rows (lines) its values were read from


def _rows(docs: list[Document]) -> Rows:
    """The rows (or lines) each table's values were read from, by table and sheet."""
    rows: Rows = {}
    for index, doc in enumerate(docs):
        for location in _locations(doc):
            row = location.line if location.line is not None else _row(location.cell)
            if row is not None:
                rows.setdefault((index, location.sheet), []).append(row)
    return rows


def _locations(value: object) -> Iterator[Location]:
    """Every :class:`~perftable.model.Location` in a model, however deep."""
    from pydantic import BaseModel

    if isinstance(value, Location):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _locations(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _locations(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _locations(item)


def _row(cell: str | None) -> int | None:
    digits = "".join(ch for ch in cell or "" if ch.isdigit())
    return int(digits) if digits else None


def _inside(where: Where, spans: dict[str | None, tuple[int, int]]) -> bool:
    """True when a cell is on a row of the form: from the first to the last row a value was read from."""
    sheet, row = where
    first, last = spans.get(sheet, (0, -1))
    return first <= row <= last


def _table_lines(lines: list[str], read: set[int]) -> set[int]:
    """The lines (1-based) of the tables read: each pipe table or ``<table>`` element that a value was read from.
    Lines outside them (a title, a heading, a note) are not owned, even when a value was read from them: their
    text must be in the rendering."""
    owned: set[int] = set()
    for first, last in _regions(lines):
        if any(first <= line <= last for line in read):
            owned.update(range(first, last + 1))
    return owned


def _regions(lines: list[str]) -> Iterator[tuple[int, int]]:
    """The first and last line of each pipe table (a run of lines that begin with ``|``) and ``<table>`` element."""
    start: int | None = None
    for number, line in enumerate([*lines, ""], start=1):
        piped = line.strip().startswith("|")
        if piped and start is None:
            start = number
        elif not piped and start is not None:
            yield start, number - 1
            start = None
    depth, opened = 0, 0
    for number, line in enumerate(lines, start=1):
        lowered = line.lower()
        for _ in range(lowered.count("<table")):
            opened, depth = (number if depth == 0 else opened), depth + 1
        depth -= lowered.count("</table")
        if depth <= 0 < opened:
            yield opened, number
            depth, opened = 0, 0


def _missing(pieces: Iterable[tuple[Where, str]], rendering: Iterable[tuple[Where, str]]) -> str | None:
    haystack = "\n".join(_IGNORED.sub("", text) for _, text in rendering)
    for (sheet, row), text in pieces:
        if _IGNORED.sub("", text) not in haystack:
            shown = text.strip() if len(text.strip()) <= 40 else text.strip()[:40] + "…"
            where = f"sheet 「{sheet}」 row {row}" if sheet is not None else f"line {row}"
            return f"text outside the tables it reads ({where}: 「{shown}」)"
    return None


def _pieces(text: str) -> Iterator[tuple[Where, str]]:
    """Each piece of text of a markdown or HTML file, with its line: cells, lines outside tables, comments (their
    text: a suppression comment is a piece), never markup or styles."""
    text = _BLOCKS.sub(lambda block: "\n" * block[0].count("\n"), text)
    text = _COMMENT.sub(lambda comment: comment[1].replace("\n", " ") + "\n" * comment[0].count("\n"), text)
    for number, line in enumerate(text.split("\n"), start=1):
        for piece in _TAG.sub("|", line).split("|"):
            piece = html.unescape(piece)
            if piece.strip() and not set(piece.strip()) <= set("-:"):
                yield (None, number), piece


def _cells(workbook: bytes) -> Iterator[tuple[Where, str]]:
    """Each non-empty cell of every sheet of a workbook, as text, with its sheet and row."""
    import python_calamine as calamine

    book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(workbook))
    for name in book.sheet_names:
        sheet = book.get_sheet_by_name(name)
        first = sheet.start[0] + 1 if sheet.start else 1
        for row, values in enumerate(sheet.to_python(skip_empty_area=True), start=first):
            for value in values:
                if str(value).strip():
                    yield (name, row), _cell_text(value)


def _cell_text(value: object) -> str:
    """A cell's value as the rendering may print it (a whole number without ``.0``)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _workbook_extras(path: Path, docs: list[Document]) -> str | None:
    """Another sheet, formulas or a part perftable never writes (comments, drawings …), or None."""
    read = {doc.source.sheet for doc in docs}
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        for prefix, what in _FOREIGN_PARTS:
            if any(name.startswith(prefix) for name in names):
                return what
        sheets = _sheet_paths(archive)
        others = [name for name in sheets if name not in read]
        if others:
            return f"another sheet (「{others[0]}」)"
        for name, member in sheets.items():
            if member in names and _has_formula(archive, member):
                return f"formulas (sheet 「{name}」); the rendering would keep only their values"
    return None


def _has_formula(archive: zipfile.ZipFile, member: str) -> bool:
    """True when a sheet's XML holds a formula, read in chunks (a sheet may unpack to hundreds of megabytes)."""
    tail = b""
    with archive.open(member) as handle:
        while chunk := handle.read(_CHUNK):
            if _FORMULA.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False
