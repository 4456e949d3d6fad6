"""Project listings: one table that holds many projects, each of which becomes its own project
:class:`~perftable.model.Document`.

The family: 预算表12 项目支出绩效目标表 (Beijing: 项目名称 | 项目总额 | 其中: 财政资金 | 其他资金 | 绩效目标 | 一级指标 |
二级指标 | 三级指标 | 绩效指标性质 | 本年绩效指标值 | 绩效度量单位), 项目支出绩效目标表（含转移支付项目） (Guangzhou:
indicators as numbered prose in one cell, a 合计 row and a subtotal row per spending unit), 重点项目绩效目标情况 and
表11 项目支出绩效表 (Guangdong, Shenzhen, Zhejiang: 项目 | 预算数 | 绩效目标, no indicators), 表十二 一般性项目绩效目标表
(Chongqing: 序号 | 项目名称 | 当年财政拨款预算金额 | 当年绩效目标 | 指标名称 | 指标性质 | 指标值 | 计量单位 | 指标权重).

Reading one:

1. **Header** (:func:`listing_header`): a row whose cells are column headers (:mod:`perftable.vocab.columns`), with
   a project column and a goal or indicator column; the rows under it that only name columns (``其中:`` →
   ``财政资金 | 其他资金``) belong to it. Each column gets its role from its lowest header cell. Goals and values
   for two periods side by side (实施期绩效目标 | 年度绩效目标, 实施期指标值 | 年度指标值) are told apart by their
   headers, as a form's are (:mod:`perftable.extract.periods`): the annual ones are the project's.
2. **Blocks**: a project's cells (name, amounts, goal) are merged down over its indicator rows. A block starts
   where the name cell starts (a new merged area; in a flattened table, a filled cell), or where an amount or goal
   cell starts under a name that goes on (one name over several funded parts: each part is a project). In a flat
   export the project cells are printed again on every row: a row that repeats them all goes on with the block.
   Rows that lost the cells a merged cell covered (a converter that writes no cell there) are moved right first
   (:func:`_aligned`).
3. **Page breaks**: a block cut by a page break is printed in two parts; the second starts the next page (or, in a
   sheet, follows the header copied in where a printed page would start). The two are one project when the second
   has no name (a cut cell), when the first has none (its name is printed on the next page), or when both print
   the same name and amounts; a part may mark its name as going on (``…（续）``). Other parts on one page never
   join (a code may stand for several projects). A page printed as a table of its own is a table that continues
   the listing: its first project goes on with the last one before when it is that one printed again.
4. **Rows that are not projects**: a 合计/总计/小计 row, a ``**`` placeholder, a spending unit's heading (a name with
   no amount, goal or indicator) or subtotal (its amount is the sum of the projects under it, up to the next
   one): the unit names the projects after it (``资金使用单位``).
5. **Each project**: its name (a code glued in front, ``11000022T000000424331-财务业务咨询服务``, goes to
   ``info["项目编码"]``), amounts as budget lines, goal (or coded indicators written in the goal cell), and its
   indicator rows, read by the form's indicator reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from difflib import SequenceMatcher
from itertools import pairwise

from perftable import vocab
from perftable.extract.columns import IndicatorColumns
from perftable.extract.draft import Draft, IndicatorGroup, distinct
from perftable.extract.goals import read_goals
from perftable.extract.indicators import IndicatorReader, indicator_header
from perftable.extract.periods import table_header
from perftable.extract.written import looks_coded
from perftable.grid import Cell, Table, TextLine
from perftable.model import BudgetLine, IndicatorLayout
from perftable.values.cleaning import clean_label, clean_text, label_key
from perftable.values.numbers import AmountError, MoneyUnit, parse_amount
from perftable.values.patterns import CONTINUED

MAX_HEADER_ROW = 8  # rows from the top of a table within which a listing's header is looked for
HEADER_SHARE = 0.6  # of a header row's cells, at least this share name a column
_PROJECT_ROLES = frozenset(
    {"seq", "project", "code", "spending_unit", "amount", "goal", "long_goal", "budget_year"}
)
_TOTAL_NAMES = frozenset({"合计", "总计", "小计", "合计数", "总合计"})
_PLACEHOLDERS = frozenset({"**", "*", "***", "-", "—", "--", "/", "无"})
# A project code glued in front of the name: 11000022T000000424331-财务业务咨询服务 (letters and digits, ten or more).
_CODE = re.compile(r"^(?P<code>[0-9A-Z]{10,40})\s*[-—－_]?\s*(?=\S)")
SAME_TEXT = (
    0.8  # of the shorter of two names, the share that must appear in the other for them to be one cut name
)
_SUM_TOLERANCE = Decimal("0.05")  # per project: rounding in a subtotal printed to two decimals


@dataclass(frozen=True, slots=True)
class ListingColumn:
    """One column of a listing: its role, its printed header and, for an amount, the budget key it fills."""

    index: int
    role: str
    label: str
    key: str | None = None
    money: str | None = None


@dataclass
class ListingHeader:
    body: int  # index of the first row under the header
    columns: dict[int, ListingColumn]
    indicators: IndicatorColumns | None
    money: str | None = None
    # the columns of a long-term value printed beside the annual one (see _periods)
    long_indicators: IndicatorColumns | None = None
    texts: dict[int, set[str]] = field(default_factory=dict)  # the header cells' lookup keys, by column
    levels_on_every_row: bool = False  # every body row with a value prints its level-1 (see _wraps_name)
    top: int = 0  # index of the header's first row (the rows above it: a title, a unit line inside the table)

    def first(self, role: str) -> ListingColumn | None:
        return next((column for column in self.columns.values() if column.role == role), None)

    @property
    def project_columns(self) -> list[int]:
        return sorted(col for col, column in self.columns.items() if column.role in _PROJECT_ROLES)


def _row_roles(row: list[Cell]) -> list[tuple[int, Cell, vocab.Header]]:
    return [(col, cell, vocab.header(cell.text)) for col, cell in distinct(row)]


def _is_header_row(cells: list[tuple[int, Cell, vocab.Header]]) -> bool:
    roles = {head.role for _, _, head in cells if head.role}
    if "project" not in roles or not ({"goal", "level1", "level2", "name", "indicator"} & roles):
        return False
    named = sum(1 for _, _, head in cells if head.role)
    return named >= 3 and named >= HEADER_SHARE * len(cells)


def _is_sub_header(row: list[Cell]) -> bool:
    """A row under a header that only names columns (its own cells, not copies of merged header cells)."""
    own = [cell for cell in row if not cell.merged and not cell.empty]
    return bool(own) and all(
        vocab.header(cell.text).role is not None
        or vocab.budget_key(cell.text) is not None
        or vocab.bare_year(cell.text) is not None
        for cell in own
    )


def listing_header(table: Table) -> ListingHeader | None:
    """The header of a project listing, or None when the table is not one."""
    for index, row in enumerate(table.rows[:MAX_HEADER_ROW]):
        cells = _row_roles(row)
        if not _is_header_row(cells):
            continue
        body = index + 1
        while body < len(table.rows) and _is_sub_header(table.rows[body]):
            body += 1
        header = _header(table.rows[index:body], body)
        header.top = index
        header.levels_on_every_row = _levels_on_every_row(
            _aligned(table.rows[body:], header), header.indicators
        )
        # a project column named over by a row under it (项目名称 over 一级指标) leaves no project column: no listing
        return header if header.project_columns else None
    return None


def _header(rows: list[list[Cell]], body: int) -> ListingHeader:
    width = max(len(row) for row in rows)
    columns: dict[int, ListingColumn] = {}
    labels: dict[int, str] = {}
    money: str | None = None
    for col in range(width):
        role = label = None
        for row in rows:
            if col >= len(row) or row[col].empty:
                continue
            head = vocab.header(row[col].text)
            money = money or head.money
            if head.role or vocab.budget_key(row[col].text):
                role, label = head.role or "amount", clean_label(row[col].text)
        if role is not None and label is not None:
            labels[col] = label
            columns[col] = ListingColumn(col, role, label, money=vocab.header(label).money)
    for col in _other_years(rows, width):
        columns.pop(col, None)
        labels.pop(col, None)
    _long_goal(columns)
    # one column per role for the project's own cells (a header merged over two columns names one of them)
    seen: set[str] = set()
    for col in sorted(columns):
        role = columns[col].role
        if role in _PROJECT_ROLES - {"amount"}:
            if role in seen:
                del columns[col]
            seen.add(role)
    _amount_keys(columns)
    indicator_items = [(col, Cell(labels[col], rows[0][0].pos, rows[0][0].origin)) for col in sorted(labels)
                       if columns.get(col) is None or columns[col].role not in _PROJECT_ROLES]  # fmt: skip
    indicators = indicator_header(indicator_items) if indicator_items else None
    long_indicators = None
    if indicators is not None and (periods := _periods(indicator_items)) is not None:
        indicators, long_indicators = periods
    written = [col for col, column in columns.items() if column.role == "indicator"]
    if indicators is None and written:  # one column of indicators written whole (numbered prose)
        indicators = IndicatorColumns(name=written[0], written=True)
    texts: dict[int, set[str]] = {}
    for row in rows:
        for col, cell in enumerate(row):
            if not cell.empty:
                texts.setdefault(col, set()).add(label_key(cell.text))
    return ListingHeader(body, columns, indicators, money, long_indicators, texts)


def _other_years(rows: list[list[Cell]], width: int) -> list[int]:
    """**A group printed for several years** (项目资金 over ``2026年 | 2027年 | 2028年``, 指标值 over the same, a
    rolling plan): the columns whose sub-header is a year other than the table's. The table's year is the one its
    other header cells name (``2026年度绩效目标``), else the earliest of the sub-headers (a rolling plan starts at
    its budget year). Those columns are set aside: they hold other years' money and targets, not the table's."""
    years: dict[int, int] = {}
    named: set[int] = set()
    for row in rows:
        for col in range(min(width, len(row))):
            cell = row[col]
            if cell.empty:
                continue
            if (year := vocab.bare_year(cell.text)) is not None:
                years[col] = year
            elif (year := vocab.normalise_header(cell.text).year) is not None:
                named.add(year)
    if len(set(years.values())) < 2:
        return []
    table_year = named.pop() if len(named) == 1 else min(years.values())
    return [col for col, year in years.items() if year != table_year]


def _long_goal(columns: dict[int, ListingColumn]) -> None:
    """**Goals for two periods** (实施期绩效目标 | 年度绩效目标, 中期目标 | 年度目标): the annual one is the project's
    goal, the one whose header says a longer period is kept under its label, as a form keeps it."""
    goals = [col for col in sorted(columns) if columns[col].role == "goal"]
    long = [col for col in goals if vocab.header(columns[col].label).period == "long"]
    if long and len(long) < len(goals):
        for col in long:
            columns[col] = replace(columns[col], role="long_goal")


def _periods(items: list[tuple[int, Cell]]) -> tuple[IndicatorColumns, IndicatorColumns] | None:
    """**Values for two periods side by side** (… | 实施期指标值 | 年度指标值, the columns of
    :mod:`perftable.extract.periods`): the annual group's columns and the long-term group's, when their headers say
    which is the long one; None otherwise (the first value column is then the value)."""
    found = table_header(items, [])
    if found is None or len(found.labels) != 2 or found.labels.count("long") != 1:
        return None
    long = found.labels.index("long")
    if found.labels[1 - long] not in (None, "annual"):
        return None
    return found.groups[1 - long], found.groups[long]


def _amount_keys(columns: dict[int, ListingColumn]) -> None:
    """Budget keys of the amount columns: the first is the project's total (unless it says it is a part), the
    others what their labels say (财政资金, 其他资金 …)."""
    amounts = [col for col in sorted(columns) if columns[col].role == "amount"]
    for position, col in enumerate(amounts):
        column = columns[col]
        key = vocab.budget_key(column.label)
        if position == 0 and (key in (None, "total", "annual_total") or len(amounts) == 1):
            key = "total"
        columns[col] = ListingColumn(col, "amount", column.label, key or "source", column.money)


# --- blocks ---------------------------------------------------------------------------------------------------


@dataclass
class _Block:
    rows: list[list[Cell]] = field(default_factory=list)
    inherited: Cell | None = None  # the name cell of the part before, for a part whose name cell is empty
    after_header: bool = False  # the block starts under a header printed again (a page's top, in any format)

    @property
    def first_page(self) -> int | None:
        return self.rows[0][0].origin.page

    @property
    def last_page(self) -> int | None:
        return self.rows[-1][0].origin.page

    def parts(self, col: int | None) -> list[Cell]:
        """The distinct filled cells of a column in the block: one, or one per page a cut cell is printed on."""
        if col is None:
            return []
        out: list[Cell] = []
        for row in self.rows:
            cell = row[col] if col < len(row) else None
            if (
                cell is not None
                and not cell.empty
                and not any(c.pos == cell.pos and c.origin is cell.origin for c in out)
            ):
                out.append(cell)
        return out

    def text(self, col: int | None) -> str:
        """A column's text in the block. A cell cut by a page break is printed in parts: each part in full, some
        of it hidden (the longest is the text), or each with its share (the parts are joined). A part may say that
        it goes on from the page before (``城乡医疗救助资金（续）``): the mark is no part of the text."""
        parts = [clean_text(cell.text) for cell in self.parts(col)]
        if not parts:
            return ""
        if len(parts) > 1:
            parts = [without_mark(part) for part in parts]
        longest = max(parts, key=len)
        if all(label_key(part) in label_key(longest) or _alike(part, longest) for part in parts):
            return longest
        return "".join(parts)

    def cell(self, col: int | None) -> Cell | None:
        parts = self.parts(col)
        return parts[0] if parts else None


def _starts(row: list[Cell], above: list[Cell] | None, header: ListingHeader, spans: bool) -> bool:
    """True when a row starts a new block (see the module docstring)."""
    if above is None:
        return True
    name = header.first("project")
    name_col = name.index if name is not None else header.project_columns[0]
    cell = row[name_col]
    if not spans and _repeats_project(row, above, header):
        return False
    if spans:
        if not cell.merged and (cell.pos != above[name_col].pos or cell.origin is not above[name_col].origin):
            return True
    elif not cell.empty:
        return True
    for col in header.project_columns:
        if col == name_col or header.columns[col].role not in ("amount", "goal"):
            continue
        part = row[col]
        if part.empty:
            continue
        if spans and not part.merged and (part.pos != above[col].pos or part.origin is not above[col].origin):
            return True
        if not spans:
            return True
    return False


def _repeats_project(row: list[Cell], above: list[Cell], header: ListingHeader) -> bool:
    """**Project cells repeated on every row**: a flat export (一体化 system sheets, a converter that copies a
    merged cell into each row it covered) prints the project's name, amounts and goal again on each of its indicator
    rows. A row whose project cells all say what the row above's say goes on with its project; a serial number
    (numbering the rows, not the projects) is not compared."""
    cols = [col for col in header.project_columns if header.columns[col].role != "seq"]
    if not any(not row[col].empty for col in cols):
        return False
    return all(label_key(row[col].text) == label_key(above[col].text) for col in cols)


def _levels_on_every_row(body: list[list[Cell]], cols: IndicatorColumns | None) -> bool:
    """True when every row of the table with an indicator value prints its level-1 (none flattened to a blank),
    the same one again on a row after it at least once (a table that prints a level only where it changes says
    nothing)."""
    if cols is None or cols.level1 is None or cols.value is None:
        return False
    width = max(cols.value, cols.level1)
    levels = [
        label_key(row[cols.level1].text) for row in body if len(row) > width and not row[cols.value].empty
    ]
    # printed on every valued row, and printed again where it did not change (not only where it changes)
    return all(levels) and any(a == b for a, b in pairwise(levels))


def _wraps_name(row: list[Cell], first: list[Cell], header: ListingHeader) -> bool:
    """**A project name wrapped onto a row of its own** (a PDF-to-CSV converter writes each line of a wrapped cell
    as a row): right under a project's first row (its name with an amount or goal), a row that prints only more of
    the name, with no amount, goal, level-1 or value of its own, in a table that prints the level-1 on every
    indicator row (so the row is no indicator of the project's)."""
    name = header.first("project")
    if name is None or row[name.index].empty or not header.levels_on_every_row:
        return False
    cols = header.indicators
    assert cols is not None  # levels_on_every_row says so
    others = [c for c in header.project_columns if c != name.index and header.columns[c].role != "seq"]
    if any(not row[c].empty for c in others) or not any(not first[c].empty for c in others):
        return False
    return all(c is None or row[c].empty for c in (cols.level1, cols.value))


def _is_repeated_header(row: list[Cell], header: ListingHeader) -> bool:
    """A header printed again (at the top of a page): most of its cells say what the header's say in their
    columns (a cut cell's text drawn into one of them does not hide it)."""
    cells = [(col, cell) for col, cell in distinct(row)]
    same = sum(
        1 for col, cell in cells if header.texts.get(col) and label_key(cell.text) in header.texts[col]
    )
    return same >= max(2, (len(cells) + 1) // 2)


# --- rows that lost the cells a merged cell covered -------------------------------------------------------------


def _own_width(row: list[Cell]) -> int:
    """How many cells a row was printed with: a short row is padded on the right with empty cells that repeat the
    position of its last cell (:meth:`~perftable.grid.Table.squared`)."""
    width = len(row)
    while width > 1 and _pads(row[width - 1], row[width - 2]):
        width -= 1
    return width


def _pads(cell: Cell, before: Cell) -> bool:
    return cell.empty and not cell.merged and cell.pos == before.pos and cell.origin is before.origin


def _reads_shifted(row: list[Cell], width: int, header: ListingHeader) -> bool:
    """A short row, read from the left, puts an indicator's cells in the project's columns: a level name in the
    name column, or text that is no amount in an amount column."""
    name = header.first("project")
    if name is not None and name.index < width:
        text = row[name.index].text
        if vocab.level1_name(text) or vocab.level2_name(text):
            return True
    return any(
        column.role == "amount"
        and column.index < width
        and not (cell := row[column.index]).empty
        and cell.text.strip() not in _PLACEHOLDERS
        and _amount(cell.text) is None
        for column in header.columns.values()
    )


def _aligned(rows: list[list[Cell]], header: ListingHeader) -> list[list[Cell]]:
    """**Rows that lost the cells a merged cell covered** (markdownify and other HTML-to-markdown converters write
    no cell for a place a rowspan covers): a project's rows after its first hold only their rightmost cells, and
    padded on the right they put a level name or an indicator's value in the project's name or amount column, so
    each reads as a project of its own. When at least half the short rows (of two cells or more; a 合计 row is
    its own) read so, every short row is moved right, under the columns it was printed in, and the columns it lost
    stay empty (filled from above as flattened merged cells are). A table whose short rows stop after their last
    filled cell reads as printed."""
    width = max((len(row) for row in rows), default=0)
    name = header.first("project")
    short = [
        (index, own)
        for index, row in enumerate(rows)
        if 2 <= (own := _own_width(row)) < width
        and not (name is not None and label_key(row[name.index].text) in _TOTAL_NAMES)
    ]
    shifted = sum(1 for index, own in short if _reads_shifted(rows[index], own, header))
    if not shifted or 2 * shifted < len(short):
        return rows
    out = list(rows)
    for index, own in short:
        row = rows[index]
        out[index] = [Cell("", row[0].pos, row[0].origin)] * (width - own) + row[:own]
    return out


def _blocks(table: Table, header: ListingHeader) -> list[_Block]:
    body = [row for row in table.rows[header.body :] if any(not cell.empty for cell in row)]
    width = table.width
    body = [row + [Cell("", row[-1].pos, row[-1].origin)] * (width - len(row)) for row in body]
    body = _aligned(body, header)
    spans = any(row[col].merged for row in body for col in header.project_columns)
    blocks: list[_Block] = []
    above: list[Cell] | None = None
    cut = False  # a header printed again was just passed
    for row in body:
        filled = distinct(row)
        if filled and not filled[0][1].merged and vocab.is_footnote(filled[0][1].text):
            break  # 注：…, 填表人：… under the listing end it (their cells are no project's)
        if _is_repeated_header(row, header):
            above = None
            cut = True
            continue
        if (
            blocks
            and len(blocks[-1].rows) == 1
            and not spans
            and _wraps_name(row, blocks[-1].rows[0], header)
        ):
            blocks[-1].rows.append(row)  # the project's name goes on on a row of its own (a converter's wrap)
            above = row
            continue
        if _starts(row, above, header, spans) or not blocks:
            blocks.append(_Block(after_header=cut))
        blocks[-1].rows.append(row)
        above, cut = row, False
    return blocks


def _amounts(block: _Block, header: ListingHeader) -> list[Decimal | None]:
    out: list[Decimal | None] = []
    for column in header.columns.values():
        if column.role == "amount":
            out.append(_amount(block.text(column.index)))
    return out


def _amount(text: str) -> Decimal | None:
    try:
        parsed = parse_amount(text.replace("\n", ""))
    except AmountError:
        return None
    return parsed[0] if parsed else None


_MARK = re.compile(rf"^{CONTINUED}|{CONTINUED}$")


def without_mark(text: str) -> str:
    """A cut cell's part without the mark that says it goes on from the page before (``（续）``, ``(续表)``), before
    or after its text; a text that is only the mark stays as it is."""
    bare = _MARK.sub("", text.strip()).strip()
    return bare or text


def _fragment_of(short: str, long: str) -> bool:
    """True when one name is the other cut by a page break (its start or its end)."""
    short, long = label_key(short), label_key(long)
    return len(short) >= 2 and (long.startswith(short) or long.endswith(short))


def _alike(short: str, long: str) -> bool:
    """True when one text is the other cut at a page break, in part hidden (under a header printed again): all but
    a few of its characters appear in the other, in order."""
    short, long = label_key(short), label_key(long)
    if len(short) > len(long):
        short, long = long, short
    if len(short) < 2:
        return False
    matched = sum(
        block.size for block in SequenceMatcher(None, short, long, autojunk=False).get_matching_blocks()
    )
    return matched >= SAME_TEXT * len(short)


def _same_project(first: _Block, second: _Block, header: ListingHeader) -> bool:
    """True when ``second`` (starting a page) goes on with ``first`` (ending the page before): see step 3."""
    name = header.first("project")
    col = name.index if name is not None else None
    a, b = without_mark(first.text(col)), without_mark(second.text(col))
    amounts_a, amounts_b = _amounts(first, header), _amounts(second, header)
    if not b and not any(amounts_b):
        return True
    if not a and not any(amounts_a):
        return True
    goal = header.first("goal")
    if (
        a
        and not any(amounts_a)
        and not (goal and first.text(goal.index))
        and not _has_indicators(first, header)
    ):
        return False  # a spending unit's heading before the page break: its projects start after it
    same_amounts = all(x is None or y is None or x == y for x, y in zip(amounts_a, amounts_b, strict=True))
    if a and b and (label_key(a) == label_key(b) or _fragment_of(a, b) or _fragment_of(b, a)):
        return same_amounts
    # a name printed on one side of the cut only, or half hidden (under a header printed again): the same printed
    # amounts, names alike (and not two different codes) or one missing, and goals alike or one missing
    printed = [x for x in amounts_a if x is not None]
    if not printed or amounts_a != amounts_b:
        return False
    codes = (split_code(a)[0], split_code(b)[0])
    if codes[0] and codes[1] and codes[0] != codes[1]:
        return False
    goal = header.first("goal")
    goal_a, goal_b = (first.text(goal.index), second.text(goal.index)) if goal else ("", "")
    return (not (a and b) or _alike(a, b)) and (not (goal_a and goal_b) or _alike(goal_a, goal_b))


def _join_pages(blocks: list[_Block], header: ListingHeader) -> list[_Block]:
    out: list[_Block] = []
    for block in blocks:
        if out:
            last = out[-1]
            pages = (last.last_page, block.first_page)
            turned = pages[0] is not None and pages[1] is not None and pages[1] > pages[0]
            # a sheet has no pages: a header copied in (as at a printed page's top) cuts a project the same way
            if (turned or block.after_header) and _same_project(last, block, header):
                last.rows += block.rows
                continue
        out.append(block)
    return out


# --- rows that are not projects --------------------------------------------------------------------------------


def _has_indicators(block: _Block, header: ListingHeader) -> bool:
    cols = header.indicators
    if cols is None:
        return False
    own = [c for c in (cols.name, cols.value, cols.level1, cols.level2) if c is not None]
    return any(not row[c].empty for row in block.rows for c in own if c < len(row))


def _kinds(blocks: list[_Block], header: ListingHeader) -> list[str]:
    """What each block is: project, total, placeholder, unit (a spending unit's heading or subtotal) or orphan (rows
    with no project cells, going on with the project before)."""
    name = header.first("project")
    goal = header.first("goal")
    total = next((c for c in header.columns.values() if c.role == "amount"), None)
    # 合计 may sit in the name column, the 序号 column (name left blank) or the spending-unit column
    labels = [c.index for c in (header.first("seq"), header.first("spending_unit")) if c is not None]
    kinds: list[str] = []
    for block in blocks:
        text = block.text(name.index if name else None)
        key = label_key(text)
        amount = _amount(block.text(total.index)) if total else None
        has_goal = bool(block.text(goal.index)) if goal else False
        printed = [block.text(c).strip() for c in header.project_columns if block.text(c).strip()]
        if key in _TOTAL_NAMES or any(label_key(block.text(col)) in _TOTAL_NAMES for col in labels):
            kinds.append("total")
        elif printed and all(text in _PLACEHOLDERS for text in printed):
            kinds.append("placeholder")
        elif not key and amount is None and not has_goal:
            kinds.append("orphan" if _has_indicators(block, header) else "placeholder")
        elif key and not has_goal and not _has_indicators(block, header):
            kinds.append("unit?" if amount is not None else "unit")
        else:
            kinds.append("project")
    # a subtotal: its amount is the sum of the projects under it, up to the next unit or total
    for index, kind in enumerate(kinds):
        if kind != "unit?":
            continue
        amount = _amount(blocks[index].text(total.index)) if total else None
        parts: list[Decimal] = []
        for later, later_kind in zip(blocks[index + 1 :], kinds[index + 1 :], strict=True):
            if later_kind in ("unit", "unit?", "total"):
                break
            if later_kind == "project" and total is not None:
                parts.append(_amount(later.text(total.index)) or Decimal(0))
        close = amount is not None and parts and abs(sum(parts) - amount) <= _SUM_TOLERANCE * len(parts)
        kinds[index] = "unit" if close else "project"
    return kinds


# --- projects -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ListingContext:
    """What the file and the lines above the table say: title, year, department, money unit."""

    title: str | None = None
    title_cell: Cell | None = None
    year: int | None = None
    department: str | None = None
    money: str | None = None


def lines_above(table: Table, header: ListingHeader) -> list[TextLine]:
    """The rows of a table above its listing's header that hold one text (a sheet's title row merged across, a
    ``部门名称：…`` or ``单位：万元`` line), as text lines: they say what lines above a table say."""
    out: list[TextLine] = []
    for row in table.rows[: header.top]:
        cells = [cell for _, cell in distinct(row)]
        if len(cells) == 1:
            out.append(TextLine(cells[0].text.strip(), cells[0]))
    return out


def split_code(name: str) -> tuple[str | None, str]:
    """``11000022T000000424331-财务业务咨询服务`` -> (``11000022T000000424331``, ``财务业务咨询服务``)."""
    match = _CODE.match(name)
    if not match or not any(ch.isdigit() for ch in match["code"]):
        return None, name
    rest = name[match.end() :].strip()
    return (match["code"], rest) if rest else (None, name)


def read_listing(
    table: Table, header: ListingHeader, context: ListingContext, before: Draft | None = None
) -> list[Draft]:
    """The projects of a listing, in order, as drafts. ``before``: the last project of the listing table this one
    continues, to which the rows before this table's first project belong, and its first project when it is that
    one printed again (:func:`_goes_on`)."""
    blocks = _join_pages(_blocks(table, header), header)
    kinds = _kinds(blocks, header)
    drafts: list[Draft] = []
    if before is not None:
        for index, block in enumerate(blocks):
            if kinds[index] == "project" and _goes_on(before, block, header):
                kinds[index] = "orphan"
            if kinds[index] != "orphan":
                break
            _read_indicators(before, block, header)
            kinds[index] = "read"
    unit: str | None = None
    name = header.first("project")
    previous: _Block | None = None
    for block, kind in zip(blocks, kinds, strict=True):
        if kind == "unit":
            unit = block.text(name.index if name else None) or unit
        elif kind == "orphan" and drafts:
            _read_indicators(drafts[-1], block, header)
        elif kind == "project":
            if name is not None and previous is not None and not block.text(name.index):
                # a name cell merged over several funded parts prints its name once: the parts after it share it
                block.inherited = previous.cell(name.index) or previous.inherited
            drafts.append(_project(block, header, context, unit))
            previous = block
    return drafts


def _goes_on(draft: Draft, block: _Block, header: ListingHeader) -> bool:
    """**A project printed again at the top of the listing's next table** (a converter that writes each page's table
    as a table of its own): the first project of a table that continues a listing goes on with the last project of
    the table before when it prints its name again (a ``（续）`` aside; cut, or with the same code), no other amount
    and no other goal, as step 3 joins the parts of one table."""
    name = header.first("project")
    if name is None or not draft.project:
        return False
    code, printed = split_code(without_mark(block.text(name.index)))
    known = draft.info.get("项目编码")
    if code and known and code != known:
        return False
    if not (label_key(printed) == label_key(draft.project) or _fragment_of(printed, draft.project)):
        return False
    amounts = _amounts(block, header)
    printed_before = [line.amount for line in draft.budget]
    if any(amounts) and (
        len(amounts) != len(printed_before)
        or any(
            x is not None and y is not None and x != y for x, y in zip(amounts, printed_before, strict=True)
        )
    ):
        return False
    goal = header.first("goal")
    text = block.text(goal.index) if goal else ""
    return not text or not draft.goals or _alike(text, "".join(draft.goals))


def _project(block: _Block, header: ListingHeader, context: ListingContext, unit: str | None) -> Draft:
    name_column = header.first("project")
    name_col = name_column.index if name_column else None
    own_name = block.cell(name_col)
    name_cell = own_name or block.inherited
    start = own_name or block.rows[0][0]
    draft = Draft(start=start, kind="project", layout="listing")
    draft.indicator_layout = _indicator_layout(header)
    for row in block.rows:
        draft.note_page(row[0])
    if context.title:
        draft.title = context.title
        if context.title_cell is not None:
            draft.locations["title"] = context.title_cell.location()
    if context.year:
        draft.year = context.year
    draft.department = context.department
    if name_cell is not None:
        printed = block.text(name_col) if own_name is not None else clean_text(name_cell.text)
        code, name = split_code(printed)
        draft.set_field("project", name, name_cell)
        if code:
            draft.add_info("项目编码", code, name_cell)
    money: MoneyUnit = _money(header.money or context.money)
    for column in header.columns.values():
        cell = block.cell(column.index)
        if column.role == "amount":
            _budget_line(
                draft,
                column,
                cell or start,
                block.text(column.index),
                _money(column.money) if column.money else money,
            )
        elif cell is not None and column.role == "budget_year":
            if (year := vocab.bare_year(block.text(column.index))) is not None:
                draft.year = year  # the row's own 预算年度 (2026), over the title's
                draft.locations["year"] = cell.location()
        elif cell is not None and column.role in ("spending_unit", "seq", "code", "long_goal"):
            label = {"seq": "序号", "code": "项目编码"}.get(column.role, column.label)
            draft.add_info(label, block.text(column.index), cell)
    if unit and not header.first("spending_unit"):
        draft.add_info("资金使用单位", unit, start)
    goal_column = header.first("goal")
    goal_cell = block.cell(goal_column.index) if goal_column else None
    if goal_column is not None and goal_cell is not None:
        text = block.text(goal_column.index)
        items, _ = read_goals(text)
        draft.goals = items
        draft.locations["goals"] = goal_cell.location()
        if looks_coded(text) and header.indicators is None:
            _coded_goal(draft, Cell(text, goal_cell.pos, goal_cell.origin, goal_cell.merged))
    _read_indicators(draft, block, header)
    return draft


def _indicator_layout(header: ListingHeader) -> IndicatorLayout:
    cols = header.indicators
    if cols is None:
        return "none"
    return (
        "flat" if cols.layout == "flat" else "tree"
    )  # a written name column turns it into a tree once a row has levels


def _money(unit: str | None) -> MoneyUnit:
    return unit if unit in ("万元", "元", "亿元") else "万元"  # type: ignore[return-value]  # checked literal


def _budget_line(draft: Draft, column: ListingColumn, where: Cell, printed: str, unit: MoneyUnit) -> None:
    """A project's amount as a budget line (an empty amount cell gives a line with no amount)."""
    reading = draft.amount_of(printed.replace("\n", ""), where)
    if reading is None:
        draft.repair("amount-unread", where, text=printed[:40])
    amount = reading.amount if reading else None
    unit = (reading.unit if reading else None) or unit
    draft.budget.append(
        BudgetLine(
            label=column.label,
            key=column.key or "total",
            amount=amount,
            value=printed,
            unit=unit,
            location=where.location(),
        )
    )


def _coded_goal(draft: Draft, cell: Cell) -> None:
    """A goal cell that holds coded indicators (Guangzhou writes a project's indicators there): read as the
    project's indicators too (the text stays the project's goal, as printed)."""
    cols = IndicatorColumns(name=0, written=True)
    annual = IndicatorGroup(table=0, label="annual", header=cell.location())
    overall = IndicatorGroup(table=0, label="long", header=cell.location())
    draft.indicator_groups += [annual, overall]
    IndicatorReader(draft, cols, annual.indicators, overall.indicators).read([(0, cell)])
    draft.indicator_layout = "tree"


def _read_indicators(draft: Draft, block: _Block, header: ListingHeader) -> None:
    cols = header.indicators
    if cols is None:
        return
    if not draft.indicator_groups:
        where = block.rows[0][0].location()
        draft.indicator_groups += [
            IndicatorGroup(table=0, label="annual", header=where),
            IndicatorGroup(table=0, label="long", header=where),
        ]
    annual, overall = draft.indicator_groups[0], draft.indicator_groups[1]
    every_row = header.levels_on_every_row
    reader = IndicatorReader(
        draft, cols, annual.indicators, overall.indicators, levels_on_every_row=every_row
    )
    readers = [(reader, _own(cols))]
    if (long := header.long_indicators) is not None:
        # two periods side by side: each reads its columns but the other's own (its value), the shared ones both
        long_reader = IndicatorReader(draft, long, overall.indicators, levels_on_every_row=every_row)
        readers = [
            (reader, _own(cols) - (_named(long) - _named(cols))),
            (long_reader, _own(long) - (_named(cols) - _named(long))),
        ]
    start = len(draft.warnings)
    for row in block.rows:
        for reader, own in readers:
            items = [(col, cell) for col, cell in distinct(row) if col in own]
            if items:
                reader.read(items)
    if len(readers) > 1:
        _drop_repeated_repairs(draft, start)


def _own(cols: IndicatorColumns) -> set[int]:
    """The columns an indicator group reads: from its first to its last column with a role."""
    last = max(c for c in (cols.name, cols.value, cols.unit, *cols.extras) if c is not None)
    return set(range(cols.first, last + 1))


def _named(cols: IndicatorColumns) -> set[int]:
    """The columns of an indicator group that have a role."""
    roles = (cols.level1, cols.level2, cols.name, cols.value, cols.unit, cols.comparator, cols.weight)
    return {c for c in roles if c is not None} | set(cols.extras)


def _drop_repeated_repairs(draft: Draft, start: int) -> None:
    """Two readers of one row repair the cells both read (a level carried down) alike: each repair is kept once."""
    seen: set[str] = set()
    kept = []
    for repair in draft.warnings[start:]:
        key = repair.model_dump_json()
        if key not in seen:
            seen.add(key)
            kept.append(repair)
    draft.warnings[start:] = kept
