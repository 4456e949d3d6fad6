"""I007 qualitative-quantity: a quantitative category with only a qualitative value.

数量指标, 成本指标 (经济成本指标) and satisfaction indicators should state a number (``≥95%``, ``240户``,
``≤600元/户``), not words (``有所提高``, ``较好``). A value that states a number in words around it (``每季度1次``,
``全年≥10000家次``) states one. 质量指标 is not checked by default: a quality target is as often a standard met
(验收合格, 达到国家标准) as a rate. Option ``level2`` lists the quantitative level-2 names.

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

import re
from collections.abc import Iterator

from perftable.model import Document
from perftable.rules._indicators import is_placeholder, is_satisfaction, shown
from perftable.rules.base import Context, Option, Problem

CODE = "I007"
NAME = "qualitative-quantity"
SEVERITY = "warning"
GUIDANCE = "适当性：可衡量，能定量的尽量定量（财预〔2011〕285号）"
CRITERION = "适当性"
OPINIONS = ("not-quantified", "value-mismatch")
# 质量指标 is left out: a quality target is as often a standard met (验收合格, 达到国家标准) as a rate.
DEFAULT_LEVEL2 = ("数量指标", "成本指标", "经济成本指标")
OPTIONS = {
    "level2": Option(
        tuple[str, ...],
        DEFAULT_LEVEL2,
        doc={
            "zh": "其指标应当定量的二级指标",
            "en": "the level-2 categories whose indicators must be quantitative",
        },
    )
}
_NUMBER = re.compile(
    r"\d|(?<![一二三四五六七八九十两百千万])[一二三四五六七八九十两百千万]+(?:个|次|项|人|家|所|场|件|份|户|条|期|批|座|处|台|套)"
)
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
    quantitative = set(ctx.options["level2"])
    for indicator in doc.indicators:
        if not indicator.value or is_placeholder(indicator.value) or indicator.target.is_quantitative:
            continue
        if _NUMBER.search(indicator.value):  # 每季度1次, 全年≥10000家次: a number, in words around it
            continue
        if indicator.level2 in quantitative or is_satisfaction(indicator):
            category = indicator.level2 if indicator.level2 in quantitative else "满意度指标"
            yield Problem(
                indicator.location, {"name": indicator.name, "category": category, "value": shown(indicator)}
            )
