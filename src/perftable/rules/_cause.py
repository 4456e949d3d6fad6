"""One amount behind several budget mismatches. A table whose 基本支出 was changed after its sources were filled in
gives a B002 (sources against 基本支出 + 项目支出) and a B003 (levels against the same sum) with one cause; the
messages say so, and name the amounts whose change alone would make every mismatching sum hold while leaving every
sum that holds alone (``B002、B003 可能出自同一个金额：基本支出 288.55 → 278.55 或 项目支出 995.17 → 985.17``). A part
left blank is named first: a blank is more often the slip than a printed amount.

Worked out once per table and tolerance from the sums of B001, B002 and B003 (those the run reports), by
:meth:`perftable.rules.facts.Facts.shared_cause`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from perftable.messages import Localized
from perftable.model import BudgetLine
from perftable.rules import _budget
from perftable.values.numbers import convert

# An amount that would explain every mismatch: its label, its line (None: left blank), the change it needs.
Amount = tuple[str, BudgetLine | None, Decimal]


@dataclass(frozen=True)
class SharedCause:
    """The codes of the mismatching sums and the amounts that would explain them all (with the change each
    needs); both empty when fewer than two sums mismatch or no one amount explains them."""

    codes: list[str] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)


def _ident(label: str, item: BudgetLine | None) -> tuple[object, ...]:
    return (label,) if item is None else (label, item.location.sort_key())


def _fixes(comparison: _budget.Comparison) -> dict[tuple[object, ...], Amount]:
    """For each amount of the sum: the change (in its own unit; a blank one in the whole's) that makes it hold."""
    fixes: dict[tuple[object, ...], Amount] = {}
    for label, item, sign in comparison.terms():
        unit = item.unit if item is not None else comparison.whole.unit
        per_unit = convert(Decimal(1), unit, comparison.whole.unit)
        fixes[_ident(label, item)] = (label, item, -comparison.difference / (sign * per_unit))
    return fixes


def causes(sums: Sequence[tuple[str, _budget.Comparison]]) -> SharedCause:
    """What the mismatching ``sums`` (each with the code of the rule that checks it) may share."""
    wrong = [(code, c) for code, c in sums if c.mismatch]
    if len(wrong) < 2:
        return SharedCause()
    holding = {ident for _, c in sums if not c.mismatch for ident in _fixes(c)}
    fixes = [_fixes(c) for _, c in wrong]
    slack = max(c.tolerance for _, c in wrong)
    found: list[Amount] = []
    for ident, (label, item, change) in fixes[0].items():
        if ident in holding or any(ident not in other for other in fixes[1:]):
            continue
        unit = item.unit if item is not None else wrong[0][1].whole.unit
        if all(abs(convert(other[ident][2] - change, unit, "元")) <= convert(slack, wrong[0][1].whole.unit, "元")
               for other in fixes[1:]):  # fmt: skip
            found.append((label, item, change))
    blanks = [cause for cause in found if cause[1] is None]
    return SharedCause(list(dict.fromkeys(code for code, _ in wrong)), blanks or found)


def explain(comparison: _budget.Comparison, shared: SharedCause) -> tuple[dict[str, object], str]:
    """The message parameters and variant of a mismatch: ``shared`` when one amount explains it and the other
    mismatches, else what the comparison says by itself (``decimal`` or ``default``)."""
    params, variant = comparison.problem()
    codes, found = shared.codes, shared.amounts
    if not found:
        return params, variant
    decimals = comparison.decimals()
    said: dict[str, list[str]] = {"zh": [], "en": []}
    for label, item, change in found:
        before = item.amount if item is not None and item.amount is not None else Decimal(0)
        after = _budget.show(before + change, decimals)
        for lang in ("zh", "en"):
            now = _budget.show(before, decimals) if item is not None else _budget.BLANK.text(lang)
            said[lang].append(f"{label} {now} → {after}")
    cause = Localized(" 或 ".join(said["zh"]), " or ".join(said["en"]))
    return {**params, "codes": Localized("、".join(codes), ", ".join(codes)), "cause": cause}, "shared"
