"""Diff reports as text for the terminal and as markdown (a pull-request comment): the summary counts first,
then the changes section by section, in the form's order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from perftable.diff.changes import KIND_NAMES, SECTION_TITLES, SECTIONS
from perftable.diff.sections import summary
from perftable.messages import Lang

if TYPE_CHECKING:
    from perftable.diff.changes import Change, DiffReport, DocumentDiff

SYMBOLS = {"changed": "~", "renamed": "≈", "added": "+", "removed": "-"}
COLOURS = {"changed": "yellow", "renamed": "yellow", "added": "green", "removed": "red"}
WORDS: dict[str, dict[str, str]] = {
    "zh": {"summary": "摘要", "similarity": "相似度", "compare": "比对", "goal": "目标", "change": "变化",
           "item": "项目", "old": "原", "new": "新", "detail": "说明"},
    "en": {"summary": "Summary", "similarity": "similarity", "compare": "Diff", "goal": "goal", "change": "change",
           "item": "item", "old": "old", "new": "new", "detail": "detail"},
}  # fmt: skip
# The fields of a change, as each language names them (an info.X field is its own label X).
FIELD_NAMES: dict[str, dict[str, str]] = {
    "zh": {"funds": "资金", "amount": "金额", "section": "任务类别", "content": "实施内容", "target": "目标",
           "level1": "一级指标", "level2": "二级指标", "unit": "计量单位", "value": "指标值", "name": "名称"},
    "en": {"funds": "funds", "amount": "amount", "section": "section", "content": "content", "target": "target",
           "level1": "level-1", "level2": "level-2", "unit": "unit", "value": "value", "name": "name"},
}  # fmt: skip


def field_name(field: str, lang: Lang = "zh") -> str:
    if field.startswith("info."):
        return field.removeprefix("info.")
    return FIELD_NAMES[lang].get(field, field)


DOCUMENT_KEYS: dict[str, dict[str, str]] = {
    "zh": {"kind": "类别", "title": "标题", "year": "年度", "department": "部门", "project": "项目"},
    "en": {},
}


def item_key(change: Change, lang: Lang) -> str:
    """What changed; a goal's ``目标3`` is ``goal 3`` in English, a header field ``year`` is ``年度`` in Chinese."""
    if change.section == "document":
        return DOCUMENT_KEYS[lang].get(change.key, change.key)
    if change.section == "goals" and change.key.startswith("目标"):
        return f"{WORDS[lang]['goal']}{'' if lang == 'zh' else ' '}{change.key.removeprefix('目标')}"
    return change.key


def _fields(change: Change, lang: Lang) -> str | None:
    """A matched task's or indicator's changed fields, named in the language: ``资金 30万元 → 35万元, +5``."""
    if change.section not in ("tasks", "indicators", "long_term_indicators") or not change.fields:
        return None
    value = next((f for f in change.fields if f.field == "value"), None)
    if value is not None:
        return summary(value)
    return "; ".join(f"{field_name(f.field, lang)} {summary(f)}" for f in change.fields)


def describe(change: Change, lang: Lang = "zh") -> str:
    """One change in words: ``基本支出: 278.55万元 → 300万元, +21.45 (+7.70%)``."""
    similar = WORDS[lang]["similarity"]
    key = item_key(change, lang)
    if change.kind == "renamed":
        text = f"{change.old} → {change.new} ({similar} {change.similarity:.2f})"
        detail = _fields(change, lang) if change.fields else change.detail
        return f"{key}: {text}" + (f"; {detail}" if detail else "")
    if change.kind == "changed":
        body = _fields(change, lang) or change.detail or f"{change.old or '∅'} → {change.new or '∅'}"
        if change.section == "goals":
            body = f"{change.old} → {change.new}" + (
                f" ({similar} {change.similarity:.2f})" if change.similarity is not None else ""
            )
        return f"{key}: {body}"
    value = change.new if change.kind == "added" else change.old
    return f"{key}: {value}" if value else key


def _by_section(table: DocumentDiff) -> list[tuple[str, list[Change]]]:
    return [
        (section, [change for change in table.changes if change.section == section])
        for section in SECTIONS
        if any(change.section == section for change in table.changes)
    ]


