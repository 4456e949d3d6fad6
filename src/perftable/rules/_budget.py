"""Budget arithmetic shared by the B rules: amounts in one unit, tolerances from printed precision, and the
phrases the messages print (``基本支出 278.55 + 项目支出 995.17``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from perftable import vocab
from perftable.messages import Localized
from perftable.model import BudgetLine, Document
from perftable.values.numbers import MoneyUnit, convert, rounded

SOURCE_KEYS = vocab.SOURCE_KEYS
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
    """An amount as the messages print every amount: ``decimals`` places when given (the precision the table
    printed, so a difference of 36 between amounts printed to the cent shows as ``36.00``), else its own decimals;
    thousands separators from 1,000 up (``1,273.72``, as budget tables print them)."""
    if decimals is not None:
        amount = rounded(amount, decimals)
    elif amount == amount.to_integral():
        amount = rounded(amount)
    return f"{amount:,f}" if abs(amount) >= 1000 else f"{amount:f}"


def decimals_in(lines: Sequence[BudgetLine], unit: MoneyUnit) -> int:
    """The most decimals printed by the amounts that are in ``unit`` (amounts in another unit say nothing about
    the precision of a sum in this one)."""
    return max(
        (places(item.amount) for item in lines if item.amount is not None and item.unit == unit), default=0
    )


def show_sum(amount: Decimal, parts: Sequence[BudgetLine]) -> str:
    unit = parts[0].unit if parts else None
    return show(amount, decimals_in(parts, unit) if unit is not None else None)


# A part of a sum as the comparison sees it: its label and its line (None: not printed, or printed blank).
Term = tuple[str, BudgetLine | None]
BLANK = Localized("空", "empty")


@dataclass(frozen=True)
class Comparison:
    """A sum of parts against a whole, printed or itself a sum (``whole_terms``: 基本支出 + 项目支出)."""

    parts: tuple[BudgetLine, ...]  # the parts with an amount
    whole: BudgetLine
    total: Decimal  # the sum, in the whole's unit
    difference: Decimal  # whole - sum
    tolerance: Decimal
    blanks: tuple[str, ...] = ()  # parts printed with no amount (counted as zero)
    whole_terms: tuple[Term, ...] = ()  # the parts of a whole that is not printed but added up

    @property
    def mismatch(self) -> bool:
        return abs(self.difference) > self.tolerance

    def terms(self) -> list[tuple[str, BudgetLine | None, int]]:
        """Every amount the comparison depends on with its sign in ``whole - sum``: the whole (or its parts) +1,
        the parts -1; a blank part as ``None``."""
        whole = [(label, item, 1) for label, item in self.whole_terms] or [(self.whole.label, self.whole, 1)]
        return [
            *whole,
            *((item.label, item, -1) for item in self.parts),
            *((b, None, -1) for b in self.blanks),
        ]

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

    def decimals(self) -> int:
        whole = [item for _, item in self.whole_terms if item is not None] or [self.whole]
        return decimals_in([*self.parts, *whole], self.whole.unit)

    def shown(self, item: BudgetLine) -> str:
        """An amount in the message's one format (the precision of the sum); with its unit when the amounts of
        the sum are in more than one unit (``基本支出 400,000元 + 项目支出 50万元``)."""
        places_ = self.decimals() if item.unit == self.whole.unit else places(item.amount or Decimal(0))
        text = show(item.amount or Decimal(0), places_)
        return text + item.unit if self.mixed() else text

    def mixed(self) -> bool:
        whole = [item for _, item in self.whole_terms if item is not None]
        return any(item.unit != self.whole.unit for item in (*self.parts, *whole))

    def _expression(self, parts: Sequence[Term], total: Decimal) -> Localized:
        """``a 1.00 + b 空 = 1.00``; one part alone is not added up (no ``a 1.00 = 1.00``)."""
        said = {lang: [f"{label} {self.shown(item) if item else BLANK.text(lang)}" for label, item in parts]
                for lang in ("zh", "en")}  # fmt: skip
        if len(parts) == 1:
            return Localized(said["zh"][0], said["en"][0])
        unit = self.whole.unit if self.mixed() else ""
        total_text = f" = {show(total, self.decimals())}{unit}"
        return Localized(" + ".join(said["zh"]) + total_text, " + ".join(said["en"]) + total_text)

    def params(self) -> dict[str, object]:
        """Message parameters: the parts added up (``财政拨款 1,273.72 + 其他资金 空 = 1,273.72``), the whole
        (a whole that is a sum itself with its parts: ``支出合计（基本支出 288.55 + 项目支出 995.17）``), every
        amount in one format."""
        unit = self.whole.unit
        parts: list[Term] = [(item.label, item) for item in self.parts] + [(b, None) for b in self.blanks]
        whole: object = self.whole.label
        if self.whole_terms:
            inner = self._expression(self.whole_terms, Decimal(0))
            inner_zh, inner_en = (text.split(" = ")[0] for text in (inner.zh, inner.en))
            whole = Localized(f"支出合计（{inner_zh}）", f"the expenditure total ({inner_en})")
        whole_amount = show(self.whole.amount or Decimal(0), self.decimals()) + (unit if self.mixed() else "")
        return {
            "parts": self._expression(parts, self.total),
            "sum": show(self.total, self.decimals()),
            "whole": whole,
            "whole_amount": whole_amount,
            "difference": show(abs(self.difference), self.decimals()),
            "unit": unit,
        }


def compare(
    parts: Sequence[BudgetLine | None],
    whole: BudgetLine | None,
    override: Decimal | None,
    whole_terms: Sequence[Term] = (),
) -> Comparison | None:
    """Compare printed parts with a whole; None when the whole or every part is missing. A part printed blank
    counts as zero and is named as blank; ``whole_terms`` are the parts of a whole that is itself a sum."""
    present = tuple(item for item in parts if item is not None and item.amount is not None)
    blanks = tuple(item.label for item in parts if item is not None and item.amount is None)
    if whole is None or whole.amount is None or not present:
        return None
    total = sum((amount_in(item, whole.unit) for item in present), Decimal(0))
    counted = [item for _, item in whole_terms if item is not None]
    return Comparison(
        parts=present,
        whole=whole,
        total=total,
        difference=whole.amount - total,
        tolerance=tolerance([*present, whole, *counted], whole.unit, override),
        blanks=tuple(dict.fromkeys(blanks)),
        whole_terms=tuple(whole_terms) if whole.key == "computed" else (),
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


def department_terms(doc: Document) -> tuple[Term, ...]:
    """The parts of a department's expenditure when its total is not printed: 基本支出 and 项目支出, printed or
    not (a part not printed, or printed blank, is ``None``)."""
    terms: list[Term] = []
    for key, label in (("basic", "基本支出"), ("project", "项目支出")):
        item = line(doc, key)
        terms.append((item.label if item else label, item if item and item.amount is not None else None))
    return tuple(terms)


def department_whole(doc: Document) -> BudgetLine | None:
    """The department's expenditure: the printed total, else 基本支出 + 项目支出."""
    printed = line(doc, "total")
    if printed is not None and printed.amount is not None:
        return printed
    return computed("基本支出+项目支出", [line(doc, "basic"), line(doc, "project")])
