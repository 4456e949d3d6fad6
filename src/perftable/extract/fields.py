"""Rows outside the task and indicator tables: header fields, the budget block and goal blocks.

A row is read as a sequence of labels and values (``部门名称 | 廉江市残疾人联合会``, ``基本支出 | 278.55 | 财政拨款 |
1,273.72``), wherever they sit. A label followed by another label heads a block (``基本信息 | 财政供养人员数 | 34``);
a row of budget labels without amounts heads columns whose amounts are in the next row; goal labels without a value
take the text in the next row under them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Final, Literal

from perftable import vocab
from perftable.extract.draft import Draft, Items
from perftable.extract.goals import read_goals
from perftable.grid import Cell
from perftable.model import BudgetLine
from perftable.values import period
from perftable.values.cleaning import clean_label, clean_text, has_cjk, label_key
from perftable.values.numbers import AmountError, MoneyUnit, parse_amount
from perftable.values.patterns import YEAR
from perftable.values.targets import is_value_like

LabelKind = Literal[
    "group", "goal", "long_goal", "budget", "department", "project", "info", "key_tasks", "other_tasks"
]


@lru_cache(maxsize=16384)
def classify(text: str) -> LabelKind | None:
    """What a cell is, as a label; None for values and unknown text."""
    key = label_key(text)
    if not key or len(key) > 30:
        return None
    if vocab.budget_key(text) is not None:
        return "budget"
    if key in vocab.DEPARTMENT_LABELS:
        return "department"
    if key in vocab.PROJECT_LABELS:
        return "project"
    goal = vocab.goal_label_kind(text)
    if goal is not None:
        return "goal" if goal == "goal" else "long_goal"
    if key in vocab.KEY_TASK_LABELS:
        return "key_tasks"
    if key in vocab.OTHER_TASK_LABELS:
        return "other_tasks"
    if key in vocab.INFO_LABELS:
        return "info"
    if key in vocab.GROUP_LABELS or (vocab.money_unit_of(text) and not _is_amount(text)):
        return "group"
    return None


def _is_amount(text: str) -> bool:
    try:
        return parse_amount(text) is not None
    except AmountError:
        return False


# A block label that names money (项目资金, 年度预算安排（万元）, 资金总额): printed with one amount beside it, the
# amount is the block's total. Labels of where money comes from or how it splits (资金来源, 支出构成) are not.
_MONEY_BLOCK = re.compile(r"资金|预算|金额|投入")
_NOT_A_TOTAL = re.compile(r"来源|渠道|构成|性质|执行|级次")


def _amount_of_group(label: Cell, value: Cell) -> bool:
    """**A money block label with its amount beside it** (``项目资金 | 1273.72``, ``项目资金：146.73万元``): the
    label is the line's."""
    return not label.merged and _money_block_amount(label.text, value.text)


def _money_block_amount(label: str, value: str) -> bool:
    key = label_key(label)
    return _MONEY_BLOCK.search(key) is not None and _NOT_A_TOTAL.search(key) is None and _is_amount(value)


def _amount_follows(items: list[tuple[int, Cell]], index: int) -> bool:
    return index + 1 < len(items) and _is_amount(items[index + 1][1].text)


def _looks_like_label(text: str) -> bool:
    key = label_key(text)
    return (
        has_cjk(key)
        and 2 <= len(key) <= 16
        and not any(ch.isdigit() for ch in key)
        and not any(ch in key for ch in ",。;、")
        and not is_value_like(text)
    )


_WHICH = re.compile(r"^\s*(?:其中|含|包括)\s*[:：]?\s*")
_LABEL_AMOUNT = re.compile(
    r"^(?P<label>[^\d:：,，;；()（）]{2,16}?)\s*+[:：]?\s*+"
    r"(?P<amount>\d[\d,，.]*+\s*+(?:万元|亿元|元|万)?(?:\s*+[(（][^()（）]*+[)）])?)\s*$"
)
_PAIRS = re.compile(r"[\n,，;；、。]+")


def label_amounts(text: str) -> list[tuple[str, str]]:
    """Budget labels printed with their amounts in one cell: ``其中 :上级资金16``, ``财政资金：100万元；自筹资金
    20万元``. Every part must be a budget label or a funding source with an amount, else none is read."""
    pairs: list[tuple[str, str]] = []
    for part in _PAIRS.split(_WHICH.sub("", text.strip())):
        if not part.strip():
            continue
        match = _LABEL_AMOUNT.match(_WHICH.sub("", part.strip()))
        if not match:
            return []
        label = match["label"].strip()
        if vocab.budget_key(label) is None and not vocab.is_funding_source(label):
            return []
        pairs.append((label, match["amount"].strip()))
    return pairs


_INLINE = re.compile(r"^\s*+(?P<label>[^:：\n]{1,24}?)\s*+[:：]\s*+(?P<value>.*\S)?\s*$", re.S)


