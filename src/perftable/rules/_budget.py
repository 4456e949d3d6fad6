"""Budget arithmetic shared by the B rules: amounts in one unit, tolerances from printed precision, and the
phrases the messages print (``基本支出 278.55 + 项目支出 995.17``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from perftable.model import BudgetLine, Document
from perftable.values.numbers import MoneyUnit, convert, rounded

SOURCE_KEYS = ("fiscal", "general_budget", "government_fund", "special_account", "other_funds", "carryover")
# A unit's other income, a source of its budget beside its appropriation (收入预算 | 事业收入 | 其他收入).
INCOME_KEYS = ("business_income", "operating_income", "superior_subsidy", "affiliated_income", "other_income")


def line(doc: Document, key: str) -> BudgetLine | None:
    """The first budget line with this key that has an amount (or the first one at all)."""
    lines = [item for item in doc.budget if item.key == key]
    return next((item for item in lines if item.amount is not None), lines[0] if lines else None)


def places(amount: Decimal) -> int:
    exponent = amount.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def tolerance(lines: Sequence[BudgetLine], unit: MoneyUnit, override: Decimal | None) -> Decimal:
    """Half a unit of the last printed decimal of the least precise amount, in ``unit`` (or the override)."""
    if override is not None:
        return override
    worst = Decimal(0)
    for item in lines:
        if item.amount is not None:
            half = Decimal(5).scaleb(-places(item.amount) - 1)
            worst = max(worst, convert(half, item.unit, unit))
    return worst


def amount_in(item: BudgetLine | None, unit: MoneyUnit) -> Decimal:
    """An amount in another unit; an empty line counts as zero."""
    if item is None or item.amount is None:
        return Decimal(0)
    return convert(item.amount, item.unit, unit)


def show(amount: Decimal, decimals: int | None = None) -> str:
    """An amount as the messages print it: ``decimals`` places when given (the precision the table printed, so
    a difference of 36 between amounts printed to the cent shows as ``36.00``), else its own decimals; thousands
    separators from 100,000 up."""
    if decimals is not None:
        amount = rounded(amount, decimals)
    elif amount == amount.to_integral():
        amount = rounded(amount)
    return f"{amount:,f}" if abs(amount) >= 100000 else f"{amount:f}"


def decimals_in(lines: Sequence[BudgetLine], unit: MoneyUnit) -> int:
    """The most decimals printed by the amounts that are in ``unit`` (amounts in another unit say nothing about
    the precision of a sum in this one)."""
    return max(
        (places(item.amount) for item in lines if item.amount is not None and item.unit == unit), default=0
    )


def show_sum(amount: Decimal, parts: Sequence[BudgetLine]) -> str:
    unit = parts[0].unit if parts else None
    return show(amount, decimals_in(parts, unit) if unit is not None else None)


@dataclass(frozen=True)
class Comparison:
    """A sum of parts against a printed whole."""

    parts: tuple[BudgetLine, ...]
    whole: BudgetLine
    total: Decimal  # the sum, in the whole's unit
    difference: Decimal  # whole - sum
    tolerance: Decimal

    @property
    def mismatch(self) -> bool:
        return abs(self.difference) > self.tolerance

    def decimal_slip(self) -> tuple[BudgetLine, Decimal] | None:
        """The one amount whose decimal point was lost (or moved) in printing or conversion, and what it reads as
        with the point back, when that alone makes the sum hold: ``7242318`` where the parts add up to
        ``724.2318``. None when no single amount explains the mismatch so."""
        for item in (self.whole, *self.parts):
            if item.amount is None or item.amount == 0:
                continue
            for shift in range(1, 7):
                for fixed in (item.amount.scaleb(-shift), item.amount.scaleb(shift)):
                    whole = fixed if item is self.whole else self.whole.amount or Decimal(0)
                    total = self.total - (amount_in(item, self.whole.unit) - convert(fixed, item.unit, self.whole.unit)
                                          if item is not self.whole else Decimal(0))  # fmt: skip
                    if abs(whole - total) <= self.tolerance:
                        return item, fixed
        return None

    def problem(self) -> tuple[dict[str, object], str]:
        """Message parameters and variant: ``decimal`` when one amount with its decimal point back makes the sum
        hold (the message names it), else ``default``."""
        params = self.params()
        slip = self.decimal_slip()
        if slip is None:
            return params, "default"
        item, fixed = slip
        return {**params, "culprit": item.label, "printed": item.value or show(item.amount or Decimal(0)),
                "fixed": show(fixed)}, "decimal"  # fmt: skip

    def params(self) -> dict[str, object]:
        """Message parameters; when the parts are printed in another unit than the whole, every amount carries
        its unit (``基本支出 2,785,500.00元 + … = 1273.72万元``) so the sum is not mistaken for one in 元."""
        unit = self.whole.unit
        mixed = any(item.unit != unit for item in self.parts)

        def printed(text: str, item_unit: str) -> str:
            return text if not mixed or text.endswith(item_unit) else text + item_unit

        expression = " + ".join(
            f"{item.label} {printed(item.value or show(item.amount or Decimal(0)), item.unit)}"
            for item in self.parts
        )
        decimals = decimals_in([*self.parts, self.whole], unit)
        return {
            "parts": expression,
            "sum": printed(show(self.total, decimals), unit),
            "whole": self.whole.label,
            "whole_amount": printed(self.whole.value or show(self.whole.amount or Decimal(0)), unit),
            "difference": show(abs(self.difference), decimals),
            "unit": unit,
        }


def compare(
    parts: Sequence[BudgetLine | None], whole: BudgetLine | None, override: Decimal | None
) -> Comparison | None:
    """Compare printed parts with a printed whole; None when the whole or every part is missing."""
    present = tuple(item for item in parts if item is not None and item.amount is not None)
    if whole is None or whole.amount is None or not present:
        return None
    total = sum((amount_in(item, whole.unit) for item in present), Decimal(0))
    return Comparison(
        parts=present,
        whole=whole,
        total=total,
        difference=whole.amount - total,
        tolerance=tolerance([*present, whole], whole.unit, override),
    )


def expenditure_total(doc: Document) -> BudgetLine | None:
    """What a department spends (部门预算支出合计/资金总额), or a project's annual total."""
    return line(doc, "total") if doc.kind == "department" else line(doc, "annual_total")


def computed(label: str, parts: Sequence[BudgetLine | None]) -> BudgetLine | None:
    """A whole that is not printed but implied by its parts (基本支出 + 项目支出), to compare other sums with."""
    present = [item for item in parts if item is not None and item.amount is not None]
    if not present:
        return None
    unit = present[0].unit
    amount = sum((amount_in(item, unit) for item in present), Decimal(0))
    value = show_sum(amount, present)
    return BudgetLine(
        label=label, key="computed", amount=amount, value=value, unit=unit, location=present[0].location
    )


def department_whole(doc: Document) -> BudgetLine | None:
    """The department's expenditure: the printed total, else 基本支出 + 项目支出."""
    printed = line(doc, "total")
    if printed is not None and printed.amount is not None:
        return printed
    return computed("基本支出+项目支出", [line(doc, "basic"), line(doc, "project")])
