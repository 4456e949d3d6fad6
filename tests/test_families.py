"""The layout families of the real corpus, on small tables written here: other labels, other orders, other damage
than the corpus files have (markdown as converters leave it, and workbooks with merged cells).

One test per property of a family; the corpus test (test_corpus.py) checks the real files."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest

import perftable
from perftable import vocab
from perftable.check.config import Config
from perftable.check.engine import check_document
from perftable.extract import extraction
from perftable.grid import Origin, Source
from perftable.model import Document
from perftable.readers import parse_text
from perftable.readers.pdf_layout import Assembler, BoxCell, PageContent, PageLine
from perftable.vocab import header


def loads(text: str) -> list[Document]:
    return perftable.loads(text.strip() + "\n")


def codes(doc: Document) -> list[str]:
    return [finding.code for finding in check_document(doc, Config())]


# --- 1. project listings ----------------------------------------------------------------------------------

LISTING = """
# 2025年项目支出绩效目标表
金额单位：万元

| 序号 | 项目名称 | 预算金额 | 其中：财政拨款 | 年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标方向 | 目标值 | 计量单位 |
|---|---|---|---|---|---|---|---|---|---|---|
| 1 | 乡村道路养护 | 120.5 | 100 | 完成道路养护50公里 | 产出指标 | 数量指标 | 养护里程 | ≥ | 50 | 公里 |
|  |  |  |  |  |  |  | 养护频次 | = | 12 | 次 |
|  |  |  |  |  | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 90 | % |
| 2 | 公厕保洁 | 30 | 30 | 保洁全覆盖 | 产出指标 | 质量指标 | 保洁达标率 | ≥ | 95 | % |
| 合计 |  | 150.5 | 130 |  |  |  |  |  |  |  |
"""


def test_a_listing_gives_one_project_document_per_project_in_order() -> None:
    docs = loads(LISTING)
    assert [(d.kind, d.layout, d.project) for d in docs] == [
        ("project", "listing", "乡村道路养护"),
        ("project", "listing", "公厕保洁"),
    ]
    first, second = docs
    assert (first.year, first.title) == (2025, "2025年项目支出绩效目标表")
    assert [(line.key, line.amount) for line in first.budget] == [
        ("total", Decimal("120.5")),
        ("fiscal", Decimal("100")),
    ]
    assert first.goals == ["完成道路养护50公里"] and first.info["序号"] == "1"
    assert [(i.level1, i.level2, i.name) for i in first.indicators] == [
        ("产出指标", "数量指标", "养护里程"),
        ("产出指标", "数量指标", "养护频次"),  # level names carried down a flattened merged cell
        ("满意度指标", "服务对象满意度指标", "群众满意度"),
    ]
    assert len(second.indicators) == 1 and second.amount("total") == Decimal("30")


def test_a_target_is_comparator_value_and_unit_from_their_own_columns() -> None:
    mileage = loads(LISTING)[0].indicators[0]
    assert (mileage.value, mileage.unit, mileage.comparator_source) == ("50", "公里", "column")
    target = mileage.target
    assert (target.comparator, target.number, target.unit) == ("≥", Decimal("50"), "公里")


def test_a_listing_is_not_asked_for_header_fields() -> None:
    assert "M001" not in codes(loads(LISTING)[0])


def test_a_listing_workbook_with_merged_cells_and_a_spending_unit_column(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    rows = [
        ["2026年市级部门项目支出绩效表"],
        [
            "单位名称",
            "项目名称",
            "资金总额",
            "绩效目标",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标值",
            "度量单位",
        ],
        [
            "某市第一医院",
            "医疗设备购置",
            "500",
            "购置设备10台",
            "产出指标",
            "数量指标",
            "设备数量",
            "≥",
            "10",
            "台",
        ],
        [None, None, None, None, "效益指标", "社会效益指标", "服务患者人次", "≥", "2", "万人次"],
        [None, "人才培养", "80", "培养骨干20名", "产出指标", "数量指标", "培养人数", "＝", "20", "人"],
        ["某市疾控中心", "疫苗接种", "60.25", "接种率达标", "产出指标", "质量指标", "接种率", "≥", "95", "%"],
    ]
    for row in rows:
        sheet.append(row)
    for area in ("A3:A5", "B3:B4", "C3:C4", "D3:D4", "A1:J1"):
        sheet.merge_cells(area)
    path = tmp_path / "listing.xlsx"
    book.save(path)
    docs = perftable.load_all(path)
    assert [(d.project, d.info.get("单位名称"), d.amount("total"), len(d.indicators)) for d in docs] == [
        ("医疗设备购置", "某市第一医院", Decimal("500"), 2),
        ("人才培养", "某市第一医院", Decimal("80"), 1),  # the unit cell is merged over both projects
        ("疫苗接种", "某市疾控中心", Decimal("60.25"), 1),
    ]
    assert docs[0].indicators[1].target.unit == "万人次"
    assert docs[0].year == 2026 and docs[0].source.sheet == sheet.title


GOALS_ONLY = """
七、重点项目预算绩效目标情况

| 项目 | 预算数（单位：万元） | 绩效目标 |
|---|---|---|
| 某某局 | 300 |  |
| 甲项目 | 100 | 完成甲项工作，服务群众不少于1000人次。 |
| 乙项目 | 200 | 完成乙项工作。 |
| 某某中心 | 50 |  |
| 丙项目 | 50 | 完成丙项工作。 |
注：无。
"""


def test_a_listing_of_goals_with_spending_unit_subtotals() -> None:
    docs = loads(GOALS_ONLY)
    assert [(d.project, d.info.get("资金使用单位"), d.amount("total"), d.indicator_layout) for d in docs] == [
        ("甲项目", "某某局", Decimal("100"), "none"),
        ("乙项目", "某某局", Decimal("200"), "none"),
        ("丙项目", "某某中心", Decimal("50"), "none"),
    ]


def test_a_listing_of_goals_is_not_reported_for_indicators_it_does_not_print() -> None:
    for doc in loads(GOALS_ONLY):
        assert not {"I001", "I002", "I009", "I012", "X002", "M001"} & set(codes(doc)), codes(doc)


def test_a_unit_heading_before_a_page_break_is_not_a_project_cut_by_it() -> None:
    """A spending unit's name alone at the foot of a page, its project at the top of the next."""
    origin = "x.pdf"
    header = [
        BoxCell((50, 100, 200, 120), "项目"),
        BoxCell((200, 100, 300, 120), "预算数（万元）"),
        BoxCell((300, 100, 500, 120), "绩效目标"),
    ]
    page1 = [
        *header,
        BoxCell((50, 120, 200, 140), "某医院"),
        BoxCell((200, 120, 300, 140), ""),
        BoxCell((300, 120, 500, 140), ""),
    ]
    page2 = [
        *(BoxCell((b[0], b[1] - 60, b[2], b[3] - 60), t) for (b, t) in ((c.box, c.text) for c in header)),
        BoxCell((50, 60, 200, 80), "某医院急救调度扩容项目"),
        BoxCell((200, 60, 300, 80), "120"),
        BoxCell((300, 60, 500, 80), "扩容调度席位"),
    ]
    docs = _pdf_docs(origin, [([page1], [PageLine("重点项目绩效目标情况", 80)]), ([page2], [])])
    assert [(d.project, d.info.get("资金使用单位"), d.page_range) for d in docs] == [
        ("某医院急救调度扩容项目", "某医院", (2, 2))
    ]


def _pdf_docs(name: str, pages: list[tuple[list[list[BoxCell]], list[PageLine]]]) -> list[Document]:
    assembler = Assembler(name)
    for number, (tables, lines) in enumerate(pages, start=1):
        assembler.add(PageContent(number, tables, lines))
    return extraction(Source(name, "pdf", assembler.finish())).documents


def _listing_page(top_rows: list[tuple[str, str, str, str, str]], *, header: bool) -> list[BoxCell]:
    """A page of a 预算表12-style listing: project cells merged down over their indicator rows (rows given as
    name, amount, goal, level-1 … name; an empty name continues the project above on the page)."""
    cells: list[BoxCell] = []
    y = 100.0
    if header:
        for x0, x1, text in ((50, 150, "项目名称"), (150, 200, "项目总额"), (200, 300, "绩效目标"),
                             (300, 360, "一级指标"), (360, 420, "二级指标"), (420, 520, "三级指标"),
                             (520, 560, "指标性质"), (560, 600, "指标值"), (600, 640, "度量单位")):  # fmt: skip
            cells.append(BoxCell((x0, y, x1, y + 20), text))
        y += 20
    blocks: list[list[tuple[str, str, str, str, str]]] = []
    for row in top_rows:
        if row[0] or not blocks:
            blocks.append([])
        blocks[-1].append(row)
    for block in blocks:
        height = 20 * len(block)
        name, amount, goal = block[0][0], block[0][1], block[0][2]
        cells += [
            BoxCell((50, y, 150, y + height), name),
            BoxCell((150, y, 200, y + height), amount),
            BoxCell((200, y, 300, y + height), goal),
        ]
        for index, (_, _, _, level1, indicator) in enumerate(block):
            top = y + 20 * index
            cells += [
                BoxCell((300, top, 360, top + 20), level1),
                BoxCell(
                    (360, top, 420, top + 20), "数量指标" if level1 == "产出指标" else "服务对象满意度指标"
                ),
                BoxCell((420, top, 520, top + 20), indicator),
                BoxCell((520, top, 560, top + 20), "≥"),
                BoxCell((560, top, 600, top + 20), "90"),
                BoxCell((600, top, 640, top + 20), "%"),
            ]
        y += height
    return cells


def test_a_project_cut_by_a_page_break_stays_one_project() -> None:
    page1 = _listing_page(
        [
            ("11000025T000000111222-甲项目", "10.000000", "完成甲", "产出指标", "甲一"),
            ("11000025T000000111333-乙项目", "20.000000", "完成乙", "产出指标", "乙一"),
        ],
        header=True,
    )
    # the next page prints 乙项目 again (name, amount, goal) over its other rows, then a project whose name the
    # page does not show (its cell is cut: the name is on the page after)
    page2 = _listing_page(
        [
            ("11000025T000000111333-乙项目", "20.000000", "完成乙", "满意度指标", "乙满意度"),
            ("11000025T000000111444-丙项目", "30.000000", "完成丙", "产出指标", "丙一"),
        ],
        header=False,
    )
    docs = _pdf_docs("x.pdf", [([page1], [PageLine("预算表12 项目支出绩效目标表", 80)]), ([page2], [])])
    assert [
        (d.project, d.info.get("项目编码"), d.page_range, [i.name for i in d.indicators]) for d in docs
    ] == [
        ("甲项目", "11000025T000000111222", (1, 1), ["甲一"]),
        ("乙项目", "11000025T000000111333", (1, 2), ["乙一", "乙满意度"]),
        ("丙项目", "11000025T000000111444", (2, 2), ["丙一"]),
    ]


def test_two_projects_with_the_same_code_on_one_page_stay_two() -> None:
    page = _listing_page(
        [
            ("11000026T000003652013-学者项目", "5.000000", "资助甲校", "产出指标", "资助人数"),
            ("11000026T000003652013-学者项目", "6.000000", "资助乙校", "产出指标", "资助人数"),
        ],
        header=True,
    )
    docs = _pdf_docs("x.pdf", [([page], [PageLine("项目支出绩效目标表", 80)])])
    assert [d.amount("total") for d in docs] == [Decimal("5.000000"), Decimal("6.000000")]


# --- 2. column roles from headers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role", "period"),
    [
        ("*三级指标", "name", None),
        ("二级指标(长期)", "level2", "long"),
        ("指标值（年度）", "value", "annual"),
        ("实施周期指标值", "value", "long"),
        ("全周期目标值", "value", "long"),
        ("本年绩效指标值", "value", "annual"),
        ("绩效指标性质", "comparator", None),
        ("计算符号", "comparator", None),
        ("绩效度量单位", "unit", None),
        ("指标值类型", "value_type", None),
        ("指标权重(%)", "weight", None),
        ("分值", "weight", None),
        ("评(扣)分标准", "scoring", None),
        ("项目名称（必填）", "project", None),
        ("项目名称（资金使用单位）", "project", None),
        ("预算数（单位：万元）", "amount", None),
        ("当年绩效目标", "goal", "annual"),
        ("二级预算单位名称", "spending_unit", None),
        ("一级项目名称", "project", None),
    ],
)
def test_a_header_gives_its_column_a_role(text: str, role: str, period: str | None) -> None:
    found = header(text)
    assert (found.role, found.period) == (role, period)


def test_annual_and_whole_period_value_columns_side_by_side_split_by_their_qualifiers() -> None:
    (doc,) = loads(
        """
| 项目名称 | 平台建设 |  |  |  |
|---|---|---|---|---|
| 一级指标 | 二级指标 | 三级指标 | 实施周期指标值 | 年度指标值 |
| 产出指标 | 数量指标 | 上线系统数 | 3个 | 1个 |
| 效益指标 | 社会效益指标 | 办事时间缩短 | ≥30% | ≥10% |
"""
    )
    assert [(i.name, i.value) for i in doc.indicators] == [("上线系统数", "1个"), ("办事时间缩短", "≥10%")]
    assert [i.value for i in doc.long_term_indicators] == ["3个", "≥30%"]


def test_the_money_unit_of_a_header_is_kept() -> None:
    assert header("预算数（单位：万元）").money == "万元" and header("指标权重(%)").percent


# --- 3. flat indicator lists -----------------------------------------------------------------------------

FLAT = """
# 2026年部门整体绩效目标表
单位名称：某局

| 当年整体绩效目标 |  |  |  |  |
|---|---|---|---|---|
| 完成年度任务，培训200人。 |  |  |  |  |
| 指标 | 指标权重 | 计量单位 | 指标性质 | 指标值 |
| 培训人数 | 40 | 人 | ≥ | 200 |
| 群众满意度 | 30 | % | ≥ | 90 |
| 年度预算执行率 | 30 | % | = | 100 |
"""


def test_a_flat_list_reads_names_weights_and_targets() -> None:
    (doc,) = loads(FLAT)
    assert (doc.kind, doc.department, doc.indicator_layout, doc.goals) == (
        "department",
        "某局",
        "flat",
        ["完成年度任务，培训200人。"],
    )
    assert [(i.name, i.weight, i.target.comparator, i.target.number, i.unit) for i in doc.indicators] == [
        ("培训人数", Decimal("40"), "≥", Decimal("200"), "人"),
        ("群众满意度", Decimal("30"), "≥", Decimal("90"), "%"),
        ("年度预算执行率", Decimal("30"), "=", Decimal("100"), "%"),
    ]


