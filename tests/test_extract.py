"""The extractor on layouts and damage that differ from the seed: each case a small table in markdown."""

from __future__ import annotations

import warnings
from decimal import Decimal
from pathlib import Path

import pytest

import perftable
from perftable import vocab
from perftable.extract import NoTableError
from perftable.extract.goals import read_goals
from perftable.extract.written import split_name_value
from perftable.model import Document


def one(text: str, fmt: str = "markdown") -> Document:
    (doc,) = perftable.loads(text, fmt)
    return doc


INDICATORS = """
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|---|
|  | 产出指标 | 数量指标 | 培训人数 | 200人 |
|  | 满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥95% |
"""


def repairs(doc: Document, kind: str) -> list[tuple[str, int | None]]:
    return [(w.code, w.location.line) for w in doc.warnings if w.kind == kind]


# --- header and budget -------------------------------------------------------------------------------------


def test_columnar_budget_and_unit_from_a_group_label() -> None:
    doc = one(
        """# 某局2025年部门整体支出绩效目标表
| 部门（单位）名称 | 某局 |  |  |
|---|---|---|---|
| 年度预算申请（元） | 资金总额 | 财政拨款 | 其他资金 |
|  | 1,200,000.00 | 1,000,000.00 | 200,000.00 |
"""
        + INDICATORS
    )
    assert (doc.kind, doc.year, doc.department) == ("department", 2025, "某局")
    assert [(b.key, b.amount, b.unit) for b in doc.budget] == [
        ("total", Decimal("1200000.00"), "元"),
        ("fiscal", Decimal("1000000.00"), "元"),
        ("other_funds", Decimal("200000.00"), "元"),
    ]


def test_project_budget_groups_give_distinct_keys() -> None:
    doc = one(
        """| 项目名称 | 桥梁维修 | 主管部门 | 某区建设局 |
|---|---|---|---|
| 项目资金总额 | 500 | 年度资金申请总额 | 200 |
| 其中：财政资金 | 450 | 其中：当年财政拨款 | 150 |
| 其他资金 | 50 | 上年结转资金 | 30 |
|  |  | 其他资金 | 20 |
"""
        + INDICATORS
    )
    assert doc.kind == "project" and doc.project == "桥梁维修" and doc.department == "某区建设局"
    assert {b.key: b.amount for b in doc.budget} == {
        "total": Decimal(500),
        "annual_total": Decimal(200),
        "total_fiscal": Decimal(450),
        "fiscal": Decimal(150),
        "total_other_funds": Decimal(50),
        "carryover": Decimal(30),
        "other_funds": Decimal(20),
    }


def test_funding_sources_the_vocabulary_does_not_name_are_kept_under_their_total() -> None:
    doc = one(
        """| 项目名称 | 污水管网改造 |  |  |
|---|---|---|---|
| 项目资金总额 | 900 | 年度资金总额 | 300 |
| 其中：债券资金 | 600 | 其中：省级补助资金 | 180 |
| 市级配套资金 | 300 | 区级配套资金 | 150 |
| 年度目标 | 完成管网改造12公里 |  |  |
"""
        + INDICATORS
    )
    assert [(b.key, b.label, b.amount, b.location.line) for b in doc.budget] == [
        ("total", "项目资金总额", Decimal(900), 3),
        ("annual_total", "年度资金总额", Decimal(300), 3),
        ("total_source", "其中:债券资金", Decimal(600), 4),
        ("source", "其中:省级补助资金", Decimal(180), 4),
        ("total_source", "市级配套资金", Decimal(300), 5),
        ("source", "区级配套资金", Decimal(150), 5),
    ]
    assert doc.goals == ["完成管网改造12公里"] and not doc.info
    report = perftable.validate(doc)
    assert [(f.code, f.location.line) for f in report.findings if f.code == "B002"] == [("B002", 4)]


def test_a_source_like_label_outside_the_budget_block_is_not_a_budget_line() -> None:
    doc = one(
        """| 项目名称 | 污水管网改造 |
|---|---|
| 年度资金总额 | 300 |
| 年度目标 | 完成管网改造12公里 |
| 社会资本 | 50 |
"""
        + INDICATORS
    )
    assert [b.key for b in doc.budget] == ["annual_total"]


@pytest.mark.parametrize(
    ("label", "source"),
    [
        ("其中：中央财政资金", True),
        ("省级补助", True),
        ("地方政府专项债券", True),
        ("社会资本", True),
        ("其中：专项经费", False),
        ("对个人和家庭的补助", False),
        ("资金使用计划2024", False),
    ],
)
def test_funding_source_labels(label: str, source: bool) -> None:
    assert vocab.is_funding_source(label) is source


def test_amount_units_from_value_and_from_amount_unit_line() -> None:
    doc = one(
        "金额单位：元\n\n| 部门名称 | 某中心 |\n|---|---|\n| 基本支出 | 1,000 |\n| 项目支出 | 2.5万元 |\n"
        + INDICATORS
    )
    assert [(b.key, b.amount, b.unit) for b in doc.budget] == [
        ("basic", Decimal(1000), "元"),
        ("project", Decimal("2.5"), "万元"),
    ]


