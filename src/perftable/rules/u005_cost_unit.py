"""U005 cost-unit: a 成本 indicator with no money unit in its name, its 计量单位 column or its value.

``残疾人家庭无障碍改造任务 600元/户`` and ``培训所需费用(万) ≤3`` say what they cost; ``培训成本 ≤3`` does not (3 元? 3
万元?). Rates (成本控制率 100%) and qualitative values are not checked.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 成本指标 | 改造补助标准 | 600元/户 |
    |  |  | 培训所需费用(万) | ≤3 |

Failing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 成本指标 | 培训成本 | ≤3 |
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from perftable.model import Document
from perftable.rules._indicators import is_money, is_percent, shown
from perftable.rules.base import Context, Problem

CODE = "U005"
NAME = "cost-unit"
SEVERITY = "warning"
GUIDANCE = "适当性：成本指标以货币计量（财预〔2021〕101号）"
CRITERION = "适当性"
OPINIONS = ("value-mismatch",)
SUMMARY = {"zh": "成本指标没有货币单位", "en": "a cost indicator has no money unit"}
MESSAGES = {
    "default": {
        "zh": "成本指标「{name}」的指标值「{value}」没有货币单位（元、万元、元/户 …）",
        "en": "the cost indicator 「{name}」 has no money unit in its name, unit column or value 「{value}」",
    }
}
COST_LEVEL2 = frozenset({"成本指标", "经济成本指标"})


_RATIO_NAME = re.compile(r"(率|比例|比率|占比|系数|倍数)$")


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    for indicator in doc.indicators:
        if indicator.level2 not in COST_LEVEL2 or indicator.target.number is None or is_percent(indicator):
            continue
        if _RATIO_NAME.search(indicator.name):  # 成本控制率, 成本节约比例: a ratio, not money
            continue
        declared = (indicator.unit or "").split("/")[0]
        if is_money(indicator.target.unit) or is_money(declared) or "元" in indicator.name:
            continue
        yield Problem(indicator.location, {"name": indicator.name, "value": shown(indicator)})
