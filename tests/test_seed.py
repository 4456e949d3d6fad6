"""The seed document (a real 2024 Guangdong table as converted from PDF) parses to the figures it prints."""

from __future__ import annotations

from decimal import Decimal

import pytest

import perftable
from perftable.model import Document

from .conftest import SAMPLES

SEED = SAMPLES / "guangdong-department" / "lianjiang-2024.md"


@pytest.fixture(scope="module")
def seed() -> Document:
    return perftable.load(SEED)


def test_header(seed: Document) -> None:
    assert (seed.kind, seed.department, seed.year, seed.project) == (
        "department",
        "廉江市残疾人联合会",
        2024,
        None,
    )
    assert seed.title == "2024年市级部门整体预算绩效目标表"
    assert seed.info == {"财政供养人员数": "34", "下属二级单位数": "0"}


def test_budget(seed: Document) -> None:
    assert seed.amount("basic") == Decimal("278.55")
    assert seed.amount("project") == Decimal("995.17")
    assert seed.amount("fiscal") == Decimal("1273.72")
    assert seed.amount("own_level") == Decimal("1273.72")
    assert seed.amount("other_development") == Decimal("627.77")
    assert seed.budget_line("other_funds") is not None and seed.amount("other_funds") is None
    assert {line.unit for line in seed.budget} == {"万元"}
    assert seed.budget_line("basic").location.line == 11  # type: ignore[union-attr]


def test_tasks(seed: Document) -> None:
    sections = [task.section for task in seed.tasks]
    assert sections == ["key"] * 5 + ["other"] * 4
    assert [task.number for task in seed.tasks] == [1, 2, 3, 4, 5, 1, 2, 3, 4]
    assert sum(task.funds or 0 for task in seed.tasks) == Decimal("125.9")
    assert seed.tasks[0].name == "贫困重度残疾人家庭无障碍改造"
    # The 其他需完成的任务 label sits on 任务5's row: numbering wins, and the repair is reported.
    repairs = [(w.code, w.kind, w.location.line) for w in seed.warnings if w.kind == "task-section"]
    assert repairs == [("P003", "task-section", 22)]


def test_goals(seed: Document) -> None:
    assert len(seed.goals) == 10
    assert seed.goals[1] == "2、为240户贫困残疾人家庭提供无障碍改造工作，改善残疾人居家环境；"
    assert seed.goals[-1] == "10.做好残工委和上级单位交办的各项工作。"


def test_indicators(seed: Document) -> None:
    counts: dict[str, int] = {}
    for indicator in seed.indicators:
        counts[indicator.level1] = counts.get(indicator.level1, 0) + 1
    assert counts == {"产出指标": 13, "效益指标": 9, "满意度指标": 5}
    assert len(seed.indicators) == 27


def test_lost_satisfaction_value_is_kept_empty(seed: Document) -> None:
    lost = [i for i in seed.indicators if i.name == "接受服务家庭对改造工作满意度(%)"]
    assert len(lost) == 1
    assert (lost[0].level1, lost[0].level2, lost[0].value) == ("满意度指标", "服务对象满意度指标", "")
    assert lost[0].target.is_empty


def test_shifted_rows_are_realigned(seed: Document) -> None:
    by_name = {i.name: i for i in seed.indicators}
    assert by_name["接受康园中心服务残疾人满意度(%)"].value == "≥90"
    assert by_name["改善残疾人生活状况\\提高残疾人生活水平"].value == "有所提高"
    assert by_name["提高0-6岁残疾儿童日常生活能力"].level2 == "可持续影响指标"
    realigned = [w.location.line for w in seed.warnings if w.kind == "realigned-row"]
    assert realigned == [49, 50, 52, 53, 54, 55, 56]


def test_level2_in_level1_column_is_inferred(seed: Document) -> None:
    social = [i for i in seed.indicators if i.level2 == "社会效益指标"]
    assert len(social) == 6 and {i.level1 for i in social} == {"效益指标"}
    inferred = [(w.code, w.params["level1"]) for w in seed.warnings if w.kind == "level1-inferred"]
    assert inferred == [("P003", "效益指标")]


def test_targets(seed: Document) -> None:
    by_name = {i.name: i for i in seed.indicators}
    cost = by_name["残疾人家庭无障碍改造任务"].target
    assert (cost.number, cost.unit, cost.per) == (Decimal(600), "元", "户")
    assert by_name["项目完成时间"].target.date is not None
    assert by_name["项目完成时间"].target.date.isoformat() == "2024-12-31"
    assert by_name["社区康园中心个数(个)"].unit == "个"
    assert by_name["为全市21个康园中心提供运营本级配套资金(万)"].unit == "万元"