def test_non_numeric_amount_is_kept_as_printed() -> None:
    doc = one("| 部门名称 | 某中心 |\n|---|---|\n| 基本支出 | 详见附表 |\n| 项目支出 | — |\n" + INDICATORS)
    assert [(b.key, b.amount, b.value) for b in doc.budget] == [
        ("basic", None, "详见附表"),
        ("project", None, "—"),
    ]


def test_amount_with_a_note_keeps_the_note() -> None:
    doc = one(
        """| 部门名称 | 某中心 |  |  |  |
|---|---|---|---|---|
| 基本支出 | 100（含上年结转20） |  |  |  |
| 项目支出 | 1,273.72(万元) |  |  |  |
| 年度重点工作任务 | 名称 | 主要实施内容 | 拟投入的资金(万元) | 期望达到的目标 |
|  | 任务1: 残疾人培训 | 培训 | 50（暂定） | 完成 |
"""
        + INDICATORS
    )
    assert [(b.key, b.amount, b.value) for b in doc.budget] == [
        ("basic", Decimal(100), "100（含上年结转20）"),
        ("project", Decimal("1273.72"), "1,273.72(万元)"),
    ]
    (task,) = doc.tasks
    assert (task.funds, task.info) == (Decimal(50), {"资金说明": "暂定"})


def test_goal_text_in_the_row_below_its_label_and_long_term_goal_in_info() -> None:
    doc = one(
        """| 项目名称 | 道路改造 |  |
|---|---|---|
| 项目总目标 |  | 年度总体目标 |
| 改善出行条件 |  | （1）完成道路改造3公里；（2）完成绿化 |
"""
        + INDICATORS
    )
    assert doc.goals == ["（1）完成道路改造3公里；", "（2）完成绿化"]
    assert doc.info["项目总目标"] == "改善出行条件"


def test_goal_labels_with_a_period_as_column_headers() -> None:
    """实施期目标（2023-2025年） and 年度目标 head two columns; their texts are in the row below."""
    doc = one(
        """| 项目名称 | 水厂扩建 |  |  |
|---|---|---|---|
| 绩效目标 | 实施期目标（2023-2025年） | 年度目标 |  |
|  | 日供水能力达到5万吨 | 完成一期管网铺设 |  |
"""
        + INDICATORS
    )
    assert doc.goals == ["完成一期管网铺设"]
    assert doc.info["实施期目标(2023-2025年)"] == "日供水能力达到5万吨"


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("中期目标(2025年—2027年)", "long_goal"),
        ("长期目标", "long_goal"),
        ("实施期目标", "long_goal"),
        ("总体目标（2025-2027年）", "long_goal"),
        ("年度目标", "goal"),
        ("年度绩效目标（2025年度）", "goal"),
        ("年度目标完成情况", None),
        ("中期目标完成情况", None),
        ("调整后年度绩效目标", "goal"),  # a 预算调整 form: the goal as adjusted
        ("调整前年度绩效目标", None),  # and the one it replaces is not the goal
        ("区域年度总体目标", "goal"),  # a 转移支付区域绩效目标表
        ("区域绩效目标", "goal"),
    ],
)
def test_goal_label_kinds(label: str, kind: str | None) -> None:
    assert vocab.goal_label_kind(label) == kind


def test_inline_label_value_cells_and_numbered_outline() -> None:
    doc = one(
        """| 部门名称：某站 |  |
|---|---|
| 项目资金申请(万元) | 资金总额: 250<br>一、预算资金:250<br>二、自有资金:0 |
"""
        + INDICATORS
    )
    assert doc.department == "某站"
    assert [(b.key, b.amount) for b in doc.budget] == [
        ("total", Decimal(250)),
        ("fiscal", Decimal(250)),
        ("other_funds", Decimal(0)),
    ]


# --- tasks --------------------------------------------------------------------------------------------------

TASKS = """| 部门名称 | 某局 |  |  |  |
|---|---|---|---|---|
| 年度重点工作任务 | 任务名称 | 主要内容 | 预算金额（万元） | 预期目标 |
|  | 1、甲 | 内容甲 | 10 | 完成 |
|  | 2、乙 | 内容乙 | 20 | 完成 |
|  | 1、丙 | 内容丙 | 5 | 完成 |
|  | 合计 |  | 35 |  |
"""


def test_task_numbering_restart_starts_the_other_section_even_without_a_label() -> None:
    doc = one(TASKS + INDICATORS)
    assert [(t.section, t.number, t.name, t.funds) for t in doc.tasks] == [
        ("key", 1, "甲", Decimal(10)),
        ("key", 2, "乙", Decimal(20)),
        ("other", 1, "丙", Decimal(5)),
    ]
    assert [w.params["task"] for w in doc.warnings if w.kind == "task-section"] == ["丙"]
    assert doc.info["任务资金合计"] == "35"


def test_numbering_that_runs_on_leaves_sections_to_the_labels() -> None:
    """任务一 … 任务五 counted through: 其他任务 on the fourth row starts the other section there."""
    names = ["一", "二", "三", "四", "五"]
    rows = [f"|  | 任务{n}、项{n} | 内容 | {i + 1} | 完成 |" for i, n in enumerate(names)]
    rows[3] = rows[3].replace("|  |", "| 其他任务 |", 1)
    doc = one(TASKS.split("|  | 1、甲")[0] + "\n".join(rows) + "\n" + INDICATORS)
    assert [(t.section, t.number) for t in doc.tasks] == [
        ("key", 1),
        ("key", 2),
        ("key", 3),
        ("other", 4),
        ("other", 5),
    ]
    assert not repairs(doc, "task-section")


