"""The indicator table: 一级指标 | 二级指标 | 三级指标 | 指标值 (| 指标值类型 | 计量单位 | 指标解释 | 分值 …).

Columns are found by their headers. Each row is read by position first; when the positional reading does not make
sense (a name in the label column, a level name in the name column, the value beyond the last named column), the
row's cells shifted in conversion and are realigned by what each cell is (:mod:`perftable.extract.realign`). Level
names carried down from the rows above fill flattened merged cells; a level-1 missing or written in the level-2's
place is inferred from the level-2. Every repair is recorded on the document.
"""

from __future__ import annotations

import re
from collections.abc import Container
from decimal import Decimal

from perftable import vocab
from perftable.extract.columns import IndicatorColumns
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
from perftable.extract.written import CodedIndicator, looks_coded, read_coded, split_levels, split_name_value
from perftable.grid import Cell
from perftable.model import ComparatorSource, Indicator, LevelKey, Location
from perftable.values.cleaning import clean_label, clean_text, label_key
from perftable.values.numbers import AmountError, parse_amount
from perftable.values.patterns import SECTION_NUMBER
from perftable.values.targets import parse_comparator, parse_printed_target
from perftable.values.units import money_context, normalise_unit, unit_in_name

# **A total row under the indicator grid** (合计 | | | | 100, 合计分值 … =SUM(G10:G19)): the sum of the scores or
# weights, no indicator. Its first cell says so, and it holds nothing but numbers, formulas or blanks after it.
_TOTAL_LABELS = frozenset(
    label_key(text) for text in ("合计", "总计", "合计分值", "分值合计", "总分", "合计得分", "得分合计")
)
_SUM_CELL = re.compile(r"^(?:=\s*+SUM\(.*\)|[\d.,]+%?|[\d.]+分)$", re.IGNORECASE)


def _total_row(items: Items) -> bool:
    first, *rest = (clean_text(cell.text) for _, cell in items)
    return label_key(first) in _TOTAL_LABELS and all(_SUM_CELL.match(text) for text in rest)


_HEADER_ROLES = frozenset({"level1", "level2", "name", "indicator", "name_value"})
# Roles of further columns the reader reads (besides keeping their text in Indicator.info).
_EXTRA_ROLES = frozenset({"comparator", "weight", "value_type", "explanation", "scoring", "remarks", "core"})


def _role_of(text: str, year: int | None = None) -> str | None:
    if vocab.names_other_year(text, year):  # 2025年目标值 in a 2026 table: kept as a further column
        return None
    role = vocab.column_role(text, vocab.INDICATOR_COLUMNS)
    if role is not None:
        return role
    found = vocab.header(text).role
    return found if found in vocab.INDICATOR_ROLES or found == "activity" else None


