"""``gitlab``: a GitLab Code Quality report (a JSON array of issues with fingerprints)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from perftable.findings import FileReport, Finding, Report
from perftable.report.context import FormatContext, relative, where

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def _issue(finding: Finding, ctx: FormatContext) -> dict[str, Any]:
    path = relative(finding.file, ctx.root)
    digest = hashlib.sha256(
        f"{where(finding, ctx.root)}|{finding.code}|{finding.message}".encode()
    ).hexdigest()
    return {
        "type": "issue",
        "check_name": f"{finding.code} {finding.name}",
        "description": f"{finding.code} {finding.message}",
        "categories": ["Bug Risk" if finding.severity == "error" else "Style"],
        "severity": SEVERITIES[finding.severity],
        "fingerprint": digest,
        "location": {"path": path, "lines": {"begin": finding.location.line or 1}},
    }


def stream(file: FileReport, ctx: FormatContext) -> str:
    return ""


def finish(report: Report, ctx: FormatContext) -> str:
    return json.dumps([_issue(f, ctx) for f in report.findings], ensure_ascii=False, indent=2) + "\n"
