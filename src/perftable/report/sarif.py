"""``sarif``: SARIF 2.1.0, for code-scanning dashboards. The rules are described from their own metadata.

Spreadsheet cells have no line: their results carry the file and a logical location ``Sheet!C5``.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

from perftable import __version__
from perftable.findings import FileReport, Finding, Report
from perftable.report.context import FormatContext, relative
from perftable.rules import all_rules, rules_by_key

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule(index: int, code: str, ctx: FormatContext) -> dict[str, Any]:
    rule = rules_by_key()[code]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary[ctx.lang]},
        "fullDescription": {"text": rule.doc.split("\n\n")[0]},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "guidance": rule.guidance},
    }


def uri(path: str, ctx: FormatContext) -> str:
    """A file as a SARIF ``artifactLocation.uri`` (RFC 3986): relative to the working directory and
    percent-encoded (``my%20table%20%E8%A1%A8.md``), or a ``file://`` URI for a file outside it."""
    from urllib.parse import quote

    shown = relative(path, ctx.root)
    if PurePosixPath(shown).is_absolute():
        return Path(shown).as_uri()
    return quote(shown, safe="/")


def _result(finding: Finding, index: dict[str, int], ctx: FormatContext) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri(finding.file, ctx)}}
    location = finding.location
    if location.line is not None:
        physical["region"] = {
            "startLine": location.line,
            **({"startColumn": location.column} if location.column else {}),
        }
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
    }
    if location.line is None and location.position:
        result["locations"][0]["logicalLocations"] = [{"name": location.position, "kind": "element"}]
    return result


def stream(file: FileReport, ctx: FormatContext) -> str:
    return ""


def finish(report: Report, ctx: FormatContext) -> str:
    codes = [rule.code for rule in all_rules()]
    index = {code: i for i, code in enumerate(codes)}
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "perftable",
                        "version": __version__,
                        "informationUri": "https://example.invalid/perftable",
                        "rules": [_rule(i, code, ctx) for i, code in enumerate(codes)],
                    }
                },
                "results": [_result(f, index, ctx) for f in report.findings],
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