def _inline_pair(text: str, *, loose: bool) -> tuple[str, str] | None:
    match = _INLINE.match(text)
    if not match or not match["value"]:
        return None
    label = match["label"]
    kind = classify(label)
    known = kind not in (None, "group") or (kind == "group" and _money_block_amount(label, match["value"]))
    return (label, match["value"]) if known or (loose and _looks_like_label(label)) else None


# A field that asks which source the money comes from (资金来源, 经费来源, 资金性质): its value names a source.
_SOURCE_FIELD = re.compile(r"(?:来源|性质|渠道)$")
_BARE_YEAR = re.compile(rf"^\s*+{YEAR}\s*+(?:年度?)?\s*$")
_DATE_LABELS = frozenset((*period.START_LABELS, *period.END_LABELS, "填报日期", "填表日期", "申报日期"))
_SERIAL = re.compile(r"^\d{2},?\d{3}(?:\.0+)?$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's 1900 date system (its 1900-02-29 bug included)


def excel_serial_date(text: str) -> str | None:
    """A spreadsheet's day number where a date belongs (``44,561`` in 计划完成日期): the date, as ``2021-12-31``;
    None for text that is not one (a number outside 1954-2118 is not taken for a date)."""
    if not _SERIAL.match(text.strip()):
        return None
    days = int(float(text.replace(",", "")))
    if not 20000 <= days <= 80000:
        return None
    return (_EXCEL_EPOCH + dt.timedelta(days=days)).isoformat()


def split_inline(text: str, *, loose: bool = False) -> list[tuple[str, str]]:
    """Label/value pairs written inside one cell or line: ``部门名称：某某局`` -> [(``部门名称``, ``某某局``)].

    A cell of several such lines (``资金总额: 250\n一、预算资金:250\n二、自有资金:0``) gives one pair a line.
    Only known labels count, unless ``loose`` (the header rows, where any short label-like text does).
    """
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) > 1:
        pairs = [_inline_pair(line, loose=loose) for line in lines]
        if all(pair is not None for pair in pairs):
            return [pair for pair in pairs if pair is not None]
    parts = _fields_of_line(text)
    if len(parts) > 1:
        pairs = [_inline_pair(part, loose=loose) for part in parts]
        if all(pair is not None for pair in pairs):
            return [pair for pair in pairs if pair is not None]
    pair = _inline_pair(text, loose=loose)
    return [pair] if pair is not None else []


# A further labelled field on the same line: 主管部门：某局 实施单位：某中心, or with the blank lost in a PDF's text
# (某局实施单位：某中心): the longest known label, of at least _JOINED_LABEL characters, that ends at a colon.
_COLON = re.compile(r"[:：]")
_JOINED_LABEL = 4


_LEADING_AMOUNT = re.compile(r"^\s*+\d")


def _field_label_at(label: str, after: str) -> bool:
    """A known field label, or a budget word with its amount after the colon (``预算金额：156.80万元``)."""
    kind = classify(label)
    if kind not in (None, "group"):
        return True
    return _names_an_amount(label) and _LEADING_AMOUNT.match(after) is not None


def _names_an_amount(label: str) -> bool:
    """A budget word (资金总额, 财政拨款) or an amount column's header (预算金额, 项目金额)."""
    return vocab.budget_key(label) is not None or vocab.header_role(label) == "amount"


def _fields_of_line(text: str) -> list[str]:
    """A line cut before each further known label followed by a colon (two fields printed on one line)."""
    cuts: list[int] = []
    colons = [m.start() for m in _COLON.finditer(text)]
    for colon in colons[1:]:
        for start in range(max(colons[0] + 1, colon - 12), colon - _JOINED_LABEL + 1):
            label = text[start:colon].strip()
            blank = start > 0 and text[start - 1].isspace()
            if (blank or len(label) >= _JOINED_LABEL) and _field_label_at(label, text[colon + 1 :]):
                cuts.append(start)
                break
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in pairwise(bounds)]


def _is_prose_list(text: str) -> bool:
    """A cell of text that lists items by their numbering (``（1）…；（2）…``), not an amount or a column head."""
    items, _ = read_goals(text)
    return len(items) >= 2 and not _is_amount(text) and vocab.header_role(text) is None


