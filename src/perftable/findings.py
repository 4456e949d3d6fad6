"""What validation produces: findings, grouped per file in a report. The report is data; formats serialise it.

The JSON of a :class:`Finding` (``{"file", "code", "name", "severity", "message", "location", …}``) is a public
contract, like the document model.
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

from pydantic import Field

from perftable.model import Document, Location, Record

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Finding(Record):
    file: str
    code: str = Field(description="Stable rule code, e.g. B001")
    name: str = Field(description="Kebab-case rule name, e.g. expenditure-sum")
    severity: Severity
    message: str
    location: Location
    hint: str | None = None
    params: dict[str, str] = Field(default_factory=dict, description="The values the message names")
    variant: str = Field(
        default="default", description="Which of the rule's messages (stable: decimal, blank, not-percent …)"
    )
    table: int = Field(default=0, description="Which table of the file (0-based) the finding is about")

    def sort_key(self) -> tuple[tuple[str, str, int, int, int], str]:
        return (self.location.sort_key(), self.code)


class TableInfo(Record):
    """Which table of a file was checked: what a batch summary says of it (``validate --format json-report``)."""

    table: int = Field(description="Which table of the file (0-based), as a finding's ``table``")
    kind: str
    department: str | None = None
    project: str | None = None
    year: int | None = None
    location: Location

    @classmethod
    def of(cls, document: Document, index: int) -> TableInfo:
        return cls(
            table=index,
            kind=document.kind,
            department=document.department,
            project=document.project,
            year=document.year,
            location=document.source,
        )


class FileReport(Record):
    """The findings of one file (all its tables), or why it could not be read."""

    file: str
    tables: int = 0
    skipped: int = Field(
        default=0, description="Tables of the file that are not 绩效目标表 (收支总表, 自评表 …)"
    )
    findings: list[Finding] = Field(default_factory=list)
    table_info: list[TableInfo] = Field(
        default_factory=list, exclude=True, description="The tables checked, in the file's order"
    )
    totals: dict[str, int] | None = Field(
        default=None, exclude=True, description="Findings per severity before a display filter took some away"
    )
    error: str | None = Field(default=None, description="Why the file could not be read (reported as P001)")
    no_table: bool = Field(
        default=False, exclude=True, description="Skipped as holding no 绩效目标表 (validate --skip-no-table)"
    )
    fail_on: Severity = Field(
        default="error",
        exclude=True,
        description="The fail level of the configuration this file was checked with",
    )

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    def severities(self) -> dict[str, int]:
        """Findings per severity, those a display filter (``--quiet``) hid included."""
        if self.totals is not None:
            return dict(self.totals)
        return {severity: self.count(severity) for severity in ("error", "warning", "info")}

    @property
    def failing(self) -> list[Finding]:
        """Findings at or above the file's own fail level (a perftable.toml in its folder may set another one)."""
        rank = SEVERITY_RANK[self.fail_on]
        return [finding for finding in self.findings if SEVERITY_RANK[finding.severity] >= rank]


class Summary(Record):
    """Counts over every file of a run: enough for a summary line and the exit code, without the findings."""

    files: int = 0
    unreadable: int = 0
    failing: int = Field(default=0, description="Files with a finding at or above their fail level")
    severities: dict[str, int] = Field(default_factory=dict)
    codes: dict[str, int] = Field(default_factory=dict)
    failing_files: list[str] = Field(
        default_factory=list,
        exclude=True,
        description="The files that fail the run, unreadable ones included",
    )
    code_severities: dict[str, dict[str, int]] = Field(
        default_factory=dict,
        exclude=True,
        description="Findings per code and severity (a folder's configuration may set another severity)",
    )

    def add(self, file: FileReport) -> None:
        self.files += 1
        self.unreadable += file.error is not None
        self.failing += bool(file.failing)
        if file.failing or file.error is not None:
            self.failing_files.append(file.file)
        for finding in file.findings:
            self.severities[finding.severity] = self.severities.get(finding.severity, 0) + 1
            self.codes[finding.code] = self.codes.get(finding.code, 0) + 1
            levels = self.code_severities.setdefault(finding.code, {})
            levels[finding.severity] = levels.get(finding.severity, 0) + 1

    def merge(self, other: Summary) -> None:
        """Add the counts of another summary (one worker's file, or one part of a run)."""
        self.files += other.files
        self.unreadable += other.unreadable
        self.failing += other.failing
        self.failing_files.extend(other.failing_files)
        for severity, count in other.severities.items():
            self.severities[severity] = self.severities.get(severity, 0) + count
        for code, count in other.codes.items():
            self.codes[code] = self.codes.get(code, 0) + count
        for code, levels in other.code_severities.items():
            mine = self.code_severities.setdefault(code, {})
            for severity, count in levels.items():
                mine[severity] = mine.get(severity, 0) + count

    @classmethod
    def of(cls, file: FileReport) -> Summary:
        """The counts of one file."""
        summary = cls()
        summary.add(file)
        return summary

    @property
    def findings(self) -> int:
        return sum(self.severities.values())

    def any_at_least(self, severity: Severity) -> bool:
        rank = SEVERITY_RANK[severity]
        return any(count and SEVERITY_RANK[level] >= rank for level, count in self.severities.items())


class Report(Record):
    files: list[FileReport] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)

    def add(self, file: FileReport, *, keep: bool = True, counts: Summary | None = None) -> None:
        """Count a file's findings; keep the file's report only when ``keep`` (streamed reports need not, so a
        run over thousands of files holds counts, not findings). ``counts`` are the file's counts when they were
        made where it was checked (a worker process then need not send the findings back)."""
        if counts is None:
            self.summary.add(file)
        else:
            self.summary.merge(counts)
        if keep:
            self.files.append(file)

    @property
    def findings(self) -> list[Finding]:
        return [finding for file in self.files for finding in file.findings]

    @property
    def unreadable(self) -> list[FileReport]:
        return [file for file in self.files if file.error is not None]

    def counts(self) -> Counter[str]:
        """Findings per severity."""
        return Counter(finding.severity for finding in self.findings)

    def by_code(self) -> Counter[str]:
        return Counter(finding.code for finding in self.findings)

    def flatten(self, fields: list[str]) -> list[list[object]]:
        """Compact projections for assertions: ``report.flatten(["code", "line"]) == [["B001", 7]]``.

        Field names are those of a finding, or of its location (``line``, ``cell`` …).
        """
        rows: list[list[object]] = []
        for finding in self.findings:
            data = finding.model_dump()
            location = data.pop("location")
            rows.append([data[f] if f in data else location.get(f) for f in fields])
        return rows

    def at_least(self, severity: Severity) -> list[Finding]:
        rank = SEVERITY_RANK[severity]
        return [finding for finding in self.findings if SEVERITY_RANK[finding.severity] >= rank]
