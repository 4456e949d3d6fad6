"""A look inside an OpenDocument spreadsheet (.ods) before python-calamine loads it.

An .ods row or cell may declare that it repeats (``table:number-rows-repeated="1000000"``,
``table:number-columns-repeated="16000"``): a 4 KB file can declare billions of cells, and calamine builds them
all (6 GB and minutes before a limit checked afterwards could refuse it). Here the declared repetition is read,
streaming, and the area a sheet's content reaches is checked against ``--max-cells`` before anything is built.
Repeated *empty* rows and cells (LibreOffice pads every sheet to its full size that way) reach nothing, as in
calamine, which drops them; what counts is the last row and column that hold something.

XML is parsed with defusedxml (no entity expansion, no external entities).
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from defusedxml import ElementTree as SafeTree

from perftable.errors import ReadError
from perftable.readers.opening import check_unzipped

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_ROW, _CELL, _COVERED, _SHEET = (f"{{{_TABLE}}}table-row", f"{{{_TABLE}}}table-cell",
                                 f"{{{_TABLE}}}covered-table-cell", f"{{{_TABLE}}}table")  # fmt: skip
_ROWS_REPEATED, _COLUMNS_REPEATED = (
    f"{{{_TABLE}}}number-rows-repeated",
    f"{{{_TABLE}}}number-columns-repeated",
)
_VALUE_TYPE = f"{{{_OFFICE}}}value-type"
_DAMAGE = (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile, zlib.error, SafeTree.ParseError)


def _repeat(value: str | None) -> int:
    try:
        return max(1, int(value or "1"))
    except ValueError:
        return 1


def check_ods(path: Path, display: str, max_cells: int, max_unzipped: int) -> None:
    """Raise :class:`ReadError` (``too-large``) when the package unpacks to more than ``max_unzipped`` or a sheet's
    content reaches more than ``max_cells`` cells; a damaged package is left to calamine to report."""
    try:
        with zipfile.ZipFile(path) as archive:
            check_unzipped(archive, display, max_unzipped, "workbook")
            with archive.open("content.xml") as handle:
                _check_sheets(handle, display, max_cells)
    except _DAMAGE:
        return


def _check_sheets(handle: object, display: str, max_cells: int) -> None:
    name = ""
    row = rows = cols = 0  # the next row's index; the rows and columns content reaches
    for event, element in SafeTree.iterparse(handle, events=("start", "end")):
        tag = element.tag
        if tag == _SHEET:
            if event == "start":
                name, row, rows, cols = element.get(f"{{{_TABLE}}}name", ""), 0, 0, 0
            continue
        if event != "end" or tag != _ROW:
            continue
        repeat = _repeat(element.get(_ROWS_REPEATED))
        reach = 0
        col = 0
        for cell in element:
            if cell.tag not in (_CELL, _COVERED):
                continue
            span = _repeat(cell.get(_COLUMNS_REPEATED))
            if len(cell) or cell.get(_VALUE_TYPE):
                reach = col + span
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
        row += repeat
        element.clear()
