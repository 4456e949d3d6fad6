"""Readers: every format becomes blocks of cells with the right text and the right location."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

import perftable
from perftable.errors import ReadError
from perftable.grid import Origin, Table, TextLine
from perftable.readers import detect_format, read_source
from perftable.readers.decode import decode
from perftable.readers.delimited import read_delimited, sniff_delimiter, tokenize
from perftable.readers.html import read_html
from perftable.readers.markdown import read_markdown, split_row

ORIGIN = Origin("t.md")


def texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def tables(blocks: list[object]) -> list[Table]:
    return [block for block in blocks if isinstance(block, Table)]


# --- markdown ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("| a | b |", ["a", "b"]),
        ("a | b", ["a", "b"]),
        ("| a \\| b | c |", ["a \\| b", "c"]),
        ("|  | x |", ["", "x"]),
        ("| only |", ["only"]),
    ],
)
def test_split_row(line: str, cells: list[str]) -> None:
    assert [text.strip() for text, _ in split_row(line)] == cells


def test_pipe_table_cells_breaks_escapes_and_positions() -> None:
    text = "# 标题2025年\n\n| 名称 | 值 |\n|---|---|\n| 兰溪路<br>工程 | a \\| b &amp; c |\n| 短行 |\n"
    blocks = read_markdown(text, ORIGIN)
    assert isinstance(blocks[0], TextLine) and blocks[0].text == "标题2025年"
    (table,) = tables(blocks)
    assert texts(table) == [["名称", "值"], ["兰溪路\n工程", "a | b & c"], ["短行", ""]]
    cell = table.rows[1][1]
    assert cell.pos == (5, 15)  # line 5, the (1-based) character column where "a" starts
    assert cell.location().line == 5


def test_table_without_delimiter_row_and_two_tables() -> None:
    text = "| a | b |\n| c | d |\n\n说明文字\n\n| e | f |\n"
    blocks = read_markdown(text, ORIGIN)
    assert [type(b).__name__ for b in blocks] == ["Table", "TextLine", "Table"]
    assert texts(tables(blocks)[0]) == [["a", "b"], ["c", "d"]]


def test_table_without_outer_pipes() -> None:
    text = "一级指标 | 二级指标\n---|---\n产出指标 | 数量指标\n"
    (table,) = tables(read_markdown(text, ORIGIN))
    assert texts(table) == [["一级指标", "二级指标"], ["产出指标", "数量指标"]]


def test_bare_pipe_table_without_outer_pipes_or_delimiter_row() -> None:
    text = "说明\n一级指标 | 二级指标 | 三级指标\n产出指标 | 数量指标 | 户数\n\n正文 a|b 不是表\n"
    blocks = read_markdown(text, ORIGIN)
    (table,) = tables(blocks)
    assert texts(table) == [["一级指标", "二级指标", "三级指标"], ["产出指标", "数量指标", "户数"]]
    assert table.rows[1][0].location().line == 3


def test_comments_and_fenced_code_are_not_tables_and_keep_line_numbers() -> None:
    text = (
        "<!-- | 旧 | 表 |\n|---|---| -->\n"
        "```\n| 示例 | 代码 |\n|---|---|\n```\n"
        "| 名称 | 值 |\n|---|---|\n| a | b |\n"
    )
    (table,) = tables(read_markdown(text, ORIGIN))
    assert texts(table) == [["名称", "值"], ["a", "b"]]
    assert table.rows[1][0].location().line == 9


@pytest.mark.parametrize("placeholder", ["NaN", "nan", "None", "<NA>"])
def test_placeholders_written_by_data_tools_read_as_empty(placeholder: str) -> None:
    (table,) = tables(read_markdown(f"| a | b |\n|---|---|\n| x | {placeholder} |\n", ORIGIN))
    assert texts(table)[1] == ["x", ""]
    (table,) = tables(read_delimited(f"a,b\nx,{placeholder}\n", ORIGIN, ","))
    assert texts(table)[1] == ["x", ""]


def test_html_table_inside_markdown_keeps_file_lines() -> None:
    text = (
        '标题\n\n<table>\n<tr><td rowspan="2">绩效指标</td><td>a</td></tr>\n<tr><td>b</td></tr>\n</table>\n'
    )
    blocks = read_markdown(text, ORIGIN)
    (table,) = tables(blocks)
    assert texts(table) == [["绩效指标", "a"], ["绩效指标", "b"]]
    assert table.rows[1][0].merged and table.rows[1][0].pos == (4, 5)
    assert table.rows[1][1].pos[0] == 5


# --- html -------------------------------------------------------------------------------------------------


def test_html_spans_missing_end_tags_and_nested_tables() -> None:
    html = (
        "<p>2024年某某绩效目标表</p><table><tr><th colspan=2>A<th>B"
        "<tr><td>1<td rowspan=5>2<td>3"
        "<tr><td>x<br>y<td><table><tr><td>in</td></tr></table></td></table>"
    )
    blocks = read_html(html, Origin("t.html"))
    assert isinstance(blocks[0], TextLine) and blocks[0].text == "2024年某某绩效目标表"
    (table,) = tables(blocks)
    assert texts(table) == [["A", "A", "B"], ["1", "2", "3"], ["x\ny", "2", "in"]]
    assert table.rows[0][1].merged and not table.rows[0][0].merged


def test_html_bad_span_values_are_tolerated() -> None:
    (table,) = tables(
        read_html("<table><tr><td rowspan='x' colspan='-3'>a</td><td>b</td></tr></table>", ORIGIN)
    )
    assert texts(table) == [["a", "b"]]


# --- csv ----------------------------------------------------------------------------------------------------


def test_csv_quoted_newlines_and_positions() -> None:
    text = 'a,"兰溪路\n工程",c\n"x ""q""",,z\n'
    rows = tokenize(text, ",")
    assert [[value for value, _, _ in row] for row in rows] == [
        ["a", "兰溪路\n工程", "c"],
        ['x "q"', "", "z"],
    ]
    assert rows[1][0][1:] == (3, 1)  # the second record starts on line 3
    assert rows[0][2][1:] == (2, 5)  # "c" sits on line 2 after the quoted newline


