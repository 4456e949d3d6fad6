"""A whole document laid out: title, year line and the grid of every section (see :mod:`.layout`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from perftable import vocab
from perftable.render.budget import budget_block
from perftable.render.layout import (
    MIN_WIDTH,
    TASK_TOTAL,
    Form,
    LogicalRow,
    amount_cell,
    amount_text,
    assemble,
    cell,
    field_rows,
    goal_lines,
    goal_rows,
    is_long_goal,
    label,
)
from perftable.render.tables import indicator_block, indicator_width, task_block, task_width

if TYPE_CHECKING:
    from perftable.model import Document

DEFAULT_TITLES = {"department": "部门整体支出绩效目标表", "project": "项目支出绩效目标表"}


def form_title(doc: Document) -> str | None:
    """The document's own title. A document without one gets its kind's standard title only where the kind could
    not be read back otherwise (a project table without a project name, a department table naming a project)."""
    if doc.title is not None:
        return doc.title
    ambiguous = (doc.kind == "project" and not doc.project) or (
        doc.kind == "department" and "项目名称" in doc.info
    )
    return DEFAULT_TITLES[doc.kind] if ambiguous else None


def year_lines(doc: Document, title: str | None) -> list[str]:
    """``（2024年度）`` under the title, when the title does not name the document's year."""
    if doc.year is None or vocab.year_in(title or "") == doc.year:
        return []
    return [f"（{doc.year}年度）"]


def _goal_listing(doc: Document) -> list[LogicalRow] | None:
    """**A project of a listing of goals** (重点项目绩效目标情况: a row a project, with its amount and goal, and no
    indicators), laid out as it was printed: a listing of one row, so that it reads back as a project of a goal
    listing, not as a form whose indicators are missing. None for any other document."""
    if doc.layout != "listing" or doc.indicator_layout != "none" or doc.kind != "project" or doc.tasks:
        return None
    info = [name for name in doc.info if not is_long_goal(name)]
    head = [label("项目名称"), *(label(name) for name in info)]
    row = [cell(doc.project or "", ("project",)), *(cell(doc.info[name], ("info", name)) for name in info)]
    for index, line in enumerate(doc.budget):
        head.append(label(line.label, ("budget", index, "label")))
        printed = amount_text(line.amount, line.unit, line.unit, line.value)
        row.append(amount_cell(line.amount, printed, ("budget", index)))
    head.append(label("绩效目标"))
    row.append(cell("\n".join(goal_lines(doc.goals)), ("goals",)))
    return [head, row]


def layout(doc: Document) -> Form:
    """The canonical layout of one document."""
    title = form_title(doc)
    width = max(MIN_WIDTH, task_width(doc), indicator_width(doc))
    listing = _goal_listing(doc)
    if listing is not None:
        rows, width = listing, len(listing[0])
    else:
        rows = [
            *field_rows(doc, tasks_total=bool(doc.tasks) and TASK_TOTAL in doc.info),
            *budget_block(doc, width),
            *goal_rows(doc),
            *task_block(doc),
            *indicator_block(doc),
        ]
    grid = assemble(rows, width) if rows else []
    lines = year_lines(doc, title)
    if listing is not None and doc.department:
        lines.append(f"部门名称：{doc.department}")  # a listing names its department above it, not in a row
    form = Form(title, lines, grid)
    for grid_row in grid:
        for placed in grid_row:
            if placed is not None and placed.key is not None:
                form.keys[placed.key] = placed
    return form
