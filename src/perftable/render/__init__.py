"""Rendering: documents -> the canonical form in markdown, xlsx or HTML; the model as JSON; indicators as CSV.

Every format is built the same way: :func:`~perftable.render.document.layout` lays each document out as the official
form does (a :class:`~perftable.spans.SpanGrid`), and a writer of :mod:`perftable.spans` or
:mod:`perftable.spans.xlsx` puts the grid in the format. Reading the markdown, xlsx or HTML back gives the same model
(locations aside), and rendering what was read gives the same bytes.

    >>> import perftable
    >>> from perftable.render import render
    >>> text = render(perftable.load_all("samples/formats/lianjiang-clean.md"), "markdown")
    >>> text.splitlines()[0]
    '## 2024年市级部门整体预算绩效目标表'

May import: ``errors``, ``messages``, ``runtime``, ``model``, ``outputs``, ``values``, ``vocab``, ``grid``,
``findings``, ``spans``, ``readers``, ``extract``, ``loader``, ``rules``, ``check``, ``export``.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Literal

from perftable.export.rows import indicator_rows, to_csv
from perftable.model import Document
from perftable.render.document import layout
from perftable.render.notes import attach_findings
from perftable.render.page import Section, page
from perftable.spans import CellNote, to_markdown
from perftable.spans.xlsx import Sheet, workbook_bytes

if TYPE_CHECKING:
    from perftable.findings import Finding

Format = Literal["markdown", "xlsx", "html", "json", "csv"]
FORMATS: tuple[Format, ...] = ("markdown", "xlsx", "html", "json", "csv")
SUFFIXES: dict[str, Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "markdown",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".csv": "csv",
}
BINARY: frozenset[str] = frozenset({"xlsx"})


def _md_line(text: str) -> str:
    """A line of text (title, year) as markdown, escaped like a cell."""
    escaped = html.escape(text, quote=False)
    return escaped.replace("*", "&#42;").replace("_", "&#95;")


def render_markdown(docs: list[Document]) -> str:
    """GitHub-flavoured markdown: a heading with the title, the year line, the form as one aligned pipe table."""
    parts: list[str] = []
    for doc in docs:
        form = layout(doc)
        lines = [f"## {_md_line(form.title)}", ""] if form.title else []
        for line in form.lines:
            lines += [_md_line(line), ""]
        part = "\n".join(lines) + ("\n" if lines else "")
        parts.append(part + (to_markdown(form.grid, align=True) if form.grid else ""))
    return "\n".join(parts)


def render_html(docs: list[Document], findings: list[Finding] | None = None) -> str:
    """A self-contained page; with ``findings``, each shown next to the cell it concerns."""
    sections: list[Section] = []
    for index, doc in enumerate(docs):
        form = layout(doc)
        mine = [finding for finding in findings or [] if finding.table == index]
        loose = attach_findings(form, doc, mine) if mine else []
        notes = [CellNote(f.severity, f"{f.code} {f.location}: {f.message}") for f in loose]
        sections.append(Section(form, notes))
    title = next((section.form.title for section in sections if section.form.title), None)
    return page(sections, title or "绩效目标表")


def sheet_name(doc: Document, index: int, count: int) -> str:
    """A worksheet name: 绩效目标表 for one table; numbered and named after the project or department for more
    (Excel allows 31 characters and no []:*?/\\)."""
    if count == 1:
        return "绩效目标表"
    name = doc.project or doc.department or doc.title or "绩效目标表"
    clean = "".join(ch for ch in name if ch not in "[]:*?/\\")
    return f"{index + 1} {clean}"[:31]


def render_xlsx(docs: list[Document]) -> bytes:
    """The official form in Excel, one sheet per table (see :mod:`perftable.spans.xlsx`)."""
    sheets = []
    for index, doc in enumerate(docs):
        form = layout(doc)
        sheets.append(Sheet(sheet_name(doc, index, len(docs)), form.grid, form.title, form.lines))
    return workbook_bytes(sheets, styled=True)


def render_json(docs: list[Document]) -> str:
    """The model, as ``perftable parse`` prints it: one object for one table, an array for several."""
    from pydantic import TypeAdapter

    if len(docs) == 1:
        return docs[0].model_dump_json(indent=2) + "\n"
    adapter: TypeAdapter[list[Document]] = TypeAdapter(list[Document])
    return adapter.dump_json(docs, indent=2).decode("utf-8") + "\n"


def render_csv(docs: list[Document]) -> str:
    """One row per indicator, with the document's columns (the rows ``perftable export`` writes)."""
    return to_csv(indicator_rows(docs))


def render(docs: list[Document], fmt: Format, *, findings: list[Finding] | None = None) -> str | bytes:
    """Documents in a format: text for markdown, html, json and csv; bytes for xlsx."""
    if fmt == "markdown":
        return render_markdown(docs)
    if fmt == "html":
        return render_html(docs, findings)
    if fmt == "xlsx":
        return render_xlsx(docs)
    if fmt == "json":
        return render_json(docs)
    return render_csv(docs)
