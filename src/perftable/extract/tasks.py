"""The task table (年度重点工作任务 / 其他需完成的任务, 年度履职目标 …).

Columns are found by their headers (名称 | 主要实施内容 | 拟投入的资金(万元) | 期望达到的目标); unknown columns go
to ``Task.info``. Sections: where the numbering restarts (任务1 again) a new section starts, whatever row the
``其他需完成的任务`` label landed on in conversion; when the numbering runs on (1 … 4) or there is none, the label
decides.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from perftable import vocab
from perftable.extract.draft import Draft, Items, PendingTask, distinct
from perftable.extract.fields import classify
from perftable.grid import Cell
from perftable.model import BudgetLine, Task
from perftable.values.cleaning import clean_label, label_key
from perftable.values.numbers import AmountError, MoneyUnit, amount_note, chinese_number, parse_amount

FUNDS_NOTE = "资金说明"  # Task.info key of a note printed with the funds: 100（含上年结转20）

_NUMBER = re.compile(
    r"^\s*+(?:任务|工作任务|重点任务|目标)?\s*+(?:(?P<n>\d{1,3})|(?P<cn>[一二三四五六七八九十]{1,3}))\s*+[:：、.．)）]\s*+"
    r"|^\s*+[(（]\s*+(?P<p>\d{1,3})\s*+[)）]\s*+"
)
MAX_PART_LABEL = 12  # characters: a longer cell is not a column head under a split funds head
_TOTAL_NAMES = frozenset(label_key(name) for name in ("合计", "小计", "总计", "金额合计", "资金合计"))


def split_number(name: str) -> tuple[int | None, str]:
    """``任务1: 贫困重度残疾人家庭无障碍改造`` -> (1, ``贫困重度残疾人家庭无障碍改造``)."""
    match = _NUMBER.match(name)
    if not match:
        return None, name
    number = int(match["n"] or match["p"]) if (match["n"] or match["p"]) else chinese_number(match["cn"]) or 0
    rest = name[match.end() :].strip()
    return (number, rest) if rest else (None, name)


@dataclass
class TaskColumns:
    name: int
    content: int | None = None
    funds: int | None = None
    target: int | None = None
    unit: MoneyUnit | None = None
    extras: dict[int, str] = field(default_factory=dict)

    @property
    def first(self) -> int:
        return min(
            [self.name, *(c for c in (self.content, self.funds, self.target) if c is not None), *self.extras]
        )


def _roles(items: Items, labels_as_names: bool) -> tuple[dict[str, int], dict[int, str], MoneyUnit | None]:
    roles: dict[str, int] = {}
    extras: dict[int, str] = {}
    unit: MoneyUnit | None = None
    for col, cell in items:
        kind = classify(cell.text)
        if kind in ("key_tasks", "other_tasks") and not labels_as_names:
            continue  # the block's label, not a column
        role = vocab.column_role(cell.text, vocab.TASK_COLUMNS)
        if role is not None and role not in roles:
            roles[role] = col
            if role == "funds":
                money = vocab.money_unit_of(cell.text)
                unit = money if money in ("万元", "元", "亿元") else None  # type: ignore[assignment]
        elif kind not in ("key_tasks", "other_tasks", "group"):
            extras[col] = clean_label(cell.text)
    return roles, extras, unit


_AMOUNT = re.compile(r"[-+]?[\d,，]+(?:\.\d+)?")


def task_header(items: Items) -> TaskColumns | None:
    """The task table's header row, or None. It needs a name column and a content, funds or target column.

    A section label (年度主要任务, 重点工作任务) names the block, not a column, unless no other cell names the tasks.
    """
    if sum(1 for _, cell in items if vocab.column_role(cell.text, vocab.TASK_COLUMNS)) < 2:
        return None
    if any(_AMOUNT.fullmatch(cell.text.strip()) for _, cell in items):
        return None  # a row of amounts (合计 | 1273.72 under a section label merged down) heads no column
    roles, extras, unit = _roles(items, labels_as_names=False)
    if "name" not in roles:
        roles, extras, unit = _roles(items, labels_as_names=True)
    if "name" not in roles or len(roles) < 2:
        return None
    return TaskColumns(
        roles["name"], roles.get("content"), roles.get("funds"), roles.get("target"), unit, extras
    )


def _names_a_part_of_funds(text: str) -> bool:
    """A column under a split funds head: 总额 / 合计, or a funding source (财政拨款, 其他资金, 上级补助 …)."""
    if len(text) > MAX_PART_LABEL or any(ch.isdigit() for ch in text):
        return False
    return (
        vocab.column_role(text, vocab.TASK_COLUMNS) == "funds"
        or classify(text) == "budget"
        or vocab.is_funding_source(text)
    )


def funds_sub_header(items: Items, cols: TaskColumns) -> TaskColumns | None:
    """A second header row that splits the funds head into its columns (``资金（万元）`` over ``总额 | 财政拨款 |
    其他资金``, the name and content heads merged down and left blank): the total column (or, without one, the
    first) stays the task's funds, the other parts are kept in ``Task.info`` by their headers. None when the row
    is not such a header."""
    # the heads merged down from the row above (the section label, 任务名称, 主要内容) are no part of this row
    items = [(col, cell) for col, cell in items if not cell.merged]
    if cols.funds is None or not items or items[0][0] < cols.funds:
        return None
    if not all(_names_a_part_of_funds(clean_label(cell.text)) for _, cell in items):
        return None
    funds = next(
        (col for col, cell in items if vocab.column_role(cell.text, vocab.TASK_COLUMNS) == "funds"),
        cols.funds,
    )
    extras = {**cols.extras, **{col: clean_label(cell.text) for col, cell in items if col != funds}}
    return TaskColumns(cols.name, cols.content, funds, cols.target, cols.unit, extras)


def _section_label(row: list[Cell], before: int) -> str | None:
    for cell in row[:before]:
        kind = classify(cell.text)
        if kind in ("key_tasks", "other_tasks"):
            return "key" if kind == "key_tasks" else "other"
    return None


def _heading_row(row: list[Cell]) -> bool:
    """A row of one cell that names a part of the form (``部门整体支出绩效指标`` between the task and indicator
    tables, ``年度绩效指标``): a heading, not a task."""
    filled = distinct(row)
    if len(filled) != 1:
        return False
    text = filled[0][1].text
    return classify(text) is not None or vocab.looks_like_level_name(text)


def _from_row_above(row: list[Cell], col: int | None) -> bool:
    """**A cell merged down from a row above** (a task's funds merged over its sub-rows, one 主要内容 a row): its
    amount was read with the first sub-row and is not the next one's too. A cell merged across (from the left) is
    this row's own."""
    if col is None or col >= len(row) or not row[col].merged:
        return False
    own = [cell.pos[0] for cell in row if not cell.merged]
    return bool(own) and row[col].pos[0] < min(own)


def read_task_row(
    row: list[Cell], cols: TaskColumns, draft: Draft, label: str, default_unit: MoneyUnit
) -> str:
    """Read one task row; returns the section label in force after it."""
    label = _section_label(row, cols.first) or label
    name_cell = row[cols.name] if cols.name < len(row) else None

    def text(col: int | None) -> str:
        return draft.text_of(row[col]) if col is not None and col < len(row) and not row[col].empty else ""

    name = text(cols.name)
    content = text(cols.content)
    if (
        not name and name_cell is not None
    ):  # 金额合计 printed in the section label's column, left of the names
        total = next((cell for cell in row[: cols.first] if label_key(cell.text) in _TOTAL_NAMES), None)
        if total is not None:
            name, name_cell = draft.text_of(total), total
    if not (name or content) or name_cell is None:
        return label
    if _heading_row(row):
        return label
    funds_text = "" if _from_row_above(row, cols.funds) else text(cols.funds)
    info = {header: value for col, header in cols.extras.items() if (value := text(col))}
    converted = any(line.key == "total" and line.label == clean_label(name) for line in draft.budget)
    if label_key(name) in _TOTAL_NAMES and name_cell.merged and ("任务资金合计" in draft.info or converted):
        _total_was_budget(draft)  # 金额合计 merged down over its breakdown rows (基本支出, 项目支出)
        return label
    if label_key(name) in _TOTAL_NAMES:
        if funds_text:
            funds_cell = row[cols.funds or cols.name]
            draft.add_info("任务资金合计", funds_text, funds_cell)
            if draft.task_total is None and (reading := draft.amount_of(funds_text, funds_cell)) is not None:
                draft.task_total = BudgetLine(
                    label=clean_label(name),
                    key="total",
                    amount=reading.amount,
                    value=funds_text,
                    unit=reading.unit or cols.unit or default_unit,
                    location=funds_cell.location(),
                )
        return label
    if vocab.budget_key(name) in _USES:
        _use_line(draft, name, funds_text, row[cols.funds or cols.name], cols.unit or default_unit)
        return label
    funds = None
    unit: MoneyUnit = cols.unit or default_unit
    try:
        parsed = parse_amount(funds_text)
    except AmountError:
        parsed = None
        info[clean_label("拟投入的资金")] = funds_text
    if parsed is not None:
        funds, unit = parsed[0], parsed[1] or unit
        note = amount_note(funds_text)
        if note:
            info.setdefault(FUNDS_NOTE, note)
    number, bare_name = split_number(name)
    task = Task(
        section="key" if label == "key" else "other",
        number=number,
        name=bare_name,
        content=content,
        funds=funds,
        unit=unit,
        target=text(cols.target),
        info=info,
        location=name_cell.location(),
    )
    draft.tasks.append(PendingTask(task, "key" if label == "key" else "other", name_cell))
    return label


# What money is spent on: a row of the task table labelled so is a budget line, not a task.
_USES = frozenset({"basic", "project", "personnel", "public_expenses"})


def _total_was_budget(draft: Draft) -> None:
    """The 合计 row read as the tasks' total is the department's budget total: a budget line, not 任务资金合计."""
    if draft.task_total is not None and "任务资金合计" in draft.info:
        draft.budget.append(draft.task_total)
        del draft.info["任务资金合计"]
        draft.locations.pop("info.任务资金合计", None)
        draft.task_total = None


def _use_line(draft: Draft, name: str, funds_text: str, cell: Cell, unit: MoneyUnit) -> None:
    """**The department's budget printed under its tasks** (the central 2021 部门整体 form: 金额合计, then 其中：基本支出
    and 项目支出 in the task table's columns): a row labelled with a use is a budget line, and the 合计 row above it
    was the department's total, not the tasks' (the tasks add up to 项目支出)."""
    _total_was_budget(draft)
    if not funds_text:
        return
    reading = draft.amount_of(funds_text, cell)
    draft.budget.append(
        BudgetLine(
            label=clean_label(name),
            key=vocab.budget_key(name) or "project",
            amount=reading.amount if reading else None,
            value=funds_text,
            unit=(reading.unit if reading else None) or unit,
            location=cell.location(),
        )
    )


def _restarts(pending: list[PendingTask]) -> bool:
    """True when the task numbering starts again somewhere (1, 2, 1 …)."""
    numbers = [item.task.number for item in pending if item.task.number is not None]
    return len(numbers) >= 2 and any(b <= a for a, b in itertools.pairwise(numbers))


def settle_sections(draft: Draft) -> list[Task]:
    """Sections by numbering where it restarts: a new section starts at each restart. When the numbering runs on
    (1, 2, 3, 4) or there is none, the label each row carried decides (``其他需完成的任务`` starts the other section;
    without it every task is a key task). A label that disagrees with a restart is recorded as a P003 repair."""
    pending = draft.tasks
    if not _restarts(pending):
        return [item.task for item in pending]
    section_index = 0
    previous: int | None = None
    tasks: list[Task] = []
    for item in pending:
        number = item.task.number
        if number is not None and previous is not None and number <= previous:
            section_index += 1
        previous = number if number is not None else previous
        section = "key" if section_index == 0 else "other"
        if section != item.label_section:
            draft.repair(
                "task-section",
                item.cell,
                task=item.task.name,
                label=item.label_section,
                section=section,
            )
        tasks.append(item.task.model_copy(update={"section": section}))
    return tasks
