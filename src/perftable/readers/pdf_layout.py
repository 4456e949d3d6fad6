"""The pages of a PDF as blocks: tables (found on each page as boxes with text) made into grids, a table that
continues on the next page joined into one, and the text outside tables as lines.

This module is pure Python: :mod:`perftable.readers.pdf` takes the boxes and lines out of each page with
pdfplumber and hands them over as :class:`PageContent`.

Locations are ``page, row, column`` (1-based). Rows are counted from the top of each page, every text line and
every table row counting one, so ``file:p41:r5:3`` is found on page 41 by counting from the top; columns are those
of the table's grid.

Merged cells: pdfplumber returns a merged area as one box spanning several grid columns or rows (and ``None`` at
the covered places of its row lists). The spans are read from the boxes and expanded: covered cells hold the
top-left cell's text and position, marked ``merged``. A grid position that no box covers is an empty cell.

Continuation: the first table on a page continues the last table of the previous page when nothing but page
furniture lies between them (page numbers, a line printed on both pages: a running header or footer, or a line that
says the table goes on: 续表, 表12（续）, （接下页）, the title printed again with （续） after it), and
either its first rows repeat rows of the table (a header printed again, dropped) or its columns line up with the
table's. A merged area cut by the page break stays cut: its part on the new page is an empty cell, which the
extractor fills as it fills flattened merged cells.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from perftable.grid import Block, Cell, Origin, Table, TextLine, merge_area
from perftable.values.patterns import CONTINUED, CONTINUED_LINE

if TYPE_CHECKING:
    from collections.abc import Iterable

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in points, from the top-left of the page

EDGE_TOLERANCE = 2.0  # points within which two cell edges are the same grid line
_MAX_REPEATED_ROWS = 5
_PAGE_NUMBER = re.compile(  # begins only where a run of dashes or blanks begins: linear on a long run
    r"(?<![-–—\s])[-–—\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*(?:/|／|共)\s*\d{1,4}\s*页?)?[-–—\s]*"
    r"|(?i:page)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
)

_CONTINUATION_LINE = re.compile(CONTINUED_LINE)
_TRAILING_MARK = re.compile(rf"{CONTINUED}$")


@dataclass(frozen=True, slots=True)
class BoxCell:
    """A cell as found on the page: its box and its text (lines joined with ``\\n``)."""

    box: Box
    text: str


@dataclass(frozen=True, slots=True)
class PageLine:
    """A line of text outside tables; wide gaps between its words are kept as two spaces."""

    text: str
    top: float


@dataclass(slots=True)
class PageContent:
    """What one page holds, in no particular order: tables (each a list of cells) and text lines."""

    number: int
    tables: list[list[BoxCell]] = field(default_factory=list)
    lines: list[PageLine] = field(default_factory=list)


class EdgeScale:
    """Edge coordinates clustered into grid lines: ``index(x)`` is the number of the grid line at ``x``."""

    def __init__(self, values: Iterable[float], tolerance: float = EDGE_TOLERANCE) -> None:
        self.lines: list[tuple[float, float]] = []  # (lowest, highest) coordinate of each grid line
        for value in sorted(values):
            if self.lines and value - self.lines[-1][1] <= tolerance:
                self.lines[-1] = (self.lines[-1][0], value)
            else:
                self.lines.append((value, value))
        self._lows = [low for low, _ in self.lines]
        self.tolerance = tolerance

    def __len__(self) -> int:
        return len(self.lines)

    def index(self, value: float) -> int:
        return max(0, bisect_right(self._lows, value + self.tolerance) - 1)

    def matches(self, value: float) -> bool:
        low, high = self.lines[self.index(value)]
        return low - self.tolerance <= value <= high + self.tolerance


@dataclass(slots=True)
class Part:
    """One table as found on one page: its cells placed on the page's row lines."""

    origin: Origin
    first_row: int  # the page row number of its first row
    height: int
    cells: list[tuple[int, int, BoxCell]]  # (first row, row after the last) and the cell
    left: float
    right: float
    signatures: list[
        tuple[str, ...]
    ]  # per row, the texts of the cells starting there (to see a repeated header)
    skip: int = 0  # leading rows dropped: a header repeated from the page before

    @classmethod
    def of(cls, cells: list[BoxCell], origin: Origin, first_row: int) -> Part:
        rows = EdgeScale([c.box[1] for c in cells] + [c.box[3] for c in cells])
        placed = []
        for cell in cells:
            top = rows.index(cell.box[1])
            placed.append((top, max(rows.index(cell.box[3]), top + 1), cell))
        height = max(len(rows) - 1, 1)
        signatures: list[list[tuple[float, str]]] = [[] for _ in range(height)]
        for top, _, cell in placed:
            if cell.text.strip() and top < height:
                signatures[top].append((cell.box[0], " ".join(cell.text.split())))
        return cls(
            origin,
            first_row,
            height,
            placed,
            min(c.box[0] for c in cells),
            max(c.box[2] for c in cells),
            [tuple(text for _, text in sorted(row)) for row in signatures],
        )

    def edges(self) -> list[float]:
        return [x for _, _, cell in self.cells for x in (cell.box[0], cell.box[2])]


_YEAR_WORD = re.compile(r"(?:19|20)\d{2}\s*年度?(?![\d\s]*[月季])")


def _holds_data(signature: tuple[str, ...]) -> bool:
    """A row with a number in it (``≥90%``, ``2025年12月31日前``, an amount): a row of data, never a header printed
    again, however often the same row is printed (every form's 满意度 row reads ``≥90%``). A year in a header
    (``2025年指标值``) is not such a number."""
    return any(any(ch.isdigit() for ch in _YEAR_WORD.sub("", text)) for text in signature)


