"""The extractor: blocks of cells (from any reader) -> :class:`~perftable.model.Document` objects.

The pipeline, one way: the file's context (:mod:`.context`: its department and year), the layout step
(:mod:`.layout`: what each table is, which text lines belong to a table), then the readers: project listings
(:mod:`.listing`, one document per project) and forms (:mod:`.form`, read row by row). Documents come out in the
order their tables are printed.

A file may hold several forms (a department table and dozens of project tables); a new form starts at a second
title, at a new header (部门名称/项目名称) after a form that already has indicators, or at a table that cannot
continue the form's indicator table. Forms that are not 绩效目标表 (no indicators and no budget block with goals or
tasks; self-evaluation tables, 收支总表) are skipped, and so are blank forms (a template: no value filled in);
:func:`extraction` says which, and why.

May import: ``errors``, ``messages``, ``runtime``, ``model``, ``outputs``, ``values``, ``vocab``, ``grid``,
``findings``, ``spans``, ``readers``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from perftable import vocab
from perftable.errors import ReadError
from perftable.extract.context import FileContext, file_context, labelled_department
from perftable.extract.draft import Draft, distinct
from perftable.extract.form import FormBuilder, project_heading
from perftable.extract.layout import Plan, SkipKind, labelled_cell, plan, table_title
from perftable.extract.listing import ListingContext, lines_above, read_listing
from perftable.extract.settle import document_of
from perftable.grid import Block, Cell, Source, Table, TextLine
from perftable.messages import Lang, render
from perftable.model import Document, Location
from perftable.values.cleaning import clean_text
from perftable.values.patterns import RANGE_CHARS, WIDE_GAP, YEAR


@dataclass(frozen=True, slots=True)
class Skipped:
    """A table that gave no 绩效目标表: where it starts, why (``kind``), and the title it prints (other-table)."""

    location: Location
    kind: SkipKind
    title: str = ""

    def message(self, lang: Lang = "zh") -> str:
        return render(f"skipped-{self.kind}", {"title": self.title}, lang)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What a source holds: its 绩效目标表, and the tables skipped (no row of theirs went into a 绩效目标表: 收支总表,
    自评表, blank templates…), with where and why; ``skipped`` counts them (a form printed as several grid tables,
    as a PDF page break leaves it, counts once)."""

    documents: list[Document]
    skipped: int
    self_evaluation: bool = False
    reasons: list[Skipped] = field(default_factory=list)
    unruled: bool = (
        False  # a PDF whose indicator header is a text line (a table without ruling lines, not read)
    )


class NoTableError(ReadError):
    """The file was read but holds no 绩效目标表; ``extraction`` says which tables were skipped and why."""

    def __init__(
        self, path: str, reason: str, kind: str = "other", extraction: Extraction | None = None
    ) -> None:
        super().__init__(path, reason, kind)
        self.extraction = extraction

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.path, self.reason, self.kind, self.extraction))


def drafts(source: Source) -> list[Draft]:
    """Every form of a source, recognised or not (listings not included)."""
    layout = plan(source.blocks)
    return [builder.draft for builder in _builders(_form_blocks(source.blocks, layout))]


def _form_blocks(blocks: list[Block], layout: Plan) -> list[tuple[int, Block]]:
    return [(index, block) for index, block in enumerate(blocks) if index in layout.read]


def _builders(blocks: Iterable[tuple[int, Block]]) -> list[FormBuilder]:
    builders: list[FormBuilder] = []
    previous: Block | None = None

    def current(cell: Cell, number: int) -> FormBuilder:
        if not builders:
            builders.append(FormBuilder(cell, number))
        return builders[-1]

    for number, block in blocks:
        before, previous = previous, block
        if isinstance(block, TextLine):
            builder = current(block.cell, number)
            if builder.starts_new_form([(0, block.cell)]):
                builders.append(builder := FormBuilder(block.cell, number))
            elif builder.heads_next_form(block.text):
                builders.append(builder := builder.continued_by(block.cell, number, columns=False))
            builder.feed_text(block.text, block.cell)
            continue
        assert isinstance(block, Table)
        if isinstance(before, TextLine) and (value := labelled_cell(before, block)) is not None:
            # a label line (年度总体目标) and its value in a one-cell table under it
            current(value, number).feed_boxed_value(before.cell, value, number)
            continue
        first = next((row for row in block.rows if any(not cell.empty for cell in row)), None)
        if first is not None and builders and builders[-1].is_foreign_table(first):
            builders.append(FormBuilder(first[0], number))
        for row in block.rows:
            if not row:
                continue
            builder = current(row[0], number)
            items = distinct(row)
            if builder.starts_new_form(items):
                if builder.section == "indicators" and project_heading(items):
                    builders.append(builder := builder.continued_by(row[0], number))
                else:
                    builders.append(builder := FormBuilder(row[0], number))
            builder.feed_row(row, items)
            if items:  # a row with text (``distinct`` keeps its non-empty cells)
                builder.tables.add(number)
    return builders


