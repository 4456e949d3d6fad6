"""Diff formats: text, markdown and json (the report), html and xlsx (the highlighted form).

``FORMATS`` feeds the CLI's choices; each entry turns the two files' tables and their report into output.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from perftable.diff import pair_tables
from perftable.diff.highlight import Marked, highlight
from perftable.diff.model import KIND_NAMES

if TYPE_CHECKING:
    from perftable.diff.model import DiffReport
    from perftable.messages import Lang
    from perftable.model import Document

FORMATS = ("text", "markdown", "json", "html", "xlsx")
LEGENDS = {
    lang: f'<p class="line"><span class="added">&nbsp;{words["added"]}&nbsp;</span> '
    f'<span class="removed">&nbsp;{words["removed"]}&nbsp;</span> '
    f'<span class="changed">&nbsp;{words["changed"]}&nbsp;</span></p>\n'
    for lang, words in KIND_NAMES.items()
}
LEGEND = LEGENDS["zh"]


def marked_tables(old: list[Document], new: list[Document], report: DiffReport) -> list[Marked]:
    """Each paired table highlighted (tables only in one file are named in the summary)."""
    pairs, _, _ = pair_tables(old, new)
    return [highlight(old[i], new[j], table) for (i, j), table in zip(pairs, report.tables, strict=False)]


def to_html(old: list[Document], new: list[Document], report: DiffReport, lang: Lang = "zh") -> str:
    from perftable.diff.text import WORDS
    from perftable.render.page import Section, page

    words = WORDS[lang]
    header = (
        f"<h1>{words['compare']} {html.escape(report.old)} → {html.escape(report.new)}</h1>\n"
        f'<p class="line">{words["summary"]}: {html.escape(report.summary(lang))}</p>\n{LEGENDS[lang]}'
    )
    sections = [Section(marked.form, marked.notes) for marked in marked_tables(old, new, report)]
    return page(sections, f"比对 {report.old} → {report.new}", header=header)


def to_xlsx(old: list[Document], new: list[Document], report: DiffReport, lang: Lang = "zh") -> bytes:
    from perftable.render import sheet_name
    from perftable.xlsxwrite import Sheet, workbook_bytes

    marked = marked_tables(old, new, report)
    sheets = []
    for index, item in enumerate(marked):
        summary = f"{'摘要' if lang == 'zh' else 'Summary'}: {report.summary(lang)}"
        lines = [*item.form.lines, summary, *(f"{n.level}: {n.text}" for n in item.notes)]
        name = sheet_name(new[min(index, len(new) - 1)], index, len(marked))
        sheets.append(Sheet(name, item.form.grid, item.form.title, lines))
    return workbook_bytes(sheets, styled=True)