def test_a_flat_list_infers_a_category_only_where_the_name_says_it() -> None:
    (doc,) = loads(FLAT)
    assert [(i.level1, i.level2) for i in doc.indicators] == [("", ""), ("满意度指标", ""), ("", "")]


def test_a_flat_list_is_not_reported_for_missing_categories() -> None:
    (doc,) = loads(FLAT)
    assert not {"I001", "I002", "I005", "I011"} & set(codes(doc)), codes(doc)


# --- 4. indicators written in one cell ---------------------------------------------------------------------

WRITTEN = """
# 预算13表 部门整体支出绩效目标表
（2026年度）

| 部门名称 | 某局 |  |  |  |
|---|---|---|---|---|
| 活动 | 绩效指标 | 指标性质 | 指标值 | 度量单位 |
| 培训 | 产出指标-数量指标-培训人数 | ≥ | 200 | 人 |
| 培训 | 效益指标/社会效益指标/学员就业率 | ≥ | 60 | % |
| 培训 | 满意度指标服务对象满意度指<br>标学员满意度 | ≥ | 90 | % |
"""


def test_levels_run_together_in_one_cell_are_split_by_the_vocabulary() -> None:
    (doc,) = loads(WRITTEN)
    assert [(i.level1, i.level2, i.name, i.info.get("活动")) for i in doc.indicators] == [
        ("产出指标", "数量指标", "培训人数", "培训"),
        ("效益指标", "社会效益指标", "学员就业率", "培训"),
        ("满意度指标", "服务对象满意度指标", "学员满意度", "培训"),
    ]
    assert doc.indicator_layout == "tree" and doc.year == 2026


CODED = """
项目支出绩效目标表（含转移支付项目）

| 项目名称（资金使用单位） | 总计 | 绩效目标 | 绩效指标 |
|---|---|---|---|
| 技能培训项目 | 50 | 培训200人 | 1、1-产出指标；11-数量指标；培训人数；实施周期指标值:≥600人；年度指标值:≥200人。2<br>、1-产出指<br>标；12 -质量指标；培训合格率；年度指标值:≥95%。3、资金使用合规 |
"""


def test_numbered_coded_indicators_in_one_cell_with_their_period_values() -> None:
    (doc,) = loads(CODED)
    assert [(i.level1, i.level2, i.name, i.value) for i in doc.indicators] == [
        ("产出指标", "数量指标", "培训人数", "≥200人"),
        ("产出指标", "质量指标", "培训合格率", "≥95%"),
    ]
    assert [(i.name, i.value) for i in doc.long_term_indicators] == [("培训人数", "≥600人")]


def test_a_part_of_a_coded_cell_that_cannot_be_read_is_reported_not_dropped() -> None:
    (doc,) = loads(CODED)
    assert [(w.code, w.kind) for w in doc.warnings if w.kind == "indicator-unread"] == [
        ("P003", "indicator-unread")
    ]


# --- 6. document structure -----------------------------------------------------------------------------------

DISCLOSURE = """
目 录
一、部门职责............................................3
二、收支总体情况表......................................5

第四部分 名词解释
基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出，是部门预算的重要组成部分之一。
项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出，包括基本建设、有关事业发展专项等。

表1 收支总体情况表

| 收入 | 预算数 | 支出 | 预算数 |
|---|---|---|---|
| 一般公共预算拨款 | 1,000.00 | 基本支出 | 600.00 |
| 合计 | 1,000.00 | 项目支出 | 400.00 |

2026年项目支出绩效目标表

| 项目名称 | 示例项目 | 主管部门 | 某局 |
|---|---|---|---|
| 年度资金总额 | 50 |  |  |
| 年度绩效目标 | 完成示例工作。 |  |  |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 完成数量 | ≥3个 |

2026年项目支出绩效目标表

| 项目名称 |  | 主管部门 |  |
|---|---|---|---|
| 年度资金总额 |  |  |  |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
"""


def test_only_target_tables_become_documents_and_the_rest_is_skipped_with_reasons() -> None:
    result = extraction(
        Source("d.md", "markdown", parse_text(DISCLOSURE.strip(), "markdown", Origin("d.md")))
    )
    assert [(d.project, [line.key for line in d.budget]) for d in result.documents] == [
        ("示例项目", ["annual_total"])
    ]
    reasons = [(reason.kind, reason.message("en")) for reason in result.reasons]
    assert any(kind == "other-table" and "收支总体情况表" in text for kind, text in reasons), reasons
    assert ("blank-form", "a blank form (no value filled in)") in reasons


UNIT_FORM = """
# 某市第一中学2026年单位整体支出绩效目标表

| {first} | {first_value} |  |  |
|---|---|---|---|
| {second} | {second_value} |  |  |
| 年度预算 | 资金总额 | 财政拨款 | 其他资金 |
|  | 2,310.40 | 2,190.40 | 120.00 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 在校学生人数 | ≥2400人 |
"""


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("主管部门", "某市教育局"), ("预算单位", "某市第一中学")),
        (("部门名称", "某市第一中学"), ("主管部门及代码", "某市教育局")),
    ],
)
def test_a_unit_forms_own_name_is_its_department_not_the_supervising_one(
    first: tuple[str, str], second: tuple[str, str]
) -> None:
    """On a 单位整体 form, the unit named by its own field is the department, whether its supervising
    department (主管部门) is printed before or after it; one printed before is kept in ``info``."""
    text = UNIT_FORM.format(first=first[0], first_value=first[1], second=second[0], second_value=second[1])
    (doc,) = loads(text)
    assert (doc.kind, doc.department) == ("department", "某市第一中学")
    assert doc.info == ({"主管部门": "某市教育局"} if first[0] == "主管部门" else {})


def test_a_project_forms_supervising_department_still_wins_over_the_unit_above_it() -> None:
    (doc,) = loads(
        """
# 2026年项目支出绩效目标表

单位名称：某市第一中学

| 项目名称 | 校舍维修改造 |  |  |
|---|---|---|---|
| 主管部门 | 某市教育局 |  |  |
| 年度资金总额 | 85.00 |  |  |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 维修校舍面积 | ≥3000平方米 |
"""
    )
    assert (doc.kind, doc.department, doc.info.get("单位名称")) == ("project", "某市教育局", "某市第一中学")


# --- 7. budget blocks as printed -----------------------------------------------------------------------------

BUDGET = """
# 2026年项目支出绩效目标表

| 项目名称 | 高标准农田建设 |  |  |
|---|---|---|---|
| 实施期资金总额 | 1,708万 | 年度预算资金总额 | 854万854万(高标准农田建设400万元,其他454万元) |
| 其中 :上级资金16 |  |  |  |
| 年度绩效目标 | 建成高标准农田1万亩。 |  |  |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 建成面积 | ≥1万亩 |
"""


def test_budget_labels_as_printed_and_amounts_with_notes() -> None:
    (doc,) = loads(BUDGET)
    lines = {line.key: line for line in doc.budget}
    assert lines["total"].amount == Decimal("1708") and lines["annual_total"].amount == Decimal("854")
    assert "(高标准农田建设400万元" in lines["annual_total"].value  # the note is kept with the amount
    # printed under 实施期资金总额, the whole period's total: a part of it, not of the year's
    assert lines["total_fiscal"].label == "上级资金" and lines["total_fiscal"].amount == Decimal("16")
    assert [w.kind for w in doc.warnings if w.code == "P003"] == ["doubled-amount"]
    assert "B006" not in codes(doc)


# --- 8. years -----------------------------------------------------------------------------------------------


def test_a_table_without_a_year_takes_the_one_its_project_name_gives() -> None:
    (doc,) = loads(
        """
| 项目名称 | 2018年农村公路建设项目 |
|---|---|
| 年度资金总额 | 100 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 建设里程 | 10公里 |
"""
    )
    assert doc.year == 2018


def test_a_year_range_in_a_project_name_names_no_year() -> None:
    (doc,) = loads(
        """
| 项目名称 | 2024-2026年信息化运维项目 |
|---|---|
| 年度资金总额 | 100 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 运维系统数 | 5个 |
"""
    )
    assert doc.year is None


# --- 9. damaged numbers ---------------------------------------------------------------------------------------


def test_digits_split_by_a_blank_are_read_with_a_repair() -> None:
    (doc,) = loads(
        """
# 2026年部门整体支出绩效目标表

| 部门名称 | 某局 |
|---|---|
| 资金总额 | 968.191 8 |
| 基本支出 | 968.1918 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 完成数量 | 3个 |
"""
    )
    assert doc.amount("total") == Decimal("968.1918")
    assert [(w.code, w.kind) for w in doc.warnings if w.kind == "spaced-digits"] == [
        ("P002", "spaced-digits")
    ]


def test_a_lost_decimal_point_is_named_by_the_budget_message() -> None:
    (doc,) = loads(
        """
# 2026年部门整体支出绩效目标表

| 部门名称 | 某局 |
|---|---|
| 资金总额 | 7242318 |
| 基本支出 | 400 |
| 项目支出 | 324.2318 |
"""
    )
    (finding,) = list(check_document(doc, Config(select=("B001",))))
    assert (
        finding.variant == "decimal"
        and "资金总额 7242318 像是丢了小数点（按 724.2318 计则相符）" in finding.message
    )


def test_a_spreadsheet_day_number_in_a_date_field_is_read_as_the_date_with_a_repair(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["2022年项目支出绩效目标表"],
        ["项目名称", "示例项目", "计划完成日期", 44561],
        ["年度资金总额", 100],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "完成数量", "3个"],
    ):
        sheet.append(row)
    path = tmp_path / "serial.xlsx"
    book.save(path)
    (doc,) = perftable.load_all(path)
    assert doc.info["计划完成日期"] == "2021-12-31"
    assert [w.kind for w in doc.warnings if w.code == "P003"] == ["excel-date-serial"]


# --- 10. fragments ------------------------------------------------------------------------------------------


def test_a_single_character_left_by_a_cut_is_not_an_indicator() -> None:
    (doc,) = loads(
        """
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
| 产出指标 | 数量指标 | 完成数量 | 3个 |
| 效益指标 | 社会效益指标 | 效 |  |
"""
    )
    assert [i.name for i in doc.indicators] == ["完成数量"]
    assert [w.kind for w in doc.warnings if w.code == "P003"] == ["fragment-dropped"]


# --- 11. one level-1 inference per table ------------------------------------------------------------------


def test_cost_as_a_level1_is_decided_once_for_the_whole_table() -> None:
    (doc,) = loads(
        """
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
|  | 成本指标 | 设备采购成本 | ≤20万元 |
| 产出指标 | 数量指标 | 采购数量 | 10台 |
| 成本指标 | 经济成本指标 | 运维成本 | ≤5万元 |
"""
    )
    assert (doc.indicators[0].level1, doc.indicators[0].level2) == ("成本指标", "成本指标")


# --- labels, years and budget blocks seen in other provinces' forms ----------------------------------------

FORM_WITH = """
# 项目支出绩效目标表

| {label} | 城乡供水管网改造 |  |  |
|---|---|---|---|
| 主管部门 | 某市水务局 | 实施单位 | 某市供水公司 |
| 项目资金（万元） |  | 实施期资金总额 | 年度资金总额 |
|  | 资金总额 | 900 | 300 |
|  | 其中：财政拨款 | 800 | 250 |
|  | 其他资金 | 100 | 50 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 改造管网长度 | ≥12公里 |
| 满意度指标 | 服务对象满意度指标 | 用户满意度 | ≥90% |
"""


@pytest.mark.parametrize("label", ["项目（资金）名称", "专项(项目)名称", "项目名称及代码", "二级项目名称"])
def test_a_project_name_label_with_a_qualifier_names_the_project(label: str) -> None:
    doc = loads(FORM_WITH.format(label=label))[0]
    assert (doc.kind, doc.project) == ("project", "城乡供水管网改造")
    assert "M001" not in codes(doc)


def test_a_budget_matrix_under_period_heads_keys_each_period_apart() -> None:
    doc = loads(FORM_WITH.format(label="项目名称"))[0]
    assert [(line.key, line.amount) for line in doc.budget] == [
        ("total", Decimal("900")),
        ("annual_total", Decimal("300")),
        ("total_fiscal", Decimal("800")),
        ("fiscal", Decimal("250")),
        ("total_other_funds", Decimal("100")),
        ("other_funds", Decimal("50")),
    ]
    assert not [code for code in codes(doc) if code.startswith("B")]


def test_a_budget_matrix_that_does_not_add_up_is_still_reported() -> None:
    doc = loads(
        FORM_WITH.format(label="项目名称").replace("| 其他资金 | 100 | 50 |", "| 其他资金 | 100 | 80 |")
    )[0]
    assert "B002" in codes(doc)


LISTING_WITH = """
编制年度：2023

| 序号 | {label} | 预算金额 | 绩效目标 | 一级指标 | 二级指标 | 三级指标 | 目标值 |
|---|---|---|---|---|---|---|---|
| 1 | 社区卫生服务能力提升 | 50 | 提升服务能力 | 产出指标 | 数量指标 | 培训人次 | ≥100人次 |
|  |  |  |  | 满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥90% |
| 2 | 基层医疗设备购置 | 80 | 购置设备 | 产出指标 | 数量指标 | 购置设备台数 | 20台 |
"""


@pytest.mark.parametrize("label", ["项目（资金）名称", "资金名称", "专项（项目）名称"])
def test_a_listing_under_a_qualified_project_label_gives_one_document_a_project(label: str) -> None:
    docs = loads(LISTING_WITH.format(label=label))
    assert [(d.project, d.year, len(d.indicators)) for d in docs] == [
        ("社区卫生服务能力提升", 2023, 2),
        ("基层医疗设备购置", 2023, 1),
    ]


@pytest.mark.parametrize(
    ("line", "year"),
    [("编制年度：2023", 2023), ("预算年度:2024", 2024), ("（2025年度）", 2025), ("填报日期：2024", None)],
)
def test_a_year_as_a_labelled_field_without_nian(line: str, year: int | None) -> None:
    assert vocab_year_in(line) == year


