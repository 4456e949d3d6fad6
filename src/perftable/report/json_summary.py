"""``json-report``: the whole run as one JSON object, a summary beside the findings. ``json`` stays the bare array
of findings it always was, and ``json-lines`` the streaming form::

    {
      "version": 1,
      "summary": {"files", "tables", "failing", "unreadable", "skipped", "clean",
                  "severities": {"error", "warning", "info"},
                  "codes": {"I003": {"name", "count", "severities": {"error": 1}}},
                  "verdict": {"passed", "message", "failing_files"}},
      "files": [{"file", "status", "tables": [{"table", "kind", "department", "project", "year", "location"}],
                 "skipped_tables", "severities", "error"}],
      "findings": [ … each as in ``json`` … ]
    }

Every file checked is in ``files``, clean ones included; ``status`` is ``failing`` (a finding at or above its fail
level, or unreadable), ``passing``, or ``skipped`` (no 绩效目标表, under ``--skip-no-table``). Counts include the
findings a display filter (``--quiet``, ``--min-severity``) leaves out of ``findings``.
"""

from __future__ import annotations

import json
from typing import Any

from perftable.findings import FileReport, Report
from perftable.report.context import FormatContext, relative
from perftable.report.json_report import finding_json
from perftable.report.text import verdict
from perftable.rules import rules_by_key

VERSION = 1
SEVERITIES = ("error", "warning", "info")


def stream(file: FileReport, ctx: FormatContext) -> str:
    return ""


def _status(file: FileReport, failing: set[str]) -> str:
    if file.no_table:
        return "skipped"
    return "failing" if file.file in failing else "passing"


def _file(file: FileReport, failing: set[str], ctx: FormatContext) -> dict[str, Any]:
    tables = []
    for info in file.table_info:
        data = info.model_dump(mode="json")
        data["location"]["file"] = relative(info.location.file, ctx.root)
        tables.append(data)
    return {
        "file": relative(file.file, ctx.root),
        "status": _status(file, failing),
        "tables": tables,
        "skipped_tables": file.skipped,
        "severities": {severity: file.severities().get(severity, 0) for severity in SEVERITIES},
        "error": file.error,
    }


def _clean(file: FileReport) -> bool:
    """Read, and no finding at all (hidden ones counted)."""
    return file.error is None and not file.no_table and not any(file.severities().values())


def summary(report: Report, ctx: FormatContext) -> dict[str, Any]:
    """The counts of the run, its verdict, and every file with its tables."""
    rules = rules_by_key()
    counts = report.summary
    failing = counts.failing_files
    statuses = [_status(file, set(failing)) for file in report.files]
    codes = {
        code: {
            "name": rules[code].name if code in rules else None,
            "count": count,
            "severities": dict(sorted(counts.code_severities.get(code, {}).items())),
        }
        for code, count in sorted(counts.codes.items())
    }
    return {
        "files": counts.files,
        "tables": sum(file.tables for file in report.files),
        "failing": len(failing),
        "unreadable": counts.unreadable,
        "skipped": statuses.count("skipped"),
        "clean": sum(1 for file in report.files if _clean(file)),
        "severities": {severity: counts.severities.get(severity, 0) for severity in SEVERITIES},
        "codes": codes,
        "verdict": {
            "passed": not failing,
            "message": verdict(report, ctx),
            "failing_files": [relative(name, ctx.root) for name in failing],
        },
    }


def finish(report: Report, ctx: FormatContext) -> str:
    failing = set(report.summary.failing_files)
    data = {
        "version": VERSION,
        "summary": summary(report, ctx),
        "files": [_file(file, failing, ctx) for file in report.files],
        "findings": [finding_json(finding, ctx) for finding in report.findings],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
