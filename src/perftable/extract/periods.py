"""Indicator tables that print two periods: the annual targets and the mid- or long-term ones (中期, 长期, 实施期).

Two layouts: side by side, one header row holding two column groups (一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 |
三级指标 | 指标值, or one name column with 中期指标值 | 年度指标值), the columns a later group lacks shared with the
first; and stacked, a 长期绩效指标 block then a 年度绩效指标 block, each with its header.

A group's period is what the labels over it say: its own header cells (``年度指标值``), a label left of the header
(``长期绩效指标 | 一级指标 …``) or a row of labels just above it (``中期目标(2024年—2026年) | 年度目标``). When nothing
tells the groups of a table apart, the one whose values name only the table's year is annual, else the rightmost
one with indicators.
A header repeated at a page break (it says no other period) continues the table: the level names in force carry on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from perftable import vocab
from perftable.extract.columns import IndicatorColumns
from perftable.extract.draft import Draft, IndicatorGroup, Items
from perftable.extract.indicators import IndicatorReader, indicator_header, only_level_names
from perftable.grid import Cell
from perftable.model import Indicator, Location
from perftable.values.cleaning import label_key
from perftable.values.patterns import YEAR

_SPLIT_ROLES = ("level1", "level2", "name", "value")
_SHARED_ROLES = ("level1", "level2", "name")
_YEAR = re.compile(rf"(?<!\d)({YEAR})(?=\s*年|[-/.]\d)")


def _role(text: str, year: int | None = None) -> str | None:
    if vocab.names_other_year(text, year):
        return None
    return vocab.column_role(text, vocab.INDICATOR_COLUMNS) or vocab.column_role(
        vocab.strip_period(text), vocab.INDICATOR_COLUMNS
    )


@dataclass(frozen=True)
class TableHeader:
    """The column groups of an indicator table's header: each group's columns, the first column it owns and the
    period its labels say."""

    groups: tuple[IndicatorColumns, ...]
    starts: tuple[int, ...]
    labels: tuple[str | None, ...]


def _segments(items: Items, year: int | None) -> tuple[Items, list[Items]]:
    """The cells left of the header, and the header cut where a column role comes again (a second group)."""
    left: Items = []
    segments: list[Items] = []
    seen: set[str] = set()
    for col, cell in items:
        role = _role(cell.text, year)
        if not segments and role is None:
            left.append((col, cell))
            continue
        if not segments or (role in _SPLIT_ROLES and role in seen and not _unmatched_year(cell.text, year)):
            segments.append([])
            seen = set()
        segments[-1].append((col, cell))
        if role is not None:
            seen.add(role)
    return left, segments


def _unmatched_year(text: str, year: int | None) -> bool:
    """A header naming a year when the table's is not known (``2025年指标值 | 2026年指标值`` under no dated
    title): no group of its own, so the first such column stays the value, as for any unknown further column."""
    return year is None and vocab.normalise_header(text).year is not None


def _columns(
    first: IndicatorColumns, segment: Items, head: Items, year: int | None
) -> IndicatorColumns | None:
    """A later group's columns: its own cells, with the level and name columns it lacks shared with the first."""
    roles = {_role(cell.text, year) for _, cell in segment}
    if "value" not in roles:
        return None
    shared = {
        "level1": first.level1,
        "level2": first.level2,
        "name": first.name,
        "comparator": first.comparator,
    }
    cells = dict(head)
    borrowed = [
        (col, cells[col])
        for role in (*_SHARED_ROLES, "comparator")
        if role not in roles and (col := shared[role]) is not None and col in cells
    ]
    return indicator_header(sorted([*borrowed, *segment], key=lambda item: item[0]), year)


def _with_unit(
    first: Items, later: list[IndicatorColumns], head: Items, year: int | None
) -> IndicatorColumns | None:
    """The first group with the unit column printed once after the last group's value (一级指标 … | 实施期指标值 |
    年度指标值 | 度量单位: one unit for both values), when the first has none of its own."""
    units = {cols.unit for cols in later if cols.unit is not None}
    if len(units) != 1:
        return None
    unit = units.pop()
    cell = dict(head).get(unit)
    return indicator_header(sorted([*first, (unit, cell)], key=lambda item: item[0]), year) if cell else None


