"""``markdown``: a summary for a pull-request comment: counts and the verdict, the files to change, counts per file,
then the findings in a details block.

A pull-request comment holds at most 65,536 characters, so the report is kept below :data:`LIMIT`: the summary
comes first and is always whole; the findings (then, for batches of thousands, the rows of files) that do not fit
are counted instead of shown: ``… 还有 120 条发现（涉及 35 个文件）未显示`` / ``… and 120 more findings in 35 files
not shown``.
"""

from __future__ import annotations

from perftable.findings import FileReport, Finding, Report
from perftable.report.context import FormatContext, relative, visible, where
from perftable.report.text import verdict

LIMIT = 65_000  # characters; below a pull-request comment's 65,536
TITLES = {
    "zh": ("perftable 检查结果", "文件", "错误", "警告", "提示", "位置", "代码", "级别", "说明", "全部发现", "未发现问题"),
    "en": ("perftable results", "file", "errors", "warnings", "info", "location", "code", "severity", "message",
           "all findings", "no findings"),
}  # fmt: skip
MORE = {
    "zh": {"findings": "… 还有 {n} 条发现（涉及 {m} 个文件）未显示", "files": "… 还有 {n} 个文件未列出"},
    "en": {
        "findings": "… and {n} more findings in {m} files not shown",
        "files": "… and {n} more files not shown",
    },
}
# room kept for the lines that close the report (an omission line, </details>) whatever is cut
_CLOSING = 400


def _cell(text: str) -> str:
    return visible(text.replace("|", "\\|").replace("\n", " "))


def stream(file: FileReport, ctx: FormatContext) -> str:
    return ""


def _file_row(file: FileReport, ctx: FormatContext) -> str:
    counts = file.severities()
    return (
        f"| {_cell(relative(file.file, ctx.root))} | {counts.get('error', 0)} | {counts.get('warning', 0)} "
        f"| {counts.get('info', 0)} |"
    )


def _finding_row(finding: Finding, ctx: FormatContext) -> str:
    return f"| {_cell(where(finding, ctx.root))} | {finding.code} | {finding.severity} | {_cell(finding.message)} |"


class _Budget:
    """Lines added while the text stays below the limit (with room for the closing lines)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.used = sum(len(line) + 1 for line in lines)

    def fits(self, line: str) -> bool:
        return self.used + len(line) + 1 <= LIMIT - _CLOSING

    def add(self, line: str) -> None:
        self.lines.append(line)
        self.used += len(line) + 1


def finish(report: Report, ctx: FormatContext) -> str:
    title, file_h, err_h, warn_h, info_h, loc_h, code_h, sev_h, msg_h, all_h, none = TITLES[ctx.lang]
    counts = report.summary.severities
    head = f"## {title}: {counts.get('error', 0)} {err_h} · {counts.get('warning', 0)} {warn_h} · " + (
        f"{counts.get('info', 0)} {info_h}"
    )
    if not report.findings:
        return "\n".join([head, "", none, ""])
    budget = _Budget([head, "", f"**{_cell(verdict(report, ctx))}**", ""])
    budget.add(f"| {file_h} | {err_h} | {warn_h} | {info_h} |")
    budget.add("|---|---:|---:|---:|")
    listed = [file for file in report.files if file.findings or file.error is not None]
    failing = set(report.summary.failing_files)
    listed.sort(
        key=lambda file: file.file not in failing
    )  # the files to change first, each group in run order
    for index, file in enumerate(listed):
        row = _file_row(file, ctx)
        if not budget.fits(row):
            budget.add("")
            budget.add(MORE[ctx.lang]["files"].format(n=len(listed) - index))
            break
        budget.add(row)
    budget.add("")
    budget.add(f"<details><summary>{all_h}</summary>")
    budget.add("")
    budget.add(f"| {loc_h} | {code_h} | {sev_h} | {msg_h} |")
    budget.add("|---|---|---|---|")
    findings = report.findings
    for index, finding in enumerate(findings):
        row = _finding_row(finding, ctx)
        if not budget.fits(row):
            rest = findings[index:]
            budget.add("")
            budget.add(MORE[ctx.lang]["findings"].format(n=len(rest), m=len({f.file for f in rest})))
            break
        budget.add(row)
    budget.add("")
    budget.add("</details>")
    budget.add("")
    return "\n".join(budget.lines)
