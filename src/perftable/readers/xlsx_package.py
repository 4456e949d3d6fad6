"""A look inside an .xlsx package before python-calamine loads it, for two things calamine does not give:

* **safety**: calamine builds a dense grid from the first to the last used cell, so a tiny file with cells at A1
  and Z1000000 (or a zip bomb) would take gigabytes. The package's uncompressed size and each sheet's used area are
  checked against the limits first, streaming, in bounded memory;
* **number formats**: a number shown as ``90%`` is stored as ``0.9``, and one shown as ``1,273.70`` (a fixed-decimal
  format such as ``#,##0.00``, the way perftable writes amounts) as ``1273.7``; the cells with such formats are
  found from ``xl/styles.xml`` (only when the workbook has such formats), so that the reader can show them as
  they are shown.

XML is parsed with defusedxml (no entity expansion, no external entities).
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree as SafeTree

from perftable.errors import ReadError
from perftable.readers.opening import check_unzipped

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_BUILTIN_PERCENT = frozenset({9, 10})
_BUILTIN_FIXED = {1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00"}
_FIXED_CODE = re.compile(r"^(?:#,##)?0(?:\.0+)?$")
PERCENT = "%"
_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    max_cells: int
    max_unzipped: int


@dataclass
class SheetFacts:
    rows: int = 0
    cols: int = 0
    formats: dict[tuple[int, int], str] = field(default_factory=dict)  # cell -> "%" or a code like "#,##0.00"
    # cells whose formula has no computed value saved with it (a workbook written by a tool that does not compute)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)


def _column(letters: bytes | str) -> int:
    col = 0
    for ch in letters if isinstance(letters, str) else letters.decode("ascii"):
        col = col * 26 + ord(ch) - 64
    return col


def _is_percent_code(code: str) -> bool:
    return "%" in re.sub(r'"[^"]*"|\\.', "", code)


# A number format that prints words around the number: "≥"0%, "≥"0"处", 0.0"万亩", "≤"0"个工作日" (its first
# section: a positive number's). Its words are part of the value a reader sees.
LITERAL_CODE = re.compile(
    r'^(?P<pre>(?:"[^"]{0,20}")*)(?P<core>(?:#,##)?0(?:\.0{1,6})?)(?P<percent>%?)(?P<post>(?:"[^"]{0,20}")*)$'
)


def _format_code(fmt: int, custom: dict[int, str]) -> str | None:
    """``"%"`` for a percentage, a plain fixed-decimal code (``#,##0.00``), a code that prints words around the
    number (:data:`LITERAL_CODE`), or None for any other format."""
    code = custom.get(fmt)
    if code is not None and '"' in code and LITERAL_CODE.match(code.split(";")[0]):
        return code.split(";")[0]
    if fmt in _BUILTIN_PERCENT or (code is not None and _is_percent_code(code)):
        return PERCENT
    code = code if code is not None else _BUILTIN_FIXED.get(fmt)
    return code if code is not None and _FIXED_CODE.match(code) else None


# Number formats the reader shows as printed: built-in 1-4 (fixed decimals), 9-10 (percent), custom ones (164+).
_INTERESTING_FORMATS = re.compile(rb'numFmtId="(?:[1-49]|10|1[6-9]\d|[2-9]\d\d|\d{4,})"')


def _format_styles(archive: zipfile.ZipFile) -> dict[str, str]:
    data = archive.read("xl/styles.xml")
    if not _INTERESTING_FORMATS.search(data):
        return {}  # the usual case, decided without parsing
    custom: dict[int, str] = {}
    styles: list[int] = []
    in_cell_xfs = False
    with io.BytesIO(data) as handle:
        for event, element in SafeTree.iterparse(handle, events=("start", "end")):
            tag = element.tag
            if tag == f"{_MAIN}numFmt" and event == "end":
                custom[int(element.get("numFmtId", "-1"))] = element.get("formatCode", "")
            elif tag == f"{_MAIN}cellXfs":
                in_cell_xfs = event == "start"
            elif tag == f"{_MAIN}xf" and event == "end" and in_cell_xfs:
                styles.append(int(element.get("numFmtId", "0")))
    codes = {str(index): _format_code(fmt, custom) for index, fmt in enumerate(styles)}
    return {index: code for index, code in codes.items() if code is not None}


_RELATION = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")
_ATTRIBUTE = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')


def _attributes(text: bytes) -> dict[str, str]:
    return {
        name.decode().split(":")[-1]: value.decode("utf-8", "replace")
        for name, value in _ATTRIBUTE.findall(text)
    }


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its member in the package (read with regular expressions: these parts are small and flat)."""
    targets: dict[str, str] = {}
    for match in _RELATION.finditer(archive.read("xl/_rels/workbook.xml.rels")):
        attributes = _attributes(match[1])
        target = attributes.get("Target", "")
        targets[attributes.get("Id", "")] = (
            target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        )
    sheets: dict[str, str] = {}
    for match in _SHEET.finditer(archive.read("xl/workbook.xml")):
        attributes = _attributes(match[1])
        sheets[html.unescape(attributes.get("name", ""))] = targets.get(attributes.get("id", ""), "")
    return sheets


# A cell that holds a formula and no value: <c r="E9"><f>E7+E8</f></c> (no <v>, or an empty one).
_UNCACHED = re.compile(
    rb'<(?:\w+:)?c\b[^>]{0,1000}?\br="([A-Z]{1,3})(\d{1,7})"[^>]{0,1000}>\s*<(?:\w+:)?f\b[^>]{0,1000}>'
    rb"([^<]{0,2000})</(?:\w+:)?f>"
    rb"\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_TAIL = 4096  # bytes kept from one chunk to the next, so that a cell cut by a chunk boundary is still found


def _used_area(
    archive: zipfile.ZipFile, member: str, max_cells: int
) -> tuple[int, int, dict[tuple[int, int], str]]:
    """The last used row and column of a sheet, and the cells whose formula has no saved value, reading its XML
    in chunks. A cell or row without its reference (``r="C5"``) comes after the one before it, as calamine places
    it: counted too, so that a sheet of unreferenced cells cannot pass for a small one. Stops reading as soon as
    the area is over ``max_cells``."""
    area = _Area()
    formulas: dict[tuple[int, int], str] = {}
    tail = carry = b""
    with archive.open(member) as handle:
        while chunk := handle.read(_CHUNK):
            data = carry + chunk
            cut = data.rfind(b">") + 1  # tags are read whole: the rest waits for the next chunk
            area.scan(data[:cut])
            if area.rows * area.cols > max_cells:
                break
            carry = data[cut:][-_TAIL:]
            if b"<f" in chunk or b"<f" in tail:
                for letters_b, digits_b, formula in _UNCACHED.findall(tail + chunk):
                    pos = (int(digits_b) - 1, _column(letters_b) - 1)
                    formulas[pos] = html.unescape(formula.decode("utf-8", "replace"))
            tail = (tail + chunk)[-_TAIL:]
    return area.rows, area.cols, formulas


# A row or cell start tag and its attributes (``<c`` is not ``<col``, ``<row`` is not ``<rowBreaks``).
_TAG = re.compile(rb"<(?:\w{1,20}:)?(row|c)\b([^>]{0,4000})")
_R_ATTRIBUTE = re.compile(rb'\br="([A-Z]{0,3})(\d{1,7})"')


@dataclass
class _Area:
    """Rows and columns a sheet's cells reach, cells without a reference placed after the one before."""

    rows: int = 0
    cols: int = 0
    row: int = 0
    col: int = 0

    def scan(self, data: bytes) -> None:
        for tag, attributes in _TAG.findall(data):
            ref = _R_ATTRIBUTE.search(attributes)
            if tag == b"row":
                self.row = int(ref[2]) if ref else self.row + 1
                self.col = 0
            else:
                self.col = _column(ref[1]) if ref and ref[1] else self.col + 1
                if ref and ref[1]:
                    self.row = int(ref[2])
                self.rows = max(self.rows, self.row)
                self.cols = max(self.cols, self.col)


def _format_cells(
    archive: zipfile.ZipFile, member: str, styles: dict[str, str]
) -> dict[tuple[int, int], str]:
    found: dict[tuple[int, int], str] = {}
    with archive.open(member) as handle:
        for _, element in SafeTree.iterparse(handle):
            if element.tag == f"{_MAIN}c":
                code = styles.get(element.get("s", ""))
                if code is not None and element.get("t") in (None, "n"):
                    match = _CELL_REF.match(element.get("r", ""))
                    if match:
                        found[(int(match[2]) - 1, _column(match[1]) - 1)] = code
                element.clear()
    return found


# What a damaged package raises while being read; calamine then reports the damage in its own words.
_DAMAGE = (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile, zlib.error, SyntaxError, NotImplementedError,
           RuntimeError, SafeTree.ParseError)  # fmt: skip


def inspect(path: Path, display: str, limits: Limits) -> dict[str, SheetFacts]:
    """Sheet name -> used area and number-formatted cells. Raises :class:`ReadError` when a limit is exceeded; returns
    what it could when the package is damaged or unusual (calamine then reports real damage itself)."""
    facts: dict[str, SheetFacts] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            check_unzipped(archive, display, limits.max_unzipped, "workbook")
            sheets = _sheet_paths(archive)
            styles = _format_styles(archive) if "xl/styles.xml" in archive.namelist() else {}
            for name, member in sheets.items():
                rows, cols, formulas = _used_area(archive, member, limits.max_cells)
                if rows * cols > limits.max_cells:
                    raise ReadError(
                        display,
                        f"sheet {name!r} spans at least {rows:,} rows × {cols:,} columns = {rows * cols:,} cells, over the "
                        f"limit of {limits.max_cells:,} (raise it with --max-cells)",
                        "too-large",
                    )
                formats = _format_cells(archive, member, styles) if styles else {}
                facts[name] = SheetFacts(rows, cols, formats, formulas)
    except _DAMAGE:
        return facts
    return facts
