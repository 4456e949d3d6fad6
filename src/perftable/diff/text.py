"""Diff reports as text for the terminal and as markdown (a pull-request comment): the summary counts first,
then the changes section by section, in the form's order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from perftable.diff.model import SECTION_NAMES, SECTIONS

if TYPE_CHECKING:
    from perftable.diff.model import Change, DiffReport, DocumentDiff

SYMBOLS = {"changed": "~", "renamed": "≈", "added": "+", "removed": "-"}
COLOURS = {"changed": "yellow", "renamed": "yellow", "added": "green", "removed": "red"}


def describe(change: Change) -> str:
    """One change in words: ``基本支出: 278.55万元 → 300万元, +21.45 (+7.70%)``."""
    if change.kind == "renamed":
        text = f"{change.old} → {change.new} (相似度 {change.similarity:.2f})"
        return f"{change.key}: {text}" + (f"; {change.detail}" if change.detail else "")
    if change.kind == "changed":
        body = change.detail or f"{change.old or '∅'} → {change.new or '∅'}"
        if change.section == "goals":
            body = f"{change.old} → {change.new}" + (
                f" (相似度 {change.similarity:.2f})" if change.similarity is not None else ""
            )
        return f"{change.key}: {body}"
    value = change.new if change.kind == "added" else change.old
    return f"{change.key}: {value}" if value else change.key


def _by_section(table: DocumentDiff) -> list[tuple[str, list[Change]]]:
    return [
        (section, [change for change in table.changes if change.section == section])
        for section in SECTIONS
        if any(change.section == section for change in table.changes)
    ]


def to_text(report: DiffReport, *, colour: bool = False) -> str:
    """The report for a terminal; ``colour`` adds ANSI colours (added green, removed red, changed yellow)."""
    import click

    lines = [f"--- {report.old}", f"+++ {report.new}", f"摘要: {report.summary()}"]
    for table in report.tables:
        if not table.changes:
            continue
        if len(report.tables) > 1:
            lines += ["", f"== {table.new or table.old} =="]
        for section, changes in _by_section(table):
            lines += ["", SECTION_NAMES[section]]
            for change in changes:
                line = f"  {SYMBOLS[change.kind]} {describe(change)}"
                lines.append(click.style(line, fg=COLOURS[change.kind]) if colour else line)
    return "\n".join(lines) + "\n"


def _md(text: str | None) -> str:
    import html

    return html.escape(text or "", quote=False).replace("|", "\\|").replace("\n", "<br>")


def to_markdown(report: DiffReport) -> str:
    """A summary line, then a table per section: change, item, old, new, detail."""
    lines = [f"## 比对: `{report.old}` → `{report.new}`", "", f"**摘要**: {_md(report.summary())}"]
    for table in report.tables:
        if not table.changes:
            continue
        if len(report.tables) > 1:
            lines += ["", f"### {_md(table.new or table.old)}"]
        for section, changes in _by_section(table):
            lines += [
                "",
                f"#### {SECTION_NAMES[section]}",
                "",
                "| | 项目 | 原 | 新 | 说明 |",
                "|---|---|---|---|---|",
            ]
            for change in changes:
                deltas = [f"{f.field} {f.detail}" for f in change.fields if f.detail]
                detail = (
                    "; ".join(deltas)
                    if change.old is not None or change.new is not None
                    else change.detail or ""
                )
                if change.similarity is not None:
                    detail = f"相似度 {change.similarity:.2f}" + (f"; {detail}" if detail else "")
                cells = [change.kind, change.key, change.old, change.new, detail]
                lines.append("| " + " | ".join(_md(cell) for cell in cells) + " |")
    return "\n".join(lines) + "\n"
