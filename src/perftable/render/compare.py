"""How a file would change (``render --diff``): a unified diff of the text, or of the cells of a workbook.

A workbook is compared through a dump of what a reader sees in it, a line per cell (``Sheet!B4 = 1273.72
[#,##0.00]``) and per merged range, so that the diff names the cells that change. When the cells are equal but the
bytes are not, only the formatting or the package's metadata differs, and the diff says so.
"""

from __future__ import annotations

import difflib
import io
from typing import Any


def xlsx_dump(data: bytes, *, styles: bool = False) -> list[str]:
    """The cells of a workbook as lines of text: value (with its number format), merged ranges, and with
    ``styles`` the fonts, fills, column widths and print set-up (for golden files)."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    lines: list[str] = []
    for ws in book.worksheets:
        lines.append(f"[{ws.title}]")
        lines += [f"merged {ref}" for ref in sorted(str(r) for r in ws.merged_cells.ranges)]
        for row in ws.iter_rows():
            for cell in row:
                line = _cell_line(ws.title, cell, styles)
                if line is not None:
                    lines.append(line)
        if styles:
            lines += _sheet_lines(ws)
    return lines


def _cell_line(sheet: str, cell: Any, styles: bool) -> str | None:
    if cell.value is None and not (styles and cell.comment):
        return None
    value = repr(cell.value) if not isinstance(cell.value, str) else cell.value.replace("\n", "\\n")
    line = f"{sheet}!{cell.coordinate} = {value}"
    if cell.data_type == "n" and cell.number_format != "General":
        line += f" [{cell.number_format}]"
    if styles:
        marks = [
            "bold" if cell.font.b else "",
            f"fill={cell.fill.fgColor.rgb[-6:]}" if cell.fill.fill_type == "solid" else "",
            f"align={cell.alignment.horizontal}" if cell.alignment.horizontal else "",
            f"comment={cell.comment.text!r}" if cell.comment else "",
        ]
        line += "".join(f" {mark}" for mark in marks if mark)
    return line


def _sheet_lines(ws: Any) -> list[str]:
    widths = " ".join(
        f"{key}={dim.width:g}" for key, dim in sorted(ws.column_dimensions.items()) if dim.width
    )
    heights = " ".join(
        f"{key}={dim.height:g}" for key, dim in sorted(ws.row_dimensions.items()) if dim.height
    )
    setup = ws.page_setup
    return [
        f"widths {widths}",
        f"heights {heights}",
        f"print paper={setup.paperSize} orientation={setup.orientation} fitToWidth={setup.fitToWidth} "
        f"fitToHeight={setup.fitToHeight} titles={ws.print_title_rows}",
    ]


def unified(old: bytes, new: bytes, fmt: str, name: str) -> str:
    """A unified diff from the file as it is to the file as rendering would write it."""
    if fmt == "xlsx":
        try:
            before = xlsx_dump(old)
        except Exception:  # not a workbook openpyxl can read (xls, damaged): show every new cell as added
            before = []
        after = xlsx_dump(new)
        if before == after:
            return f"{name}: the cells are the same; formatting or workbook metadata would change\n"
        old_lines, new_lines = [line + "\n" for line in before], [line + "\n" for line in after]
    else:
        old_lines = old.decode("utf-8-sig", errors="replace").splitlines(keepends=True)
        new_lines = new.decode("utf-8-sig", errors="replace").splitlines(keepends=True)
    diff = difflib.unified_diff(old_lines, new_lines, f"{name}", f"{name} (rendered)")
    return "".join(line if line.endswith("\n") else line + "\n" for line in diff)