def _groups(items: Items, year: int | None) -> tuple[Items, list[tuple[int, IndicatorColumns]]] | None:
    left, segments = _segments(items, year)
    if len(segments) < 2:
        return None
    first = indicator_header(segments[0], year)
    if first is None or first.value is None:
        return None
    groups = [(segments[0][0][0], first)]
    for segment in segments[1:]:
        cols = _columns(first, segment, items, year)
        if cols is None or cols.value is None:
            return None
        groups.append((segment[0][0], cols))
    later = [cols for _, cols in groups[1:]]
    if first.unit is None and (united := _with_unit(segments[0], later, items, year)):
        groups[0] = (groups[0][0], united)
    return left, groups


def _header_label(cells: Items) -> str | None:
    """The period a group's own header cells say (``年度指标值``, ``中期指标值``, ``2024-2026年指标值``); other
    columns do not count."""
    return next(
        (
            p
            for _, cell in cells
            if _role(cell.text)
            and (p := vocab.indicator_period(cell.text) or vocab.normalise_header(cell.text).period)
        ),
        None,
    )


def _label(cells: Items) -> str | None:
    """The period labels over or beside a group say (``长期绩效指标``, ``中期目标(2024-2026年)``)."""
    return next(
        (vocab.indicator_period(cell.text) for _, cell in cells if vocab.is_period_label(cell.text)), None
    )


def is_label_row(items: Items) -> bool:
    """A row of period labels (``中期目标(2024-2026年) | 年度目标``, ``长期绩效指标``), with group or goal labels
    (``绩效指标``, ``绩效目标``) beside them."""
    return (
        bool(items)
        and any(vocab.is_period_label(cell.text) for _, cell in items)
        and all(
            vocab.is_period_label(cell.text)
            or label_key(cell.text) in vocab.GROUP_LABELS
            or vocab.goal_label_kind(cell.text) is not None
            for _, cell in items
        )
    )


def table_header(items: Items, above: Items, year: int | None = None) -> TableHeader | None:
    """The header of an indicator table, with its column groups and their periods, or None. ``above`` is the row
    before it (a row of period labels names the groups under it); ``year`` is the table's, when known (a value
    column of another year, ``2025年目标值``, is then no group of its own)."""
    single = indicator_header(items, year)
    if single is None:
        return None
    found = _groups(items, year)
    left, groups = (
        found
        if found is not None
        else (
            [(col, cell) for col, cell in items if col < single.first],
            [(single.first, single)],
        )
    )
    starts = [start for start, _ in groups]
    labels: list[str | None] = []
    for index, (start, _) in enumerate(groups):
        end = starts[index + 1] if index + 1 < len(starts) else None
        own = [(col, cell) for col, cell in items if col >= start and (end is None or col < end)]
        over = [(col, cell) for col, cell in above if col >= start and (end is None or col < end)]
        labels.append(_header_label(own) or (_label(over) if is_label_row(above) else None))
    if len(groups) == 1 and labels[0] is None:
        before = [(col, cell) for col, cell in above if col < starts[0]] if is_label_row(above) else []
        labels[0] = _label([*left, *before])
    return TableHeader(tuple(cols for _, cols in groups), tuple(starts), tuple(labels))


@dataclass
class _Column:
    reader: IndicatorReader
    start: int
    end: int | None
    shared: tuple[int, ...]


