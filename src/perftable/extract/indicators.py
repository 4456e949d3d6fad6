"""The indicator table: 一级指标 | 二级指标 | 三级指标 | 指标值 (| 指标值类型 | 计量单位 | 指标解释 | 分值 …).

Columns are found by their headers. Each row is read by position first; when the positional reading does not make
sense (a name in the label column, a level name in the name column, the value beyond the last named column), the
row's cells shifted in conversion and are realigned by what each cell is: a known level-1 or level-2 name, a value
(``≥90``, ``240户``, ``是``, a date) or other text (the name). Level names carried down from the rows above fill
flattened merged cells; a level-1 missing or written in the level-2's place is inferred from the level-2.
Every repair is recorded on the document.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from perftable import vocab
from perftable.extract.draft import Draft, Items
from perftable.grid import Cell
from perftable.model import Indicator
from perftable.targets import is_value_like, money_context, parse_comparator, parse_target
from perftable.text import clean_label, clean_text, label_key
from perftable.units import is_known, normalise_unit

_NAME_UNIT = re.compile(r"[(（]\s*([^()（）]{1,6}?)\s*[)）]\s*$")
_COMPARATOR_COLUMNS = ("类型", "符号", "运算", "方向", "性质")
_VALUE_TYPES = frozenset({"定量", "定性", "正向", "反向", "中性", "正向指标", "反向指标"})


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


@dataclass
class Carry:
    """Level names in force from the rows above."""

    level1: str = ""
    level2: str = ""
    warned_level1: bool = False
    warned_level2: bool = False


@dataclass
class RowFields:
    level1: Cell | None = None
    level2: Cell | None = None
    name: Cell | None = None
    value: Cell | None = None
    unit: Cell | None = None
    extras: dict[str, Cell] = field(default_factory=dict)


def _is_level(text: str) -> bool:
    return (
        vocab.level1_name(text) is not None
        or vocab.level2_name(text) is not None
        or (vocab.looks_like_level_name(text) and not is_value_like(text))
    )


_SCORE = re.compile(r"\(?\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?分\)?$|\(权重.*\)$")


def _is_section_label(cell: Cell) -> bool:
    """A label in the column left of the indicator table (绩效指标, 年度绩效目标(90分)), or a copy of one merged down."""
    key = _SCORE.sub("", label_key(cell.text))
    return (
        cell.merged
        or key in vocab.GROUP_LABELS
        or vocab.goal_label_kind(key) is not None
        or vocab.is_period_label(cell.text)
    )


def _positional(cells: dict[int, Cell], cols: IndicatorColumns) -> RowFields:
    def at(col: int | None) -> Cell | None:
        return cells.get(col) if col is not None else None

    extras = {header: cells[col] for col, header in cols.extras.items() if col in cells}
    return RowFields(at(cols.level1), at(cols.level2), at(cols.name), at(cols.value), at(cols.unit), extras)


def _needs_realign(cells: dict[int, Cell], cols: IndicatorColumns, fields: RowFields) -> bool:
    """True when reading the row by position makes no sense: its cells shifted in conversion."""
    if any(col < cols.first and not _is_section_label(cell) for col, cell in cells.items()):
        return True
    if fields.level1 is not None and not _is_level(fields.level1.text):
        # an unknown level-1 name stays where it is when the level-2 column agrees; otherwise the row shifted left
        return fields.level2 is None or not _is_level(fields.level2.text)
    if (
        fields.level1 is not None
        and vocab.level2_name(fields.level1.text)
        and not vocab.level1_name(fields.level1.text)
    ):  # a level-2 in the level-1 column: fine when the level-2 column agrees, a left shift otherwise
        return fields.level2 is not None and not _is_level(fields.level2.text)
    if fields.level2 is not None and is_value_like(fields.level2.text):
        return True
    if fields.name is not None and _is_level(fields.name.text):
        # a level name in the name column: shifted, unless it is a level-2 name used as an indicator's name
        # (三级指标 "社会成本指标" under 成本指标), which is kept
        name_key = label_key(fields.name.text)
        same_as_level2 = fields.level2 is not None and name_key == label_key(fields.level2.text)
        if same_as_level2 or vocab.level1_name(fields.name.text) or fields.value is None:
            return True
    beyond = [col for col in cells if col > cols.first and col not in cols.named and col not in cols.extras]
    return bool(beyond) and (fields.name is None or fields.value is None)


@lru_cache(maxsize=4096)
def _kind(text: str) -> str:
    """What a cell holds, for realignment: level1, level2, type (定量/定性/≥), unit, value or text."""
    key = label_key(text)
    if vocab.level1_name(text) and not vocab.level2_name(text):
        return "level1"
    if vocab.level2_name(text) or (vocab.looks_like_level_name(text) and not is_value_like(text)):
        return "level2" if not vocab.level1_name(text) else "level1/2"
    if key in _VALUE_TYPES or parse_comparator(text):
        return "type"
    if is_known(normalise_unit(key)) and not any(ch.isdigit() for ch in key):
        return "unit"
    return "value" if is_value_like(text) else "text"


def _realign(cells: dict[int, Cell], cols: IndicatorColumns, carry: Carry) -> RowFields:
    """Assign a shifted row's cells by what they hold, in reading order: level names, the name, the value (with a
    指标值类型 or 计量单位 cell where the table has such columns), then the remaining columns in order."""
    fields = RowFields()
    type_header = next((h for h in cols.extras.values() if any(w in h for w in _COMPARATOR_COLUMNS)), None)
    free_extras = [header for col, header in sorted(cols.extras.items()) if header != type_header]
    rest: list[tuple[int, Cell]] = []
    for col, cell in sorted(cells.items()):
        if col < cols.first and _is_section_label(cell):
            continue
        kind = _kind(cell.text)
        before_name = fields.name is None
        if kind == "level1/2":  # 成本指标: level-1 in central forms, level-2 under 产出指标 elsewhere
            kind = "level2" if fields.level1 or carry.level1 == "产出指标" else "level1"
        if before_name and kind == "level1" and fields.level1 is None and fields.level2 is None:
            fields.level1 = cell
        elif before_name and kind == "level2" and fields.level2 is None:
            fields.level2 = cell
        elif (
            before_name
            and kind == "level2"
            and fields.level2 is not None
            and (label_key(cell.text) == label_key(fields.level2.text))
        ):
            continue  # the same level-2 twice: a merged cell flattened into the name column
        elif kind == "type" and type_header and type_header not in fields.extras and fields.value is None:
            fields.extras[type_header] = cell
        elif kind == "unit" and cols.unit is not None and fields.unit is None and fields.value is not None:
            fields.unit = cell
        elif before_name and kind in ("text", "level1", "level2"):
            fields.name = cell
        elif fields.value is None and (kind == "value" or not before_name):
            fields.value = cell
        else:
            rest.append((col, cell))
    for col, cell in rest:
        header = next((h for h in free_extras if h not in fields.extras), None) or f"第{col + 1}列"
        fields.extras.setdefault(header, cell)
    return fields


def _name_unit(name: str) -> str | None:
    """The unit in brackets at the end of a name: ``(个)``, ``(万)`` (万元 in a money name), ``(元/人)``."""
    match = _NAME_UNIT.search(name)
    if not match:
        return None
    base, slash, per = match[1].partition("/")
    unit = normalise_unit(base, money_context=money_context(name))
    if not (is_known(unit) or unit == "万"):
        return None
    if not slash:
        return unit
    per = normalise_unit(per)
    return f"{unit}/{per}" if per and not any(ch.isdigit() for ch in per) else None


def only_level_names(items: Items) -> bool:
    """True when a row's cells are all level names (nothing an indicator could be read from)."""
    return all(_is_level(cell.text) for _, cell in items)


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
        fields = _positional(cells, self.cols)
        if _needs_realign(cells, self.cols, fields):
            before = fields
            fields = _realign(cells, self.cols, self.carry)
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
        unit = unit or _name_unit(name)
        target = parse_target(value, year=draft.year, money=money_context(name))
        if target.comparator is None and target.number is not None:
            for header, text in info.items():
                if any(word in header for word in _COMPARATOR_COLUMNS):
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
