"""The Word reader on hand-made tables: merges, rows that start late, nested tables, content controls, breaks."""

from __future__ import annotations

from typing import TYPE_CHECKING

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from perftable.grid import Table, TextLine
from perftable.readers import read_source

if TYPE_CHECKING:
    from pathlib import Path

W = nsdecls("w")


def _cell(text: str, props: str = "") -> str:
    runs = "".join(
        f"<w:p><w:r><w:t xml:space='preserve'>{line}</w:t></w:r></w:p>" for line in text.split("\n")
    )
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{runs}</w:tc>"


def _document_with(tmp_path: Path, body_xml: str) -> Path:
    document = docx.Document()
    body = document.element.body
    for element in parse_xml(f"<w:body {W}>{body_xml}</w:body>"):
        body.insert(len(body) - 1, element)  # before the section properties
    path = tmp_path / "t.docx"
    document.save(str(path))
    return path


def _table(rows: str, columns: int = 3) -> str:
    grid = "".join("<w:gridCol/>" for _ in range(columns))
    return f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"


def test_merges_late_rows_and_nested_tables(tmp_path: Path) -> None:
    nested = _table(f"<w:tr>{_cell('x')}{_cell('y')}</w:tr><w:tr>{_cell('z')}</w:tr>", 2)
    span, restart, cont, two_lines = (
        "<w:gridSpan w:val='2'/>",
        "<w:vMerge w:val='restart'/>",
        "<w:vMerge/>",
        "1\n2",
    )
    rows = (
        f"<w:tr>{_cell('a', span)}{_cell('b', restart)}</w:tr>"
        f"<w:tr><w:trPr><w:gridBefore w:val='1'/></w:trPr>{_cell('c')}{_cell('', cont)}</w:tr>"
        f"<w:tr>{_cell(two_lines)}<w:tc><w:p/>{nested}</w:tc>{_cell('', cont)}</w:tr>"
    )
    path = _document_with(
        tmp_path, f"<w:p><w:r><w:t>Title</w:t><w:br/><w:t>2026</w:t></w:r></w:p>{_table(rows)}"
    )
    blocks = read_source(path).blocks
    lines = [block for block in blocks if isinstance(block, TextLine)]
    assert [(line.text, line.cell.pos) for line in lines[:2]] == [("Title", (1, 1)), ("2026", (1, 1))]
    table = next(block for block in blocks if isinstance(block, Table))
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["a", "a", "b"],
        ["", "c", "b"],
        ["1\n2", "x y\nz", "b"],
    ]
    assert [cell.merged for cell in table.rows[2]] == [False, False, True]
    assert {table.rows[r][2].pos for r in range(3)} == {(1, 3)}
    assert str(table.rows[1][1].location()) == f"{path}:t1:r2:c2"


def test_content_controls_tracked_insertions_and_deleted_text(tmp_path: Path) -> None:
    paragraph = (
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>项目支出</w:t></w:r>"
        "<w:ins><w:r><w:t>绩效目标表</w:t></w:r></w:ins><w:del><w:r><w:delText>草稿</w:delText></w:r></w:del>"
        "</w:p></w:sdtContent></w:sdt>"
    )
    row = f"<w:tr><w:sdt><w:sdtContent>{_cell('项目名称')}</w:sdtContent></w:sdt>{_cell('某项目')}</w:tr>"
    blocks = read_source(_document_with(tmp_path, paragraph + _table(row, 2))).blocks
    assert isinstance(blocks[0], TextLine) and blocks[0].text == "项目支出绩效目标表"
    table = next(block for block in blocks if isinstance(block, Table))
    assert [cell.text for cell in table.rows[0]] == ["项目名称", "某项目"]


def test_vertical_merge_without_a_cell_above_is_a_plain_cell(tmp_path: Path) -> None:
    rows = f"<w:tr>{_cell('', '<w:vMerge/>')}{_cell('a')}</w:tr>"
    table = next(
        b for b in read_source(_document_with(tmp_path, _table(rows, 2))).blocks if isinstance(b, Table)
    )
    assert [(cell.text, cell.merged) for cell in table.rows[0]] == [("", False), ("a", False)]