@dataclass
class FieldState:
    """What earlier rows said about the rows to come."""

    form_unit: MoneyUnit | None = None
    block_unit: MoneyUnit | None = None
    col_units: dict[int, MoneyUnit] = field(default_factory=dict)
    group_at: dict[int, str] = field(default_factory=dict)
    pending_goals: dict[int, LabelKind] = field(default_factory=dict)
    pending_goal_labels: dict[int, str] = field(default_factory=dict)
    pending_budget: dict[int, Cell] = field(default_factory=dict)
    # the label over a pending label, when two rows of labels head the amounts
    budget_parents: dict[int, Cell] = field(default_factory=dict)
    budget_cells: set[tuple[tuple[int, int], int]] = field(
        default_factory=set
    )  # amount cells read (pos, origin)
    in_budget: bool = False  # the last row read gave budget lines
    # column heads of a budget matrix (实施期资金总额 | 年度资金总额 over rows 资金总额, 其中：财政拨款, 其他资金)
    budget_heads: dict[int, Cell] = field(default_factory=dict)
    # the heads are an amount column and its sources (预算金额 | 其中：财政拨款 | 其他资金 over rows of uses)
    heads_by_source: bool = False
    task_label: Literal["key", "other"] = "key"
    # field labels printed as column heads (实施进度计划 | 计划开始日期 | 计划完成日期 | 实施内容), by column
    schedule_heads: dict[int, Cell] = field(default_factory=dict)
    # the heads of a 预算调整 form's money (年初预算数 | 调整数 | 调整后预算数), by column, and the adjusted one's column
    adjustment_heads: dict[int, Cell] = field(default_factory=dict)
    adjusted_col: int | None = None


def _part_key(parent: Cell | None, label: Cell) -> str | None:
    """The key of a budget label under a parent label (the row above it names whose parts the row prints):
    ``财政拨款`` over ``基本支出`` -> ``fiscal_basic``, over ``合计`` -> ``fiscal``; None when there is no parent or
    the parent is not a funding source (then the label's own key holds)."""
    if parent is None:
        return None
    whole = vocab.budget_key(parent.text)
    part = vocab.budget_key(label.text)
    if whole not in _SOURCES or part is None:
        return None
    if part == "total":
        return whole
    return f"{whole}_{part}" if part in ("basic", "project", "personnel", "public_expenses") else None


# the sources a matrix splits into parts (财政拨款 合计/基本支出/项目支出); 上年结转 is printed whole
_SOURCES = frozenset(vocab.SOURCE_KEYS) - {"carryover"}
_USES = frozenset({"basic", "project", "personnel", "public_expenses", "total"})


def _uses(heads: dict[int, Cell]) -> bool:
    """Column heads that name what money is spent on (基本支出 | 项目支出 | 合计), with at least one part."""
    keys = {vocab.budget_key(cell.text) for cell in heads.values()}
    return bool(keys) and keys <= _USES and keys != {"total"}


def _shifted_left(items: Items, labels: dict[int, Cell]) -> list[tuple[int, Cell]] | None:
    """**Amounts shifted under a merged block label**: a row of amounts, one for each label of the row above,
    starting one column left of the first label. A web page copied as text (or a converter) drops the cell a
    merged label covers (收入预算（万元） merged down beside 合计 | 财政拨款 | 其他资金), so the amounts start under
    the block label, where no amount can be. Each amount is given its label's column, in order; None when the
    row is not so (a count that differs says cells were lost too, and which ones cannot be known)."""
    cols = sorted(labels)
    cells = [(col, cell) for col, cell in items if not cell.empty]
    if not cols or len(cells) != len(cols) or not all(_is_amount(cell.text) for _, cell in cells):
        return None
    first = cells[0][0]
    if cols != list(range(first + 1, first + 1 + len(cols))):
        return None
    if [col for col, _ in cells] != list(range(first, first + len(cells))):
        return None
    return [(col, cell) for col, (_, cell) in zip(cols, cells, strict=True)]


def _money(unit: str | None) -> MoneyUnit | None:
    return unit if unit in ("万元", "元", "亿元") else None  # type: ignore[return-value]  # checked literal


# The money heads of a 预算调整 form: before the adjustment (年初预算数, 调整前预算数, 原预算数), the change (调整数,
# 调整金额) and after it (调整后预算数), which is the budget the form's targets are for.
_ADJUSTMENT_HEAD = re.compile(
    r"^(?:年初|调整前|原|调整后|调整|调增|调减)(?:预算)?(?:数|金额|资金|额|预算)?(?:\(.*\))?$"
)
_ADJUSTED = "调整后"
# The budget lines a form's sums need: the total, its two parts and the appropriation. A blank one is reported.
_NEEDED_KEYS: Final = frozenset({"total", "annual_total", "basic", "project", "fiscal"})


