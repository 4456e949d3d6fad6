"""The budget block as forms print it: lines of one kind on one row, each label beside its own amount.

The lines come in the order they were read (row by row), and the block is laid out so that reading it again gives
that order. Two shapes are recognised from the order itself:

* **Pairs** (the Guangdong form): the lines alternate between a use (基本支出, 财政专项资金 …) and a source or level
  (财政拨款, 市本级使用资金 …), as read from two columns. They are laid out as two columns again, each run under its
  sub-header row when the form is the one that prints them (it has 事业发展性支出 or 按预算级次划分 lines):
  ``部门预算支出 | 预算金额(万元) | 收入来源 | 预算金额(万元)``, ``事业发展性支出 | … | 按预算级次划分 | …``.
* **Runs**: otherwise each run of lines of one kind (a total and its sources, the uses, …) fills rows of two
  pairs (as forms print them; a source the vocabulary does not name is read by its place in such a row); a row
  never mixes kinds, so 其他资金 does not sit beside 基本支出.

A row ends with an empty cell stretched to the form's edge, so that an amount stays beside its label instead of
being merged across the rest of the row. A project's 项目资金总额 and the sources under it keep their columns (the
extractor keys sources by the column of the total above them): :func:`perftable.render.layout.place_budget`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

from perftable import vocab
from perftable.render.layout import (
    LogicalRow,
    amount_cell,
    amount_text,
    block,
    budget_label,
    budget_unit,
    cell,
    label,
    place_budget,
)

if TYPE_CHECKING:
    from perftable.model import BudgetLine, Document

Kind = Literal["total", "use", "development", "source", "level"]

_KINDS: Final[dict[str, Kind]] = {
    "total": "total",
    "annual_total": "total",
    "basic": "use",
    "project": "use",
    "personnel": "use",
    "public_expenses": "use",
    "development": "development",
    "special": "development",
    "other_development": "development",
    "own_level": "level",
    "transfer": "level",
}
_LEFT: Final = frozenset({"use", "development"})
_SUB_HEADERS: Final[dict[Kind, str]] = {
    "use": "部门预算支出",
    "source": "收入来源",
    "development": "事业发展性支出",
    "level": "按预算级次划分",
}


def kind_of(line: BudgetLine) -> Kind:
    """What a line is: a total, a use of the money, a development expense, a source, or a budget level."""
    return _KINDS.get(line.key, "source")


def _is_pairs(lines: list[BudgetLine], kinds: list[Kind]) -> bool:
    """True when the lines alternate use/source (two columns read row by row), at least two pairs, and no pair
    is two labels without amounts (such a row reads as column headers)."""
    if len(kinds) < 4 or len(kinds) % 2:
        return False
    return all(
        kinds[i] in _LEFT
        and kinds[i + 1] not in _LEFT | {"total"}
        and not (lines[i].amount is None and lines[i + 1].amount is None)
        for i in range(0, len(kinds), 2)
    )


def _line_cells(doc: Document, index: int, unit: str) -> list[LogicalRow]:
    line = doc.budget[index]
    implied = vocab.money_unit_of(line.label) or unit
    printed = amount_text(line.amount, line.unit, implied, line.value)
    return [
        [label(line.label, ("budget", index, "label")), amount_cell(line.amount, printed, ("budget", index))]
    ]


def _row(doc: Document, indexes: list[int], unit: str) -> LogicalRow:
    return [item for index in indexes for item in _line_cells(doc, index, unit)[0]]


def _pair_rows(doc: Document, kinds: list[Kind], unit: str) -> list[LogicalRow]:
    headed = any(kind in ("development", "level") for kind in kinds)
    rows: list[LogicalRow] = []
    for i in range(0, len(kinds), 2):
        if headed and (i == 0 or (kinds[i], kinds[i + 1]) != (kinds[i - 2], kinds[i - 1])):
            money = f"预算金额({unit})"
            rows.append(
                [label(_SUB_HEADERS[kinds[i]]), label(money), label(_SUB_HEADERS[kinds[i + 1]]), label(money)]
            )
        rows.append(_row(doc, [i, i + 1], unit))
    return rows


def _run_rows(doc: Document, kinds: list[Kind], unit: str, per_row: int) -> list[LogicalRow]:
    """Runs of one kind, a total opening the run of sources after it; a run longer than a row wraps, and a row
    of labels without amounts is not made (it would read as column headers)."""
    runs: list[list[int]] = []
    for index, kind in enumerate(kinds):
        joins = bool(runs) and (
            kinds[runs[-1][-1]] == kind or (kinds[runs[-1][-1]] == "total" and kind == "source")
        )
        blank = bool(runs) and all(doc.budget[i].amount is None for i in [*runs[-1], index])
        if joins and not blank and len(runs[-1]) < per_row:
            runs[-1].append(index)
        else:
            runs.append([index])
    return [_row(doc, run, unit) for run in runs]


def _filled(rows: list[LogicalRow], width: int) -> list[LogicalRow]:
    """Each row closed by an empty cell to the form's edge (the amount is not stretched over it)."""
    return [[*row, cell("")] if len(row) + 1 < width else row for row in rows]


def _grouped_rows(doc: Document, unit: str) -> list[LogicalRow]:
    rows: list[LogicalRow] = []
    for placed in place_budget(doc.budget):
        row: LogicalRow = []
        for index in placed:
            if index is None:
                if not row:
                    row += [cell(""), cell("")]
                continue
            row += _row(doc, [index], unit)
        rows.append(row)
    return rows


def budget_block(doc: Document, width: int) -> list[LogicalRow]:
    """The budget block under its section label (see the module's docstring)."""
    if not doc.budget:
        return []
    unit = budget_unit(doc.budget)
    kinds = [kind_of(line) for line in doc.budget]
    if any(line.key.startswith("total_") or vocab.is_project_total(line.label) for line in doc.budget):
        rows = _grouped_rows(doc, unit)
    elif _is_pairs(doc.budget, kinds):
        rows = _pair_rows(doc, kinds, unit)
    else:
        rows = _run_rows(doc, kinds, unit, per_row=2)
    return block(label(budget_label(doc, unit)), _filled(rows, width))
