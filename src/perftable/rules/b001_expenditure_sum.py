"""B001 expenditure-sum: the expenditure parts must add up to the expenditure total.

基本支出 + 项目支出 must equal the printed total (部门预算支出合计, 资金总额 …); where the table splits each source
into its parts (财政拨款 合计 | 基本支出 | 项目支出, 其他资金 …, as Beijing's 预算13表 does), each source's 合计 must equal
its parts too. Checked only when the total and at least one part are printed; an empty part counts as zero.
Amounts in 元 and 万元 are converted; the tolerance is half a unit of the last printed decimal (option
``tolerance``, or ``tolerance`` in the configuration). When one amount with its decimal point back would make the
sum hold (``7242318`` where the parts add up to 724.2318), the message names it.

Passing::

    # 2024年部门整体支出绩效目标表
    | 部门名称 | 某局 |
    |---|---|
    | 资金总额 | 1,273.72 |
    | 基本支出 | 278.55 |
    | 项目支出 | 995.17 |

Failing (278.55 + 995.17 = 1273.72, not 1237.72)::

    # 2024年部门整体支出绩效目标表
    | 部门名称 | 某局 |
    |---|---|
    | 资金总额 | 1,237.72 |
    | 基本支出 | 278.55 |
    | 项目支出 | 995.17 |
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perftable.model import Document
from perftable.rules import _cause
from perftable.rules._options import TOLERANCE
from perftable.rules.base import Context, Problem

CODE = "B001"
NAME = "expenditure-sum"
SEVERITY = "error"
GUIDANCE = "可行性：绩效目标与预算相匹配（财预〔2015〕88号）"
CRITERION = "可行性"
OPINIONS = ("budget-mismatch",)
OPTIONS = {"tolerance": TOLERANCE}
SUMMARY = {
    "zh": "支出构成之和不等于支出合计",
    "en": "expenditure parts do not add up to the expenditure total",
}
MESSAGES = {
    "default": {
        "zh": "{parts}，但{whole}为 {whole_amount}，相差 {difference}{unit}",
        "en": "{parts}, but {whole} is {whole_amount}: a difference of {difference} {unit}",
    },
    "decimal": {
        "zh": "{parts}，但{whole}为 {whole_amount}，相差 {difference}{unit}；{culprit} {printed} 像是丢了小数点（按 {fixed} 计则相符）",
        "en": "{parts}, but {whole} is {whole_amount}: a difference of {difference} {unit}; {culprit} {printed} looks like a lost decimal point (as {fixed} the sum holds)",
    },
    "shared": {
        "zh": "{parts}，但{whole}为 {whole_amount}，相差 {difference}{unit}；{codes} 这几处不符可能出自同一个金额：{cause}",
        "en": "{parts}, but {whole} is {whole_amount}: a difference of {difference} {unit}; {codes} may share one cause: {cause}",
    },
}
HINTS = {"default": {"zh": "核对基本支出、项目支出与合计数", "en": "check 基本支出, 项目支出 and the total"}}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    tolerance: Decimal | None = ctx.options["tolerance"]
    for comparison in ctx.facts.budget_sums(tolerance)["B001"]:
        if comparison.mismatch:
            params, variant = _cause.explain(comparison, ctx.facts.shared_cause(tolerance))
            yield Problem(comparison.whole.location, params, variant)
