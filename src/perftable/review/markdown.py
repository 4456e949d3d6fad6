"""The review as markdown: the batch summary (grades, counts per code, unreadable files), then the 审核意见 of
each table (:mod:`perftable.review.draft`)."""

from __future__ import annotations

from perftable.check.grades import GRADE_NAMES, GRADES
from perftable.messages import Lang
from perftable.report import relative
from perftable.review.collect import Batch, TableReview
from perftable.review.draft import draft, md_escape
from perftable.review.draft import to_markdown as draft_markdown
from perftable.rules import rules_by_key

WORDS = {
    "zh": {
        "title": "绩效目标审核报告", "files": "文件", "tables": "张表", "unreadable": "无法读取的文件",
        "grades": "评级", "code": "代码", "severity": "级别", "count": "条数", "summary": "说明",
        "error": "错误", "warning": "警告", "info": "提示", "none": "无", "table": "表",
        "overview": "{files} 个文件，{tables} 张绩效目标表（另跳过 {skipped} 张其他表格），{errors} 个错误，{warnings} 个警告",
    },
    "en": {
        "title": "Performance target review", "files": "files", "tables": "tables", "unreadable": "Unreadable files",
        "grades": "Grades", "code": "code", "severity": "severity", "count": "count", "summary": "summary",
        "error": "error", "warning": "warning", "info": "info", "none": "none", "table": "table",
        "overview": "{files} files, {tables} 绩效目标表 ({skipped} other tables skipped), {errors} errors, {warnings} warnings",
    },
}  # fmt: skip


def overview(batch: Batch, lang: Lang) -> str:
    words = WORDS[lang]
    readable = [table for table in batch.tables if table.error is None]
    return words["overview"].format(
        files=batch.files,
        tables=len(readable),
        skipped=batch.skipped,
        errors=batch.count("error"),
        warnings=batch.count("warning"),
    )


def grade_label(table: TableReview, lang: Lang) -> str:
    if table.grade is None:
        return "—"
    return (
        table.grade.grade if lang == "zh" else f"{table.grade.grade} {GRADE_NAMES[table.grade.grade]['en']}"
    )


def summary_markdown(batch: Batch, lang: Lang) -> list[str]:
    words = WORDS[lang]
    grades = batch.grades()
    lines = [f"# {words['title']}", "", overview(batch, lang), ""]
    lines += [f"| {words['grades']} | " + " | ".join(GRADES) + " |", "|---" * (len(GRADES) + 1) + "|"]
    lines += ["| " + words["count"] + " | " + " | ".join(str(grades[g]) for g in GRADES) + " |", ""]
    codes = batch.codes()
    if codes:
        lines += [
            f"| {words['code']} | {words['severity']} | {words['count']} | {words['summary']} |",
            "|---|---|---|---|",
        ]
        rules = rules_by_key()
        for (code, severity), count in sorted(codes.items()):
            summary = rules[code].summary[lang] if code in rules else ""
            lines.append(f"| {code} | {words[severity]} | {count} | {md_escape(summary)} |")
        lines.append("")
    if batch.unreadable:
        lines += [f"## {words['unreadable']}", ""]
        lines += [f"- {md_escape(relative(t.file))}: {md_escape(t.error or '')}" for t in batch.unreadable]
        lines.append("")
    return lines


def to_markdown(batch: Batch, lang: Lang = "zh") -> str:
    """The whole review as markdown: the summary, then each table's 审核意见."""
    parts = ["\n".join(summary_markdown(batch, lang))]
    parts += [draft_markdown(draft(table, lang)) for table in batch.tables]
    return "\n".join(parts)