class IndicatorTable:
    """An indicator table of a form: one reader per column group, each filling its :class:`IndicatorGroup`."""

    def __init__(self, draft: Draft, header: TableHeader, where: Location) -> None:
        self.draft = draft
        self.header = header
        # a table with level columns makes the form's indicators a tree, and so does a name column that turns out
        # to hold the levels too (IndicatorReader._written); only flat tables make them flat
        flat = all(cols.layout == "flat" for cols in header.groups)
        if draft.indicator_layout != "tree":
            draft.indicator_layout = "flat" if flat else "tree"
        number = len({group.table for group in draft.indicator_groups})
        self.columns: list[_Column] = []
        for index, cols in enumerate(header.groups):
            group = IndicatorGroup(table=number, label=header.labels[index], header=where)
            draft.indicator_groups.append(group)
            self.columns.append(_Column(IndicatorReader(draft, cols, group.indicators), 0, None, ()))
        self._place(header)

    def _place(self, header: TableHeader) -> None:
        starts = header.starts
        for index, (column, cols) in enumerate(zip(self.columns, header.groups, strict=True)):
            column.reader.cols = cols
            column.start = starts[index] if index else 0
            column.end = starts[index + 1] if index + 1 < len(starts) else None
            own = range(column.start, column.end if column.end is not None else 1 << 30)
            # columns another group owns that this one reads too: the levels and name printed once, and one
            # comparator or unit column for every group's value
            column.shared = tuple(
                col
                for col in (cols.level1, cols.level2, cols.name, cols.comparator, cols.unit)
                if col is not None and col not in own
            )

    def continues(self, header: TableHeader) -> bool:
        """True when a new header continues this table (repeated at a page break): as many groups, and no label
        that says another period (``整体`` beside a single group, as 整体绩效目标 left of a repeated header, says
        none). Its columns replace the old ones; the level names in force carry on."""
        old = self.header.labels
        if len(header.groups) != len(old):
            return False
        if any(
            new not in (None, was) and not (was is None and new in ("annual", "overall"))
            for new, was in zip(header.labels, old, strict=True)
        ):
            return False
        self.header = replace(header, labels=old)
        self._place(header)
        for column in self.columns:
            column.reader.after_break = True  # the next row may be the rest of the row the break cut
        return True

    def read(self, items: Items, row: list[Cell] | None = None) -> None:
        """Read a row (its distinct non-empty cells, and the row itself: where a cell left blank stands)."""
        if is_label_row(items):
            return
        if len(self.columns) == 1:
            self.columns[0].reader.read(items, row)
            return
        for column in self.columns:
            own = [
                (c, cell) for c, cell in items if c >= column.start and (column.end is None or c < column.end)
            ]
            shared = [(c, cell) for c, cell in items if c in column.shared]
            cells = sorted([*shared, *own], key=lambda item: item[0])
            if own and not only_level_names(own):
                column.reader.read(cells)
            else:
                column.reader.follow(cells)


# --- settling the periods ------------------------------------------------------------------------------------


def _years(group: IndicatorGroup) -> set[int]:
    years: set[int] = set()
    for indicator in group.indicators:
        if indicator.target.date is not None:
            years.add(indicator.target.date.year)
        years.update(int(year) for year in _YEAR.findall(indicator.value))
    return years


def _periods(groups: list[IndicatorGroup], year: int | None) -> list[str]:
    """Each group's period, ``annual`` or ``long``: as labelled, else told apart within its table."""
    several = len(groups) > 1
    labels = [("long" if several else "annual") if g.label == "overall" else g.label for g in groups]
    periods = [label or "annual" for label in labels]
    for table in {group.table for group in groups}:
        members = [i for i, group in enumerate(groups) if group.table == table]
        unlabelled = [i for i in members if labels[i] is None]
        if len(members) < 2 or not unlabelled:
            continue
        if any(labels[i] == "annual" for i in members):
            annual = None
        elif len(unlabelled) == 1:
            annual = unlabelled[0]
        else:  # a group left empty (only level names printed in it) is not the annual one
            filled = [i for i in unlabelled if groups[i].indicators] or unlabelled
            dated = [i for i in filled if year is not None and _years(groups[i]) == {year}]
            annual = (dated or filled)[-1]
        for i in unlabelled:
            periods[i] = "annual" if i == annual else "long"
    return periods


def settle_periods(draft: Draft) -> tuple[list[Indicator], list[Indicator]]:
    """The annual indicators and the mid- or long-term ones, each in reading order of their groups. The form's
    ``indicators`` location becomes the header of its first annual group (``long_term_indicators`` that of the
    first long-term one)."""
    groups = draft.indicator_groups
    periods = _periods(groups, draft.year)
    found: dict[str, list[Indicator]] = {"annual": [], "long": []}
    for group, period in zip(groups, periods, strict=True):
        name = "indicators" if period == "annual" else "long_term_indicators"
        if not found[period] and group.indicators:
            draft.locations[name] = group.header
        found[period] += group.indicators
    return found["annual"], found["long"]
