"""B005 part-exceeds-whole: a part is larger than the whole it belongs to.

其他事业发展性支出 or 财政专项资金 > 项目支出; 基本支出 or 项目支出 > 部门预算支出合计; a source or a level allocation >
the total; 年度资金申请总额 > 项目资金总额; 当年财政拨款 or 上年结转资金 > 年度资金申请总额 …

Passing::

    # 2024年部门整体预算绩效目标表
    | 部门名称 | 某局 |
    |---|---|
    | 项目支出 | 995.17 |
    | 其他事业发展性支出 | 627.77 |

Failing (其他事业发展性支出 1,627.77 > 项目支出 995.17)::

    # 2024年部门整体预算绩效目标表
    | 部门名称 | 某局 |
    |---|---|
    | 项目支出 | 995.17 |
    | 其他事业发展性支出 | 1,627.77 |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable.model import Document
from perftable.rules import _budget
from perftable.rules._options import TOLERANCE
from perftable.rules.base import Context, Problem

CODE = "B005"
NAME = "part-exceeds-whole"
SEVERITY = "warning"
GUIDANCE = "可行性：资金构成合理（财预〔2015〕88号）"
CRITERION = "可行性"
OPINIONS = ("budget-mismatch",)
OPTIONS = {"tolerance": TOLERANCE}
SUMMARY = {"zh": "部分大于其所属的整体", "en": "a part is larger than the whole it belongs to"}
MESSAGES = {
    "default": {
        "zh": "{part} {part_amount}{unit} 大于{whole} {whole_amount}{unit}",
        "en": "{part} {part_amount} {unit} is more than {whole} {whole_amount} {unit}",
    }
}
# (part, whole) pairs by document kind
PAIRS = {
    "department": [
        ("other_development", "project"), ("special", "project"), ("development", "project"),
        ("basic", "total"), ("project", "total"), ("personnel", "basic"), ("public_expenses", "basic"),
        ("fiscal", "total"), ("other_funds", "total"), ("own_level", "total"), ("transfer", "total"),
    ],
    "project": [
        ("annual_total", "total"), ("total_fiscal", "total"), ("total_other_funds", "total"),
        ("fiscal", "annual_total"), ("carryover", "annual_total"), ("other_funds", "annual_total"),
    ],
}  # fmt: skip


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    for part_key, whole_key in PAIRS[doc.kind]:
        part, whole = _budget.line(doc, part_key), _budget.line(doc, whole_key)
        if part is None or whole is None or part.amount is None or whole.amount is None:
            continue
        tolerance = _budget.tolerance([part, whole], whole.unit, ctx.options["tolerance"])
        if _budget.amount_in(part, whole.unit) - whole.amount > tolerance:
            yield Problem(
                part.location,
                {
                    "part": part.label,
                    "part_amount": part.value,
                    "whole": whole.label,
                    "whole_amount": whole.value,
                    "unit": whole.unit if part.unit == whole.unit else "",
                },
            )
