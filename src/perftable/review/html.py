"""The review as one self-contained HTML page: the batch summary, the list of tables (sortable, filterable, its
state in the URL), and a view per table: the form with every finding in the cell it concerns (the layout and
notes of ``render --with-findings``), the findings beside it and the draft 审核意见. Everything from the input is
HTML-escaped; the stylesheet and script are inline (:mod:`perftable.review.assets`)."""

from __future__ import annotations

import html
from collections.abc import Iterator

from perftable.check.grades import GRADE_NAMES, GRADES
from perftable.messages import Lang
from perftable.report import relative
from perftable.review.assets import CSS, JS
from perftable.review.collect import KIND_NAMES, Batch, TableReview
from perftable.review.draft import Block, draft
from perftable.review.markdown import WORDS, overview
from perftable.rules import rules_by_key
from perftable.spans import to_html as grid_html

_UI = {
    "zh": {
        "department": "单位", "project": "项目", "file": "文件", "kind": "类型", "grade": "评级", "score": "得分",
        "errors": "错误", "warnings": "警告", "top": "主要问题", "all": "全部", "unreadable": "无法读取",
        "filter_grade": "评级", "filter_code": "规则", "filter_text": "搜索", "search": "单位、项目、文件或问题",
        "reset": "清除", "shown": "显示", "of": "张表，共", "back": "← 返回列表", "findings": "发现的问题",
        "no_findings": "没有发现问题。", "codes": "各规则的发现数", "loose": "涉及整张表的问题",
        "open": "打开", "form": "绩效目标表",
    },
    "en": {
        "department": "Department", "project": "Project", "file": "File", "kind": "Kind", "grade": "Grade",
        "score": "Score", "errors": "Errors", "warnings": "Warnings", "top": "Top findings", "all": "all",
        "unreadable": "unreadable", "filter_grade": "Grade", "filter_code": "Rule", "filter_text": "Search",
        "search": "department, project, file or finding", "reset": "Clear", "shown": "Showing", "of": "tables of",
        "back": "← Back to the list", "findings": "Findings", "no_findings": "No finding.",
        "codes": "Findings per rule", "loose": "About the whole table", "open": "open", "form": "The table",
    },
}  # fmt: skip
_RANK: dict[str, int] = {grade: index for index, grade in enumerate(GRADES)}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _grade_badge(table: TableReview, lang: Lang) -> str:
    if table.grade is None:
        return '<span class="grade g-none">—</span>'
    name = table.grade.grade
    title = f' title="{_e(GRADE_NAMES[name]["en"])}"' if lang == "en" else ""
    return f'<span class="grade g-{name}"{title}>{name}</span>'


def _row(number: int, table: TableReview, lang: Lang) -> str:
    ui = _UI[lang]
    grade = table.grade.grade if table.grade else "-"
    codes = " " + " ".join(sorted({finding.code for finding in table.findings})) + " "
    text = " ".join(
        [
            table.department or "",
            table.project or "",
            table.title or "",
            relative(table.file),
            table.error or "",
        ]
        + [f"{finding.code} {finding.message}" for finding in table.findings]
    ).lower()
    place = ", ".join(
        part for part in (table.where, f"#{table.index + 1}" if table.tables_in_file > 1 else "") if part
    )
    top = "".join(f'<li class="{f.severity}">{_e(f.code)} {_e(f.message)}</li>' for f in table.top())
    if table.error:
        top = f'<li class="error">{_e(table.error)}</li>'
    data = {
        "index": number, "grade": grade, "rank": _RANK.get(grade, len(GRADES)),
        "score": table.grade.score if table.grade else -1, "errors": table.count("error"),
        "warnings": table.count("warning"), "codes": codes, "text": text,
        "department": table.department or "", "project": table.project or "", "file": f"{table.file}\t{table.index:04d}",
        "kind": table.kind or "",
    }  # fmt: skip
    attrs = " ".join(f'data-{key}="{_e(value)}"' for key, value in data.items())
    kind = KIND_NAMES[table.kind][lang] if table.kind else ui["unreadable"]
    link = f'<a href="#t{number}" data-open="{number}">{_e(table.name)}</a>'
    score = f"{table.grade.score:g}" if table.grade else "—"
    return (
        f'<tr {attrs}><td class="num">{number}</td><td>{_e(table.department or "")}</td>'
        f"<td>{link if table.project else _e(table.project or '')}</td>"
        f"<td>{'' if table.project else link + '<br>'}<small>{_e(relative(table.file))}"
        f"{' · ' + _e(place) if place else ''}</small></td>"
        f'<td>{_e(kind)}</td><td>{_grade_badge(table, lang)}</td><td class="num">{score}</td>'
        f'<td class="num">{table.count("error")}</td><td class="num">{table.count("warning")}</td>'
        f"<td><ul>{top}</ul></td></tr>"
    )


