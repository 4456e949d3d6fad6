"""``markdown``: a summary for a pull-request comment: counts per file, then the findings in a details block."""

from __future__ import annotations

from perftable.findings import FileReport, Report
from perftable.report import FormatContext, relative, visible, where

TITLES = {
    "zh": ("perftable 检查结果", "文件", "错误", "警告", "提示", "位置", "代码", "级别", "说明", "全部发现", "未发现问题"),
    "en": ("perftable results", "file", "errors", "warnings", "info", "location", "code", "severity", "message",
           "all findings", "no findings"),
}  # fmt: skip


def _cell(text: str) -> str:
    return visible(text.replace("|", "\\|").replace("\n", " "))


def stream(file: FileReport, ctx: FormatContext) -> str:
    return ""


def finish(report: Report, ctx: FormatContext) -> str:
    title, file_h, err_h, warn_h, info_h, loc_h, code_h, sev_h, msg_h, all_h, none = TITLES[ctx.lang]
    counts = report.counts()
    lines = [
        f"## {title}: {counts['error']} {err_h} · {counts['warning']} {warn_h} · {counts['info']} {info_h}",
        "",
    ]
    if not report.findings:
        return "\n".join([*lines, none, ""])
    lines += [f"| {file_h} | {err_h} | {warn_h} | {info_h} |", "|---|---:|---:|---:|"]
    for file in report.files:
        lines.append(
            f"| {_cell(relative(file.file, ctx.root))} | {file.count('error')} | {file.count('warning')} "
            f"| {file.count('info')} |"
        )
    lines += ["", f"<details><summary>{all_h}</summary>", "", f"| {loc_h} | {code_h} | {sev_h} | {msg_h} |",
              "|---|---|---|---|"]  # fmt: skip
    for finding in report.findings:
        lines.append(
            f"| {_cell(where(finding, ctx.root))} | {finding.code} | {finding.severity} | {_cell(finding.message)} |"
        )
    lines += ["", "</details>", ""]
    return "\n".join(lines)
