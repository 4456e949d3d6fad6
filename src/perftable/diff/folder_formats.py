"""A folder diff as text, markdown, json, html and xlsx: the round's summary first, then one row per table (changed,
added, removed, unchanged), the files that could not be read, and each changed pair's diff as the file diff
shows it (in html and xlsx: the form with its changes marked)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from perftable.diff.changes import DiffReport, DocumentDiff
from perftable.diff.formats import LEGENDS, XLSX_WORDS, change_row
from perftable.diff.highlight import highlight
from perftable.diff.terminal import DOCUMENT_KEYS, WORDS, exact_json, section_tables, table_lines
from perftable.render import sheet_name
from perftable.render.page import Section, page
from perftable.spans import SpanCell
from perftable.spans import to_html as grid_html
from perftable.spans.xlsx import Sheet, workbook_bytes

if TYPE_CHECKING:
    from perftable.diff.folders import FolderDiff, FolderRound, TablePair, TableRef
    from perftable.messages import Lang
    from perftable.spans import SpanGrid

STATUS_SYMBOLS = {"changed": "~", "added": "+", "removed": "-", "unchanged": "="}
FOLDER_WORDS: dict[str, dict[str, str]] = {
    "zh": {"changes": "变更", "tables": "表", "unreadable": "无法读取",
           "changed": "修改", "added": "新增", "removed": "删除", "unchanged": "无变化",
           "by_file": "按文件名配对", "duplicate": "部门和项目相同的表：原 {old} 张、新 {new} 张，先按文件名、再按顺序配对",
           "columns": "状态|原表|新表|类别|部门|项目|变更", "list": "原表|新表"},
    "en": {"changes": "Changes", "tables": "Tables", "unreadable": "Unreadable",
           "changed": "changed", "added": "added", "removed": "removed", "unchanged": "unchanged",
           "by_file": "paired by file name", "duplicate": "tables of the same department and project: "
           "{old} old, {new} new, paired by file name first, then in order",
           "columns": "status|old table|new table|kind|department|project|changes", "list": "old table|new table"},
}  # fmt: skip


def summary_line(report: FolderDiff, lang: Lang = "zh") -> str:
    """``配对 4 张表（修改 1，无变化 3），新增 1，删除 1，无法读取的文件 0``."""
    s = report.summary
    if lang == "zh":
        text = (
            f"配对 {s.paired} 张表（修改 {s.changed}，无变化 {s.unchanged}），新增 {s.added}，删除 {s.removed}，"
            f"无法读取的文件 {s.unreadable}"
        )
        text += f"，跳过无绩效目标表的文件 {s.skipped}" if s.skipped else ""
        return text + (f"，部门和项目重复 {s.duplicate_keys} 处" if s.duplicate_keys else "")
    text = (
        f"{s.paired} tables paired ({s.changed} changed, {s.unchanged} unchanged), {s.added} added, "
        f"{s.removed} removed, {s.unreadable} files unreadable"
    )
    text += f", {s.skipped} files without a table skipped" if s.skipped else ""
    return text + (f", {s.duplicate_keys} department/project keys repeated" if s.duplicate_keys else "")


def ref_label(ref: TableRef, *, named: bool = True) -> str:
    """``残联.md [廉江市残疾人联合会]``; ``a.xlsx #2 [项目]`` for a file's second table."""
    name = ref.project or ref.department
    place = ref.file + (f" #{ref.table}" if ref.table > 1 else "")
    return f"{place} [{name}]" if name and named else place


def pair_label(pair: TablePair) -> str:
    """``残联.md [廉江市残疾人联合会]``, ``党史研究室.md → 宁德党史研究室.md [中共宁德市委…]`` for a renamed file,
    ``a.md [甲] → a.md [乙]`` when the names differ."""
    if pair.old is None or pair.new is None:
        ref = pair.old or pair.new
        assert ref is not None
        return ref_label(ref)
    old, new = ref_label(pair.old), ref_label(pair.new)
    if old == new:
        return new
    if (pair.old.project or pair.old.department) == (pair.new.project or pair.new.department):
        return f"{ref_label(pair.old, named=False)} → {new}"
    return f"{old} → {new}"


