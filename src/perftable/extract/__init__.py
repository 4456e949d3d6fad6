"""The extractor: blocks of cells (from any reader) -> :class:`~perftable.model.Document` objects.

A file may hold several forms (a department table and dozens of project tables); a new form starts at a second
title, at a new header (部门名称/项目名称) after a form that already has indicators, or at a table that cannot
continue the form's indicator table. Forms that are not 绩效目标表 (no indicators and no budget block with goals or
tasks; self-evaluation tables, 收支总表) are skipped; :func:`extraction` counts them.
"""

from __future__ import annotations

from dataclasses import dataclass

from perftable.errors import NoTableError
from perftable.extract.draft import Draft, distinct
from perftable.extract.form import FormBuilder
from perftable.extract.periods import settle_periods
from perftable.extract.tasks import settle_sections
from perftable.grid import Cell, Source, Table, TextLine
from perftable.model import Document


def _document(draft: Draft, source: Source) -> Document:
    indicators, long_term = settle_periods(draft)
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
        indicators=indicators,
        long_term_indicators=long_term,
        warnings=sorted(draft.warnings, key=lambda repair: repair.location.sort_key()),
        source=draft.start.location(),
        format=source.format,
        locations=draft.locations,
        scoring=draft.scores.result(),
    )


@dataclass(frozen=True, slots=True)
class Extraction:
    """What a source holds: its 绩效目标表, and how many of its tables were skipped (no row of theirs went into a
    绩效目标表: 收支总表, 自评表…)."""

    documents: list[Document]
    skipped: int
    self_evaluation: bool = False


def drafts(source: Source) -> list[Draft]:
    """Every form of a source, recognised or not."""
    return [builder.draft for builder in _builders(source)]


def _builders(source: Source) -> list[FormBuilder]:
    builders: list[FormBuilder] = []

    def current(cell: Cell) -> FormBuilder:
        if not builders:
            builders.append(FormBuilder(cell))
        return builders[-1]

    for number, block in enumerate(source.blocks):
        if isinstance(block, TextLine):
            builder = current(block.cell)
            if builder.starts_new_form([(0, block.cell)]):
                builders.append(builder := FormBuilder(block.cell))
            builder.feed_text(block.text, block.cell)
            continue
        assert isinstance(block, Table)
        first = next((row for row in block.rows if any(not cell.empty for cell in row)), None)
        if first is not None and builders and builders[-1].is_foreign_table(first):
            builders.append(FormBuilder(first[0]))
        for row in block.rows:
            if not row:
                continue
            builder = current(row[0])
            items = distinct(row)
            if builder.starts_new_form(items):
                builders.append(builder := FormBuilder(row[0]))
            builder.feed_row(row, items)
            if items:  # a row with text (``distinct`` keeps its non-empty cells)
                builder.tables.add(number)
    return builders


def extraction(source: Source) -> Extraction:
    """The 绩效目标表 of a source and the number of its tables skipped; never raises for content."""
    builders = _builders(source)
    documents = [_document(builder.draft, source) for builder in builders if builder.draft.recognised]
    read = {table for builder in builders for table in builder.tables}
    kept = {table for builder in builders if builder.draft.recognised for table in builder.tables}
    self_evaluation = any(builder.draft.self_evaluation for builder in builders)
    return Extraction(documents, len(read - kept), self_evaluation)


def extract(source: Source) -> list[Document]:
    """The 绩效目标表 of a source. Raises :class:`NoTableError` when there is none."""
    result = extraction(source)
    return require_documents(result, source.path)


def require_documents(result: Extraction, path: str) -> list[Document]:
    """The documents of an extraction; :class:`NoTableError` (saying why) when there is none."""
    if not result.documents and result.self_evaluation:
        raise NoTableError(
            path,
            "holds a self-evaluation table (自评表: 实际完成值/得分 columns), not a 绩效目标表",
            "self-evaluation",
        )
    if not result.documents:
        raise NoTableError(
            path,
            "no 绩效目标表 found (no indicator table with 一级/二级/三级指标 headers, and no budget block with goals "
            "or tasks)",
            "no-table",
        )
    return result.documents
