"""I007 qualitative-quantity: a quantitative category with only a qualitative value.

数量指标, 质量指标, 成本指标 (经济成本指标) and satisfaction indicators should state a number (``≥95%``, ``240户``,
``≤600元/户``), not words (``有所提高``, ``较好``). Option ``level2`` lists the quantitative level-2 names.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 改造户数 | 240户 |

Failing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 改造户数 | 有所增加 |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable.model import Document
from perftable.rules._indicators import QUANTITATIVE_LEVEL2, is_placeholder, is_satisfaction
from perftable.rules.base import Context, Problem

CODE = "I007"
NAME = "qualitative-quantity"
SEVERITY = "warning"
GUIDANCE = "适当性：可衡量，能定量的尽量定量（财预〔2011〕285号）"
OPTIONS: dict[str, object] = {"level2": tuple(sorted(QUANTITATIVE_LEVEL2))}
SUMMARY = {
    "zh": "定量类指标只给出了定性的指标值",
    "en": "a quantitative category has only a qualitative value",
}
MESSAGES = {
    "default": {
        "zh": "「{name}」属于{category}，指标值「{value}」却没有数值",
        "en": "「{name}」 is a {category} indicator but its value 「{value}」 states no number",
    }
}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    quantitative = set(ctx.options.get("level2") or QUANTITATIVE_LEVEL2)
    for indicator in doc.indicators:
        if not indicator.value or is_placeholder(indicator.value) or indicator.target.is_quantitative:
            continue
        if indicator.level2 in quantitative or is_satisfaction(indicator):
            category = indicator.level2 if indicator.level2 in quantitative else "满意度指标"
            yield Problem(
                indicator.location, {"name": indicator.name, "category": category, "value": indicator.value}
            )
