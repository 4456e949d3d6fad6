"""What every report format shares: the context of a run's report, a file's report as shown, paths and positions
as a report shows them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from perftable.findings import SEVERITY_RANK, FileReport, Finding, Severity
from perftable.messages import Lang
from perftable.readers.files import relative
from perftable.values.cleaning import visible

__all__ = ["FormatContext", "relative", "shown", "visible", "where"]


@dataclass(frozen=True)
class FormatContext:
    format: str = "text"
    lang: Lang = "zh"
    color: bool = False
    root: Path | None = None  # paths are shown relative to it
    min_severity: Severity = "info"  # findings below it are counted but not shown (--quiet, --min-severity)
    verbose: bool = False  # every repair on its own line (text), not grouped by kind
    statistics: bool = False  # findings counted per rule after the report (text, concise: --statistics)


def shown(file: FileReport, ctx: FormatContext) -> FileReport:
    """The file's report as the format shows it: without the findings below ``ctx.min_severity``."""
    if ctx.min_severity == "info":
        return file
    rank = SEVERITY_RANK[ctx.min_severity]
    kept = [finding for finding in file.findings if SEVERITY_RANK[finding.severity] >= rank]
    return file.model_copy(update={"findings": kept, "totals": file.severities()})


def where(finding: Finding, root: Path | None = None) -> str:
    """``path:12:5`` or ``path:Sheet!C5`` (or just ``path`` for a file-level finding)."""
    pos = visible(finding.location.position)
    path = relative(finding.file, root)
    return f"{path}:{pos}" if pos else path
