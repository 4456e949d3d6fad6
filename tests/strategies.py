"""Hypothesis strategies over documents: models as the extractor produces them from real forms.

Texts come from pools of what real tables hold (names, values, labels), so that every generated model is one the
extractor could have read: derived fields (an indicator's target and unit, a budget line's key) are computed the way
the extractor computes them. What a form cannot express is not generated, and each such limit is named here:

* a level-2 left empty under a printed one, or a level-1 left empty after the first row (empty cells are read as
  flattened merges and carried down);
* a task section a restarting numbering contradicts (a restart decides sections: other tasks restart it);
* a budget line without an amount under a label that also heads columns (资金总额, 合计, 部门预算支出);
* a funding source the vocabulary does not name (``source``) without an amount, or anywhere but under its total
  (a label such as 省级补助资金 is a budget line only inside the budget block, with an amount);
* budget values printed other than canonically (``1273.72`` is rendered ``1,273.72``: rendering normalises them);
* an info value that is itself a form label (``项目支出``), or an unknown info label that does not look like one.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from perftable.model import BudgetLine, Document, Indicator, Location, ScoreRange, Scoring, Task
from perftable.values.numbers import format_amount
from perftable.values.targets import parse_printed_target
from perftable.values.units import money_context, unit_in_name

HERE = Location(file="generated.md", line=1, column=1)

DEPARTMENTS = ["示例县民政局", "廉江市残疾人联合会", "某市教育局", "中共宁德市委党史和地方志研究室"]
PROJECTS = ["大气环境监测站点建设", "兰溪路-真南路下立交工程", "农村饮水安全巩固提升工程", "老旧小区综合改造"]
INFO = {
    "财政供养人员数": ["34", "120"],
    "下属二级单位数": ["0", "3"],
    "实施单位": ["示例省生态环境监测中心", "上海市普陀区市政工程建设中心"],
    "项目负责人": ["张三", "李四"],
    "项目性质": ["阶段性项目", "经常性项目"],
    "部门预算编码": ["901001033"],
    "计划开始日期": ["2026/1/1"],
}
LONG_GOALS = ["为居民出行提供快速便捷的通道，支撑区域一体化发展。", "三年内建成覆盖全省的空气质量监测网络。"]
GOALS = [
    "保障困难群众基本生活，按时足额发放城乡低保、特困供养资金",
    "完成全县养老服务设施提质改造12所",
    "规范社会组织登记管理，年检率达到95%以上。",
    "为240户贫困残疾人家庭提供无障碍改造工作，改善残疾人居家环境",
    "做好上级单位交办的各项工作。",
]
# How forms number their goals; a goal item keeps its number as printed (perftable.extract.goals).
GOAL_NUMBERS = ("{n}、", "（{n}）", "{n}.")


def numbered_goals(goals: list[str], semicolons: bool) -> list[str]:
    """Goals as the extractor gives them: one item as printed, or several each with its number (and, as many
    forms print them, a semicolon closing all but the last)."""
    if len(goals) < 2:
        return goals
    style = GOAL_NUMBERS[len(goals[0]) % len(GOAL_NUMBERS)]
    last = len(goals) - 1
    return [
        style.format(n=i + 1) + goal + ("；" if semicolons and i < last and not goal.endswith("。") else "")
        for i, goal in enumerate(goals)
    ]


DEPARTMENT_BUDGET = [
    ("部门预算支出合计", "total"),
    ("基本支出", "basic"),
    ("项目支出", "project"),
    ("人员经费", "personnel"),
    ("公用经费", "public_expenses"),
    ("财政拨款", "fiscal"),
    ("其他资金", "other_funds"),
    ("财政专项资金", "special"),
    ("市本级使用资金", "own_level"),
    ("拟用于对下转移支付资金", "transfer"),
]
PROJECT_TOTALS = [("其中:财政资金", "total_fiscal"), ("其他资金", "total_other_funds")]
# Sources the vocabulary does not name: under 项目资金总额 (total_source) or 年度资金申请总额 (source).
UNNAMED_SOURCES = [("其中:中央财政资金", "省级补助资金"), ("其中:市级配套资金", "社会资本")]
PROJECT_ANNUAL = [
    ("年度资金申请总额", "annual_total"),
    ("其中:当年财政拨款", "fiscal"),
    ("上年结转资金", "carryover"),
    ("其他资金", "other_funds"),
]
TASK_NAMES = [
    "社区康园中心",
    "残疾人培训经费",
    "精神病防治经费",
    "养老服务设施改造",
    "低保资金发放",
    "志鉴编纂出版",
]
TASK_CONTENTS = ["", "加快康园中心的运营使用", "对448名残疾人进行就业培训", "组织医院下乡评残工作"]
TASK_TARGETS = ["", "全部完成支出", "按期完成"]
LEVELS = [
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "时效指标"),
    ("产出指标", "成本指标"),
    ("成本指标", "经济成本指标"),
    ("成本指标", "社会成本指标"),
    ("效益指标", "社会效益指标"),
    ("效益指标", "经济效益指标"),
    ("效益指标", "可持续影响指标"),
    ("效益指标", "服务对象满意度指标"),
    ("满意度指标", "服务对象满意度指标"),
    ("满意度指标", "社会公众满意度指标"),
]
INDICATOR_NAMES = [
    "贫困残疾人家庭无障碍改造工作户数",
    "社区康园中心个数(个)",
    "残疾人培训人数(人)",
    "项目完成时间",
    "设备验收合格率",
    "每人每年居家康复服务经费(元)",
    "残疾人培训所需费用(万)",
    "困难群众基本生活保障水平",
    "受益人员满意度(%)",
    "道路建设长度",
    "监测数据有效率",
    "对周边居民生活的影响",
    "文明施工情况",
    "长效管理制度健全性",
]
VALUES = [
    "≥90%",
    "240户",
    "是",
    "2024年12月31日前",
    "",
    "100",
    "=15个",
    "≤45万元",
    "有所提高",
    "≥95",
    "及时",
    "600元/户",
    "100元/人(月)",
    "1,000人次",
    "=100.00(%)",
    "+20%",
    "@全年",
    "可控",
    "<script>alert(1)</script>",
]
UNITS = [None, "人", "%", "个", "户", "元/人·月"]
EXTRAS = {"指标解释": ["该指标考察年度任务完成情况", "100%(历史标准)"], "备注": ["按月发放", "含上年结转"]}

amounts = st.decimals(min_value=Decimal(0), max_value=Decimal("1e9"), places=2, allow_nan=False).flatmap(
    lambda amount: st.sampled_from([amount, amount.quantize(Decimal(1)), amount.quantize(Decimal("0.0001"))])
)


def _line(label: str, key: str, amount: Decimal | None, nil: str, unit: str) -> BudgetLine:
    value = format_amount(amount) if amount is not None else nil
    return BudgetLine(label=label, key=key, amount=amount, value=value, unit=unit, location=HERE)  # type: ignore[arg-type]


@st.composite
def budgets(draw: st.DrawFn, kind: str, unit: str) -> list[BudgetLine]:
    if kind == "department":
        chosen = draw(st.lists(st.sampled_from(DEPARTMENT_BUDGET), unique=True, max_size=6))
    else:
        totals = [("项目资金总额", "total"), *draw(st.sampled_from([[], PROJECT_TOTALS[:1], PROJECT_TOTALS]))]
        totals = totals if draw(st.booleans()) else []
        annual = [item for item in PROJECT_ANNUAL if draw(st.booleans())]
        if totals and totals[1:] == [] and draw(st.booleans()):
            totals += [(label, "total_source") for label in draw(st.sampled_from(UNNAMED_SOURCES))]
        if annual[:1] == PROJECT_ANNUAL[:1] and annual[1:] == [] and draw(st.booleans()):
            annual += [(label, "source") for label in draw(st.sampled_from(UNNAMED_SOURCES))]
        chosen = []
        while totals or annual:  # interleave, keeping each column's order
            source = totals if totals and (not annual or draw(st.booleans())) else annual
            chosen.append(source.pop(0))
    lines = []
    for label, key in chosen:
        amount = draw(st.one_of(amounts, st.none()))
        if amount is None and (label in ("部门预算支出合计",) or key.endswith("source")):
            amount = Decimal("100")
        lines.append(_line(label, key, amount, draw(st.sampled_from(["", "—"])), unit))
    return lines


@st.composite
def tasks(draw: st.DrawFn) -> list[Task]:
    key_count = draw(st.integers(0, 3))
    other_count = draw(st.integers(0, 2)) if key_count else 0
    names = draw(
        st.lists(
            st.sampled_from(TASK_NAMES),
            unique=True,
            min_size=key_count + other_count,
            max_size=key_count + other_count,
        )
    )
    numbered = draw(st.booleans())
    extras = draw(st.booleans())
    out = []
    for index, name in enumerate(names):
        section = "key" if index < key_count else "other"
        number = (index + 1 if section == "key" else index - key_count + 1) if numbered else None
        info = (
            {
                "部门职能": "确保日常工作正常运行",
                "支出项目名称": draw(st.sampled_from(["基本支出", "出版经费"])),
            }
            if extras
            else {}
        )
        funds = draw(st.one_of(st.none(), amounts))
        out.append(
            Task(
                section=section,  # type: ignore[arg-type]
                number=number,
                name=name,
                content=draw(st.sampled_from(TASK_CONTENTS)),
                funds=funds,
                unit="万元",
                target=draw(st.sampled_from(TASK_TARGETS)),
                info=info,
                location=HERE,
            )
        )
    return out


@st.composite
def indicators(draw: st.DrawFn, year: int | None) -> list[Indicator]:
    groups = draw(st.lists(st.sampled_from(LEVELS), min_size=1, max_size=5))
    names = iter(draw(st.permutations(INDICATOR_NAMES)))
    unit_column = draw(st.booleans())
    extras = draw(st.sampled_from([[], ["指标解释"], ["指标解释", "备注"]]))
    rows: list[tuple[str, str, str, str, str | None, dict[str, str]]] = []
    for level1, level2 in groups:
        for _ in range(draw(st.integers(1, 3))):
            name = next(names, None)
            if name is None:
                break
            value = draw(st.sampled_from(VALUES))
            unit = (draw(st.sampled_from(UNITS)) if unit_column else None) or unit_in_name(name)
            info = {key: draw(st.sampled_from(EXTRAS[key])) for key in extras if draw(st.booleans())}
            rows.append((level1, level2, name, value, unit, info))
    # the renderer prints a 计量单位 column when a unit is not in its name; a value then reads with its unit
    printed_units = any(unit != unit_in_name(name) for _, _, name, _, unit, _ in rows)
    out: list[Indicator] = []
    for level1, level2, name, value, unit, info in rows:
        column_unit = unit if printed_units else None
        target = parse_printed_target(value, column_unit, year=year, money=money_context(name))
        out.append(
            Indicator(
                level1=level1,
                level2=level2,
                name=name,
                value=value,
                unit=unit,
                target=target,
                comparator_source="value" if target.comparator else None,
                info=info,
                location=HERE,
            )
        )
    return out


@st.composite
def scorings(draw: st.DrawFn, indicator_list: list[Indicator], with_budget: bool) -> Scoring | None:
    """Scores of a scored form (重庆 审批表), for level-1s the table has."""
    if draw(st.integers(0, 3)):
        return None
    level1s = list(dict.fromkeys(indicator.level1 for indicator in indicator_list))
    ranges = [ScoreRange(low=Decimal(0), high=Decimal(20)), ScoreRange(low=Decimal(10), high=Decimal(10))]
    groups = {name: draw(st.sampled_from(ranges)) for name in level1s if draw(st.booleans())}
    total = draw(st.sampled_from([None, Decimal(90), Decimal(100)]))
    execution = Decimal(10) if with_budget and draw(st.booleans()) else None
    if not groups and total is None and execution is None:
        return None
    return Scoring(total=total, groups=groups, budget_execution=execution, location=HERE)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    kind = draw(st.sampled_from(["department", "project"]))
    year = draw(st.one_of(st.none(), st.integers(2019, 2026)))
    project = draw(st.sampled_from(PROJECTS)) if kind == "project" else None
    department = draw(st.one_of(st.none(), st.sampled_from(DEPARTMENTS)))
    if kind == "department":
        titles = [f"{year}年部门整体支出绩效目标表" if year else None, "部门整体支出绩效目标表"]
    else:
        titles = [f"项目支出绩效目标表（{year}年度）" if year else None, "项目支出绩效目标表", None]
    info = {
        label: draw(st.sampled_from(values)) for label, values in INFO.items() if draw(st.integers(0, 3)) == 0
    }
    if kind == "project" and draw(st.booleans()):
        info["项目总目标"] = draw(st.sampled_from(LONG_GOALS))
    task_list = draw(tasks()) if kind == "department" else []
    if task_list and draw(st.integers(0, 3)) == 0:
        info["任务资金合计"] = "100"
    unit = draw(st.sampled_from(["万元", "元"]))
    budget = draw(budgets(kind, unit))
    if "任务资金合计" in info and not budget:
        # the extractor reads the task table's total as the form's total when no budget block is printed
        budget = [BudgetLine(label="合计", key="total", amount=Decimal(100), value="100", location=HERE)]
    indicator_list = draw(indicators(year))
    long_term = draw(indicators(year)) if draw(st.integers(0, 3)) == 0 else []
    return Document(
        kind=kind,  # type: ignore[arg-type]
        title=draw(st.sampled_from(titles)),
        year=year,
        department=department,
        project=project,
        info=info,
        budget=budget,
        goals=numbered_goals(
            draw(st.lists(st.sampled_from(GOALS), unique=True, max_size=3)), draw(st.booleans())
        ),
        tasks=task_list,
        indicators=indicator_list,
        long_term_indicators=long_term,
        source=HERE,
        format="markdown",
        scoring=draw(scorings(indicator_list, bool(budget))),
    )
