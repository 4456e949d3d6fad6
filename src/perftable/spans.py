"""A table with merged cells, and writers that put it into each format the readers read.

A :class:`SpanGrid` is rows of :class:`SpanCell` (a cell with its rowspan/colspan) and ``None`` where a cell is
covered by a span. It is built from a simple marker notation (``"<"`` merges with the cell on the left, ``"^"`` with
the cell above), and written as markdown or CSV (spans flattened into empty cells, as PDF converters leave them),
HTML (rowspan/colspan) or xlsx (merged ranges). Used to build the samples and the format-equivalence tests.
"""

from __future__ import annotations

import csv
import datetime
import html
import io
from dataclasses import dataclass
from pathlib import Path

from perftable.grid import column_letters

LEFT, UP = "<", "^"
_FIXED_TIME = datetime.datetime(2024, 1, 1)  # reproducible workbook metadata


@dataclass(slots=True)
class SpanCell:
    text: str
    rowspan: int = 1
    colspan: int = 1


SpanGrid = list[list[SpanCell | None]]


def from_markers(rows: list[list[str]]) -> SpanGrid:
    """Build a grid from marker rows: ``"<"`` extends the span on the left, ``"^"`` the span above."""
    width = max(len(row) for row in rows)
    padded = [row + [""] * (width - len(row)) for row in rows]
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    grid: SpanGrid = [[None] * width for _ in padded]
    for r, row in enumerate(padded):
        for c, text in enumerate(row):
            if text == LEFT and c > 0:
                top = owner[(r, c - 1)]
                owner[(r, c)] = top
                cell = grid[top[0]][top[1]]
                assert cell is not None
                cell.colspan = max(cell.colspan, c - top[1] + 1)
            elif text == UP and r > 0:
                top = owner[(r - 1, c)]
                owner[(r, c)] = top
                cell = grid[top[0]][top[1]]
                assert cell is not None
                cell.rowspan = max(cell.rowspan, r - top[0] + 1)
            else:
                owner[(r, c)] = (r, c)
                grid[r][c] = SpanCell(text)
    return grid


def flatten(grid: SpanGrid) -> list[list[str]]:
    """Text rows with covered cells empty, as a PDF converter flattens merged cells."""
    return [[cell.text if cell is not None else "" for cell in row] for row in grid]


def _md_cell(text: str) -> str:
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", "<br>")


def to_markdown(grid: SpanGrid, title: str | None = None, *, header_row: bool = True) -> str:
    """A GitHub-flavoured pipe table (spans flattened)."""
    rows = flatten(grid)
    lines = [f"## {title}", ""] if title else []
    for index, row in enumerate(rows):
        lines.append("| " + " | ".join(_md_cell(text) for text in row) + " |")
        if index == 0 and header_row:
            lines.append("|" + "|".join("---" for _ in row) + "|")
    return "\n".join(lines) + "\n"


def to_csv(grid: SpanGrid, title: str | None = None) -> str:
    rows = flatten(grid)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if title:
        writer.writerow([title] + [""] * (len(rows[0]) - 1))
    writer.writerows(rows)
    return buffer.getvalue()


def to_html(grid: SpanGrid, title: str | None = None) -> str:
    """An HTML table with rowspan/colspan."""
    out = [f"<h2>{html.escape(title)}</h2>"] if title else []
    out.append("<table>")
    for row in grid:
        out.append("  <tr>")
        for cell in row:
            if cell is None:
                continue
            spans = ""
            if cell.rowspan > 1:
                spans += f' rowspan="{cell.rowspan}"'
            if cell.colspan > 1:
                spans += f' colspan="{cell.colspan}"'
            text = html.escape(cell.text).replace("\n", "<br>")
            out.append(f"    <td{spans}>{text}</td>")
        out.append("  </tr>")
    out.append("</table>")
    return "\n".join(out) + "\n"


def to_xlsx(grid: SpanGrid, path: str | Path, title: str | None = None, sheet: str = "绩效目标表") -> None:
    """An xlsx workbook with merged ranges (numbers stay text: they are written as printed)."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.properties.creator = "perftable"
    workbook.properties.created = workbook.properties.modified = _FIXED_TIME
    ws = workbook.active
    assert ws is not None
    ws.title = sheet
    offset = 0
    if title:
        width = len(grid[0])
        ws.cell(row=1, column=1, value=title)
        if width > 1:
            ws.merge_cells(f"A1:{column_letters(width - 1)}1")
        offset = 1
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            target = ws.cell(row=r + 1 + offset, column=c + 1, value=cell.text or None)
            if cell.text.startswith("="):  # text, not a formula (openpyxl would store "=100%" as one)
                target.data_type = "s"
            if cell.rowspan > 1 or cell.colspan > 1:
                ws.merge_cells(
                    start_row=r + 1 + offset,
                    start_column=c + 1,
                    end_row=r + offset + cell.rowspan,
                    end_column=c + cell.colspan,
                )
    workbook.save(str(path))
