"""Styles of the rendered workbook: borders, fonts, fills, alignment, widths, heights, comments and print set-up.

Kept apart from :mod:`perftable.xlsxwrite` (what goes in which cell) so that each stays small; openpyxl is imported
only here and there, and only when a workbook is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from perftable.grid import column_letters
from perftable.xlsxwrite import FILLS, column_widths, row_height

if TYPE_CHECKING:
    from perftable.spans import SpanCell
    from perftable.xlsxwrite import Sheet

_FONT = "宋体"
_LANDSCAPE_FROM = 140  # total column width (characters) from which the page is turned


def _styles() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="000000")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "font": Font(name=_FONT, size=10.5),
        "bold": Font(name=_FONT, size=10.5, bold=True),
        "title": Font(name=_FONT, size=16, bold=True),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "left": Alignment(horizontal="left", vertical="center", wrap_text=True),
        "right": Alignment(horizontal="right", vertical="center", wrap_text=True),
    }


def _fill(colour: str) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


def _style_cell(target: Any, cell: SpanCell, styles: dict[str, Any]) -> None:
    bold = cell.role in ("label", "header", "title")
    target.font = styles["bold"] if bold else styles["font"]
    if (
        cell.mark == "removed"
    ):  # a removed row reads as removed without its colour (printed in black and white)
        from openpyxl.styles import Font

        target.font = Font(name=_FONT, size=10.5, bold=bold, strike=True)
    target.alignment = styles["center" if bold else ("right" if cell.role == "amount" else "left")]
    colour = FILLS.get(cell.mark or "") or FILLS.get(cell.role)
    if colour:
        target.fill = _fill(colour)
    if cell.notes:
        from openpyxl.comments import Comment

        from perftable.celltext import cell_text

        text = "\n".join(f"[{note.level}] {note.text}" for note in cell.notes)
        text = cell_text(text, lambda: f"the comment of {target.coordinate}")
        target.comment = Comment(text, "perftable", width=320, height=120)


def _style_grid(ws: Any, sheet: Sheet, start: int, styles: dict[str, Any]) -> None:
    widths = column_widths(sheet.grid)
    for r, row in enumerate(sheet.grid):
        spanned: list[tuple[SpanCell, float]] = []
        for c, cell in enumerate(row):
            if cell is None:
                continue
            spanned.append((cell, sum(widths[c : c + cell.colspan])))
            _style_cell(ws.cell(row=start + r, column=c + 1), cell, styles)
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    ws.cell(row=start + r + dr, column=c + 1 + dc).border = styles["border"]
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


def style_sheet(ws: Any, sheet: Sheet, start: int) -> None:
    """Style a written sheet whose grid starts at row ``start`` (title and lines above it)."""
    styles = _styles()
    for row in range(1, start):
        target = ws.cell(row=row, column=1)
        target.font = styles["title"] if (row == 1 and sheet.title) else styles["bold"]
        target.alignment = styles["center"]
        ws.row_dimensions[row].height = 30 if (row == 1 and sheet.title) else 20
    _style_grid(ws, sheet, start, styles)
    _print_setup(ws, sum(column_widths(sheet.grid)))
    if start > 1:  # the title (and the lines under it) printed again at the top of every page
        ws.print_title_rows = f"1:{start - 1}"
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"  # page numbers in the footer (&P page, &N pages)
