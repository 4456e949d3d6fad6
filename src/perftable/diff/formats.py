"""Diff formats: text, markdown and json (the report), html and xlsx (the highlighted form).

``FORMATS`` feeds the CLI's choices; each entry turns the two files' tables and their report into output.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from perftable.diff import pair_tables
from perftable.diff.changes import KIND_NAMES, SECTION_TITLES
from perftable.diff.highlight import Marked, highlight
from perftable.diff.terminal import WORDS, describe, item_key
from perftable.render import sheet_name
from perftable.render.page import Section, page
from perftable.spans import SpanCell
from perftable.spans.xlsx import Sheet, workbook_bytes

if TYPE_CHECKING:
    from perftable.diff.changes import Change, DiffReport
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
    words = WORDS[lang]
    header = (
        f"<h1>{words['compare']} {html.escape(report.old)} → {html.escape(report.new)}</h1>\n"
        f'<p class="line">{words["summary"]}: {html.escape(report.summary(lang))}</p>\n{LEGENDS[lang]}'
    )
    sections = [Section(marked.form, marked.notes) for marked in marked_tables(old, new, report)]
    return page(sections, f"比对 {report.old} → {report.new}", header=header)


XLSX_WORDS: dict[str, dict[str, str]] = {
    "zh": {"summary": "摘要", "sheet": "变更清单", "title": "变更清单",
           "legend": "图例：绿色 = 新增，红色加删除线 = 删除，黄色 = 修改（原值见批注）；全部变更见「变更清单」工作表",
           "columns": "变化|部分|项目|原|新|说明", "similarity": "相似度"},
    "en": {"summary": "Summary", "sheet": "Changes", "title": "Changes",
           "legend": "Legend: green = added, red struck through = removed, amber = changed (the old value in a "
                     "comment); every change is listed on the sheet 'Changes'",
           "columns": "change|section|item|old|new|detail", "similarity": "similarity"},
}  # fmt: skip


def change_list(report: DiffReport, lang: Lang = "zh") -> Sheet:
    """Every change as a row (change, section, item, old, new, detail), coloured as in the forms: the list a
    person works through, beside the forms that show where each change is."""
    words = XLSX_WORDS[lang]
    grid: list[list[SpanCell | None]] = [
        [SpanCell(name, role="header") for name in words["columns"].split("|")]
    ]
    for table in report.tables:
        grid += [change_row(change, lang) for change in table.changes]
    lines = [f"{words['summary']}: {report.summary(lang)}"]
    return Sheet(words["sheet"], grid, words["title"], lines)


def change_row(change: Change, lang: Lang = "zh", before: tuple[str, ...] = ()) -> list[SpanCell | None]:
    """A change as a row of the change list (``before``: cells put first), coloured as in the forms."""
    detail = describe(change, lang).split(": ", 1)[-1]
    texts = [*before, KIND_NAMES[lang][change.kind], SECTION_TITLES[lang][change.section], item_key(change, lang),
             change.old or "", change.new or "", detail]  # fmt: skip
    mark = change.kind if change.kind != "renamed" else "changed"
    return [SpanCell(text, mark=mark) for text in texts]


def to_xlsx(old: list[Document], new: list[Document], report: DiffReport, lang: Lang = "zh") -> bytes:
    """The forms with their changes marked (a legend under each title), then the list of every change."""
    words = XLSX_WORDS[lang]
    marked = marked_tables(old, new, report)
    sheets = []
    for index, item in enumerate(marked):
        summary = f"{words['summary']}: {report.summary(lang)}"
        notes = (f"{KIND_NAMES[lang].get(n.level, n.level)}: {n.text}" for n in item.notes)
        lines = [*item.form.lines, summary, words["legend"], *notes]
        name = sheet_name(new[min(index, len(new) - 1)], index, len(marked))
        sheets.append(Sheet(name, item.form.grid, item.form.title, lines))
    sheets.append(change_list(report, lang))
    return workbook_bytes(sheets, styled=True)
