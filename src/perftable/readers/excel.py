"""Spreadsheets (.xlsx, .xlsm, .xlsb, .xls, .ods) through python-calamine.

Each visible worksheet becomes one table. Merged areas are expanded: every covered cell holds the top-left cell's
value and location (``Sheet!C5``), marked ``merged``. Numbers typed as numbers go through their shortest repr
(``Decimal(repr(x))``, never ``Decimal(x)``) so that 1273.72 reads as ``"1273.72"``; a number shown through a
percentage format reads as ``90%``, and one shown with fixed decimals or thousands separators (``#,##0.00``) reads
as shown (``1,273.70``) when the format shows it exactly (a rounding format falls back to the number itself).
The same holds for an .ods sheet's percentage cells (:mod:`perftable.readers.ods_package` finds them).
Dates become ISO dates.
calamine's grid starts at ``sheet.start`` (not always A1) and its merged ranges are 0-based and unordered: both
are handled here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any
from zipfile import is_zipfile

from perftable.errors import ReadError
from perftable.grid import Block, Cell, Origin, Table, merge_area
from perftable.readers.ods_package import inspect_ods
from perftable.readers.options import ReadOptions
from perftable.readers.xlsx_package import LITERAL_CODE, PERCENT, Limits, inspect
from perftable.values.numbers import AmountError, decimal_from_float, rounded


def cell_text(value: Any) -> str:
    """A calamine value as the text a person sees in the cell."""
    if isinstance(value, str):  # the usual case first
        return value.replace("\r\n", "\n").replace("_x000D_", "") if "\r" in value or "_x" in value else value
    if value is None:
        return ""
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


def _sheet_table(
    sheet: Any, origin: Origin, formats: dict[tuple[int, int], str], max_cells: int
) -> Table | None:
    height, width = int(sheet.height or 0), int(sheet.width or 0)
    if height * width > max_cells:
        raise ReadError(
            origin.file,
            f"sheet {origin.sheet!r} spans {height:,} rows × {width:,} columns = {height * width:,} cells, over the "
            f"limit of {max_cells:,} (raise it with --max-cells)",
            "too-large",
        )
    data: list[list[Any]] = sheet.to_python()
    if not data:
        return None
    start = sheet.start or (0, 0)
    r0, c0 = int(start[0]), int(start[1])
    if formats:
        rows = [
            [
                Cell(_text_at(value, (r0 + r, c0 + c), formats), (r0 + r, c0 + c), origin)
                for c, value in enumerate(values)
            ]
            for r, values in enumerate(data)
        ]
    else:  # the usual case: no number shown through a format
        rows = [
            [Cell(cell_text(value), (r0 + r, c0 + c), origin) for c, value in enumerate(values)]
            for r, values in enumerate(data)
        ]
    table = Table(rows).squared()
    for (top, left), (bottom, right) in sheet.merged_cell_ranges or ():
        merge_area(table, (top - r0, left - c0), (bottom - r0, right - c0))
    return table


def _show_formulas(table: Table, formulas: dict[tuple[int, int], str]) -> None:
    """Cells whose formula has no saved value read as the formula (``=E7+E8``), not as empty: the extractor
    reports them (repair ``formula-without-value``) instead of taking a blank amount for a real one."""
    for row in table.rows:
        for cell in row:  # the cell and the copies a merged area made of it
            if cell.empty and (formula := formulas.get(cell.pos)) is not None:
                cell.text = f"={formula}"


def _text_at(value: Any, pos: tuple[int, int], formats: dict[tuple[int, int], str]) -> str:
    """A cell's text; a number formatted as a percentage (0.9 shown as 90%) reads as ``90%``, one formatted with
    fixed decimals as shown."""
    code = formats.get(pos) if formats else None
    if code is not None and isinstance(value, float | int) and not isinstance(value, bool):
        try:
            number = decimal_from_float(float(value))
        except AmountError:
            return ""
        if code == PERCENT:
            return f"{(number * 100).normalize():f}%"
        if (literal := LITERAL_CODE.match(code)) is not None:
            return _with_words(number, literal) or cell_text(value)
        return _fixed(number, code) or cell_text(value)
    return cell_text(value)


def _with_words(number: Decimal, code: re.Match[str]) -> str | None:
    """A number as a format with words shows it (``"≥"0%`` 0.9 -> ``≥90%``, ``0.0"万亩"`` 52.6 -> ``52.6万亩``), or
    None when the format would round it."""
    if code["percent"]:
        number *= 100
    shown = _fixed(number, code["core"])
    if shown is None:
        return None
    words = re.compile(r'"([^"]*)"')
    return (
        "".join(words.findall(code["pre"])) + shown + code["percent"] + "".join(words.findall(code["post"]))
    )


def _fixed(number: Decimal, code: str) -> str | None:
    """A number as a fixed-decimal format shows it (``#,##0.00``), or None when the format would round it."""
    places = len(code.partition(".")[2])
    shown = rounded(number, places)
    if shown != number:
        return None
    return f"{shown:,}" if code.startswith("#,##") else f"{shown}"


def _is_ods(path: Path, zipped: bool) -> bool:
    """An OpenDocument package, whatever its name (its ``mimetype`` member says so)."""
    if not zipped:
        return False
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read("mimetype").startswith(b"application/vnd.oasis.opendocument.spreadsheet")
    except (KeyError, OSError, zipfile.BadZipFile):
        return False


def read_excel(path: Path, display: str, options: ReadOptions) -> list[Block]:
    """Every visible worksheet of a workbook, as tables. Zip-based workbooks are inspected first (see
    :mod:`perftable.readers.xlsx_package`) so that a hostile one is refused before it is loaded."""
    import python_calamine as calamine

    zipped = is_zipfile(path)
    ods = _is_ods(path, zipped)
    ods_formats = inspect_ods(path, display, options.max_cells, options.max_unzipped) if ods else {}
    facts = (
        inspect(path, display, Limits(options.max_cells, options.max_unzipped)) if zipped and not ods else {}
    )
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
        blocks: list[Block] = []
        for meta in workbook.sheets_metadata:
            if str(getattr(meta, "visible", "Visible")).rsplit(".", 1)[-1].lower() != "visible":
                continue
            if str(getattr(meta, "typ", "WorkSheet")).rsplit(".", 1)[-1].lower() != "worksheet":
                continue
            sheet = workbook.get_sheet_by_name(meta.name)
            sheet_facts = facts.get(meta.name)
            formats = sheet_facts.formats if sheet_facts else ods_formats.get(meta.name, {})
            table = _sheet_table(sheet, Origin(display, "sheet", sheet=meta.name), formats, options.max_cells)
            if table is not None and sheet_facts and sheet_facts.formulas:
                _show_formulas(table, sheet_facts.formulas)
            if table is not None:
                blocks.append(table)
        workbook.close()
    except calamine.PasswordError as exc:
        raise ReadError(display, "the workbook is password-protected", "password") from exc
    except (calamine.CalamineError, OSError, ValueError) as exc:
        raise ReadError(
            display, f"cannot read the spreadsheet ({exc}); is the file corrupt or truncated?", "spreadsheet"
        ) from exc
    except BaseException as exc:  # calamine is Rust: a panic arrives as pyo3's PanicException(BaseException)
        if type(exc).__name__ != "PanicException":
            raise
        raise ReadError(
            display, f"cannot read the spreadsheet (reader failure: {exc})", "spreadsheet"
        ) from None
    return blocks