def vocab_year_in(text: str) -> int | None:
    from perftable.vocab import year_in

    return year_in(text)


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "主管部门：某市应急管理局 实施单位：某市应急救援中心",
            [("主管部门", "某市应急管理局"), ("实施单位", "某市应急救援中心")],
        ),
        (
            "主管部门：某市应急管理局实施单位：某市应急救援中心",
            [("主管部门", "某市应急管理局"), ("实施单位", "某市应急救援中心")],
        ),
        ("项目名称：应急物资储备", [("项目名称", "应急物资储备")]),
        ("年度目标：完成储备：帐篷200顶", [("年度目标", "完成储备：帐篷200顶")]),
    ],
)
def test_two_fields_printed_on_one_line_are_two_fields(text: str, pairs: list[tuple[str, str]]) -> None:
    from perftable.extract.fields import split_inline

    assert split_inline(text) == pairs


def test_a_project_amount_printed_as_a_labelled_line_is_the_project_total() -> None:
    text = "项目名称：应急物资储备\n项目金额：493.71万元\n\n| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|\n| 产出指标 | 数量指标 | 储备帐篷 | 200顶 |\n"
    doc = perftable.loads(text)[0]
    assert (doc.project, doc.amount("total")) == ("应急物资储备", Decimal("493.71"))


def test_goals_side_by_side_under_a_merged_goal_label_keep_both_periods(tmp_path: Path) -> None:
    """总体目标 merged down over a row of period labels (实施期目标 | 年度目标) and the row of their texts: the annual
    text is the goal, the whole-period text is kept under its label (the merged label is not read again)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [
        ["项目支出绩效目标表（2025年度）"],
        ["项目名称", "乡村道路养护"],
        ["绩效目标", "中期目标（2025-2027年）", None, "年度目标"],
        [None, "三年内完成全县乡村道路养护。", None, "完成年度养护里程120公里。"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "养护里程", "≥120公里"],
    ]:
        sheet.append(row)
    sheet.merge_cells("A3:A4")
    sheet.merge_cells("B3:C3")
    sheet.merge_cells("B4:C4")
    path = tmp_path / "goals.xlsx"
    book.save(path)
    doc = perftable.load_all(path)[0]
    assert doc.goals == ["完成年度养护里程120公里。"]
    assert doc.info["中期目标(2025-2027年)"] == "三年内完成全县乡村道路养护。"


TASKS_WITH_FUNDING_COLUMNS = """
2025年部门整体支出绩效目标表

| 部门名称 | 某县卫生健康局 |  |  |  |
|---|---|---|---|---|
| 任务名称 | 主要内容 | 资金（万元） |  |  |
|  |  | 总额 | 财政拨款 | 其他资金 |
| 疾病预防控制 | 开展重点传染病监测 | 120.50 | 100.50 | 20 |
| 机关运转保障 | 保障机关正常运转 | 879.50 | 879.50 | 0 |
| 合计 |  | 1000 | 980 | 20 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |  |
| 产出指标 | 数量指标 | 监测点数量 | ≥30个 |  |
"""


def test_task_funds_under_a_split_funding_head_and_the_task_total_as_the_form_total() -> None:
    """A task table whose funds head is split into 总额 | 财政拨款 | 其他资金: the 总额 column is the task's funds, the
    parts are kept by their headers; a form that prints no budget block takes the task table's 合计 as its total."""
    doc = loads(TASKS_WITH_FUNDING_COLUMNS)[0]
    assert [(task.name, task.funds, task.info) for task in doc.tasks] == [
        ("疾病预防控制", Decimal("120.50"), {"财政拨款": "100.50", "其他资金": "20"}),
        ("机关运转保障", Decimal("879.50"), {"财政拨款": "879.50", "其他资金": "0"}),
    ]
    assert [(line.label, line.key, line.amount) for line in doc.budget] == [
        ("合计", "total", Decimal("1000"))
    ]
    assert not [code for code in codes(doc) if code.startswith("B")]


def test_a_printed_budget_block_is_not_replaced_by_the_task_total() -> None:
    text = TASKS_WITH_FUNDING_COLUMNS.replace(
        "| 任务名称 |", "| 预算总额（万元） | 1000 |  |  |  |\n| 任务名称 |", 1
    )
    doc = loads(text)[0]
    assert [(line.label, line.amount) for line in doc.budget] == [("预算总额(万元)", Decimal("1000"))]


@pytest.mark.parametrize("head", ["单位名称、项目名称", "预算单位/项目名称", "单位及项目名称"])
def test_a_header_that_joins_unit_and_project_names_the_project_column(head: str) -> None:
    text = f"""
2025年项目支出绩效目标表

| {head} | 项目绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 |
|---|---|---|---|---|---|---|---|
| 某县水务局 |  |  |  |  |  |  |  |
| 农村饮水安全巩固 | 保障农村饮水安全。 | 产出指标 | 数量指标 | 受益人口 | ≥ | 1.2 | 万人 |
|  |  | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 90 | % |
| 小型水库维修养护 | 完成水库维修养护。 | 产出指标 | 数量指标 | 维修养护水库 | = | 6 | 座 |
"""
    docs = loads(text)
    assert [(d.project, len(d.indicators), d.indicators[0].target.comparator) for d in docs] == [
        ("农村饮水安全巩固", 2, "≥"),
        ("小型水库维修养护", 1, "="),
    ]


def test_a_row_number_column_before_a_flat_list_is_not_read_as_the_value() -> None:
    text = """
| 项目名称 | 城市道路照明维护 | 项目金额 | 86 |
|---|---|---|---|
| 编号 | 指标名称 | 指标值 | 分值 |
| 1. | 路灯亮灯率 | ≥98% | 40 |
| 2. | 故障修复时限 | ≤24小时 | 30 |
| 3 | 市民满意度 | ≥90% | 30 |
"""
    doc = loads(text)[0]
    assert [(i.name, i.value, i.weight) for i in doc.indicators] == [
        ("路灯亮灯率", "≥98%", Decimal("40")),
        ("故障修复时限", "≤24小时", Decimal("30")),
        ("市民满意度", "≥90%", Decimal("30")),
    ]
    assert not [r for r in doc.warnings if r.kind == "realigned-row"]


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("填报单位：某市水利局 金额单位：元", ["填报单位：某市水利局", "金额单位：元"]),
        ("编制单位：某局资金单位：万元", ["编制单位：某局", "资金单位：万元"]),
        ("部门：某局 单位: 亿元", ["部门：某局", "单位: 亿元"]),
        ("金额单位：元", ["金额单位：元"]),
        ("实施单位：某某单位", ["实施单位：某某单位"]),
        ("某局单位：元", ["某局单位：元"]),  # no blank and no 金额/资金: a unit's name, not a declaration
    ],
)
def test_a_money_unit_declared_at_the_end_of_a_field_line(line: str, parts: list[str]) -> None:
    assert vocab.split_unit_tail(line) == parts


def test_a_money_unit_after_a_field_on_one_line_applies_to_the_amounts() -> None:
    text = """
项目支出绩效目标表
填报单位：某市水利局 金额单位：元

| 项目名称 | 河道清淤 |  |
|---|---|---|
| 年度资金总额 | 1,250,000.00 |  |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 清淤长度 | ≥12公里 |
"""
    doc = loads(text)[0]
    assert [(line.key, line.amount, line.unit) for line in doc.budget] == [
        ("annual_total", Decimal("1250000.00"), "元")
    ]


def test_header_fields_printed_below_the_indicator_table_are_fields_not_indicators() -> None:
    text = """
| 项目名称 | 农村公路养护 |  |  |  |
|---|---|---|---|---|
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
|  | 产出指标 | 数量指标 | 养护里程 | ≥300公里 |
| 联系人 | 李四 |  | 填报日期 | 2025年1月10日 |
"""
    doc = loads(text)[0]
    assert [i.name for i in doc.indicators] == ["养护里程"]
    assert doc.info["联系人"] == "李四" and doc.info["填报日期"] == "2025年1月10日"


def test_several_budget_amounts_written_as_a_sentence_in_one_cell() -> None:
    text = """
| 项目名称 | 养老服务站建设 |
|---|---|
| 项目资金 | 年度资金总额：120万元；其中：财政资金100万元，单位自筹20万元。 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 建成服务站 | 10个 |
"""
    doc = loads(text)[0]
    assert [(line.key, line.amount) for line in doc.budget] == [
        ("annual_total", Decimal("120")),
        ("fiscal", Decimal("100")),
        ("other_funds", Decimal("20")),
    ]


def test_a_glossary_after_the_last_form_is_not_read_into_it() -> None:
    text = """
| 项目名称 | 困难群众救助 |
|---|---|
| 年度绩效目标 | 按时足额发放救助资金。 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 救助人数 | ≥500人 |

第四部分 名词解释

项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。
年度绩效目标：是指预算资金计划在一个预算年度内达到的产出和效果。
"""
    doc = loads(text)[0]
    assert doc.goals == ["按时足额发放救助资金。"]
    assert [line.key for line in doc.budget] == []


def test_a_year_column_beside_the_goals_and_a_heading_row_between_tasks_and_indicators() -> None:
    text = """
2025年部门整体支出绩效目标表

| 部门名称 | 某市统计局 |  |  |
|---|---|---|---|
| 预算年度 | 年度绩效目标 |  |  |
| 2025 | 完成年度统计调查任务。 |  |  |
| 任务名称 | 主要内容 | 预算金额（万元） |  |
| 统计调查 | 开展经济普查 | 80 |  |
| 年度绩效指标 |  |  |  |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 调查单位数 | ≥2000个 |
"""
    doc = loads(text)[0]
    assert doc.goals == ["完成年度统计调查任务。"]
    assert [task.name for task in doc.tasks] == ["统计调查"]


def test_a_field_that_names_the_funding_source_is_a_field_not_an_empty_budget_line() -> None:
    text = """
| 项目名称 | 公共卫生服务 |  |  |
|---|---|---|---|
| 经费来源 | 政府性基金预算 | 项目类别 | 其他运转类 |
| 年度资金总额 | 200 |  |  |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 服务人次 | ≥1万人次 |
"""
    doc = loads(text)[0]
    assert doc.info["经费来源"] == "政府性基金预算"
    assert [(line.key, line.amount) for line in doc.budget] == [("annual_total", Decimal("200"))]


def test_a_row_shifted_left_with_its_value_in_the_name_column_is_realigned_and_reported() -> None:
    text = """
| 项目名称 | 疫苗接种服务 |  |  |  |
|---|---|---|---|---|
|  | 一级指标 | 二级指标 | 三级指标 | 指标值 |
|  | 产出指标 | 数量指标 | 接种剂次 | ≥3万剂次 |
|  |  | 冷链设备巡检次数 | 每月1次 |  |
|  | 满意度指标 | 服务对象满意度指标 | 接种者满意度 | ≥90% |
"""
    doc = loads(text)[0]
    assert [(i.level2, i.name, i.value) for i in doc.indicators] == [
        ("数量指标", "接种剂次", "≥3万剂次"),
        ("数量指标", "冷链设备巡检次数", "每月1次"),
        ("服务对象满意度指标", "接种者满意度", "≥90%"),
    ]
    assert [r.kind for r in doc.warnings if r.code == "P003"] == ["realigned-row"]


@pytest.mark.parametrize(
    ("title", "unit"),
    [
        ("滨海区市场监督管理局2025年项目支出绩效目标表", "滨海区市场监督管理局"),
        ("某县人民政府办公室（2024年）部门整体支出绩效目标表", "某县人民政府办公室"),
        ("某市社会科学界联合会部门整体支出绩效目标申报表", "某市社会科学界联合会"),
        ("2024年市级部门整体预算绩效目标表", None),
        ("财政项目支出绩效目标申报表", None),
        ("市本级2024年项目支出绩效目标表", None),
    ],
)
def test_the_unit_a_title_names_before_its_year(title: str, unit: str | None) -> None:
    assert vocab.unit_in_title(title) == unit


def test_a_form_without_a_department_field_takes_the_unit_its_title_names() -> None:
    doc = loads(
        """
滨海区市场监督管理局2025年项目支出绩效目标表

| 项目名称 | 食品安全抽检 |
|---|---|
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 抽检批次 | ≥100批次 |
"""
    )[0]
    assert (doc.department, doc.project, doc.year) == ("滨海区市场监督管理局", "食品安全抽检", 2025)
    assert doc.locations["department"] == doc.locations["title"]


@pytest.mark.parametrize(
    "printed",
    [
        "[301]某市卫生健康委员会",
        "【301001】某市卫生健康委员会",
        "301001-某市卫生健康委员会",
        "某市卫生健康委员会（301）",
    ],
)
def test_a_unit_code_printed_before_the_department_name_is_kept_apart(printed: str) -> None:
    doc = loads(
        f"""
| 部门名称 | {printed} |
|---|---|
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 接种人数 | ≥1万人 |
"""
    )[0]
    assert doc.department == "某市卫生健康委员会"
    assert doc.info["单位编码"] in ("301", "301001")


def test_a_number_in_brackets_that_is_part_of_a_unit_s_name_stays() -> None:
    (doc,) = loads("| 部门名称 | 某市第（12）中学 |\n|---|---|\n| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
                   "| 产出指标 | 数量指标 | 在校学生人数 | ≥800人 |\n")  # fmt: skip
    assert doc.department == "某市第（12）中学" and "单位编码" not in doc.info


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "| 项目名称：城乡环卫一体化 资金总额：300万元 |  |  |  |",
            "| 项目名称：垃圾分类宣传 资金总额：12.5万元 |  |  |  |",
        ),
        (
            "| 项目名称：城乡环卫一体化 |  | 资金总额：300万元 |  |",
            "| 项目名称：垃圾分类宣传 |  | 资金总额：12.5万元 |  |",
        ),
        (
            "| 项目名称 | 城乡环卫一体化 | 项目金额(万元) | 300 |",
            "| 项目名称 | 垃圾分类宣传 | 项目金额(万元) | 12.5 |",
        ),
    ],
)
def test_project_headings_inside_one_indicator_table_open_one_project_each(first: str, second: str) -> None:
    """A listing printed as one indicator table with a heading row per project (its name and amount): each
    heading opens a project that keeps the table's columns, title and year."""
    text = f"""
某区城市管理局2025年项目支出绩效目标表

| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
{first}
| 绩效目标：城乡垃圾日产日清。 |  |  |  |
| 产出指标 | 数量指标 | 清运垃圾量 | ≥5万吨 |
| 满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥90% |
{second}
| 产出指标 | 数量指标 | 宣传活动场次 | ≥20场 |
"""
    docs = loads(text)
    assert [(d.project, d.amount("total"), len(d.indicators), d.year, d.department) for d in docs] == [
        ("城乡环卫一体化", Decimal("300"), 2, 2025, "某区城市管理局"),
        ("垃圾分类宣传", Decimal("12.5"), 1, 2025, "某区城市管理局"),
    ]
    assert [d.indicators[-1].name for d in docs] == ["居民满意度", "宣传活动场次"]
    assert [d.goals for d in docs] == [["城乡垃圾日产日清。"], []]


