"""B003 level-sum: the allocation by budget level must add up to the total.

市本级使用资金 (or 省/县/区本级, 市级支出) + 拟用于对下转移支付资金 (补助区县) against the department's expenditure total
(部门预算支出合计, else 基本支出 + 项目支出), or a project's annual amount (当年预算). Checked when the allocation is
printed.

Passing::

    # 2024年部门整体预算绩效目标表
    | 部门名称 | 某局 |  |  |
    |---|---|---|---|
    | 基本支出 | 278.55 | 市本级使用资金 | 1,073.72 |
    | 项目支出 | 995.17 | 拟用于对下转移支付资金 | 200 |

Failing (1,073.72 + 100 is not 1273.72)::

    # 2024年部门整体预算绩效目标表
    | 部门名称 | 某局 |  |  |
    |---|---|---|---|
    | 基本支出 | 278.55 | 市本级使用资金 | 1,073.72 |
    | 项目支出 | 995.17 | 拟用于对下转移支付资金 | 100 |
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perftable.model import Document
from perftable.rules import _cause
from perftable.rules._options import TOLERANCE
from perftable.rules.base import Context, Problem

CODE = "B003"
NAME = "level-sum"
SEVERITY = "error"
GUIDANCE = "可行性：资金分配与预算相匹配（财预〔2015〕88号）"
CRITERION = "可行性"
OPINIONS = ("budget-mismatch",)
OPTIONS = {"tolerance": TOLERANCE}
SUMMARY = {
    "zh": "按预算级次划分的资金之和不等于合计",
    "en": "allocation by budget level does not add up to the total",
}
MESSAGES = {
    "default": {
        "zh": "按预算级次划分 {parts}，但{whole}为 {whole_amount}，相差 {difference}{unit}",
        "en": "allocation by level {parts}, but {whole} is {whole_amount}: a difference of {difference} {unit}",
    },
    "decimal": {
        "zh": "按预算级次划分 {parts}，但{whole}为 {whole_amount}，相差 {difference}{unit}；{culprit} {printed} 像是丢了小数点（按 {fixed} 计则相符）",
        "en": "allocation by level {parts}, but {whole} is {whole_amount}: a difference of {difference} {unit}; {culprit} {printed} looks like a lost decimal point (as {fixed} the sum holds)",
    },
    "shared": {
        "zh": "按预算级次划分 {parts}，但{whole}为 {whole_amount}，相差 {difference}{unit}；{codes} 这几处不符可能出自同一个金额：{cause}",
        "en": "allocation by level {parts}, but {whole} is {whole_amount}: a difference of {difference} {unit}; {codes} may share one cause: {cause}",
    },
}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    tolerance: Decimal | None = ctx.options["tolerance"]
    for comparison in ctx.facts.budget_sums(tolerance)["B003"]:
        if comparison.mismatch:
            params, variant = _cause.explain(comparison, ctx.facts.shared_cause(tolerance))
            yield Problem(comparison.parts[0].location, params, variant)
