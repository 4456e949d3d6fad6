"""The Word reader on hand-made tables: merges, rows that start late, nested tables, content controls, breaks."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

import perftable
from perftable.grid import Table, TextLine
from perftable.readers import read_source
from perftable.readers.docx import _format_number

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
        ["1\n2", "", "b"],
    ]
    assert [cell.merged for cell in table.rows[2]] == [False, False, True]
    assert {table.rows[r][2].pos for r in range(3)} == {(1, 3)}
    assert str(table.rows[1][1].location()) == f"{path}:t1:r2:c2"
    inner = [block for block in blocks if isinstance(block, Table)][1]  # the nested grid, after its holder
    assert [[cell.text for cell in row] for row in inner.rows] == [["x", "y"], ["z", ""]]
    assert inner.rows[0][0].origin.table == 2


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


def test_a_table_nested_in_a_cell_is_read_as_a_table_after_its_holder(tmp_path: Path) -> None:
    """Indicators printed as a table inside the 绩效指标 cell: read as a table of their own after the form's
    table, so that the form has its indicators (a box around one line of text stays text)."""
    import perftable

    document = docx.Document()
    document.add_paragraph("项目支出绩效目标表（2025年度）")
    form = document.add_table(rows=3, cols=2)
    form.cell(0, 0).text, form.cell(0, 1).text = "项目名称", "乡村文化活动"
    form.cell(1, 0).text, form.cell(1, 1).text = "年度资金总额", "30"
    form.cell(2, 0).text = "绩效指标"
    inner = form.cell(2, 1).add_table(rows=3, cols=4)
    for r, row in enumerate(
        [("一级指标", "二级指标", "三级指标", "指标值"), ("产出指标", "数量指标", "演出场次", "≥12场"),
         ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")]
    ):  # fmt: skip
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    box = form.cell(0, 1).add_table(rows=1, cols=1)
    box.cell(0, 0).text = "（重点项目）"
    path = tmp_path / "nested.docx"
    document.save(path)
    tables = [block for block in read_source(path).blocks if isinstance(block, Table)]
    assert [(t.rows[0][0].origin.table, t.rows[0][0].text) for t in tables] == [
        (1, "项目名称"),
        (2, "一级指标"),
    ]
    assert "（重点项目）" in tables[0].rows[0][1].text
    doc = perftable.load(path)
    assert (doc.project, doc.amount("annual_total")) == ("乡村文化活动（重点项目）", Decimal("30"))
    assert [(i.name, i.value) for i in doc.indicators] == [("演出场次", "≥12场"), ("群众满意度", "≥90%")]


def test_a_title_and_year_printed_only_in_the_page_header_are_read(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "2026年项目支出绩效目标表"
    rows = [
        ["项目名称", "农村饮水安全巩固提升", "", ""],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "维修养护处数", "≥86处"],
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            table.cell(r, c).text = text
    path = tmp_path / "header.docx"
    document.save(str(path))
    (doc,) = perftable.load_all(path)
    assert (doc.title, doc.year, doc.kind, doc.project) == (
        "2026年项目支出绩效目标表",
        2026,
        "project",
        "农村饮水安全巩固提升",
    )


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def test_a_goal_boxed_in_a_one_cell_table_under_its_label_is_the_forms_goal(tmp_path: Path) -> None:
    """Word forms print 绩效目标 as a line, then the goal in a box (a table of one cell, here merged over three
    grid columns), after the indicator table as well as before it. A box under a line that is no label is not."""
    indicators = _table(
        f"<w:tr>{_cell('一级指标')}{_cell('二级指标')}{_cell('三级指标')}{_cell('指标值')}</w:tr>"
        f"<w:tr>{_cell('产出指标')}{_cell('数量指标')}{_cell('培训农民人数')}{_cell('≥600人')}</w:tr>",
        4,
    )
    span = "<w:gridSpan w:val='3'/>"
    box = _table(f"<w:tr>{_cell('1.培训农民600人；2.学员满意度达到90%。', span)}</w:tr>")
    note = _table(f"<w:tr>{_cell('本表金额为预算数。')}</w:tr>", 1)
    path = _document_with(
        tmp_path,
        _paragraph("2026年项目支出绩效目标表")
        + _table(f"<w:tr>{_cell('项目名称')}{_cell('高素质农民培育')}</w:tr>", 2)
        + _paragraph("年度绩效指标")
        + indicators
        + _paragraph("绩效目标：")
        + box
        + _paragraph("填报说明")
        + note,
    )
    (doc,) = perftable.load_all(path)
    assert doc.goals == ["1.培训农民600人；", "2.学员满意度达到90%。"]
    assert (doc.locations["goals"].table, doc.locations["goals"].row) == (3, 1)
    assert [i.name for i in doc.indicators] == ["培训农民人数"]


def test_text_moved_away_by_a_tracked_move_is_not_read_where_it_was() -> None:
    from lxml import etree

    from perftable.readers.docx import paragraph_text

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    paragraph = etree.fromstring(
        f'<w:p xmlns:w="{w}"><w:r><w:t>全年供餐200天，</w:t></w:r>'
        '<w:moveFrom w:id="1" w:author="a"><w:r><w:t>确保食品安全零事故。</w:t></w:r></w:moveFrom>'
        '<w:moveTo w:id="2" w:author="a"><w:r><w:t>食品安全零事故。</w:t></w:r></w:moveTo></w:p>'
    )
    assert paragraph_text(paragraph) == "全年供餐200天，食品安全零事故。"


def _goal_form(tmp_path: Path, style: str, goals: list[str]) -> Path:
    document = docx.Document()
    table = document.add_table(rows=4, cols=4)
    rows = [
        ["项目名称", "城区道路养护", "", ""],
        ["年度绩效目标", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "养护道路里程", "≥36公里"],
    ]
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    cell = table.rows[1].cells[1]
    cell.paragraphs[0].text = goals[0]
    cell.paragraphs[0].style = document.styles[style]
    for goal in goals[1:]:
        cell.add_paragraph(goal, style=style)
    path = tmp_path / "goals.docx"
    document.save(str(path))
    return path


def test_word_list_numbers_are_printed_before_their_paragraphs(tmp_path: Path) -> None:
    """Goals typed as a Word numbered list (List Number): Word prints 1. 2. 3., which are not in the text. Without
    them the three goals read as one."""
    goals = ["养护城区道路36公里", "道路完好率95%以上", "市民满意度90%以上"]
    (doc,) = perftable.load_all(_goal_form(tmp_path, "List Number", goals))
    assert doc.goals == ["1.养护城区道路36公里", "2.道路完好率95%以上", "3.市民满意度90%以上"]


def test_word_bullets_print_a_bullet_and_keep_the_items_apart(tmp_path: Path) -> None:
    goals = ["养护城区道路36公里。", "道路完好率95%以上。"]
    (doc,) = perftable.load_all(_goal_form(tmp_path, "List Bullet", goals))
    assert doc.goals == ["•养护城区道路36公里。", "•道路完好率95%以上。"]  # no number made up


def test_list_number_formats() -> None:
    assert [_format_number(n, "chineseCounting") for n in (1, 10, 12, 20, 35)] == [
        "一",
        "十",
        "十二",
        "二十",
        "三十五",
    ]
    assert [_format_number(n, "decimalEnclosedCircle") for n in (1, 20)] == ["①", "⑳"]
    assert [_format_number(3, "upperLetter"), _format_number(3, "decimal"), _format_number(3, "ordinal")] == [
        "C",
        "3",
        "3",
    ]
