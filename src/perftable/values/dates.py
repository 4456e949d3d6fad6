"""Dates in indicator values and header fields.

``2024年12月31日前`` -> 2024-12-31 with ``≤``; ``2024年底`` and ``2024年`` -> 2024-12-31; ``2024年第三季度`` ->
2024-09-30 (a quarter or half-year means its last day); ``2026/1/1``; a period ``2023.07-2024.01`` -> its end; a
deadline with its verb (``6月30日前完工``, ``2026年6月前完成验收``) or introduced by words (``完成时限（9月15日）``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from perftable.model import Comparator
from perftable.values.patterns import RANGE_SEPARATOR

DATE_SUFFIXES: tuple[tuple[str, Comparator], ...] = (
    ("之前", "≤"),
    ("以前", "≤"),
    ("前", "≤"),
    ("以内", "≤"),
    ("之内", "≤"),
    ("内", "≤"),
    ("完成", "≤"),
    ("截止", "≤"),
)
# What a deadline may say after its date, with no comparator of its own: 6月30日前完工, 2026年6月前完成验收.
_DEADLINE_VERBS = tuple(
    sorted(
        [
            "完成验收",
            "完成",
            "完工",
            "竣工",
            "办结",
            "结束",
            "上线",
            "交付",
            "验收",
            "启动",
            "实施",
            "报送",
            "发放",
            "拨付",
            "到位",
            "执行完毕",
            "实施完毕",
            "完毕",
            "结题",
        ],
        key=len,
        reverse=True,
    )
)
_BRACKETED = re.compile(r"[（(]([^（）()]{2,20})[）)]")
_DATE = re.compile(
    r"^(?:(?P<y>\d{4})\s*年度?\s*+(?:(?P<m>\d{1,2})\s*月份?\s*+(?:(?P<d>\d{1,2})\s*+[日号]?)?)?\s*(?:底|末|全年|整年)?"
    r"|(?P<y2>\d{4})(?:\.(?P<m2>\d{2})|\.(?P<m4>\d)(?=\.\d)|[\-/](?P<m3>\d{1,2}))(?:[.\-/](?P<d2>\d{1,2}))?)$"
)
# A period: 2023年4月-2024年2月, 2023.07-2024.01, 2020年1月--2020年11月 (its end is the target date).
# Blanks are taken possessively (\s*+) where two blank runs meet: tried at every split of a long run, a pattern is
# quadratic in its length; no later part of these patterns matches a blank, so nothing is lost.
_PERIOD = re.compile(rf"^(?P<start>.+?\d\s*+[年月日.]?)\s*{RANGE_SEPARATOR}\s*(?P<end>\d{{4}}.*)$")
# Months of one year: 2026年1-12月, 2026年10月--12月 (the end takes the start's year).
_MONTHS_OF_YEAR = re.compile(
    rf"^(?P<y>\d{{4}})\s*年\s*\d{{1,2}}\s*+月?\s*{RANGE_SEPARATOR}\s*(?P<m>\d{{1,2}}\s*月)$"
)
# A quarter or a half-year, read as the month it ends with: 第三季度, 三季度, Q3, 上半年.
_QUARTER = re.compile(r"(?:第?(?P<q>[一二三四1-4])季度|[Qq](?P<q2>[1-4]))(?:末|底)?")
_HALF = re.compile(r"(?P<h>[上下])半年(?:末|底)?")
_QUARTER_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def split_suffix(text: str, suffixes: tuple[tuple[str, Comparator], ...]) -> tuple[Comparator | None, str]:
    """``("3天以内", …)`` -> ``("≤", "3天")``: the comparator a suffix stands for and the text before it."""
    for suffix, comparator in suffixes:
        if text.endswith(suffix) and len(text) > len(suffix):
            return comparator, text[: -len(suffix)].strip()
    return None, text


def _months(text: str) -> str:
    """Quarters and half-years as the month they end with: ``2024年第三季度`` -> ``2024年9月``."""
    text = _QUARTER.sub(lambda m: f"{3 * _QUARTER_NUMBERS[m['q'] or m['q2']]}月", text)
    return _HALF.sub(lambda m: "6月" if m["h"] == "上" else "12月", text)


def _calendar_date(match: re.Match[str], in_period: bool) -> dt.date | None:
    if match["m2"] and not match["d2"] and not in_period:
        return None
    y = int(match["y"] or match["y2"])
    month, day = match["m"] or match["m2"] or match["m3"] or match["m4"], match["d"] or match["d2"]
    m = int(month) if month else 12
    if not 1900 <= y <= 2200 or not 1 <= m <= 12:
        return None
    last = calendar.monthrange(y, m)[1]
    d = int(day) if day else last
    return dt.date(y, m, d) if 1 <= d <= last else None


def _without_verb(text: str) -> str:
    """A deadline without the verb after its date: ``6月30日前完工`` -> ``6月30日前``."""
    for verb in _DEADLINE_VERBS:
        if text.endswith(verb) and len(text) > len(verb) and text[-len(verb) - 1] in "前内底末日月号":
            return text[: -len(verb)]
    return text


def parse_date(
    text: str, year: int | None = None, *, in_period: bool = False
) -> tuple[dt.date, Comparator | None] | None:
    """``2024年12月31日前`` -> (2024-12-31, ≤). A month alone means its last day; a year alone its last day; a
    quarter (``2024年第三季度``) or half-year (``2024年上半年``) its last day.

    A dotted month without a day (``2024.01``) reads as a date only inside a period (``2023.07-2024.01``);
    alone it is the number 2024.01.
    """
    text = _without_verb(text)
    comparator, core = split_suffix(text, DATE_SUFFIXES)
    if comparator is not None:  # 前完成, 之前完成
        core = split_suffix(core, DATE_SUFFIXES)[1]
    core = _months(core)
    if year is not None and re.match(r"^\d{1,2}月", core):
        core = f"{year}年{core}"
    match = _DATE.match(core)
    if not match:
        period = _PERIOD.match(core)
        if period and parse_date(period["start"], year, in_period=True) is not None:
            end = parse_date(period["end"], year, in_period=True)
            return (end[0], comparator or "≤") if end else None
        months = _MONTHS_OF_YEAR.match(core)
        if months:
            end = parse_date(f"{months['y']}年{months['m']}", year, in_period=True)
            return (end[0], comparator or "≤") if end else None
        inner = _BRACKETED.search(text)  # 完成时限（9月15日）: the date the words introduce
        if inner and inner.group(0) != text and not in_period:
            return parse_date(inner[1], year)
        return None
    date = _calendar_date(match, in_period)
    return (date, comparator) if date else None
