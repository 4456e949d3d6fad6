"""Reading one row of an indicator table: by position, or — when the positional reading makes no sense (a name in
the label column, a level name in the name column, the value beyond the last named column) — by what each cell
holds, because its cells shifted in conversion: a known level-1 or level-2 name, a 指标值类型 or unit, a value
(``≥90``, ``240户``, ``是``, a date) or other text (the name)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from perftable import vocab
from perftable.grid import Cell
from perftable.values.cleaning import label_key
from perftable.values.targets import is_value_like, parse_comparator
from perftable.values.units import is_known, normalise_unit

if TYPE_CHECKING:
    from perftable.extract.columns import IndicatorColumns

# Headers of a column that holds the comparator (指标值类型, 符号, 运算符号…).
COMPARATOR_COLUMNS = ("类型", "符号", "运算", "方向", "性质")
_VALUE_TYPES = frozenset({"定量", "定性", "正向", "反向", "中性", "正向指标", "反向指标"})


@dataclass
class Carry:
    """Level names in force from the rows above."""

    level1: str = ""
    level2: str = ""
    warned_level1: bool = False
    warned_level2: bool = False
    # the cells the names in force were printed in (None: a name inferred, not printed)
    level1_cell: Cell | None = None
    level2_cell: Cell | None = None


@dataclass
class RowFields:
    """The cells of one row, by the part of an indicator they hold."""

    level1: Cell | None = None
    level2: Cell | None = None
    name: Cell | None = None
    value: Cell | None = None
    unit: Cell | None = None
    extras: dict[str, Cell] = field(default_factory=dict)


def is_level(text: str) -> bool:
    """A level-1 or level-2 name, known or shaped like one (``…指标``) and not a value."""
    return (
        vocab.level1_name(text) is not None
        or vocab.level2_name(text) is not None
        or (vocab.looks_like_level_name(text) and not is_value_like(text))
    )


_SCORE = re.compile(r"\(?(?<![\d.])\d++(?:\.\d++)?(?:-\d++(?:\.\d++)?)?分\)?$|\(权重[^()]*+\)$")


def _is_section_label(cell: Cell) -> bool:
    """A label in the column left of the indicator table (绩效指标, 年度绩效目标(90分)), or a copy of one merged down."""
    key = _SCORE.sub("", label_key(cell.text))
    return (
        cell.merged
        or key in vocab.GROUP_LABELS
        or vocab.goal_label_kind(key) is not None
        or vocab.is_period_label(cell.text)
    )


_ROW_NUMBER = re.compile(r"\d{1,4}[.、．]?")


def _in_margin(cell: Cell) -> bool:
    """A cell left of the indicator table that is not part of the indicator: a section label, or the row's number
    (a 序号 column before a flat list)."""
    return _is_section_label(cell) or _ROW_NUMBER.fullmatch(cell.text.strip()) is not None


def positional(cells: dict[int, Cell], cols: IndicatorColumns) -> RowFields:
    def at(col: int | None) -> Cell | None:
        return cells.get(col) if col is not None else None

    extras = {header: cells[col] for col, header in cols.extras.items() if col in cells}
    return RowFields(at(cols.level1), at(cols.level2), at(cols.name), at(cols.value), at(cols.unit), extras)


def needs_realign(cells: dict[int, Cell], cols: IndicatorColumns, fields: RowFields) -> bool:
    """True when reading the row by position makes no sense: its cells shifted in conversion."""
    if any(col < cols.first and not _in_margin(cell) for col, cell in cells.items()):
        return True
    if fields.level1 is not None and not is_level(fields.level1.text):
        # an unknown level-1 name stays where it is when the level-2 column agrees; otherwise the row shifted left
        return fields.level2 is None or not is_level(fields.level2.text)
    if (
        fields.level1 is not None
        and vocab.level2_name(fields.level1.text)
        and not vocab.level1_name(fields.level1.text)
    ):  # a level-2 in the level-1 column: fine when the level-2 column agrees, a left shift otherwise
        return fields.level2 is not None and not is_level(fields.level2.text)
    if fields.level2 is not None and is_value_like(fields.level2.text):
        return True
    if fields.name is not None and fields.value is None and _kind(fields.name.text) == "value":
        return True  # the value in the name column and the value column empty: the row shifted left
    beyond = [col for col in cells if col > cols.first and col not in cols.named and col not in cols.extras]
    if fields.name is not None and is_level(fields.name.text):
        # a level name in the name column: shifted, unless it is a level-2 name used as an indicator's name
        # (三级指标 "社会成本指标" under 成本指标, or the level-2's own name with its value in place), which is kept
        name_key = label_key(fields.name.text)
        same_as_level2 = fields.level2 is not None and name_key == label_key(fields.level2.text)
        if (same_as_level2 and (beyond or fields.value is None)) or vocab.level1_name(fields.name.text):
            return True
        if fields.value is None:
            return True
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


def realign(cells: dict[int, Cell], cols: IndicatorColumns, carry: Carry) -> RowFields:
    """Assign a shifted row's cells by what they hold, in reading order: level names, the name, the value (with a
    指标值类型 or 计量单位 cell where the table has such columns), then the remaining columns in order."""
    fields = RowFields()
    type_header = next((h for h in cols.extras.values() if any(w in h for w in COMPARATOR_COLUMNS)), None)
    free_extras = [header for col, header in sorted(cols.extras.items()) if header != type_header]
    rest: list[tuple[int, Cell]] = []
    ordered = [
        (col, cell) for col, cell in sorted(cells.items()) if not (col < cols.first and _in_margin(cell))
    ]
    kinds = [_kind(cell.text) for _, cell in ordered]
    for position, (col, cell) in enumerate(ordered):
        kind = kinds[position]
        before_name = fields.name is None
        if kind == "level1/2":
            # 成本指标: level-1 in central forms (and wherever a level-2 follows it), level-2 under 产出指标 elsewhere
            followed_by_level2 = position + 1 < len(kinds) and kinds[position + 1] == "level2"
            kind = (
                "level2"
                if not followed_by_level2 and (fields.level1 or carry.level1 == "产出指标")
                else "level1"
            )
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
