"""The columns of an indicator table by role, as the indicator reader and the realigner both use them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass
class IndicatorColumns:
    """The columns of an indicator table, by role (see :mod:`perftable.vocab.columns`). ``name`` is the level-3
    name column; when the table prints no level columns and heads its name column 绩效指标 or 指标, ``written``
    says the name cells may hold the levels too (run together, or numbered prose). ``start`` is the leftmost
    column that belongs to the table (an 活动 column may stand left of the levels). ``value_in_name``: the name
    column is headed as holding the value too (三级指标及指标值): a name cell ``名称：值`` gives both."""

    name: int
    level1: int | None = None
    level2: int | None = None
    value: int | None = None
    unit: int | None = None
    comparator: int | None = None
    weight: int | None = None
    written: bool = False
    value_in_name: bool = False
    tree_level: int | None = (
        None  # 指标层级: each row says its depth (1, 2, 3), a tree written as a flat list
    )
    start: int | None = None
    extras: dict[int, str] = field(default_factory=dict)

    @cached_property
    def first(self) -> int:
        levels = min(c for c in (self.level1, self.level2, self.name) if c is not None)
        return min(levels, self.start) if self.start is not None else levels

    @cached_property
    def named(self) -> frozenset[int]:
        """The columns with a role (levels, name, value, unit)."""
        return frozenset(
            c for c in (self.level1, self.level2, self.name, self.value, self.unit) if c is not None
        )

    @property
    def flat(self) -> bool:
        """No level columns: the indicators are a flat list (or written whole in the name cells)."""
        return self.level1 is None and self.level2 is None

    @property
    def layout(self) -> str:
        """``tree`` when the table gives levels (level columns, or rows that say their depth), else ``flat``."""
        return "flat" if self.flat and self.tree_level is None else "tree"
