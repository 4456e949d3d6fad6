"""HTML tables (standalone .html files, and ``<table>`` blocks inside markdown) to grids.

``rowspan``/``colspan`` are expanded: every covered cell holds the top-left cell's text and location, marked
``merged``. Missing end tags (``<td>a<td>b``) are tolerated as browsers tolerate them. Text outside tables becomes
:class:`~perftable.grid.TextLine` blocks (for titles).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from perftable.grid import Block, Cell, Origin, Table, TextLine, cell_value, check_area

_MAX_SPAN = 1000
_BREAKS = frozenset({"br", "p", "div", "li", "tr"})
_SKIP = frozenset({"script", "style", "head"})


@dataclass(slots=True)
class _RawCell:
    pos: tuple[int, int]
    rowspan: int
    colspan: int
    parts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _RawTable:
    rows: list[list[_RawCell]] = field(default_factory=list)
    row: list[_RawCell] | None = None
    cell: _RawCell | None = None
    caption: _RawCell | None = None  # the table's <caption>: a line printed above it


def _span(value: str | None) -> int:
    try:
        return max(1, min(_MAX_SPAN, int(value or "1")))
    except ValueError:
        return 1


class _TableParser(HTMLParser):
    def __init__(self, origin: Origin, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.origin = origin
        self.first_line = first_line
        self.blocks: list[Block] = []
        self.stack: list[_RawTable] = []
        self.text: list[str] = []
        self.text_pos: tuple[int, int] | None = None
        self.skip = 0

    def _pos(self) -> tuple[int, int]:
        line, offset = self.getpos()
        return (self.first_line + line - 1, offset + 1)

    # text outside tables -------------------------------------------------------------------------------------
    def _flush_text(self) -> None:
        text = "".join(self.text)
        if text.strip() and self.text_pos is not None:
            line, col = self.text_pos
            for i, piece in enumerate(text.split("\n")):
                if piece.strip():
                    cell = Cell(piece.strip(), (line + i, col if i == 0 else 1), self.origin)
                    self.blocks.append(TextLine(piece.strip(), cell))
        self.text, self.text_pos = [], None

    # cells ---------------------------------------------------------------------------------------------------
    def _close_cell(self, table: _RawTable) -> None:
        if table.cell is not None and table.cell is table.caption:  # a caption left open: it is no cell
            table.cell = None
        if table.cell is not None:
            if table.row is None:
                table.row = []
            table.row.append(table.cell)
            table.cell = None

    def _close_row(self, table: _RawTable) -> None:
        self._close_cell(table)
        if table.row is not None:
            table.rows.append(table.row)
            table.row = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if tag == "table":
            if not self.stack:
                self._flush_text()
            self.stack.append(_RawTable())
            return
        if not self.stack:
            if tag in _BREAKS or tag.startswith("h"):
                self.text.append("\n")
            return
        table = self.stack[-1]
        if tag == "caption" and table.caption is None and table.cell is None:
            table.caption = table.cell = _RawCell(self._pos(), 1, 1)
        elif tag == "tr":
            self._close_row(table)
            table.row = []
        elif tag in ("td", "th"):
            self._close_cell(table)
            values = dict(attrs)
            table.cell = _RawCell(self._pos(), _span(values.get("rowspan")), _span(values.get("colspan")))
        elif tag in _BREAKS and table.cell is not None:
            table.cell.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.handle_data("\n")
        else:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if not self.stack:
            if tag in _BREAKS or tag.startswith("h"):
                self.text.append("\n")
            return
        table = self.stack[-1]
        if tag == "caption" and table.cell is table.caption:
            table.cell = None
        elif tag in ("td", "th"):
            self._close_cell(table)
        elif tag == "tr":
            self._close_row(table)
        elif tag == "table":
            self._close_row(table)
            self.stack.pop()
            if self.stack:  # a nested table: its text goes into the enclosing cell
                outer = self.stack[-1]
                if outer.cell is not None:
                    outer.cell.parts.append(
                        "\n".join(" ".join("".join(c.parts).strip() for c in row) for row in table.rows)
                    )
            else:
                self._caption(table)
                self.blocks.append(expand(table.rows, self.origin))
        elif tag in ("p", "div", "li") and table.cell is not None:
            table.cell.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if not self.stack:
            if self.text_pos is None and data.strip():
                line, col = self._pos()
                lead = len(data) - len(data.lstrip())
                self.text_pos = (line + data[:lead].count("\n"), col if "\n" not in data[:lead] else 1)
            self.text.append(data)
            return
        cell = self.stack[-1].cell
        if cell is not None:
            cell.parts.append(data)

    def close(self) -> None:
        super().close()
        while self.stack:
            table = self.stack.pop()
            self._close_row(table)
            if not self.stack:
                self._caption(table)
                self.blocks.append(expand(table.rows, self.origin))
        self._flush_text()

    def _caption(self, table: _RawTable) -> None:
        """A table's caption, as the line printed above it."""
        if table.caption is not None and (text := _cell_text(table.caption).strip()):
            self.blocks.append(TextLine(text, Cell(text, table.caption.pos, self.origin)))


def _cell_text(raw: _RawCell) -> str:
    lines = [" ".join(line.split()) for line in "".join(raw.parts).replace("\xa0", " ").split("\n")]
    return cell_value("\n".join(line for line in lines if line))


def expand(rows: list[list[_RawCell]], origin: Origin) -> Table:
    """Expand rowspan/colspan into a rectangular grid of cells; refused before it is built when the cells the
    spans cover would be over the cell limit."""
    grid: dict[tuple[int, int], Cell] = {}
    height = len(rows)
    covered = sum(
        min(raw.rowspan, max(1, height - r)) * raw.colspan for r, row in enumerate(rows) for raw in row
    )
    widest = max((sum(raw.colspan for raw in row) for row in rows), default=0)
    check_area(height, max(widest, covered // max(1, height)), origin)
    for r, row in enumerate(rows):
        c = 0
        for raw in row:
            while (r, c) in grid:
                c += 1
            text = _cell_text(raw)
            for dr in range(min(raw.rowspan, max(1, height - r))):
                for dc in range(raw.colspan):
                    grid[(r + dr, c + dc)] = Cell(text, raw.pos, origin, merged=(dr, dc) != (0, 0))
            c += raw.colspan
    width = max((c for _, c in grid), default=-1) + 1
    check_area(height, width, origin)
    table_rows: list[list[Cell]] = []
    for r in range(height):
        row_cells: list[Cell] = []
        for c in range(width):
            cell = grid.get((r, c))
            if cell is None:
                left = row_cells[-1].pos if row_cells else (rows[r][0].pos if rows[r] else (0, 0))
                cell = Cell("", left, origin)
            row_cells.append(cell)
        table_rows.append(row_cells)
    return Table(table_rows)


def read_html(text: str, origin: Origin, first_line: int = 1) -> list[Block]:
    """All tables (and the text between them) of an HTML document or fragment."""
    parser = _TableParser(origin, first_line)
    parser.feed(text)
    parser.close()
    return parser.blocks
