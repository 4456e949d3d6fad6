"""B007 task-row-sum: a task row's total is not its 财政拨款 + 其他资金, or the task table's 合计 row is not the
sum of its column.

Task tables that split each task's money into sources (资金总额 | 财政拨款 | 其他资金, as Shaanxi-style layouts do)
must add up row by row; where only one source is printed (总额 | 其中：财政拨款) the rest is not shown, and the source
may only not exceed the task's total. A 合计/金额合计 row must equal the sum of the tasks above it.

Passing::

    | 部门名称 | 某局 |  |  |  |
    |---|---|---|---|---|
    | 项目支出 | 100 |  |  |  |
    | 年度主要任务 | 任务名称 | 资金总额 | 财政拨款 | 其他资金 |
    |  | 1、甲 | 60 | 50 | 10 |
    |  | 2、乙 | 40 | 40 | 0 |
    |  | 合计 | 100 |  |  |

Failing (50 + 20 is not 60; 60 + 40 is not 90)::

    | 部门名称 | 某局 |  |  |  |
    |---|---|---|---|---|
    | 项目支出 | 100 |  |  |  |
    | 年度主要任务 | 任务名称 | 资金总额 | 财政拨款 | 其他资金 |
    |  | 1、甲 | 60 | 50 | 20 |
    |  | 2、乙 | 40 | 40 | 0 |
    |  | 合计 | 90 |  |  |
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perftable import vocab
from perftable.model import Document, Task
from perftable.rules._budget import places, show
from perftable.rules._options import TOLERANCE
from perftable.rules.base import Context, Problem
from perftable.values.numbers import AmountError, convert, parse_amount

CODE = "B007"
NAME = "task-row-sum"
SEVERITY = "error"
GUIDANCE = "可行性：任务资金分项相符（财预〔2015〕88号）"
CRITERION = "可行性"
OPINIONS = ("budget-mismatch",)
OPTIONS = {"tolerance": TOLERANCE}
SUMMARY = {"zh": "任务资金的分项或合计不相符", "en": "a task row or the task total does not add up"}
MESSAGES = {
    "row": {
        "zh": "任务「{task}」的资金 {funds} ≠ {parts} = {sum}",
        "en": "the funds of the task 「{task}」, {funds}, differ from {parts} = {sum}",
    },
    "part": {
        "zh": "任务「{task}」的{part} {amount} 大于其资金 {funds}",
        "en": "the {part} of the task 「{task}」, {amount}, is more than its funds, {funds}",
    },
    "total": {
        "zh": "任务资金合计为 {total}，但各任务资金之和为 {sum}",
        "en": "the task total is {total}, but the tasks add up to {sum}",
    },
}


def _amount(text: str) -> Decimal | None:
    try:
        parsed = parse_amount(text)
    except AmountError:
        return None
    return parsed[0] if parsed else None


def _sources(task: Task) -> list[tuple[str, Decimal]]:
    found: list[tuple[str, Decimal]] = []
    for header, text in task.info.items():
        if vocab.budget_key(header) in vocab.SOURCE_KEYS:
            amount = _amount(text)
            if amount is not None:
                found.append((header, amount))
    return found


def _tolerance(amounts: list[Decimal], override: Decimal | None) -> Decimal:
    if override is not None:
        return override
    return Decimal(5).scaleb(-min((places(a) for a in amounts), default=0) - 1)


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    override: Decimal | None = ctx.options["tolerance"]
    for task in doc.tasks:
        sources = _sources(task)
        if task.funds is None or not sources:
            continue
        tolerance = _tolerance([task.funds, *(a for _, a in sources)], override)
        if (
            len(sources) == 1
        ):  # one part printed (其中：财政拨款): the rest is not shown, the part is at most the whole
            ((header, amount),) = sources
            if amount - task.funds > tolerance:
                yield Problem(task.location, {"task": task.name, "part": header, "amount": show(amount),
                                              "funds": show(task.funds)}, "part")  # fmt: skip
            continue
        total = sum((amount for _, amount in sources), Decimal(0))
        if abs(total - task.funds) > tolerance:
            parts = " + ".join(f"{header} {show(amount)}" for header, amount in sources)
            yield Problem(task.location, {"task": task.name, "funds": show(task.funds), "parts": parts,
                                          "sum": show(total)}, "row")  # fmt: skip
    printed = _amount(doc.info.get("任务资金合计", ""))
    funded = [task for task in doc.tasks if task.funds is not None]
    if printed is not None and funded:
        unit = funded[0].unit
        total = sum((convert(t.funds or Decimal(0), t.unit, unit) for t in funded), Decimal(0))
        if abs(total - printed) > _tolerance([printed, *(t.funds for t in funded if t.funds)], override):
            location = doc.locations.get("info.任务资金合计", funded[-1].location)
            yield Problem(location, {"total": show(printed), "sum": show(total)}, "total")