def test_a_form_stacked_under_another_without_a_title_reads_its_own_fields_first() -> None:
    text = """
| 项目名称 | 甲项目 |  |  |
|---|---|---|---|
| 主管部门 | 甲局 |  |  |
| 年度资金总额 | 100 |  |  |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 甲指标 | 1个 |
| 项目名称 | 乙项目 |  |  |
| 主管部门 | 某局 |  |  |
| 年度资金总额 | 50 |  |  |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 乙指标 | 2个 |
"""
    docs = loads(text)
    assert [(d.project, d.amount("annual_total"), [i.name for i in d.indicators]) for d in docs] == [
        ("甲项目", Decimal("100"), ["甲指标"]),
        ("乙项目", Decimal("50"), ["乙指标"]),
    ]
    assert [d.department for d in docs] == ["甲局", "某局"]  # each its own, not the form's above


def test_a_formula_saved_without_its_value_is_reported_not_read_as_a_blank(tmp_path: Path) -> None:
    """openpyxl (like other tools that do not compute) saves formulas with no cached value: the amount is not a
    blank to be trusted, so the reader reports it (P003) and B006 does not call the formula "not a number"."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [
        ["项目名称", "社区养老服务"],
        ["年度资金总额", "=B3+B4"],
        ["其中：财政拨款", 80],
        ["其他资金", 20],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "服务人次", "≥1000人次"],
    ]:
        sheet.append(row)
    sheet.merge_cells("B2:C2")  # the amount merged over two columns, as forms print it
    path = tmp_path / "formula.xlsx"
    book.save(path)
    doc = perftable.load(path)
    line = doc.budget[0]
    assert (line.key, line.value, line.amount) == ("annual_total", "=B3+B4", None)
    assert [(r.code, r.kind, r.location.cell) for r in doc.warnings] == [
        ("P003", "formula-without-value", "B2")
    ]
    assert "B006" not in codes(doc)


def _form_rows(y: float, rows: list[tuple[str, str, str, str]]) -> list[BoxCell]:
    cells: list[BoxCell] = []
    for index, row in enumerate(rows):
        top = y + 20 * index
        cells += [BoxCell((x0, top, x1, top + 20), text) for (x0, x1), text in
                  zip(((50, 150), (150, 250), (250, 400), (400, 500)), row, strict=True)]  # fmt: skip
    return cells


def test_a_data_row_at_the_top_of_a_continued_page_is_kept_though_printed_before() -> None:
    """Every form prints the same 满意度 row (``≥90%``); on a page that continues a form without its header, that
    row is the form's own, not a header printed again, however often it appeared before."""
    header = ("一级指标", "二级指标", "三级指标", "指标值")
    satisfied = ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")
    page1 = _form_rows(100, [("项目名称", "甲项目", "", ""), header, ("产出指标", "数量指标", "甲一", "10个"), satisfied,
                             ("项目名称", "乙项目", "", ""), header, ("产出指标", "数量指标", "乙一", "20个")])  # fmt: skip
    page2 = _form_rows(100, [satisfied])
    docs = _pdf_docs("y.pdf", [([page1], [PageLine("项目支出绩效目标表", 80)]), ([page2], [])])
    assert [(d.project, [i.name for i in d.indicators]) for d in docs] == [
        ("甲项目", ["甲一", "群众满意度"]),
        ("乙项目", ["乙一", "群众满意度"]),
    ]


def test_a_sources_by_uses_matrix_after_the_tasks_keys_each_cell_by_its_row_and_column() -> None:
    """资金来源 | 基本支出 | 项目支出 | 合计 over one row per source and a 合计 row: a source's cell is its part of a
    use (``fiscal_basic``), its 合计 the source's whole, the 合计 row the uses' wholes; no false B-finding."""
    doc = loads(
        """
# 部门整体支出绩效目标表（2021年度）

| 部门名称 | 某县气象局 | | | | |
|---|---|---|---|---|---|
| 年度主要任务 | 任务名称 | 主要内容 | 对应项目 | 预算金额（万元） | |
| | 气象观测 | 地面观测站运维 | 观测站运维 | 12.00 | |
| 单位预算（万元） | 资金来源 | 基本支出 | 项目支出 | 合计 | |
| | 财政拨款 | 300.00 | 12.00 | 312.00 | |
| | 单位自筹 | 5.00 | 0.00 | 5.00 | |
| | 合计 | 305.00 | 12.00 | 317.00 | |
| 年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | |
| | 产出指标 | 数量指标 | 预警信息发布次数 | ≥200次 | |
"""
    )[0]
    assert [task.name for task in doc.tasks] == ["气象观测"]
    assert {line.key: line.amount for line in doc.budget} == {
        "fiscal_basic": Decimal("300.00"),
        "fiscal_project": Decimal("12.00"),
        "fiscal": Decimal("312.00"),
        "other_funds_basic": Decimal("5.00"),
        "other_funds_project": Decimal("0.00"),
        "other_funds": Decimal("5.00"),
        "basic": Decimal("305.00"),
        "project": Decimal("12.00"),
        "total": Decimal("317.00"),
    }
    assert not [code for code in codes(doc) if code.startswith("B")]


def test_a_units_other_income_is_a_source_of_its_budget() -> None:
    text = """
| 部门名称 | 某县农业农村局 | | | |
|---|---|---|---|---|
| 收入预算 | 合计 | 财政拨款 | 事业收入 | 经营收入 |
| | 500.00 | 400.00 | 60.00 | 40.00 |
| 支出预算 | 合计 | 基本支出 | 项目支出 | |
| | 500.00 | 320.00 | 180.00 | |
| 一级指标 | 二级指标 | 三级指标 | 指标值 | |
| 产出指标 | 数量指标 | 培训农民 | ≥300人 | |
"""
    doc = loads(text)[0]
    assert (doc.amount("business_income"), doc.amount("operating_income")) == (
        Decimal("60.00"),
        Decimal("40.00"),
    )
    assert "B002" not in codes(doc)
    assert "B002" in codes(loads(text.replace("| 60.00 |", "| 70.00 |"))[0])


def test_the_supervising_department_of_a_project_form_wins_over_the_unit_printed_above_it() -> None:
    text = """
填报单位：某县疾病预防控制中心 金额单位：元

| 项目名称 | 重大传染病防控 | | |
|---|---|---|---|
| 主管部门 | 某县卫生健康委员会 | 实施单位 | 某县疾病预防控制中心 |
| 年度资金总额 | 500,000.00 | | |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 监测点数 | ≥20个 |
"""
    doc = loads(text)[0]
    assert (doc.department, doc.info["填报单位"]) == ("某县卫生健康委员会", "某县疾病预防控制中心")
    assert (doc.amount("annual_total"), doc.budget[0].unit) == (Decimal("500000.00"), "元")
    department_form = loads(text.replace("| 项目名称 | 重大传染病防控 | | |\n|---|---|---|---|\n", "| 部门名称 | 某县疾病预防控制中心 | | |\n|---|---|---|---|\n"))[0]  # fmt: skip
    assert department_form.department == "某县疾病预防控制中心"


def test_a_money_unit_in_another_cell_of_a_field_row_applies(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [
        ["项目支出绩效目标表"],
        ["单位名称：某县就业服务中心", None, None, "金额单位：元"],
        ["项目名称", "就业补助"],
        ["年度资金总额", "1,286,000.00"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "补贴人数", "≥300人"],
    ]:
        sheet.append(row)
    path = tmp_path / "unit.xlsx"
    book.save(path)
    line = perftable.load(path).budget[0]
    assert (line.amount, line.unit) == (Decimal("1286000.00"), "元")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("农村饮水安全巩固提升工程", "农村饮水安全巩固提升工程"),
        ("2、小型水库除险加固", "小型水库除险加固"),
        ("（三）河湖长制工作经费", "河湖长制工作经费"),
        ("附件3", None),
        ("单位：万元", None),
        ("项目支出绩效目标表", None),
        ("（2025年度）", None),
        ("说明：本表由项目单位填报", None),
        ("预算12表 项目支出绩效目标表", None),
    ],
)
def test_a_heading_line_names_something_only_when_it_is_a_short_name(line: str, name: str | None) -> None:
    assert vocab.heading_name(line) == name


def test_forms_under_one_title_named_by_their_captions(tmp_path: Path) -> None:
    """A portal page: one title, then a table per project whose name is only its ``<caption>``; each caption
    names its form, which keeps the title's kind and year."""
    tables = "".join(
        f"<table border=1><caption>{name}</caption>"
        f"<tr><th>主管部门</th><td colspan=3>某县水务局</td></tr>"
        f"<tr><th>年度资金总额（万元）</th><td colspan=3>{amount}</td></tr>"
        "<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>"
        f"<tr><td>产出指标</td><td>数量指标</td><td>{indicator}</td><td>≥10处</td></tr></table><p>&nbsp;</p>"
        for name, amount, indicator in (
            ("农村供水保障工程", "120", "新建供水点"),
            ("山洪灾害防治", "45.5", "预警站点"),
        )
    )
    path = tmp_path / "portal.html"
    path.write_text(f"<html><body><h1>某县水务局2025年项目支出绩效目标表</h1>{tables}</body></html>", "utf-8")
    docs = perftable.load_all(path)
    assert [(d.kind, d.project, d.year, d.department, d.amount("annual_total")) for d in docs] == [
        ("project", "农村供水保障工程", 2025, "某县水务局", Decimal("120")),
        ("project", "山洪灾害防治", 2025, "某县水务局", Decimal("45.5")),
    ]
    assert docs[1].locations["project"].line is not None


def test_tasks_written_as_a_numbered_list_and_duties_after_the_budget_are_kept() -> None:
    doc = loads(
        """
| 部门名称 | 某县林业局 | | |
|---|---|---|---|
| 部门预算总额（万元） | 800 | | |
| 部门主要职责 | 负责全县林业资源保护。 | | |
| 年度主要任务 | 1、完成人工造林1.2万亩；2、森林火灾受害率控制在0.9‰以内。 | | |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 人工造林面积 | ≥1.2万亩 |
"""
    )[0]
    assert [(task.section, task.number, task.name) for task in doc.tasks] == [
        ("key", 1, "完成人工造林1.2万亩"),
        ("key", 2, "森林火灾受害率控制在0.9‰以内。"),
    ]
    assert doc.info["部门主要职责"] == "负责全县林业资源保护。"


# --- a row split by a page break (Word lets a row break across pages by default) ---------------------------


def _form_page(rows: list[tuple[str, str, str, str]], *, header: bool, top: float = 100.0) -> list[BoxCell]:
    """A page of an indicator table: 一级 | 二级 | 三级 | 指标值, one row per tuple (an empty level continues)."""
    cells: list[BoxCell] = []
    y = top
    columns = ((50, 130), (130, 230), (230, 420), (420, 540))
    if header:
        for (x0, x1), text in zip(columns, ("一级指标", "二级指标", "三级指标", "指标值"), strict=True):
            cells.append(BoxCell((x0, y, x1, y + 20), text))
        y += 20
    for row in rows:
        for (x0, x1), text in zip(columns, row, strict=True):
            cells.append(BoxCell((x0, y, x1, y + 20), text))
        y += 20
    return cells


SPLIT_PAGE1 = [
    ("产出指标", "数量指标", "培训基层调解员", "≥1200人次"),
    ("", "质量指标", "调解协议履行率", "≥95%"),
    ("效益指标", "社会效益指标", "辖区群众对矛盾纠纷", "明显改善"),
]


def _split_docs(page2: list[tuple[str, str, str, str]]) -> list[Document]:
    return _pdf_docs(
        "split.pdf",
        [
            ([_form_page(SPLIT_PAGE1, header=True)], [PageLine("项目支出绩效目标表", 80)]),
            ([_form_page(page2, header=False, top=60)], []),
        ],
    )