def pair_notes(pair: TablePair, lang: Lang = "zh") -> list[str]:
    words = FOLDER_WORDS[lang]
    notes = []
    if pair.paired_by == "file":
        differ = "; ".join(differences(pair, lang))
        notes.append(words["by_file"] + (f": {differ}" if differ else ""))
    if pair.duplicate_key is not None:
        notes.append(words["duplicate"].format(old=pair.duplicate_key.old, new=pair.duplicate_key.new))
    return notes


def differences(pair: TablePair, lang: Lang = "zh") -> list[str]:
    """How two tables paired by file name differ in kind, department or project: ``部门 甲 → 乙``."""
    if pair.old is None or pair.new is None:
        return []
    found = []
    for field in ("kind", "department", "project"):
        a, b = getattr(pair.old, field), getattr(pair.new, field)
        if a != b:
            found.append(f"{DOCUMENT_KEYS[lang].get(field, field)} {a or '∅'} → {b or '∅'}")
    return found


def pair_report(report: FolderDiff, pair: TablePair) -> DiffReport:
    """A changed pair as the file diff's report of its two files (the folder's path joined to each name)."""
    old = f"{report.old.rstrip('/')}/{ref_label(pair.old)}" if pair.old else ""
    new = f"{report.new.rstrip('/')}/{ref_label(pair.new)}" if pair.new else ""
    return DiffReport(old=old, new=new, tables=[DocumentDiff(old=old, new=new, changes=pair.changes)])


def _head(report: FolderDiff, lang: Lang) -> list[str]:
    return [
        f"{WORDS[lang]['summary']}: {summary_line(report, lang)}",
        f"{FOLDER_WORDS[lang]['changes']}: {report.changes_summary(lang)}",
    ]


def to_text(report: FolderDiff, *, colour: bool = False, lang: Lang = "zh") -> str:
    words = FOLDER_WORDS[lang]
    lines = [f"--- {report.old}", f"+++ {report.new}", *_head(report, lang), "", words["tables"]]
    for pair in report.pairs:
        notes = "; ".join(pair_notes(pair, lang))
        lines.append(f"  {STATUS_SYMBOLS[pair.status]} {pair_label(pair)}" + (f" ({notes})" if notes else ""))
    if report.unreadable:
        lines += ["", words["unreadable"]]
        lines += [f"  ! {item.error}" for item in report.unreadable]
    for pair in report.pairs:
        if pair.status == "changed":
            single = pair_report(report, pair)
            lines += ["", f"--- {single.old}", f"+++ {single.new}"]
            lines.append(f"{WORDS[lang]['summary']}: {single.summary(lang)}")
            lines += table_lines(single.tables[0], colour=colour, lang=lang)
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    import html

    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", "<br>")


def to_markdown(report: FolderDiff, lang: Lang = "zh") -> str:
    words, folder_words = WORDS[lang], FOLDER_WORDS[lang]
    lines = [f"## {words['compare']}: `{report.old}` → `{report.new}`", ""]
    head = _head(report, lang)
    lines += [f"**{head[0].replace(': ', '**: ', 1)}", "", f"**{head[1].replace(': ', '**: ', 1)}"]
    columns = folder_words["columns"].split("|")
    lines += ["", f"| {columns[0]} | {columns[1]} | {columns[2]} | {columns[6]} |", "|---|---|---|---|"]
    for pair, row in zip(report.pairs, overview_rows(report, lang), strict=True):
        notes = "; ".join(
            [*pair_notes(pair, lang), row[6]] if pair.status == "changed" else pair_notes(pair, lang)
        )
        lines.append(f"| {' | '.join(_md(cell) for cell in (row[0], row[1], row[2], notes))} |")
    if report.unreadable:
        lines += ["", f"**{folder_words['unreadable']}**", ""]
        lines += [f"- {_md(item.error)}" for item in report.unreadable]
    for pair in report.pairs:
        if pair.status == "changed":
            single = pair_report(report, pair)
            lines += [
                "",
                f"### `{single.old}` → `{single.new}`",
                "",
                f"**{words['summary']}**: {single.summary(lang)}",
            ]
            lines += section_tables(single.tables[0], lang, level=4)
    return "\n".join(lines) + "\n"


