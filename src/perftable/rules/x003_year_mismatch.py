"""X003 year-mismatch: years that disagree with the table's year.

A 2024 table whose goals or tasks speak of ``2019年度`` work, or whose indicators (other than 时效, see U004) carry
dates before the budget year, was probably copied from an earlier year and not updated. The year just before or
after is often named for what it is (支付2023年度尾款, 2023年度年检, 为2025年度做准备): such a mention is reported as
info only.

A year written without 度 (``完成2023年各项任务`` in a 2024 table) is reported the same way when it names an earlier
year as the time of the work: a work verb just before it (完成, 开展, 做好 …) or a deadline after it (2023年12月31日前). It is not reported where it is a base or a source, not the year of the work: a
comparison (较2023年增长, 比2023年提高, 与2023年相比, 同比), a starting point (截至2023年底, 自2023年起, 2023年以来), data
(根据2023年调查人数, 2023年结转资金), a range (2021-2025年, 2023年至2025年), an event's date (于2024年10月13日首演;
a deadline, 2024年12月31日前, is the work's), a time before (2008年以前), nor where the project's own period
includes it; nor in a text that names the table's year too (2025年完成…，2026年将…: it tells of the years
before). A later year (到2027年, 2030年前) is a horizon, never reported.

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
from perftable.values.period import Period, project_period

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
# A year written ``2023年`` (not 年度, not one end of a range such as 2021-2025年)
_BARE = re.compile(rf"(?<![\d\-—–~～至到])({YEAR})\s*年(?!度)")
# What makes such a year a base or a source rather than the year of the work: just before it, or just after it.
_BASE_BEFORE = re.compile(r"(?:较|比|与|同比|截至|截止|自|从|根据|依据|按照|参照|基于|对照|于)\s*$")
_BASE_AFTER = re.compile(
    r"^\s*(?:\d{1,2}\s*月(?:份)?\s*)?(?:\d{1,2}\s*日\s*)?(?:以来|以前|之前|起|基础|相比|同期|水平|底|末|结转|调查|数据|统计|基数|实际|决算|[-—–~～至到]\s*\d)"
)
# What says a bare year is the time of the work (the copied goal of an old table): a work verb just before it
# (完成2023年…, 做好2023年…), or a deadline after it (2023年12月31日前, 2023年底前). A year told any other way
# (2023年党政机要密码工作要求, 2025年需求快速增长) is a fact of its text, not reported.
_WORK_BEFORE = re.compile(r"(?:完成|实现|开展|做好|确保|力争|推进|落实|组织|举办|保障|全面|按时|如期)\s*$")
_DEADLINE_AFTER = re.compile(r"^\s*(?:\d{1,2}\s*月(?:份)?\s*(?:\d{1,2}\s*[日号])?|底|末)\s*(?:前|之前|以前)")
# A day or month of an event (首演于2024年10月13日, 2024年3月启动): a fact told, not the year of the work (a deadline,
# 2024年12月31日前, is the work's)
_EVENT_AFTER = re.compile(
    r"^\s*+\d{1,2}\s*+月(?:份)?+\s*+(?:\d{1,2}\s*+[日号])?+(?!\s*(?:前|之前|以前|底|末))"
)


def _bare_years(text: str, year: int, period: Period | None) -> Iterator[re.Match[str]]:
    """The years written ``2023年`` that name an earlier year than ``year`` as the time of the work. A text that
    names the table's year (or a later one) as well tells of the years before it (2025年完成…，2026年将…): none
    of its earlier years is reported."""
    if any(int(found[1]) >= year for found in _BARE.finditer(text)) or any(
        int(found[1]) >= year for found in _ANNUAL.finditer(text)
    ):
        return
    for match in _BARE.finditer(text):
        mentioned = int(match[1])
        if mentioned >= year or (period is not None and period.start.year <= mentioned <= period.end.year):
            continue
        if _BASE_BEFORE.search(text[max(0, match.start() - 4) : match.start()]):
            continue
        if _BASE_AFTER.match(text[match.end() : match.end() + 12]) or _EVENT_AFTER.match(text[match.end() :]):
            continue
        work = _WORK_BEFORE.search(text[max(0, match.start() - 6) : match.start()])
        if work or _DEADLINE_AFTER.match(text[match.end() :]):
            yield match


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    if doc.year is None:
        return
    texts = [(goal, where(doc, "goals")) for goal in doc.goals]
    texts += [(f"{task.name}{task.content}{task.target}", task.location) for task in doc.tasks]
    period = project_period(doc) if doc.kind == "project" else None
    for text, location in texts:
        for match in _bare_years(text, doc.year, period):
            yield Problem(
                location,
                {"year": doc.year, "mention": match[0]},
                "text",
                severity="info" if doc.year - int(match[1]) == 1 else None,
            )
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
