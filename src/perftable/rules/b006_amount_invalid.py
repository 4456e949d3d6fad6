"""B006 amount-invalid: an amount that is not a number, or is negative.

Budget lines and task funds. Empty cells and the usual "nothing" marks (``-``, ``—``, ``无``) are not amounts and are
not reported here.

Passing::

    # 2024年部门整体支出绩效目标表
    | 部门名称 | 某局 |
    |---|---|
    | 基本支出 | 278.55 |
    | 项目支出 | — |

Failing (text where an amount should be, and a negative amount)::

    # 2024年部门整体支出绩效目标表
    | 部门名称 | 某局 |
    |---|---|
    | 基本支出 | 详见附表 |
    | 项目支出 | -5 |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable.model import Document, Location
from perftable.rules.base import Context, Problem
from perftable.values.numbers import NIL_AMOUNTS, normalise_number_text

CODE = "B006"
NAME = "amount-invalid"
SEVERITY = "error"
GUIDANCE = "预算管理一体化系统校验：金额须为数字"
CRITERION = "可行性"
OPINIONS = ("budget-mismatch",)
SUMMARY = {"zh": "金额不是数字或为负数", "en": "an amount is not a number, or is negative"}
MESSAGES = {
    "not-a-number": {
        "zh": "{label}的金额「{value}」不是数字",
        "en": "the amount of {label}, 「{value}」, is not a number",
    },
    "negative": {"zh": "{label}的金额 {value} 为负数", "en": "the amount of {label}, {value}, is negative"},
}
_TASK_FUNDS = "拟投入的资金"


def _formula(value: str, location: Location) -> bool:
    return value.startswith("=") and location.sheet is not None


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    for line in doc.budget:
        if line.amount is None and _formula(line.value, line.location):
            continue  # a formula with no saved value: reported by the reader (P003 formula-without-value)
        if line.amount is None and normalise_number_text(line.value) not in NIL_AMOUNTS:
            yield Problem(line.location, {"label": line.label, "value": line.value}, "not-a-number")
        elif line.amount is not None and line.amount < 0:
            yield Problem(line.location, {"label": line.label, "value": line.value}, "negative")
    for task in doc.tasks:
        label = f"任务「{task.name}」"
        if _TASK_FUNDS in task.info and normalise_number_text(task.info[_TASK_FUNDS]) not in NIL_AMOUNTS:
            yield Problem(task.location, {"label": label, "value": task.info[_TASK_FUNDS]}, "not-a-number")
        elif task.funds is not None and task.funds < 0:
            yield Problem(task.location, {"label": label, "value": str(task.funds)}, "negative")
