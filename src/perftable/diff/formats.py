"""Diff formats: text, markdown and json (the report), html and xlsx (the highlighted form).

``FORMATS`` feeds the CLI's choices; each entry turns the two files' tables and their report into output.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from perftable.diff import pair_tables
from perftable.diff.highlight import Marked, highlight

if TYPE_CHECKING:
    from perftable.diff.model import DiffReport
    from perftable.model import Document

FORMATS = ("text", "markdown", "json", "html", "xlsx")
LEGEND = (
    '<p class="line"><span class="added">&nbsp;新增&nbsp;</span> <span class="removed">&nbsp;删除&nbsp;</span> '
    '<span class="changed">&nbsp;修改&nbsp;</span></p>\n'
)


def marked_tables(old: list[Document], new: list[Document], report: DiffReport) -> list[Marked]:
    """Each paired table highlighted (tables only in one file are named in the summary)."""
    pairs, _, _ = pair_tables(old, new)
    return [highlight(old[i], new[j], table) for (i, j), table in zip(pairs, report.tables, strict=False)]


def to_html(old: list[Document], new: list[Document], report: DiffReport) -> str:
    from perftable.render.page import Section, page

    header = (
        f"<h1>比对 {html.escape(report.old)} → {html.escape(report.new)}</h1>\n"
        f'<p class="line">摘要: {html.escape(report.summary())}</p>\n{LEGEND}'
    )
    sections = [Section(marked.form, marked.notes) for marked in marked_tables(old, new, report)]
    return page(sections, f"比对 {report.old} → {report.new}", header=header)


def to_xlsx(old: list[Document], new: list[Document], report: DiffReport) -> bytes:
    from perftable.render import sheet_name
    from perftable.xlsxwrite import Sheet, workbook_bytes

    marked = marked_tables(old, new, report)
    sheets = []
    for index, item in enumerate(marked):
        lines = [*item.form.lines, f"摘要: {report.summary()}", *(f"{n.level}: {n.text}" for n in item.notes)]
        name = sheet_name(new[min(index, len(new) - 1)], index, len(marked))
        sheets.append(Sheet(name, item.form.grid, item.form.title, lines))
    return workbook_bytes(sheets, styled=True)
