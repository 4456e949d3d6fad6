"""HTML tables (standalone .html files, and ``<table>`` blocks inside markdown) to grids.

``rowspan``/``colspan`` are expanded: every covered cell holds the top-left cell's text and location, marked
``merged``. Missing end tags (``<td>a<td>b``) are tolerated as browsers tolerate them. Text outside tables becomes
:class:`~perftable.grid.TextLine` blocks (for titles).

A table nested in a cell that is a grid of its own (two rows or more, one with two cells or more) is a table of its
own. Its holder is either a form (a cell of it is a field label: 项目名称, 部门名称, 年度绩效目标 …), read as a table
followed by the grids nested in it, as Word tables are (:mod:`perftable.readers.docx`); or a **page-layout table**
(old government portals lay out the whole page with ``<table>``: menu, title, the form, footer), whose cells are
read as text lines with the nested grids in their place, so that the title above a form stays above it. A nested
table that is no grid (one row, or one cell a row) is text of the cell holding it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from perftable import vocab
from perftable.grid import Block, Cell, Origin, Table, TextLine, cell_value, check_area
from perftable.values.cleaning import label_key

_MAX_SPAN = 1000
_BREAKS = frozenset({"br", "p", "div", "li", "tr"})
_SKIP = frozenset({"script", "style", "head"})


@dataclass(slots=True)
class _Nested:
    """A grid table nested in a cell, as the blocks it reads as."""

    blocks: list[Block]


@dataclass(slots=True)
class _RawCell:
    pos: tuple[int, int]
    rowspan: int
    colspan: int
    parts: list[str | _Nested] = field(default_factory=list)


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
            if self.stack:  # a nested table: a grid of its own, or text of the enclosing cell
                outer = self.stack[-1]
                if outer.cell is not None:
                    if _is_grid(table.rows):
                        outer.cell.parts.append(_Nested(self._blocks_of(table)))
                    else:
                        outer.cell.parts.append(
                            "\n".join(" ".join(_cell_text(c) for c in row) for row in table.rows)
                        )
            else:
                self.blocks.extend(self._blocks_of(table))
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
                self.blocks.extend(self._blocks_of(table))
        self._flush_text()

    def _blocks_of(self, table: _RawTable) -> list[Block]:
        """What a table reads as: its caption and grid, then the grids nested in it; or, for a page-layout table,
        its cells' text as lines with the nested grids in their place (see the module docstring)."""
        caption = self._caption(table)
        nested = [
            part for row in table.rows for raw in row for part in raw.parts if isinstance(part, _Nested)
        ]
        if not nested:
            return [*caption, expand(table.rows, self.origin)]
        if any(_is_form_label(_cell_text(raw)) for row in table.rows for raw in row):
            return [*caption, expand(table.rows, self.origin), *(b for part in nested for b in part.blocks)]
        flowed: list[Block] = [*caption]
        for row in table.rows:
            for raw in row:
                text: list[str] = []
                for part in [*raw.parts, _Nested([])]:
                    if isinstance(part, str):
                        text.append(part)
                        continue
                    flowed += self._lines("".join(text), raw.pos)
                    flowed += part.blocks
                    text = []
        return flowed

    def _lines(self, text: str, pos: tuple[int, int]) -> list[Block]:
        lines = [" ".join(line.split()) for line in text.replace("\xa0", " ").split("\n")]
        return [TextLine(line, Cell(line, pos, self.origin)) for line in lines if line]

    def _caption(self, table: _RawTable) -> list[Block]:
        """A table's caption, as the line printed above it."""
        if table.caption is not None and (text := _cell_text(table.caption).strip()):
            return [TextLine(text, Cell(text, table.caption.pos, self.origin))]
        return []


def _is_grid(rows: list[list[_RawCell]]) -> bool:
    """A table of its own: two rows or more, one of them with two cells or more."""
    return len(rows) >= 2 and any(len(row) >= 2 for row in rows)


def _is_form_label(text: str) -> bool:
    """A field label of a 绩效目标表 (项目名称, 部门名称, 年度绩效目标, 资金总额): its table is a form, not a layout."""
    key = label_key(text)
    return bool(key) and (
        key in vocab.DEPARTMENT_LABELS
        or key in vocab.PROJECT_LABELS
        or vocab.goal_label_kind(text) is not None
        or vocab.budget_key(text) is not None
    )


def _cell_text(raw: _RawCell) -> str:
    text = "".join(part for part in raw.parts if isinstance(part, str))
    lines = [" ".join(line.split()) for line in text.replace("\xa0", " ").split("\n")]
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
