"""Files holding several tables of several kinds: tables that are not 绩效目标表 are skipped and counted, and
leave the forms before and after them untouched. Also the --pages range parser shared by the commands."""

from __future__ import annotations

import pytest

import perftable
from perftable.cli.options import OPEN_END, parse_pages
from perftable.extract import extraction
from perftable.grid import Origin, Source
from perftable.readers import parse_text

from .conftest import SAMPLES
from .test_formats import content

HUNAN = (SAMPLES / "hunan-department" / "minzheng-2024.md").read_text(encoding="utf-8")
TOTALS = """
二、收支预算总表

| 收入 | | 支出 | |
|---|---|---|---|
| 项目 | 预算数 | 项目 | 预算数 |
| 一、一般公共预算拨款收入 | 1,480.36 | 一、一般公共服务支出 | 120.50 |
| 本年收入合计 | 1,520.36 | 本年支出合计 | 1,520.36 |
"""
SUBJECTS = """
| 科目编码 | 科目名称 | 金额 |
|---|---|---|
| 201 | 一般公共服务支出 | 100 |
| 208 | 社会保障和就业支出 | 200 |
"""


def read(text: str) -> tuple[list[perftable.Document], int]:
    result = extraction(Source("x.md", "markdown", parse_text(text, "markdown", Origin("x.md"))))
    return result.documents, result.skipped


@pytest.mark.parametrize(
    ("text", "tables"),
    [
        (SUBJECTS + "\n" + HUNAN, 1),  # before the form: its rows must not become the form's info
        (HUNAN + "\n" + TOTALS, 1),  # after the form: its rows must not become indicators
        (SUBJECTS + "\n" + HUNAN + "\n" + TOTALS + "\n" + SUBJECTS, 3),
    ],
)
def test_other_tables_leave_the_form_untouched_and_are_counted(text: str, tables: int) -> None:
    documents, skipped = read(text)
    assert [content(doc) for doc in documents] == [content(perftable.loads(HUNAN)[0])]
    assert skipped == tables


def test_a_form_continued_in_a_second_table_stays_one_form() -> None:
    """A converter splits a form at a page break: the continuation starts with flattened (empty) merged cells."""
    lines = HUNAN.rstrip("\n").split("\n")
    split = len(lines) - 3
    text = "\n".join([*lines[:split], "", "- 2 -", "", *lines[split:]]) + "\n"
    documents, skipped = read(text)
    assert len(documents) == 1 and skipped == 0
    assert len(documents[0].indicators) == len(perftable.loads(HUNAN)[0].indicators)


def test_text_lines_alone_are_no_skipped_table() -> None:
    assert read("前言\n\n" + HUNAN)[1] == 0


@pytest.mark.parametrize(
    ("text", "pages"), [("40-52", (40, 52)), ("7", (7, 7)), (" 3 - 5 ", (3, 5)), ("40-", (40, OPEN_END))]
)
def test_parse_pages(text: str, pages: tuple[int, int]) -> None:
    assert parse_pages(text) == pages


@pytest.mark.parametrize("text", ["", "x", "0-3", "5-2", "1-2-3", "-4"])
def test_parse_pages_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="not a page range"):
        parse_pages(text)


REPEATED = """
# 2026年项目支出绩效目标表

| 项目名称 | 城区道路养护 | | |
|---|---|---|---|
| 主管部门 | 某区城市管理局 | 实施单位 | 某区市政养护所 |
| 年度资金总额 | 520.00 | | |
| 年度绩效目标 | 养护城区道路36公里。 | | |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 养护道路里程 | ≥36公里 |
|  | 质量指标 | 道路完好率 | ≥95% |
{repeat}
|  | 时效指标 | 养护完成时间 | 2026年12月底前 |
| 效益指标 | 社会效益指标 | 市民出行条件 | 持续改善 |
| 满意度指标 | 服务对象满意度指标 | 市民满意度 | ≥90% |
"""


@pytest.mark.parametrize(
    "repeat",
    [
        "| 项目名称 | 城区道路养护 | | |\n| 主管部门 | 某区城市管理局 | 实施单位 | 某区市政养护所 |",
        "| 项目名称：城区道路养护 | | | |",  # label and name in one cell, the second row not repeated
        "| 主管部门 | 某区城市管理局 | 实施单位 | 某区市政养护所 |",
    ],
    ids=["both rows", "inline name", "department row"],
)
def test_a_form_s_first_rows_repeated_at_a_page_top_do_not_cut_its_indicator_table(repeat: str) -> None:
    documents, skipped = read(REPEATED.format(repeat=repeat))
    assert skipped == 0
    assert [(doc.project, len(doc.indicators)) for doc in documents] == [("城区道路养护", 5)]
    assert documents[0].indicators[2].level1 == "产出指标"


def test_another_project_s_name_row_still_opens_a_form() -> None:
    text = REPEATED.format(repeat="| 项目名称 | 城区桥梁检测 | | |\n| 年度资金总额 | 80.00 | | |")
    documents, _ = read(text)
    assert [doc.project for doc in documents][:2] == ["城区道路养护", "城区桥梁检测"]


def test_a_field_row_a_pdf_merged_down_over_indicator_rows_keeps_them() -> None:
    """A PDF that drew no rule under the 主管部门 row repeated at a page top merges it with the indicator rows below:
    those rows open with the field's label and the department (copies of the merged cells) and still hold their
    indicators. They are read; the field row opens no form."""
    merged = REPEATED.format(repeat="| 主管部门 | 某区城市管理局 | 实施单位 | 某区市政养护所 |")
    lines = merged.strip().split("\n")
    at = lines.index("|  | 时效指标 | 养护完成时间 | 2026年12月底前 |")
    lines[at] = "| 主管部门 | 某区城市管理局 | 养护完成时间 | 2026年12月底前 |"
    documents, skipped = read("\n".join(lines) + "\n")
    assert skipped == 0
    assert [(doc.project, [i.name for i in doc.indicators]) for doc in documents] == [
        ("城区道路养护", ["养护道路里程", "道路完好率", "养护完成时间", "市民出行条件", "市民满意度"])
    ]
