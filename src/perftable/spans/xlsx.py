"""SpanGrids as xlsx worksheets (openpyxl, imported only here and only when called).

Plain (``styled=False``): text and merged ranges, nothing else; the samples are built that way. Styled: the form as
budget offices print it: title merged across and centred, thin borders on every cell (covered cells of a merged
range too, or Excel draws no border there), wrapped text, label cells bold on grey, column widths that fit the text
(a CJK character counts two), row heights for the wrapped lines, amounts as numbers with a number format showing
their own decimals and thousands separators, highlight fills for diff marks, notes as cell comments, A4 set-up
fitted to the page width.

Every text goes into its cell through :func:`put_text`, in every writer (render, diff and export): it is stored as
a string, never as a formula or an error value (openpyxl would store ``=HYPERLINK(…)`` as a live formula and
``#N/A`` as an error), and text beginning with ``= + - @``, a tab or a CR carries Excel's quote prefix, so that it
stays text even when a person edits the cell. The text itself passes :func:`perftable.spans.cell_text.cell_text` on the
way: characters a workbook cannot hold become U+FFFD (said in a warning), and a text longer than a cell keeps is
refused, never cut. :func:`reproducible` fixes the zip's timestamps
so that rendering the same model twice gives the same bytes (``render --check`` compares bytes).
"""

from __future__ import annotations

import datetime
import io
import math
import re
import zipfile
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from perftable.grid import column_letters
from perftable.spans import SpanCell, SpanGrid, display_width
from perftable.spans.cell_text import cell_text

if TYPE_CHECKING:
    from decimal import Decimal

_FIXED_TIME = datetime.datetime(2024, 1, 1)  # reproducible workbook metadata
FILLS = {"added": "C6EFCE", "removed": "FFC7CE", "changed": "FFEB9C", "label": "F2F2F2", "header": "F2F2F2"}
_MAX_WIDTH, _MIN_WIDTH = 28, 6
_LINE_HEIGHT = 16.5
_EXCEL_DIGITS = 15  # Excel keeps 15 significant digits; longer amounts are written as text
# What a spreadsheet may take as the start of a formula when the cell is typed in again (OWASP's CSV list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Sheet:
    """One worksheet: a title row merged across, text lines under it (the year), then the grid."""

    name: str
    grid: SpanGrid
    title: str | None = None
    lines: list[str] = field(default_factory=list)


def number_format(amount: Decimal, printed: str = "") -> str:
    """The number format that shows an amount as printed: its own decimals, thousands separators unless the
    printed text (when given) has none at 1,000 and above (``12577.526935`` stays without)."""
    exponent = amount.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    grouped = not printed or "," in printed or abs(amount) < _THOUSAND
    return ("#,##0" if grouped else "0") + ("." + "0" * places if places else "")


_THOUSAND = 1000


def excel_number(amount: Decimal) -> int | float | None:
    """The amount as an Excel number, or None when Excel cannot hold it exactly (more than 15 digits)."""
    digits = amount.as_tuple().digits
    if len(digits) > _EXCEL_DIGITS or not amount.is_finite():
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def cell_name(sheet: str, row: int, column: int) -> str:
    """``cell '绩效目标表'!B7``: how a message names a cell."""
    return f"cell '{sheet}'!{column_letters(column - 1)}{row}"


def put_text(target: Any, text: str, at: tuple[int, int] | None = None) -> Any:
    """Store text in an openpyxl cell as a string: never a formula (``=…``) or an error value (``#N/A``),
    whatever it begins with; a quote prefix on text a person could turn into a formula by editing the cell; made
    fit for a cell by :func:`~perftable.spans.cell_text.cell_text`. Empty text leaves the cell empty. ``at`` is the
    (row, column) of a write-only cell, which does not know its place until it is appended."""
    row, column = at or (target.row, target.column)
    text = cell_text(text, lambda: cell_name(target.parent.title, row, column))
    target.value = text or None
    if text:
        target.data_type = "s"
        if text.startswith(FORMULA_START):
            target.quotePrefix = True
    return target


def _put(ws: Any, row: int, col: int, cell: SpanCell, styled: bool) -> Any:
    number = excel_number(cell.amount) if (styled and cell.amount is not None) else None
    target = ws.cell(row=row, column=col)
    if number is not None:
        target.value = number
        target.number_format = number_format(cell.amount, cell.text)  # type: ignore[arg-type]  # checked above
        return target
    return put_text(target, cell.text)


