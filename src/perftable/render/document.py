"""A whole document laid out: title, year line and the grid of every section (see :mod:`.layout`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from perftable import vocab
from perftable.render.budget import budget_block
from perftable.render.layout import (
    MIN_WIDTH,
    TASK_TOTAL,
    Form,
    assemble,
    field_rows,
    goal_rows,
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


def layout(doc: Document) -> Form:
    """The canonical layout of one document."""
    title = form_title(doc)
    width = max(MIN_WIDTH, task_width(doc), indicator_width(doc))
    rows = [
        *field_rows(doc, tasks_total=bool(doc.tasks) and TASK_TOTAL in doc.info),
        *budget_block(doc, width),
        *goal_rows(doc),
        *task_block(doc),
        *indicator_block(doc),
    ]
    grid = assemble(rows, width) if rows else []
    form = Form(title, year_lines(doc, title), grid)
    for row in grid:
        for cell in row:
            if cell is not None and cell.key is not None:
                form.keys[cell.key] = cell
    return form