@pytest.mark.parametrize(
    ("text", "delimiter"), [("a\tb\tc\n1\t2\t3", "\t"), ("a;b;c\n1;2;3", ";"), ("a,b\n1,2", ",")]
)
def test_sniff_delimiter(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


def test_csv_blank_rows_dropped_and_ragged_rows_padded() -> None:
    (table,) = tables(read_delimited("a,b,c\n,,\nd\n", Origin("t.csv")))
    assert texts(table) == [["a", "b", "c"], ["d", "", ""]]


# --- encodings ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoded",
    [
        "部门名称\r\n".encode("utf-8-sig"),
        "部门名称\r\n".encode("gb18030"),
        "部门名称\r\n".encode("gbk"),
        "部门名称\r\n".encode("utf-16"),
        "部门名称 and more text\r\n".encode("utf-16-le"),
        "部门名称 and more text\r\n".encode("utf-16-be"),
        b"\xef\xbb\xbf" + "部门名称，项目支出绩效目标\r\n".encode("gbk"),  # a UTF-8 mark, then GBK
    ],
)
def test_decode_detects_encodings(encoded: bytes) -> None:
    text, _ = decode(encoded, "x")
    assert text.startswith("部门名称") and "\r" not in text


def test_decode_refuses_binary() -> None:
    with pytest.raises(ReadError, match="cannot decode"):
        decode(bytes(range(256)) * 8, "x")


# --- excel --------------------------------------------------------------------------------------------------


