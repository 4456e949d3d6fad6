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

from perftable.check.config import discover
from perftable.check.engine import check_document
from perftable.model import Location
from perftable.readers.files import relative, resolved
from perftable.rules import _budget
from perftable.rules._indicators import effective_unit
from perftable.values.numbers import convert

if TYPE_CHECKING:
    from perftable.model import Document

What = Literal["indicators", "budget", "tasks", "tables"]
Row = dict[str, Any]

_DOCUMENT = ["file", "table", "kind", "title", "year", "department", "project"]
# Where a row came from, split (the ``location`` column holds it as one text): the fields of a Location that
# apply, each in its own column, so that rows can be filtered by sheet or page and sorted by row.
LOCATION_COLUMNS = ["at_sheet", "at_cell", "at_page", "at_table", "at_row", "at_line", "at_column"]
COLUMNS: dict[str, list[str]] = {
    "indicators": [
        *_DOCUMENT,
        *("period", "level1", "level2", "name", "value", "unit", "comparator", "number", "number_max"),
        *("target_unit", "per", "date", "qualitative", "change", "info", "location"),
        *("effective_unit", "amount_yuan", "id", *LOCATION_COLUMNS),
    ],
    "budget": [*_DOCUMENT, "label", "key", "amount", "value", "unit", "location", "amount_yuan", "id",
               *LOCATION_COLUMNS],
    "tasks": [
        *_DOCUMENT,
        *("section", "number", "name", "content", "funds", "unit", "target", "info", "location"),
        *("amount_yuan", "id", *LOCATION_COLUMNS),
    ],
    "tables": [
        *_DOCUMENT,
        *("layout", "total", "total_unit", "total_yuan", "annual_total", "annual_total_unit", "annual_total_yuan"),
        *("indicators", "tasks", "repairs", "errors", "warnings", "infos", "passed", "location", "id"),
    ],
}  # fmt: skip
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


def stable_id(file: str, table: int, position: str) -> str:
    """A row's id, the same in every run and for the finding about that row: its file (as reports name it,
    relative to the working folder), its table and its position in the file. ``perftable validate --format
    json`` gives each finding the id of the row it is about (``row_id``), so findings join to exported rows."""
    import hashlib

    key = "\x00".join((relative(file), str(table), position))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _where(location: Location, table: int) -> Row:
    """The location's columns, and the row's stable id."""
    return {
        "location": str(location),
        "id": stable_id(location.file, table, location.position),
        **{
            f"at_{name}": getattr(location, name)
            for name in ("sheet", "cell", "page", "table", "row", "line", "column")
        },
    }


def in_yuan(amount: Decimal | None, unit: str | None) -> Decimal | None:
    """An amount in 元 (exact: a Decimal), when its unit is a money unit; None otherwise."""
    if amount is None or unit not in ("元", "万元", "亿元"):
        return None
    return convert(amount, unit, "元")  # type: ignore[arg-type]  # checked above: a MoneyUnit


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
                    "effective_unit": effective_unit(ind),
                    "amount_yuan": in_yuan(target.number, effective_unit(ind)),
                    **_where(ind.location, table),
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
            "amount_yuan": in_yuan(line.amount, line.unit),
            **_where(line.location, table),
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
            "amount_yuan": in_yuan(task.funds, task.unit),
            **_where(task.location, table),
        }
        for table, doc in _numbered(docs)
        for task in doc.tasks
    ]


def table_rows(docs: list[Document]) -> list[Row]:
    """A row per table: who and what it is, its totals (a department's printed total, else 基本支出 + 项目支出),
    its counts, and what ``perftable validate`` finds in it (with the configuration found for its file):
    ``passed`` when no error."""
    rows: list[Row] = []
    for table, doc in _numbered(docs):
        findings = check_document(doc, discover(resolved(doc.source.file).parent), table)
        counts = {level: sum(f.severity == level for f in findings) for level in ("error", "warning", "info")}
        row: Row = {**_document_columns(doc, table), "layout": doc.layout}
        for key in ("total", "annual_total"):
            line = _budget.line(doc, key)
            if key == "total" and doc.kind == "department":
                line = _budget.department_whole(doc)  # printed, else 基本支出 + 项目支出
            line = line if line is not None and line.amount is not None else None
            row[key] = line.amount if line else None
            row[f"{key}_unit"] = line.unit if line else None
            row[f"{key}_yuan"] = in_yuan(line.amount, line.unit) if line else None
        location = doc.locations.get("title") or Location(file=doc.source.file)
        row.update(
            indicators=len(doc.indicators),
            tasks=len(doc.tasks),
            repairs=len(doc.warnings),
            errors=counts["error"],
            warnings=counts["warning"],
            infos=counts["info"],
            passed=counts["error"] == 0,
            location=str(location),
            id=stable_id(doc.source.file, table, ""),
        )
        rows.append(row)
    return rows


def rows_of(docs: list[Document], what: What) -> list[Row]:
    """The rows of one kind for these documents."""
    kinds = {"indicators": indicator_rows, "budget": budget_rows, "tasks": task_rows, "tables": table_rows}
    return kinds[what](docs)


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
