"""``github``: GitHub Actions workflow commands, so findings show as annotations on the pull request.

``::error file=path,line=12,col=5,title=perftable B001::path:12:5: message``, grouped per file. Spreadsheet findings
carry no line: the cell goes into the title (``perftable B001 (绩效目标表!E25)``). Chosen automatically when the
``GITHUB_ACTIONS`` environment variable is set.
"""

from __future__ import annotations

from perftable.findings import FileReport, Finding, Report
from perftable.report.context import FormatContext, relative, where

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(finding: Finding, ctx: FormatContext) -> str:
    location = finding.location
    properties = [f"file={_escape_property(relative(finding.file, ctx.root))}"]
    if location.line is not None:
        properties.append(f"line={location.line}")
        if location.column is not None:
            properties.append(f"col={location.column}")
    title = f"perftable {finding.code}"
    if location.line is None and location.position:
        title += f" ({location.position})"
    properties.append(f"title={_escape_property(title)}")
    message = f"{where(finding, ctx.root)}: {finding.message}"
    return f"::{LEVELS[finding.severity]} {','.join(properties)}::{_escape_data(message)}\n"


def stream(file: FileReport, ctx: FormatContext) -> str:
    if not file.findings:
        return ""
    lines = [f"::group::{_escape_data(relative(file.file, ctx.root))}\n"]
    lines += [_command(finding, ctx) for finding in file.findings]
    lines.append("::endgroup::\n")
    return "".join(lines)


def finish(report: Report, ctx: FormatContext) -> str:
    return ""
