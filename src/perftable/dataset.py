"""Tables as datasets: one row per indicator (or budget line, or task) with the document's columns.

The rows of ``perftable export``, ``perftable render --to csv`` and :func:`perftable.to_frame`. Values keep their
types (Decimal amounts, dates) until a writer serialises them: CSV as text (UTF-8 with a BOM in files, so that Excel
shows the Chinese), XLSX with numbers as numbers, JSON Lines with Decimals as strings (as the model's JSON writes
them), Parquet through pandas and pyarrow.

Spreadsheet safety: a text cell that begins with ``=``, ``+``, ``-`` or ``@`` could run as a formula when the file
is opened in Excel. CSV writes such a cell with a leading apostrophe (``'=100%``; plain numbers such as ``-5`` are
left alone: Excel reads them as numbers, never as formulas); XLSX stores it as a text cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from perftable.model import Document

What = Literal["indicators", "budget", "tasks"]
Row = dict[str, Any]

_DOCUMENT = ["file", "table", "kind", "title", "year", "department", "project"]
COLUMNS: dict[str, list[str]] = {
    "indicators": [
        *_DOCUMENT,
        *("period", "level1", "level2", "name", "value", "unit", "comparator", "number", "number_max"),
        *("target_unit", "per", "date", "qualitative", "change", "info", "location"),
    ],
    "budget": [*_DOCUMENT, "label", "key", "amount", "value", "unit", "location"],
    "tasks": [
        *_DOCUMENT,
        *("section", "number", "name", "content", "funds", "unit", "target", "info", "location"),
    ],
}
BOM = "\ufeff"
_RISKY = ("=", "+", "-", "@")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def _numbered(docs: list[Document]) -> list[tuple[int, Document]]:
    """Each document with its index among the tables of its file."""
    seen: dict[str, int] = {}
    out: list[tuple[int, Document]] = []
    for doc in docs:
        index = seen.get(doc.source.file, 0)
        seen[doc.source.file] = index + 1
        out.append((index, doc))
    return out


def _document_columns(doc: Document, table: int) -> Row:
    return {
        "file": doc.source.file,
        "table": table,
        "kind": doc.kind,
        "title": doc.title,
        "year": doc.year,
        "department": doc.department,
        "project": doc.project,
    }


def _info(info: dict[str, str]) -> str | None:
    return json.dumps(info, ensure_ascii=False) if info else None


def indicator_rows(docs: list[Document]) -> list[Row]:
    """A row per indicator: the annual ones (period ``annual``), then the mid- or long-term ones (``long_term``)."""
    rows: list[Row] = []
    for table, doc in _numbered(docs):
        head = _document_columns(doc, table)
        periods = [("annual", ind) for ind in doc.indicators]
        periods += [("long_term", ind) for ind in doc.long_term_indicators]
        for period, ind in periods:
            target = ind.target
            rows.append(
                {
                    **head,
                    "period": period,
                    "level1": ind.level1,
                    "level2": ind.level2,
                    "name": ind.name,
                    "value": ind.value,
                    "unit": ind.unit,
                    "comparator": target.comparator,
                    "number": target.number,
                    "number_max": target.number_max,
                    "target_unit": target.unit,
                    "per": target.per,
                    "date": target.date,
                    "qualitative": target.qualitative,
                    "change": target.change,
                    "info": _info(ind.info),
                    "location": str(ind.location),
                }
            )
    return rows


def budget_rows(docs: list[Document]) -> list[Row]:
    return [
        {
            **_document_columns(doc, table),
            "label": line.label,
            "key": line.key,
            "amount": line.amount,
            "value": line.value,
            "unit": line.unit,
            "location": str(line.location),
        }
        for table, doc in _numbered(docs)
        for line in doc.budget
    ]


def task_rows(docs: list[Document]) -> list[Row]:
    return [
        {
            **_document_columns(doc, table),
            "section": task.section,
            "number": task.number,
            "name": task.name,
            "content": task.content,
            "funds": task.funds,
            "unit": task.unit,
            "target": task.target,
            "info": _info(task.info),
            "location": str(task.location),
        }
        for table, doc in _numbered(docs)
        for task in doc.tasks
    ]


def rows_of(docs: list[Document], what: What) -> list[Row]:
    """The rows of one kind for these documents."""
    return {"indicators": indicator_rows, "budget": budget_rows, "tasks": task_rows}[what](docs)


def text_of(value: Any) -> str:
    """A value as CSV text: Decimals as printed, dates in ISO, None empty."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def formula_safe(text: str) -> str:
    """``'=100%`` for ``=100%``: text Excel shows as text, never runs."""
    return "'" + text if text.startswith(_RISKY) and not _PLAIN_NUMBER.match(text) else text


def to_csv(rows: list[Row], columns: list[str] | None = None, *, bom: bool = False) -> str:
    """CSV text (a header row, then the rows), formula-safe; ``bom`` for a file Excel will open."""
    columns = columns or COLUMNS["indicators"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([formula_safe(text_of(row.get(column))) for column in columns] for row in rows)
    return (BOM if bom else "") + buffer.getvalue()


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def to_jsonl(rows: list[Row], columns: list[str]) -> str:
    """One JSON object a line; Decimals as strings, like the model's JSON."""
    return "".join(
        json.dumps({c: _json_value(row.get(c)) for c in columns}, ensure_ascii=False) + "\n" for row in rows
    )
