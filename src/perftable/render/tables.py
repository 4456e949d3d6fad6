"""The task and indicator tables of the canonical layout (see :mod:`perftable.render.layout`)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from perftable import vocab
from perftable.render.layout import (
    ABOVE,
    TASK_TOTAL,
    LogicalRow,
    amount_cell,
    amount_text,
    block,
    cell,
    label,
)
from perftable.spans import SpanCell
from perftable.values.units import unit_in_name

if TYPE_CHECKING:
    from perftable.model import Document, Indicator, Task

FUNDS_TEXT = "拟投入的资金"  # Task.info key of funds that were not a number


# --- tasks ---------------------------------------------------------------------------------------------------


def task_columns(tasks: list[Task]) -> list[str]:
    """The task table's columns: name, content and target when any task has them, funds always, then the
    further columns tasks carry in ``info``."""
    columns = ["name"]
    if any(task.content for task in tasks):
        columns.append("content")
    columns.append("funds")
    if any(task.target for task in tasks):
        columns.append("target")
    extras = dict.fromkeys(key for task in tasks for key in task.info if key != FUNDS_TEXT)
    return columns + [f"info:{key}" for key in extras]


def tasks_unit(tasks: list[Task]) -> str:
    counts = Counter(task.unit for task in tasks)
    return max(counts, key=lambda unit: (counts[unit], -[task.unit for task in tasks].index(unit)))


def _task_header(column: str, unit: str) -> str:
    headers = {
        "name": "名称",
        "content": "主要实施内容",
        "funds": f"拟投入的资金({unit})",
        "target": "期望达到的目标",
    }
    return headers.get(column) or column.removeprefix("info:")


def task_name(task: Task) -> str:
    return f"任务{task.number}：{task.name}" if task.number is not None else task.name


def _task_cell(task: Task, index: int, column: str, unit: str) -> SpanCell:
    key: tuple[str | int, ...] = ("task", index, column)
    if column == "name":
        return cell(task_name(task), key)
    if column == "funds":
        printed = amount_text(task.funds, task.unit, unit, task.info.get(FUNDS_TEXT, ""))
        return amount_cell(task.funds, printed, key)
    if column in ("content", "target"):
        return cell(getattr(task, column), key)
    return cell(task.info.get(column.removeprefix("info:"), ""), key)


def task_width(doc: Document) -> int:
    return 1 + len(task_columns(doc.tasks)) if doc.tasks else 0


def task_block(doc: Document) -> list[LogicalRow]:
    """The header, the key tasks under 年度重点工作任务, the others under 其他需完成的任务, and a 合计 row when the
    source printed one."""
    if not doc.tasks:
        return []
    columns = task_columns(doc.tasks)
    unit = tasks_unit(doc.tasks)
    header: LogicalRow = [SpanCell(_task_header(column, unit), role="header") for column in columns]
    sections: dict[str, list[LogicalRow]] = {"key": [header], "other": []}
    for index, task in enumerate(doc.tasks):
        sections[task.section].append([_task_cell(task, index, column, unit) for column in columns])
    total = doc.info.get(TASK_TOTAL)
    if total is not None:
        row = [cell("合计"), *(cell("") for _ in columns[1:])]
        row[columns.index("funds")] = SpanCell(total, role="amount", key=("info", TASK_TOTAL))
        sections["other" if sections["other"] else "key"].append(row)
    rows = block(label("年度重点工作任务", ("section", "tasks")), sections["key"])
    if sections["other"]:
        rows += block(label("其他需完成的任务"), sections["other"])
    return rows


# --- indicators ----------------------------------------------------------------------------------------------


def indicator_extras(indicators: list[Indicator]) -> list[str]:
    return list(dict.fromkeys(key for indicator in indicators for key in indicator.info))


def needs_unit_column(indicators: list[Indicator]) -> bool:
    """A 计量单位 column is written when some unit cannot be read from the indicator's name."""
    return any(indicator.unit != unit_in_name(indicator.name) for indicator in indicators)


