"""B004 tasks-exceed: the funds of the key and other tasks together exceed the money available for them.

The task funds (拟投入的资金, converted to one unit) against 项目支出 for a department table, or 年度资金申请总额 for
a project table. Where the task table also lists 基本支出 (Fujian's 年度履职目标 does), the whole is the department's
total. Tasks may cost less than the whole (not every project is a listed task); they may not cost more.

Passing::

    # 2024年部门整体预算绩效目标表
    | 部门名称 | 某局 |  |  |  |
    |---|---|---|---|---|
    | 项目支出 | 100 |  |  |  |
    | 年度重点工作任务 | 名称 | 主要实施内容 | 拟投入的资金(万元) | 期望达到的目标 |
    |  | 任务1: 甲 | 甲 | 60 | 完成 |
    |  | 任务2: 乙 | 乙 | 40 | 完成 |

Failing (60 + 50 = 110 > 100)::

    # 2024年部门整体预算绩效目标表
    | 部门名称 | 某局 |  |  |  |
    |---|---|---|---|---|
    | 项目支出 | 100 |  |  |  |
    | 年度重点工作任务 | 名称 | 主要实施内容 | 拟投入的资金(万元) | 期望达到的目标 |
    |  | 任务1: 甲 | 甲 | 60 | 完成 |
    |  | 任务2: 乙 | 乙 | 50 | 完成 |
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perftable.model import Document
from perftable.rules import _budget
from perftable.rules._options import TOLERANCE
from perftable.rules.base import Context, Problem
from perftable.values.numbers import convert

CODE = "B004"
NAME = "tasks-exceed"
SEVERITY = "error"
GUIDANCE = "可行性：重点任务资金与预算相匹配（财预〔2015〕88号）"
CRITERION = "可行性"
OPINIONS = ("budget-mismatch",)
OPTIONS = {"tolerance": TOLERANCE}
SUMMARY = {
    "zh": "重点任务与其他任务的资金合计超过项目支出",
    "en": "task funds together exceed the project expenditure",
}
MESSAGES = {
    "default": {
        "zh": "{count}项任务的拟投入资金合计 {sum}{unit}，超过{whole} {whole_amount}{unit}（多 {difference}{unit}）",
        "en": "the funds of {count} tasks add up to {sum} {unit}, more than {whole} {whole_amount} {unit} "
        "(by {difference} {unit})",
    }
}


def _covers_basic(doc: Document) -> bool:
    return any("基本支出" in " ".join([task.name, task.content, *task.info.values()]) for task in doc.tasks)


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    if doc.kind == "department":
        whole = _budget.department_whole(doc) if _covers_basic(doc) else _budget.line(doc, "project")
    else:
        whole = _budget.line(doc, "annual_total")
    funded = [task for task in doc.tasks if task.funds is not None]
    if whole is None or whole.amount is None or not funded:
        return
    total = sum((convert(task.funds or Decimal(0), task.unit, whole.unit) for task in funded), Decimal(0))
    tolerance = _budget.tolerance([whole], whole.unit, ctx.options["tolerance"])
    if total - whole.amount > tolerance:
        decimals = max(
            _budget.decimals_in([whole], whole.unit),
            max(
                (_budget.places(task.funds) for task in funded if task.funds and task.unit == whole.unit),
                default=0,
            ),
        )
        yield Problem(
            funded[0].location,
            {
                "count": len(funded),
                "sum": _budget.show(total, decimals),
                "whole": whole.label,
                "whole_amount": _budget.show(whole.amount, decimals),
                "difference": _budget.show(total - whole.amount, decimals),
                "unit": whole.unit,
            },
        )