def test_numbering_that_runs_on_without_a_label_gives_only_key_tasks() -> None:
    rows = "".join(f"|  | ({n}) 事项{n} | 内容 | {n}0 | 完成 |\n" for n in range(1, 6))
    doc = one(TASKS.split("|  | 1、甲")[0] + rows + INDICATORS)
    assert [(t.section, t.number) for t in doc.tasks] == [("key", n) for n in range(1, 6)]
    assert not repairs(doc, "task-section")


def test_unnumbered_tasks_follow_their_label() -> None:
    text = (
        TASKS.replace("1、甲", "甲").replace("2、乙", "乙").replace("|  | 1、丙", "| 其他需完成的任务 | 丙")
    )
    doc = one(text + INDICATORS)
    assert [(t.section, t.name) for t in doc.tasks] == [("key", "甲"), ("key", "乙"), ("other", "丙")]
    assert not repairs(doc, "task-section")


def test_unknown_task_columns_go_to_info() -> None:
    doc = one(
        """| 年度履职目标 | 部门职能 | 年度目标任务 | 支出项目名称 | 预算金额(万元) |
|---|---|---|---|---|
|  | 编纂地方志 | 完成年鉴出版 | 年鉴出版经费 | 49.8 |
"""
        + INDICATORS
    )
    (task,) = doc.tasks
    assert (task.name, task.funds) == ("完成年鉴出版", Decimal("49.8"))
    assert task.info == {"部门职能": "编纂地方志", "支出项目名称": "年鉴出版经费"}


# --- indicators ---------------------------------------------------------------------------------------------


def test_unit_column_comparator_column_and_extra_columns() -> None:
    doc = one(
        """| 一级指标 | 二级指标 | 三级指标 | 指标值类型 | 指标值 | 计量单位 | 数据来源 |
|---|---|---|---|---|---|---|
| 产出指标 | 数量指标 | 巡查次数 | ≥ | 120 | 次 | 台账 |
| 满意度指标 | 服务对象满意度指标 | 群众满意度 | 定量 | ≥90 | % |  |
"""
    )
    first, second = doc.indicators
    assert (first.unit, first.target.comparator, first.target.number) == ("次", "≥", Decimal(120))
    assert first.info == {"指标值类型": "≥", "数据来源": "台账"}
    assert (second.unit, second.target.comparator) == ("%", "≥")


@pytest.mark.parametrize(
    ("name", "unit"),
    [("人均成本(元/人)", "元/人"), ("培训人数(人)", "人"), ("资金(万)", "万元"), ("道路长度(KM)", "公里"),
     ("亩均成本(元/亩)", "元/亩"), ("补贴(元/人(月))", None), ("说明(详见附件)", None)],
)  # fmt: skip
def test_unit_in_the_name(name: str, unit: str | None) -> None:
    doc = one(
        f"| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|\n| 产出指标 | 成本指标 | {name} | 5 |\n"
    )
    assert doc.indicators[0].unit == unit


def test_traditional_characters_broken_labels_and_score_ranges() -> None:
    doc = one(
        """| 一級指標 | 二級指標 | 三級指標 | 指標值 |
|---|---|---|---|
| 產出指標(40-50)分 | 數量<br>指標 | 培训人数 | 200人 |
| 滿意度<br>指標 | 服務對象 滿意度指標 | 学员满意度 | ≥95% |
"""
    )
    assert [(i.level1, i.level2) for i in doc.indicators] == [
        ("产出指标", "数量指标"),
        ("满意度指标", "服务对象满意度指标"),
    ]


def test_missing_level1_is_inferred_and_reported() -> None:
    doc = one(
        """| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
|  | 经济成本指标 | 建设成本 | ≤100万元 |
| 产出指标 | 数量指标 | 建设里程 | 3公里 |
|  | 社会效益指标 | 通行时间缩短 | 有所缩短 |
"""
    )
    assert [i.level1 for i in doc.indicators] == ["成本指标", "产出指标", "效益指标"]
    assert [(w.code, w.params["reason"]) for w in doc.warnings if w.kind == "level1-inferred"] == [
        ("P003", "level1-missing"),
        ("P003", "level1-mismatch"),
    ]


def test_satisfaction_under_benefit_is_kept_where_the_form_puts_it() -> None:
    doc = one(
        """| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
| 效益指标 | 社会效益指标 | 覆盖率 | 100% |
|  | 社会公众或服务对象满意度指标 | 学生满意度 | ≥90% |
"""
    )
    assert [(i.level1, i.level2) for i in doc.indicators][-1] == ("效益指标", "服务对象满意度指标")
    assert not repairs(doc, "level1-inferred")


