"""A batch reviewed: each file read once, each table checked, graded, laid out with its findings in their cells.

This is what every review format is written from (HTML, xlsx, docx, markdown, JSON): a :class:`Batch` of
:class:`TableReview`, one per table (a file that could not be read is one entry without a grade). Files are checked
in worker processes with ``jobs`` (see :mod:`perftable.check.batch`); a table's form comes back already laid out, never
the document itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from perftable.check.batch import config_for
from perftable.check.engine import check_file
from perftable.check.grades import DEFAULT_SCORING, GRADES, GradeResult, Scoring, grade
from perftable.check.parallel import ordered_map
from perftable.findings import Finding
from perftable.messages import Lang
from perftable.render.document import layout
from perftable.render.notes import attach_findings
from perftable.rules import all_rules

if TYPE_CHECKING:
    from perftable.check.batch import RunSettings
    from perftable.model import Document
    from perftable.render.layout import Form

KIND_NAMES: dict[str, dict[Lang, str]] = {
    "department": {"zh": "部门整体", "en": "department"},
    "project": {"zh": "项目", "en": "project"},
}


@dataclass
class TableReview:
    """One table of a batch: who and where, its findings, its grade and its form with the findings in cells."""

    file: str
    index: int  # the table's place in its file (0-based)
    tables_in_file: int
    kind: str | None = None
    title: str | None = None
    year: int | None = None
    department: str | None = None
    project: str | None = None
    where: str = ""  # the page range, sheet or line the table starts at
    findings: list[Finding] = field(default_factory=list)
    grade: GradeResult | None = None
    form: Form | None = None
    loose: list[Finding] = field(default_factory=list)  # findings shown above the form (no single cell)
    error: str | None = None  # why the file could not be read

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    @property
    def name(self) -> str:
        """The project, else the department, else the title, else the file."""
        return self.project or self.department or self.title or Path(self.file).name

    def top(self, limit: int = 3) -> list[Finding]:
        """The findings a reviewer reads first: errors, then warnings, each in order (infos are not among them)."""
        rank = {"error": 0, "warning": 1}
        shown = [finding for finding in self.findings if finding.severity in rank]
        return sorted(shown, key=lambda finding: rank[finding.severity])[:limit]


@dataclass
class Batch:
    tables: list[TableReview] = field(default_factory=list)
    files: int = 0
    skipped: int = 0  # other tables (收支总表 …) skipped in the files

    @property
    def unreadable(self) -> list[TableReview]:
        return [table for table in self.tables if table.error is not None]

    @property
    def graded(self) -> list[TableReview]:
        return [table for table in self.tables if table.grade is not None]

    def grades(self) -> dict[str, int]:
        counts = Counter(table.grade.grade for table in self.graded if table.grade)
        return {name: counts.get(name, 0) for name in GRADES}

    def codes(self) -> Counter[tuple[str, str]]:
        """Findings per (code, severity), over every table."""
        return Counter(
            (finding.code, finding.severity) for table in self.tables for finding in table.findings
        )

    def count(self, severity: str) -> int:
        return sum(table.count(severity) for table in self.tables)


def where(doc: Document) -> str:
    """Where a table starts: ``p3-4`` (pages), ``Sheet`` (a workbook's sheet), ``L12`` (a text file's line)."""
    if doc.page_range:
        first, last = doc.page_range
        return f"p{first}" if first == last else f"p{first}-{last}"
    if doc.source.sheet:
        return doc.source.sheet
    if doc.source.page is not None:
        return f"p{doc.source.page}"
    return f"L{doc.source.line}" if doc.source.line else ""


def table_review(
    doc: Document, index: int, count: int, findings: list[Finding], file: str, scoring: object
) -> TableReview:
    """One table: laid out with its findings in their cells, graded."""
    form = layout(doc)
    loose = attach_findings(form, doc, findings) if findings else []
    return TableReview(
        file=file,
        index=index,
        tables_in_file=count,
        kind=doc.kind,
        title=doc.title,
        year=doc.year,
        department=doc.department,
        project=doc.project,
        where=where(doc),
        findings=findings,
        grade=grade(findings, scoring if isinstance(scoring, Scoring) else DEFAULT_SCORING),
        form=form,
        loose=loose,
    )


@dataclass(frozen=True)
class FileReview:
    file: str
    tables: list[TableReview]
    skipped: int = 0


def review_file(item: tuple[Path, RunSettings]) -> FileReview:
    """Check one file (read once) and review each of its tables. Module-level: sent to worker processes."""
    path, settings = item
    config = config_for(path, settings)
    documents: list[Document] = []
    report = check_file(path, config, options=settings.read_options, collect=documents)
    if report.error is not None:
        unreadable = TableReview(file=report.file, index=0, tables_in_file=0, findings=report.findings)
        unreadable.error = report.error
        return FileReview(report.file, [unreadable])
    scoring = config.review or DEFAULT_SCORING
    by_table: dict[int, list[Finding]] = {}
    for finding in report.findings:
        by_table.setdefault(finding.table, []).append(finding)
    tables = [
        table_review(doc, index, len(documents), by_table.get(index, []), report.file, scoring)
        for index, doc in enumerate(documents)
    ]
    return FileReview(report.file, tables, report.skipped)


def review(paths: Iterable[Path], settings: RunSettings, jobs: int = 1) -> Iterator[FileReview]:
    """Every file reviewed, in input order."""
    all_rules()  # import the catalog once, before any worker forks
    yield from ordered_map(review_file, ((path, settings) for path in paths), jobs)


def collect(files: Iterable[FileReview]) -> Batch:
    batch = Batch()
    for file in files:
        batch.files += 1
        batch.skipped += file.skipped
        batch.tables.extend(file.tables)
    return batch
