"""The project period a table prints, read one way for every rule that needs it (M001, M002, U004).

A period is printed as two fields (计划开始日期 ``2024/7/1`` and 计划完成日期 ``2025/6/30``), as a range in one
field (项目期限 ``2024年7月-2025年6月``, 项目起止时间 ``2022年—2026年``, 实施期 ``2023.07至2024.01``) or as a
duration (项目期限 ``3年``, ``一年``, ``18个月``), which counts from the table's budget year. A range's start
without a day is the first day of its month (of its year when only a year is printed); its end without a day the
last day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from perftable.model import Document
from perftable.values.dates import parse_date
from perftable.values.numbers import chinese_number
from perftable.values.patterns import RANGE_SEPARATOR

START_LABELS = ("计划开始日期", "项目开始日期", "开始日期", "计划开始时间", "项目开始时间")
END_LABELS = ("计划完成日期", "项目结束日期", "项目完成日期", "计划完成时间", "项目完成时间", "结束日期")
RANGE_LABELS = (
    "项目期限",
    "项目周期",
    "项目期",
    "建设周期",
    "建设期限",
    "实施期限",
    "实施周期",
    "实施期",
    "项目实施期",
    "项目支出实施期",
    "项目起止时间",
    "项目起止日期",
    "起止时间",
    "执行期限",
)
# Every label that prints (part of) a project period: what M001 accepts for a required 项目期限.
LABELS = RANGE_LABELS + START_LABELS + END_LABELS

# Blanks before the separator are taken only from where they begin ((?<!\s)): a match tried from every blank of a
# long run took time quadratic in its length.
_SEPARATOR = re.compile(rf"(?:(?<!\s)\s+)?{RANGE_SEPARATOR}\s*")
# A bracketed part of a label, up to its first closing bracket on the line; an opening bracket with no closing one
# matches up to the line's end and is kept (a match that can fail only at the end, tried from each of thousands of
# opening brackets, took quadratic time).
_BRACKETED_PART = re.compile(r"[(（][^)）\n]*(?:[)）]|(?=\n)|$)")
_DURATION = re.compile(
    r"^(?P<n>\d{1,3}|[一两二三四五六七八九十]{1,2}|半)\s*+(?:个)?\s*(?P<unit>年|月|个月)(?:度|期)?$"
)


@dataclass(frozen=True)
class Period:
    """A project's period: its first and last day, the field it was read from and how it was printed."""

    start: dt.date
    end: dt.date
    label: str
    text: str
    dated: bool  # printed with dates (False: a duration counted from the budget year)

    def describe(self) -> str:
        return f"{self.start.isoformat()}–{self.end.isoformat()}"


def _core(label: str) -> str:
    """The label without its bracketed parts: ``项目期限(年)`` -> ``项目期限``."""
    return _BRACKETED_PART.sub(lambda part: "" if part[0].endswith((")", "）")) else part[0], label).strip()


def field(doc: Document, labels: tuple[str, ...]) -> tuple[str, str] | None:
    """The first non-empty header field printed under one of these labels (ignoring a unit like ``(年)``)."""
    for label, text in doc.info.items():
        if _core(label) in labels and text.strip():
            return label, text.strip()
    return None


def _digit_groups(text: str) -> int:
    return len(re.findall(r"\d+", text))


def start_date(text: str) -> dt.date | None:
    """A period's first day: ``2024年7月`` → 2024-07-01, ``2022年`` → 2022-01-01."""
    parsed = parse_date(text.replace(" ", ""), in_period=True)
    if parsed is None:
        return None
    day, groups = parsed[0], _digit_groups(text)
    if groups == 1:
        return dt.date(day.year, 1, 1)
    return dt.date(day.year, day.month, 1) if groups == 2 else day


def end_date(text: str) -> dt.date | None:
    """A period's last day: ``2025年6月`` → 2025-06-30, ``2026年`` → 2026-12-31."""
    parsed = parse_date(text.replace(" ", ""), in_period=True)
    return parsed[0] if parsed else None


def parse_range(text: str) -> tuple[dt.date, dt.date] | None:
    """``2024年7月-2025年6月`` → (2024-07-01, 2025-06-30); also ISO dates joined by ``-`` (tried at every
    separator until both sides read as dates)."""
    text = text.strip()
    for match in _SEPARATOR.finditer(text):
        first, last = text[: match.start()], text[match.end() :]
        start, end = start_date(first), end_date(last)
        if start and end:
            return start, end
    return None


def duration_months(text: str) -> int | None:
    """``3年`` → 36, ``一年`` → 12, ``18个月`` → 18, ``半年`` → 6; None for anything else."""
    match = _DURATION.match(text.strip())
    if not match:
        return None
    raw, unit = match["n"], match["unit"]
    if raw == "半":
        return 6 if unit == "年" else None
    count = int(raw) if raw.isdigit() else chinese_number(raw)
    if count is None:
        return None
    months = count * 12 if unit == "年" else count
    return months or None


def _add_months(day: dt.date, months: int) -> dt.date:
    """The last day of the month ``months - 1`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months - 1
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def project_period(doc: Document) -> Period | None:
    """The project's period as printed: start and end fields, else a range, else a duration from the budget year."""
    start, end = field(doc, START_LABELS), field(doc, END_LABELS)
    if start and end:
        first, last = start_date(start[1]), end_date(end[1])
        if first and last:
            return Period(first, last, end[0], f"{start[1]}–{end[1]}", dated=True)
    printed = field(doc, RANGE_LABELS)
    if printed is None:
        return None
    label, text = printed
    dates = parse_range(text)
    if dates:
        return Period(dates[0], dates[1], label, text, dated=True)
    unit = re.search(r"[(（](年|个?月)[)）]", label)  # 项目期限(年) | 3
    months = duration_months(text + unit[1] if unit and text.isdigit() else text)
    if months and doc.year:
        first = dt.date(doc.year, 1, 1)
        return Period(first, _add_months(first, months), label, text, dated=False)
    return None
