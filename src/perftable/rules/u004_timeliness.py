"""U004 timeliness: a 时效 value that is a date outside the budget year (or the project's planned period), or
that is neither a date, a period, a rate, a frequency nor a recognised term (及时, 按时, 按期 …).

Dates may name a quarter or half-year (``2024年第三季度`` is 2024-09-30); durations may be written in Chinese
numerals (``一年``, ``三个月``) or short units (``30min内``, ``10个自然日``); a frequency (``1次/月``, ``每两个月1次``)
and a period that is the whole value (``年中``, ``季度``, ``当月``) are time targets too. ``适时`` and ``尽快``
promise no time a person can check, and are reported. So are the same day or at once
(``当日办结``, ``即时``, ``随到随办``, ``日产日清``) and a time anchored to an event of the year: a festival, a season,
the school year, a point of the year or of the works, then 前/后/期间 (``春节前``, ``中秋节后``, ``汛期前``,
``开学前``, ``入冬前``, ``采暖季期间``, ``竣工验收前``).

The project period is read by :mod:`perftable.values.period` (计划开始/完成日期, 项目期限 ``2024年7月-2025年6月``,
``3年`` …): a project running into the next year may promise a date in it.

Passing::

    # 2024年部门整体支出绩效目标表
    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 时效指标 | 项目完成时间 | 2024年12月31日前 |
    |  |  | 资金拨付及时率 | 100% |
    |  |  | 设备安装时间 | 2024年第三季度 |
    |  |  | 巡查频次 | 1次/月 |
    |  |  | 建设周期 | 三个月 |
    |  |  | 慰问金发放时间 | 春节前 |
    |  |  | 即办件办理时限 | 当日办结 |

Failing (a 2023 date in a 2024 table; a value that says nothing about time)::

    # 2024年部门整体支出绩效目标表
    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 时效指标 | 项目完成时间 | 2023年12月31日前 |
    |  |  | 工作开展情况 | 良好 |
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from perftable.model import Document, Indicator
from perftable.rules._indicators import effective_unit, shown
from perftable.rules.base import Context, Problem
from perftable.values.period import project_period
from perftable.values.units import unit_info

CODE = "U004"
NAME = "timeliness"
SEVERITY = "warning"
GUIDANCE = "可行性：时效目标在预算年度或项目期内（财预〔2015〕88号）"
CRITERION = "可行性"
OPINIONS = ("timeline",)
SUMMARY = {
    "zh": "时效指标的日期超出预算年度，或无法识别",
    "en": "a 时效 value is outside the period, or not a time",
}
MESSAGES = {
    "out-of-period": {
        "zh": "时效指标「{name}」的日期 {date} 不在{period}内",
        "en": "the date {date} of the timeliness indicator 「{name}」 is outside {period}",
    },
    "unrecognised": {
        "zh": "时效指标「{name}」的指标值「{value}」既不是日期、期限、比率，也不是“及时”“按期”等用语",
        "en": "the timeliness value 「{value}」 of 「{name}」 is not a date, a period, a rate or a term such as 及时",
    },
}
# The same day, at once: 当日办结, 当天, 当场, 即时, 即办, 立即, 随到随办, 随时, 第一时间, 日产日清, 周清.
_AT_ONCE = r"当[日天场]|即[时办刻]|立即|随到随办|随时|第一时间|[日周月]清"
# Events of the year a time may be anchored to: festivals (春节, 中秋节, 元旦), seasons (汛期, 入汛, 雨季, 冬季,
# 采暖季, 春耕, 秋收), the school year (开学, 寒假), points of the year (年底, 上半年, 季末, 月底) and of the works
# (开工, 竣工, 验收, 交付, 投入使用, 节点).
_EVENT = (
    r"元旦|春节|国庆|中秋|端午|清明|元宵|[\u4e00-\u9fff]{1,3}节|主?汛期?|入[汛冬夏]|[雨旱春夏秋冬]季|[采供]暖[季期]|春耕|[春夏秋冬]播|[夏秋麦]收"
    r"|开学|[寒暑]假|学期|年[底末初中]?|[上下]半年|季[度末]末?|月[底末]|开工|竣工|完工|验收|交付|投入使用|上线|节点"
)
# A schedule the value points to: 按合同约定, 按计划完成, 按工程进度拨付, 按学期拨付, 法定时限内, 规定期限内.
_SCHEDULE = (
    r"按(?:合同|协议)?约定|按(?:工作|实施|年度)?计划|按(?:工程|项目|施工)?进度|按学期|按批次|按节点|按(?:规定|要求)"
    r"|(?:法定|规定|承诺|约定)(?:时限|期限|时间)|时限内|期限内"
)
# A frequency with a count of periods: 每两个月1次, 每3天, 每十五日.
_EVERY = r"每[一二两三四五六七八九十\d]+个?(?:年|季度?|月|旬|周|星期|日|天|小时)"
# A period of its own, the whole value: 年中, 季度, 月度, 当月, 本季度, 上半年.
_PERIOD = (
    r"^(?:年[初中底末]|季[度末初]|月[度末初底]|旬末|当[月季周]|本[月周]|本季度?|[上下]半年|[一二三四]季度)$"
)
TERMS = re.compile(
    r"及时|按时|按期|准时|如期|当年|年内|年度内|全年|按月|按季|实时|定期|每[年季月旬周日]|每半[年月]|半[年月][一1]次"
    r"|全天候|T\s*\+\s*\d+|前完成|内完成|以内|之前"
    rf"|{_EVERY}|{_PERIOD}"
    r"|(?<!\d)\d+\s*(?:个月|个?工作日|个?自然日|天|日|周|小时|分钟|min|h|年)"  # a duration: 30分钟内到达, 30min内
    rf"|{_AT_ONCE}|(?:{_EVENT})(?:之?前|以前|之?后|以后|期间)"  # 当日办结; 春节前, 汛期前, 开学前
    rf"|{_SCHEDULE}|^(?:主?汛期|[雨旱]季|[采供]暖[季期])$"  # a season that is a time of its own: 汛期
)


def window(doc: Document) -> tuple[dt.date, dt.date, str] | None:
    """The span dates should fall in: the budget year, widened to the project's period when one is printed
    (a project running 2024年7月-2025年6月 may promise 2025年6月30日前)."""
    span = project_period(doc)
    if doc.year is None:
        return (dt.date(span.start.year, 1, 1), span.end, span.describe()) if span else None
    first, last = dt.date(doc.year, 1, 1), dt.date(doc.year, 12, 31)
    if span is None or (span.start.year, span.end) == (doc.year, last):
        return first, last, f"{doc.year}年度"
    start, end = min(first, dt.date(span.start.year, 1, 1)), max(last, span.end)
    return start, end, f"{start.isoformat()}–{end.isoformat()}"


def _is_time_quantity(indicator: Indicator) -> bool:
    """A duration (``3天``, ``一年``), a rate (``100%``), a frequency (``1次/月``) or a bare number."""
    target = indicator.target
    if target.number is None:
        return False
    unit = effective_unit(indicator)
    info = unit_info(unit) if unit else None
    per = unit_info(target.per.split("·")[0]) if target.per else None
    return info is None or info.family in ("time", "percent") or (per is not None and per.family == "time")


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    span = window(doc)
    for indicator in doc.indicators:
        if indicator.level2 != "时效指标" or not indicator.value:
            continue
        target = indicator.target
        if target.date is not None:
            if span and not span[0] <= target.date <= span[1]:
                params = {"name": indicator.name, "date": target.date.isoformat(), "period": span[2]}
                yield Problem(indicator.location, params, "out-of-period")
            continue
        timely = (
            _is_time_quantity(indicator)
            or bool(TERMS.search(indicator.value))
            or bool(TERMS.search(indicator.name))
        )
        if not timely and target.qualitative not in ("及时", "按时", "准时", "按期", "如期"):
            yield Problem(
                indicator.location, {"name": indicator.name, "value": shown(indicator)}, "unrecognised"
            )