def to_json(report: FolderDiff) -> str:
    """``{"old", "new", "summary", "pairs": [{"status", "paired_by", "old", "new", "changes", …}], "unreadable"}``;
    the changes are those of the file diff's JSON."""
    return exact_json(report.model_dump(mode="python"))


def overview_rows(report: FolderDiff, lang: Lang = "zh") -> list[list[str]]:
    """One row per table: status, old, new, kind, department, project, the pair's changes counted."""
    words = FOLDER_WORDS[lang]
    rows = []
    for pair in report.pairs:
        ref = pair.new or pair.old
        assert ref is not None
        changes = "" if pair.status == "unchanged" else pair_report(report, pair).summary(lang)
        old, new = (ref_label(r) if r else "" for r in (pair.old, pair.new))
        rows.append(
            [words[pair.status], old, new, ref.kind, ref.department or "", ref.project or "", changes]
        )
    return rows


def overview_grid(report: FolderDiff, lang: Lang = "zh") -> SpanGrid:
    marks = {"changed": "changed", "added": "added", "removed": "removed"}
    grid: SpanGrid = [[SpanCell(name, role="header") for name in FOLDER_WORDS[lang]["columns"].split("|")]]
    for pair, row in zip(report.pairs, overview_rows(report, lang), strict=True):
        mark = marks.get(pair.status)
        grid.append([SpanCell(text, mark=mark) for text in row])  # type: ignore[arg-type]  # a Mark or None
    return grid


def to_html(found: FolderRound, lang: Lang = "zh") -> str:
    import html

    report, words = found.report, FOLDER_WORDS[lang]
    header = f"<h1>{WORDS[lang]['compare']} {html.escape(report.old)} → {html.escape(report.new)}</h1>\n"
    header += "".join(f'<p class="line">{html.escape(line)}</p>\n' for line in _head(report, lang))
    header += grid_html(overview_grid(report, lang))
    if report.unreadable:
        items = "".join(f"<li>{html.escape(item.error)}</li>" for item in report.unreadable)
        header += f'<p class="line">{words["unreadable"]}</p>\n<ul class="notes">{items}</ul>\n'
    header += LEGENDS[lang]
    sections = []
    for pair, (old, new) in zip(report.pairs, found.documents, strict=True):
        if pair.status == "changed" and old is not None and new is not None:
            single = pair_report(report, pair)
            marked = highlight(old, new, single.tables[0])
            marked.form.lines.insert(0, f"{single.old} → {single.new}")
            sections.append(Section(marked.form, marked.notes))
    return page(sections, f"比对 {report.old} → {report.new}", header=header)


def to_xlsx(found: FolderRound, lang: Lang = "zh") -> bytes:
    """A summary sheet (one row per table), each changed pair's form with its changes marked, then every change."""
    report, words = found.report, XLSX_WORDS[lang]
    lines = _head(report, lang) + [
        f"{FOLDER_WORDS[lang]['unreadable']}: {item.error}" for item in report.unreadable
    ]
    sheets = [Sheet(words["summary"], overview_grid(report, lang), f"{report.old} → {report.new}", lines)]
    changes: list[list[SpanCell | None]] = [list(change_header(lang))]
    for pair, (old, new) in zip(report.pairs, found.documents, strict=True):
        single = pair_report(report, pair)
        changes += [change_row(change, lang, (single.old, single.new)) for change in pair.changes]
        if pair.status == "changed" and old is not None and new is not None:
            marked = highlight(old, new, single.tables[0])
            notes = [
                f"{single.old} → {single.new}",
                f"{words['summary']}: {single.summary(lang)}",
                words["legend"],
            ]
            name = sheet_name(new, len(sheets) - 1, len(report.pairs) + 1)
            sheets.append(Sheet(name, marked.form.grid, marked.form.title, [*marked.form.lines, *notes]))
    sheets.append(
        Sheet(words["sheet"], changes, words["title"], [f"{words['summary']}: {summary_line(report, lang)}"])
    )
    return workbook_bytes(sheets, styled=True)


def change_header(lang: Lang) -> list[SpanCell]:
    names = [*FOLDER_WORDS[lang]["list"].split("|"), *XLSX_WORDS[lang]["columns"].split("|")]
    return [SpanCell(name, role="header") for name in names]
