"""``concise``: one line a finding, ``path:line:col: B001 message`` or ``path:Sheet!C5: B001 message``."""

from __future__ import annotations

from perftable.findings import FileReport, Report
from perftable.report.context import FormatContext, visible, where
from perftable.report.statistics import table


def stream(file: FileReport, ctx: FormatContext) -> str:
    return "".join(f"{where(f, ctx.root)}: {f.code} {visible(f.message)}\n" for f in file.findings)


def finish(report: Report, ctx: FormatContext) -> str:
    if not ctx.statistics:
        return ""

    return table(report.summary, ctx)