def test_a_row_split_by_a_page_break_is_joined_to_the_row_above_it() -> None:
    docs = _split_docs(
        [("", "", "化解的满意程度", ""), ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")]
    )
    (doc,) = docs
    assert [(i.level2, i.name, i.value) for i in doc.indicators] == [
        ("数量指标", "培训基层调解员", "≥1200人次"),
        ("质量指标", "调解协议履行率", "≥95%"),
        ("社会效益指标", "辖区群众对矛盾纠纷化解的满意程度", "明显改善"),
        ("服务对象满意度指标", "群众满意度", "≥90%"),
    ]
    assert doc.indicators[2].location.page == 1  # the row is where it starts
    (repair,) = [w for w in doc.warnings if w.kind == "page-split-row"]
    assert (repair.code, repair.location.page, repair.location.row) == ("P003", 2, 1)
    assert "化解的满意程度" in repair.text("zh") and "page 2" in repair.text("en")
    assert "I003" not in codes(doc)


def test_a_value_split_by_a_page_break_is_joined_too() -> None:
    (doc,) = _split_docs(
        [("", "", "", "持续提升"), ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")]
    )
    assert [i.value for i in doc.indicators][2:] == ["明显改善持续提升", "≥90%"]


@pytest.mark.parametrize(
    "first_row",
    [
        ("", "", "调解案件数量", "≥300件"),  # a whole row: name and value
        ("满意度指标", "", "群众满意度", ""),  # a level of its own: a new row whose value is missing
    ],
)
def test_a_whole_row_at_the_top_of_a_page_stays_a_row(first_row: tuple[str, str, str, str]) -> None:
    (doc,) = _split_docs([first_row])
    assert len(doc.indicators) == 4
    assert not [w for w in doc.warnings if w.kind == "page-split-row"]


def test_a_blank_value_in_a_text_table_is_never_taken_for_a_split_row() -> None:
    """Only a page break splits a row: in markdown a row without a value is a row without a value (I003)."""
    (doc,) = loads(
        """
# 项目支出绩效目标表

| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
| 产出指标 | 数量指标 | 培训基层调解员 | ≥1200人次 |
|  |  | 调解案件数量 |  |
"""
    )
    assert [i.name for i in doc.indicators] == ["培训基层调解员", "调解案件数量"]
    assert "I003" in codes(doc)


# --- amounts shifted under a merged block label (a web page copied as text) --------------------------------

SHIFTED_BUDGET = (
    "2026年部门整体支出绩效目标表\n"
    "部门名称\t南湖区民政局\n"
    "部门预算（元）\t合计\t基本支出\t项目支出\n"
    "{amounts}\n"
    "年度绩效目标\t兜牢民生底线，保障困难群众基本生活。\n"
    "一级指标\t二级指标\t三级指标\t指标值\n"
    "产出指标\t数量指标\t保障低保对象人数\t≥3200人\n"
    "满意度指标\t服务对象满意度指标\t困难群众满意度\t≥90%\n"
)


def _shifted(amounts: str) -> Document:
    (doc,) = perftable.loads(SHIFTED_BUDGET.format(amounts=amounts), "text", "web.txt")
    return doc


@pytest.mark.parametrize(
    "amounts",
    [
        "1,273,720.00\t278,550.00\t995,170.00",
        # the covered cell kept as a leading tab: a text line starts at its first character, so it reads the same
        "\t1,273,720.00\t278,550.00\t995,170.00",
    ],
)
def test_amounts_that_start_under_a_merged_block_label_are_read_under_their_labels(amounts: str) -> None:
    doc = _shifted(amounts)
    assert [(line.key, line.amount) for line in doc.budget] == [
        ("total", Decimal("1273720.00")),
        ("basic", Decimal("278550.00")),
        ("project", Decimal("995170.00")),
    ]
    (repair,) = [w for w in doc.warnings if w.kind == "amounts-shifted"]
    assert (repair.code, repair.location.line) == ("P003", 4)
    assert "「合计」「基本支出」「项目支出」" in repair.text("zh")
    assert not {"B001", "B002"} & set(codes(doc))


def test_amounts_with_a_cell_lost_as_well_are_not_realigned() -> None:
    """One amount fewer than the labels: cells were lost besides the covered one, and which cannot be known."""
    doc = _shifted("1,273,720.00\t278,550.00")
    assert not [w for w in doc.warnings if w.kind == "amounts-shifted"]


def test_amounts_in_their_columns_are_not_realigned() -> None:
    (doc,) = loads(
        """
# 2026年部门整体支出绩效目标表

| 部门名称 | 南湖区民政局 | | |
|---|---|---|---|
| 部门预算（元） | 合计 | 基本支出 | 项目支出 |
| | 1,273,720.00 | 278,550.00 | 995,170.00 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 保障低保对象人数 | ≥3200人 |
"""
    )
    assert [(line.key, line.amount) for line in doc.budget] == [
        ("total", Decimal("1273720.00")),
        ("basic", Decimal("278550.00")),
        ("project", Decimal("995170.00")),
    ]
    assert not [w for w in doc.warnings if w.kind == "amounts-shifted"]


# --- a flat export: the project cells printed again on every indicator row -------------------------------------

REPEATED_PROJECT_CELLS = """
# 2026年项目支出绩效目标表

| 序号 | 项目名称 | 资金总额（万元） | 财政拨款 | 项目年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|---|---|---|---|---|
| 1 | 城乡居民医疗救助 | 86.40 | 86.40 | 应救尽救。 | 产出指标 | 数量指标 | 救助人次 | ≥1200人次 |
| 2 | 城乡居民医疗救助 | 86.40 | 86.40 | 应救尽救。 | 满意度指标 | 服务对象满意度指标 | 救助对象满意度 | ≥90% |
| 3 | 城乡居民医疗救助 | 120.00 | 120.00 | 二期：应救尽救。 | 产出指标 | 数量指标 | 救助人次 | ≥1500人次 |
| 4 | 城乡居民医疗救助 | 120.00 | 120.00 | 二期：应救尽救。 | 满意度指标 | 服务对象满意度指标 | 救助对象满意度 | ≥90% |
| 5 | 困难残疾人生活补贴 | 42.10 | 42.10 | 按月足额发放。 | 产出指标 | 数量指标 | 补贴发放人数 | ≥350人 |
| 6 | 困难残疾人生活补贴 | 42.10 | 42.10 | 按月足额发放。 | 产出指标 | 时效指标 | 发放及时率 | 100% |
| 7 | 困难残疾人生活补贴 | 42.10 | 42.10 | 按月足额发放。 | 满意度指标 | 服务对象满意度指标 | 补贴对象满意度 | ≥90% |
"""


def test_project_cells_repeated_on_every_row_give_one_project_each() -> None:
    """Rows numbered one by one, each printing its project again: a project is the run of rows that repeat it (a
    name printed with other amounts and goal is another project, as in a merged listing)."""
    docs = loads(REPEATED_PROJECT_CELLS)
    assert [(d.project, d.budget[0].amount, len(d.indicators)) for d in docs] == [
        ("城乡居民医疗救助", Decimal("86.40"), 2),
        ("城乡居民医疗救助", Decimal("120.00"), 2),
        ("困难残疾人生活补贴", Decimal("42.10"), 3),
    ]
    assert [i.level2 for i in docs[2].indicators] == ["数量指标", "时效指标", "服务对象满意度指标"]
    # the same findings as the listing printed with merged (here: blanked) project cells
    merged = loads(
        re.sub(r"(?m)^(\| [2467] \|) [^|]+\|[^|]+\|[^|]+\|[^|]+\|", r"\1 | | | |", REPEATED_PROJECT_CELLS)
    )
    assert [(d.project, len(d.indicators)) for d in merged] == [(d.project, len(d.indicators)) for d in docs]
    assert [codes(d) for d in docs] == [codes(d) for d in merged]


# --- a money block label with its amount beside it ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "lines"),
    [
        ("| 项目资金 | 1,273.72 | | |", [("total", Decimal("1273.72"))]),
        ("| 年度预算安排（万元） | 86.40 | | |", [("total", Decimal("86.40"))]),
        (
            "| 资金总额 | 1273.72 | 其中：财政拨款 | 995.17 |",
            [("total", Decimal("1273.72")), ("fiscal", Decimal("995.17"))],
        ),
        ("| 资金来源 | 1273.72 | | |", []),  # where money comes from is not a total
    ],
)
def test_a_money_block_label_with_one_amount_beside_it_prints_the_total(
    row: str, lines: list[tuple[str, Decimal]]
) -> None:
    (doc,) = loads(
        f"""
# 2026年项目支出绩效目标表

| 项目名称 | 大气污染防治专项 | | |
|---|---|---|---|
{row}
| 年度绩效目标 | 完成辖区大气环境监测任务。 | | |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 空气自动监测站运维数量 | 28个 |
"""
    )
    assert [(line.key, line.amount) for line in doc.budget if line.key != "source"] == lines


# --- the comparator printed in one of several comparator-like columns --------------------------------------------


def test_the_comparator_is_taken_from_whichever_column_prints_one() -> None:
    """指标性质 says 定量, 指标方向 says 正向, 计算符号 says ≥: the ≥ is the target's."""
    (doc,) = loads(
        """
# 2026年项目支出绩效目标表

| 项目名称 | 义务教育学生资助项目 | | | | | | |
|---|---|---|---|---|---|---|---|
| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标方向 | 计算符号 | 指标值 | 度量单位 |
| 产出指标 | 数量指标 | 资助学生人次 | 定量 | 正向 | ≥ | 5600 | 人次 |
| 满意度指标 | 服务对象满意度指标 | 受助学生满意度 | 定量 | 正向 | ≥ | 92 | % |
"""
    )
    assert [(i.target.comparator, i.target.number, i.comparator_source) for i in doc.indicators] == [
        ("≥", Decimal("5600"), "column"),
        ("≥", Decimal("92"), "column"),
    ]
    assert "U003" not in codes(doc)


def test_two_period_values_share_the_comparator_and_unit_columns() -> None:
    """One 指标性质 column before 实施期指标值 | 年度指标值, one 度量单位 after them: both values take both."""
    (doc,) = loads(
        """
# 2026年项目支出绩效目标表

| 项目名称 | 中小河流治理工程 | | | | | |
|---|---|---|---|---|---|---|
| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 实施期指标值 | 年度指标值 | 度量单位 |
| 产出指标 | 数量指标 | 维修养护处数 | ≥ | 215 | 86 | 处 |
| 满意度指标 | 服务对象满意度指标 | 受益群众满意度 | ≥ | 90 | 90 | % |
"""
    )
    annual = [(i.target.comparator, i.target.number, i.target.unit) for i in doc.indicators]
    overall = [(i.target.comparator, i.target.number, i.target.unit) for i in doc.long_term_indicators]
    assert annual == [("≥", Decimal("86"), "处"), ("≥", Decimal("90"), "%")]
    assert overall == [("≥", Decimal("215"), "处"), ("≥", Decimal("90"), "%")]


# --- wrapped lines a PDF-to-CSV converter wrote as rows of their own ------------------------------------------

WRAPPED_FORM = """项目名称,乡村道路日常养护,,
一级指标,二级指标,三级指标,指标值
产出指标,数量指标,养护农村公路,≥1280公里
产出指标,质量指标,路面优良,≥85%
,,率,
满意度指标,服务对象满,沿线群众满意度,≥90%
,意度指标,,
"""


def test_a_wrapped_line_written_as_a_row_is_joined_to_the_row_above() -> None:
    """The table prints its level-1 on every row with a value: a row with neither is a wrapped line."""
    (doc,) = perftable.loads(WRAPPED_FORM, "csv", "tabula.csv")
    assert [(i.level2, i.name, i.value) for i in doc.indicators] == [
        ("数量指标", "养护农村公路", "≥1280公里"),
        ("质量指标", "路面优良率", "≥85%"),
        ("服务对象满意度指标", "沿线群众满意度", "≥90%"),
    ]
    assert [(w.kind, w.location.line) for w in doc.warnings if w.code == "P003"] == [
        ("wrapped-row", 5),
        ("wrapped-row", 7),
    ]
    assert not {"I003", "I013"} & set(codes(doc))


def test_a_row_without_a_value_where_levels_are_flattened_stays_an_indicator() -> None:
    """Where merged levels were flattened to blanks, a row printing only a name is an indicator missing its value."""
    flattened = """项目名称,乡村道路日常养护,,
一级指标,二级指标,三级指标,指标值
产出指标,数量指标,养护农村公路,≥1280公里
,质量指标,路面优良率,≥85%
,,危桥改造座数,
满意度指标,服务对象满意度指标,沿线群众满意度,≥90%
"""
    (doc,) = perftable.loads(flattened, "csv", "merged.csv")
    assert [(i.name, i.value) for i in doc.indicators][1:3] == [("路面优良率", "≥85%"), ("危桥改造座数", "")]
    assert "I003" in codes(doc)
    assert not [w for w in doc.warnings if w.kind == "wrapped-row"]


def test_a_wrapped_project_name_in_a_listing_is_joined() -> None:
    listing = """项目名称,项目金额,一级指标,二级指标,三级指标,指标值
基本公共卫生服务,995.17,产出指标,数量指标,老年人健康管理人数,≥3.2万人
补助资金,,,,,
,,产出指标,质量指标,健康档案建档率,≥90%
,,满意度指标,服务对象满意度指标,居民满意度,≥85%
城乡医疗救助,278.55,产出指标,数量指标,救助人次,≥1200人次
,,满意度指标,服务对象满意度指标,救助对象满意度,≥95%
"""
    docs = perftable.loads(listing, "csv", "tabula.csv")
    assert [(d.project, len(d.indicators)) for d in docs] == [
        ("基本公共卫生服务补助资金", 3),
        ("城乡医疗救助", 2),
    ]
    # a level-1 printed only where it changes says nothing: the name row is a project of its own
    changes_only = listing.replace(",,产出指标,质量指标", ",,,质量指标")
    assert len(perftable.loads(changes_only, "csv", "tabula.csv")) == 3


@pytest.mark.parametrize("whole", ["实施期资金总额", "项目实施期资金总额（万元）", "中期资金总额"])
def test_the_parts_of_the_whole_period_total_are_the_whole_periods(whole: str) -> None:
    """实施期资金总额 | 5000 | 年度资金总额 | 1800, each with its own 其中：财政拨款: two fiscal lines, one per period."""
    (doc,) = loads(
        f"""
# 2026年项目支出绩效目标表

| 项目名称 | 中小河流治理工程 | | | |
|---|---|---|---|---|
| 项目资金 | {whole} | 5000.00 | 年度资金总额 | 1800.00 |
| | 其中：财政拨款 | 5000.00 | 其中：财政拨款 | 1800.00 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 | |
| 产出指标 | 数量指标 | 河道清淤疏浚长度 | ≥36.5公里 | |
"""
    )
    assert sorted((line.key, line.amount) for line in doc.budget) == [
        ("annual_total", Decimal("1800.00")),
        ("fiscal", Decimal("1800.00")),
        ("total", Decimal("5000.00")),
        ("total_fiscal", Decimal("5000.00")),
    ]
    assert not {"B002", "B005"} & set(codes(doc))


# --- department forms: indicators listed per task, a section label merged down the task table -------------------


@pytest.mark.parametrize("head", ["任务名称", "重点任务", "对应任务"])
def test_indicators_listed_per_task_keep_the_task_beside_them(head: str) -> None:
    (doc,) = loads(
        f"""
# 2026年部门整体支出绩效目标表

| 部门名称 | 城关区文化局 | | | | |
|---|---|---|---|---|---|
| 年度总体目标 | 开展送戏下乡120场。 | | | | |
| 年度绩效指标 | {head} | 一级指标 | 二级指标 | 三级指标 | 指标值 |
| | 公共文化服务 | 产出指标 | 数量指标 | 送戏下乡演出场次 | ≥120场 |
| | 文物保护利用 | 效益指标 | 可持续影响指标 | 文物保护水平 | 持续提升 |
"""
    )
    assert [(i.level1, i.name, i.value, i.info) for i in doc.indicators] == [
        ("产出指标", "送戏下乡演出场次", "≥120场", {head: "公共文化服务"}),
        ("效益指标", "文物保护水平", "持续提升", {head: "文物保护利用"}),
    ]


def test_a_task_section_label_merged_down_beside_the_total_row_ends_at_the_goal(tmp_path: Path) -> None:
    """年度主要任务 merged down the left of the task table, its 合计 row included: the row of amounts is the total,
    not a header, and the goal row after it is the goal, not a task."""
    rows = [
        ["部门名称", "城关区文化局", "", "", "", ""],
        ["年度主要任务", "任务名称", "主要内容", "预算金额（万元）", "", ""],
        ["", "", "", "总额", "财政拨款", "其他资金"],
        ["", "公共文化服务", "开展送戏下乡", "278.55", "278.55", "0.00"],
        ["", "文物保护利用", "开展文物保护修缮", "995.17", "900.00", "95.17"],
        ["", "合计", "", "1273.72", "1178.55", "95.17"],
        ["年度总体目标", "完善公共文化服务体系。", "", "", "", ""],
        ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值", ""],
        ["", "产出指标", "数量指标", "送戏下乡演出场次", "≥120场", ""],
    ]
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=6)
    table.cell(1, 0).merge(table.cell(5, 0))  # the section label over the task rows and the 合计 row
    table.cell(1, 1).merge(table.cell(2, 1))
    table.cell(1, 2).merge(table.cell(2, 2))
    table.cell(1, 3).merge(table.cell(1, 5))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            if text:
                table.cell(r, c).text = text
    path = tmp_path / "部门整体.docx"
    document.save(str(path))
    (doc,) = perftable.load_all(path)
    assert [(t.name, t.funds) for t in doc.tasks] == [
        ("公共文化服务", Decimal("278.55")),
        ("文物保护利用", Decimal("995.17")),
    ]
    assert doc.goals == ["完善公共文化服务体系。"]
    assert [(line.label, line.amount) for line in doc.budget] == [("合计", Decimal("1273.72"))]