def _summary(batch: Batch, lang: Lang) -> Iterator[str]:
    ui, words = _UI[lang], WORDS[lang]
    grades = batch.grades()
    yield '<div class="cards">'
    for name in GRADES:
        label = name if lang == "zh" else f"{name} {GRADE_NAMES[name]['en']}"
        yield f'<a class="card g-{name}" href="#grade={_e(name)}"><b>{grades[name]}</b>{_e(label)}</a>'
    yield f'<a class="card g-none" href="#grade=-"><b>{len(batch.unreadable)}</b>{_e(ui["unreadable"])}</a>'
    yield "</div>"
    codes = batch.codes()
    if codes:
        rules = rules_by_key()
        yield f'<details class="codes" open><summary>{_e(ui["codes"])}</summary><table class="codes">'
        yield f"<tr><th>{words['code']}</th><th>{words['severity']}</th><th>{words['count']}</th><th>{words['summary']}</th></tr>"
        for (code, severity), count in sorted(codes.items()):
            summary = rules[code].summary[lang] if code in rules else ""
            yield (
                f'<tr><td><a href="#code={_e(code)}">{_e(code)}</a></td><td class="sev-{severity}">{words[severity]}</td>'
                f'<td class="num">{count}</td><td>{_e(summary)}</td></tr>'
            )
        yield "</table></details>"
    if batch.unreadable:
        yield f"<h2>{_e(words['unreadable'])}</h2><ul>"
        yield from (f"<li>{_e(relative(t.file))}: {_e(t.error or '')}</li>" for t in batch.unreadable)
        yield "</ul>"


def _filters(batch: Batch, lang: Lang) -> str:
    ui = _UI[lang]
    grades = "".join(f'<option value="{g}">{g}</option>' for g in GRADES)
    codes = "".join(
        f'<option value="{_e(c)}">{_e(c)}</option>' for c in sorted({c for c, _ in batch.codes()})
    )
    return (
        '<form id="filters" class="filters">'
        f'<label>{ui["filter_grade"]} <select name="grade"><option value="">{ui["all"]}</option>{grades}'
        f'<option value="-">{ui["unreadable"]}</option></select></label>'
        f'<label>{ui["filter_code"]} <select name="code"><option value="">{ui["all"]}</option>{codes}</select></label>'
        f'<label>{ui["filter_text"]} <input type="search" name="q" placeholder="{_e(ui["search"])}"></label>'
        f'<button type="reset">{ui["reset"]}</button>'
        f'<span>{ui["shown"]} <b id="shown">{len(batch.tables)}</b> {ui["of"]} {len(batch.tables)}</span></form>'
    )


def _list(batch: Batch, lang: Lang) -> Iterator[str]:
    ui = _UI[lang]
    heads = [("index", "#"), ("department", ui["department"]), ("project", ui["project"]), ("file", ui["file"]),
             ("kind", ui["kind"]), ("rank", ui["grade"]), ("score", ui["score"]), ("errors", ui["errors"]),
             ("warnings", ui["warnings"])]  # fmt: skip
    yield '<table id="tables" class="list"><thead><tr>'
    yield "".join(f'<th data-sort="{key}">{_e(label)}</th>' for key, label in heads) + f"<th>{ui['top']}</th>"
    yield "</tr></thead><tbody>"
    yield from (_row(number, table, lang) for number, table in enumerate(batch.tables, 1))
    yield "</tbody></table>"


def _draft_html(blocks: list[Block]) -> str:
    out: list[str] = ['<div class="draft">']
    items: list[str] = []

    def flush() -> None:
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items.clear()

    for block in blocks:
        if block.style == "item":
            items.append(f'<li class="{block.level}">{_e(block.text)}</li>')
            continue
        flush()
        if block.style == "title":
            out.append(f"<h3>{_e(block.text)}</h3>")
        else:
            out.append(
                f'<p class="{"head" if block.style == "heading" else block.style}">{_e(block.text)}</p>'
            )
    flush()
    return "".join(out) + "</div>"


def _view(number: int, table: TableReview, lang: Lang) -> str:
    ui = _UI[lang]
    out = [f'<section class="view" id="t{number}">', f'<nav><a href="#" data-back>{ui["back"]}</a></nav>']
    out.append(f"<h2>{_grade_badge(table, lang)} {_e(table.name)}</h2>")
    findings = "".join(
        f'<li class="{f.severity}"><b>{_e(f.code)}</b> {_e(f.message)} <small>({_e(f.location.position or "-")})</small></li>'
        for f in table.findings
    )
    aside = (
        f"<aside><h3>{ui['findings']}</h3>"
        + (f"<ol>{findings}</ol>" if findings else f'<p class="empty">{ui["no_findings"]}</p>')
        + "</aside>"
    )
    form_html = ""
    if table.form is not None:
        form = table.form
        form_html = f"<h1>{_e(form.title)}</h1>" if form.title else ""
        form_html += "".join(f'<p class="line">{_e(line)}</p>' for line in form.lines)
        if table.loose:
            notes = "".join(
                f'<li class="{f.severity}">{_e(f.code)} {_e(f.message)}</li>' for f in table.loose
            )
            form_html += f'<p>{ui["loose"]}:</p><ul class="notes">{notes}</ul>'
        if form.grid:
            form_html += grid_html(form.grid).replace("<table>", '<table class="form">', 1)
    out.append(f'<div class="panes"><section class="form">{form_html}</section>{aside}</div>')
    out.append(_draft_html(draft(table, lang)))
    out.append("</section>")
    return "\n".join(out)


def to_html(batch: Batch, lang: Lang = "zh") -> str:
    """The review page."""
    title = WORDS[lang]["title"]
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="perftable"><title>{_e(title)}</title><style>{CSS}</style></head>',
        "<body>",
        f'<header><h1>{_e(title)}</h1><p class="meta">{_e(overview(batch, lang))}</p></header>',
        '<main id="list">',
        *_summary(batch, lang),
        _filters(batch, lang),
        *_list(batch, lang),
        "</main>",
        *(_view(number, table, lang) for number, table in enumerate(batch.tables, 1)),
        f"<script>{JS}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"
