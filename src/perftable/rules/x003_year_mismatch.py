"""X003 year-mismatch: years that disagree with the table's year.

A 2024 table whose goals or tasks speak of ``2019年度`` work, or whose indicators (other than 时效, see U004) carry
dates before the budget year, was probably copied from an earlier year and not updated. The year just before or
after is often named for what it is (支付2023年度尾款, 2023年度年检, 为2025年度做准备): such a mention is reported as
info only.

Passing::

    # 2024年部门整体支出绩效目标表
    | 部门名称 | 某局 |
    |---|---|
    | 总体绩效目标 | 完成2024年度各项任务 |
    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    | 产出指标 | 数量指标 | 培训人数 | 200人 |

Failing::

    # 2024年部门整体支出绩效目标表
    | 部门名称 | 某局 |
    |---|---|
    | 总体绩效目标 | 完成2019年度各项任务 |
    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    | 产出指标 | 数量指标 | 培训人数 | 200人 |
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from perftable.model import Document
from perftable.rules._indicators import where
from perftable.rules.base import Context, Problem
from perftable.values.patterns import YEAR

CODE = "X003"
NAME = "year-mismatch"
SEVERITY = "warning"
GUIDANCE = "完整性：年度一致，未沿用往年内容"
CRITERION = "完整性"
OPINIONS = ("outdated",)
SUMMARY = {"zh": "文中年份与表格年度不一致", "en": "years that disagree with the table's year"}
MESSAGES = {
    "text": {
        "zh": "{year}年度的表格中提到“{mention}”",
        "en": "a table for {year} mentions “{mention}”",
    },
    "date": {
        "zh": "{year}年度的表格中，指标「{name}」的日期 {date} 早于预算年度",
        "en": "in a table for {year}, the date {date} of 「{name}」 is before the budget year",
    },
}
_ANNUAL = re.compile(rf"({YEAR})\s*年度")


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    if doc.year is None:
        return
    texts = [(goal, where(doc, "goals")) for goal in doc.goals]
    texts += [(f"{task.name}{task.content}{task.target}", task.location) for task in doc.tasks]
    for text, location in texts:
        for match in _ANNUAL.finditer(text):
            year = int(match[1])
            if year != doc.year:
                # the year before or after is often named for what it is (支付2025年度尾款, 2025年度年检, 为2027年度
                # 做准备): worth a look, not a warning; a year further off is more likely copied from an old table
                near = abs(year - doc.year) == 1
                yield Problem(
                    location,
                    {"year": doc.year, "mention": match[0]},
                    "text",
                    severity="info" if near else None,
                )
    for indicator in doc.indicators:
        date = indicator.target.date
        if date is not None and indicator.level2 != "时效指标" and date.year < doc.year:
            yield Problem(
                indicator.location,
                {"year": doc.year, "name": indicator.name, "date": date.isoformat()},
                "date",
            )
