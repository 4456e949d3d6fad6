"""``json`` (one array of findings) and ``json-lines`` (one finding a line). Chinese is written as is.

Each finding: ``{"file", "code", "name", "severity", "message", "location": {...}, "hint", "params", "table",
"row_id"}``; a file that could not be read appears as its P001 finding. ``row_id`` is the ``id`` of the row
``perftable export`` writes for the cell the finding is about (an indicator, a budget line, a task), so findings join
to exported rows; null for a finding about a whole file.
"""

from __future__ import annotations

import json
from typing import Any

from perftable.export.rows import stable_id
from perftable.findings import FileReport, Finding, Report
from perftable.report.context import FormatContext, relative


def finding_json(finding: Finding, ctx: FormatContext) -> dict[str, Any]:
    data = finding.model_dump(mode="json")
    data["file"] = relative(finding.file, ctx.root)
    data["location"]["file"] = data["file"]
    position = finding.location.position
    data["row_id"] = stable_id(finding.file, finding.table, position) if position else None
    return data


def stream(file: FileReport, ctx: FormatContext) -> str:
    if ctx.format != "json-lines":
        return ""
    return "".join(json.dumps(finding_json(f, ctx), ensure_ascii=False) + "\n" for f in file.findings)


def finish(report: Report, ctx: FormatContext) -> str:
    if ctx.format == "json-lines":
        return ""
    return json.dumps([finding_json(f, ctx) for f in report.findings], ensure_ascii=False, indent=2) + "\n"
