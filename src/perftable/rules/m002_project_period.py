"""M002 project-period: a project's period does not cover the budget year, or its multi-year total is smaller
than the year's amount.

计划开始日期–计划完成日期 (or a printed period such as ``2023年4月-2024年2月``) must include the table's year; the
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

import datetime as dt
from collections.abc import Iterator

from perftable.dates import parse_date
from perftable.model import Document
from perftable.rules import _budget
from perftable.rules.base import Context, Problem

CODE = "M002"
NAME = "project-period"
SEVERITY = "warning"
GUIDANCE = "可行性：项目期限覆盖预算年度，总额不小于年度金额"
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
_STARTS = ("计划开始日期", "项目开始日期")
_ENDS = ("计划完成日期", "项目结束日期")
_PERIODS = ("项目起止时间", "项目起止日期", "建设周期", "实施期限", "项目实施期", "项目支出实施期")


def _date(text: str, *, start: bool) -> dt.date | None:
    parsed = parse_date(text.replace(" ", ""), in_period=True)
    if parsed is None:
        return None
    day = parsed[0]
    return dt.date(day.year, day.month, 1) if start and text.count("月") and "日" not in text else day


def span(doc: Document) -> tuple[dt.date, dt.date] | None:
    start = next((d for k in _STARTS if (d := _date(doc.info.get(k, ""), start=True))), None)
    end = next((d for k in _ENDS if (d := _date(doc.info.get(k, ""), start=False))), None)
    if start and end:
        return start, end
    for key in _PERIODS:
        text = doc.info.get(key, "")
        for separator in ("--", "—", "-", "~", "至", "到"):
            if separator in text:
                first, _, last = text.partition(separator)
                a, b = _date(first, start=True), _date(last, start=False)
                if a and b:
                    return a, b
    return None


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    if doc.kind != "project":
        return
    period = span(doc)
    if period and doc.year and not (period[0].year <= doc.year <= period[1].year):
        location = doc.locations.get("info.计划完成日期", doc.source)
        yield Problem(location, {"start": period[0].isoformat(), "end": period[1].isoformat(), "year": doc.year},
                      "period")  # fmt: skip
    total, annual = _budget.line(doc, "total"), _budget.line(doc, "annual_total")
    if (
        "B005" in ctx.active
        or total is None
        or annual is None
        or total.amount is None
        or annual.amount is None
    ):
        return
    if _budget.amount_in(annual, total.unit) > total.amount:
        yield Problem(total.location, {"total": total.label, "total_amount": total.value, "annual": annual.label,
                                       "annual_amount": annual.value, "unit": total.unit}, "amounts")  # fmt: skip
