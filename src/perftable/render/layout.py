"""The canonical layout of a 绩效目标表: a :class:`~perftable.model.Document` as the official form lays it out.

One layout per form kind, the same for every writer (markdown flattens it, HTML and xlsx merge it)::

    部门名称 (项目名称, 主管部门)       | the name, merged across
    基本信息 (项目基本情况)             | label | value | label | value      (Document.info, two pairs a row)
    预算整体情况(万元) (项目资金(万元))  | label | amount | label | amount   (Document.budget: see :mod:`.budget`)
    项目总目标                          | text                               (long-term goals, from info)
    总体绩效目标 (年度绩效目标)          | 1、… 2、…                          (Document.goals)
    年度重点工作任务 / 其他需完成的任务   | 名称 | 主要实施内容 | 拟投入的资金(万元) | 期望达到的目标 | …
    绩效指标                            | 一级指标 | 二级指标 | 三级指标 | 指标值 | 计量单位 | …

Section labels are merged down their rows; level-1 and level-2 names are merged over their groups (flattened, the
name sits on the group's first row). The layout is chosen so that reading it back gives the same model: values are
placed where the extractor looks for them, and nothing depends on how the source was laid out, so that rendering
is idempotent. Every cell carries a ``key`` naming the model value it shows (findings and diffs use it).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from perftable import vocab
from perftable.spans import SpanCell, SpanGrid
from perftable.values.numbers import format_amount
from perftable.values.patterns import OUTLINE_NUMBER

if TYPE_CHECKING:
    from perftable.model import BudgetLine, Document

ABOVE = SpanCell("^")  # a place covered by the cell above (compared by identity)
MIN_WIDTH = 5
TASK_TOTAL = "任务资金合计"
LogicalRow = list[SpanCell]


@dataclass
class Form:
    """A document laid out: a title, text lines under it (the year), and the grid."""

    title: str | None
    lines: list[str]
    grid: SpanGrid
    keys: dict[tuple[str | int, ...], SpanCell] = field(default_factory=dict)


def label(text: str, key: tuple[str | int, ...] | None = None) -> SpanCell:
    return SpanCell(text, role="label", key=key)


def cell(text: str, key: tuple[str | int, ...] | None = None) -> SpanCell:
    return SpanCell(text, key=key)


_COUNT = re.compile(r"(?:人数|人员数|单位数|个数|编制数|户数|数量)(?:[(（][^)）]*[)）])?$")
_PLAIN_COUNT = re.compile(r"^(?:0|[1-9]\d{0,14})$")
# A goal that opens with its own number: 1、 （一） ① 目标1：
_NUMBERED = re.compile(rf"^(?:{OUTLINE_NUMBER}|(?:目标|任务)\s*\d{{1,3}}\s*[:：、.．])")


def info_cell(name: str, value: str) -> SpanCell:
    """A header field's value; a count (财政供养人员数 | 34, 下属二级单位数 | 0) is a number in a workbook, as an
    amount is. A code printed as digits (单位编码 | 101) stays text."""
    if _COUNT.search(name) and _PLAIN_COUNT.match(value):
        return SpanCell(value, role="text", amount=Decimal(value), key=("info", name))
    return cell(value, ("info", name))


# An amount spelled as a plain number, with or without thousands separators: 12577.526935, 1,273.72, -120.00.
_PLAIN_AMOUNT = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def _spells(printed: str, amount: Decimal) -> bool:
    """True when ``printed`` is ``amount`` written as a plain number, to the same decimals."""
    if not _PLAIN_AMOUNT.match(printed):
        return False
    number = Decimal(printed.replace(",", ""))
    return number == amount and number.as_tuple().exponent == amount.as_tuple().exponent


def amount_cell(amount: Decimal | None, printed: str, key: tuple[str | int, ...]) -> SpanCell:
    """An amount: stored as a number (xlsx) only when its text is the number as a plain number."""
    plain = amount is not None and (printed == format_amount(amount) or _spells(printed, amount))
    return SpanCell(printed, role="amount", amount=amount if plain else None, key=key)


def amount_text(amount: Decimal | None, unit: str, implied: str, fallback: str) -> str:
    """An amount as the canonical form prints it: as the source spelled it when that was a plain number (with or
    without thousands separators: ``12577.526935`` reads back as it was), else with thousands separators and its
    own decimals; the unit only where it differs from the one the header implies; a missing amount prints what the
    source printed (``—``, ``无``)."""
    if amount is None:
        return fallback
    text = fallback.strip() if _spells(fallback.strip(), amount) else format_amount(amount)
    return text if unit == implied else text + unit


def block(head: SpanCell, rows: list[LogicalRow]) -> list[LogicalRow]:
    """Rows under a section label merged down them."""
    return [[head if index == 0 else ABOVE, *row] for index, row in enumerate(rows)]


def assemble(rows: list[LogicalRow], width: int) -> SpanGrid:
    """Place logical rows (cells with colspans, ``ABOVE`` for vertical merges) on a grid ``width`` wide; the last
    cell of a short row is stretched to the right edge, as the form merges it."""
    grid: SpanGrid = []
    owner: dict[tuple[int, int], SpanCell] = {}
    for r, logical in enumerate(rows):
        placed: list[tuple[int, SpanCell]] = []
        col = 0
        for item in logical:
            placed.append((col, item))
            col += owner[(r - 1, col)].colspan if item is ABOVE else item.colspan
        if col < width:
            if placed and placed[-1][1] is not ABOVE:
                placed[-1][1].colspan += width - col
            else:
                placed.append((col, SpanCell("", colspan=width - col)))
        out: list[SpanCell | None] = [None] * width
        for col, item in placed:
            top = owner[(r - 1, col)] if item is ABOVE else item
            if item is ABOVE:
                top.rowspan += 1
            else:
                out[col] = item
            for dc in range(top.colspan):
                owner[(r, col + dc)] = top
        grid.append(out)
    return grid


# --- header fields -------------------------------------------------------------------------------------------


def is_long_goal(name: str) -> bool:
    return vocab.goal_label_kind(name) == "long_goal"


def pair_rows(pairs: list[tuple[SpanCell, SpanCell]]) -> list[LogicalRow]:
    """Label/value pairs, two a row."""
    return [[*pairs[i][0:2], *(pairs[i + 1] if i + 1 < len(pairs) else ())] for i in range(0, len(pairs), 2)]


def field_rows(doc: Document, *, tasks_total: bool) -> list[LogicalRow]:
    """The name rows and the info block."""
    rows: list[LogicalRow] = []
    project = doc.project if doc.kind == "project" else doc.info.get("项目名称")
    if doc.kind == "department" and doc.department is not None:
        rows.append([label("部门名称"), cell(doc.department, ("department",))])
    if project is not None:
        key = ("project",) if doc.kind == "project" else ("info", "项目名称")
        rows.append([label("项目名称"), cell(project, key)])
    if doc.kind == "project" and doc.department is not None:
        rows.append([label("主管部门"), cell(doc.department, ("department",))])
    skipped = {"项目名称", *([TASK_TOTAL] if tasks_total else [])}
    pairs = [
        (label(name), info_cell(name, value))
        for name, value in doc.info.items()
        if name not in skipped and not is_long_goal(name)
    ]
    if pairs:
        head = label("基本信息" if doc.kind == "department" else "项目基本情况")
        rows += block(head, pair_rows(pairs))
    return rows


# --- budget --------------------------------------------------------------------------------------------------


def budget_unit(lines: list[BudgetLine]) -> str:
    """The unit of the budget block: the one most lines use (the first of them on a tie)."""
    counts = Counter(line.unit for line in lines)
    return max(counts, key=lambda unit: (counts[unit], -[line.unit for line in lines].index(unit)))


def _in_total_column(line: BudgetLine) -> bool:
    return line.key.startswith("total_") or (line.key == "total" and vocab.is_project_total(line.label))


def _fits_right(row: list[int | None], line: BudgetLine, lines: list[BudgetLine]) -> bool:
    """True when the line can take the right slot of the row: it is free, and the row would not end up with two
    lines without amounts (a row of labels alone reads as column headers)."""
    left = row[0]
    return row[1] is None and left is not None and not (lines[left].amount is None and line.amount is None)


def place_budget(lines: list[BudgetLine]) -> list[list[int | None]]:
    """Budget lines on rows of two slots (left, right), in reading order. A project's 项目资金总额 and the sources
    under it keep the left column and the rest the right one, since the extractor keys sources by the column of
    the total above them; otherwise lines fill the rows in order."""
    grouped = any(_in_total_column(line) for line in lines)
    rows: list[list[int | None]] = []
    for index, line in enumerate(lines):
        left_only = grouped and _in_total_column(line)
        if rows and not left_only and _fits_right(rows[-1], line, lines):
            rows[-1][1] = index
        elif grouped and not left_only:
            rows.append([None, index])
        else:
            rows.append([index, None])
    return rows


def budget_label(doc: Document, unit: str) -> str:
    """``预算整体情况(万元)``; on a scored form the budget-execution score too (``项目资金\n预算执行10分\n(万元)``: the
    unit last, where the extractor reads a block's unit)."""
    name = "预算整体情况" if doc.kind == "department" else "项目资金"
    score = doc.scoring.budget_execution if doc.scoring else None
    return f"{name}\n预算执行{score}分\n({unit})" if score is not None else f"{name}({unit})"


# --- goals ---------------------------------------------------------------------------------------------------


def goal_lines(goals: list[str]) -> list[str]:
    """The goals as the form prints them, one a line: as they were printed, numbering and punctuation kept
    (:mod:`perftable.extract.goals`), a line before the numbered ones (``本项目包含四个子项目，分别是：``) too; several
    goals none of which is numbered (a model built by hand) are numbered 1、2、…, so that they read back as several."""
    if len(goals) > 1 and not any(_NUMBERED.match(goal) for goal in goals):
        return [f"{number}、{goal}" for number, goal in enumerate(goals, start=1)]
    return goals


def goal_rows(doc: Document) -> list[LogicalRow]:
    rows: list[LogicalRow] = [
        [label(name), cell(value, ("info", name))] for name, value in doc.info.items() if is_long_goal(name)
    ]
    if doc.goals:
        text = "\n".join(goal_lines(doc.goals))
        rows.append(
            [label("总体绩效目标" if doc.kind == "department" else "年度绩效目标"), cell(text, ("goals",))]
        )
    return rows
