"""The project period, read one way for M001, M002 and U004."""

from __future__ import annotations

import datetime as dt

import pytest

import perftable
from perftable.values.period import duration_months, parse_range, project_period

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年7月-2025年6月", (D(2024, 7, 1), D(2025, 6, 30))),
        ("2022年—2026年", (D(2022, 1, 1), D(2026, 12, 31))),
        ("2023.07至2024.01", (D(2023, 7, 1), D(2024, 1, 31))),
        ("2024-07-01-2025-06-30", (D(2024, 7, 1), D(2025, 6, 30))),
        ("2024/3/15 ~ 2024/11/30", (D(2024, 3, 15), D(2024, 11, 30))),
        ("2024年1月1日到2024年12月31日", (D(2024, 1, 1), D(2024, 12, 31))),
        ("3年", None),
        ("长期", None),
    ],
)
def test_parse_range(text: str, expected: tuple[dt.date, dt.date] | None) -> None:
    assert parse_range(text) == expected


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("1年", 12),
        ("3 年", 36),
        ("一年", 12),
        ("两年", 24),
        ("十二个月", 12),
        ("18个月", 18),
        ("半年", 6),
        ("长期", None),
    ],
)
def test_duration_months(text: str, months: int | None) -> None:
    assert duration_months(text) == months


def table(fields: str, year: int = 2025) -> perftable.Document:
    text = f"# {year}年项目支出绩效目标表\n\n| 项目名称 | 某工程 |\n|---|---|\n{fields}"
    text += "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n| 产出指标 | 数量指标 | 里程 | 3公里 |\n"
    (doc,) = perftable.loads(text, "markdown")
    return doc


@pytest.mark.parametrize(
    ("fields", "start", "end", "dated"),
    [
        ("| 计划开始日期 | 2025/7/1 |\n| 计划完成日期 | 2026/6/30 |\n", D(2025, 7, 1), D(2026, 6, 30), True),
        ("| 项目起止时间 | 2024年4月-2026年3月 |\n", D(2024, 4, 1), D(2026, 3, 31), True),
        ("| 项目期限 | 2年 |\n", D(2025, 1, 1), D(2026, 12, 31), False),
        ("| 实施周期(月) | 18 |\n", D(2025, 1, 1), D(2026, 6, 30), False),
    ],
)
def test_project_period_from_fields_range_or_duration(
    fields: str, start: dt.date, end: dt.date, dated: bool
) -> None:
    period = project_period(table(fields))
    assert period is not None
    assert (period.start, period.end, period.dated) == (start, end, dated)


def test_no_period_printed() -> None:
    assert project_period(table("| 实施单位 | 某中心 |\n")) is None
