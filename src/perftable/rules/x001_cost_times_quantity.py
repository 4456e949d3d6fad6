"""X001 cost-times-quantity: a quantity times its unit cost contradicts the funds of the task they belong to.

A 数量 indicator (``贫困残疾人家庭无障碍改造工作户数 240户``) and a 成本 indicator priced per the same unit
(``残疾人家庭无障碍改造任务 600元/户``) give 240 × 600元 = 14.4万元, which should match the task they describe
(``任务1: 贫困重度残疾人家庭无障碍改造 14.4``). An indicator pair is linked to a task only when their names share
enough words (option ``min_similarity``), and the message says which. Caps (``≤600元/户``) are not multiplied.

Passing::

    | 部门名称 | 某局 |  |  |  |
    |---|---|---|---|---|
    | 年度重点工作任务 | 名称 | 主要实施内容 | 拟投入的资金(万元) | 期望达到的目标 |
    |  | 任务1: 残疾人家庭无障碍改造 | 改造 | 14.4 | 完成 |
    | 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |  | 产出指标 | 数量指标 | 残疾人家庭无障碍改造户数 | 240户 |
    |  |  | 成本指标 | 残疾人家庭无障碍改造补助 | 600元/户 |

Failing (240 × 600元 = 14.4万元, but the task has 20万元)::

    | 部门名称 | 某局 |  |  |  |
    |---|---|---|---|---|
    | 年度重点工作任务 | 名称 | 主要实施内容 | 拟投入的资金(万元) | 期望达到的目标 |
    |  | 任务1: 残疾人家庭无障碍改造 | 改造 | 20 | 完成 |
    | 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |  | 产出指标 | 数量指标 | 残疾人家庭无障碍改造户数 | 240户 |
    |  |  | 成本指标 | 残疾人家庭无障碍改造补助 | 600元/户 |
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TypeVar

from perftable.model import Document, Indicator
from perftable.numbers import MoneyUnit, convert
from perftable.rules._budget import show
from perftable.rules._indicators import effective_unit, is_money
from perftable.rules._words import shared_words, similarity
from perftable.rules.base import Context, Problem
from perftable.units import unit_info

CODE = "X001"
NAME = "cost-times-quantity"
SEVERITY = "warning"
OPTIONS: dict[str, object] = {"min_similarity": 0.5, "relative_tolerance": "0.01"}
SUMMARY = {
    "zh": "数量 × 单位成本与对应任务的资金不符",
    "en": "quantity × unit cost contradicts the task's funds",
}
MESSAGES = {
    "default": {
        "zh": "「{quantity}」{count} × 「{cost}」{price} = {product}万元，与任务「{task}」的 {funds}万元 不符"
        "（按共同词语“{words}”关联）",
        "en": "「{quantity}」 {count} × 「{cost}」 {price} = {product} 万元, but the task 「{task}」 has {funds} 万元 "
        "(linked by the shared words “{words}”)",
    }
}


def _per_matches(cost: Indicator, quantity: Indicator) -> bool:
    unit = effective_unit(quantity)
    per, count = unit_info(cost.target.per or ""), unit_info(unit or "")
    return per is not None and count is not None and per.family == count.family and per.scale == count.scale


def _exact(indicator: Indicator) -> bool:
    return indicator.target.number is not None and indicator.target.comparator in (None, "=")


T = TypeVar("T")


def _best(candidates: list[tuple[float, T]], threshold: float) -> T | None:
    """The candidate with the highest similarity, if it reaches the threshold."""
    ranked = sorted((pair for pair in candidates if pair[0] >= threshold), key=lambda pair: -pair[0])
    return ranked[0][1] if ranked else None


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    threshold = float(ctx.options.get("min_similarity", 0.5))
    relative = Decimal(str(ctx.options.get("relative_tolerance", "0.01")))
    costs = [i for i in doc.indicators if _exact(i) and is_money(i.target.unit) and i.target.per]
    quantities = [i for i in doc.indicators if i.level2 == "数量指标" and _exact(i)]
    for cost in costs:
        pairs = [(similarity(cost.name, q.name), q) for q in quantities if _per_matches(cost, q)]
        quantity = _best(pairs, threshold)
        if (
            not isinstance(quantity, Indicator)
            or quantity.target.number is None
            or cost.target.number is None
        ):
            continue
        unit: MoneyUnit = cost.target.unit  # type: ignore[assignment]  # is_money checked it
        product = convert(quantity.target.number * cost.target.number, unit, "万元")
        both = f"{cost.name}{quantity.name}"
        task = _best([(similarity(both, t.name), t) for t in doc.tasks if t.funds is not None], threshold)
        if task is None or task.funds is None:
            continue
        funds = convert(task.funds, task.unit, "万元")
        if abs(product - funds) > max(relative * funds, Decimal("0.005")):
            words = "、".join(shared_words(task.name, both)[:3]) or "-"
            yield Problem(
                cost.location,
                {
                    "quantity": quantity.name,
                    "count": quantity.value,
                    "cost": cost.name,
                    "price": cost.value,
                    "product": show(product.normalize()),
                    "task": task.name,
                    "funds": show(funds),
                    "words": words,
                },
            )
