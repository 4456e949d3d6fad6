"""Tables in plain text (readers/plaintext.py): rows of cells on a line, and one cell a line.

The real inputs (tests/data/plaintext/README.md says where each came from) are held to the model of their tidy
twins; the small cases written here differ from them: other labels, other orders, other damage."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import perftable
from perftable.diff import diff_documents
from perftable.grid import Origin, Table, TextLine
from perftable.model import Document
from perftable.readers import parse_text

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "plaintext"


def one(path: Path) -> Document:
    docs = perftable.load_all(path)
    assert len(docs) == 1
    return docs[0]


def indicators(doc: Document) -> list[tuple[str | None, str | None, str, str]]:
    return [(i.level1, i.level2, i.name, i.value) for i in doc.indicators]


# --- real text, against the tidy twin --------------------------------------------------------------------------


def test_a_spreadsheet_rendered_by_a_web_page_reads_as_its_transcribed_grid() -> None:
    """Fujian 2019: cells separated by single blanks, merged labels a few characters a line (年度/预算/安排),
    rows shorter than the header where the level cells were merged."""
    text = one(DATA / "fujian-ningde-2019-department.web.txt")
    twin = one(ROOT / "samples" / "fujian-department" / "ningde-2019.md")
    assert not diff_documents(twin, text).changes
    assert indicators(text)[1] == ("产出指标", "数量指标", "确保日常工作正常运行", "100%")
    assert indicators(text)[-1] == ("产出指标", "成本指标", "基本支出", "")


def test_a_pdf_table_as_text_one_cell_a_line_reads_as_the_grid() -> None:
    """Shanghai 2026: one cell a line, words broken inside cells (可持续影/响指标), two labels side by side above
    their texts, a value on the line of the next label."""
    text = one(DATA / "shanghai-putuo-2026-lanxilu-project.pdftext.txt")
    grid = one(ROOT / "samples" / "shanghai-project" / "lanxilu-2026.csv")
    assert (text.kind, text.project, text.department, text.year) == (
        grid.kind,
        grid.project,
        grid.department,
        2026,
    )
    assert indicators(text) == indicators(grid)
    assert text.amount("total") == grid.amount("total") == Decimal("771325800.00")
    assert text.amount("annual_total") == Decimal("226145100.00")
    assert text.goals == grid.goals
    assert text.info["项目总目标"].startswith("为居民出行提供快速便捷的通道")


def test_a_word_document_as_text_one_paragraph_a_line_reads_every_form() -> None:
    """A Word file converted to text: every cell a paragraph, an empty cell a blank line, a budget matrix as
    labels then amounts, the indicator header one column a line, titles between the forms."""
    docs = perftable.load_all(DATA / "budget-2026.docx-lines.txt")
    twins = perftable.load_all(ROOT / "samples" / "documents" / "budget-2026.docx")
    assert [(d.kind, d.project or d.department) for d in docs] == [
        (d.kind, d.project or d.department) for d in twins
    ]
    for doc, twin in zip(docs, twins, strict=True):
        assert indicators(doc) == indicators(twin)
        assert doc.amount("total") == twin.amount("total")


def test_a_word_document_as_tab_separated_rows_reads_as_the_document() -> None:
    text = one(DATA / "lianjiang-clean.docx-tabs.txt")
    assert not diff_documents(one(ROOT / "samples" / "formats" / "lianjiang-clean.md"), text).changes


# --- small cases --------------------------------------------------------------------------------------------

ONE_A_LINE = """
项目支出绩效目标表
（2023年度）
项目名称
社区养老服务
中心运营补助
主管部门
某区民政局
资金总额
85.5
年度目标
为辖区老年人提供日间照料服务。
一级指标
二级指标
三级指标
指标值
产出指标
数量指标
服务老年人人次
≥3000人次
质量
指标
服务投诉处理率
100%
效益指标
社会效益
指标
老年人生活质量改善情况
有所改善
满意度
指标
服务对象
满意度指
标
服务对象满意度
≥90%
"""


def test_one_cell_a_line_with_other_labels_and_broken_level_names() -> None:
    doc = perftable.loads(ONE_A_LINE.strip() + "\n", "markdown")[0]
    assert (doc.kind, doc.project, doc.department, doc.year) == (
        "project",
        "社区养老服务中心运营补助",
        "某区民政局",
        2023,
    )
    assert doc.amount("total") == Decimal("85.5")
    assert doc.goals == ["为辖区老年人提供日间照料服务。"]
    assert indicators(doc) == [
        ("产出指标", "数量指标", "服务老年人人次", "≥3000人次"),
        ("产出指标", "质量指标", "服务投诉处理率", "100%"),
        ("效益指标", "社会效益指标", "老年人生活质量改善情况", "有所改善"),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%"),
    ]


def test_a_blank_value_in_a_word_table_is_an_empty_cell_not_the_next_name() -> None:
    text = ONE_A_LINE.replace("100%\n", "\n").replace("服务对象满意度\n≥90%", "服务对象满意度\n\n")
    doc = perftable.loads(text.strip() + "\n", "markdown")[0]
    assert [(i.name, i.value) for i in doc.indicators] == [
        ("服务老年人人次", "≥3000人次"),
        ("服务投诉处理率", ""),
        ("老年人生活质量改善情况", "有所改善"),
        ("服务对象满意度", ""),
    ]


def test_a_lost_value_without_a_blank_line_still_starts_the_next_row_at_a_name() -> None:
    text = ONE_A_LINE.replace("服务投诉处理率\n100%\n", "服务投诉处理率\n")
    doc = perftable.loads(text.strip() + "\n", "markdown")[0]
    assert [(i.name, i.value) for i in doc.indicators][1:3] == [
        ("服务投诉处理率", ""),
        ("老年人生活质量改善情况", "有所改善"),
    ]


TABS = "\t".join


def test_tab_separated_rows_keep_their_empty_cells() -> None:
    lines = [
        "部门整体支出绩效目标表",
        "2022年度",
        TABS(["部门名称", "某县农业农村局", "", ""]),
        TABS(["年度预算", "资金总额", "320", ""]),
        TABS(["", "基本支出", "120", ""]),
        TABS(["", "项目支出", "200", ""]),
        TABS(["一级指标", "二级指标", "三级指标", "目标值"]),
        TABS(["产出指标", "数量指标", "高标准农田建设面积", "≥5000亩"]),
        TABS(["", "", "技术培训人次", "≥300人次"]),
        TABS(["", "时效指标", "建设完成时间", "2022年11月前"]),
        TABS(["满意度指标", "服务对象满意度指标", "农户满意度", "≥85%"]),
    ]
    doc = perftable.loads("\n".join(lines) + "\n", "markdown")[0]
    assert (doc.kind, doc.department, doc.year) == ("department", "某县农业农村局", 2022)
    assert (doc.amount("total"), doc.amount("basic"), doc.amount("project")) == (320, 120, 200)
    assert indicators(doc)[1:3] == [
        ("产出指标", "数量指标", "技术培训人次", "≥300人次"),
        ("产出指标", "时效指标", "建设完成时间", "2022年11月前"),
    ]
    assert doc.indicators[0].location.line == 8 and doc.indicators[0].location.column > 1


def test_columns_laid_out_with_runs_of_blanks_keep_a_blank_inside_a_cell() -> None:
    lines = [
        "项目名称    乡村学校 营养餐补助",
        "资金总额    60",
        "一级指标    二级指标    三级指标          指标值",
        "产出指标    数量指标    受益学生人数      ≥1200 人",
        "            质量指标    食品安全事故      0 起",
    ]
    doc = perftable.loads("\n".join(lines) + "\n", "markdown")[0]
    assert doc.project == "乡村学校营养餐补助"  # the extractor drops a blank between Chinese characters
    assert indicators(doc) == [
        ("产出指标", "数量指标", "受益学生人数", "≥1200 人"),
        ("产出指标", "质量指标", "食品安全事故", "0 起"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "本单位的绩效指标分为产出指标、效益指标和满意度指标三类。\n\n各项指标值均按要求填报。\n\n一级指标 二级指标",
        "说明\n一级指标是产出和效益\n指标值见附表\n无。",
    ],
)
def test_prose_that_names_indicators_is_not_a_table(text: str) -> None:
    blocks = parse_text(text, "markdown", Origin("x.md"))
    assert not any(isinstance(block, Table) for block in blocks)
    assert all(isinstance(block, TextLine) for block in blocks)


def test_markdown_with_pipe_tables_keeps_its_text_lines_as_text() -> None:
    source = (ROOT / "samples" / "guangdong-department" / "lianjiang-2024.md").read_text(encoding="utf-8")
    blocks = parse_text(source, "markdown", Origin("x.md"))
    from perftable.readers.markdown import read_markdown

    assert [type(block) for block in blocks] == [
        type(block) for block in read_markdown(source, Origin("x.md"))
    ]


def test_letter_spaced_words_and_numbered_items_stay_one_cell() -> None:
    lines = [
        "项目名称 职 业 教 育 运 转 经 费",
        "年度目标 1. 保障学校正常运转",
        "一级指标 二级指标 三级指标 指标值",
        "产出指标 数量指标 在校学生人数 ≥800人",
    ]
    doc = perftable.loads("\n".join(lines) + "\n", "markdown")[0]
    assert doc.project == "职业教育运转经费"
    assert doc.goals == ["1.保障学校正常运转"]


# A 2015-style form printed in columns without vertical rules, its level cells printed once: rows are short at the
# left, a level name may be cut by its narrow column (its end on the next line), and 成本指标 is a level-1 here.
SHORT_ROWS = [
    "项目名称    乡镇污水处理设施运维",
    "资金总额    1286.50",
    "一级指标    二级指标        三级指标              中期指标值    年度指标值",
    "产出指标    数量指标        运维设施数量          18座          18座",
    "            质量指标        出水水质达标率        ≥95%          ≥95%",
    "成本指标    经济成本指标    单座设施年运维费用    ≤28万元/座    ≤28万元/座",
    "满意度指标  服务对象满意度指 沿线居民满意度        ≥90%          ≥90%",
    "            标",
]


def test_short_rows_place_an_ambiguous_level_and_a_cut_level_name_in_their_columns() -> None:
    (doc,) = perftable.loads("\n".join(SHORT_ROWS) + "\n", "markdown")
    assert indicators(doc) == [
        ("产出指标", "数量指标", "运维设施数量", "18座"),
        ("产出指标", "质量指标", "出水水质达标率", "≥95%"),
        ("成本指标", "经济成本指标", "单座设施年运维费用", "≤28万元/座"),
        ("满意度指标", "服务对象满意度指标", "沿线居民满意度", "≥90%"),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # 成本指标 followed by no level-2 name: a level-2 under 产出指标 (the 2015 reading), as before
        (
            "            成本指标        单座设施年运维费用    ≤28万元/座    ≤28万元/座",
            ("产出指标", "成本指标", "单座设施年运维费用"),
        ),
        # a name with a blank whose first word is no level name stays whole
        (
            "            质量指标        群众 满意度          ≥90%          ≥90%",
            ("产出指标", "质量指标", "群众满意度"),
        ),
    ],
    ids=["cost under output", "blank inside a name"],
)
def test_short_rows_leave_what_is_no_level_name_alone(line: str, expected: tuple[str, str, str]) -> None:
    text = "\n".join([*SHORT_ROWS[:4], line]) + "\n"
    (doc,) = perftable.loads(text, "markdown")
    assert indicators(doc)[-1][:3] == expected


# A listing as `pdftotext -layout` prints it: columns by position, a goal wrapped onto the lines below its first
# row, a goal that runs into the level column with a single blank, and the page's number at its foot.
_STARTS = (0, 18, 30, 60, 72, 90, 108)  # where each column starts


def _laid_out(*cells: tuple[int, str]) -> str:
    """A line with each text at its column (``(column index, text)``; a text may run past its column)."""
    line = ""
    for column, text in cells:
        start = _STARTS[column]
        line = line.ljust(start - 1) + " " + text if line else " " * start + text
    return line


LAYOUT_LISTING = "\n".join(
    [
        " " * 30 + "某县水利局2026年项目支出绩效目标表",
        _laid_out((0, "项目名称"), (1, "预算数(万元)"), (2, "绩效目标"), (3, "一级指标"), (4, "二级指标"),
                  (5, "三级指标"), (6, "目标值")),
        _laid_out((0, "小型水库维修养护"), (1, "320.00"), (2, "完成12座小型水库维修养护，工程验收合格率达到百分之百并于汛"),
                  (3, "产出指标"), (4, "数量指标"), (5, "维修养护水库数量"), (6, "12座")),
        _laid_out((2, "前完工。")),
        _laid_out((4, "质量指标"), (5, "工程验收合格率"), (6, "100%")),
        _laid_out((3, "效益指标"), (4, "社会效益指标"), (5, "防洪保护人口"), (6, "≥3万人")),
        _laid_out((3, "满意度指标"), (4, "服务对象满意度指标"), (5, "受益群众满意度"), (6, "≥90%")),
        " " * 60 + "-1-",
        _laid_out((0, "农村饮水安全维护"), (1, "180.50"), (2, "维护供水工程46处。"), (3, "产出指标"),
                  (4, "数量指标"), (5, "维护供水工程数量"), (6, "46处")),
        _laid_out((3, "满意度指标"), (4, "服务对象满意度指标"), (5, "受益群众满意度"), (6, "≥90%")),
    ]
) + "\n"  # fmt: skip


def test_a_listing_laid_out_in_columns_reads_wrapped_goals_and_cells_run_together() -> None:
    first, second = perftable.loads(LAYOUT_LISTING, "markdown")
    assert (first.project, first.amount("total")) == ("小型水库维修养护", Decimal("320.00"))
    assert first.goals == ["完成12座小型水库维修养护，工程验收合格率达到百分之百并于汛前完工。"]
    assert indicators(first) == [
        ("产出指标", "数量指标", "维修养护水库数量", "12座"),
        ("产出指标", "质量指标", "工程验收合格率", "100%"),
        ("效益指标", "社会效益指标", "防洪保护人口", "≥3万人"),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"),
    ]
    assert (second.project, len(second.indicators)) == ("农村饮水安全维护", 2)


def test_a_line_that_does_not_fit_the_columns_is_read_as_before() -> None:
    # two cells in the name column (a line typed out of line): cut by its gaps, as any line
    line = _laid_out((4, "质量指标"), (5, "工程验收合格率"), (6, "100%"))
    text = LAYOUT_LISTING.replace(line, line.replace("工程验收合格率", "工程  验收合格率"))
    first, _ = perftable.loads(text, "markdown")
    assert len(first.indicators) == 4
