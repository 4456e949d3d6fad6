"""The indicator table: 一级指标 | 二级指标 | 三级指标 | 指标值 (| 指标值类型 | 计量单位 | 指标解释 | 分值 …).

Columns are found by their headers. Each row is read by position first; when the positional reading does not make
sense (a name in the label column, a level name in the name column, the value beyond the last named column), the
row's cells shifted in conversion and are realigned by what each cell is (:mod:`perftable.extract.realign`). Level
names carried down from the rows above fill flattened merged cells; a level-1 missing or written in the level-2's
place is inferred from the level-2. Every repair is recorded on the document.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from functools import cached_property

from perftable import vocab
from perftable.extract.draft import Draft, Items
from perftable.extract.realign import (
    COMPARATOR_COLUMNS,
    Carry,
    RowFields,
    is_level,
    needs_realign,
    positional,
    realign,
)
from perftable.grid import Cell
from perftable.model import Indicator
from perftable.text import clean_label, clean_text, label_key
from perftable.values.targets import parse_comparator, parse_target
from perftable.values.units import money_context, normalise_unit, unit_in_name


@dataclass
class IndicatorColumns:
    name: int
    level1: int | None = None
    level2: int | None = None
    value: int | None = None
    unit: int | None = None
    extras: dict[int, str] = field(default_factory=dict)

    @cached_property
    def first(self) -> int:
        return min(c for c in (self.level1, self.level2, self.name) if c is not None)

    @cached_property
    def named(self) -> frozenset[int]:
        """The columns with a role (levels, name, value, unit)."""
        return frozenset(
            c for c in (self.level1, self.level2, self.name, self.value, self.unit) if c is not None
        )


def indicator_header(items: Items) -> IndicatorColumns | None:
    """The header row of an indicator table, or None."""
    if not _names_any(items, vocab.INDICATOR_COLUMNS):
        return None
    roles: dict[str, int] = {}
    extras: dict[int, str] = {}
    for col, cell in items:
        role = vocab.column_role(cell.text, vocab.INDICATOR_COLUMNS)
        if role is not None and role not in roles:
            roles[role] = col
        elif roles and role is None:
            extras[col] = clean_label(cell.text)
    levels = sum(1 for role in ("level1", "level2", "name") if role in roles)
    if levels < 2 or ("name" not in roles and "level2" not in roles):
        return None
    name = roles.get("name", roles.get("level2"))
    assert name is not None
    extras = {col: header for col, header in extras.items() if col > min(roles.values())}
    value = roles.get("value")
    if (
        value is None
    ):  # an unknown header after the name (指标值/备注, 预期): the value column of every layout
        value = min((col for col in extras if col > name), default=None)
        if value is not None:
            extras.pop(value)
    return IndicatorColumns(
        name=name,
        level1=roles.get("level1"),
        level2=roles.get("level2") if "name" in roles else None,
        value=value,
        unit=roles.get("unit"),
        extras=extras,
    )


def is_self_evaluation(items: Items) -> bool:
    return _names_any(items, vocab.SELF_EVALUATION_COLUMNS)


def _names_any(items: Items, labels: Container[str]) -> bool:
    """True when a cell of the row is one of these labels (a loop, faster than any(): every row asks)."""
    for _, cell in items:  # noqa: SIM110
        if label_key(cell.text) in labels:
            return True
    return False


def only_level_names(items: Items) -> bool:
    """True when a row's cells are all level names (nothing an indicator could be read from)."""
    return all(is_level(cell.text) for _, cell in items)