def test_rows_that_dropped_their_merged_cells_are_realigned() -> None:
    """Pipe rows whose merged cells were dropped: each row shifts left by the cells it lost."""
    doc = one(
        """| 一级指标 | 二级指标 | 三级指标 | 指标值类型 | 指标值 | 计量单位 | 指标解释 |
|---|---|---|---|---|---|---|
| 产出指标 | 数量指标 | 办件数量 | 定量 | ≥120 | 件 | 考察办件量 |
| 质量指标 | 办结率 | 定量 | 100 | % | 考察办结 |  |
| 时效指标 | 办理时限 | 定性 | 按时完成 | 考察时限 |  |  |
| 效益指标 | 社会效益指标 | 群众办事便利度 | 定性 | 有所提高 | | 考察便利 |
"""
    )
    rows = [(i.level1, i.level2, i.name, i.value, i.unit, i.info.get("指标值类型")) for i in doc.indicators]
    assert rows == [
        ("产出指标", "数量指标", "办件数量", "≥120", "件", "定量"),
        ("产出指标", "质量指标", "办结率", "100", "%", "定量"),
        ("产出指标", "时效指标", "办理时限", "按时完成", None, "定性"),
        ("效益指标", "社会效益指标", "群众办事便利度", "有所提高", None, "定性"),
    ]
    assert [line for _, line in repairs(doc, "realigned-row")] == [4, 5]
    assert doc.indicators[1].info["指标解释"] == "考察办结"


def test_row_shifted_right_into_unnamed_columns_is_realigned() -> None:
    doc = one(
        """| 一级指标 | 二级指标 | 三级指标 | 指标值 |  |
|---|---|---|---|---|
| 产出指标 | 数量指标 | 培训人数 | 200人 |  |
|  |  |  | 培训场次 | 10场 |
"""
    )
    assert [(i.name, i.value) for i in doc.indicators] == [("培训人数", "200人"), ("培训场次", "10场")]
    assert repairs(doc, "realigned-row") == [("P003", 4)]


def test_carried_down_labels_are_reported_once_per_run() -> None:
    doc = one(
        """| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
| 产出指标 | 数量指标 | a | 1个 |
|  |  | b | 2个 |
|  |  | c | 3个 |
|  | 质量指标 | d | 100% |
"""
    )
    carried = [(w.params["level"], w.location.line) for w in doc.warnings if w.kind == "carried-down"]
    assert carried == [("level1", 4), ("level2", 4)]
    assert [i.level2 for i in doc.indicators] == ["数量指标", "数量指标", "数量指标", "质量指标"]


def test_a_value_lost_in_conversion_stays_empty() -> None:
    doc = one(INDICATORS.replace("≥95%", ""))
    assert doc.indicators[-1].value == "" and doc.indicators[-1].target.is_empty


def test_a_row_without_a_name_but_with_a_value_is_kept_nameless() -> None:
    doc = one(
        """| 一级指标 | 二级指标 | 三级指标 | 指标值 | 计量单位 |
|---|---|---|---|---|
| 产出指标 | 质量指标 | 验收合格率 | 100 | % |
|  | 时效指标 |  | 2025年6月30日前 |  |
|  |  |  |  |  |
"""
    )
    assert [(i.level2, i.name, i.value, i.location.line) for i in doc.indicators] == [
        ("质量指标", "验收合格率", "100", 3),
        ("时效指标", "", "2025年6月30日前", 4),
    ]


def test_rows_after_a_footnote_are_not_indicators() -> None:
    doc = one(INDICATORS + "| 备注：本表由系统生成 |  |  |  |  |\n|  | 产出指标 | 数量指标 | 幽灵 | 1 |\n")
    assert [i.name for i in doc.indicators] == ["培训人数", "学员满意度"]


def test_a_note_printed_above_the_table_does_not_end_the_form() -> None:
    header, delimiter, rows = INDICATORS.strip().split("\n", 2)
    in_table = f"{header}\n{delimiter}\n| 备注：本表金额单位为万元 |  |  |  |  |\n{rows}\n"
    for text in ("备注：本表金额单位为万元\n" + INDICATORS, in_table):
        assert [i.name for i in one(text).indicators] == ["培训人数", "学员满意度"]


def test_indicator_table_continued_on_a_new_page_without_header() -> None:
    doc = one(INDICATORS + "\n— 2 —\n\n|  |  | 质量指标 | 合格率 | 100% |\n")
    assert [(i.level1, i.level2, i.name) for i in doc.indicators][-1] == ("产出指标", "质量指标", "合格率")


def test_a_header_repeated_inside_the_table_keeps_the_level_names_above_it() -> None:
    """A page break repeats the header (with its unit column) in the middle of a level-2 group."""
    doc = one(
        """| 一级指标 | 二级指标 | 三级指标 | 指标值 | 计量单位 |
|---|---|---|---|---|
| 效益指标 | 经济效益指标 | 带动农户增收 | ≥3000 | 元/户 |
|  |  | 新增就业岗位 | 40 | 个 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 | 计量单位 |
|  |  | 带动合作社 | 5 | 家 |
|  | 可持续影响指标 | 长效运营机制 | 健全 |  |
| 满意度指标 | 社会公众满意度指标 | 村民满意度 | ≥85 | % |
"""
    )
    assert [(i.level1, i.level2, i.name) for i in doc.indicators] == [
        ("效益指标", "经济效益指标", "带动农户增收"),
        ("效益指标", "经济效益指标", "新增就业岗位"),
        ("效益指标", "经济效益指标", "带动合作社"),
        ("效益指标", "可持续影响指标", "长效运营机制"),
        ("满意度指标", "社会公众满意度指标", "村民满意度"),
    ]
    assert doc.indicators[2].unit == "家" and not repairs(doc, "level1-inferred")
    assert not doc.long_term_indicators