def _listing_drafts(source: Source, layout: Plan, context: FileContext) -> list[tuple[int, Draft]]:
    out: list[tuple[int, Draft]] = []
    for index, header in sorted(layout.listings.items()):
        table = source.blocks[index]
        assert isinstance(table, Table)
        lines = [
            block for i in layout.preambles.get(index, []) if isinstance(block := source.blocks[i], TextLine)
        ] + lines_above(table, header)
        title = table_title([line.text for line in lines])
        title_line = next((line for line in lines if line.text.strip() == title), None)
        money = next((unit for line in lines if (unit := _money_line(line.text))), None)
        listing = ListingContext(
            title=clean_text(title) if title else None,
            title_cell=title_line.cell if title_line else None,
            year=(vocab.year_in(title) if title else None) or context.year,
            department=context.department or labelled_department([line.text for line in lines]),
            money=money,
        )
        # a table that continues the listing before it: rows before its first project are the last project's
        before = out[-1][1] if index in layout.continued and out else None
        out += [(index, draft) for draft in read_listing(table, header, listing, before)]
    return out


def _money_line(text: str) -> str | None:
    for piece in text.split():
        unit = vocab.money_unit_of(piece)
        if unit:
            return unit
    return None


def _blank(draft: Draft) -> bool:
    """A form left as a template: no amount, goal, task, department, project or indicator filled in."""
    if any(line.amount is not None for line in draft.budget) or draft.goals or draft.tasks:
        return False
    return not draft.has_indicators and not (draft.project or draft.department)


_NAME_YEAR = re.compile(rf"(?<![\d{RANGE_CHARS}])({YEAR})\s*年(?!\s*[{RANGE_CHARS}])")


def _settle_year(draft: Draft, context: FileContext) -> None:
    """A form's year: its own title or year line, else the file's (its cover, the titles of its other tables),
    else the one year its project's name names (``2018年农村公路建设项目``; a range such as 2024-2026年 names
    none). The 填报日期 is not used: a table is filled in the year before the one it budgets for."""
    if draft.year is None and context.year is not None:
        draft.year = context.year
    if draft.year is None and draft.project:
        years = set(_NAME_YEAR.findall(draft.project))
        if len(years) == 1:
            draft.year = int(years.pop())
            if "project" in draft.locations:
                draft.locations["year"] = draft.locations["project"]


def extraction(source: Source) -> Extraction:
    """The 绩效目标表 of a source, in the order they are printed, and the tables skipped; never raises for
    content."""
    layout = plan(source.blocks)
    context = file_context(source)
    builders = _builders(_form_blocks(source.blocks, layout))
    ordered: list[tuple[int, Draft]] = _listing_drafts(source, layout, context)
    reasons: list[Skipped] = []
    for builder in builders:
        draft = builder.draft
        if not draft.recognised:
            continue
        if _blank(draft):
            reasons.append(Skipped(draft.start.location(), "blank-form"))
            continue
        if draft.kind == "project" or draft.project:
            draft.department = draft.department or context.department
        ordered.append((builder.number, draft))
    ordered.sort(key=lambda item: item[0])  # stable: a listing's projects keep their order
    for _, draft in ordered:
        _settle_year(draft, context)
    documents = [document_of(draft, source.format) for _, draft in ordered]
    for index, (kind, title) in sorted(layout.skipped.items()):
        table = source.blocks[index]
        assert isinstance(table, Table)
        if table.rows and table.rows[0]:
            reasons.append(Skipped(table.rows[0][0].location(), kind, title))
    unruled = not documents and _unruled_header(source)
    for builder in builders:
        if builder.draft.recognised:
            continue
        draft = builder.draft
        why: SkipKind = (
            "self-evaluation"
            if draft.self_evaluation
            else "unruled-table"
            if unruled
            else "blank-form"
            if _blank(draft)
            else "no-target"
        )
        reasons.append(Skipped(draft.start.location(), why))
    self_evaluation = any(builder.draft.self_evaluation for builder in builders)
    reasons.sort(key=lambda r: r.location.sort_key())
    return Extraction(documents, len(reasons), self_evaluation, reasons, unruled)


_GAP = re.compile(WIDE_GAP)


def _unruled_header(source: Source) -> bool:
    """A PDF text line that is an indicator header (一级指标  二级指标  三级指标  指标值, cells apart by wide gaps):
    the page prints its table without ruling lines, and the reader left it as text (see readers/pdf.py)."""
    if source.format != "pdf":
        return False
    for block in source.blocks:
        if isinstance(block, TextLine) and "指标" in block.text:
            roles = {vocab.header_role(piece) for piece in _GAP.split(block.text.strip())}
            if len(roles & vocab.INDICATOR_ROLES) >= 2:
                return True
    return False


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
            result,
        )
    if not result.documents and result.unruled:
        raise NoTableError(
            path,
            "the PDF prints its indicator table (a project listing) as text with no ruling lines; perftable reads a "
            "listing in a PDF by its ruling lines and cannot place the text in its columns reliably",
            "unruled-table",
            result,
        )
    if not result.documents:
        raise NoTableError(
            path,
            "no 绩效目标表 found (no indicator table with 一级/二级/三级指标 headers, and no budget block with goals "
            "or tasks)",
            "no-table",
            result,
        )
    return result.documents
