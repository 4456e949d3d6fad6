"""B008 cost-above-budget: a cost target above the money it belongs to.

* a total cost (a 成本 indicator in money, not per unit) above the table's budget: ``成本 ≤120万元`` in a project of
  90万元. The money unit may come from the name (``设备购置费(万元)`` with ``≤50``). A cost per unit - by its value
  (``600元/户``), its name's unit (``人均成本(元/人)``) or its name (人均, 每户, 单价, 补助标准) - is never compared
  with the whole budget. A project table that prints both 项目资金总额 (all years) and 年度资金总额 compares a cost
  named for the year (年度, 当年, 本年) with the annual amount and any other cost (项目总投资, 总成本) with the
  project's total, which is what a 年度(/项目)指标值 column may state. Where the table prints the same cost as
  the 实施周期 (long-term) target too, the annual value is likely the whole period's cost copied: reported as a
  warning that says so (``budget-period``), not as an error;
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

from perftable.model import BudgetLine, Document, Indicator, Target
from perftable.rules import _budget
from perftable.rules._indicators import is_money, is_per_unit, shown
from perftable.rules._options import TOLERANCE, similarity
from perftable.rules.base import Context, Problem
from perftable.values.numbers import MoneyUnit, convert

CODE = "B008"
NAME = "cost-above-budget"
SEVERITY = "error"
GUIDANCE = "适当性：绩效目标不超出支出标准与预算（财预〔2015〕88号）"
CRITERION = "适当性"
OPINIONS = ("budget-mismatch", "unreasonable-target")
OPTIONS = {"tolerance": TOLERANCE, "min_similarity": similarity(0.5)}
SUMMARY = {"zh": "成本目标超过其所属的预算", "en": "a cost target above the budget it belongs to"}
MESSAGES = {
    "budget": {
        "zh": "成本指标「{name}」{value} 超过{whole} {whole_amount}{unit}",
        "en": "the cost 「{name}」 {value} is more than {whole} {whole_amount} {unit}",
    },
    "budget-period": {
        "zh": "成本指标「{name}」{value} 超过{whole} {whole_amount}{unit}；其年度值与实施周期值相同，"
        "可能填的是整个实施期的成本，请核对",
        "en": "the cost 「{name}」 {value} is more than {whole} {whole_amount} {unit}; its annual value equals the "
        "实施周期 one: perhaps the whole period's cost; check it",
    },
    "task": {
        "zh": "「{quantity}」{count} × 「{cost}」{price} = {product}万元，超过任务「{task}」的 {funds}万元"
        "（按共同词语“{words}”关联）",
        "en": "「{quantity}」 {count} × 「{cost}」 {price} = {product} 万元, more than the {funds} 万元 of the task "
        "「{task}」 (linked by the shared words “{words}”)",
    },
}
COST_LEVEL2 = frozenset({"成本指标", "经济成本指标"})


_ANNUAL_WORDS = ("年度", "当年", "本年", "年内")


def whole_for(doc: Document, name: str) -> BudgetLine | None:
    """The budget a cost named ``name`` belongs to: the department's expenditure; for a project, the annual amount
    unless the table prints the project's total (all years) and the name does not speak of the year."""
    if doc.kind == "department":
        return _budget.department_whole(doc)
    annual, total = _budget.line(doc, "annual_total"), _budget.line(doc, "total")
    printed = [line for line in (annual, total) if line is not None and line.amount is not None]
    if len(printed) < 2:
        return printed[0] if printed else annual or total
    return annual if any(word in name for word in _ANNUAL_WORDS) else total


def _total_cost(indicator: Indicator, target: Target) -> Target | None:
    """A cost indicator's effective target in money when it is a total (not per unit) and an upper bound or a
    point."""
    if (
        indicator.level2 not in COST_LEVEL2
        or target.number is None
        or target.change
        or is_per_unit(indicator, target)
    ):
        return None
    if target.comparator not in (None, "=", "≈", "≤", "<") or not is_money(target.unit):
        return None
    return target


def _printed_for_the_period(doc: Document, indicator: Indicator) -> bool:
    """The same cost, name and value, is the table's 实施周期 (long-term) target too."""
    return any(
        other.name == indicator.name and other.value == indicator.value for other in doc.long_term_indicators
    )


def _above_budget(doc: Document, ctx: Context) -> Iterator[Problem]:
    for indicator, effective in ctx.facts.targets:
        target = _total_cost(indicator, effective)
        if target is None or target.number is None:
            continue
        whole = whole_for(doc, indicator.name)
        if whole is None or whole.amount is None:
            continue
        slack = _budget.tolerance([whole], whole.unit, ctx.options["tolerance"])
        unit: MoneyUnit = target.unit  # type: ignore[assignment]  # is_money checked it
        if convert(target.number, unit, whole.unit) - whole.amount > slack:
            params = {"name": indicator.name, "value": shown(indicator), "whole": whole.label}
            params |= {"whole_amount": whole.value, "unit": whole.unit}
            if _printed_for_the_period(doc, indicator):
                yield Problem(indicator.location, params, "budget-period", severity="warning")
            else:
                yield Problem(indicator.location, params, "budget")


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    yield from _above_budget(doc, ctx)
    threshold: float = ctx.options["min_similarity"]
    tolerance: Decimal | None = ctx.options["tolerance"]
    for link in ctx.facts.cost_links(threshold):
        if link.product - link.funds > max(Decimal("0.005"), tolerance or Decimal(0)):
            yield Problem(link.cost.location, link.params(), "task")
