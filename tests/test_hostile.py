"""Hostile and broken input: nothing crashes, nothing leaks, nothing is lost. Every file here is made by the test.

Each case ends in a parsed model or a P001 with exit code 2 and one line on stderr, never a traceback; limits
refuse what would exhaust memory, with a message naming the limit and the option that raises it.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

import perftable
from perftable.errors import ReadError
from perftable.readers import DEFAULT_OPTIONS, ReadOptions, read_source
from perftable.rules import resolve_rule

from .conftest import ROOT, SAMPLES
from .invoke import Ran
from .invoke import run_cli as cli_run

SEED = (SAMPLES / "guangdong-department" / "lianjiang-2024.md").read_text(encoding="utf-8")
XLSX = (SAMPLES / "formats" / "lianjiang-clean.xlsx").read_bytes()
REGRESSIONS = Path(__file__).parent / "hostile"


def run_cli(*args: str, **kwargs: Any) -> Ran:
    """The shared runner, its output read leniently: these tests must see perftable's own message about bad input,
    never a decoding error of the test itself."""
    return cli_run(*args, errors="replace", **kwargs)


# A model, or a ReadError of a kind P001 can say in both languages: anything else (an exception) is a crash.
CLEAN_OUTCOMES = frozenset({"ok"} | (set(resolve_rule("P001").messages) - {"other"}))


def outcome(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> str:
    """``ok`` or the ReadError kind; any other exception fails the test."""
    try:
        perftable.load_all(path, options)
    except ReadError as error:
        return error.kind
    return "ok"


def rewrite_xlsx(source: bytes, change: dict[str, bytes | None]) -> bytes:
    """A copy of a workbook with some members replaced (None removes one)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = change.get(info.filename, old.read(info))
            if data is not None:
                new.writestr(info.filename, data)
        for name, data in change.items():
            if name not in old.namelist() and data is not None:
                new.writestr(name, data)
    return out.getvalue()


# --- damaged markdown (fuzzing) ---------------------------------------------------------------------------------

LINES = SEED.split("\n")


@st.composite
def damaged_markdown(draw: st.DrawFn) -> bytes:
    lines = list(LINES)
    for _ in range(draw(st.integers(0, 6))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["shift", "drop-cell", "duplicate", "delete", "bytes", "truncate"]))
        line = lines[index]
        if action == "shift":
            lines[index] = "|  " + line if draw(st.booleans()) else line.replace("|", "", 1)
        elif action == "drop-cell" and line.count("|") > 2:
            cells = line.split("|")
            del cells[draw(st.integers(1, len(cells) - 2))]
            lines[index] = "|".join(cells)
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "delete":
            del lines[index]
        elif action == "truncate":
            lines[index] = line[: draw(st.integers(0, len(line)))]
        else:
            lines[index] = line + draw(st.binary(max_size=12)).decode("latin-1")
    text = "\n".join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    data = text.encode(encoding, errors="ignore")
    if draw(st.booleans()):  # a mixed-encoding splice
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + "产出指标".encode("gbk") + data[cut:]
    return data


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(damaged_markdown())
def test_damaged_markdown_gives_a_model_or_a_clean_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "damaged.md"
    path.write_bytes(data)
    assert outcome(path) in CLEAN_OUTCOMES


@st.composite
def damaged_xlsx(draw: st.DrawFn) -> bytes:
    action = draw(st.sampled_from(["truncate", "flip", "content-types", "drop-member", "garbage-xml"]))
    if action == "truncate":
        return XLSX[: draw(st.integers(0, len(XLSX) - 1))]
    if action == "flip":
        data = bytearray(XLSX)
        for _ in range(draw(st.integers(1, 20))):
            data[draw(st.integers(0, len(data) - 1))] ^= draw(st.integers(1, 255))
        return bytes(data)
    members = zipfile.ZipFile(io.BytesIO(XLSX)).namelist()
    member = draw(st.sampled_from(members))
    if action == "content-types":
        return rewrite_xlsx(XLSX, {"[Content_Types].xml": b"<Types>nonsense</Types>"})
    if action == "drop-member":
        return rewrite_xlsx(XLSX, {member: None})
    return rewrite_xlsx(XLSX, {member: draw(st.binary(max_size=200))})


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(damaged_xlsx())
def test_damaged_workbooks_give_a_model_or_a_clean_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "damaged.xlsx"
    path.write_bytes(data)
    assert outcome(path) in CLEAN_OUTCOMES


@pytest.mark.parametrize("case", sorted(REGRESSIONS.glob("*")), ids=lambda p: p.name)
def test_found_cases_stay_fixed(case: Path) -> None:
    """Inputs that once crashed perftable (kept from fuzzing): each must now end cleanly."""
    result = run_cli("validate", str(case), "--isolated", "--format", "concise")
    assert result.returncode in (0, 1, 2) and "Traceback" not in result.stderr