def test_a_header_repeated_in_the_next_table_block_continues_the_table() -> None:
    page_two = "\n— 2 —\n\n| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|---|\n"
    page_two += "|  |  |  | 培训场次 | 12场 |\n"
    doc = one(
        INDICATORS.replace("|  | 满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥95% |\n", "") + page_two
    )
    assert [(i.level1, i.level2, i.name) for i in doc.indicators] == [
        ("产出指标", "数量指标", "培训人数"),
        ("产出指标", "数量指标", "培训场次"),
    ]


# --- two periods ----------------------------------------------------------------------------------------------

SIDE_BY_SIDE = """# 2025年项目支出绩效目标表

| 项目名称 | 智慧农业示范 |  |  |  |  |  |  |
|---|---|---|---|---|---|---|---|
{labels}| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 |
|  | 产出指标 | 数量指标 | 示范基地 | {a1} | 数量指标 | 示范基地 | {b1} |
|  |  | 时效指标 | 建成时间 | {a2} | 时效指标 | 建成时间 | {b2} |
|  | 效益指标 | 经济效益指标 | 亩均增收 | {a3} |  |  |  |
|  |  |  |  |  | 经济效益指标 | 亩均增收 | {b3} |
"""


def _side_by_side(labels: str = "", **values: str) -> Document:
    fields = {
        "a1": "6个",
        "a2": "2025年11月底前",
        "a3": "≥300元",
        "b1": "2个",
        "b2": "2027年6月底前",
        "b3": "≥800元",
    }
    return one(SIDE_BY_SIDE.format(labels=labels, **{**fields, **values}))


def test_two_periods_side_by_side_told_apart_by_the_labels_above_them() -> None:
    """The annual group is the left one here: the label row says so, whatever the values' years."""
    doc = _side_by_side("| 绩效目标 | 年度目标 |  |  |  | 实施期目标（2025-2027年） |  |  |\n")
    assert [(i.level1, i.level2, i.name, i.value) for i in doc.indicators] == [
        ("产出指标", "数量指标", "示范基地", "6个"),
        ("产出指标", "时效指标", "建成时间", "2025年11月底前"),
        ("效益指标", "经济效益指标", "亩均增收", "≥300元"),
    ]
    assert [(i.level1, i.level2, i.value, i.location.line) for i in doc.long_term_indicators] == [
        ("产出指标", "数量指标", "2个", 7),
        ("产出指标", "时效指标", "2027年6月底前", 8),
        ("效益指标", "经济效益指标", "≥800元", 10),
    ]
    assert doc.goals == [] and "年度目标" not in doc.info


def test_two_unlabelled_periods_side_by_side_told_apart_by_their_years() -> None:
    doc = _side_by_side()  # the left group's dates are the table's year (2025): it is the annual one
    assert [i.value for i in doc.indicators] == ["6个", "2025年11月底前", "≥300元"]
    assert [i.value for i in doc.long_term_indicators] == ["2个", "2027年6月底前", "≥800元"]
    undated = _side_by_side(a2="按期", b2="按期")  # nothing tells them apart: the rightmost is annual
    assert [i.value for i in undated.indicators] == ["2个", "按期", "≥800元"]
    assert [i.value for i in undated.long_term_indicators] == ["6个", "按期", "≥300元"]
    left_only = one(  # only the left group filled in (the right one prints level names alone): it is annual
        """| 一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|---|---|---|
| 产出指标 | 数量指标 | 巡查车辆 | 12辆 | 数量指标 |  |  |
|  | 时效指标 | 维修及时率 | ≥95% | 时效指标 |  |  |
"""
    )
    assert [i.value for i in left_only.indicators] == ["12辆", "≥95%"] and not left_only.long_term_indicators


def test_one_name_column_with_a_value_column_for_each_period() -> None:
    doc = one(
        """| 一级指标 | 二级指标 | 三级指标 | 中期指标值 | 年度指标值 |
|---|---|---|---|---|
| 产出指标 | 数量指标 | 改造校舍 | 12栋 | 4栋 |
|  | 质量指标 | 验收合格率 | 100% | 100% |
"""
    )
    assert [(i.level2, i.name, i.value) for i in doc.indicators] == [
        ("数量指标", "改造校舍", "4栋"),
        ("质量指标", "验收合格率", "100%"),
    ]
    assert [(i.level2, i.name, i.value) for i in doc.long_term_indicators] == [
        ("数量指标", "改造校舍", "12栋"),
        ("质量指标", "验收合格率", "100%"),
    ]


def test_stacked_periods_labelled_on_rows_of_their_own() -> None:
    doc = one(
        """| 实施期绩效指标 |  |  |  |
|---|---|---|---|
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 新建泵站 | 3座 |
|  | 成本指标 | 总投资 | ≤1200万元 |
| 本年度绩效指标 |  |  |  |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|  | 数量指标 | 新建泵站 | 1座 |
| 满意度指标 | 服务对象满意度指标 | 农户满意度 | ≥90% |
"""
    )
    assert [(i.level1, i.name, i.value) for i in doc.long_term_indicators] == [
        ("产出指标", "新建泵站", "3座"),
        ("产出指标", "总投资", "≤1200万元"),
    ]
    assert [(i.level1, i.name, i.value) for i in doc.indicators] == [
        ("产出指标", "新建泵站", "1座"),
        ("满意度指标", "农户满意度", "≥90%"),
    ]
    assert (doc.locations["long_term_indicators"].line, doc.locations["indicators"].line) == (3, 7)


