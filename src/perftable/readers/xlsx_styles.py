"""Which cells of an .xlsx show their number as a percentage (calamine returns 0.9 for a cell showing 90%).

Reads ``xl/styles.xml`` for the cell formats whose number format is a percentage (built-in 9 and 10, or a custom
code with ``%``); only when there are some does it scan the sheets for cells using them. Anything unexpected in
the package means "no percentage cells": calamine reports real damage itself.
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
_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")


def _is_percent_code(code: str) -> bool:
    unquoted = re.sub(r'"[^"]*"|\\.', "", code)
    return "%" in unquoted


def _percent_styles(archive: zipfile.ZipFile) -> frozenset[str]:
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
    return frozenset(
        str(index)
        for index, fmt in enumerate(styles)
        if fmt in _BUILTIN_PERCENT or (fmt in custom and _is_percent_code(custom[fmt]))
    )


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


def _scan(element: Element, percent: frozenset[str], found: set[tuple[int, int]]) -> None:
    if element.get("s") in percent and element.get("t") in (None, "n"):
        position = _position(element.get("r", ""))
        if position is not None:
            found.add(position)


def percent_cells(path: Path) -> dict[str, frozenset[tuple[int, int]]]:
    """Sheet name -> 0-based (row, column) of the numeric cells formatted as percentages."""
    try:
        with zipfile.ZipFile(path) as archive:
            percent = _percent_styles(archive)
            if not percent:
                return {}
            result: dict[str, frozenset[tuple[int, int]]] = {}
            for name, member in _sheet_paths(archive).items():
                found: set[tuple[int, int]] = set()
                with archive.open(member) as handle:
                    for _, element in iterparse(handle):
                        if element.tag == f"{_MAIN}c":
                            _scan(element, percent, found)
                            element.clear()
                if found:
                    result[name] = frozenset(found)
            return result
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, SyntaxError):
        return {}
