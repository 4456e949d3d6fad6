"""The review as a workbook (openpyxl): a summary sheet (one row per table: grade, score, counts; autofilter, frozen
header, fills by grade and for errors, a link to the table's sheet), a findings sheet (one row per finding, with its
location) and a sheet per table: the form as ``render -o x.xlsx`` writes it, each finding a comment on the cell it
concerns (findings about the whole table listed under the title). Every text goes in through
:func:`perftable.spans.xlsx.put_text`: never a formula."""

from __future__ import annotations

from typing import Any

from perftable.grid import column_letters
from perftable.messages import Lang
from perftable.report import relative
from perftable.review.collect import KIND_NAMES, Batch, TableReview
from perftable.review.markdown import WORDS
from perftable.rules import rules_by_key
from perftable.rules.criteria import criterion_name
from perftable.spans.xlsx import FILLS, Sheet, put_text, reproducible, workbook

_NAMES: dict[str, dict[str, str]] = {
    "zh": {"summary": "汇总", "findings": "问题清单", "loose": "涉及整张表的问题："},
    "en": {"summary": "Summary", "findings": "Findings", "loose": "About the whole table: "},
}
_TABLE_COLS: dict[str, tuple[str, ...]] = {
    "zh": ("序号", "单位", "项目", "文件", "位置", "类型", "评级", "得分", "错误", "警告", "提示", "主要问题", "工作表"),
    "en": ("#", "Department", "Project", "File", "Where", "Kind", "Grade", "Score", "Errors", "Warnings", "Infos",
           "Top findings", "Sheet"),
}  # fmt: skip
_FINDING_COLS: dict[str, tuple[str, ...]] = {
    "zh": ("序号", "单位", "项目", "文件", "代码", "级别", "审核内容", "位置", "问题", "建议"),
    "en": (
        "#",
        "Department",
        "Project",
        "File",
        "Code",
        "Severity",
        "Criterion",
        "Location",
        "Finding",
        "Hint",
    ),
}
GRADE_FILLS = {"优": "C6EFCE", "良": "E2F0D9", "中": "FFEB9C", "差": "FFC7CE"}
_WIDTHS = {
    "summary": (6, 24, 28, 36, 10, 9, 7, 7, 7, 7, 7, 60, 18),
    "findings": (6, 24, 28, 36, 7, 8, 9, 14, 70, 40),
}


def sheet_title(number: int, table: TableReview, taken: set[str]) -> str:
    """A sheet name for a table: its number and name, at most 31 characters, none of []:*?/\\, unique."""
    clean = "".join(ch for ch in table.name if ch not in "[]:*?/\\'")
    title = f"{number} {clean}"[:31].rstrip()
    while title.lower() in taken:
        title = f"{number}"
    taken.add(title.lower())
    return title


def _row(ws: Any, row: int, values: tuple[object, ...]) -> None:
    for column, value in enumerate(values, 1):
        cell = ws.cell(row=row, column=column)
        if isinstance(value, int | float) and not isinstance(value, bool):
            cell.value = value
        else:
            put_text(cell, str(value) if value is not None else "")


def _header(ws: Any, heads: tuple[str, ...], widths: tuple[int, ...]) -> None:
    from openpyxl.styles import Font, PatternFill

    _row(ws, 1, heads)
    for column, width in enumerate(widths, 1):
        cell = ws.cell(row=1, column=column)
        cell.font = Font(bold=True)
        cell.fill = PatternFill(fill_type="solid", start_color=FILLS["header"], end_color=FILLS["header"])
        ws.column_dimensions[column_letters(column - 1)].width = width
    ws.freeze_panes = "A2"


def _summary(ws: Any, batch: Batch, sheets: dict[int, str], lang: Lang) -> None:
    from openpyxl.formatting.rule import CellIsRule, FormulaRule
    from openpyxl.styles import PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    heads = _TABLE_COLS[lang]
    _header(ws, heads, _WIDTHS["summary"])
    for number, table in enumerate(batch.tables, 1):
        kind = KIND_NAMES[table.kind][lang] if table.kind else "—"
        top = "\n".join(f"{f.code} {f.message}" for f in table.top()) or (table.error or "")
        values: tuple[object, ...] = (
            number, table.department or "", table.project or "", relative(table.file), table.where, kind,
            table.grade.grade if table.grade else "—", table.grade.score if table.grade else "—",
            table.count("error"), table.count("warning"), table.count("info"), top, sheets.get(number, ""),
        )  # fmt: skip
        _row(ws, number + 1, values)
        if number in sheets:
            link = ws.cell(row=number + 1, column=len(heads))
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{sheets[number]}'!A1")
            link.style = "Hyperlink"
    last = len(batch.tables) + 1
    ws.auto_filter.ref = f"A1:{column_letters(len(heads) - 1)}{last}"
    grade_range = f"G2:G{max(last, 2)}"
    for grade, colour in GRADE_FILLS.items():
        fill = PatternFill(fill_type="solid", start_color=colour, end_color=colour)
        ws.conditional_formatting.add(
            grade_range, CellIsRule(operator="equal", formula=[f'"{grade}"'], fill=fill)
        )
    red = PatternFill(fill_type="solid", start_color=FILLS["removed"], end_color=FILLS["removed"])
    ws.conditional_formatting.add(f"I2:I{max(last, 2)}", FormulaRule(formula=["I2>0"], fill=red))


def _findings(ws: Any, batch: Batch, lang: Lang) -> None:
    words = WORDS[lang]
    rules = rules_by_key()
    heads = _FINDING_COLS[lang]
    _header(ws, heads, _WIDTHS["findings"])
    row = 1
    for number, table in enumerate(batch.tables, 1):
        for finding in table.findings:
            row += 1
            rule = rules.get(finding.code)
            criterion = criterion_name(rule.criterion if rule else None, lang)
            _row(ws, row, (number, table.department or "", table.project or "", relative(finding.file), finding.code,
                           words[finding.severity], criterion, finding.location.position, finding.message,
                           finding.hint or ""))  # fmt: skip
    ws.auto_filter.ref = f"A1:{column_letters(len(heads) - 1)}{max(row, 1)}"


def to_xlsx(batch: Batch, lang: Lang = "zh") -> bytes:
    """The review workbook as bytes (reproducible: the same review gives the same bytes)."""
    import io

    taken = {_NAMES[lang]["summary"].lower(), _NAMES[lang]["findings"].lower()}
    sheets: dict[int, str] = {}
    forms: list[Sheet] = []
    for number, table in enumerate(batch.tables, 1):
        if table.form is None:
            continue
        sheets[number] = sheet_title(number, table, taken)
        lines = list(table.form.lines)
        if table.loose:
            lines.append(_NAMES[lang]["loose"] + "；".join(f"{f.code} {f.message}" for f in table.loose))
        forms.append(Sheet(sheets[number], table.form.grid, table.form.title, lines))
    book = workbook(forms, styled=True)
    if not forms:  # the workbook's own first sheet stays empty: use it for the summary
        book.active.title = _NAMES[lang]["summary"]
        summary = book.active
    else:
        summary = book.create_sheet(_NAMES[lang]["summary"], 0)
    _summary(summary, batch, sheets, lang)
    _findings(book.create_sheet(_NAMES[lang]["findings"], 1), batch, lang)
    book.active = 0
    buffer = io.BytesIO()
    book.save(buffer)
    return reproducible(buffer.getvalue())
