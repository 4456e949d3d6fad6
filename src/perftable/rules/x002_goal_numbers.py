"""X002 goal-numbers: a number in the goals contradicts the indicator it describes.

``为240户贫困残疾人家庭提供无障碍改造`` in the goals and ``贫困残疾人家庭无障碍改造工作户数 200户`` in the indicators
cannot both be the target. A goal's number is compared with the quantity indicator of a compatible unit whose name
shares the most words with the goal's clause (option ``min_similarity``); years are not numbers here.

Passing::

    | 部门名称 | 某局 |
    |---|---|
    | 总体绩效目标 | 1、为240户贫困残疾人家庭提供无障碍改造 |
    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    | 产出指标 | 数量指标 | 贫困残疾人家庭无障碍改造户数 | 240户 |

Failing::

    | 部门名称 | 某局 |
    |---|---|
    | 总体绩效目标 | 1、为240户贫困残疾人家庭提供无障碍改造 |
    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    | 产出指标 | 数量指标 | 贫困残疾人家庭无障碍改造户数 | 200户 |
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from perftable.model import Document, Indicator
from perftable.rules._indicators import effective_unit, where
from perftable.rules._words import similarity
from perftable.rules.base import Context, Problem
from perftable.units import KNOWN_UNITS, unit_info

CODE = "X002"
NAME = "goal-numbers"
SEVERITY = "warning"
GUIDANCE = "相关性：目标表述与指标一致（财预〔2015〕88号）"
OPTIONS: dict[str, object] = {"min_similarity": 0.5}
SUMMARY = {"zh": "目标文字中的数字与对应指标不符", "en": "a number in the goals contradicts its indicator"}
MESSAGES = {
    "default": {
        "zh": "目标中写的是“{mention}”，而指标「{name}」为 {value}",
        "en": "the goals say “{mention}” but the indicator 「{name}」 is {value}",
    }
}
_UNITS = "|".join(re.escape(unit) for unit in KNOWN_UNITS if unit not in ("%", "‰", "年", "月", "日", "天"))
_MENTION = re.compile(rf"(\d+(?:\.\d+)?)\s*({_UNITS})")
_CLAUSE = re.compile(r"[^，,；;。！？\n]+")


def _mentions(goal: str) -> Iterator[tuple[str, Decimal, str]]:
    for clause in _CLAUSE.findall(goal):
        for match in _MENTION.finditer(clause):
            yield clause, Decimal(match[1]), match[2]


def _compatible(unit: str, indicator: Indicator) -> bool:
    own = effective_unit(indicator)
    a, b = unit_info(unit), unit_info(own or "")
    return a is not None and b is not None and a.family == b.family and a.scale == b.scale


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    threshold = float(ctx.options.get("min_similarity", 0.5))
    quantities = [
        i for i in doc.indicators if i.target.number is not None and i.target.comparator in (None, "=", "≥")
    ]
    for goal in doc.goals:
        for clause, number, unit in _mentions(goal):
            ranked = sorted(
                ((similarity(clause, i.name), i) for i in quantities if _compatible(unit, i)),
                key=lambda p: -p[0],
            )
            if not ranked or ranked[0][0] < threshold:
                continue
            indicator = ranked[0][1]
            if indicator.target.number != number:
                mention = f"{number}{unit}"
                yield Problem(
                    where(doc, "goals"),
                    {"mention": mention, "name": indicator.name, "value": indicator.value},
                )
