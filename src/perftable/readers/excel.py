"""Spreadsheets (.xlsx, .xlsm, .xlsb, .xls, .ods) through python-calamine.

Each visible worksheet becomes one table. Merged areas are expanded: every covered cell holds the top-left cell's
value and location (``Sheet!C5``), marked ``merged``. Numbers typed as numbers go through their shortest repr
(``Decimal(repr(x))``, never ``Decimal(x)``) so that 1273.72 reads as ``"1273.72"``; dates become ISO dates.
calamine's grid starts at ``sheet.start`` (not always A1) and its merged ranges are 0-based and unordered: both
are handled here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from perftable.errors import ReadError
from perftable.grid import Block, Cell, Origin, Table, merge_area
from perftable.numbers import AmountError, decimal_from_float
from perftable.readers.xlsx_styles import percent_cells

if TYPE_CHECKING:
    from pathlib import Path


def cell_text(value: Any) -> str:
    """A calamine value as the text a person sees in the cell."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("_x000D_", "")
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        try:
            return str(decimal_from_float(value))
        except AmountError:
            return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _sheet_table(sheet: Any, origin: Origin, percent: frozenset[tuple[int, int]]) -> Table | None:
    data: list[list[Any]] = sheet.to_python()
    if not data:
        return None
    start = sheet.start or (0, 0)
    r0, c0 = int(start[0]), int(start[1])
    rows = [
        [
            Cell(_text_at(value, (r0 + r, c0 + c), percent), (r0 + r, c0 + c), origin)
            for c, value in enumerate(values)
        ]
        for r, values in enumerate(data)
    ]
    table = Table(rows).squared()
    for (top, left), (bottom, right) in sheet.merged_cell_ranges or ():
        merge_area(table, (top - r0, left - c0), (bottom - r0, right - c0))
    return table


def _text_at(value: Any, pos: tuple[int, int], percent: frozenset[tuple[int, int]]) -> str:
    """A cell's text; a number formatted as a percentage (0.9 shown as 90%) reads as ``90%``."""
    if percent and isinstance(value, float | int) and not isinstance(value, bool) and pos in percent:
        try:
            return f"{(decimal_from_float(float(value)) * 100).normalize():f}%"
        except AmountError:
            return ""
    return cell_text(value)


def read_excel(path: Path, display: str) -> list[Block]:
    """Every visible worksheet of a workbook, as tables."""
    import python_calamine as calamine

    percent = percent_cells(path) if path.suffix.lower() in (".xlsx", ".xlsm") else {}
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
        blocks: list[Block] = []
        for meta in workbook.sheets_metadata:
            if str(getattr(meta, "visible", "Visible")).rsplit(".", 1)[-1].lower() != "visible":
                continue
            if str(getattr(meta, "typ", "WorkSheet")).rsplit(".", 1)[-1].lower() != "worksheet":
                continue
            sheet = workbook.get_sheet_by_name(meta.name)
            table = _sheet_table(
                sheet, Origin(display, "sheet", sheet=meta.name), percent.get(meta.name, frozenset())
            )
            if table is not None:
                blocks.append(table)
        workbook.close()
    except calamine.PasswordError as exc:
        raise ReadError(display, "the workbook is password-protected") from exc
    except (calamine.CalamineError, OSError, ValueError) as exc:
        raise ReadError(
            display, f"cannot read the spreadsheet ({exc}); is the file corrupt or truncated?"
        ) from exc
    except BaseException as exc:  # calamine is Rust: a panic arrives as pyo3's PanicException(BaseException)
        if type(exc).__name__ != "PanicException":
            raise
        raise ReadError(display, f"cannot read the spreadsheet (reader failure: {exc})") from None
    return blocks
