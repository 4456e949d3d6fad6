"""B001 expenditure-sum: the expenditure parts must add up to the expenditure total.

基本支出 + 项目支出 must equal the printed total (部门预算支出合计, 资金总额 …). Checked only when the total and at
least one part are printed; an empty part counts as zero. Amounts in 元 and 万元 are converted; the tolerance is
half a unit of the last printed decimal (option ``tolerance``, or ``tolerance`` in the configuration).

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

from perftable.model import Document
from perftable.rules import _budget
from perftable.rules.base import Context, Problem

CODE = "B001"
NAME = "expenditure-sum"
SEVERITY = "error"
GUIDANCE = "可行性：绩效目标与预算相匹配（财预〔2015〕88号）"
OPTIONS = {"tolerance": None}
SUMMARY = {
    "zh": "支出构成之和不等于支出合计",
    "en": "expenditure parts do not add up to the expenditure total",
}
MESSAGES = {
    "default": {
        "zh": "{parts} = {sum}，但{whole}为 {whole_amount}，相差 {difference}{unit}",
        "en": "{parts} = {sum}, but {whole} is {whole_amount}: a difference of {difference} {unit}",
    }
}
HINTS = {"default": {"zh": "核对基本支出、项目支出与合计数", "en": "check 基本支出, 项目支出 and the total"}}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    if doc.kind != "department":
        return
    whole = _budget.line(doc, "total")
    comparison = _budget.compare(
        [_budget.line(doc, "basic"), _budget.line(doc, "project")], whole, ctx.decimal("tolerance")
    )
    if comparison is not None and comparison.mismatch:
        yield Problem(comparison.whole.location, comparison.params())
