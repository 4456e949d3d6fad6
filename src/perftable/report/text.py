"""``text``: findings grouped by file for a person at a terminal, then a summary. Colour only on a terminal
(``NO_COLOR`` honoured by rich); the same text without colour in files and pipes."""

from __future__ import annotations

import io

from perftable.findings import FileReport, Report
from perftable.report import FormatContext, relative, visible

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
WORDS = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示", "files": "个文件", "unreadable": "个无法读取",
           "summary": "共", "clean": "未发现问题", "hint": "提示"},
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

    width = max(cell_len(f.location.position) for f in file.findings)
    for finding in file.findings:
        style = STYLES[finding.severity]
        where = visible(finding.location.position)
        padded = escape(where) + " " * (width - cell_len(where))
        console.print(
            f"  {padded}  [{style}]{words[finding.severity]}[/{style}]  "
            f"[bold]{finding.code}[/bold]  {escape(visible(finding.message))}"
        )
        if finding.hint:
            console.print(f"  {' ' * width}  [dim]{words['hint']}: {escape(visible(finding.hint))}[/dim]")
    console.print()
    return buffer.getvalue()


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
        return f"{words['clean']} ({_count(summary.files, words['files'], ctx)})\n"
    parts = [_count(counts.get(s, 0), words[s], ctx) for s in ("error", "warning", "info")]
    line = f"{words['summary']} {_count(summary.files, words['files'], ctx)}: " + ", ".join(parts)
    unreadable = summary.unreadable
    if unreadable:
        line += f"; {unreadable} {words['unreadable']}"
    codes = ", ".join(f"{code} ×{n}" for code, n in sorted(summary.codes.items()))
    buffer = io.StringIO()
    console = _console(ctx, buffer)
    console.print(f"[bold]{line}[/bold]")
    console.print(f"[dim]{codes}[/dim]")
    return buffer.getvalue()
