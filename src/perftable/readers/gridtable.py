"""Grid tables in markdown (pandoc's ``grid_tables``, tabulate's ``grid``, some Word-to-markdown converters).

::

    +----------+--------------+
    | 项目名称 | 法律援助服务 |
    |          | 经费         |
    +==========+==============+
    | 绩效指标 | 产出指标     |
    +----------+--------------+

Column boundaries are the ``+`` of the border lines, measured in display columns (a CJK character is two columns
wide, as the converters align them). A cell is the text between two ``|`` on the lines between two borders; its
lines are wrapped at the column's width, so they are joined as one text (:func:`perftable.values.cleaning.join_lines`). A
cell that spans columns (no ``|`` at an inner boundary) keeps its text in its first column; a cell that spans
rows (a border with blanks under it) keeps its text in its first row; the cells it covers are left empty, as a
pipe table flattens merged cells.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from perftable.grid import Cell, Origin, Table, cell_value
from perftable.values.cleaning import join_lines

BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
# A border under a row, partial where a cell spans it (``|          +------+``): rules, joints and pipes only.
_RULE_LINE = re.compile(r"^\s*[+|][-=:+| ]*[+|]\s*$")
_RULE = re.compile(r"[-=]\+|\+[-=]")
MAX_WIDTH = 2_000  # display columns: a longer line is not a grid table's


def _is_rule(line: str) -> bool:
    return _RULE_LINE.match(line) is not None and _RULE.search(line) is not None


def is_border(line: str) -> bool:
    """A full border line (``+---+---+``, ``+===+===+``): where a grid table starts."""
    return len(line) <= MAX_WIDTH and BORDER.match(line) is not None


def is_grid_line(line: str) -> bool:
    """A line of a grid table: a border (full or partial, under a cell that spans rows) or a row of cells."""
    stripped = line.strip()
    return len(line) <= MAX_WIDTH and stripped[:1] in ("|", "+") and stripped[-1:] in ("|", "+")


# Characters two display columns wide (CJK ideographs, kana, hangul, full-width forms), as converters align them.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def _marks(line: str, chars: str) -> list[tuple[int, int]]:
    """The display column and the index of each of ``chars`` in a line."""
    wide = [match.start() for match in _WIDE.finditer(line)]
    return [(index + bisect.bisect_left(wide, index), index) for index, ch in enumerate(line) if ch in chars]


@dataclass
class _Open:
    """A cell being read: the row it starts in, where its text starts, and its lines."""

    row: int
    pos: tuple[int, int]
    lines: list[str] = field(default_factory=list)


def read_grid_table(lines: list[tuple[int, str]], origin: Origin) -> Table:
    """The table of a grid table's lines (``(line number, text)``, borders included)."""
    bounds = sorted({col for _, line in lines if _is_rule(line) for col, _ in _marks(line, "+")})
    if len(bounds) < 2:
        return Table([])
    index_of = {col: i for i, col in enumerate(bounds)}
    width = len(bounds) - 1
    grid: list[list[Cell | None]] = []
    open_cells: dict[int, _Open] = {}
    row = -1  # the first border opens row 0

    def close(column: int) -> None:
        cell = open_cells.pop(column, None)
        if cell is None:
            return
        while len(grid) <= cell.row:
            grid.append([None] * width)
        text = cell_value(join_lines("\n".join(cell.lines)).strip())
        grid[cell.row][column] = Cell(text, cell.pos, origin)

    for number, line in lines:
        if _is_rule(line):
            # a rule under a cell ends it; blanks under it: the cell spans into the next row
            for column in sorted({bisect.bisect(bounds, col) - 1 for col, _ in _marks(line, "-=")}):
                if 0 <= column < width:
                    close(column)
            row += 1
            continue
        pipes = [(col, index) for col, index in _marks(line, "|") if col in index_of]
        for (left, start), (_, end) in itertools.pairwise(pipes):
            column = index_of[left]
            text = line[start + 1 : end].strip()
            current = open_cells.get(column)
            if current is None and text:
                offset = len(line[start + 1 : end]) - len(line[start + 1 : end].lstrip())
                current = open_cells[column] = _Open(max(row, 0), (number, start + 2 + offset))
            if current is not None and text:
                current.lines.append(text)
    for column in list(open_cells):
        close(column)
    first_line = lines[0][0]
    rows = [[cell or Cell("", (first_line, 1), origin) for cell in cells] for cells in grid]
    return Table(rows).squared()