def repeated_rows(group: list[Part], part: Part) -> int:
    """How many leading rows of ``part`` repeat a run of rows of the table so far (a header printed again); rows
    that hold data are never a repeated header."""
    seen = [signature for earlier in group for signature in earlier.signatures[earlier.skip :]]
    for count in range(min(_MAX_REPEATED_ROWS, part.height), 0, -1):
        head = part.signatures[:count]
        if len(head[0]) < 2 or any(_holds_data(signature) for signature in head):
            continue
        if any(seen[at : at + count] == head for at in range(len(seen) - count + 1)):
            return count
    return 0


def lines_up(group: list[Part], part: Part) -> bool:
    """True when ``part`` has the table's outer edges and its column lines are a subset of the table's (or the
    other way round)."""
    left, right = min(p.left for p in group), max(p.right for p in group)
    if abs(left - part.left) > EDGE_TOLERANCE or abs(right - part.right) > EDGE_TOLERANCE:
        return False
    table = EdgeScale(x for earlier in group for x in earlier.edges())
    new = EdgeScale(part.edges())
    small, big = (table, new) if len(table) <= len(new) else (new, table)
    return all(big.matches((low + high) / 2) for low, high in small.lines)


def build_table(parts: list[Part]) -> Table:
    """The grid of a table found on one or more pages, merged areas expanded."""
    columns = EdgeScale(x for part in parts for x in part.edges())
    width = max(len(columns) - 1, 1)
    rows: list[list[Cell]] = []
    areas: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for part in parts:
        base = len(rows) - part.skip
        rows.extend(
            [Cell("", (part.first_row + local, c + 1), part.origin) for c in range(width)]
            for local in range(part.skip, part.height)
        )
        for top, bottom, cell in part.cells:
            top = max(top, part.skip)
            if top >= bottom or top >= part.height:
                continue
            left = min(columns.index(cell.box[0]), width - 1)
            right = max(min(columns.index(cell.box[2]), width) - 1, left)
            rows[base + top][left] = Cell(cell.text, (part.first_row + top, left + 1), part.origin)
            areas.append(((base + top, left), (base + min(bottom, part.height) - 1, right)))
    table = Table(rows)
    for top_left, bottom_right in areas:
        if top_left != bottom_right:
            merge_area(table, top_left, bottom_right)
    return table


_SPACED_DIGITS = re.compile(r"(?<=\d)\s+(?=\d)")


def is_page_number(text: str) -> bool:
    """``12``, ``- 12 -``, ``第12页``, ``— 2 5 —`` (digits letter-spaced), ``Page 3 of 9``."""
    return bool(_PAGE_NUMBER.fullmatch(_SPACED_DIGITS.sub("", text.strip())))


def is_furniture(text: str, other: frozenset[str]) -> bool:
    """A line that may lie between the two parts of a table: printed on the other page too (a running header or
    footer), a line that says the table goes on (``续表``, ``表12（续）``, ``（接下页）``), or a line of the page before
    printed again with a mark that it goes on (the title with ``（续）`` after it)."""
    if text in other:
        return True
    text = text.strip()
    if _CONTINUATION_LINE.fullmatch(text):
        return True
    bare = _TRAILING_MARK.sub("", text).rstrip()
    return bool(bare) and bare != text and bare in other


class Assembler:
    """Turns pages, one at a time and in order, into blocks; holds only the table that may continue."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.blocks: list[Block] = []
        self.group: list[Part] = []
        self.group_page = 0
        self.trailing: list[TextLine] = []  # text lines under the open table on its page
        self.previous_texts: frozenset[str] = frozenset()

    def add(self, page: PageContent) -> None:
        events = self._events(page)
        texts = frozenset(line.text for line in page.lines)
        first = next((k for k, event in enumerate(events) if isinstance(event, Part)), None)
        joined = False
        if self.group and first is not None and page.number == self.group_page + 1:
            part = events[first]
            assert isinstance(part, Part)
            between = [
                *((line, texts) for line in self.trailing),
                *((e, self.previous_texts) for e in events[:first]),
            ]
            if all(isinstance(line, TextLine) and is_furniture(line.text, other) for line, other in between):
                part.skip = repeated_rows(self.group, part)
                if part.skip or lines_up(self.group, part):
                    self.group.append(part)
                    self.trailing = []
                    events = events[first + 1 :]
                    joined = True
        if not joined:
            self._close()
        for event in events:
            if isinstance(event, Part):
                self._close()
                self.group = [event]
            elif self.group:
                self.trailing.append(event)
            else:
                self.blocks.append(event)
        self.group_page = page.number
        self.previous_texts = texts

    def finish(self) -> list[Block]:
        self._close()
        return self.blocks

    def _close(self) -> None:
        if self.group:
            self.blocks.append(build_table(self.group))
        self.blocks.extend(self.trailing)
        self.group, self.trailing = [], []

    def _events(self, page: PageContent) -> list[TextLine | Part]:
        """The page's text lines and tables from top to bottom, each given its page row number."""
        origin = Origin(self.display, "pdf", page=page.number)
        items: list[tuple[float, int, PageLine | list[BoxCell]]] = [
            (line.top, index, line) for index, line in enumerate(page.lines)
        ]
        items += [(min(c.box[1] for c in cells), -1, cells) for cells in page.tables if cells]
        items.sort(key=lambda item: (item[0], item[1]))
        events: list[TextLine | Part] = []
        row = 1
        for _, _, item in items:
            if isinstance(item, PageLine):
                if not is_page_number(item.text):
                    events.append(TextLine(item.text, Cell(item.text, (row, 1), origin)))
                row += 1
            else:
                part = Part.of(item, origin, row)
                events.append(part)
                row += part.height
        return events
