"""U006 unknown-unit: a unit perftable does not know (so it cannot check it).

Known units and their families are listed in :mod:`perftable.values.units`; an unknown one is often a typo or a word
glued to the number (``5套次``, ``3期次``). Informational.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 培训场次 | 10场 |

Failing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 宣传活动 | 5套次 |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable.model import Document
from perftable.rules.base import Context, Problem
from perftable.values.units import unit_info

CODE = "U006"
NAME = "unknown-unit"
SEVERITY = "info"
GUIDANCE = "适当性：计量单位规范"
CRITERION = "适当性"
OPINIONS = ("value-mismatch",)
SUMMARY = {"zh": "无法识别的计量单位", "en": "a unit perftable does not know"}
MESSAGES = {
    "default": {
        "zh": "「{name}」的单位「{unit}」无法识别，未做单位检查",
        "en": "the unit 「{unit}」 of 「{name}」 is unknown; its unit was not checked",
    }
}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    for indicator in doc.indicators:
        for unit in (indicator.target.unit, indicator.unit):
            if unit and unit_info(unit.split("/")[0]) is None:
                yield Problem(indicator.location, {"name": indicator.name, "unit": unit})
                break