def test_overall_is_long_term_only_beside_another_block() -> None:
    block = "| {label} | 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|---|\n"
    block += "|  | 产出指标 | 数量指标 | 培训人数 | {value} |\n"
    both = one(
        block.format(label="整体绩效指标", value="600人") + block.format(label="年度绩效指标", value="200人")
    )
    assert [i.value for i in both.indicators] == ["200人"]
    assert [i.value for i in both.long_term_indicators] == ["600人"]
    alone = one(block.format(label="部门整体绩效指标", value="200人"))
    assert [i.value for i in alone.indicators] == ["200人"] and not alone.long_term_indicators


@pytest.mark.parametrize("label", ["绩效目标(100分)", "中期目标(2024-2026年)", "长期绩效指标"])
def test_a_section_label_left_of_the_rows_is_not_a_shifted_cell(label: str) -> None:
    doc = one(INDICATORS.replace("|  | 满意度指标", f"| {label} | 满意度指标"))
    assert [(i.level1, i.name) for i in doc.indicators][-1] == ("满意度指标", "学员满意度")
    assert not repairs(doc, "realigned-row")


def test_a_column_that_only_mentions_a_period_leaves_the_table_annual() -> None:
    doc = one(
        """| 一级指标 | 二级指标 | 三级指标 | 指标值 | 与中长期规划的衔接 |
|---|---|---|---|---|
| 产出指标 | 数量指标 | 培训人数 | 200人 | 对应规划第三章 |
"""
    )
    assert [i.name for i in doc.indicators] == ["培训人数"] and not doc.long_term_indicators
    assert doc.indicators[0].info == {"与中长期规划的衔接": "对应规划第三章"}


YEAR_COLUMNS = """# {title}

| 项目名称 | 公共文化惠民演出 |  |  |  |  |
|---|---|---|---|---|---|
| 一级指标 | 二级指标 | 三级指标 | {first} | {second} | 计量单位 |
| 产出指标 | 数量指标 | 惠民演出场次 | 50 | ≥60 | 场 |
|  | 时效指标 | 演出完成时间 | 2025年12月底前 | 2026年12月底前 |  |
| 满意度指标 | 服务对象满意度指标 | 观众满意度 | 88% | ≥90% |  |
"""


def _year_columns(first: str, second: str, title: str = "某区文化馆2026年项目支出绩效目标表") -> Document:
    return one(YEAR_COLUMNS.format(title=title, first=first, second=second))


@pytest.mark.parametrize(
    ("first", "second"),
    [("2025年度指标值", "2026年度指标值"), ("2025年实际完成值", "2026年目标值"), ("上年完成值", "预期")],
)
def test_a_value_column_with_a_year_in_front_is_read_when_the_year_is_the_tables(
    first: str, second: str
) -> None:
    """A column of another year's targets or of what was achieved, printed before the table's year's targets,
    is kept as a further column, never read as the value."""
    doc = _year_columns(first, second)
    assert [(i.name, i.value) for i in doc.indicators] == [
        ("惠民演出场次", "≥60"),
        ("演出完成时间", "2026年12月底前"),
        ("观众满意度", "≥90%"),
    ]
    assert not doc.long_term_indicators
    assert doc.indicators[0].info == {first: "50"}


def test_a_year_range_in_front_of_a_value_header_says_the_long_term() -> None:
    doc = _year_columns("2024-2026年指标值", "2026年指标值")
    assert [i.value for i in doc.indicators] == ["≥60", "2026年12月底前", "≥90%"]
    assert [i.value for i in doc.long_term_indicators] == ["50", "2025年12月底前", "88%"]


def test_years_in_front_of_value_headers_choose_nothing_when_the_tables_year_is_unknown() -> None:
    """No year over the table: two dated value columns stay one group, and the first is read, as any column
    after the name that no header names (no guess from the years the headers print)."""
    doc = _year_columns("2025年度指标值", "2026年度指标值", title="项目支出绩效目标表")
    assert doc.year is None
    assert [i.value for i in doc.indicators] == ["50", "2025年12月底前", "88%"]
    assert not doc.long_term_indicators


def test_a_listing_reads_the_dated_target_column_not_last_years_actuals() -> None:
    doc, *_ = perftable.loads(
        """| 项目名称 | 年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 计量单位 | 上年度实际完成值 | 2026年度绩效指标值 |
|---|---|---|---|---|---|---|---|
| 河道保洁 | 保洁河道45公里。 | 产出指标 | 数量指标 | 保洁河道长度 | 公里 | 40 | ≥45 |
|  |  | 满意度指标 | 服务对象满意度指标 | 沿河居民满意度 | % | 91 | ≥90 |
"""
    )
    assert [(i.name, i.value, i.unit) for i in doc.indicators] == [
        ("保洁河道长度", "≥45", "公里"),
        ("沿河居民满意度", "≥90", "%"),
    ]