def merge(ws: Any, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
    """Merge a range the grid knows to overlap no other. openpyxl's ``merge_cells`` first looks for a merged
    range containing the new one, one by one, so a sheet's merges cost time in their number squared (8,000
    merges: minutes); a grid's spans never overlap, so the range goes into the sheet's set directly, and its
    covered cells become merged cells as ``merge_cells`` makes them. ``merge_cells`` then copies the first cell's
    borders and protection onto the covered cells, one style assignment each (a third of the time of writing a
    review workbook); at this point the first cell has neither, and a styled sheet gives the covered cells their
    border itself (:func:`style_sheet`), so that step is left out: the bytes are the same."""
    from openpyxl.cell.cell import MergedCell
    from openpyxl.worksheet.merge import MergedCellRange

    first, last = column_letters(first_column - 1), column_letters(last_column - 1)
    merged = MergedCellRange(ws, f"{first}{first_row}:{last}{last_row}")
    ws.merged_cells.ranges.add(merged)
    cells = ws._cells
    for row in range(first_row, last_row + 1):
        for column in range(first_column, last_column + 1):
            if row != first_row or column != first_column:
                cells[row, column] = MergedCell(ws, row, column)


def _write_rows(ws: Any, sheet: Sheet, styled: bool) -> int:
    """Title, lines and grid cells with their merges; returns the row where the grid starts."""
    width = len(sheet.grid[0]) if sheet.grid else 1
    offset = 0
    for text in ([sheet.title] if sheet.title else []) + sheet.lines:
        offset += 1
        put_text(ws.cell(row=offset, column=1), text)
        if width > 1:
            merge(ws, offset, 1, offset, width)
    for r, row in enumerate(sheet.grid):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            _put(ws, r + 1 + offset, c + 1, cell, styled)
            if cell.rowspan > 1 or cell.colspan > 1:
                merge(ws, r + 1 + offset, c + 1, r + offset + cell.rowspan, c + cell.colspan)
    return offset + 1


def workbook(sheets: list[Sheet], *, styled: bool = True) -> Any:
    """An openpyxl Workbook holding the sheets."""
    from openpyxl import Workbook

    book = Workbook()
    book.properties.creator = "perftable"
    book.properties.created = book.properties.modified = _FIXED_TIME
    first = book.active
    assert first is not None
    styles = _Styles()  # one per workbook: openpyxl numbers its styles per workbook
    for index, sheet in enumerate(sheets):
        ws = first if index == 0 else book.create_sheet()
        ws.title = cell_text(sheet.name, lambda: "a sheet's name")
        start = _write_rows(ws, sheet, styled)
        if styled:
            style_sheet(ws, sheet, start, styles)
    return book


def reproducible(data: bytes) -> bytes:
    """A zip package with fixed member timestamps and document dates, so equal content gives equal bytes."""
    stamp = rb"\g<1>2024-01-01T00:00:00Z\g<2>"
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            payload = source.read(info)
            if info.filename == "docProps/core.xml":
                payload = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", stamp, payload)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, payload)
    return out.getvalue()


def workbook_bytes(sheets: list[Sheet], *, styled: bool = True) -> bytes:
    """The sheets as xlsx bytes, reproducible."""
    buffer = io.BytesIO()
    workbook(sheets, styled=styled).save(buffer)
    return reproducible(buffer.getvalue())


def column_widths(grid: SpanGrid) -> list[float]:
    """Excel column widths that fit each column's single-column cells (capped, so long text wraps)."""
    widths = [float(_MIN_WIDTH)] * (len(grid[0]) if grid else 0)
    for row in grid:
        for c, cell in enumerate(row):
            if cell is not None and cell.colspan == 1:
                longest = max((display_width(line) for line in cell.text.split("\n")), default=0)
                widths[c] = max(widths[c], min(_MAX_WIDTH, longest + 2))
    return widths


def row_height(cells: list[tuple[SpanCell, float]]) -> float | None:
    """The height that shows every wrapped line of a row's cells (each with the width it spans), or None when
    one line is enough."""
    lines = 1
    for cell, width in cells:
        if cell.rowspan > 1:
            continue
        usable = max(1.0, width - 1)
        needed = sum(max(1, math.ceil(display_width(line) / usable)) for line in cell.text.split("\n"))
        lines = max(lines, needed)
    return lines * _LINE_HEIGHT if lines > 1 else None


# Styles: borders, fonts, fills, alignment, widths, heights, comments and print set-up.

_FONT = "宋体"
_LANDSCAPE_FROM = 140  # total column width (characters) from which the page is turned


class _Styles:
    """The styles of one workbook, each worked out once. openpyxl finds a style's number in the workbook by hashing
    the style object on every assignment (``cell.font = …``), which was most of the time of writing a workbook of a
    thousand sheets; a cell whose combination of font, alignment, fill and border was seen before gets a copy of
    that combination's style array instead (``Cell._style``, openpyxl's own record of the numbers; the same
    result, byte for byte)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, Side

        thin = Side(style="thin", color="000000")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.fonts = {
            "font": Font(name=_FONT, size=10.5),
            "bold": Font(name=_FONT, size=10.5, bold=True),
            "title": Font(name=_FONT, size=16, bold=True),
            "struck": Font(name=_FONT, size=10.5, strike=True),
            "struck-bold": Font(name=_FONT, size=10.5, bold=True, strike=True),
        }
        self.alignments = {
            side: Alignment(horizontal=side, vertical="center", wrap_text=True)
            for side in ("center", "left", "right")
        }
        self._arrays: dict[tuple[int, int, str | None, str | None, str | None, bool], Any] = {}

    def apply(
        self, target: Any, font: str | None, alignment: str | None, fill: str | None, border: bool
    ) -> None:
        # what the cell's writer set already (a number format, Excel's quote prefix) is part of the key
        own = target._style  # None on a cell nothing was written to
        written = (own.numFmtId, own.quotePrefix) if own is not None else (0, 0)
        key = (*written, font, alignment, fill, border)
        array = self._arrays.get(key)
        if array is not None:
            target._style = copy(array)
            return
        if font is not None:
            target.font = self.fonts[font]
        if alignment is not None:
            target.alignment = self.alignments[alignment]
        if fill is not None:
            target.fill = _fill(fill)
        if border:
            target.border = self.border
        self._arrays[key] = copy(target._style)


def _fill(colour: str) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


def _style_cell(target: Any, cell: SpanCell, styles: _Styles) -> None:
    bold = cell.role in ("label", "header", "title")
    font = "bold" if bold else "font"
    if (
        cell.mark == "removed"
    ):  # a removed row reads as removed without its colour (printed in black and white)
        font = "struck-bold" if bold else "struck"
    alignment = "center" if bold else ("right" if cell.role == "amount" else "left")
    colour = FILLS.get(cell.mark or "") or FILLS.get(cell.role)
    styles.apply(target, font, alignment, colour, border=True)
    if cell.notes:
        from openpyxl.comments import Comment

        text = "\n".join(f"[{note.level}] {note.text}" for note in cell.notes)
        text = cell_text(text, lambda: f"the comment of {target.coordinate}")
        target.comment = Comment(text, "perftable", width=320, height=120)


def _style_grid(ws: Any, sheet: Sheet, start: int, styles: _Styles, widths: list[float]) -> None:
    for r, row in enumerate(sheet.grid):
        spanned: list[tuple[SpanCell, float]] = []
        for c, cell in enumerate(row):
            if cell is None:
                continue
            spanned.append((cell, sum(widths[c : c + cell.colspan])))
            _style_cell(ws.cell(row=start + r, column=c + 1), cell, styles)
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if dr or dc:  # the cells a merged range covers: a border, or Excel draws none there
                        styles.apply(ws.cell(row=start + r + dr, column=c + 1 + dc), None, None, None, True)
        height = row_height(spanned)
        if height is not None:
            ws.row_dimensions[start + r].height = height
    for c, width in enumerate(widths):
        ws.column_dimensions[column_letters(c)].width = width


def _print_setup(ws: Any, total_width: float) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if total_width >= _LANDSCAPE_FROM else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6


def style_sheet(ws: Any, sheet: Sheet, start: int, styles: _Styles) -> None:
    """Style a written sheet whose grid starts at row ``start`` (title and lines above it)."""
    for row in range(1, start):
        title = row == 1 and sheet.title
        styles.apply(ws.cell(row=row, column=1), "title" if title else "bold", "center", None, False)
        ws.row_dimensions[row].height = 30 if (row == 1 and sheet.title) else 20
    widths = column_widths(sheet.grid)
    _style_grid(ws, sheet, start, styles, widths)
    _print_setup(ws, sum(widths))
    if start > 1:  # the title (and the lines under it) printed again at the top of every page
        ws.print_title_rows = f"1:{start - 1}"
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"  # page numbers in the footer (&P page, &N pages)


def to_xlsx(grid: SpanGrid, path: str | Path, title: str | None = None, sheet: str = "绩效目标表") -> None:
    """An xlsx workbook with merged ranges (numbers stay text: they are written as printed). The renderer's
    styled workbooks (borders, widths, numbers, print set-up) are written by :func:`perftable.spans.xlsx.workbook`.
    """
    workbook([Sheet(sheet, grid, title)], styled=False).save(str(path))