def indicator_header(items: Items, year: int | None = None) -> IndicatorColumns | None:
    """The header row of an indicator table, or None: level columns with a name column (一级指标 | 二级指标 |
    三级指标 | 指标值), or a flat list (指标名称 | 指标性质 | 指标值 | 计量单位 | 指标权重).

    A value header with a year in front is the value column when the year is the table's (``year``, when known):
    ``2025年目标值 | 2026年目标值`` in a 2026 table reads the second. A column of what was achieved (``2025年完成值``,
    ``上年实际值``) is never the value column, not even the fallback one (the first unknown column after the name)."""
    if not _names_any(items, vocab.INDICATOR_COLUMNS) and not any(
        vocab.header(cell.text).role in _HEADER_ROLES for _, cell in items
    ):
        return None
    roles: dict[str, int] = {}
    extras: dict[int, str] = {}
    value_in_name = False
    for col, cell in items:
        role = _role_of(cell.text, year)
        if role == "name_value" and "name" not in roles:
            role, value_in_name = "name", True
        if role is not None and role not in roles and role not in _EXTRA_ROLES:
            roles[role] = col
        elif roles and (role is None or role in _EXTRA_ROLES or role in roles):
            extras[col] = clean_label(cell.text)
            if role in ("comparator", "weight") and role not in roles:
                roles[role] = col
    if (
        "name" not in roles
        and "value" not in roles
        and "indicator" in roles
        and ("level1" in roles or "level2" in roles)
    ):
        # 一级指标 | 二级指标 | 指标及指标值: the indicator column beside the levels holds the name and its value
        roles["name"], value_in_name = roles.pop("indicator"), True
    levels = sum(1 for role in ("level1", "level2", "name") if role in roles)
    written = False
    if levels < 2 or ("name" not in roles and "level2" not in roles):
        flat_name = roles.get("name", roles.get("indicator") if levels == 0 else None)
        if flat_name is None or ("value" not in roles and "comparator" not in roles):
            return None
        written = "name" not in roles
        roles["name"] = flat_name
        roles.pop("level1", None), roles.pop("level2", None)
    name = roles.get("name", roles.get("level2"))
    assert name is not None
    start = roles.get("activity")
    low = min(col for role, col in roles.items() if role in ("level1", "level2", "name", "activity"))
    extras = {col: header for col, header in extras.items() if col > low}
    if start is not None:
        extras.setdefault(start, clean_label(dict(items)[start].text))
    value = roles.get("value")
    if (
        value is None
    ):  # an unknown header after the name (指标值/备注, 预期): the value column of every layout
        value = min(
            (
                col
                for col in extras
                if col > name
                and col not in (roles.get("comparator"), roles.get("weight"))
                and not vocab.is_actuals_header(extras[col])
            ),
            default=None,
        )
        if value is not None:
            extras.pop(value)
    return IndicatorColumns(
        name=name,
        level1=roles.get("level1"),
        level2=roles.get("level2") if "name" in roles else None,
        value=value,
        unit=roles.get("unit"),
        comparator=roles.get("comparator"),
        weight=roles.get("weight"),
        written=written,
        value_in_name=value_in_name and roles.get("value") is None and value is None,
        tree_level=roles.get("tree_level"),
        start=start,
        extras=extras,
    )


def _blank_name(row: list[Cell] | None, cols: IndicatorColumns) -> Cell | None:
    """The row's name cell when it was left blank (its own cell, not a merged copy), or None."""
    if row is None or cols.name >= len(row):
        return None
    cell = row[cols.name]
    return cell if cell.empty and not cell.merged else None


def _value_from_name(fields: RowFields) -> RowFields:
    """The name and value of a name cell headed as holding both (``新建管网长度：≥15公里`` under 三级指标及指标值)."""
    assert fields.name is not None
    split = split_name_value(fields.name.text)
    if split is None:
        return fields
    cell = fields.name
    name, value = (Cell(part, cell.pos, cell.origin, cell.merged) for part in split)
    out = RowFields(fields.level1, fields.level2, name, value, fields.unit)
    out.extras.update(fields.extras)
    return out


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


_DEPTHS = {"1": 1, "2": 2, "3": 3, "一级": 1, "二级": 2, "三级": 3, "一": 1, "二": 2, "三": 3}


def _depth(cell: Cell | None) -> int | None:
    """The depth a 指标层级 cell says (``1``, ``二级``), or None."""
    return _DEPTHS.get(label_key(cell.text)) if cell is not None else None


def _named_levels(fields: RowFields) -> tuple[str, str]:
    """The levels of a row of a flat list (no level columns), where its name says it: a satisfaction indicator is
    a 满意度指标 (``群众满意度``); any other is left without levels, not guessed."""
    name = label_key(fields.name.text) if fields.name is not None else ""
    return ("满意度指标", "") if ("满意度" in name or "满意率" in name) else ("", "")


# A row of one cell heading a group of indicators: 任务一：公共文化服务, 项目2、校舍维修, 活动（三）送戏下乡,
# 职责一：组织实施基本公共卫生服务 (a department form grouped by its duties).
_GROUP_HEADING = re.compile(
    r"^(?P<word>重点任务|工作任务|任务|子项目|项目|活动|部门职责|职责|职能)\s*+"
    r"(?:[（(][一二三四五六七八九十百\d]{1,4}[)）]\s*+[：:、.．]?|[一二三四五六七八九十百\d]{1,4}\s*+[：:、.．])\s*+"
    r"(?P<name>\S.{0,60})$"
)


_SECTION_NUMBER = re.compile(rf"^{SECTION_NUMBER}\s*+\S")