# --- hostile workbooks ------------------------------------------------------------------------------------------


def _sheet(cells: str) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData>' + cells.encode() + b"</sheetData></worksheet>"
    )


def test_zip_bomb_is_refused_before_loading(tmp_path: Path) -> None:
    padding = " " * 8_000_000  # 8 MB of blanks that deflate to a few kilobytes
    bomb = rewrite_xlsx(XLSX, {"xl/worksheets/sheet1.xml": _sheet(f'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>{padding}')})  # fmt: skip
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(bomb)
    assert path.stat().st_size < 100_000
    with pytest.raises(ReadError, match=r"unpacks to .* over the limit .* --max-unzipped"):
        read_source(path, options=ReadOptions(max_unzipped=4_000_000))
    result = run_cli("validate", str(path), "--isolated", "--max-unzipped", "4MB")
    assert result.returncode == 2 and "P001" in result.stdout and "Traceback" not in result.stderr


def _far_sheet(folder: Path) -> Path:
    far = _sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>一级指标</t></is></c></row>'
                 '<row r="1048576"><c r="B1048576" t="inlineStr"><is><t>x</t></is></c></row>')  # fmt: skip
    path = folder / "far.xlsx"
    path.write_bytes(rewrite_xlsx(XLSX, {"xl/worksheets/sheet1.xml": far}))
    return path


def test_sheet_spanning_a_million_rows_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=r"1,048,576 rows × 2 columns .* --max-cells"):
        read_source(_far_sheet(tmp_path))


@pytest.mark.slow  # two million cells read: seconds
def test_sheet_spanning_a_million_rows_is_read_under_a_raised_limit(tmp_path: Path) -> None:
    assert outcome(_far_sheet(tmp_path), ReadOptions(max_cells=3_000_000)) == "no-table"  # read, then judged


def test_lying_dimension_claim_is_harmless(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "x"
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").replace(b'ref="A1"', b'ref="A1:XFD1048576"')
    path = tmp_path / "claim.xlsx"
    path.write_bytes(rewrite_xlsx(data, {"xl/worksheets/sheet1.xml": xml}))
    assert [len(t.rows) for t in read_source(path).tables()] == [1]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1">
<numFmt numFmtId="200" formatCode="&lol9;%"/></numFmts></styleSheet>"""


@pytest.mark.parametrize("member", ["xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"])
def test_entity_expansion_is_not_expanded(tmp_path: Path, member: str) -> None:
    path = tmp_path / "lolz.xlsx"
    path.write_bytes(rewrite_xlsx(XLSX, {member: BILLION_LAUGHS}))
    started = time.perf_counter()
    assert outcome(path) in ("ok", "spreadsheet", "no-table")
    assert time.perf_counter() - started < 10


def test_big_markdown_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(SEED.encode("utf-8") * 5)
    result = run_cli("validate", str(path), "--isolated", "--max-file-size", "10KB")
    assert result.returncode == 2 and "over the limit of 10,000" in result.stdout + result.stderr
    assert outcome(path) == "ok"  # under the default limit it is read


def test_sheet_over_the_cell_limit_in_a_legacy_workbook_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="--max-cells"):
        read_source(SAMPLES / "formats" / "lianjiang-clean.xls", options=ReadOptions(max_cells=50))


# --- interruption -----------------------------------------------------------------------------------------------


def test_ctrl_c_leaves_no_half_written_report(tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    folder.mkdir()
    for index in range(400):
        (folder / f"t{index:03}.md").write_text(SEED, encoding="utf-8")
    out = tmp_path / "report.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "perftable", "validate", str(folder), "--isolated", "--jobs", "2", "--format", "json",
         "-o", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )  # fmt: skip
    time.sleep(2.5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    if process.returncode in (0, 1):  # the machine was fast enough to finish first: then the report is whole
        assert out.exists()
        return
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "interrupted" in stderr
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == ["tables"]


@pytest.mark.parametrize(
    "command",
    [
        ["parse"],
        ["validate", "--isolated"],
        ["render", "--to", "json"],
        ["export", "-o", "{out}"],
        ["diff", "{seed}"],
    ],
    ids=lambda c: c[0],
)
def test_every_reading_command_honours_the_limits(command: list[str], tmp_path: Path) -> None:
    seed = str(SAMPLES / "guangdong-department" / "lianjiang-2024.md")
    args = [a.format(out=tmp_path / "x.csv", seed=seed) for a in command]
    result = run_cli(*args[:1], seed, *args[1:], "--max-file-size", "1KB")
    assert result.returncode == 2 and "over the limit of 1,000" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
