"""The review as JSON: a summary object and one object per table with its grade, the reasons and its findings.

Shape (stable)::

    {"summary": {"files": 23, "tables": 27, "unreadable": 0, "grades": {"优": 17, "良": 9, "中": 1, "差": 0},
                 "severities": {"error": 12, …}, "codes": {"I003": 10, …}},
     "tables": [{"file": …, "table": 0, "kind": "department", "department": …, "project": null, "title": …,
                 "year": 2024, "where": "L5", "error": null,
                 "grade": {"grade": "良", "score": 81.0, "score_grade": "良", "ceiling": null,
                           "deductions": [{"code": "I003", "criterion": "完整性", "count": 1, "points": 10.0, …}],
                           "reasons": ["I003（完整性）1 条，扣 10 分", …]},
                 "findings": [… as `perftable validate --format json` prints them …]}]}
"""

from __future__ import annotations

import json
from collections import Counter

from perftable.messages import Lang
from perftable.review.collect import Batch, TableReview


def _table(table: TableReview, lang: Lang) -> dict[str, object]:
    grade = None
    if table.grade is not None:
        grade = {**table.grade.model_dump(mode="json"), "reasons": table.grade.reasons(lang)}
    return {
        "file": table.file,
        "table": table.index,
        "kind": table.kind,
        "department": table.department,
        "project": table.project,
        "title": table.title,
        "year": table.year,
        "where": table.where,
        "error": table.error,
        "grade": grade,
        "findings": [finding.model_dump(mode="json", exclude_none=True) for finding in table.findings],
    }


def to_json(batch: Batch, lang: Lang = "zh") -> str:
    severities = Counter(finding.severity for table in batch.tables for finding in table.findings)
    codes = Counter(finding.code for table in batch.tables for finding in table.findings)
    data = {
        "summary": {
            "files": batch.files,
            "tables": len(batch.graded),
            "unreadable": len(batch.unreadable),
            "skipped": batch.skipped,
            "grades": batch.grades(),
            "severities": dict(sorted(severities.items())),
            "codes": dict(sorted(codes.items())),
        },
        "tables": [_table(table, lang) for table in batch.tables],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
