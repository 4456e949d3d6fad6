"""Links between indicators and tasks by the words their names share: a cost per unit (``600元/户``, or
``人均成本(元/人)`` with ``≤500``: the name's unit counts) with the quantity counted in that unit (``240户``), and the
pair with the task they describe. Used by X001 and B008, through :class:`perftable.rules.facts.Facts` (worked out
once per document)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from perftable.model import Document, Indicator, Target, Task
from perftable.rules._budget import show
from perftable.rules._indicators import effective_unit, is_money
from perftable.rules._words import NameIndex, shared_words, similarity
from perftable.values.numbers import MoneyUnit, convert
from perftable.values.units import unit_info

T = TypeVar("T")
_POINTS = (None, "=", "≈")  # comparators of a cost that is a price, not a cap


def best(candidates: list[tuple[float, T]], threshold: float) -> T | None:
    """The candidate with the highest similarity, if it reaches the threshold."""
    ranked = sorted((pair for pair in candidates if pair[0] >= threshold), key=lambda pair: -pair[0])
    return ranked[0][1] if ranked else None


def _per_matches(cost: Target, quantity: Indicator) -> bool:
    unit = effective_unit(quantity)
    per, count = unit_info(cost.per or ""), unit_info(unit or "")
    return per is not None and count is not None and per.family == count.family and per.scale == count.scale


def unit_costs(targets: Iterable[tuple[Indicator, Target]]) -> list[tuple[Indicator, Target]]:
    """Money per unit (``600元/户``, and ``人均成本(元/人)`` with ``≤500``: caps included), each with its effective
    target (``targets``: every indicator with its own, :attr:`perftable.rules.facts.Facts.targets`)."""
    allowed = (*_POINTS, "≤", "<")
    found = []
    for indicator, target in targets:
        if target.number is None or target.change or target.comparator not in allowed:
            continue
        if is_money(target.unit) and target.per:
            found.append((indicator, target))
    return found


@dataclass(frozen=True)
class CostLink:
    cost: Indicator
    price: Target  # the cost's effective target
    quantity: Indicator
    task: Task
    product: Decimal  # quantity × unit cost, in 万元
    funds: Decimal  # the task's funds, in 万元

    @property
    def words(self) -> str:
        both = f"{self.cost.name}{self.quantity.name}"
        return "、".join(shared_words(self.task.name, both)[:3]) or "-"

    def params(self) -> dict[str, object]:
        return {
            "quantity": self.quantity.name,
            "count": self.quantity.value,
            "cost": self.cost.name,
            "price": self.cost.value,
            "product": show(self.product.normalize()),
            "task": self.task.name,
            "funds": show(self.funds),
            "words": self.words,
        }


def points(links: Iterable[CostLink]) -> list[CostLink]:
    """The links whose cost is a price, not a cap (``600元/户``, not ``≤600元/户``)."""
    return [link for link in links if link.price.comparator in _POINTS]


def find(doc: Document, targets: Sequence[tuple[Indicator, Target]], threshold: float) -> Iterator[CostLink]:
    """Unit costs (caps included) linked to their quantity and their task by names at least ``threshold`` alike."""
    quantities = [
        i
        for i in doc.indicators
        if i.level2 == "数量指标"
        and i.target.number is not None
        and i.target.comparator in (None, "=", "≈")
        and not i.target.change
    ]
    tasks = [task for task in doc.tasks if task.funds is not None]
    index = NameIndex([q.name for q in quantities])
    for cost, price in unit_costs(targets):
        near = [quantities[i] for i in sorted(index.candidates(cost.name))]
        quantity = best(
            [(similarity(cost.name, q.name), q) for q in near if _per_matches(price, q)], threshold
        )
        if quantity is None or quantity.target.number is None or price.number is None:
            continue
        unit: MoneyUnit = price.unit  # type: ignore[assignment]  # is_money checked it
        product = convert(quantity.target.number * price.number, unit, "万元")
        both = f"{cost.name}{quantity.name}"
        task = best([(similarity(both, t.name), t) for t in tasks], threshold)
        if task is not None and task.funds is not None:
            yield CostLink(cost, price, quantity, task, product, convert(task.funds, task.unit, "万元"))
