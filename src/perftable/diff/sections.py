"""The changes of each section: budget lines by key (and label), tasks by name, indicators by level1/level2/name (then by
name alone when they moved, then by similar names when renamed), goals by position and likeness, header fields.

Semantic, not textual: an amount is compared as a number (in one unit, within an epsilon), an indicator value by
its parsed target (``≥90%`` and ``≥90.00%`` are equal; qualitative values by their text). Labels, printing and
locations are not compared. Goals and header fields: :mod:`perftable.diff.headers`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from perftable.diff.changes import Change, ChangeKind, FieldChange, Section
from perftable.diff.match import match
from perftable.values.numbers import MoneyUnit, convert, format_amount, rounded

if TYPE_CHECKING:
    from perftable.model import BudgetLine, Indicator, Task


@dataclass(frozen=True)
class DiffOptions:
    """``epsilon``: amounts that differ by no more than this (in the old amount's unit) are equal; ``ignore``:
    sections left out (goals, info, document, budget, tasks, indicators: the annual and the long-term ones)."""

    epsilon: Decimal = Decimal(0)
    ignore: frozenset[str] = frozenset()


def signed(number: Decimal | int) -> str:
    """``+20``, ``-495.17``, ``+21.45``: a change with its sign, without trailing zeros."""
    if isinstance(number, Decimal):
        number = rounded(number) if number == number.to_integral_value() else number.normalize()
    return f"{number:+,}"


def money(amount: Decimal | None, unit: str) -> str:
    return f"{format_amount(amount)}{unit}" if amount is not None else "—"


def amount_change(
    old: Decimal | None, old_unit: MoneyUnit, new: Decimal | None, new_unit: MoneyUnit, epsilon: Decimal
) -> FieldChange | None:
    """The change of an amount, or None when equal (within epsilon, after converting to the old unit)."""
    if old is None or new is None:
        if old is None and new is None:
            return None
        return FieldChange(field="amount", old=money(old, old_unit), new=money(new, new_unit))
    converted = convert(new, new_unit, old_unit)
    delta = converted - old
    if abs(delta) <= epsilon:
        return None
    detail = signed(delta)
    if old:
        detail += f" ({rounded(delta / old * 100, 2):+}%)"
    return FieldChange(
        field="amount",
        old=money(old, old_unit),
        new=money(new, new_unit),
        detail=detail,
        old_number=old,
        new_number=converted,
        delta=delta,
        unit=old_unit,
    )


def _text_change(name: str, old: str | None, new: str | None) -> FieldChange | None:
    return FieldChange(field=name, old=old, new=new) if (old or "") != (new or "") else None


def info_field_changes(old: dict[str, str], new: dict[str, str]) -> list[FieldChange]:
    keys = list(dict.fromkeys([*old, *new]))
    return [c for key in keys if (c := _text_change(f"info.{key}", old.get(key), new.get(key))) is not None]


def summary(change: FieldChange) -> str:
    text = f"{change.old or '∅'} → {change.new or '∅'}"
    return f"{text}, {change.detail}" if change.detail else text


# --- budget --------------------------------------------------------------------------------------------------


def budget_changes(old: list[BudgetLine], new: list[BudgetLine], opts: DiffOptions) -> list[Change]:
    # the same label under the same key first: several unnamed sources (key ``source``) pair by their labels
    found = match(old, new, [lambda line: (line.key, line.label), lambda line: line.key])
    changes: list[Change] = []
    for pair in found.pairs:
        a, b = old[pair.old], new[pair.new]
        field = amount_change(a.amount, a.unit, b.amount, b.unit, opts.epsilon)
        if field is not None:
            changes.append(
                _paired("budget", b.label, a, b, pair.old, pair.new, [field], detail=summary(field))
            )
    changes += [
        _single("budget", "removed", line.label, money(line.amount, line.unit), line, i)
        for i, line in _at(old, found.removed)
    ]
    changes += [
        _single("budget", "added", line.label, money(line.amount, line.unit), line, i)
        for i, line in _at(new, found.added)
    ]
    return changes


# --- tasks ---------------------------------------------------------------------------------------------------


def _task_fields(a: Task, b: Task, opts: DiffOptions) -> list[FieldChange]:
    fields = [
        _text_change("section", a.section, b.section),
        _text_change("content", a.content, b.content),
        amount_change(a.funds, a.unit, b.funds, b.unit, opts.epsilon),
        _text_change("target", a.target, b.target),
    ]
    found = [field for field in fields if field is not None]
    for field in found:
        field.field = "funds" if field.field == "amount" else field.field
    return found + info_field_changes(a.info, b.info)


def task_changes(old: list[Task], new: list[Task], opts: DiffOptions) -> list[Change]:
    found = match(old, new, [lambda task: task.name], name=lambda task: task.name)
    changes: list[Change] = []
    for pair in found.pairs:
        a, b = old[pair.old], new[pair.new]
        fields = _task_fields(a, b, opts)
        if pair.similarity is not None:
            change = _paired(
                "tasks", b.name, a, b, pair.old, pair.new, fields, kind="renamed", similarity=pair.similarity
            )
            change.old, change.new = a.name, b.name
            changes.append(change)
        elif fields:
            changes.append(
                _paired(
                    "tasks",
                    b.name,
                    a,
                    b,
                    pair.old,
                    pair.new,
                    fields,
                    detail="; ".join(f"{f.field} {summary(f)}" for f in fields),
                )
            )
    changes += [
        _single("tasks", "removed", task.name, money(task.funds, task.unit), task, i)
        for i, task in _at(old, found.removed)
    ]
    changes += [
        _single("tasks", "added", task.name, money(task.funds, task.unit), task, i)
        for i, task in _at(new, found.added)
    ]
    return changes


# --- indicators ----------------------------------------------------------------------------------------------


def indicator_key(indicator: Indicator) -> str:
    return f"{indicator.level1} / {indicator.level2} / {indicator.name}"


def value_change(a: Indicator, b: Indicator) -> FieldChange | None:
    """The change of a value by its meaning: ``240户 → 260户, +20``; ``2024年12月31日前 → …, +181天``."""
    if a.target == b.target and (a.target.is_quantitative or a.value.strip() == b.value.strip()):
        return None
    ta, tb = a.target, b.target
    if ta.number is not None and tb.number is not None and ta.unit == tb.unit and ta.per == tb.per:
        delta = tb.number - ta.number
        return FieldChange(field="value", old=a.value, new=b.value, detail=signed(delta) if delta else None,
                           old_number=ta.number, new_number=tb.number, delta=delta, unit=ta.unit)  # fmt: skip
    if ta.date is not None and tb.date is not None and ta.date != tb.date:
        days = (tb.date - ta.date).days
        return FieldChange(field="value", old=a.value, new=b.value, detail=f"{signed(days)}天", delta=Decimal(days),
                           unit="天")  # fmt: skip
    return FieldChange(field="value", old=a.value, new=b.value)


def _indicator_fields(a: Indicator, b: Indicator) -> list[FieldChange]:
    fields = [
        _text_change("level1", a.level1, b.level1),
        _text_change("level2", a.level2, b.level2),
        value_change(a, b),
        _text_change("unit", a.unit, b.unit),
    ]
    return [field for field in fields if field is not None] + info_field_changes(a.info, b.info)


def indicator_changes(
    old: list[Indicator], new: list[Indicator], section: Section = "indicators"
) -> list[Change]:
    """Indicators paired by level names and name, then by name, then by similar names (``section`` names the
    list: the annual ``indicators`` or the ``long_term_indicators``)."""
    found = match(
        old,
        new,
        [lambda i: (i.level1, i.level2, i.name), lambda i: i.name],
        name=lambda i: i.name,
        block=lambda i: i.level1,
    )
    changes: list[Change] = []
    for pair in found.pairs:
        a, b = old[pair.old], new[pair.new]
        fields = _indicator_fields(a, b)
        value = next((f for f in fields if f.field == "value"), None)
        detail = summary(value) if value else "; ".join(f"{f.field} {summary(f)}" for f in fields) or None
        if pair.similarity is not None:
            change = _paired(
                section,
                indicator_key(b),
                a,
                b,
                pair.old,
                pair.new,
                fields,
                kind="renamed",
                detail=detail,
                similarity=pair.similarity,
            )
            change.old, change.new = a.name, b.name
            changes.append(change)
        elif fields:
            changes.append(
                _paired(section, indicator_key(b), a, b, pair.old, pair.new, fields, detail=detail)
            )
    changes += [
        _single(section, "removed", indicator_key(i), i.value, i, n) for n, i in _at(old, found.removed)
    ]
    changes += [_single(section, "added", indicator_key(i), i.value, i, n) for n, i in _at(new, found.added)]
    return changes


# --- helpers -------------------------------------------------------------------------------------------------


def _at(items: list[BudgetLine] | list[Task] | list[Indicator], indices: list[int]) -> list[tuple[int, Any]]:
    return [(index, items[index]) for index in indices]


def _paired(
    section: Section,
    key: str,
    a: Any,
    b: Any,
    i: int,
    j: int,
    fields: list[FieldChange],
    *,
    kind: ChangeKind = "changed",
    detail: str | None = None,
    similarity: float | None = None,
) -> Change:
    main = next(
        (f for f in fields if f.field in ("value", "amount", "funds")),
        fields[0] if len(fields) == 1 else None,
    )
    return Change(
        section=section,
        kind=kind,
        key=key,
        old=main.old if main else None,
        new=main.new if main else None,
        detail=detail,
        similarity=similarity,
        fields=fields,
        old_index=i,
        new_index=j,
        old_location=a.location,
        new_location=b.location,
    )


def _single(section: Section, kind: ChangeKind, key: str, value: str, item: Any, index: int) -> Change:
    removed = kind == "removed"
    return Change(
        section=section,
        kind=kind,
        key=key,
        old=value if removed else None,
        new=None if removed else value,
        old_index=index if removed else None,
        new_index=None if removed else index,
        old_location=item.location if removed else None,
        new_location=None if removed else item.location,
    )
