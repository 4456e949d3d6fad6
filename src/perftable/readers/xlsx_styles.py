"""Which cells of an .xlsx show their number through a number format that changes how it reads: a percentage
(calamine returns 0.9 for a cell showing 90%), or fixed decimals and thousands separators (1273.7 shown as
``1,273.70``, the way perftable writes amounts).

Reads ``xl/styles.xml`` for the cell formats whose number format is a percentage (built-in 9 and 10, or a custom
code with ``%``) or a plain fixed-decimal code (built-in 1-4, or ``#,##0.00``-like custom codes); only when there
are some does it scan the sheets for cells using them. Anything unexpected in the package means "no such cells":
calamine reports real damage itself.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import Element, iterparse

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_BUILTIN_PERCENT = frozenset({9, 10})
_BUILTIN_FIXED = {1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00"}
_FIXED_CODE = re.compile(r"^(?:#,##)?0(?:\.0+)?$")
PERCENT = "%"
_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")


def _is_percent_code(code: str) -> bool:
    unquoted = re.sub(r'"[^"]*"|\\.', "", code)
    return "%" in unquoted


def _format_code(fmt: int, custom: dict[int, str]) -> str | None:
    """``"%"`` for a percentage, a plain fixed-decimal code (``#,##0.00``), or None for any other format."""
    code = custom.get(fmt)
    if fmt in _BUILTIN_PERCENT or (code is not None and _is_percent_code(code)):
        return PERCENT
    code = code if code is not None else _BUILTIN_FIXED.get(fmt)
    return code if code is not None and _FIXED_CODE.match(code) else None


def _format_styles(archive: zipfile.ZipFile) -> dict[str, str]:
    custom: dict[int, str] = {}
    styles: list[int] = []
    in_cell_xfs = False
    with archive.open("xl/styles.xml") as handle:
        for event, element in iterparse(handle, events=("start", "end")):
            tag = element.tag
            if tag == f"{_MAIN}numFmt" and event == "end":
                custom[int(element.get("numFmtId", "-1"))] = element.get("formatCode", "")
            elif tag == f"{_MAIN}cellXfs":
                in_cell_xfs = event == "start"
            elif tag == f"{_MAIN}xf" and event == "end" and in_cell_xfs:
                styles.append(int(element.get("numFmtId", "0")))
    codes = {str(index): _format_code(fmt, custom) for index, fmt in enumerate(styles)}
    return {index: code for index, code in codes.items() if code is not None}


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    targets: dict[str, str] = {}
    with archive.open("xl/_rels/workbook.xml.rels") as handle:
        for _, element in iterparse(handle):
            if element.tag == f"{_PKG_REL}Relationship":
                target = element.get("Target", "")
                path = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
                targets[element.get("Id", "")] = path
    sheets: dict[str, str] = {}
    with archive.open("xl/workbook.xml") as handle:
        for _, element in iterparse(handle):
            if element.tag == f"{_MAIN}sheet":
                sheets[element.get("name", "")] = targets.get(element.get(f"{_REL}id", ""), "")
    return sheets


def _position(ref: str) -> tuple[int, int] | None:
    match = _CELL_REF.match(ref)
    if not match:
        return None
    col = 0
    for ch in match[1]:
        col = col * 26 + ord(ch) - 64
    return int(match[2]) - 1, col - 1


def _scan(element: Element, styles: dict[str, str], found: dict[tuple[int, int], str]) -> None:
    code = styles.get(element.get("s", ""))
    if code is not None and element.get("t") in (None, "n"):
        position = _position(element.get("r", ""))
        if position is not None:
            found[position] = code


def number_formats(path: Path) -> dict[str, dict[tuple[int, int], str]]:
    """Sheet name -> 0-based (row, column) -> format of the numeric cells formatted as percentages (``"%"``) or
    with a plain fixed-decimal code (``"#,##0.00"``)."""
    try:
        with zipfile.ZipFile(path) as archive:
            styles = _format_styles(archive)
            if not styles:
                return {}
            result: dict[str, dict[tuple[int, int], str]] = {}
            for name, member in _sheet_paths(archive).items():
                found: dict[tuple[int, int], str] = {}
                with archive.open(member) as handle:
                    for _, element in iterparse(handle):
                        if element.tag == f"{_MAIN}c":
                            _scan(element, styles, found)
                            element.clear()
                if found:
                    result[name] = found
            return result
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, SyntaxError):
        return {}