# --- projects named by numbered headings under a title that leaves out 表 ------------------------------------


def test_projects_named_by_numbered_headings_under_a_title_without_biao() -> None:
    docs = loads(
        """
# 海东市教育局2026年项目支出绩效目标

（一）学生资助补助经费

主管部门：海东市教育局

项目资金：146.73万元（全部为财政拨款）

| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
| 产出指标 | 数量指标 | 资助学生人次 | ≥5600人次 |

（二）校园安全防范能力建设

主管部门：海东市教育局

项目资金：38.60万元

| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
| 产出指标 | 数量指标 | 开展应急演练次数 | ≥4次 |
"""
    )
    assert [(d.kind, d.project, d.year, d.budget[0].key, d.budget[0].amount) for d in docs] == [
        ("project", "学生资助补助经费", 2026, "total", Decimal("146.73")),
        ("project", "校园安全防范能力建设", 2026, "total", Decimal("38.60")),
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("海东市教育局2026年项目支出绩效目标", True),
        ("2026年度部门整体支出绩效目标", True),
        ("项目支出绩效目标", False),  # a block label inside a form
        ("2026年项目支出绩效目标情况说明", False),
        ("2026年绩效目标", False),
    ],
)
def test_a_title_may_leave_out_biao_after_a_year(text: str, title: bool) -> None:
    assert vocab.is_title(text) is title


