"""B002 funding-sum: the funding sources must add up to the total they fund.

* department: 财政拨款 + 其他资金 (+ 上年结转) — or 一般公共预算 + 政府性基金 + 纳入专户管理的非税收入 + 其他资金 when
  财政拨款 is not printed — and the unit's other income (事业收入, 经营收入, 上级补助收入, 附属单位上缴收入, 其他收入)
  against the expenditure total (部门预算支出合计, else 基本支出 + 项目支出);
* project, the year: 当年财政拨款 + 上年结转资金 + 其他资金 against 年度资金申请总额;
* project, all years: 财政资金 + 其他资金 against 项目资金总额.

Where none of those sources is printed, the sources the vocabulary does not name are summed instead, against the
total of their column (a breakdown such as 其中：中央财政资金, 省级财政资金, 县级配套资金). An empty source counts
as zero. A single source printed as a part (其中：财政拨款 and nothing else) shows one part, not the whole: it is
not added up (B005 checks it does not exceed the total). Tolerance as in B001.

Passing::

    # 2024年部门整体支出绩效目标表
    | 部门名称 | 某局 |  |  |
    |---|---|---|---|
    | 基本支出 | 278.55 | 财政拨款 | 1,273.72 |
    | 项目支出 | 995.17 | 其他资金 |  |

Failing (1,200 + 0 is not 278.55 + 995.17)::

    # 2024年部门整体支出绩效目标表
    | 部门名称 | 某局 |  |  |
    |---|---|---|---|
    | 基本支出 | 278.55 | 财政拨款 | 1,200 |
    | 项目支出 | 995.17 | 其他资金 | 0 |
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perftable.model import Document
from perftable.rules import _cause
from perftable.rules._options import TOLERANCE
from perftable.rules.base import Context, Problem

CODE = "B002"
NAME = "funding-sum"
SEVERITY = "error"
GUIDANCE = "可行性：资金来源与预算相匹配（财预〔2015〕88号）"
CRITERION = "可行性"
OPINIONS = ("budget-mismatch",)
OPTIONS = {"tolerance": TOLERANCE}
SUMMARY = {
    "zh": "资金来源之和不等于其所对应的合计",
    "en": "funding sources do not add up to the total they fund",
}
MESSAGES = {
    "default": {
        "zh": "资金来源 {parts}，但{whole}为 {whole_amount}，相差 {difference}{unit}",
        "en": "funding sources {parts}, but {whole} is {whole_amount}: a difference of {difference} {unit}",
    },
    "decimal": {
        "zh": "资金来源 {parts}，但{whole}为 {whole_amount}，相差 {difference}{unit}；{culprit} {printed} 像是丢了小数点（按 {fixed} 计则相符）",
        "en": "funding sources {parts}, but {whole} is {whole_amount}: a difference of {difference} {unit}; {culprit} {printed} looks like a lost decimal point (as {fixed} the sum holds)",
    },
    "shared": {
        "zh": "资金来源 {parts}，但{whole}为 {whole_amount}，相差 {difference}{unit}；{codes} 这几处不符可能出自同一个金额：{cause}",
        "en": "funding sources {parts}, but {whole} is {whole_amount}: a difference of {difference} {unit}; {codes} may share one cause: {cause}",
    },
}
HINTS = {"default": {"zh": "资金来源合计应等于支出合计", "en": "the sources must add up to the total"}}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    tolerance: Decimal | None = ctx.options["tolerance"]
    for comparison in ctx.facts.budget_sums(tolerance)["B002"]:
        if comparison.mismatch:
            params, variant = _cause.explain(comparison, ctx.facts.shared_cause(tolerance))
            yield Problem(comparison.parts[0].location, params, variant)
