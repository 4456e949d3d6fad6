"""The draft 审核意见 of a table, in the shape reviewers write it: the table's identity, the grade, the four review
criteria each with the coded opinions that apply and the findings behind them (with their locations), and a closing
suggestion (财预〔2015〕88号 第二十条). It is data (a list of :class:`Block`), written as markdown, docx or HTML."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Literal

from perftable.check.grades import GRADE_NAMES, OUTCOMES
from perftable.findings import Finding
from perftable.messages import Lang
from perftable.report import relative, where
from perftable.review.collect import KIND_NAMES, TableReview
from perftable.rules import rules_by_key
from perftable.rules.criteria import CRITERIA, criterion_name, opinion_text
from perftable.values.cleaning import visible

Style = Literal["title", "identity", "grade", "heading", "item", "closing"]


@dataclass(frozen=True, slots=True)
class Block:
    style: Style
    text: str
    level: str = ""  # a finding's severity, for the writers that colour it


_NUMERALS = ("一", "二", "三", "四", "五")
_WORDS = {
    "zh": {
        "title": "审核意见（草稿）：{name}", "department": "单位", "project": "项目", "kind": "类型", "file": "文件",
        "year": "年度", "table": "第 {n}/{of} 张表", "grade": "评级：{grade}（得分 {score}）", "none": "未发现问题。",
        "other": "其他提示（读取与工具自身，不参与评级）", "closing": "审核建议：", "unreadable": "文件无法读取：{error}；未评级。",
        "resubmit": "审核建议：请单位重新报送可读取的绩效目标表。", "sep": "；", "end": "。", "deductions": "扣分依据：",
    },
    "en": {
        "title": "Review opinion (draft): {name}", "department": "Department", "project": "Project", "kind": "Kind",
        "file": "File", "year": "Year", "table": "table {n} of {of}", "grade": "Grade: {grade} (score {score})",
        "none": "no issue found.", "other": "Other notes (reading and the tool itself; not graded)",
        "closing": "Suggestion: ", "unreadable": "The file could not be read: {error}; not graded.",
        "resubmit": "Suggestion: the unit should submit a readable table.", "sep": "; ", "end": ".",
        "deductions": "Deductions: ",
    },
}  # fmt: skip


def _location(finding: Finding) -> str:
    return where(finding)


def finding_line(finding: Finding, lang: Lang = "zh") -> str:
    """``I003 指标「…」没有指标值（samples/x.md:52:92）``: the finding behind an opinion, with its location."""
    where = f"（{_location(finding)}）" if lang == "zh" else f" ({_location(finding)})"
    return f"{finding.code} {finding.message}{where}"


def _identity(table: TableReview, lang: Lang) -> str:
    words = _WORDS[lang]
    parts = []
    if table.department:
        parts.append(
            f"{words['department']}：{table.department}"
            if lang == "zh"
            else f"{words['department']}: {table.department}"
        )
    if table.project:
        parts.append(
            f"{words['project']}：{table.project}" if lang == "zh" else f"{words['project']}: {table.project}"
        )
    if table.kind:
        kind = KIND_NAMES[table.kind][lang]
        parts.append(f"{words['kind']}：{kind}" if lang == "zh" else f"{words['kind']}: {kind}")
    if table.year:
        parts.append(f"{words['year']}：{table.year}" if lang == "zh" else f"{words['year']}: {table.year}")
    place = ", ".join(
        part
        for part in (
            table.where,
            words["table"].format(n=table.index + 1, of=table.tables_in_file)
            if table.tables_in_file > 1
            else "",
        )
        if part
    )

    shown = relative(table.file) + (
        f"（{place}）" if place and lang == "zh" else f" ({place})" if place else ""
    )
    parts.append(f"{words['file']}：{shown}" if lang == "zh" else f"{words['file']}: {shown}")
    return words["sep"].join(parts)


def draft(table: TableReview, lang: Lang = "zh") -> list[Block]:
    """The 审核意见 of one table."""
    words = _WORDS[lang]
    blocks = [
        Block("title", words["title"].format(name=table.name)),
        Block("identity", _identity(table, lang)),
    ]
    if table.grade is None:
        blocks.append(Block("grade", words["unreadable"].format(error=table.error or "?")))
        blocks.append(Block("closing", words["resubmit"]))
        return blocks
    result = table.grade
    shown_grade = GRADE_NAMES[result.grade][lang] if lang == "en" else result.grade
    blocks.append(Block("grade", words["grade"].format(grade=shown_grade, score=f"{result.score:g}")))
    reasons = result.reasons(lang)
    if reasons:
        blocks.append(Block("identity", words["deductions"] + words["sep"].join(reasons) + words["end"]))
    rules = rules_by_key()
    by_criterion: dict[str, list[Finding]] = {criterion: [] for criterion in CRITERIA}
    other: list[Finding] = []
    for finding in table.findings:
        rule = rules.get(finding.code)
        if rule is not None and rule.criterion in by_criterion:
            by_criterion[rule.criterion].append(finding)
        elif finding.severity != "info":  # reading notes that change nothing (P002) are no opinion
            other.append(finding)
    numbers = _NUMERALS if lang == "zh" else ("1", "2", "3", "4")
    for number, (criterion, findings) in zip(numbers, by_criterion.items(), strict=False):
        opinions: list[str] = []
        for finding in findings:
            for opinion in rules[finding.code].opinions:
                if opinion not in opinions:
                    opinions.append(opinion)
        said = words["sep"].join(opinion_text(opinion, lang) for opinion in opinions) + words["end"]
        head = (
            f"{number}、{criterion_name(criterion, lang)}："
            if lang == "zh"
            else f"{number}. {criterion_name(criterion, lang).capitalize()}: "
        )
        blocks.append(Block("heading", head + (said if opinions else words["none"])))
        blocks += [Block("item", finding_line(finding, lang), finding.severity) for finding in findings]
    if other:
        blocks.append(Block("heading", words["other"]))
        blocks += [Block("item", finding_line(finding, lang), finding.severity) for finding in other]
    blocks.append(Block("closing", words["closing"] + OUTCOMES[result.grade][lang]))
    return blocks


def to_markdown(blocks: list[Block]) -> str:
    """One table's 审核意见 as markdown."""
    lines: list[str] = []
    for block in blocks:
        text = md_escape(block.text)
        if block.style == "title":
            lines += [f"## {text}", ""]
        elif block.style == "heading":
            lines += ["", f"**{text}**", ""]
        elif block.style == "item":
            lines.append(f"- {text}")
        elif block.style == "closing":
            lines += ["", text, ""]
        else:
            lines += [text, ""]
    text = "\n".join(lines).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text + "\n"


def md_escape(text: str) -> str:
    """Text as markdown shows it: HTML-escaped, emphasis and table markers as entities, on one line."""
    escaped = html.escape(visible(text), quote=False).replace("|", "\\|")
    return escaped.replace("*", "&#42;").replace("_", "&#95;").replace("`", "&#96;")
