"""Markdown (as PDF converters write it) to blocks.

* Pipe tables, with or without the ``|---|`` delimiter row, with or without outer pipes, ragged rows padded,
  ``<br>`` as a line break inside a cell, ``\\|`` as a literal pipe, HTML entities decoded.
* ``<table>`` blocks (rowspan/colspan expanded by :mod:`perftable.readers.html`).
* Grid tables (``+---+`` borders, pandoc's and tabulate's), by :mod:`perftable.readers.gridtable`.
* Every other non-blank line is a :class:`~perftable.grid.TextLine` (titles, ``（2026年度）``, notes), with
  heading and emphasis markers removed.

Locations are the line and the character column (both 1-based) where the cell's text starts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from perftable.grid import Block, Cell, Origin, Table, TextLine, cell_value
from perftable.readers.gridtable import is_border, is_grid_line, read_grid_table
from perftable.readers.html import read_html
from perftable.values.cleaning import breaks_to_newlines
from perftable.values.targets import is_value_like

# |---|:--:| rows; each blank run has one place in the pattern (\s*\|?\s* tried every split of a long run: quadratic)
_DELIMITER = re.compile(r"^\s*(?:\|\s*)?:?-+:?\s*(?:\|\s*:?-+:?\s*)*(?:\|\s*)?$")
_TABLE_OPEN = re.compile(r"<table\b", re.IGNORECASE)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
_HEADING = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s*)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


_PIPE = re.compile(r"(?<!\\)\|")


def split_row(line: str) -> list[tuple[str, int]]:
    """Cells of a pipe-table row as ``(text, column)``; ``\\|`` is a literal pipe, not a separator."""
    cells: list[tuple[str, int]] = []
    start = 0
    if "\\" not in line:  # no escapes: every pipe separates (the common case, and the fast one)
        for segment in line.split("|"):
            cells.append((segment, start + len(segment) - len(segment.lstrip()) + 1))
            start += len(segment) + 1
    else:
        for match in _PIPE.finditer(line):
            segment = line[start : match.start()]
            cells.append((segment, start + len(segment) - len(segment.lstrip()) + 1))
            start = match.end()
        segment = line[start:]
        cells.append((segment, start + len(segment) - len(segment.lstrip()) + 1))
    stripped = line.strip()
    if stripped.startswith("|"):
        cells = cells[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|") and len(stripped) > 1:
        cells = cells[:-1]
    return cells


def _cell_text(raw: str) -> str:
    text = raw.strip()
    if "<" in text:
        text = breaks_to_newlines(text)
    if "\\" in text:
        text = text.replace("\\|", "|")
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(r"\2", text)
    # a converter's empty marker and inline TeX are read before entities are decoded: a ``$`` written as ``&#36;``
    # (perftable's own markdown) is a dollar sign, not TeX
    text = cell_value(text)
    return unescape(text) if "&" in text else text


def _is_table_line(line: str) -> bool:
    return line.lstrip().startswith("|")


def _has_pipe(line: str) -> bool:
    return "|" in line


def _pipe_table(lines: list[tuple[int, str]], origin: Origin) -> Table:
    rows: list[list[Cell]] = []
    for number, line in lines:
        if _DELIMITER.match(line):
            continue
        rows.append(
            _spans_repeated([Cell(_cell_text(text), (number, col), origin) for text, col in split_row(line)])
        )
    return Table(rows).squared()


def _spans_repeated(row: list[Cell]) -> list[Cell]:
    """**A merged cell written into every column it spans** (docling, some web exports: ``项目名称 | 某项目 | 某项目 |
    某项目``): a cell that repeats the text of the cell before it is a copy of it, as a merged area's are. Only text
    that is no value: two equal values side by side (``100% | 100%`` for two periods) are two cells."""
    out: list[Cell] = []
    for cell in row:
        before = out[-1] if out else None
        if before is not None and cell.text and cell.text == before.text and not is_value_like(cell.text):
            out.append(Cell(before.text, before.pos, before.origin, merged=True))
        else:
            out.append(cell)
    return out


def _text_line(number: int, line: str, origin: Origin) -> TextLine | None:
    text = _EMPHASIS.sub(r"\2", _HEADING.sub("", line)).strip()
    text = unescape(breaks_to_newlines(text)).strip() if ("<" in text or "&" in text) else text
    if not text:
        return None
    col = len(line) - len(line.lstrip()) + 1
    return TextLine(text, Cell(text, (number, col), origin))


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def _without_comments(text: str) -> str:
    """HTML comments blanked out, line count kept (so locations stay right): they are not table content."""
    return _COMMENT.sub(lambda match: "\n" * match.group().count("\n"), text) if "<!--" in text else text


def _pipes(line: str) -> int:
    return len(_PIPE.findall(line))


def _starts_table(lines: list[str], i: int) -> bool:
    """A pipe table starts here: a line with an outer pipe, or a line of cells followed by a ``|---|`` row or by
    another line of cells (a table written without outer pipes and without the delimiter row)."""
    line = lines[i]
    if _is_table_line(line):
        return True
    following = lines[i + 1] if i + 1 < len(lines) else ""
    return "|" in line and (
        _DELIMITER.match(following) is not None or (_pipes(line) >= 2 and _pipes(following) >= 1)
    )


def _run(lines: list[str], start: int, belongs: Callable[[str], bool]) -> tuple[list[tuple[int, str]], int]:
    """The lines from ``start`` on that belong to one table, numbered from 1, and the index after them."""
    end = start
    while end < len(lines) and belongs(lines[end]):
        end += 1
    return [(number + 1, lines[number]) for number in range(start, end)], end


def read_markdown(text: str, origin: Origin) -> list[Block]:
    """Blocks of a markdown document, in order. HTML comments and fenced code blocks are not content."""
    lines = _without_comments(text).split("\n")
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line)
        if fence:
            i += 1
            while i < len(lines) and not lines[i].lstrip().startswith(fence[1]):
                i += 1
            i += 1
            continue
        if _TABLE_OPEN.search(line):
            end = i
            while end < len(lines) and not _TABLE_CLOSE.search(lines[end]):
                end += 1
            chunk = "\n".join(lines[i : end + 1])
            blocks.extend(read_html(chunk, origin, first_line=i + 1))
            i = end + 1
            continue
        table: Table | None = None
        if is_border(line):  # a grid table (pandoc): borders of + and -, rows of | cells
            table_lines, i = _run(lines, i, is_grid_line)
            table = read_grid_table(table_lines, origin)
        elif _starts_table(lines, i):
            # a table without outer pipes goes on while its lines hold one
            table_lines, i = _run(lines, i, _is_table_line if _is_table_line(line) else _has_pipe)
            table = _pipe_table(table_lines, origin)
        if table is not None:
            if table.rows:
                blocks.append(table)
            continue
        text_line = _text_line(i + 1, line, origin)
        if text_line is not None:
            blocks.append(text_line)
        i += 1
    return blocks
