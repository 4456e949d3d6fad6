"""M002 project-period: a project's period does not cover the budget year, or its multi-year total is smaller
than the year's amount.

计划开始日期–计划完成日期 (or a printed period such as ``2023年4月-2024年2月``, read by :mod:`perftable.values.period`;
a duration such as ``3年`` counts from the budget year, so it always does) must include the table's year; the
项目资金总额 of all years cannot be smaller than the 年度资金申请总额 of one (when B005 runs, it reports that case).

Passing::

    # 2026年项目支出绩效目标表
    | 项目名称 | 某工程 | 计划开始日期 | 2026/1/1 |
    |---|---|---|---|
    | 计划完成日期 | 2027/12/31 |  |  |
    | 年度资金申请总额 | 100 |  |  |

Failing (a 2026 table for a project that ended in 2025)::

    # 2026年项目支出绩效目标表
    | 项目名称 | 某工程 | 计划开始日期 | 2024/1/1 |
    |---|---|---|---|
    | 计划完成日期 | 2025/12/31 |  |  |
    | 年度资金申请总额 | 100 |  |  |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable.model import Document
from perftable.rules import _budget
from perftable.rules.base import Context, Problem
from perftable.values.period import project_period

CODE = "M002"
NAME = "project-period"
SEVERITY = "warning"
GUIDANCE = "可行性：项目期限覆盖预算年度，总额不小于年度金额"
CRITERION = "可行性"
OPINIONS = ("timeline",)
SUMMARY = {
    "zh": "项目期限未覆盖预算年度，或总额小于年度金额",
    "en": "the project period misses the year, or total < annual",
}
MESSAGES = {
    "period": {
        "zh": "项目期限 {start}–{end} 不包含预算年度 {year}",
        "en": "the project period {start}–{end} does not include the budget year {year}",
    },
    "amounts": {
        "zh": "{total} {total_amount}{unit} 小于 {annual} {annual_amount}{unit}",
        "en": "{total} {total_amount} {unit} is smaller than {annual} {annual_amount} {unit}",
    },
}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    if doc.kind != "project":
        return
    period = project_period(doc)
    if period and period.dated and doc.year and not (period.start.year <= doc.year <= period.end.year):
        location = doc.locations.get(f"info.{period.label}", doc.source)
        params = {"start": period.start.isoformat(), "end": period.end.isoformat(), "year": doc.year}
        yield Problem(location, params, "period")
    total, annual = _budget.line(doc, "total"), _budget.line(doc, "annual_total")
    if total is None or annual is None or total.amount is None or annual.amount is None:
        return
    if _budget.amount_in(annual, total.unit) > total.amount:
        yield Problem(total.location, {"total": total.label, "total_amount": total.value, "annual": annual.label,
                                       "annual_amount": annual.value, "unit": total.unit}, "amounts",
                      covered_by="B005")  # fmt: skip