@pytest.mark.parametrize(
    ("sheet", "year"), [("2026年项目支出绩效目标", 2026), ("2025年度", 2025), ("Sheet1", None)]
)
def test_a_workbook_may_name_its_year_only_in_its_sheet_name(
    tmp_path: Path, sheet: str, year: int | None
) -> None:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = sheet
    for row in [
        ("项目名称", "年度预算（万元）", "年度绩效目标", "一级指标", "二级指标", "三级指标", "指标值"),
        ("河湖长制工作经费", 99.52, "完成河湖巡查任务。", "产出指标", "数量指标", "河道巡查次数", "≥48次"),
        (None, None, None, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"),
    ]:
        ws.append(row)
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    (doc,) = perftable.load_all(path)
    assert (doc.project, doc.year) == ("河湖长制工作经费", year)


def test_a_stacked_form_that_opens_with_its_code_starts_a_new_form() -> None:
    docs = loads(
        """
# 2026年项目支出绩效目标表

| 项目代码 | 22050026T000000412345 | 项目名称 | 中小河流治理工程 |
|---|---|---|---|
| 主管部门 | 通化市水利局 | 实施单位 | 通化市河湖管理中心 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 维修养护处数 | ≥86处 |
| 项目编号 | 22050026T000000412388 | 项目名称 | 农村公路危桥改造工程 |
| 主管部门 | 通化市交通运输局 | 实施单位 | 通化市公路事业发展中心 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 危桥改造座数 | 6座 |
"""
    )
    assert [(d.project, d.department, [i.name for i in d.indicators]) for d in docs] == [
        ("中小河流治理工程", "通化市水利局", ["维修养护处数"]),
        ("农村公路危桥改造工程", "通化市交通运输局", ["危桥改造座数"]),
    ]
    assert not [w for w in docs[0].warnings if w.kind == "realigned-row"]


def test_a_schedule_printed_as_a_small_table_gives_the_plan_dates_and_no_blank_fields() -> None:
    """实施进度计划 | 计划开始日期 | 计划完成日期 | 实施内容 over rows of dates: the plan runs from the first row's
    start to the last row's end; 其中：当年金额 beside 项目总金额 is the year's amount."""
    (doc,) = loads(
        """
# 2026年度项目绩效目标申报表

| 项目名称 | 公园绿地养护管理 | | | |
|---|---|---|---|---|
| 项目总金额（万元） | 3821.16 | | 其中：当年金额 | 1273.72 |
| 实施进度计划 | 计划开始日期 | 计划完成日期 | 实施内容 | 金额（万元） |
| | 2026-01-01 | 2026-06-30 | 春季养护 | 636.86 |
| | 2026-07-01 | 2026-12-31 | 夏秋季养护 | 636.86 |
| 年度绩效目标 | 保持公园绿地环境整洁。 | | | |
| 一级指标 | 二级指标 | 三级指标 | 指标值 | |
| 产出指标 | 数量指标 | 养护绿地面积 | ≥120万平方米 | |
"""
    )
    assert (doc.info["计划开始日期"], doc.info["计划完成日期"]) == ("2026-01-01", "2026-12-31")
    assert "计划开始日期" not in doc.blank_fields and "实施内容" not in doc.info
    assert [(line.key, line.amount) for line in doc.budget] == [
        ("total", Decimal("3821.16")),
        ("annual_total", Decimal("1273.72")),
    ]
    assert doc.goals == ["保持公园绿地环境整洁。"]


def test_a_row_without_value_under_levels_printed_where_they_change_stays_an_indicator() -> None:
    """Every valued row prints a level-1 because each differs from the one above (as perftable renders a table):
    that is no sign of levels printed on every row, and the row after is an indicator missing its value."""
    (doc,) = loads(
        """
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
| 产出指标 | 数量指标 | 无障碍改造户数 | ≥90户 |
| 成本指标 | 经济成本指标 | 户均改造成本 | ≤0.6万元 |
| 产出指标 | 数量指标 | 残疾人培训人数 | ≥300人 |
|  |  | 项目完成时间 |  |
"""
    )
    assert [i.name for i in doc.indicators][-1] == "项目完成时间"
    assert not [w for w in doc.warnings if w.kind == "wrapped-row"]


# --- HTML: a form inside a page-layout table, a grid nested in a form's cell -----------------------------------

LAYOUT_PAGE = """<html><body><table width="1000">
<tr><td class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></td></tr>
<tr><td><p>2026年项目支出绩效目标表</p>
<table border="1">
<tr><td>项目名称</td><td colspan="3">学生资助补助经费</td></tr>
<tr><td>年度绩效目标</td><td colspan="3">资助家庭经济困难学生5600人次。</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>资助学生人次</td><td>≥5600人次</td></tr>
<tr><td>质量指标</td><td>资助对象精准率</td><td>100%</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>受助学生满意度</td><td>≥92%</td></tr>
</table><p>主办：某市财政局 <table><tr><td>版权所有</td></tr></table></p></td></tr></table></body></html>"""


def test_a_form_inside_a_page_layout_table_is_read_with_its_title() -> None:
    (doc,) = perftable.loads(LAYOUT_PAGE, "html", "portal.html")
    assert (doc.title, doc.year, doc.project, len(doc.indicators)) == (
        "2026年项目支出绩效目标表",
        2026,
        "学生资助补助经费",
        3,
    )


def test_an_indicator_grid_nested_in_a_form_cell_is_read_after_its_form() -> None:
    page = """<table border="1">
<tr><td>项目名称</td><td>学生资助补助经费</td></tr>
<tr><td>资金总额</td><td>1467.28</td></tr>
<tr><td>绩效指标</td><td><table>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>资助学生人次</td><td>≥5600人次</td></tr>
</table></td></tr></table>"""
    (doc,) = perftable.loads(page, "html", "form.html")
    assert (doc.project, doc.budget[0].amount, [i.name for i in doc.indicators]) == (
        "学生资助补助经费",
        Decimal("1467.28"),
        ["资助学生人次"],
    )


# --- a listing continued in a table of its own (a converter that writes one table per page) -----------------


CONTINUED_LISTING = """
# 2026年项目支出绩效目标表

| 项目名称 | 项目金额 | 年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
| --- | --- | --- | --- | --- | --- | --- |
| 社区居家养老服务补贴 | 278.55 | 为240户老年人提供补贴 | 产出指标 | 数量指标 | 补贴发放户数 | 240户 |
|  |  |  | 满意度指标 | 服务对象满意度指标 | 老年人满意度 | ≥95% |
| 特困人员供养经费 | 312.40 | 保障特困人员基本生活 | 产出指标 | 数量指标 | 救助人数 | ≥1450人 |

{second}
|  |  |  | 效益指标 | 社会效益指标 | 困难群众基本生活 | 得到有效保障 |
|  |  |  | 满意度指标 | 服务对象满意度指标 | 救助对象满意度 | ≥95% |
| 困难残疾人生活补贴 | 423.60 | 为3200名残疾人发放补贴 | 产出指标 | 数量指标 | 补贴发放人数 | ≥3200人 |
"""


@pytest.mark.parametrize(
    "second",
    [
        "| 项目名称 | 项目金额 | 年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |\n| --- | --- | --- | --- | --- | --- | --- |",
        "|  |  |  |  |  |  |  |\n| --- | --- | --- | --- | --- | --- | --- |",  # no header
    ],
    ids=["header-repeated", "no-header"],
)
def test_a_listing_continued_in_another_table_keeps_its_projects_whole(second: str) -> None:
    docs = loads(CONTINUED_LISTING.replace("{second}", second))
    assert [(d.project, [i.name for i in d.indicators]) for d in docs] == [
        ("社区居家养老服务补贴", ["补贴发放户数", "老年人满意度"]),
        ("特困人员供养经费", ["救助人数", "困难群众基本生活", "救助对象满意度"]),
        ("困难残疾人生活补贴", ["补贴发放人数"]),
    ]


def test_note_and_sign_off_rows_under_a_listing_end_it() -> None:
    """注：… and 填表人：… | 联系电话：… rows fill a listing's unit and goal columns: they are no project."""
    docs = loads(
        """
# 2026年项目支出绩效目标表

| 单位名称 | 项目名称 | 项目金额（万元） | 年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|---|---|---|---|
| 某区农业农村局 | 农机购置补贴 | 543.21 | 补贴农机具1350台 | 产出指标 | 数量指标 | 补贴机具台数 | ≥1350台 |
| | | | | 满意度指标 | 服务对象满意度指标 | 受益农户满意度 | ≥90% |
| 注：本表金额单位为万元。 | | | | | | | |
| 填表人：赵磊 | | | 联系电话：0379-67712345 | | | | |
"""
    )
    assert [(d.project, len(d.indicators)) for d in docs] == [("农机购置补贴", 2)]


@pytest.mark.parametrize(
    ("heading", "word"),
    [
        ("任务一：公共文化服务", "任务"),
        ("重点任务1、公共文化服务", "重点任务"),
        ("项目（一）公共文化服务", "项目"),
    ],
)
def test_a_heading_row_inside_the_indicator_table_groups_the_indicators_under_it(
    heading: str, word: str
) -> None:
    (doc,) = loads(
        f"""
# 2026年部门整体绩效目标表

| 部门名称 | 某区文化旅游体育局 | | |
|---|---|---|---|
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| {heading} | | | |
| 产出指标 | 数量指标 | 送戏下乡演出场次 | ≥120场 |
| 满意度指标 | 服务对象满意度指标 | 观众满意度 | ≥90% |
| 任务二：全民健身 | | | |
| 产出指标 | 数量指标 | 健身赛事场次 | ≥36场 |
"""
    )
    assert [(i.name, i.value, dict(i.info)) for i in doc.indicators] == [
        ("送戏下乡演出场次", "≥120场", {word: "公共文化服务"}),
        ("观众满意度", "≥90%", {word: "公共文化服务"}),
        ("健身赛事场次", "≥36场", {"任务": "全民健身"}),
    ]
    assert not {"I003", "P003"} & set(codes(doc))


def test_a_project_cut_by_a_header_copied_into_a_sheet_stays_one_project() -> None:
    """A sheet has no pages: a header copied in where a printed page would start cuts a project as a page does."""
    docs = loads(
        """
| 项目名称 | 项目金额 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|---|---|
| 应急物资储备项目 | 450 | 产出指标 | 数量指标 | 储备物资种类 | ≥45种 |
| | | 产出指标 | 质量指标 | 物资完好率 | ≥98% |
| 项目名称 | 项目金额 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 应急物资储备项目 | 450 | 效益指标 | 社会效益指标 | 应急保障能力 | 持续提升 |
| | | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |
| 防汛抗旱项目 | 120 | 产出指标 | 数量指标 | 巡堤查险次数 | ≥30次 |
"""
    )
    assert [(d.project, len(d.indicators)) for d in docs] == [("应急物资储备项目", 4), ("防汛抗旱项目", 1)]


def test_digits_joined_across_a_line_break_are_a_repair_a_person_checks() -> None:
    """278<br>55 reads as 27855 and 100<br>200人 as 100200人: one number broken or two numbers, the text cannot say;
    each is a P003 repair, never a silent or meaning-keeping one."""
    (doc,) = loads(
        """
| 项目名称 | 某项目 | | |
|---|---|---|---|
| 资金总额 | 278<br>55 | | |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 培训人数 | 100<br>200人 |
| 产出指标 | 时效指标 | 完成时间 | 2026年<br>12月底前 |
"""
    )
    assert doc.budget[0].amount == Decimal("27855") and doc.indicators[0].value == "100200人"
    assert [(w.code, w.kind, w.location.line) for w in doc.warnings if w.kind != "carried-down"] == [
        ("P003", "digits-joined", 3),
        ("P003", "digits-joined", 5),
        ("P002", "joined-lines", 6),  # a break between words: joining keeps the meaning
    ]


def test_one_long_table_of_a_department_form_then_project_forms_with_section_rows() -> None:
    """A county prints all its forms in one table: section rows (二、…, （一）…) between them are headings, and a
    project form's money rows after its 项目名称 are its fields, not indicators of the table before."""
    docs = loads(
        """
| 部门名称 | 平江县民政局 |  |  |
|---|---|---|---|
| 年度预算（万元） | 资金总额 | 1573.72 |  |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 城乡低保保障人数 | ≥12860人 |
| 满意度指标 | 服务对象满意度指标 | 服务对象满意度 | ≥90% |
| 二、项目支出绩效目标 |  |  |  |
| （一）农村饮水安全巩固提升 |  |  |  |
| 项目名称 | 农村饮水安全巩固提升 |  |  |
| 项目资金（万元） | 年度资金总额 | 586.30 |  |
| 年度绩效目标 | 维修养护农村供水工程86处。 |  |  |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 维修养护处数 | ≥86处 |
"""
    )
    assert [
        (d.kind, [i.name for i in d.indicators], [(b.key, b.amount) for b in d.budget]) for d in docs
    ] == [
        ("department", ["城乡低保保障人数", "服务对象满意度"], [("total", Decimal("1573.72"))]),
        ("project", ["维修养护处数"], [("annual_total", Decimal("586.30"))]),
    ]
    assert docs[1].goals == ["维修养护农村供水工程86处。"]
    assert not {"I003", "P003"} & {code for doc in docs for code in codes(doc)}


def test_a_uses_by_sources_matrix_reads_each_use_and_its_parts() -> None:
    """预算金额 | 其中：财政拨款 | 其他资金 over rows 合计, 基本支出, 项目支出 (the 广东 2021 申报表's 预算情况)."""
    (doc,) = loads(
        """
| 部门名称 | 乐昌市农业农村局 |  |  |  |
|---|---|---|---|---|
| 预算情况（万元） | 项目 | 预算金额 | 其中：财政拨款 | 其他资金 |
|  | 合计 | 1,273.72 | 1,223.72 | 50.00 |
|  | 基本支出 | 278.55 | 278.55 | 0.00 |
|  | 项目支出 | 995.17 | 945.17 | 50.00 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |  |
| 产出指标 | 数量指标 | 新建高标准农田面积 | ≥1.2万亩 |  |
"""
    )
    assert {line.key: line.amount for line in doc.budget} == {
        "total": Decimal("1273.72"),
        "fiscal": Decimal("1223.72"),
        "other_funds": Decimal("50.00"),
        "basic": Decimal("278.55"),
        "fiscal_basic": Decimal("278.55"),
        "other_funds_basic": Decimal("0.00"),
        "project": Decimal("995.17"),
        "fiscal_project": Decimal("945.17"),
        "other_funds_project": Decimal("50.00"),
    }
    assert not {"B001", "B002", "B003"} & set(codes(doc))


def _matrix_html(rows: list[tuple[str, ...]]) -> str:
    cells = "".join("<tr>" + "".join(f"<td>{text}</td>" for text in row) + "</tr>" for row in rows)
    return f"<h1>2026年部门整体支出绩效目标表</h1><table>{cells}</table>"


_MATRIX_HEAD = [
    ("部门名称", "某县住房和城乡建设局", "", "", ""),
    ("支出用途", "资金总额", "一般公共预算", "政府性基金", "其他资金"),
]
_MATRIX_TAIL = [
    ("一级指标", "二级指标", "三级指标", "指标值", ""),
    ("产出指标", "数量指标", "改造老旧小区", "≥12个", ""),
]


def test_a_uses_by_sources_matrix_headed_by_a_total_reads_each_use_once_with_its_parts() -> None:
    """资金总额 | 一般公共预算 | 政府性基金 | 其他资金 over 基本支出, 项目支出 and a 合计 row last: each use once, each
    source's part of it keyed as the part (``government_fund_project``); B001 checks each source against its
    parts, and a consistent matrix gets no B-finding."""
    rows = [("基本支出", "620.00", "600.00", "0.00", "20.00"), ("项目支出", "1,380.00", "900.00", "450.00", "30.00"),
            ("合计", "2,000.00", "1,500.00", "450.00", "50.00")]  # fmt: skip
    (doc,) = perftable.loads(_matrix_html([*_MATRIX_HEAD, *rows, *_MATRIX_TAIL]), "html")
    assert [(line.key, line.amount) for line in doc.budget] == [
        ("basic", Decimal("620.00")),
        ("general_budget_basic", Decimal("600.00")),
        ("government_fund_basic", Decimal("0.00")),
        ("other_funds_basic", Decimal("20.00")),
        ("project", Decimal("1380.00")),
        ("general_budget_project", Decimal("900.00")),
        ("government_fund_project", Decimal("450.00")),
        ("other_funds_project", Decimal("30.00")),
        ("total", Decimal("2000.00")),
        ("general_budget", Decimal("1500.00")),
        ("government_fund", Decimal("450.00")),
        ("other_funds", Decimal("50.00")),
    ]
    assert not [code for code in codes(doc) if code.startswith("B")]
    rows[1] = ("项目支出", "1,380.00", "950.00", "400.00", "30.00")  # 一般公共预算 600 + 950 is not 1,500
    (wrong,) = perftable.loads(_matrix_html([*_MATRIX_HEAD, *rows, *_MATRIX_TAIL]), "html")
    assert [code for code in codes(wrong) if code.startswith("B")] == ["B001", "B001"]


@pytest.mark.parametrize("label", ["", "年度预算"])
def test_amounts_under_a_total_and_its_sources_without_a_use_are_no_matrix(label: str) -> None:
    """The same heads over one row of amounts that names no use (unlabelled, or 年度预算): the amounts are the
    heads' own lines, as printed."""
    rows = [(label, "2,000.00", "1,500.00", "450.00", "50.00")]
    (doc,) = perftable.loads(_matrix_html([*_MATRIX_HEAD, *rows, *_MATRIX_TAIL]), "html")
    assert [(line.label, line.key) for line in doc.budget] == [
        ("资金总额", "total"),
        ("一般公共预算", "general_budget"),
        ("政府性基金", "government_fund"),
        ("其他资金", "other_funds"),
    ]


def test_a_budget_label_with_a_note_in_brackets_keeps_its_key() -> None:
    """政府性基金预算（彩票公益金）: the note names what the fund holds; the line is the fund's, and it counts."""
    (doc,) = loads(
        """
# 2026年部门整体支出绩效目标表

| 部门名称 | 某县文化广电和旅游局 | | | |
|---|---|---|---|---|
| 部门预算（万元） | 收入预算 | | 支出预算 | |
| | 合计 | 1,273.72 | 合计 | 1,273.72 |
| | 一般公共预算 | 978.32 | 基本支出 | 278.55 |
| | 政府性基金预算（彩票公益金） | 98.00 | 项目支出 | 995.17 |
| | 上年结转 | 197.40 | | |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 送戏下乡场次 | ≥120场 |
"""
    )
    assert ("government_fund", Decimal("98.00")) in [(line.key, line.amount) for line in doc.budget]
    assert "B002" not in codes(doc)


def test_the_department_budget_printed_under_its_tasks_is_no_task_total() -> None:
    """The central 2021 部门整体 form: tasks, then 金额合计 and 其中：基本支出 / 项目支出 in the task columns. The 合计
    is the department's total (the tasks add up to 项目支出), and the 其中 rows are budget lines, not tasks."""
    (doc,) = loads(
        """
# 2026年部门整体支出绩效目标表

| 部门名称 | 某市公安局 | | | | |
|---|---|---|---|---|---|
| 年度主要任务 | 任务名称 | 主要内容 | 总额 | 财政拨款 | 其他资金 |
| | 社区警务室建设 | 新建社区警务室12个 | 600.00 | 600.00 | 0.00 |
| | 禁毒宣传 | 开展禁毒宣传60场 | 395.17 | 395.17 | 0.00 |
| 金额合计 | | | 1,273.72 | 1,076.32 | 197.40 |
| | 其中：基本支出 | | 278.55 | 278.55 | 0.00 |
| | 项目支出 | | 995.17 | 797.77 | 197.40 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 | | |
| 产出指标 | 数量指标 | 新建社区警务室数量 | 12个 | | |
"""
    )
    assert [t.name for t in doc.tasks] == ["社区警务室建设", "禁毒宣传"]
    assert [(line.key, line.amount) for line in doc.budget] == [
        ("total", Decimal("1273.72")),
        ("basic", Decimal("278.55")),
        ("project", Decimal("995.17")),
    ]
    assert not {"B001", "B003", "B007"} & set(codes(doc))


@pytest.mark.parametrize("head", ["资金合计（万元）", "项目资金合计", "资金总计"])
def test_a_listing_column_of_the_whole_money_is_the_total(head: str) -> None:
    docs = loads(
        f"""
# 2026年项目支出绩效目标表

| 项目名称 | {head} | 一般公共预算 | 政府性基金预算 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|---|---|---|---|
| 高标准农田建设 | 2,500.00 | 1,800.00 | 700.00 | 产出指标 | 数量指标 | 新建面积 | ≥2.5万亩 |
"""
    )
    assert (docs[0].budget[0].key, docs[0].budget[0].amount) == ("total", Decimal("2500.00"))


@pytest.mark.parametrize(
    ("level1", "level2"),
    [("一、产出指标", "（一）数量指标"), ("1.产出指标", "(1)数量指标"), ("二、产出指标", "1、数量指标")],
)
def test_level_names_numbered_as_an_outline_read_as_their_names(level1: str, level2: str) -> None:
    """一、产出指标 / （一）数量指标: the numbering is the form's outline; no I001 for a missing 产出指标, no I005."""
    (doc,) = loads(
        f"""
# 2026年项目支出绩效目标表

| 项目名称 | 某项目 | | |
|---|---|---|---|
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| {level1} | {level2} | 培训人数 | ≥200人 |
| 三、效益指标 | （一）社会效益指标 | 就业率 | ≥80% |
| 四、满意度指标 | （一）服务对象满意度指标 | 学员满意度 | ≥90% |
"""
    )
    assert [(i.level1, i.level2) for i in doc.indicators] == [
        ("产出指标", "数量指标"),
        ("效益指标", "社会效益指标"),
        ("满意度指标", "服务对象满意度指标"),
    ]
    assert not {"I001", "I005"} & set(codes(doc))


@pytest.mark.parametrize("total", ["| 总分 |  |  | 100分 | 100 |", "| 合计分值 |  |  |  | =SUM(E4:E6) |"])
def test_a_total_row_under_the_indicator_grid_is_no_indicator(total: str) -> None:
    text = (
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |\n|---|---|---|---|---|\n"
        "| 产出指标 | 数量指标 | 培训人数 | ≥200人 | 40 |\n| 效益指标 | 社会效益指标 | 就业率 | ≥60% | 30 |\n"
        f"| 满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% | 30 |\n{total}\n"
    )
    (doc,) = loads(text)
    assert [i.name for i in doc.indicators] == ["培训人数", "就业率", "学员满意度"]


def test_an_indicator_named_for_a_total_is_kept() -> None:
    text = (
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|\n"
        "| 产出指标 | 数量指标 | 合计发放人数 | 1200 |\n|  |  | 合计 | ≥95% |\n"
    )
    (doc,) = loads(text)
    assert [i.name for i in doc.indicators] == ["合计发放人数", "合计"]


@pytest.mark.parametrize(
    "label",
    [
        "彩票公益金",
        "超长期特别国债",
        "使用非财政拨款结余",
        "上年结余",
        "上级专项转移支付",
        "群众投工投劳折资",
        "用事业基金弥补收支差额",
    ],
)
def test_a_funding_source_the_keys_do_not_name_still_counts(label: str) -> None:
    """Sources printed under their own names (彩票公益金, 超长期特别国债, 使用非财政拨款结余): kept as sources, so the
    sources add up to the total; dropped, they gave a false B002."""
    (doc,) = loads(
        f"""
# 2026年部门整体支出绩效目标表

| 部门名称 | 某市体育局 | | |
|---|---|---|---|
| 资金总额 | 300.00 | | |
| 一般公共预算 | 200.00 | | |
| {label} | 100.00 | | |
| 基本支出 | 120.00 | 项目支出 | 180.00 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 全民健身活动场次 | ≥60场 |
"""
    )
    assert (label, Decimal("100.00")) in [(line.label, line.amount) for line in doc.budget]
    assert not [code for code in codes(doc) if code.startswith("B")]


@pytest.mark.parametrize(
    "crumb",
    ["当前位置：首页 > 政务公开 > 财政信息 > 预算公开", "首页/信息公开/部门预算", "您的位置：首页>>预算公开"],
)
def test_a_web_page_s_breadcrumb_is_no_cover(crumb: str) -> None:
    """A portal's breadcrumb ending in 预算公开 reads like a cover line (a name, then 预算公开); taken as one, it hid the
    year of the heading under it and gave the department as 当前位置:首页>…."""
    html = f"""<html><body><div>{crumb}</div><h2>某区2026年重点项目支出绩效目标公开</h2>
<table><tr><td>项目名称</td><td colspan="3">城区道路养护</td></tr>
<tr><td>年度资金总额</td><td colspan="3">520.00</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>养护道路里程</td><td>≥36公里</td></tr></table></body></html>"""
    (doc,) = perftable.loads(html, "html")
    assert (doc.year, doc.department) == (2026, None)


ADJUSTMENT = """
# 2026年预算调整项目绩效目标表

| 项目名称 | 农产品质量安全监测 | | | |
|---|---|---|---|---|
| 项目资金（万元） | 资金来源 | {before} | 调整数 | 调整后预算数 |
| | 年度资金总额 | 160.00 | 80.00 | 240.00 |
| | 其中：财政拨款 | 160.00 | 50.00 | 210.00 |
| | 其他资金 | 0.00 | 30.00 | 30.00 |
| 调整后年度绩效目标 | 全年完成定量检测2400批次（调整前1600批次）。 | | | |
| 一级指标 | 二级指标 | 三级指标 | 调整前指标值 | 调整后指标值 |
| 产出指标 | 数量指标 | 农产品定量检测批次 | ≥1600批次 | ≥2400批次 |
| 满意度指标 | 服务对象满意度指标 | 生产经营主体满意度 | ≥90% | ≥90% |
"""


@pytest.mark.parametrize("before", ["年初预算数", "调整前预算数", "原预算数"])
def test_a_budget_adjustment_form_reads_the_adjusted_budget_goal_and_targets(before: str) -> None:
    """A 预算调整 form: the money before the adjustment, the change and after it; goals and targets as adjusted. The
    targets are the adjusted ones; what was before is kept, never read as the target."""
    (doc,) = loads(ADJUSTMENT.format(before=before))
    assert [(line.key, line.amount) for line in doc.budget] == [
        ("annual_total", Decimal("240.00")),
        ("fiscal", Decimal("210.00")),
        ("other_funds", Decimal("30.00")),
    ]
    assert doc.info[f"年度资金总额（{before}）"] == "160.00" and doc.info["年度资金总额（调整数）"] == "80.00"
    assert doc.goals == ["全年完成定量检测2400批次（调整前1600批次）。"]
    assert (doc.indicators[0].value, doc.indicators[0].info) == ("≥2400批次", {"调整前指标值": "≥1600批次"})
    assert not [code for code in codes(doc) if code[0] in "BX"]


def test_a_money_head_row_without_an_adjusted_column_is_read_as_before() -> None:
    text = ADJUSTMENT.format(before="年初预算数").replace("调整后预算数", "备注")
    (doc,) = loads(text)
    assert doc.amount("annual_total") == Decimal("160.00")


@pytest.mark.parametrize("margin", ["", "绩效指标 | "])
def test_duty_heading_rows_group_a_department_s_indicators(margin: str) -> None:
    """A department form grouped by its duties (职责一：… rows across the grid), with or without a row label merged
    down the table's left margin (绩效指标): each duty heads the indicators under it; none is an indicator."""
    lead = "| " + margin if margin else "| "
    blank = "|  " if margin else ""
    header = f"| {'绩效指标 | ' if margin else ''}一级指标 | 二级指标 | 三级指标 | 指标值 |"
    rule = "|---" * (5 if margin else 4) + "|"
    text = "\n".join(
        [
            "# 2026年部门整体支出绩效目标表",
            "",
            header,
            rule,
            f"{lead}职责一：组织实施基本公共卫生服务 | | | |",
            f"{blank}| 产出指标 | 数量指标 | 家庭医生签约服务人数 | ≥32万人 |",
            f"{blank}| 满意度指标 | 服务对象满意度指标 | 签约居民满意度 | ≥90% |",
            f"{lead}职责二：开展卫生监督执法 | | | |",
            f"{blank}| 产出指标 | 数量指标 | 公共场所卫生监督检查户次 | ≥5200户次 |",
            "",
        ]
    )
    (doc,) = loads(text)
    assert [(i.name, dict(i.info)) for i in doc.indicators] == [
        ("家庭医生签约服务人数", {"职责": "组织实施基本公共卫生服务"}),
        ("签约居民满意度", {"职责": "组织实施基本公共卫生服务"}),
        ("公共场所卫生监督检查户次", {"职责": "开展卫生监督执法"}),
    ]
    assert not {"I003", "P003"} & set(codes(doc))


_SPLIT = """
# 2026年项目支出绩效目标表

| 项目名称 | 乡镇污水管网延伸工程 | | |
|---|---|---|---|
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 新建管网长度 | ≥15公里 |
|  | 质量指标 | 农村生活垃圾分类 | ≥95% |

- 2 -

| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
|  |  | {first} | {value} |
| 满意度指标 | 服务对象满意度指标 | 沿线居民满意度 | ≥90% |
"""


def test_a_row_cut_where_a_converter_starts_a_new_table_is_joined_to_the_row_above() -> None:
    """A converter writes a table per page and prints the header again; the page break fell inside a row, so the
    new table opens with the rest of its name and no value: joined, with a P003 to check the original."""
    (doc,) = loads(_SPLIT.format(first="收运覆盖率", value=""))
    assert [(i.name, i.value) for i in doc.indicators] == [
        ("新建管网长度", "≥15公里"),
        ("农村生活垃圾分类收运覆盖率", "≥95%"),
        ("沿线居民满意度", "≥90%"),
    ]
    assert "I003" not in codes(doc) and codes(doc).count("P003") == 1


def test_a_whole_row_after_the_header_printed_again_is_an_indicator_of_its_own() -> None:
    (doc,) = loads(_SPLIT.format(first="管网工程验收合格率", value="100%"))
    assert [i.name for i in doc.indicators][1:3] == ["农村生活垃圾分类", "管网工程验收合格率"]


@pytest.mark.parametrize(
    ("title", "unit"),
    [
        ("2026年项目支出绩效目标表（金额单位：元）", "元"),
        ("2026年项目支出绩效目标表(单位:元)", "元"),
        ("2026年项目支出绩效目标表", "万元"),
    ],
)
def test_a_money_unit_declared_in_the_title_s_brackets_holds_for_the_form(title: str, unit: str) -> None:
    """A unit printed only in the title (…绩效目标表（金额单位：元）): amounts in 元 were read as 万元, 10,000 times
    too large, with no finding."""
    (doc,) = loads(
        f"""
# {title}

| 项目名称 | 乡镇污水管网延伸工程 |
|---|---|
| 年度资金总额 | 12,865,000.00 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 新建管网长度 | ≥15公里 |
"""
    )
    assert [(line.amount, line.unit) for line in doc.budget] == [(Decimal("12865000.00"), unit)]


def test_a_money_unit_declared_in_a_listing_s_title_holds_for_its_projects() -> None:
    docs = loads(
        """
# 某县住房和城乡建设局2026年项目支出绩效目标表（金额单位：元）

| 项目名称 | 项目金额 | 年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|---|---|---|
| 乡镇污水管网延伸工程 | 12,865,000.00 | 新建管网15公里。 | 产出指标 | 数量指标 | 新建管网长度 | ≥15公里 |
| 城区道路养护 | 5,200,000.00 | 养护道路36公里。 | 产出指标 | 数量指标 | 养护道路里程 | ≥36公里 |
"""
    )
    assert [(doc.budget[0].amount, doc.budget[0].unit) for doc in docs] == [
        (Decimal("12865000.00"), "元"),
        (Decimal("5200000.00"), "元"),
    ]


@pytest.mark.parametrize("header", ["部门职责", "主要职责", "履职内容"])
def test_a_duty_column_left_of_the_levels_is_kept_beside_each_indicator(header: str) -> None:
    """部门职责 | 一级指标 | …, the duty merged down over its indicators: kept in each indicator's info, never its
    name (it was taken as the name, with false I007 and I011)."""
    (doc,) = loads(
        f"""
# 2026年部门整体支出绩效目标表

| 部门名称 | 某县水利局 | | | |
|---|---|---|---|---|
| {header} | 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 农村供水保障 | 产出指标 | 数量指标 | 新建供水工程 | ≥12处 |
|  | 满意度指标 | 服务对象满意度指标 | 受益群众满意度 | ≥90% |
| 防汛抗旱 | 产出指标 | 数量指标 | 水库巡查次数 | ≥48次 |
"""
    )
    assert [(i.level1, i.name, i.value, i.info.get(header)) for i in doc.indicators] == [
        ("产出指标", "新建供水工程", "≥12处", "农村供水保障"),
        ("满意度指标", "受益群众满意度", "≥90%", "农村供水保障"),
        ("产出指标", "水库巡查次数", "≥48次", "防汛抗旱"),
    ]


@pytest.mark.parametrize(
    ("sheet", "project"),
    [("乡镇污水管网延伸工程", "乡镇污水管网延伸工程"), ("Sheet1", None), ("项目支出", None), ("表3", None)],
)
def test_a_sheet_named_after_its_project_names_a_form_that_leaves_the_name_blank(
    tmp_path: Path, sheet: str, project: str | None
) -> None:
    """One sheet a project, named after it, the 项目名称 cell left blank: the sheet's name is the project (and no
    M001 says the name is missing); a generic sheet name or a kind of table names none."""
    workbook = openpyxl.Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = sheet
    for row in [
        ["2026年项目支出绩效目标表"],
        ["项目名称", None],
        ["年度资金总额", 1286.5],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "新建管网长度", "≥15公里"],
    ]:
        ws.append(row)
    path = tmp_path / "projects.xlsx"
    workbook.save(path)
    (doc,) = perftable.load_all(path)
    assert doc.project == project
    assert ("M001" in codes(doc)) is (project is None)


