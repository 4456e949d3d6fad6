"""X001 cost-times-quantity: a quantity times its unit cost contradicts the funds of the task they belong to.

A 数量 indicator (``贫困残疾人家庭无障碍改造工作户数 240户``) and a 成本 indicator priced per the same unit
(``残疾人家庭无障碍改造任务 600元/户``) give 240 × 600元 = 14.4万元, which should match the task they describe
(``任务1: 贫困重度残疾人家庭无障碍改造 14.4``). An indicator pair is linked to a task only when their names share
enough words (option ``min_similarity``), and the message says which. Caps (``≤600元/户``) are not multiplied.
The unit may be printed in the name instead of the value: ``人均培训费(元/人)`` with ``500`` is 500 元 per 人; a
rate per person and month (``30元/人(月)``) is not multiplied by a count of people.
When the product exceeds the task's funds and B008 runs, B008 reports it (as an error) instead.

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

from perftable.model import Document
from perftable.rules._links import points
from perftable.rules._options import similarity
from perftable.rules.base import Context, Option, Problem

CODE = "X001"
NAME = "cost-times-quantity"
SEVERITY = "warning"
GUIDANCE = "相关性：数量、单价与任务资金相互对应（财预〔2015〕88号）"
CRITERION = "相关性"
OPINIONS = ("budget-mismatch",)
OPTIONS = {
    "min_similarity": similarity(0.5),
    "relative_tolerance": Option(
        Decimal,
        Decimal("0.01"),
        doc={
            "zh": "乘积与任务资金允许相差的比例（占任务资金）",
            "en": "how far the product may differ from the task's funds, as a share of the funds",
        },
        minimum=Decimal(0),
    ),
}
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


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    threshold: float = ctx.options["min_similarity"]
    relative: Decimal = ctx.options["relative_tolerance"]
    for link in points(ctx.facts.cost_links(threshold)):
        if abs(link.product - link.funds) > max(relative * link.funds, Decimal("0.005")):
            # more than the task has: B008, when it runs, reports it as an error
            yield Problem(
                link.cost.location, link.params(), covered_by="B008" if link.product > link.funds else None
            )
