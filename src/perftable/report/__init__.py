"""Report formats: each serialises a :class:`~perftable.findings.Report`, and nothing else.

A format is a module that is a :class:`Reporter`: ``stream(file_report, ctx) -> str`` (text written as each file is
done; empty for formats that need the whole report) and ``finish(report, ctx) -> str`` (written at the end). The
registry below (:data:`REPORTERS`, one entry a ``--format`` name) also feeds the CLI's ``--format`` choices; what
every format shares (:class:`FormatContext`, the paths and positions as shown) is in :mod:`.context`. Only the
``text`` format uses rich, and imports it when it writes.

Text a format takes from a file (messages quoting cells, hints, paths, positions) goes through :func:`visible` in
every format read by a person or parsed as XML (text, concise, markdown, junit): a control character shows as its
escape (``\\x1b``), so ``\\x1b]0;…\\x07`` or ``\\x1b[2J`` in a cell can neither retitle nor clear a terminal, a CR or
LF cannot forge a line of its own, and a JUnit report stays well-formed XML.

May import: ``errors``, ``messages``, ``runtime``, ``model``, ``outputs``, ``values``, ``vocab``, ``grid``,
``findings``, ``spans``, ``readers``, ``extract``, ``loader``, ``rules``, ``check``, ``export``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from perftable.findings import FileReport, Report
from perftable.report import (
    concise,
    github,
    gitlab,
    json_report,
    json_summary,
    junit,
    markdown,
    sarif,
    text,
)
from perftable.report.context import FormatContext, relative, shown, visible, where

__all__ = [
    "FORMATS",
    "REPORTERS",
    "STREAMING",
    "FormatContext",
    "Reporter",
    "StreamPart",
    "module",
    "relative",
    "shown",
    "visible",
    "where",
]


class Reporter(Protocol):
    """A report format (each is a module of this package)."""

    def stream(self, file: FileReport, ctx: FormatContext) -> str: ...

    def finish(self, report: Report, ctx: FormatContext) -> str: ...


REPORTERS: dict[str, Reporter] = {
    "text": text,
    "concise": concise,
    "json": json_report,
    "json-lines": json_report,
    "json-report": json_summary,
    "github": github,
    "gitlab": gitlab,
    "sarif": sarif,
    "junit": junit,
    "markdown": markdown,
}
FORMATS: tuple[str, ...] = tuple(REPORTERS)

# Formats written file by file as a run goes: their `finish` needs only the report's summary.
STREAMING = frozenset({"text", "concise", "json-lines", "github"})


@dataclass(frozen=True)
class StreamPart:
    """A file's part of a streamed report in ``ctx``'s format, with the report as shown (:func:`shown`). Picklable,
    so that worker processes write their files' parts (:func:`perftable.check.batch.run`)."""

    ctx: FormatContext

    def __call__(self, file: FileReport) -> tuple[FileReport, str]:
        file = shown(file, self.ctx)
        return file, module(self.ctx.format).stream(file, self.ctx)


def module(name: str) -> Reporter:
    """The format named ``name`` (a ``--format`` choice)."""
    return REPORTERS[name]