_TREE_CSV = """预算年度,项目名称,项目金额（万元）,指标代码,{name},{depth},指标值
2026,村道硬化,320.00,01,产出指标,{one},
2026,村道硬化,320.00,0101,数量指标,{two},
2026,村道硬化,320.00,010101,硬化村道里程,{three},≥12公里
2026,村道硬化,320.00,0102,时效指标,{two},
2026,村道硬化,320.00,010201,完工时间,{three},2026年10月底前
2026,村道硬化,320.00,03,满意度指标,{one},
2026,村道硬化,320.00,0301,服务对象满意度指标,{two},
2026,村道硬化,320.00,030101,村民满意度,{three},≥90%
"""


@pytest.mark.parametrize(
    ("name", "depth", "one", "two", "three"),
    [("指标名称", "指标层级", "1", "2", "3"), ("指标", "级次", "一级", "二级", "三级")],
)
def test_a_tree_exported_as_a_flat_list_with_a_depth_column_reads_as_a_tree(
    name: str, depth: str, one: str, two: str, three: str
) -> None:
    """A budget system's export: a row for each level-1 and level-2, then their level-3 rows, each saying its depth
    (指标层级 1/2/3); the year in a 预算年度 column. Before, each level row was a nameless indicator (I013, P003)."""
    text = _TREE_CSV.format(name=name, depth=depth, one=one, two=two, three=three)
    (doc,) = perftable.loads(text, "csv")
    assert (doc.project, doc.year, doc.indicator_layout) == ("村道硬化", 2026, "tree")
    assert [(i.level1, i.level2, i.name, i.value) for i in doc.indicators] == [
        ("产出指标", "数量指标", "硬化村道里程", "≥12公里"),
        ("产出指标", "时效指标", "完工时间", "2026年10月底前"),
        ("满意度指标", "服务对象满意度指标", "村民满意度", "≥90%"),
    ]
    assert not {"I013", "P003"} & set(codes(doc))


@pytest.mark.parametrize("label", ["本年预算", "年度预算数", "2026年预算数", "预算安排数", "申请金额"])
def test_a_project_total_under_another_label_is_read(label: str) -> None:
    """Labels of a project's annual amount that were dropped with no finding (the form had no total)."""
    (doc,) = loads(
        f"""
# 2026年项目支出绩效目标表

| 项目名称 | 乡镇污水管网延伸工程 |
|---|---|
| {label} | 1,286.50 |
| 其中：财政拨款 | 1,286.50 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 新建管网长度 | ≥15公里 |
"""
    )
    assert doc.amount("annual_total") == Decimal("1286.50")
    assert not [code for code in codes(doc) if code.startswith("B")]


def test_the_2021_department_sources_count_state_capital_and_the_unit_s_own_funds() -> None:
    """The 2021 department form's sources: 一般公共预算 | 政府性基金预算 | 国有资本经营预算 | 财政专户管理资金, then 单位资金
    on a second row of heads. The last two were not read, and a correct form got a false B002 (round 10, v132)."""
    (doc,) = loads(
        """
# 2026年部门整体支出绩效目标表

| 部门名称 | 某县水务局 | | | | |
|---|---|---|---|---|---|
| 年度预算（万元） | 资金总额 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 | 财政专户管理资金 |
| 年度预算（万元） | 2,102.40 | 1,682.40 | 250.00 | 50.00 | 0.00 |
| 年度预算（万元） | 单位资金 | 基本支出 | 项目支出 | | |
| 年度预算（万元） | 120.00 | 1,106.00 | 996.40 | | |
| 一级指标 | 二级指标 | 三级指标 | 指标值 | | |
| 产出指标 | 数量指标 | 维修养护供水工程 | ≥60处 | | |
"""
    )
    keys = {line.key: line.amount for line in doc.budget}
    assert (keys["state_capital"], keys["other_funds"]) == (Decimal("50.00"), Decimal("120.00"))
    assert not [code for code in codes(doc) if code.startswith("B")]


def test_a_merged_cell_written_into_every_column_it_spans_is_read_once() -> None:
    """docling writes a merged cell's text into each column it covers (项目资金（万元） | 年度资金总额 | 年度资金总额 |
    2,960.00 | 2,960.00): each money line was read twice, once with no amount, and the name became an info field
    of itself. Two equal values side by side (100% | 100% for two periods) stay two cells."""
    (doc,) = loads(
        """
# 2026年项目支出绩效目标表

| 项目名称 | 城镇老旧小区改造 | 城镇老旧小区改造 | 城镇老旧小区改造 | 城镇老旧小区改造 |
|---|---|---|---|---|
| 项目资金（万元） | 年度资金总额 | 年度资金总额 | 2,960.00 | 2,960.00 |
| 项目资金（万元） | 其中：财政拨款 | 其中：财政拨款 | 2,960.00 | 2,960.00 |
| 一级指标 | 二级指标 | 三级指标 | 中期指标值 | 年度指标值 |
| 产出指标 | 数量指标 | 改造老旧小区数量 | 36个 | 12个 |
| 产出指标 | 质量指标 | 工程验收合格率 | 100% | 100% |
"""
    )
    assert [(line.label, line.amount) for line in doc.budget] == [
        ("年度资金总额", Decimal("2960.00")),
        ("其中:财政拨款", Decimal("2960.00")),
    ]
    assert doc.info == {} and doc.project == "城镇老旧小区改造"
    assert [(i.name, i.value) for i in doc.indicators] == [
        ("改造老旧小区数量", "12个"),
        ("工程验收合格率", "100%"),
    ]
    assert [i.value for i in doc.long_term_indicators] == ["36个", "100%"]
