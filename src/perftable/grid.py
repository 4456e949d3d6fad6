"""What every reader produces: a :class:`Source` of blocks (text lines and tables of cells), each cell knowing
where it came from. The extractor works on this alone, whatever the file format was."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Literal

from perftable.errors import ReadError
from perftable.model import Location
from perftable.values.cleaning import inline_math

# The most cells one table may span (``--max-cells``), for every reader: set by :func:`cell_limit` around a read.
_MAX_CELLS: ContextVar[int] = ContextVar("max_cells", default=1_000_000)


@contextmanager
def cell_limit(max_cells: int) -> Iterator[None]:
    """Tables built inside this block may span at most ``max_cells`` cells (see :func:`check_area`)."""
    token = _MAX_CELLS.set(max_cells)
    try:
        yield
    finally:
        _MAX_CELLS.reset(token)


def check_area(height: int, width: int, origin: Origin, what: str = "a table") -> None:
    """Raise :class:`ReadError` (``too-large``) before a table of ``height`` × ``width`` cells is built, when that
    is over the cell limit: a 17 KB file whose rows have very different widths (or a cell spanning 1,000 columns
    on every row) would otherwise become a grid of millions of padding cells."""
    limit = _MAX_CELLS.get()
    if height * width > limit:
        raise ReadError(
            origin.file,
            f"{what} spans {height:,} rows × {width:,} columns = {height * width:,} cells, over the limit of "
            f"{limit:,} (raise it with --max-cells)",
            "too-large",
        )


OriginKind = Literal["text", "sheet", "docx", "pdf"]


# What converters (pandas, markitdown) print for an empty cell.
NULL_TEXTS = frozenset({"NaN", "nan", "None", "NULL", "null", "<NA>", "NaT"})


def cell_value(text: str) -> str:
    """A cell's text as read, with a converter's "empty" marker (``NaN``, ``None``) read as empty and its inline
    TeX symbols (``$\\geq 9 8 \\%$``, MinerU) as text (:func:`perftable.values.cleaning.inline_math`)."""
    return "" if text.strip() in NULL_TEXTS else inline_math(text)


def column_letters(index: int) -> str:
    """0 -> ``A``, 25 -> ``Z``, 26 -> ``AA``."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True, slots=True)
class Origin:
    """The part of a file a cell comes from; turns a cell position into a :class:`Location`."""

    file: str
    kind: OriginKind = "text"
    sheet: str | None = None
    table: int | None = None
    page: int | None = None

    @property
    def laid_out(self) -> bool:
        """Line breaks in these cells come from the page layout (a PDF wraps text at the cell's width), not from
        the author: joining them is reading, not a repair worth reporting."""
        return self.kind == "pdf"

    def location(self, pos: tuple[int, int]) -> Location:
        a, b = pos
        if self.kind == "text":
            return Location(file=self.file, line=a, column=b)
        if self.kind == "sheet":
            return Location(file=self.file, sheet=self.sheet, cell=f"{column_letters(b)}{a + 1}")
        if self.kind == "docx":
            return Location(file=self.file, table=self.table, row=a, column=b)
        return Location(file=self.file, page=self.page, row=a, column=b)


@dataclass(slots=True)
class Cell:
    """One cell. ``text`` keeps line breaks as ``\\n``; ``merged`` marks a copy of a merged area's top-left value
    (its ``pos`` is the top-left cell's)."""

    text: str
    pos: tuple[int, int]
    origin: Origin
    merged: bool = False

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    def location(self) -> Location:
        return self.origin.location(self.pos)


@dataclass(slots=True)
class TextLine:
    """A line of text outside any table (a title, ``（2026年度）``, ``金额单位：万元``)."""

    text: str
    cell: Cell


@dataclass(slots=True)
class Table:
    """A rectangular grid of cells (ragged rows are padded with empty cells by :meth:`squared`)."""

    rows: list[list[Cell]]

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def squared(self) -> Table:
        """Ragged rows padded to the widest; refused (:func:`check_area`) when the grid would be over the cell
        limit."""
        width = self.width
        first = next((row[0] for row in self.rows if row), None)
        if first is not None:
            check_area(len(self.rows), width, first.origin)
        for row in self.rows:
            if row and len(row) < width:
                last = row[-1]
                row.extend(Cell("", last.pos, last.origin) for _ in range(width - len(row)))
        return self


def merge_area(table: Table, top_left: tuple[int, int], bottom_right: tuple[int, int]) -> None:
    """Expand a merged area (row and column indexes into ``table.rows``, both corners inclusive): every covered
    cell becomes a copy of the top-left cell's text, position and origin, marked ``merged``. Corners outside the
    table are clipped; an area whose top-left cell is outside the table is ignored."""
    top, left = top_left
    if not (0 <= top < len(table.rows) and 0 <= left < len(table.rows[top])):
        return
    origin_cell = table.rows[top][left]
    for r in range(top, min(bottom_right[0] + 1, len(table.rows))):
        row = table.rows[r]
        for c in range(left, min(bottom_right[1] + 1, len(row))):
            if (r, c) != (top, left):
                row[c] = Cell(origin_cell.text, origin_cell.pos, origin_cell.origin, merged=True)


Block = TextLine | Table


@dataclass(slots=True)
class Source:
    """A file as a sequence of blocks, in reading order."""

    path: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    text: str | None = None  # the decoded text, for text formats (suppression comments are read from it)

    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]