@pytest.mark.parametrize(
    ("text", "role", "year", "actuals"),
    [
        ("2026年度绩效指标值", "value", 2026, False),
        ("2026年目标值（必填）", "value", 2026, False),
        ("2025年完成值", None, 2025, True),
        ("上年实际值", None, None, True),
        ("预期实现值", "value", None, False),  # what is to be achieved: a target
        ("2026年", None, None, False),  # a year alone names no column
    ],
)
def test_year_in_front_of_a_header(text: str, role: str | None, year: int | None, actuals: bool) -> None:
    found = vocab.header(text)
    assert (found.role, found.year, vocab.is_actuals_header(text)) == (role, year, actuals)


def test_rules_check_the_annual_indicators_only() -> None:
    doc = _side_by_side("|  | 年度目标 |  |  |  | 中期目标 |  |  |\n", b3="—")
    assert doc.long_term_indicators[-1].value == "—"
    assert not [f for f in perftable.validate(doc).findings if f.code in ("I003", "I006")]


BOXED = """# 2026年部门整体支出绩效目标表

| 部门名称 | 某区档案馆 |
|---|---|
| 资金总额 | 312.60 |

{label}

| {box} |
|---|

| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
| 产出指标 | 数量指标 | 档案数字化页数 | ≥30万页 |
"""


def test_a_label_line_over_a_one_cell_table_reads_the_cell_as_its_value() -> None:
    goal = one(BOXED.format(label="总体目标：", box="完成档案数字化30万页，查档服务满意度90%以上。"))
    assert goal.goals == ["完成档案数字化30万页，查档服务满意度90%以上。"]
    assert goal.locations["goals"].line == 9
    info = one(BOXED.format(label="部门职能概述", box="负责全区档案的收集、保管和利用。"))
    assert (info.goals, info.info) == ([], {"部门职能概述": "负责全区档案的收集、保管和利用。"})


@pytest.mark.parametrize(
    ("label", "box"),
    [
        ("附：", "完成档案数字化30万页。"),  # the line is no label
        ("年度绩效目标", "年度绩效指标"),  # the box holds a label
        ("年度绩效目标", "完成档案数字化30万页。 | 查档服务满意度90%以上。"),  # two cells: no box
    ],
)
def test_a_one_cell_table_is_a_value_only_under_a_label_line(label: str, box: str) -> None:
    doc = one(BOXED.format(label=label, box=box).replace("|---|\n\n| 一级", "|---|---|\n\n| 一级", 1))
    assert doc.goals == [] and doc.info == {}
    assert [i.name for i in doc.indicators] == ["档案数字化页数"]


# --- documents ----------------------------------------------------------------------------------------------


def test_self_evaluation_table_is_not_a_target_table() -> None:
    text = "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 得分 |\n|---|---|---|---|---|---|\n"
    text += "| 产出指标 | 数量指标 | a | 1 | 1 | 10 |\n"
    with pytest.raises(NoTableError, match="self-evaluation"):
        perftable.loads(text)


@pytest.mark.parametrize("text", ["", "一段文字。", "| 科目 | 金额 |\n|---|---|\n| 工资 | 100 |\n"])
def test_no_table(text: str) -> None:
    with pytest.raises(NoTableError):
        perftable.loads(text)


def test_two_forms_in_one_file(tmp_path: Path) -> None:
    text = "# 2024年项目支出绩效目标表\n\n| 项目名称 | 甲 |\n|---|---|\n" + INDICATORS
    text += "\n# 2024年项目支出绩效目标表\n\n| 项目名称 | 乙 |\n|---|---|\n" + INDICATORS
    path = tmp_path / "two.md"
    path.write_text(text, encoding="utf-8")
    assert [doc.project for doc in perftable.load_all(path)] == ["甲", "乙"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert perftable.load(path).project == "甲"
    assert [w.category.__name__ for w in caught] == ["MultipleTablesWarning"]


def test_incomplete_table_parses() -> None:
    doc = one(INDICATORS)
    assert doc.kind == "department" and doc.budget == [] and len(doc.indicators) == 2


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("1.完成甲 2.完成乙", ["1.完成甲", "2.完成乙"]),
        (
            "1、甲；2、乙\n3. 丙",
            ["1、甲；", "2、乙", "3.丙"],
        ),  # as printed: number (no blank after it), punctuation
        ("目标1：甲 目标2：乙", ["目标1：甲", "目标2：乙"]),
        ("（1）甲（2）乙", ["（1）甲", "（2）乙"]),
        ("一、甲\n二、乙", ["一、甲", "二、乙"]),
        ("①甲②乙", ["①甲", "②乙"]),
        ("2025年完成3.5公里道路", ["2025年完成3.5公里道路"]),
        ("完成改造2、3号楼", ["完成改造2、3号楼"]),
        ("提升服务\n水平", ["提升服务水平"]),
        (
            "".join(f"{n}、第{n}项\n" for n in range(1, 10)) + "10. 第10项",
            [f"{n}、第{n}项" for n in range(1, 10)] + ["10.第10项"],
        ),
    ],
)
def test_goal_text_split_on_its_numbering(text: str, items: list[str]) -> None:
    assert read_goals(text)[0] == items


