"""``perftable parse --stats``: what the extractor made of a file, for a person to check against the document.

Per file: the 绩效目标表 found (where each is printed, its kind and name, its indicators, budget total and repairs),
the tables skipped with the reason, and a total line. Plain text, one line per table, so it can be grepped and
diffed; the labels follow ``--lang``.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from perftable.messages import Lang

if TYPE_CHECKING:
    from perftable.extract import Extraction
    from perftable.model import Document, Location

_LABELS: dict[str, dict[Lang, str]] = {
    "found": {"zh": "{n} 张绩效目标表", "en": "{n} 绩效目标表"},
    "skipped_count": {"zh": "跳过 {n} 张其他表", "en": "{n} other table{s} skipped"},
    "skipped": {"zh": "跳过", "en": "skipped"},
    "tables": {"zh": "绩效目标表", "en": "绩效目标表"},
    "department": {"zh": "部门整体", "en": "department"},
    "project": {"zh": "项目", "en": "project"},
    "indicators": {"zh": "{n} 个指标", "en": "{n} indicators"},
    "long": {"zh": "另有中长期指标 {n} 个", "en": "+{n} long-term"},
    "total": {"zh": "合计 {amount}", "en": "total {amount}"},
    "repairs": {"zh": "修复 {n} 处", "en": "{n} repairs"},
    "sum": {
        "zh": "共 {docs} 张表（部门 {departments}，项目 {projects}），{indicators} 个指标，修复 {repairs} 处{codes}",
        "en": "in all: {docs} tables ({departments} department, {projects} project), {indicators} indicators, "
        "{repairs} repairs{codes}",
    },
}


def _label(key: str, lang: Lang, **params: object) -> str:
    return _LABELS[key][lang].format(**params)


def _where(doc: Document) -> str:
    if doc.page_range is not None:
        first, last = doc.page_range
        return f"p{first}" if first == last else f"p{first}-{last}"
    return doc.source.position or "-"


def _start(location: Location) -> str:
    """Where a skipped table starts: its page in a paged document, else its position (line, sheet cell)."""
    return f"p{location.page}" if location.page is not None else (location.position or "-")


def _name(doc: Document) -> str:
    return (doc.project if doc.kind == "project" else doc.department) or doc.project or doc.department or "?"


def _document_line(doc: Document, lang: Lang) -> str:
    parts = [f"{_where(doc):<10}", f"{_label(doc.kind, lang):<4}", _name(doc)]
    counts = [_label("indicators", lang, n=len(doc.indicators))]
    if doc.long_term_indicators:
        counts.append(_label("long", lang, n=len(doc.long_term_indicators)))
    total = doc.budget_line("total")
    if total is not None and total.amount is not None:
        counts.append(_label("total", lang, amount=f"{total.amount} {total.unit}"))
    if doc.warnings:
        counts.append(_label("repairs", lang, n=len(doc.warnings)))
    return "    " + "  ".join(parts) + "  ·  " + ", ".join(counts)


def stats_text(name: str, result: Extraction, lang: Lang = "zh") -> str:
    """The stats of one file's extraction, as lines ending in a newline."""
    docs = result.documents
    head = _label("found", lang, n=len(docs))
    if result.skipped:
        head += ", " + _label("skipped_count", lang, n=result.skipped, s="s" if result.skipped != 1 else "")
    lines = [f"{name}: {head}"]
    if result.reasons:
        lines.append(f"  {_label('skipped', lang)}")
        lines += [f"    {_start(reason.location):<10}  {reason.message(lang)}" for reason in result.reasons]
    if docs:
        lines.append(f"  {_label('tables', lang)}")
        lines += [_document_line(doc, lang) for doc in docs]
        codes = Counter(repair.code for doc in docs for repair in doc.warnings)
        by_code = ", ".join(f"{code} {count}" for code, count in sorted(codes.items()))
        lines.append(
            "  "
            + _label(
                "sum",
                lang,
                docs=len(docs),
                departments=sum(doc.kind == "department" for doc in docs),
                projects=sum(doc.kind == "project" for doc in docs),
                indicators=sum(len(doc.indicators) for doc in docs),
                repairs=sum(codes.values()),
                codes=f" ({by_code})" if by_code else "",
            )
        )
    return "\n".join(lines) + "\n"