def to_text(report: DiffReport, *, colour: bool = False, lang: Lang = "zh") -> str:
    """The report for a terminal, in one language; ``colour`` adds ANSI colours (added green, removed red,
    changed yellow)."""
    lines = [f"--- {report.old}", f"+++ {report.new}", f"{WORDS[lang]['summary']}: {report.summary(lang)}"]
    for table in report.tables:
        if not table.changes:
            continue
        if len(report.tables) > 1:
            lines += ["", f"== {table.new or table.old} =="]
        lines += table_lines(table, colour=colour, lang=lang)
    return "\n".join(lines) + "\n"


def table_lines(table: DocumentDiff, *, colour: bool = False, lang: Lang = "zh") -> list[str]:
    """One table's changes for a terminal, section by section (each after a blank line)."""
    import click

    lines: list[str] = []
    for section, changes in _by_section(table):
        lines += ["", SECTION_TITLES[lang][section]]
        for change in changes:
            line = f"  {SYMBOLS[change.kind]} {describe(change, lang)}"
            lines.append(click.style(line, fg=COLOURS[change.kind]) if colour else line)
    return lines


def _md(text: str | None) -> str:
    import html

    return html.escape(text or "", quote=False).replace("|", "\\|").replace("\n", "<br>")


def to_markdown(report: DiffReport, lang: Lang = "zh") -> str:
    """A summary line, then a table per section: change, item, old, new, detail; in one language."""
    words = WORDS[lang]
    lines = [
        f"## {words['compare']}: `{report.old}` → `{report.new}`",
        "",
        f"**{words['summary']}**: {_md(report.summary(lang))}",
    ]
    for table in report.tables:
        if not table.changes:
            continue
        if len(report.tables) > 1:
            lines += ["", f"### {_md(table.new or table.old)}"]
        lines += section_tables(table, lang, level=4)
    return "\n".join(lines) + "\n"


def section_tables(table: DocumentDiff, lang: Lang = "zh", *, level: int = 4) -> list[str]:
    """One table's changes in markdown: a heading (of ``level``) and a table per section."""
    words = WORDS[lang]
    lines: list[str] = []
    for section, changes in _by_section(table):
        lines += [
            "",
            f"{'#' * level} {SECTION_TITLES[lang][section]}",
            "",
            f"| | {words['item']} | {words['old']} | {words['new']} | {words['detail']} |",
            "|---|---|---|---|---|",
        ]
        for change in changes:
            deltas = [f"{field_name(f.field, lang)} {f.detail}" for f in change.fields if f.detail]
            detail = (
                "; ".join(deltas) if change.old is not None or change.new is not None else change.detail or ""
            )
            if change.similarity is not None:
                detail = f"{words['similarity']} {change.similarity:.2f}" + (f"; {detail}" if detail else "")
            cells = [
                KIND_NAMES[lang][change.kind],
                item_key(change, lang),
                change.old,
                change.new,
                detail,
            ]
            lines.append("| " + " | ".join(_md(cell) for cell in cells) + " |")
    return lines


_NUMBER = "\x00number:"


def to_json(report: DiffReport) -> str:
    """The report as JSON: amounts and numbers (``old_number``, ``new_number``, ``delta``) as JSON numbers with
    their exact digits (never through a float), text unescaped (Chinese as is)."""
    return exact_json(report.model_dump(mode="python"))


def exact_json(data: object) -> str:
    """A model's dump as JSON, Decimals as JSON numbers with their exact digits, dates as ISO text."""
    import json
    import re
    from decimal import Decimal

    def exact(value: object) -> str:
        if isinstance(value, Decimal):
            return f"{_NUMBER}{value:f}"
        raise TypeError(f"not JSON: {type(value).__name__}")

    text = json.dumps(_plain(data), ensure_ascii=False, indent=2, default=exact)
    return re.sub(r'"\\u0000number:(-?[0-9.]+)"', r"\1", text) + "\n"


def _plain(value: object) -> object:
    """Dates and locations as the model's JSON writes them; Decimals left for the encoder."""
    import datetime as dt

    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