class FieldReader:
    """Reads header, budget and goal rows into a :class:`Draft`."""

    def __init__(self, draft: Draft, state: FieldState) -> None:
        self.draft = draft
        self.state = state

    # budget ------------------------------------------------------------------------------------------------
    def _budget_key(self, label: Cell, col: int, known: str | None) -> str:
        key = known or vocab.budget_key(label.text) or "total"
        if known is None and vocab.is_project_total(label.text):
            self.state.group_at[col] = "total"
        elif key == "annual_total":
            self.state.group_at[col] = "annual"
        elif key in vocab.GROUPED_KEYS and self.state.group_at.get(col) == "total":
            key = f"total_{key}"
        return key

    def add_budget(
        self, label: Cell, label_col: int, value: Cell | None, value_col: int, key: str | None = None
    ) -> None:
        """A budget line; ``key`` for a label the vocabulary does not know (``source``)."""
        if value is not None and value.merged and (value.pos, id(value.origin)) in self.state.budget_cells:
            return  # a merged amount read again on the next row (当年预算 merged over 市级支出 | 补助区县)
        if value is not None:
            self.state.budget_cells.add((value.pos, id(value.origin)))
        key = self._budget_key(label, label_col, key)
        printed = clean_text(value.text) if value is not None else ""
        reading = self.draft.amount_of(printed, value) if value is not None else None
        amount = reading.amount if reading else None
        printed_unit: MoneyUnit | None = reading.unit if reading else None
        unit = (
            printed_unit
            or _money(vocab.money_unit_of(label.text))
            or self.state.col_units.get(value_col)
            or self.state.block_unit
            or self.state.form_unit
            or "万元"
        )
        where = value if value is not None else label
        self.draft.budget.append(
            BudgetLine(
                label=clean_label(label.text),
                key=key,
                amount=amount,
                value=printed,
                unit=unit,
                location=where.location(),
            )
        )

    def _uses_by_sources_heads(self, items: Items) -> bool:
        """**A uses × sources matrix**: a row of column heads naming an amount column (预算金额, 金额, 预算数) and
        the sources it splits into, two or more (其中：财政拨款 | 其他资金), over rows of uses (合计, 基本支出,
        项目支出). True when the row is those heads (they are kept for the rows below, :meth:`_use_row`). A block
        label with one source after it (项目资金（万元） | 其他资金 | blank) is a budget line printed blank."""
        whole = [(col, cell) for col, cell in items if vocab.header_role(cell.text) == "amount"
                 and vocab.budget_key(cell.text) is None]  # fmt: skip
        sources = [(col, cell) for col, cell in items if vocab.budget_key(cell.text) in _SOURCES]
        keyed = [cell for _, cell in items if vocab.budget_key(cell.text) is not None]
        if len(whole) != 1 or len(sources) < 2 or len(keyed) != len(sources):
            return (
                False  # a total head (合计 | 财政拨款 | 其他资金) is the columnar budget's (_columnar_budget)
            )
        if any(_is_amount(cell.text) for _, cell in items):
            return False
        if any(col < whole[0][0] for col, _ in sources):
            return False  # the sources split the amount: they stand after it
        self.state.budget_heads = dict([*whole, *sources])
        self.state.heads_by_source = True
        return True

    def _use_row(self, items: Items, label: Cell, heads: dict[int, Cell]) -> bool:
        """A row of a uses × sources matrix: its amount under the amount column is the use's (``basic``, ``total``
        for 合计), under a source the use's part from it (``fiscal_basic``; ``fiscal`` on the 合计 row)."""
        own = vocab.budget_key(label.text)
        if own not in _USES:
            return False
        label_col = next(col for col, cell in items if cell is label)
        for col, cell in items:
            if col not in heads or not _is_amount(cell.text):
                continue
            head = heads[col]
            if vocab.budget_key(head.text) in _SOURCES:
                key = _part_key(head, label)
                if key is not None:
                    self.add_budget(head, col, cell, col, key=key)
            else:
                self.add_budget(label, label_col, cell, col, key=own)
        return True

    def _columnar_budget(self, items: list[tuple[int, Cell]], above: dict[int, Cell]) -> bool:
        """A row of budget labels with no amounts: their amounts are in the next row, column by column. Under a
        row of such labels, a second one names the parts of each (财政拨款 over 合计 | 基本支出 | 项目支出): a part's
        key says whose part it is (``fiscal_basic``), its 合计 is the whole (``fiscal``)."""
        labels = [(col, cell) for col, cell in items if classify(cell.text) == "budget"]
        if len(labels) < 2 or any(_is_amount(cell.text) for _, cell in items):
            return False
        filled = {col for col, _ in items}
        # a label of the row above over a column this row leaves empty still heads it (a flattened merged cell)
        self.state.pending_budget = {
            **{c: cell for c, cell in above.items() if c not in filled},
            **dict(labels),
        }
        parents: dict[int, Cell] = {}
        for col, cell in labels:  # a parent spans the columns up to the next label of its row
            owner = max((c for c in above if c <= col), default=None)
            if owner is not None and above[owner].pos != cell.pos:
                parents[col] = above[owner]
        self.state.budget_parents = parents
        return True

    def _take_pending_budget(self, items: list[tuple[int, Cell]]) -> bool:
        pending, self.state.pending_budget = self.state.pending_budget, {}
        parents, self.state.budget_parents = self.state.budget_parents, {}
        amounts = [(col, cell) for col, cell in items if col in pending and _is_amount(cell.text)]
        shifted = _shifted_left(items, pending)
        if shifted is not None:
            names = "".join(f"「{clean_label(pending[col].text)}」" for col, _ in shifted)
            self.draft.repair("amounts-shifted", shifted[0][1], labels=names)
            for col, cell in shifted:
                self.add_budget(pending[col], col, cell, col, key=_part_key(parents.get(col), pending[col]))
            self.state.budget_heads = pending
            return True
        if not amounts:
            if any(classify(cell.text) is not None for _, cell in items):
                self._blank_budget(pending)
            return False
        row_label = next((cell for col, cell in items if col not in pending), None)
        # the row's own label, past a block label merged down beside it (部门预算（万元）)
        own_label = next(
            (cell for col, cell in items if col not in pending and classify(cell.text) != "group"), None
        )
        if own_label is not None and _uses(pending) and self._source_row(items, own_label, pending):
            self.state.budget_heads = pending
            return True
        if own_label is not None and not parents and self._first_use_row(items, own_label, pending):
            return True
        for col, cell in amounts:
            self.add_budget(pending[col], col, cell, col, key=_part_key(parents.get(col), pending[col]))
        if row_label is not None and classify(row_label.text) in ("budget", "group"):
            self.state.budget_heads = pending  # the amounts of the rows below sit under these heads too
        return True

    def close_budget(self) -> None:
        """The budget block ended (an indicator or task table starts): labels still waiting for their amounts were
        printed blank."""
        pending, self.state.pending_budget = self.state.pending_budget, {}
        self._blank_budget(pending)

    def _blank_budget(self, labels: dict[int, Cell]) -> None:
        """**Budget labels printed with no amount**: a row of them followed by a row of other labels, not by their
        amounts (基本支出 | | 财政拨款 | then 项目支出 | | 其他资金 |). Those the budget's sums need (:data:`_NEEDED_KEYS`)
        are blank fields, as a header field printed with no value is (M001 reports them when no budget line of theirs
        was read elsewhere); a blank optional one (其他资金, 上年结转) says 0 and is not reported."""
        for cell in labels.values():
            label = clean_label(cell.text)
            if label not in self.draft.blank_fields and vocab.budget_key(cell.text) in _NEEDED_KEYS:
                self.draft.blank_fields.append(label)
                self.draft.locations[f"blank.{label}"] = cell.location()

    def _first_use_row(self, items: Items, label: Cell, heads: dict[int, Cell]) -> bool:
        """**A uses × sources matrix headed by a total**: heads 资金总额 | 财政拨款 | 其他资金 (the total first, then two
        or more sources) over rows of uses (合计, 基本支出, 项目支出). The first row's label names a use: the heads are
        the matrix's, and every row is read as :meth:`_use_row` reads it (``basic`` once, its sources' parts as
        ``fiscal_basic``, ``other_funds_basic``), not as the use three times. False otherwise (a row of amounts
        under its labels: 合计 | 财政拨款 | 其他资金 over 100 | 80 | 20)."""
        if vocab.budget_key(label.text) not in _USES:
            return False
        keys = [vocab.budget_key(heads[col].text) for col in sorted(heads)]
        if keys[0] not in ("total", "annual_total") or len(keys) < 3 or not set(keys[1:]) <= _SOURCES:
            return False
        self.state.budget_heads, self.state.heads_by_source = heads, True
        return self._use_row(items, label, heads)

    def _source_row(self, items: Items, label: Cell, heads: dict[int, Cell]) -> bool:
        """A row of a sources × uses matrix (资金来源 | 基本支出 | 项目支出 | 合计 over 财政拨款 | 168.40 | 42.00 |
        210.40): a source's amount under a use is that source's part (``fiscal_basic``), under 合计 the source's
        whole (``fiscal``); the 合计 row gives the uses' wholes (``basic``, ``project``, ``total``). False when the
        row's label is neither a source nor a total."""
        own = vocab.budget_key(label.text)
        if own not in _SOURCES and own != "total":
            return False
        label_col = next(col for col, cell in items if cell is label)
        seen: set[tuple[int, int]] = set()
        for col, cell in items:
            if col not in heads or not _is_amount(cell.text) or heads[col].pos in seen:
                continue
            seen.add(heads[col].pos)
            key = _part_key(label, heads[col]) if own != "total" else vocab.budget_key(heads[col].text)
            if key is not None:
                self.add_budget(label if own != "total" else heads[col], label_col, cell, col, key=key)
        return True

    def _matrix_row(self, items: list[tuple[int, Cell]]) -> bool:
        """A row of a budget matrix under period heads (实施期资金总额 | 年度资金总额): its label once for each
        head, a source under the whole period's head keyed as that group's (``total_fiscal``), as the Shanghai
        form's columns are. A row that is not one ends the matrix."""
        heads = self.state.budget_heads
        rest = [
            (col, cell) for col, cell in items if not (col not in heads and classify(cell.text) == "group")
        ]
        label_col, label = rest[0] if rest and rest[0][0] not in heads else (0, None)
        amounts = [(col, cell) for col, cell in rest[1:] if col in heads and _is_amount(cell.text)]
        if label is None or classify(label.text) != "budget" or not amounts:
            self.state.budget_heads, self.state.heads_by_source = {}, False
            return False
        if self.state.heads_by_source:
            if not self._use_row(items, label, heads):
                self.state.budget_heads, self.state.heads_by_source = {}, False
                return False
            return True
        if _uses(heads):
            return self._source_row(items, label, heads)
        own = vocab.budget_key(label.text)
        seen: set[tuple[int, int]] = set()
        for col, cell in amounts:
            head = heads[col]
            if head.pos in seen:
                continue  # an amount repeated under a merged head
            seen.add(head.pos)
            whole = vocab.budget_key(head.text)
            if own in vocab.GROUPED_KEYS and (whole == "total" or vocab.is_project_total(head.text)):
                self.add_budget(label, label_col, cell, col, key=f"total_{own}")
            elif own not in ("total", "annual_total"):
                self.add_budget(label, label_col, cell, col, key=own if whole == "annual_total" else None)
        return True

    # goals -------------------------------------------------------------------------------------------------
    def add_goal(self, kind: LabelKind, label: str, value: Cell) -> None:
        items, broken = read_goals(value.text)
        if broken and not value.merged and not value.origin.laid_out:
            self.draft.repair("joined-lines", value, text=clean_text(value.text)[:40])
        if kind == "goal":
            if not self.draft.goals:
                self.draft.locations["goals"] = value.location()
            self.draft.goals.extend(items)
        else:
            self.draft.add_info(clean_label(label), clean_text(value.text), value)

    def _take_pending_goals(self, items: list[tuple[int, Cell]]) -> bool:
        pending, labels = self.state.pending_goals, self.state.pending_goal_labels
        self.state.pending_goals, self.state.pending_goal_labels = {}, {}
        # a label merged down from above (总体目标 beside 实施期目标 | 年度目标 and their texts) is not a new label
        items = [(col, cell) for col, cell in items if not (cell.merged and classify(cell.text) is not None)]
        # a year left of the goal texts (预算年度 | 年度目标 over 2024 | …) says which year, it is no goal
        items = [
            (col, cell) for col, cell in items if not (col < min(pending) and _BARE_YEAR.fullmatch(cell.text))
        ]
        if not items or any(classify(cell.text) is not None for _, cell in items):
            return False
        for col, cell in items:
            owner = max((c for c in pending if c <= col), default=min(pending))
            self.add_goal(pending[owner], labels[owner], cell)
        return True

    # a labelled value --------------------------------------------------------------------------------------
    def _labelled(self, kind: LabelKind, label: Cell, label_col: int, value: Cell, value_col: int) -> None:
        if kind == "group" and _amount_of_group(label, value):  # 项目资金：146.73万元
            self.add_budget(label, label_col, value, value_col, key="total")
        elif kind == "budget":
            if vocab.money_unit_of(value.text) and not _is_amount(value.text):
                unit = _money(vocab.money_unit_of(value.text))
                if unit:
                    self.state.col_units[value_col] = unit
                return
            self.add_budget(label, label_col, value, value_col)
        elif kind in ("goal", "long_goal"):
            self.add_goal(kind, label.text, value)
        elif kind == "department":
            self.draft.set_department(clean_label(label.text), self.draft.text_of(value), value)
        elif kind == "project":
            self.draft.set_field(kind, self.draft.text_of(value), value)
        elif kind == "info":
            text = self.draft.text_of(value)
            if clean_label(label.text) in _DATE_LABELS and (date := excel_serial_date(text)) is not None:
                self.draft.repair("excel-date-serial", value, text=text, date=date)
                text = date
            self.draft.add_info(clean_label(label.text), text, value)

    def _adjustment_heads(self, items: Items) -> bool:
        """**The money of a 预算调整 form** (项目资金 | 年初预算数 | 调整数 | 调整后预算数): heads of the amount before the
        adjustment, the change and the amount after it. The rows under them (年度资金总额 | 1,406.50 | -120.00 |
        1,286.50) are read by :meth:`_adjusted_row`. True when the row is such a head."""
        heads = [(col, cell) for col, cell in items if _ADJUSTMENT_HEAD.match(label_key(cell.text))]
        adjusted = [col for col, cell in heads if label_key(cell.text).startswith(_ADJUSTED)]
        if len(heads) < 2 or len(adjusted) != 1 or any(_is_amount(cell.text) for _, cell in items):
            return False
        self.state.adjustment_heads, self.state.adjusted_col = dict(heads), adjusted[0]
        return True

    def _adjusted_row(self, items: Items) -> bool:
        """A row under a 预算调整 form's money heads: its label's amount is the one after the adjustment (the budget
        the targets are for); the amount before it and the change are kept in ``info`` under the label and head
        (``年度资金总额（年初预算数）``). False (and the heads end) at a row with no amount under them."""
        heads, adjusted = self.state.adjustment_heads, self.state.adjusted_col
        # the row's own label, past a block label merged down beside it (项目资金（万元）)
        label = next(
            ((col, cell) for col, cell in items if col not in heads and classify(cell.text) == "budget"), None
        )
        under = {col: cell for col, cell in items if col in heads and _is_amount(cell.text)}
        if label is None or adjusted not in under:
            self.state.adjustment_heads, self.state.adjusted_col = {}, None
            return False
        self.add_budget(label[1], label[0], under[adjusted], adjusted)
        for col, cell in under.items():
            if col != adjusted:
                name = f"{clean_label(label[1].text)}（{clean_label(heads[col].text)}）"
                self.draft.add_info(name, self.draft.text_of(cell), cell)
        return True

    def _schedule_heads(self, items: Items) -> bool:
        """**Field labels printed as column heads** (实施进度计划 | 计划开始日期 | 计划完成日期 | 实施内容 | 金额): a row
        of labels only, two of them dates of the plan; the rows under it give their values (see
        :meth:`_schedule_row`). True when the row is such a head."""
        dates = [(col, cell) for col, cell in items if clean_label(cell.text) in _DATE_LABELS]
        if len(dates) < 2 or any(_is_amount(cell.text) or excel_serial_date(cell.text) for _, cell in items):
            return False
        if not all(classify(cell.text) is not None or _looks_like_label(cell.text) for _, cell in items):
            return False
        self.state.schedule_heads = dict(dates)
        return True

    def _schedule_row(self, items: Items) -> bool:
        """A row of a schedule under its heads: the plan starts at its first row's start date and ends at its last
        row's end date. False (and the schedule ends) at a row that opens with a field label of the form, or has
        nothing under the date heads."""
        heads = self.state.schedule_heads
        first = items[0][1]
        opens = not first.merged and items[0][0] not in heads and classify(first.text) not in (None, "group")
        under = [
            (col, cell)
            for col, cell in items
            if col in heads and not cell.merged and classify(cell.text) is None
        ]
        if opens or not under:  # a row of the form's own fields (年度绩效目标 | …) ends the schedule
            self.state.schedule_heads = {}
            return False
        for col, cell in under:
            label = clean_label(heads[col].text)
            text = self.draft.text_of(cell)
            if label in period.END_LABELS and label in self.draft.info:
                self.draft.info[label] = text  # a later row of the plan ends it later
                self.draft.locations[f"info.{label}"] = cell.location()
            else:
                self.draft.add_info(label, text, cell)
        return True

    def _note_units(self, items: list[tuple[int, Cell]]) -> None:
        """Money units printed in headers: ``预算金额(万元)`` for its column, ``项目资金（元）`` for the block."""
        for col, cell in items:
            unit = _money(vocab.money_unit_of(cell.text))
            if unit and classify(cell.text) in ("group", None):
                self.state.col_units[col] = unit
                if col == items[0][0]:
                    self.state.block_unit = unit

    def _funding_source(self, label: Cell, value: Cell) -> bool:
        """An unknown label with an amount that names a funding source, inside the budget block (the row above gave
        budget lines) or opening a breakdown (``其中：中央财政资金 | 60``)."""
        return (
            vocab.is_funding_source(label.text)
            and (self.state.in_budget or vocab.is_sub_item(label.text))
            and _is_amount(value.text)
        )

    def _kind_at(self, items: Items, index: int) -> LabelKind | None:
        """What the cell at ``index`` is as a label; a funding source with its amount after it counts as a budget
        label (``其他资金 | 其中：中央财政资金 | 60``: the source is a line of its own, not the value before it)."""
        if index >= len(items):
            return None
        kind = classify(items[index][1].text)
        if (
            kind is None
            and index + 1 < len(items)
            and self._funding_source(items[index][1], items[index + 1][1])
        ):
            return "budget"
        return kind

    def read_heading(self, items: Items) -> None:
        """A project's heading row inside an indicator table: ``项目名称：某项目 预算金额：156.80万元`` in one cell,
        the same in two cells, or ``项目名称 | 某项目 | 预算金额（万元） | 156.80``; or its goal row
        (``绩效目标：…``). The project's name, its amount (a budget word or an amount header: the project's
        total), its goal and any other field."""
        pairs: list[tuple[Cell, Cell, int]] = []
        waiting: tuple[Cell, int] | None = None  # a label cell whose value is the next cell
        for col, cell in items:
            parts = [match for part in _fields_of_line(cell.text) if (match := _INLINE.match(part))]
            if parts and all(match["value"] for match in parts):
                pairs += [
                    (Cell(m["label"], cell.pos, cell.origin), Cell(m["value"], cell.pos, cell.origin), col)
                    for m in parts
                ]
                waiting = None
            elif waiting is not None:
                pairs.append((waiting[0], cell, col))
                waiting = None
            else:
                waiting = (cell, col)
        for label, value, col in pairs:
            kind = classify(label.text)
            if kind in ("project", "department", "goal", "long_goal", "budget", "info"):
                self._labelled(kind, label, col, value, col)
            elif _names_an_amount(label.text):
                self.add_budget(label, col, value, col, key=vocab.budget_key(label.text) or "total")
            else:
                self.draft.add_info(clean_label(label.text), self.draft.text_of(value), value)

    def read(self, items: Items) -> None:
        """Read a row, given as its distinct non-empty cells."""
        lines = len(self.draft.budget)
        self._read(items)
        self.state.in_budget = len(self.draft.budget) > lines

    def _read(self, items: Items) -> None:
        if not items:
            return
        if self.state.pending_goals and self._take_pending_goals(items):
            return
        above = self.state.pending_budget  # a row of budget labels just read, whose amounts may follow
        if above and self._take_pending_budget(items):
            return
        if self.state.schedule_heads and self._schedule_row(items):
            return
        if self._schedule_heads(items):
            return
        if self.state.adjustment_heads and self._adjusted_row(items):
            return
        if self._adjustment_heads(items):
            return
        if self.state.budget_heads and self._matrix_row(items):
            return
        self._note_units(items)
        if self._uses_by_sources_heads(items):
            return
        if self._columnar_budget(items, above):
            return
        header_zone = not (
            self.draft.budget or self.draft.goals or self.draft.tasks or self.draft.has_indicators
        )
        i = 0
        while i < len(items):
            col, cell = items[i]
            kind = classify(cell.text)
            nxt = items[i + 1] if i + 1 < len(items) else None
            nxt_kind = self._kind_at(items, i + 1)
            if kind is None and nxt is not None and self._funding_source(cell, nxt[1]):
                self.add_budget(cell, col, nxt[1], nxt[0], key="source")
                i += 2
                continue
            if kind is None and (pairs := label_amounts(cell.text)):
                for label, amount in pairs:
                    known = vocab.budget_key(label)
                    self.add_budget(
                        Cell(label, cell.pos, cell.origin), col, Cell(amount, cell.pos, cell.origin), col,
                        key=None if known else "source",
                    )  # fmt: skip
                i += 1
                continue
            if kind is None:
                inline = split_inline(cell.text, loose=header_zone)
                for label, value in inline:
                    label_cell = Cell(label, cell.pos, cell.origin)
                    value_cell = Cell(value, cell.pos, cell.origin)
                    self._labelled(classify(label) or "info", label_cell, col, value_cell, col)
                if not inline and header_zone and nxt and nxt_kind is None and _looks_like_label(cell.text):
                    self.draft.add_info(clean_label(cell.text), self.draft.text_of(nxt[1]), nxt[1])
                    i += 1
                i += 1
                continue
            if kind == "group" and nxt is not None and _amount_of_group(cell, nxt[1]):
                self.add_budget(cell, col, nxt[1], nxt[0], key="total")
                i += 2
                continue
            if kind == "group":
                if (
                    nxt is not None
                    and nxt_kind == "budget"
                    and not cell.merged
                    and _SOURCE_FIELD.search(label_key(cell.text)) is not None
                    and vocab.is_funding_source(nxt[1].text)
                    and not vocab.is_header_or_line(nxt[1].text)
                    and (
                        i + 2 >= len(items)
                        or self._kind_at(items, i + 2) in ("info", "department", "project")
                    )
                ):
                    # 资金来源 | 一般公共预算 | 项目类别 …: a field that asks which source; the source is its value
                    # (项目资金 | 其他资金 | <blank> is a budget line left blank)
                    self.draft.add_info(clean_label(cell.text), self.draft.text_of(nxt[1]), nxt[1])
                    i += 2
                    continue
                i += 1
                continue
            if kind in ("key_tasks", "other_tasks"):
                self.state.task_label = "key" if kind == "key_tasks" else "other"
                if nxt is not None and nxt_kind is None and _is_prose_list(nxt[1].text):
                    # 年度工作任务 | （1）稳定粮食生产…；（2）新建高标准农田…: the tasks written as a numbered list
                    items_listed, _ = read_goals(nxt[1].text, numbered=False)
                    self.draft.add_listed_tasks(items_listed, nxt[1], self.state.task_label)
                    i += 2
                    continue
                i += 1
                continue
            if kind == "info" and nxt_kind == "budget" and not _amount_follows(items, i + 1):
                nxt_kind = None  # 财政资金预算分类 | 一般公共预算: the budget word is this field's value
            if nxt is None or nxt_kind is not None:
                if kind in ("goal", "long_goal"):
                    self.state.pending_goals[col] = kind
                    self.state.pending_goal_labels[col] = cell.text
                elif kind == "budget" and not vocab.is_header_or_line(cell.text):
                    self.add_budget(cell, col, None, col)
                elif kind in ("department", "project", "info"):
                    # a field label followed by another label, or by nothing: printed, left blank
                    label = clean_label(cell.text)
                    if label not in self.draft.blank_fields:
                        self.draft.blank_fields.append(label)
                        self.draft.locations[f"blank.{label}"] = (
                            cell.location()
                        )  # the label: its value has no cell
                i += 1
                continue
            self._labelled(kind, cell, col, nxt[1], nxt[0])
            i += 2