def test_xlsx_merged_cells_offset_grid_and_typed_values(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "目标表"
    sheet["C3"] = "预算整体情况"
    sheet.merge_cells("C3:C5")
    sheet["D3"] = 1273.72
    sheet["D4"] = 14000
    sheet["D5"] = "1,273.72"
    sheet["E3"] = dt.date(2026, 1, 1)
    sheet["E4"] = 0.1 + 0.2
    hidden = workbook.create_sheet("hidden")
    hidden["A1"] = "secret"
    hidden.sheet_state = "hidden"
    path = tmp_path / "t.xlsx"
    workbook.save(path)
    source = read_source(path)
    assert source.format == "xlsx"
    (table,) = source.tables()  # the hidden sheet is skipped
    assert texts(table) == [
        ["预算整体情况", "1273.72", "2026-01-01"],
        ["预算整体情况", "14000", "0.3"],
        ["预算整体情况", "1,273.72", ""],
    ]
    covered = table.rows[2][0]
    assert covered.merged and str(covered.location()) == f"{path}:目标表!C3"
    assert str(table.rows[1][1].location()) == f"{path}:目标表!D4"


def test_workbook_with_two_sheets_gives_two_tables(tmp_path: Path) -> None:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first["A1"] = "a"
    workbook.create_sheet("第二")["B2"] = "b"
    path = tmp_path / "two.xlsx"
    workbook.save(path)
    assert [texts(t) for t in read_source(path).tables()] == [[["a"]], [["b"]]]


def test_format_detected_by_content_when_suffix_lies(tmp_path: Path) -> None:
    path = tmp_path / "table.dat"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "x"
    workbook.save(path)
    assert read_source(path).format == "xlsx"
    assert detect_format(Path("x.txt"), b"<html><table>") == "markdown"
    assert detect_format(Path("x.bin"), b"<table><tr>") == "html"
    assert detect_format(Path("x.xlsx"), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") == "xls"


def test_numbers_formatted_as_percentages_read_as_percentages(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"], sheet["B1"], sheet["C1"], sheet["D1"] = 0.9, 0.955, 0.9, "≥90%"
    sheet["A1"].number_format = "0%"
    sheet["B1"].number_format = "0.0%"
    path = tmp_path / "pct.xlsx"
    workbook.save(path)
    (table,) = read_source(path).tables()
    assert texts(table) == [["90%", "95.5%", "0.9", "≥90%"]]


def test_a_tab_separated_grid_saved_as_txt_is_read_as_tsv() -> None:
    """Excel's 「Unicode 文本」 export: every row with every column's tab, an empty cell kept in its column."""
    rows = [
        ["项目名称", "项目金额", "一级指标", "二级指标", "三级指标", "指标值"],
        ["农村饮水安全巩固提升", "586.30", "产出指标", "数量指标", "维修养护处数", "≥86处"],
        ["", "", "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"],
        ["河道清淤疏浚工程", "678.90", "产出指标", "数量指标", "清淤长度", "≥36公里"],
    ]
    text = "\r\n".join("\t".join(row) for row in rows) + "\r\n"
    docs = perftable.loads(text, "markdown", "export.txt")
    assert [(d.project, len(d.indicators)) for d in docs] == [
        ("农村饮水安全巩固提升", 2),
        ("河道清淤疏浚工程", 1),
    ]


def test_a_number_format_that_prints_words_reads_as_shown(tmp_path: Path) -> None:
    """Custom formats such as "≥"0% or 0.0"万亩" print the comparator and the unit: the cell reads as shown."""
    import openpyxl

    workbook = openpyxl.Workbook()
    ws = workbook.active
    assert ws is not None
    ws.append(["项目名称", "农田建设", "", ""])
    ws.append(["一级指标", "二级指标", "三级指标", "指标值"])
    cases = [(0.9, '"≥"0%', "≥90%"), (186, '"≥"0"处"', "≥186处"), (52.6, '0.0"万亩"', "52.6万亩"),
             (5, '"≤"0"个工作日";"-"0', "≤5个工作日"), (0.955, '"≥"0%', "0.955")]  # fmt: skip
    for number, code, _ in cases:
        ws.append(["产出指标", "数量指标", f"指标{number}", number])
        ws.cell(ws.max_row, 4).number_format = code
    path = tmp_path / "formats.xlsx"
    workbook.save(path)
    (doc,) = perftable.load_all(path)
    # a format that would round the number (95.5% shown as 96%) is not taken: the number is read as stored
    assert [i.value for i in doc.indicators] == [shown for _, _, shown in cases]


# --- ods -----------------------------------------------------------------------------------------------------

_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"'
)


def _ods(path: Path, rows: str, styles: str = "", columns: str = "") -> Path:
    """A hand-written .ods: ``rows`` of one sheet, automatic ``styles`` in content.xml, ``columns`` declarations."""
    import zipfile

    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.3">'
        f"<office:automatic-styles>{styles}</office:automatic-styles><office:body><office:spreadsheet>"
        f'<table:table table:name="表1">{columns}{rows}</table:table></office:spreadsheet></office:body>'
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
    return path


def _cell(value: str, kind: str = "float", style: str = "", shown: str = "") -> str:
    styled = f' table:style-name="{style}"' if style else ""
    return (f'<table:table-cell office:value-type="{kind}" office:value="{value}"{styled}>'
            f"<text:p>{shown or value}</text:p></table:table-cell>")  # fmt: skip


_PERCENT_STYLES = (
    '<number:percentage-style style:name="P1"><number:number number:decimal-places="1"/>'
    "<number:text>%</number:text></number:percentage-style>"
    '<number:percentage-style style:name="P2"><number:text>≥</number:text>'
    '<number:number number:decimal-places="0"/><number:text>%</number:text></number:percentage-style>'
    '<number:number-style style:name="N1"><number:number number:decimal-places="2"/></number:number-style>'
    '<style:style style:name="pct" style:family="table-cell" style:data-style-name="P1"/>'
    '<style:style style:name="atleast" style:family="table-cell" style:data-style-name="P2"/>'
    '<style:style style:name="fixed" style:family="table-cell" style:data-style-name="N1"/>'
)


def test_ods_numbers_shown_as_percentages_read_as_percentages(tmp_path: Path) -> None:
    """A percentage-typed cell, a number in a percentage style (its own, or its column's by default) and one in
    a style that prints words read as shown; empty rows and a merged area before them keep the positions."""
    rows = (
        '<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="5"/>'
        "</table:table-row><table:table-row>"
        '<table:table-cell office:value-type="string" table:number-columns-spanned="2"><text:p>合并</text:p>'
        "</table:table-cell><table:covered-table-cell/>"
        + _cell("0.955", "float", "pct", "95.5%")
        + _cell("0.9", "percentage", shown="90%")
        + _cell("0.9", "float", "atleast", "≥90%")
        + "</table:table-row><table:table-row><table:table-cell/><table:table-cell/>"
        + _cell("0.98", shown="98%")  # no style of its own: its column's
        + "</table:table-row>"
    )
    columns = ('<table:table-column table:number-columns-repeated="2"/>'
               '<table:table-column table:default-cell-style-name="pct"/>')  # fmt: skip
    (table,) = read_source(_ods(tmp_path / "pct.ods", rows, _PERCENT_STYLES, columns)).tables()
    assert [[c for c in row if c] for row in texts(table) if any(row)] == [
        ["合并", "95.5%", "90%", "≥90%"],
        ["98%"],
    ]


def test_ods_numbers_not_shown_as_percentages_keep_their_value(tmp_path: Path) -> None:
    rows = (
        "<table:table-row>"
        + _cell("0.9", "float", "fixed", "0.90")  # a fixed-decimal style is not a percentage
        + _cell("0.9")
        + '<table:table-cell office:value-type="string" table:style-name="pct"><text:p>≥90%</text:p>'
        "</table:table-cell></table:table-row>"
    )
    (table,) = read_source(_ods(tmp_path / "plain.ods", rows, _PERCENT_STYLES)).tables()
    assert texts(table) == [["0.9", "0.9", "≥90%"]]


def test_a_docx_that_is_no_zip_package_is_read_as_what_its_bytes_say(tmp_path: Path) -> None:
    from perftable.readers import detect_format

    page = tmp_path / "saved-as-web-page.docx"
    page.write_text("<html><body><table><tr><td>项目名称</td></tr></table></body></html>", encoding="utf-8")
    assert detect_format(page, page.read_bytes()) == "html"
    assert (
        detect_format(tmp_path / "t.xlsx", b"plain text") == "xlsx"
    )  # a workbook's suffix is taken at its word


def test_a_readers_missing_library_is_named_with_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from perftable import readers
    from perftable.errors import ReadError

    def missing(item: readers.Input) -> list[object]:
        raise ModuleNotFoundError("No module named 'python_calamine'")

    monkeypatch.setitem(readers.READERS, "xlsx", dataclasses.replace(readers.READERS["xlsx"], read=missing))
    workbook = tmp_path / "a.xlsx"
    workbook.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(
        ReadError, match=r"reading xlsx files needs python-calamine: pip install python-calamine"
    ):
        readers.read_source(workbook)