def _sub_rows(funds: str) -> str:
    """Tasks with a sub-row per activity; the second task's amount is ``funds``: one cell merged over its two
    sub-rows, or an amount on each."""
    return f"""<table>
<tr><td>部门名称</td><td colspan="3">某市生态环境局</td></tr>
<tr><td rowspan="2">年度预算</td><td>基本支出</td><td>项目支出</td><td>合计</td></tr>
<tr><td>800.00</td><td>345.00</td><td>1,145.00</td></tr>
<tr><td rowspan="5">年度主要任务</td><td>任务名称</td><td>主要内容</td><td>预算金额（万元）</td></tr>
<tr><td rowspan="2">大气污染防治</td><td>监测站运维</td><td>150.00</td></tr>
<tr><td>执法监测</td><td>95.00</td></tr>
<tr><td rowspan="2">土壤污染防治</td><td>耕地安全利用</td>{funds}</tr>
<tr><td>危险废物管理</td>{"" if "rowspan" in funds else "<td>40.00</td>"}</tr>
<tr><td rowspan="4">绩效指标</td><td>一级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td>产出指标</td><td>监测站点数量</td><td>≥12个</td></tr>
<tr><td>效益指标</td><td>空气质量优良天数比率</td><td>≥85%</td></tr>
<tr><td>满意度指标</td><td>群众满意度</td><td>≥90%</td></tr>
</table>"""


@pytest.mark.parametrize(
    ("funds", "expected"),
    [
        ('<td rowspan="2">100.00</td>', ["150.00", "95.00", "100.00", None]),
        ("<td>60.00</td>", ["150.00", "95.00", "60.00", "40.00"]),
    ],
    ids=["merged over the sub-rows", "one a sub-row"],
)
def test_a_task_amount_merged_over_its_sub_rows_counts_once(funds: str, expected: list[str | None]) -> None:
    doc = one(_sub_rows(funds), "html")
    assert [(t.name, t.content) for t in doc.tasks][2:] == [
        ("土壤污染防治", "耕地安全利用"),
        ("土壤污染防治", "危险废物管理"),
    ]
    assert [None if t.funds is None else str(t.funds) for t in doc.tasks] == expected
    assert sum(t.funds or 0 for t in doc.tasks) == doc.amount("project")


NAME_VALUE = """# 2026年项目支出绩效目标表

| 项目名称 | 城区道路养护 | |
|---|---|---|
| 年度资金总额 | 520.00 | |
| 一级指标 | 二级指标 | {header} |
| 产出指标 | 数量指标 | 养护道路里程：≥36公里 |
|  | 时效指标 | 养护完成时间:2026年12月底前 |
| 满意度指标 | 服务对象满意度指标 | 市民满意度 ： ≥90% |
"""


@pytest.mark.parametrize("header", ["三级指标及指标值", "指标名称及目标值", "指标及指标值"])
def test_a_name_cell_headed_as_holding_its_value_gives_both(header: str) -> None:
    doc = one(NAME_VALUE.format(header=header))
    assert [(i.level2, i.name, i.value) for i in doc.indicators] == [
        ("数量指标", "养护道路里程", "≥36公里"),
        ("时效指标", "养护完成时间", "2026年12月底前"),
        ("服务对象满意度指标", "市民满意度", "≥90%"),
    ]


def test_a_name_with_a_colon_under_a_plain_name_header_stays_whole() -> None:
    text = NAME_VALUE.replace(
        "| 一级指标 | 二级指标 | {header} |", "| 一级指标 | 二级指标 | 三级指标 | 指标值 |"
    )
    text = text.replace("| 养护道路里程：≥36公里 |", "| 养护道路里程：主干道 | ≥36公里 |")
    doc = one(text)
    assert (doc.indicators[0].name, doc.indicators[0].value) == ("养护道路里程：主干道", "≥36公里")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("养护道路里程：≥36公里", ("养护道路里程", "≥36公里")),
        ("完成时间:2026年12月:底前", ("完成时间", "2026年12月:底前")),  # at the first colon
        ("养护道路里程", None),
        ("养护道路里程：", None),
        ("：≥36公里", None),
        ("很" * 41 + "：1", None),  # no name is that long: prose, not a name
    ],
)
def test_split_name_value(text: str, expected: tuple[str, str] | None) -> None:
    assert split_name_value(text) == expected


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("• 养护道路36公里。\n• 完好率95%以上。", ["•养护道路36公里。", "•完好率95%以上。"]),
        (
            "● 养护道路36公里，\n完成路面修补。\n● 完好率95%以上。",
            ["●养护道路36公里，完成路面修补。", "●完好率95%以上。"],
        ),
        ("- 养护道路36公里\n- 完好率95%以上", ["- 养护道路36公里", "- 完好率95%以上"]),  # kept as printed
        (
            "养护道路36公里。\n• 完好率95%以上。",
            ["养护道路36公里。•完好率95%以上。"],
        ),  # the first line is no item
        ("-5%以内\n-3%以内", ["-5%以内-3%以内"]),  # a minus sign is no bullet
    ],
)
def test_goals_written_as_a_bulleted_list_are_split_at_the_bullets(text: str, items: list[str]) -> None:
    assert read_goals(text)[0] == items