class IndicatorReader:
    """Reads indicator rows into a list (``out``), keeping the level names in force between rows; repairs go to the
    :class:`Draft`."""

    def __init__(self, draft: Draft, cols: IndicatorColumns, out: list[Indicator]) -> None:
        self.draft = draft
        self.cols = cols
        self.out = out
        self.carry = Carry()

    def follow(self, items: Items) -> None:
        """A row that gives this reader no indicator (two periods side by side, the row filled in for the other
        one): the level names it prints, in this reader's columns or in shared ones, come into force; nothing
        is read or repaired."""
        cells = dict(items)
        l1_cell = cells.get(self.cols.level1) if self.cols.level1 is not None else None
        l2_cell = cells.get(self.cols.level2) if self.cols.level2 is not None else None
        level1 = (vocab.level1_name(l1_cell.text) or clean_text(l1_cell.text)) if l1_cell is not None else ""
        if level1 and level1 != self.carry.level1:
            self.carry.level1, self.carry.level2 = level1, ""
        if l2_cell is not None:
            self.carry.level2 = vocab.level2_name(l2_cell.text) or clean_text(l2_cell.text)

    def _levels(self, fields: RowFields, anchor: Cell) -> tuple[str, str]:
        """Level-1 and level-2 of a row: as printed, inferred from the level-2, or carried down."""
        carry, draft = self.carry, self.draft
        l1_cell, l2_cell = fields.level1, fields.level2
        level1 = level2 = ""
        reason = ""
        if l1_cell is not None:
            draft.scores.level1(l1_cell)
            if vocab.level1_name(l1_cell.text):
                level1 = vocab.level1_name(l1_cell.text) or ""
            elif vocab.level2_name(l1_cell.text):
                l2_cell = l2_cell or l1_cell
                reason = "level2-in-level1-column"
            else:
                level1 = clean_text(l1_cell.text)
        if l2_cell is not None:
            level2 = vocab.level2_name(l2_cell.text) or clean_text(l2_cell.text)
        if not level1:
            parent = vocab.level1_of(level2) if l2_cell is not None else None
            if parent and (reason or not (carry.level1 and vocab.may_sit_under(level2, carry.level1))):
                level1 = parent
                reason = reason or ("level1-mismatch" if carry.level1 else "level1-missing")
                draft.repair(
                    "P003",
                    "level1-inferred",
                    l1_cell or l2_cell or anchor,
                    level1=parent,
                    level2=level2,
                    reason=reason,
                )
                carry.warned_level1 = False
            else:
                level1 = carry.level1
                if level1 and not carry.warned_level1:
                    draft.repair("P002", "carried-down", anchor, level="level1", value=level1)
                carry.warned_level1 = True
        else:
            carry.warned_level1 = False
        if not level2:
            level2 = carry.level2 if level1 == carry.level1 else ""
            if level2 and not carry.warned_level2:
                draft.repair("P002", "carried-down", anchor, level="level2", value=level2)
            carry.warned_level2 = True
        else:
            carry.warned_level2 = False
        carry.level1, carry.level2 = level1, level2
        return level1, level2

    def read(self, items: Items) -> None:
        """Read a row, given as its distinct non-empty cells."""
        cells = dict(items)
        if not cells:
            return
        fields = positional(cells, self.cols)
        if needs_realign(cells, self.cols, fields):
            before = fields
            fields = realign(cells, self.cols, self.carry)
            if fields != before:
                moved = [
                    name
                    for name in ("level1", "level2", "name", "value")
                    if getattr(fields, name) is not getattr(before, name) and getattr(fields, name)
                ]
                anchor = fields.name or fields.value or next(iter(cells.values()))
                self.draft.repair("P003", "realigned-row", anchor, fields=",".join(moved) or "-")
        anchor = fields.name or fields.value or fields.level2 or fields.level1 or next(iter(cells.values()))
        level1, level2 = self._levels(fields, anchor)
        if fields.name is None and fields.value is None:
            return
        self.out.append(self._indicator(fields, level1, level2, anchor))

    def _indicator(self, fields: RowFields, level1: str, level2: str, anchor: Cell) -> Indicator:
        draft = self.draft
        name = draft.text_of(fields.name) if fields.name else ""
        value = draft.text_of(fields.value) if fields.value else ""
        info = {header: draft.text_of(cell) for header, cell in fields.extras.items()}
        unit = None
        if fields.unit is not None and not fields.unit.empty:
            unit = normalise_unit(clean_text(fields.unit.text), money_context=money_context(name))
            info_unit = clean_label(fields.unit.text)
            if info_unit and not unit:
                unit = info_unit
        unit = unit or unit_in_name(name)
        target = parse_target(value, year=draft.year, money=money_context(name))
        if target.comparator is None and target.number is not None:
            for header, text in info.items():
                if any(word in header for word in COMPARATOR_COLUMNS):
                    comparator = parse_comparator(text)
                    if comparator:
                        target = target.model_copy(update={"comparator": comparator})
                        break
        return Indicator(
            level1=level1,
            level2=level2,
            name=name,
            value=value,
            unit=unit,
            target=target,
            info=info,
            location=anchor.location(),
        )