def _joined(above: Cell, below: Cell | None) -> Cell:
    """A cell of the row above with the text of the same cell in a continuation row (its wrapped line): run on,
    with a blank only between two Latin letters or digits."""
    if below is None or below.empty:
        return above
    head, tail = above.text.rstrip(), below.text.lstrip()
    blank = (
        " "
        if head[-1:].isascii() and head[-1:].isalnum() and tail[:1].isascii() and tail[:1].isalnum()
        else ""
    )
    return Cell(f"{head}{blank}{tail}", above.pos, above.origin, above.merged)


def _is_fragment(fields: RowFields) -> bool:
    """A row left by a cut: a name of one character and no value (「效」), never an indicator."""
    if fields.value is not None and not fields.value.empty:
        return False
    return fields.name is not None and len(clean_text(fields.name.text)) <= 1


class IndicatorReader:
    """Reads indicator rows into a list (``out``), keeping the level names in force between rows; repairs go to the
    :class:`Draft`."""

    def __init__(
        self,
        draft: Draft,
        cols: IndicatorColumns,
        out: list[Indicator],
        long_out: list[Indicator] | None = None,
        *,
        levels_on_every_row: bool = False,
    ) -> None:
        self.draft = draft
        self.cols = cols
        self.out = out
        self.long_out = (
            long_out  # where the 实施周期 values of coded cells go (None: a form; they are kept in info)
        )
        self.carry = Carry()
        self.group: tuple[str, str] | None = None  # the group heading in force (任务, 公共文化服务)
        self._last: tuple[RowFields, str, str, Cell] | None = None  # the last indicator read, as its row
        self._page: int | None = None  # the page of the last row read (PDF)
        # a header printed again was just passed (a page break in any format: a converter's table per page)
        self.after_break = False
        self._activity = ""  # the activity (or duty) of the rows above, for a row whose cell is blank
        self._tree: tuple[str, str] = ("", "")  # the levels the rows of depth 1 and 2 above named (指标层级)
        # rows with a value that print the level-1 of the valued row before them again, and such rows that take
        # it from above (_join_wrapped_row); ``levels_on_every_row``: the caller saw the whole table do the first
        self._levels_repeated = 1 if levels_on_every_row else 0
        self._levels_carried = 0
        self._valued_level1: str | None = None

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
            self.carry.level1_cell, self.carry.level2_cell = l1_cell, None
        if l2_cell is not None:
            self.carry.level2 = vocab.level2_name(l2_cell.text) or clean_text(l2_cell.text)
            self.carry.level2_cell = l2_cell

    def _levels(self, fields: RowFields, anchor: Cell) -> tuple[str, str]:
        """Level-1 and level-2 of a row: as printed, inferred from the level-2, or carried down."""
        carry, draft = self.carry, self.draft
        l1_cell, l2_cell = fields.level1, fields.level2
        level1 = level2 = ""
        reason = ""
        printed1: Cell | None = None  # the cell the row's level-1 was printed in, when it was
        if l1_cell is not None:
            draft.scores.level1(l1_cell)
            if vocab.level1_name(l1_cell.text):
                level1 = vocab.level1_name(l1_cell.text) or ""
                printed1 = l1_cell
            elif vocab.level2_name(l1_cell.text):
                l2_cell = l2_cell or l1_cell
                reason = "level2-in-level1-column"
            else:
                level1 = clean_text(l1_cell.text)
                printed1 = l1_cell
        if l2_cell is not None:
            level2 = vocab.level2_name(l2_cell.text) or clean_text(l2_cell.text)
        if not level1:
            parent = vocab.level1_of(level2) if l2_cell is not None else None
            if parent and (reason or not (carry.level1 and vocab.may_sit_under(level2, carry.level1))):
                level1 = parent
                reason = reason or ("level1-mismatch" if carry.level1 else "level1-missing")
                draft.repair(
                    "level1-inferred",
                    l1_cell or l2_cell or anchor,
                    level1=parent,
                    level2=level2,
                    reason=reason,
                )
                carry.warned_level1 = False
            else:
                level1 = carry.level1
                printed1 = carry.level1_cell
                if level1 and not carry.warned_level1:
                    draft.repair("carried-down", anchor, level="level1", value=level1)
                carry.warned_level1 = True
        else:
            carry.warned_level1 = False
        printed2 = l2_cell if level2 else None
        if not level2:
            level2 = carry.level2 if level1 == carry.level1 else ""
            printed2 = carry.level2_cell if level2 else None
            if level2 and not carry.warned_level2:
                draft.repair("carried-down", anchor, level="level2", value=level2)
            carry.warned_level2 = True
        else:
            carry.warned_level2 = False
        carry.level1, carry.level2 = level1, level2
        carry.level1_cell, carry.level2_cell = printed1, printed2
        return level1, level2

    def read(self, items: Items, row: list[Cell] | None = None) -> None:
        """Read a row, given as its distinct non-empty cells; ``row``, the row itself, says where a name left blank
        stands (an indicator without a name is located at its blank name cell)."""
        cells = dict(items)
        if not cells:
            return
        # the row's cells in the table (a row label merged down its left margin, 绩效指标, is not the row's)
        inner = [(col, cell) for col, cell in items if col >= self.cols.first] or items
        if len(inner) == 1 and (group := _GROUP_HEADING.match(clean_text(inner[0][1].text))):
            # 任务一：公共文化服务 over the indicators that follow
            self.group = (group["word"], group["name"])
            return
        if len(items) == 1 and self._section_heading(*items[0]):
            return
        if _total_row(items):
            return
        fields = positional(cells, self.cols)
        if self.cols.value_in_name and fields.name is not None and fields.value is None:
            fields = _value_from_name(fields)
        depth = _depth(cells.get(self.cols.tree_level)) if self.cols.tree_level is not None else None
        if depth is not None and self._tree_row(depth, fields):
            return
        if depth is None and needs_realign(cells, self.cols, fields):
            before = fields
            fields = realign(cells, self.cols, self.carry)
            if fields != before:
                moved = [
                    name
                    for name in ("level1", "level2", "name", "value")
                    if getattr(fields, name) is not getattr(before, name) and getattr(fields, name)
                ]
                anchor = fields.name or fields.value or next(iter(cells.values()))
                self.draft.repair("realigned-row", anchor, fields=",".join(moved) or "-")
        blank = _blank_name(row, self.cols) if fields.value is not None and not fields.value.empty else None
        found = fields.name or blank or fields.value or fields.level2 or fields.level1
        anchor = found or next(iter(cells.values()))
        page, self._page = self._page, anchor.origin.page
        first_on_page = (page is not None and anchor.origin.page == page + 1) or self.after_break
        self.after_break = False
        if first_on_page and self._join_split_row(fields, anchor):
            return
        if self._join_wrapped_row(fields, anchor):
            return
        if self.cols.written and fields.name is not None and self._written(fields):
            return
        if (
            self.cols.tree_level is not None
            and (depth := _depth(cells.get(self.cols.tree_level))) is not None
        ):
            if self._tree_row(depth, fields):
                return
            level1, level2 = self._tree
        else:
            level1, level2 = self._levels(fields, anchor) if not self.cols.flat else _named_levels(fields)
        if fields.name is None and fields.value is None:
            return
        if _is_fragment(fields):
            self.draft.repair("fragment-dropped", anchor, text=clean_text(anchor.text))
            return
        self.out.append(self._indicator(fields, level1, level2, anchor))
        self._last = (fields, level1, level2, anchor)
        if fields.value is not None and not fields.value.empty:
            if fields.level1 is None:
                self._levels_carried += 1
            elif level1 == self._valued_level1:
                self._levels_repeated += 1
            self._valued_level1 = level1

    def _tree_row(self, depth: int, fields: RowFields) -> bool:
        """**A tree written as a flat list** (指标层级 1/2/3, a budget system's export): a row of depth 1 or 2 names
        the level-1 or level-2 of the rows under it and is no indicator (True); a row of depth 3 is one (False)."""
        name = clean_text(fields.name.text) if fields.name is not None else ""
        if depth == 1:
            self._tree = (vocab.level1_name(name) or name, "")
            return True
        if depth == 2:
            self._tree = (self._tree[0], vocab.level2_name(name) or name)
            return True
        return False

    def _section_heading(self, col: int, cell: Cell) -> bool:
        """**A numbered section heading across the table** (``二、项目支出绩效目标``, ``（一）农村饮水安全巩固提升``,
        a county's one long table of forms): one cell in the table's first column, numbered as a section, no level
        name; in a table with level columns (in a flat list the first column is the name's: such a row is an
        indicator without value there)."""
        if self.cols.flat or col != self.cols.first:
            return False
        text = clean_text(cell.text)
        return _SECTION_NUMBER.match(text) is not None and not is_level(text)

    def _join_split_row(self, fields: RowFields, anchor: Cell) -> bool:
        """The first row of a PDF page that is the rest of the last row of the page before (**a row split by the
        page break**: Word lets a row break across pages by default, and the part below the break is drawn as a
        row of its own): it prints no level of its own, and of the name and the value it holds one only, where the
        row above holds both. Its text is joined to that row, and the join recorded (P003: a row whose value is
        really missing at the top of a page reads the same way). True when the row was joined."""
        if fields.level1 or fields.level2:
            return False
        has_name = fields.name is not None and not fields.name.empty
        has_value = fields.value is not None and not fields.value.empty
        if has_name == has_value:
            return False
        missing = "value" if has_name else "name"
        if (
            anchor.origin.page is None
        ):  # a converter's table per page: the header printed again says the break
            return self._join(fields, anchor, "table-split-row", missing=missing)
        return self._join(fields, anchor, "page-split-row", page=str(anchor.origin.page), missing=missing)

    def _join_wrapped_row(self, fields: RowFields, anchor: Cell) -> bool:
        """**A wrapped line read as a row** (tabula, camelot and other PDF-to-CSV converters write each line of a
        wrapped cell as a row of its own): in a table that prints the level-1 on every row with a value, even the
        level-1 of the row before (once at least; no valued row without), a row that prints neither, and whose
        text stands only in columns the row above fills (``,,,度指标,生服务满意度,`` under ``,,满意度指标,服务对象
        满意,城乡居民对基本公共卫,≥85%``) is the rest of that row. Its text is joined to it (P003). Where merged
        levels were flattened to blanks, or a level is printed only where it changes (a table perftable rendered),
        the same row is an indicator without a value, and is read so. True when the row was joined."""
        if fields.level1 is not None or self.cols.level1 is None:
            return False
        if not self._levels_repeated or self._levels_carried:
            return False
        if fields.value is not None and not fields.value.empty:
            return False
        return self._join(fields, anchor, "wrapped-row")

    def _join(self, fields: RowFields, anchor: Cell, kind: str, **params: str) -> bool:
        """Join a continuation row's cells to the indicator read from the row above (each to the same cell; the
        level-2 is read again from its joined text), recording a ``kind`` repair; False when the row above is no
        indicator with a value, or the row has text where the row above has none."""
        last = self._last
        if last is None or self.out[-1].location != last[3].location():
            return False
        above, level1, level2, above_anchor = last
        if above.name is None or above.value is None or above.value.empty or fields.unit is not None:
            return False
        if any(h not in above.extras for h in fields.extras) or (fields.level2 and not above.level2):
            return False
        joined = RowFields(
            None,
            _joined(above.level2, fields.level2) if above.level2 is not None else None,
            _joined(above.name, fields.name),
            _joined(above.value, fields.value),
            above.unit,
        )
        joined.extras.update({h: _joined(c, fields.extras.get(h)) for h, c in above.extras.items()})
        if fields.level2 is not None and joined.level2 is not None:
            level2 = vocab.level2_name(joined.level2.text) or clean_text(joined.level2.text)
        self.out[-1] = self._indicator(joined, level1, level2, above_anchor)
        self._last = (joined, level1, level2, above_anchor)
        self.carry.level2 = level2
        self.draft.repair(kind, anchor, text=clean_text(anchor.text), **params)
        return True

    def _written(self, fields: RowFields) -> bool:
        """A name cell that holds the levels too: numbered coded prose (several indicators), or the levels run
        together before the name. True when the row was read so."""
        assert fields.name is not None
        cell = fields.name
        if looks_coded(cell.text):
            items, unread = read_coded(cell.text)
            for item in items:
                self.out.append(self._coded(item, item.annual, cell, fields))
                if self.long_out is not None and item.overall:
                    self.long_out.append(self._coded(item, item.overall, cell, fields))
            for part in unread:
                self.draft.repair("indicator-unread", cell, text=part[:60])
            if any(item.level1 or item.level2 for item in items):
                self.draft.indicator_layout = "tree"
            return bool(items or unread)
        split = split_levels(cell.text)
        if split is None:
            return False
        level1, level2, name = split
        self.carry.level1, self.carry.level2 = level1, level2
        self.carry.level1_cell = self.carry.level2_cell = cell  # printed in the name's cell
        self.draft.indicator_layout = "tree"
        named = RowFields(
            None, None, Cell(name, cell.pos, cell.origin, cell.merged), fields.value, fields.unit
        )
        named.extras.update(fields.extras)
        self.out.append(self._indicator(named, level1, level2, cell))
        return True

    def _coded(self, item: CodedIndicator, value: str, cell: Cell, fields: RowFields) -> Indicator:
        row = RowFields(
            None, None, Cell(item.name, cell.pos, cell.origin, True), Cell(value, cell.pos, cell.origin, True)
        )
        row.extras.update(fields.extras)
        return self._indicator(row, item.level1, item.level2, cell)

    def _indicator(self, fields: RowFields, level1: str, level2: str, anchor: Cell) -> Indicator:
        draft = self.draft
        name = draft.text_of(fields.name) if fields.name else ""
        value = draft.text_of(fields.value) if fields.value else ""
        info = {header: draft.text_of(cell) for header, cell in fields.extras.items()}
        if self.group is not None:
            info.setdefault(*self.group)
        if self.cols.start is not None and (activity := self.cols.extras.get(self.cols.start)):
            # the activity (or duty) column merged down over its indicators, flattened to blanks: carried down
            if info.get(activity):
                self._activity = info[activity]
            elif self._activity:
                info[activity] = self._activity
        unit = None
        if fields.unit is not None and not fields.unit.empty:
            unit = normalise_unit(clean_text(fields.unit.text), money_context=money_context(name))
            info_unit = clean_label(fields.unit.text)
            if info_unit and not unit:
                unit = info_unit
        unit = unit or unit_in_name(name)
        unit_text = clean_text(fields.unit.text) if fields.unit is not None else None
        target = parse_printed_target(value, unit_text, year=draft.year, money=money_context(name))
        source: ComparatorSource | None = "value" if target.comparator is not None else None
        if target.comparator is None and target.number is not None:
            for _, text in self._comparator_cells(info):
                comparator = parse_comparator(text)
                if comparator:
                    target = target.model_copy(update={"comparator": comparator})
                    source = "column"
                    break
        return Indicator(
            level1=level1,
            level2=level2,
            name=name,
            value=value,
            unit=unit,
            target=target,
            comparator_source=source,
            weight=self._weight(info),
            info=info,
            location=anchor.location(),
            level_locations=self._level_locations(level1, level2),
        )

    def _level_locations(self, level1: str, level2: str) -> dict[LevelKey, Location]:
        """Where the row's level names were printed: the cells in force for them (see :class:`Carry`)."""
        carry = self.carry
        found: dict[LevelKey, Location] = {}
        if level1 and carry.level1 == level1 and carry.level1_cell is not None:
            found["level1"] = carry.level1_cell.location()
        if level2 and carry.level2 == level2 and carry.level2_cell is not None:
            found["level2"] = carry.level2_cell.location()
        return found

    def _comparator_cells(self, info: dict[str, str]) -> list[tuple[str, str]]:
        """The cells that may print the comparator: the comparator column first, then every column whose header
        says so (指标值类型, 符号, 运算, 方向, 性质), in their order: 指标性质 may say 定量 where 计算符号 says ≥."""
        own = self.cols.extras.get(self.cols.comparator) if self.cols.comparator is not None else None
        first = [(own, info[own])] if own is not None and own in info else []
        return first + [
            (header, text)
            for header, text in info.items()
            if header != own and any(w in header for w in COMPARATOR_COLUMNS)
        ]

    def _weight(self, info: dict[str, str]) -> Decimal | None:
        header = self.cols.extras.get(self.cols.weight) if self.cols.weight is not None else None
        if header is None or header not in info:
            return None
        try:
            parsed = parse_amount(info[header].rstrip("%％分"))
        except AmountError:
            return None
        return parsed[0] if parsed else None
