"""Report formats: each serialises a :class:`~perftable.findings.Report`, and nothing else.

A format module exposes ``stream(file_report, ctx) -> str`` (text written as each file is done; empty for formats
that need the whole report) and ``finish(report, ctx) -> str`` (written at the end). The registry below also
feeds the CLI's ``--format`` choices. Only the ``text`` format imports rich.

Text a format takes from a file (messages quoting cells, hints, paths, positions) goes through :func:`visible` in
every format read by a person or parsed as XML (text, concise, markdown, junit): a control character shows as its
escape (``\\x1b``), so ``\\x1b]0;…\\x07`` or ``\\x1b[2J`` in a cell can neither retitle nor clear a terminal, a CR or
LF cannot forge a line of its own, and a JUnit report stays well-formed XML.
"""

from __future__ import annotations

import importlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from perftable.files import resolved
from perftable.findings import SEVERITY_RANK, FileReport, Finding, Severity
from perftable.messages import Lang

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


# Control characters (C0 but tab, DEL, C1: CSI is \x9b), U+FFFE/U+FFFF and lone surrogates: what a terminal acts on or
# XML 1.0 cannot hold.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """The text with every control character shown as its escape: ``a\\x1b[2Jb`` (ESC) -> ``a\\\\x1b[2Jb``, a
    newline as ``\\\\x0a``. Text without one is returned as it is."""
    return _CONTROL.sub(_escape, text) if _CONTROL.search(text) else text


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


def module(name: str) -> ModuleType:
    return importlib.import_module(f"perftable.report.{FORMATS[name]}")


def relative(path: str, root: Path | None = None) -> str:
    """A path as reports show it: relative to the working directory when under it, ``/`` separators, no ``./``;
    control characters in it shown as escapes (:func:`visible`)."""
    return visible(_relative(path, str(root or Path.cwd())))


@lru_cache(maxsize=4096)
def _relative(path: str, base: str) -> str:
    """Cached: a report names the same file once per finding, and resolving a path costs system calls (over a
    batch of thousands of findings this was most of the parent process's time)."""
    try:
        shown = Path(os.path.relpath(resolved(path), resolved(base)))
        text = shown.as_posix() if not shown.as_posix().startswith("..") else Path(path).as_posix()
    except ValueError:  # another drive
        text = Path(path).as_posix()
    return text.removeprefix("./")


def where(finding: Finding, root: Path | None = None) -> str:
    """``path:12:5`` or ``path:Sheet!C5`` (or just ``path`` for a file-level finding)."""
    pos = visible(finding.location.position)
    path = relative(finding.file, root)
    return f"{path}:{pos}" if pos else path
