"""``text``: findings grouped by file for a person at a terminal, then a summary. Colour only on a terminal
(``NO_COLOR`` honoured by rich); the same text without colour in files and pipes."""

from __future__ import annotations

import io

from perftable.findings import FileReport, Finding, Report
from perftable.messages import REPAIR_TITLES
from perftable.report.context import FormatContext, relative, visible
from perftable.report.statistics import table

REPAIR_RULES = frozenset({"P002", "P003"})
STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
WORDS = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示", "files": "个文件", "unreadable": "个无法读取",
           "summary": "共", "clean": "未发现问题", "hint": "建议"},
    "en": {"error": "error", "warning": "warning", "info": "info", "files": "file", "unreadable": "unreadable",
           "summary": "Found", "clean": "no findings", "hint": "hint"},
}  # fmt: skip


def _console(ctx: FormatContext, buffer: io.StringIO):  # type: ignore[no-untyped-def]  # rich's Console
    from rich.console import Console

    return Console(file=buffer, force_terminal=ctx.color, no_color=not ctx.color, width=200, highlight=False,
                   soft_wrap=True)  # fmt: skip


def stream(file: FileReport, ctx: FormatContext) -> str:
    if not file.findings:
        return ""
    from rich.markup import escape

    words = WORDS[ctx.lang]
    buffer = io.StringIO()
    console = _console(ctx, buffer)
    console.print(f"[bold]{escape(relative(file.file, ctx.root))}[/bold]")
    from rich.cells import cell_len

    shown = lines(file.findings, ctx)
    places = [_where(finding, file, ctx) for finding, _ in shown]
    width = max(cell_len(where) for where in places)
    for (finding, message), where in zip(shown, places, strict=True):
        style = STYLES[finding.severity]
        padded = escape(where) + " " * (width - cell_len(where))
        console.print(
            f"  {padded}  [{style}]{words[finding.severity]}[/{style}]  "
            f"[bold]{finding.code}[/bold]  {escape(visible(message))}"
        )
        if finding.hint:
            console.print(f"  {' ' * width}  [dim]{words['hint']}: {escape(visible(finding.hint))}[/dim]")
    console.print()
    return buffer.getvalue()


def _where(finding: Finding, file: FileReport, ctx: FormatContext) -> str:
    """A finding's position under its file's heading; with the file's name when it is about another file (S001
    about a line of the configuration)."""
    where = visible(finding.location.position)
    if finding.file == file.file:
        return where
    other = relative(finding.file, ctx.root)
    return f"{other}:{where}" if where else other


GROUPED = {
    "zh": "{title}（{n} 处：{positions}；-v 逐条列出）",
    "en": "{title} ({n} places: {positions}; -v lists each)",
}


def lines(findings: list[Finding], ctx: FormatContext) -> list[tuple[Finding, str]]:
    """Each finding with the message to show. Repairs of one kind that a file has several of (nine rows
    realigned) are one line, at the first, naming the kind and every position; ``-v`` shows each on its own."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    if not ctx.verbose:
        for finding in findings:
            if finding.code in REPAIR_RULES and finding.variant in REPAIR_TITLES:
                groups.setdefault((finding.code, finding.variant), []).append(finding)
    shown: list[tuple[Finding, str]] = []
    for finding in findings:
        group = groups.get((finding.code, finding.variant), [])
        if len(group) < 2:
            shown.append((finding, finding.message))
        elif finding is group[0]:
            places = list(dict.fromkeys(f.location.position for f in group))  # a row's two cells: one place
            positions = ("、" if ctx.lang == "zh" else ", ").join(places)
            title = REPAIR_TITLES[finding.variant][ctx.lang]
            shown.append((finding, GROUPED[ctx.lang].format(title=title, n=len(places), positions=positions)))
    return shown


def _count(n: int, word: str, ctx: FormatContext) -> str:
    if ctx.lang == "zh":
        return f"{n} {word}"
    plural = word if n == 1 or word in ("info", "unreadable") else word + "s"
    return f"{n} {plural}"


def finish(report: Report, ctx: FormatContext) -> str:
    words = WORDS[ctx.lang]
    summary = report.summary
    counts = summary.severities
    if not summary.findings:
        return f"{words['clean']} ({_count(summary.files, words['files'], ctx)})\n{verdict(report, ctx)}\n"
    parts = [_count(counts.get(s, 0), words[s], ctx) for s in ("error", "warning", "info")]
    line = f"{words['summary']} {_count(summary.files, words['files'], ctx)}: " + ", ".join(parts)
    unreadable = summary.unreadable
    if unreadable:
        line += f"; {unreadable} {words['unreadable']}"
    codes = ", ".join(f"{code} ×{n}" for code, n in sorted(summary.codes.items()))
    buffer = io.StringIO()
    console = _console(ctx, buffer)
    from rich.markup import escape

    console.print(f"[bold]{line}[/bold]")
    if ctx.statistics:
        console.print(escape(table(summary, ctx)), end="")
    else:
        console.print(f"[dim]{codes}[/dim]")

    for line in failing_list(report, ctx):
        console.print(escape(line))
    console.print(f"[bold]{escape(verdict(report, ctx))}[/bold]")
    return buffer.getvalue()


FAILING = {"zh": "需修改的文件（{n} 个）：", "en": "Files to change ({n}):"}


def failing_list(report: Report, ctx: FormatContext) -> list[str]:
    """Every file that fails the run, one a line under a heading, when the verdict cannot name them all (it
    names five); nothing otherwise."""
    failing = report.summary.failing_files
    if len(failing) <= SHOWN_FILES:
        return []
    return [FAILING[ctx.lang].format(n=len(failing)), *(f"  {relative(name, ctx.root)}" for name in failing)]


VERDICT = {
    "zh": {"ok": "可以提交", "fix": "请修改", "error": "个错误", "warning": "个警告", "unreadable": "个文件无法读取",
           "sep": "，", "list": "、", "more": "等 {n} 个文件", "files": "（{files}）"},
    "en": {"ok": "Ready to submit", "fix": "Needs changes", "error": "error", "warning": "warning",
           "unreadable": "unreadable", "sep": ", ", "list": ", ", "more": "and {n} more", "files": " ({files})"},
}  # fmt: skip
SHOWN_FILES = 5


def verdict(report: Report, ctx: FormatContext) -> str:
    """The last line of the report, for the person who has to act on it: ``可以提交：0 个错误，3 个警告`` when
    nothing fails the run, else ``请修改：2 个错误，1 个警告（a.xlsx、b.md）`` naming the files to change."""
    words = VERDICT[ctx.lang]
    summary = report.summary
    counts = [_count(summary.severities.get(s, 0), words[s], ctx) for s in ("error", "warning")]
    if summary.unreadable:
        counts.append(_count(summary.unreadable, words["unreadable"], ctx))
    failing = summary.failing_files
    if not failing:
        return f"{words['ok']}{'：' if ctx.lang == 'zh' else ': '}{words['sep'].join(counts)}"
    names = [relative(name, ctx.root) for name in failing[:SHOWN_FILES]]
    if len(failing) > SHOWN_FILES:
        names.append(words["more"].format(n=len(failing) - SHOWN_FILES))
    files = words["files"].format(files=words["list"].join(names))
    return f"{words['fix']}{'：' if ctx.lang == 'zh' else ': '}{words['sep'].join(counts)}{files}"