def indicator_width(doc: Document) -> int:
    flat = doc.indicator_layout == "flat"
    return max(
        (_block_width(block, flat) for block in (doc.indicators, doc.long_term_indicators) if block),
        default=0,
    )


def _block_width(indicators: list[Indicator], flat: bool = False) -> int:
    return (3 if flat else 5) + needs_unit_column(indicators) + len(indicator_extras(indicators))


def level1_text(doc: Document, level1: str) -> str:
    """A level-1 as printed: with its score range on a scored form (``成本指标(0-20)分``, ``满意度指标(10)分``)."""
    scores = doc.scoring.groups.get(level1) if doc.scoring else None
    if scores is None:
        return level1
    return (
        f"{level1}({scores.low}分)"
        if scores.low == scores.high
        else f"{level1}({scores.low}-{scores.high})分"
    )


def _starts_groups(previous: Indicator | None, indicator: Indicator) -> tuple[bool, bool]:
    """Whether the indicator opens a new level-1 group and a new level-2 group. A level-2 that could not sit
    under the level-1 in force opens a new level-1 group too, so that the level-1 is printed again there (read
    flattened, the extractor would otherwise infer the level-2's usual parent)."""
    if previous is None or indicator.level1 != previous.level1:
        return True, True
    new_level2 = indicator.level2 != previous.level2
    if new_level2 and not vocab.may_sit_under(indicator.level2, indicator.level1):
        return True, True
    return False, new_level2


LONG_TERM_HEAD = "中长期绩效指标"


def indicator_block(doc: Document) -> list[LogicalRow]:
    """The indicator table. A form with mid- or long-term indicators prints them first, under 中长期绩效指标, then
    the annual ones under 年度绩效指标 (the labels say which is which when the form is read back)."""
    rows: list[LogicalRow] = []
    if doc.long_term_indicators:
        long_term = _indicator_table(doc, doc.long_term_indicators, "long_term_indicator", scored=False)
        rows += block(label(LONG_TERM_HEAD, ("section", "long_term_indicators")), long_term)
    if doc.indicators:
        total = doc.scoring.total if doc.scoring else None
        name = "年度绩效指标" if doc.long_term_indicators else "绩效指标"
        head = label(name if total is None else f"{name}({total}分)", ("section", "indicators"))
        rows += block(head, _indicator_table(doc, doc.indicators, "indicator", scored=True))
    return rows


def _indicator_table(
    doc: Document, indicators: list[Indicator], key: str, *, scored: bool
) -> list[LogicalRow]:
    """A header and one row an indicator, level names merged over their groups; ``key`` names the cells (findings
    and diffs find an indicator's cells by it); ``scored`` prints the level-1 score ranges."""
    with_unit = needs_unit_column(indicators)
    extras = indicator_extras(indicators)
    # a flat list (no categories printed) is written flat: its level names, where any, were inferred from the
    # indicators' names when it was read, and are inferred again when it is read back
    flat = doc.indicator_layout == "flat"
    levels = [] if flat else ["一级指标", "二级指标"]
    names = [*levels, "三级指标", "指标值", *(["计量单位"] if with_unit else []), *extras]
    rows: list[LogicalRow] = [[SpanCell(name, role="header") for name in names]]
    previous: Indicator | None = None
    for index, indicator in enumerate(indicators):
        new_level1, new_level2 = _starts_groups(previous, indicator)
        level1 = level1_text(doc, indicator.level1) if scored else indicator.level1
        row: LogicalRow = (
            []
            if flat
            else [
                cell(level1, (key, index, "level1")) if new_level1 else ABOVE,
                cell(indicator.level2, (key, index, "level2")) if new_level2 else ABOVE,
            ]
        )
        row += [
            cell(indicator.name, (key, index, "name")),
            cell(indicator.value, (key, index, "value")),
        ]
        if with_unit:
            row.append(cell(indicator.unit or "", (key, index, "unit")))
        row += [cell(indicator.info.get(name, ""), (key, index, f"info:{name}")) for name in extras]
        rows.append(row)
        previous = indicator
    return rows
