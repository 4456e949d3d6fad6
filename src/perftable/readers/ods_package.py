"""A look inside an OpenDocument spreadsheet (.ods) before python-calamine loads it.

An .ods row or cell may declare that it repeats (``table:number-rows-repeated="1000000"``,
``table:number-columns-repeated="16000"``): a 4 KB file can declare billions of cells, and calamine builds them
all (6 GB and minutes before a limit checked afterwards could refuse it). Here the declared repetition is read,
streaming, and the area a sheet's content reaches is checked against ``--max-cells`` before anything is built.
Repeated *empty* rows and cells (LibreOffice pads every sheet to its full size that way) reach nothing, as in
calamine, which drops them; what counts is the last row and column that hold something.

The same pass finds the cells shown as percentages, which calamine gives as bare fractions (``1.0`` for a cell
showing ``100%``): a cell typed ``office:value-type="percentage"``, or a number whose style (its own, else its
column's default) has a ``number:percentage-style`` data style, in ``content.xml`` or ``styles.xml``. They come
back as the xlsx reader's number formats (``"%"``, or a code with the style's words, ``"≥"0%``), so that
:mod:`perftable.readers.excel` shows both kinds of workbook the same way.

XML is parsed with defusedxml (no entity expansion, no external entities).
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import Any

from defusedxml import ElementTree as SafeTree

from perftable.errors import ReadError
from perftable.readers.opening import check_unzipped
from perftable.readers.xlsx_package import LITERAL_CODE, PERCENT

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
_ROW, _CELL, _COVERED, _SHEET = (f"{{{_TABLE}}}table-row", f"{{{_TABLE}}}table-cell",
                                 f"{{{_TABLE}}}covered-table-cell", f"{{{_TABLE}}}table")  # fmt: skip
_ROWS_REPEATED, _COLUMNS_REPEATED = (
    f"{{{_TABLE}}}number-rows-repeated",
    f"{{{_TABLE}}}number-columns-repeated",
)
_VALUE_TYPE = f"{{{_OFFICE}}}value-type"
_COLUMN = f"{{{_TABLE}}}table-column"
_STYLE_NAME, _DEFAULT_STYLE = f"{{{_TABLE}}}style-name", f"{{{_TABLE}}}default-cell-style-name"
_CELL_STYLE, _PERCENT_STYLE = f"{{{_STYLE}}}style", f"{{{_NUMBER}}}percentage-style"
_NUMBERED = frozenset({"float", "percentage"})
_MAX_RUNS = (
    1024  # column default styles kept per sheet (a style is a cell's own, its row's, else its column's)
)
_DAMAGE = (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile, zlib.error, SafeTree.ParseError)


def _repeat(value: str | None) -> int:
    try:
        return max(1, int(value or "1"))
    except ValueError:
        return 1


def _count(value: str | None, most: int = 6) -> int:
    try:
        return min(max(0, int(value or "0")), most)
    except ValueError:
        return 0


Formats = dict[str, dict[tuple[int, int], str]]  # sheet -> (row, column) -> "%" or a code with words


def inspect_ods(path: Path, display: str, max_cells: int, max_unzipped: int) -> Formats:
    """The cells of each sheet shown as percentages (see the module docstring). Raises :class:`ReadError`
    (``too-large``) when the package unpacks to more than ``max_unzipped`` or a sheet's content reaches more than
    ``max_cells`` cells; a damaged package is left to calamine to report (what was found so far is returned)."""
    found: Formats = {}
    try:
        with zipfile.ZipFile(path) as archive:
            check_unzipped(archive, display, max_unzipped, "workbook")
            styles = _Styles()
            if "styles.xml" in archive.namelist():
                with archive.open("styles.xml") as handle:
                    styles.read(handle)
            with archive.open("content.xml") as handle:
                _scan_sheets(handle, display, max_cells, styles, found)
    except _DAMAGE:
        return found
    return found


class _Styles:
    """Cell styles and the percentage data styles they show numbers with."""

    def __init__(self) -> None:
        self.percent: dict[str, str] = {}  # data style name -> format code
        self.cells: dict[str, str] = {}  # cell style name -> data style name

    def take(self, element: Any) -> None:
        """Note a style element (at its end); other elements are passed over."""
        if element.tag == _PERCENT_STYLE:
            self.percent[element.get(f"{{{_STYLE}}}name", "")] = _percent_code(element)
        elif element.tag == _CELL_STYLE and (data := element.get(f"{{{_STYLE}}}data-style-name")):
            self.cells[element.get(f"{{{_STYLE}}}name", "")] = data

    def read(self, handle: object) -> None:
        for _, element in SafeTree.iterparse(handle):
            self.take(element)

    def code(self, style: str | None) -> str | None:
        return self.percent.get(self.cells.get(style, "")) if style else None


def _percent_code(style: Any) -> str:
    """A percentage style as an xlsx format code: ``"%"``, or one with its words (``"≥"0%``) when it prints any."""
    pieces: list[str] = []
    words = False
    for part in style:
        if part.tag == f"{{{_NUMBER}}}number":
            places = _count(part.get(f"{{{_NUMBER}}}decimal-places"))
            grouped = part.get(f"{{{_NUMBER}}}grouping") == "true"
            pieces.append(("#,##" if grouped else "") + "0" + ("." + "0" * places if places else ""))
        elif part.tag == f"{{{_NUMBER}}}text":
            text = "".join(part.itertext())
            if text.strip() == "%":
                pieces.append("%")
            elif text:
                words = True
                pieces.append(f'"{text}"')
    code = "".join(pieces)
    return code if words and LITERAL_CODE.match(code) else PERCENT


def _scan_sheets(handle: object, display: str, max_cells: int, styles: _Styles, found: Formats) -> None:
    name = ""
    row = rows = cols = 0  # the next row's index; the rows and columns content reaches
    columns: list[tuple[int, int, str]] = []  # runs of columns with a default cell style: first, end, style
    width = 0  # the columns declared so far
    for event, element in SafeTree.iterparse(handle, events=("start", "end")):
        tag = element.tag
        if tag == _SHEET:
            if event == "start":
                name, row, rows, cols = element.get(f"{{{_TABLE}}}name", ""), 0, 0, 0
                columns, width = [], 0
            continue
        if event != "end":
            continue
        if tag == _COLUMN:
            span = _repeat(element.get(_COLUMNS_REPEATED))
            if (default := element.get(_DEFAULT_STYLE)) and len(columns) < _MAX_RUNS:
                columns.append((width, width + span, default))
            width += span
            continue
        if tag != _ROW:
            styles.take(element)
            continue
        repeat = _repeat(element.get(_ROWS_REPEATED))
        reach = 0
        col = 0
        percent: list[tuple[int, int, str]] = []
        for cell in element:
            if cell.tag not in (_CELL, _COVERED):
                continue
            span = _repeat(cell.get(_COLUMNS_REPEATED))
            kind = cell.get(_VALUE_TYPE)
            if len(cell) or kind:
                reach = col + span
            if kind in _NUMBERED:
                style = (
                    cell.get(_STYLE_NAME)
                    or element.get(_DEFAULT_STYLE)
                    or next((d for a, b, d in columns if a <= col < b), None)
                )
                code = styles.code(style) or (PERCENT if kind == "percentage" else None)
                if code is not None:
                    percent.append((col, span, code))
            col += span
        if reach:
            rows, cols = row + repeat, max(cols, reach)
            if rows * cols > max_cells:
                raise ReadError(
                    display,
                    f"sheet {name!r} spans at least {rows:,} rows × {cols:,} columns = {rows * cols:,} cells "
                    f"(repeated rows and cells counted), over the limit of {max_cells:,} (raise it with --max-cells)",
                    "too-large",
                )
        if percent:
            cells = found.setdefault(name, {})
            for r in range(row, row + repeat):
                for col, span, code in percent:
                    cells.update(((r, c), code) for c in range(col, col + span))
        row += repeat
        element.clear()
