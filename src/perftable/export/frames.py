"""Datasets in binary formats: XLSX (openpyxl), a pandas DataFrame and Parquet (pandas + pyarrow).

Each heavy library is imported inside the function that needs it, so importing perftable never loads them.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from perftable.errors import ReadError, UsageError
from perftable.export.rows import COLUMNS, Row, What, rows_of, text_of
from perftable.grid import column_letters
from perftable.loader import load_all
from perftable.model import Document
from perftable.readers.files import iter_files
from perftable.spans import display_width
from perftable.spans.xlsx import excel_number, number_format, put_text, reproducible

if TYPE_CHECKING:
    import pandas as pd


_NUMERIC = frozenset({
    "table", "year", "number", "number_max", "amount", "funds", "amount_yuan", "total", "total_yuan", "annual_total",
    "annual_total_yuan", "indicators", "tasks", "repairs", "errors", "warnings", "infos", "at_page", "at_table",
    "at_row", "at_line", "at_column",
})  # fmt: skip


def _cell(ws: Any, column: str, value: Any, at: tuple[int, int]) -> Any:
    """A write-only cell: numbers as numbers, text as text (``=…`` stays text, never a formula: see
    :func:`perftable.spans.xlsx.put_text`)."""
    from openpyxl.cell import WriteOnlyCell

    if column in _NUMERIC and isinstance(value, Decimal | int) and not isinstance(value, bool):
        number = excel_number(Decimal(value))
        if number is not None:
            cell = WriteOnlyCell(ws, value=number)
            if isinstance(value, Decimal):
                cell.number_format = number_format(value).replace("#,##0", "0")
            return cell
    return put_text(WriteOnlyCell(ws), text_of(value), at)


def to_xlsx(rows: Iterable[Row], columns: list[str], sheet: str = "indicators") -> bytes:
    """One sheet: a bold header row, then the rows; numbers as numbers with their own decimals. The rows may come
    as a stream: the sheet is write-only, so they are not kept."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet)
    stream = iter(rows)
    sample = list(islice(stream, 200))  # widths from the first rows: enough to fit, cheap on large exports
    widths = [max([display_width(c), *(display_width(text_of(r.get(c))) for r in sample)]) for c in columns]
    for index, width in enumerate(widths):
        ws.column_dimensions[column_letters(index)].width = min(50, width + 2)
    ws.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = WriteOnlyCell(ws, value=column)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    for number, row in enumerate(chain(sample, stream), start=2):
        ws.append(
            [_cell(ws, column, row.get(column), (number, index + 1)) for index, column in enumerate(columns)]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return reproducible(buffer.getvalue())


def to_frame(
    source: list[Document] | Document | str | Path | list[str | Path], what: What = "indicators"
) -> pd.DataFrame:
    """Tables as a pandas DataFrame, one row per indicator (or budget line, task, or table: ``what``).

    ``source`` is documents already loaded, or files and folders, walked as the CLI walks them
    (``perftable.to_frame("tables/")``); a file that cannot be read or holds no 绩效目标表 is left out with a
    :class:`SkippedFileWarning`. Amounts and numbers stay :class:`~decimal.Decimal` (object columns: money is never
    a float unless you make it one, ``df["number"].astype(float)``); dates are :class:`datetime.date`.
    """
    import pandas as pd

    frame = pd.DataFrame(rows_of(documents_of(source), what), columns=COLUMNS[what])
    for column in _POSITIONS.intersection(frame.columns):
        frame[column] = frame[column].astype("Int64")  # positions stay whole numbers where some are missing
    return frame


_POSITIONS = frozenset({"at_page", "at_table", "at_row", "at_line", "at_column"})


class SkippedFileWarning(UserWarning):
    """A file :func:`to_frame` left out: it could not be read, or holds no 绩效目标表."""


def documents_of(source: list[Document] | Document | str | Path | list[str | Path]) -> list[Document]:
    """Documents as given, or every table of the files and folders named (folders walked as the CLI does)."""
    if isinstance(source, Document):
        return [source]
    items = source if isinstance(source, list) else [source]
    if all(isinstance(item, Document) for item in items):
        return list(items)  # type: ignore[arg-type]  # checked: documents
    import warnings

    docs: list[Document] = []
    for path in iter_files(item for item in items if not isinstance(item, Document)):
        try:
            docs.extend(load_all(path))
        except ReadError as error:
            warnings.warn(f"{error}: left out", SkippedFileWarning, stacklevel=3)
    return docs


def to_parquet(rows: list[Row], columns: list[str]) -> bytes:
    """Parquet through pandas and pyarrow (``pip install perftable[parquet]``)."""
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        raise UsageError("writing parquet needs pandas and pyarrow: pip install perftable[parquet]") from None
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns)
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()
