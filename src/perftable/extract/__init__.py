"""The extractor: blocks of cells (from any reader) -> :class:`~perftable.model.Document` objects.

A file may hold several forms (a department table and dozens of project tables); a new form starts at a second
title or at a new header (部门名称/项目名称) after a form that already has indicators. Forms that are not
绩效目标表 (no indicators and no budget block with goals or tasks; self-evaluation tables) are skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from perftable.errors import NoTableError
from perftable.extract.form import FormBuilder
from perftable.extract.tasks import settle_sections
from perftable.grid import Cell, Source, Table, TextLine
from perftable.model import Document

if TYPE_CHECKING:
    from perftable.extract.draft import Draft


def _document(draft: Draft, source: Source) -> Document:
    kind = draft.kind or ("project" if draft.project else "department")
    return Document(
        kind=kind,
        title=draft.title,
        year=draft.year,
        department=draft.department,
        project=draft.project if kind == "project" else None,
        info=draft.info
        if kind == "project" or not draft.project
        else {"项目名称": draft.project, **draft.info},
        budget=draft.budget,
        goals=draft.goals,
        tasks=settle_sections(draft),
        indicators=draft.indicators,
        warnings=sorted(draft.warnings, key=lambda repair: repair.location.sort_key()),
        source=draft.start.location(),
        format=source.format,
        locations=draft.locations,
        scoring=draft.scores.result(),
    )


def drafts(source: Source) -> list[Draft]:
    """Every form of a source, recognised or not."""
    builders: list[FormBuilder] = []

    def current(cell: Cell) -> FormBuilder:
        if not builders:
            builders.append(FormBuilder(cell))
        return builders[-1]

    for block in source.blocks:
        if isinstance(block, TextLine):
            builder = current(block.cell)
            if builder.starts_new_form([block.cell]):
                builders.append(builder := FormBuilder(block.cell))
            builder.feed_text(block.text, block.cell)
            continue
        assert isinstance(block, Table)
        for row in block.rows:
            if not row:
                continue
            builder = current(row[0])
            if builder.starts_new_form(row):
                builders.append(builder := FormBuilder(row[0]))
            builder.feed_row(row)
    return [builder.draft for builder in builders]


def extract(source: Source) -> list[Document]:
    """The 绩效目标表 of a source. Raises :class:`NoTableError` when there is none."""
    found = drafts(source)
    documents = [_document(draft, source) for draft in found if draft.recognised]
    if not documents and any(draft.self_evaluation for draft in found):
        raise NoTableError(
            source.path,
            "holds a self-evaluation table (自评表: 实际完成值/得分 columns), not a 绩效目标表",
            "self-evaluation",
        )
    if not documents:
        raise NoTableError(
            source.path,
            "no 绩效目标表 found (no indicator table with 一级/二级/三级指标 headers, and no budget block with goals "
            "or tasks)",
            "no-table",
        )
    return documents
