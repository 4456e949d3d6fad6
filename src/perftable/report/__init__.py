"""Report formats: each serialises a :class:`~perftable.findings.Report`, and nothing else.

A format module exposes ``stream(file_report, ctx) -> str`` (text written as each file is done; empty for formats
that need the whole report) and ``finish(report, ctx) -> str`` (written at the end). The registry below also
feeds the CLI's ``--format`` choices. Only the ``text`` format imports rich.

Text a format takes from a file (messages quoting cells, hints, paths, positions) goes through :func:`visible` in
every format read by a person or parsed as XML (text, concise, markdown, junit): a control character shows as its
escape (``\\x1b``), so ``\\x1b]0;…\\x07`` or ``\\x1b[2J`` in a cell can neither retitle nor clear a terminal, a CR or
LF cannot forge a line of its own, and a JUnit report stays well-formed XML.

May import: ``errors``, ``messages``, ``runtime``, ``model``, ``outputs``, ``values``, ``vocab``, ``grid``,
``findings``, ``spans``, ``readers``, ``extract``, ``loader``, ``rules``, ``check``, ``export``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from perftable.findings import SEVERITY_RANK, FileReport, Finding, Severity
from perftable.messages import Lang
from perftable.readers.files import relative
from perftable.values.cleaning import visible

__all__ = ["FORMATS", "FormatContext", "StreamPart", "module", "relative", "shown", "visible", "where"]

FORMATS: dict[str, str] = {
    "text": "text",
    "concise": "concise",
    "json": "json_report",
    "json-lines": "json_report",
    "json-report": "json_summary",
    "github": "github",
    "gitlab": "gitlab",
    "sarif": "sarif",
    "junit": "junit",
    "markdown": "markdown",
}


# Formats written file by file as a run goes: their `finish` needs only the report's summary.
STREAMING = frozenset({"text", "concise", "json-lines", "github"})


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


@dataclass(frozen=True)
class StreamPart:
    """A file's part of a streamed report in ``ctx``'s format, with the report as shown (:func:`shown`). Picklable,
    so that worker processes write their files' parts (:func:`perftable.check.batch.run`)."""

    ctx: FormatContext

    def __call__(self, file: FileReport) -> tuple[FileReport, str]:
        file = shown(file, self.ctx)
        return file, module(self.ctx.format).stream(file, self.ctx)


def module(name: str) -> ModuleType:
    return importlib.import_module(f"perftable.report.{FORMATS[name]}")


def where(finding: Finding, root: Path | None = None) -> str:
    """``path:12:5`` or ``path:Sheet!C5`` (or just ``path`` for a file-level finding)."""
    pos = visible(finding.location.position)
    path = relative(finding.file, root)
    return f"{path}:{pos}" if pos else path
