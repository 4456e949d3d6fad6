"""B008 cost-above-budget: a cost target above the money it belongs to.

* a total cost (a 成本 indicator in money, not per unit) above the table's budget: ``成本 ≤120万元`` in a project of
  90万元;
* a unit cost times its quantity above the funds of the task they describe (linked by shared words, as in X001),
  caps (``≤600元/户``) included.

Passing::

    # 2024年项目支出绩效目标表
    | 项目名称 | 某项目 |
    |---|---|
    | 年度资金总额 | 90 |
    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    | 产出指标 | 成本指标 | 项目总成本 | ≤90万元 |

Failing (120万元 of cost in a 90万元 project)::

    # 2024年项目支出绩效目标表
    | 项目名称 | 某项目 |
    |---|---|
    | 年度资金总额 | 90 |
    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    | 产出指标 | 成本指标 | 项目总成本 | ≤120万元 |
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perftable.model import Document
from perftable.numbers import MoneyUnit, convert
from perftable.rules import _budget
from perftable.rules._indicators import is_money
from perftable.rules._links import cost_links
from perftable.rules.base import Context, Problem

CODE = "B008"
NAME = "cost-above-budget"
SEVERITY = "error"
GUIDANCE = "适当性：绩效目标不超出支出标准与预算（财预〔2015〕88号）"
OPTIONS: dict[str, object] = {"tolerance": None, "min_similarity": 0.5}
SUMMARY = {"zh": "成本目标超过其所属的预算", "en": "a cost target above the budget it belongs to"}
MESSAGES = {
    "budget": {
        "zh": "成本指标「{name}」{value} 超过{whole} {whole_amount}{unit}",
        "en": "the cost 「{name}」 {value} is more than {whole} {whole_amount} {unit}",
    },
    "task": {
        "zh": "「{quantity}」{count} × 「{cost}」{price} = {product}万元，超过任务「{task}」的 {funds}万元"
        "（按共同词语“{words}”关联）",
        "en": "「{quantity}」 {count} × 「{cost}」 {price} = {product} 万元, more than the {funds} 万元 of the task "
        "「{task}」 (linked by the shared words “{words}”)",
    },
}
COST_LEVEL2 = frozenset({"成本指标", "经济成本指标"})


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    whole = _budget.department_whole(doc) if doc.kind == "department" else (
        _budget.line(doc, "annual_total") or _budget.line(doc, "total")
    )  # fmt: skip
    if whole is not None and whole.amount is not None:
        tolerance = _budget.tolerance([whole], whole.unit, ctx.decimal("tolerance"))
        for indicator in doc.indicators:
            target = indicator.target
            if indicator.level2 not in COST_LEVEL2 or target.per or target.number is None:
                continue
            if target.comparator not in (None, "=", "≤", "<") or not is_money(target.unit):
                continue
            unit: MoneyUnit = target.unit  # type: ignore[assignment]  # is_money checked it
            if convert(target.number, unit, whole.unit) - whole.amount > tolerance:
                yield Problem(indicator.location, {"name": indicator.name, "value": indicator.value,
                              "whole": whole.label, "whole_amount": whole.value, "unit": whole.unit}, "budget")  # fmt: skip
    threshold = float(ctx.options.get("min_similarity", 0.5))
    for link in cost_links(doc, threshold, caps=True):
        if link.product - link.funds > max(Decimal("0.005"), ctx.decimal("tolerance") or Decimal(0)):
            yield Problem(link.cost.location, link.params(), "task")
