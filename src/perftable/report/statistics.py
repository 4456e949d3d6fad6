"""``validate --statistics``: the findings counted per rule, most frequent first, like ``ruff --statistics``:
count, code, severity and the rule's name, one rule a line (``  89  P002  提示  merged-cell-filled``)."""

from __future__ import annotations

from perftable.findings import SEVERITY_RANK, Summary
from perftable.report.context import FormatContext
from perftable.rules import rules_by_key

SEVERITY_WORDS = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def rows(summary: Summary, ctx: FormatContext) -> list[tuple[int, str, str, str]]:
    """(count, code, severity, name) per code, the most frequent first. A code reported at several severities
    (a folder's configuration or a variant of the rule sets another) names each, the highest first (``错误/警告``)."""
    rules = rules_by_key()
    words = SEVERITY_WORDS[ctx.lang]
    out: list[tuple[int, str, str, str]] = []
    for code, count in summary.codes.items():
        levels = sorted(summary.code_severities.get(code, {}), key=SEVERITY_RANK.__getitem__, reverse=True)
        rule = rules.get(code)
        out.append((count, code, "/".join(words[level] for level in levels), rule.name if rule else ""))
    return sorted(out, key=lambda row: (-row[0], row[1]))


def table(summary: Summary, ctx: FormatContext) -> str:
    """The rows as aligned text lines (each ending with a newline); empty when there is no finding."""
    from rich.cells import cell_len

    found = rows(summary, ctx)
    if not found:
        return ""
    count_width = max(len(str(row[0])) for row in found)
    level_width = max(cell_len(row[2]) for row in found)
    return "".join(
        f"{count:>{count_width}}  {code}  {level}{' ' * (level_width - cell_len(level))}  {name}".rstrip()
        + "\n"
        for count, code, level, name in found
    )
