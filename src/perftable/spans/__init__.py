"""A table with merged cells, and writers that put it into each format the readers read.

A :class:`SpanGrid` is rows of :class:`SpanCell` (a cell with its rowspan/colspan) and ``None`` where a cell is
covered by a span. It is built from a simple marker notation (``"<"`` merges with the cell on the left, ``"^"`` with
the cell above), or by the renderer's layouts, and written as markdown or CSV (spans flattened into empty cells, as
PDF converters leave them), HTML (rowspan/colspan) or xlsx (merged ranges; :mod:`perftable.spans.xlsx`).

Cells may say more than their text, for the writers that can show it: a ``role`` (label, header, amount …) that
styles the cell, an ``amount`` that xlsx stores as a number, a ``mark`` (added/removed/changed) that highlights it
and ``notes`` (findings, old values) shown with it. Writers given plain cells write what they always wrote, so the
samples built by ``scripts/build_samples.py`` do not change.

May import: ``errors``, ``messages``, ``runtime``, ``model``, ``outputs``, ``values``, ``vocab``, ``grid``,
``findings``.
"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Literal

LEFT, UP = "<", "^"

Role = Literal["text", "title", "label", "header", "amount"]
Mark = Literal["added", "removed", "changed"]
NoteLevel = Literal["error", "warning", "info", "added", "removed", "changed"]
# Cells wider than this (in display columns) do not widen their markdown column: a 600-character goal cell would
# otherwise pad every row of the table.
ALIGN_LIMIT = 48


@dataclass(slots=True)
class CellNote:
    """Something shown with a cell: a finding about it, or what it held before (diff)."""

    level: NoteLevel
    text: str


@dataclass(slots=True)
class SpanCell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    role: Role = "text"
    amount: Decimal | None = None
    key: tuple[str | int, ...] | None = None
    mark: Mark | None = None
    notes: list[CellNote] = field(default_factory=list)


SpanGrid = list[list[SpanCell | None]]


def from_markers(rows: list[list[str]]) -> SpanGrid:
    """Build a grid from marker rows: ``"<"`` extends the span on the left, ``"^"`` the span above."""
    width = max(len(row) for row in rows)
    padded = [row + [""] * (width - len(row)) for row in rows]
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    grid: SpanGrid = [[None] * width for _ in padded]
    for r, row in enumerate(padded):
        for c, text in enumerate(row):
            if text == LEFT and c > 0:
                top = owner[(r, c - 1)]
                owner[(r, c)] = top
                cell = grid[top[0]][top[1]]
                assert cell is not None
                cell.colspan = max(cell.colspan, c - top[1] + 1)
            elif text == UP and r > 0:
                top = owner[(r - 1, c)]
                owner[(r, c)] = top
                cell = grid[top[0]][top[1]]
                assert cell is not None
                cell.rowspan = max(cell.rowspan, r - top[0] + 1)
            else:
                owner[(r, c)] = (r, c)
                grid[r][c] = SpanCell(text)
    return grid


def flatten(grid: SpanGrid) -> list[list[str]]:
    """Text rows with covered cells empty, as a PDF converter flattens merged cells."""
    return [[cell.text if cell is not None else "" for cell in row] for row in grid]


def display_width(text: str) -> int:
    """Columns a text takes in a monospaced terminal or editor: CJK and full-width characters take two, combining
    marks none. Counted by two character classes of the Basic Multilingual Plane, built once (a workbook of a
    thousand sheets measures half a million texts); text beyond it is counted character by character."""
    if text.isascii():
        return len(text)
    if _ASTRAL.search(text):
        return sum(_char_width(ch) for ch in text)
    wide, combining = _bmp_classes()
    return len(text) + len(wide.findall(text)) - len(combining.findall(text))


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


@lru_cache(maxsize=1)
def _bmp_classes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Character classes of the BMP's wide (W, F) and combining characters, as ranges."""

    def ranges(test: Callable[[str], bool]) -> str:
        parts: list[str] = []
        start: int | None = None
        for code in range(0x10000 + 1):
            inside = code < 0x10000 and not 0xD800 <= code <= 0xDFFF and test(chr(code))
            if inside and start is None:
                start = code
            elif not inside and start is not None:
                parts.append(f"\\u{start:04x}-\\u{code - 1:04x}")
                start = None
        return "[" + "".join(parts) + "]"

    wide = ranges(lambda ch: _char_width(ch) == 2)
    combining = ranges(lambda ch: unicodedata.combining(ch) != 0)
    return re.compile(wide), re.compile(combining)


def _md_cell(text: str) -> str:
    """A cell's text as markdown: HTML-escaped, pipes escaped, line breaks as ``<br>``, emphasis markers and ``$``
    as entities (the reader decodes them after removing emphasis and reading inline TeX, so ``a__b__`` and ``$0$``
    survive)."""
    escaped = html.escape(text, quote=False).replace("|", "\\|").replace("\n", "<br>").replace("$", "&#36;")
    return escaped.replace("*", "&#42;").replace("_", "&#95;") if ("*" in text or "_" in text) else escaped


def _column_widths(rows: list[list[str]]) -> list[int]:
    widths = [3] * max(len(row) for row in rows)
    for row in rows:
        for c, text in enumerate(row):
            width = display_width(text)
            if width <= ALIGN_LIMIT:
                widths[c] = max(widths[c], width)
    return widths


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def to_markdown(
    grid: SpanGrid, title: str | None = None, *, header_row: bool = True, align: bool = False
) -> str:
    """A GitHub-flavoured pipe table (spans flattened). ``align`` pads columns to one width, counting a CJK
    character as two columns, so that the table reads as a table in a plain-text editor too."""
    rows = [[_md_cell(text) for text in row] for row in flatten(grid)]
    lines = [f"## {title}", ""] if title else []
    widths = _column_widths(rows) if align else [3] * len(rows[0])
    for index, row in enumerate(rows):
        cells = [_pad(text, widths[c]) for c, text in enumerate(row)] if align else row
        lines.append(("| " + " | ".join(cells) + " |").rstrip() if align else "| " + " | ".join(cells) + " |")
        if index == 0 and header_row:
            dashes = ("-" * (width + 2) for width in widths) if align else ("---" for _ in row)
            lines.append("|" + "|".join(dashes) + "|")
    return "\n".join(lines) + "\n"


def to_csv(grid: SpanGrid, title: str | None = None) -> str:
    rows = flatten(grid)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if title:
        writer.writerow([title] + [""] * (len(rows[0]) - 1))
    writer.writerows(rows)
    return buffer.getvalue()


def _html_cell(cell: SpanCell, indent: str) -> str:
    tag = "th" if cell.role in ("label", "header", "title") else "td"
    attrs = ""
    if cell.rowspan > 1:
        attrs += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        attrs += f' colspan="{cell.colspan}"'
    classes: list[str] = [name for name in (cell.role if cell.role == "amount" else None, cell.mark) if name]
    classes += sorted(
        {f"has-{note.level}" for note in cell.notes if note.level in ("error", "warning", "info")}
    )
    if classes:
        attrs += f' class="{" ".join(classes)}"'
    text = html.escape(cell.text).replace("\n", "<br>")
    if cell.mark == "removed":
        text = f"<del>{text}</del>" if text else text
    notes = "".join(
        f'<div class="note {note.level}">{html.escape(note.text).replace(chr(10), "<br>")}</div>'
        for note in cell.notes
    )
    return f"{indent}<{tag}{attrs}>{text}{notes}</{tag}>"


def to_html(grid: SpanGrid, title: str | None = None, *, indent: str = "") -> str:
    """An HTML table with rowspan/colspan. Label and header cells are ``<th>``; marks and notes become classes
    and ``<div class="note">`` blocks (see :mod:`perftable.render.page` for the page around it)."""
    out = [f"{indent}<h2>{html.escape(title)}</h2>"] if title else []
    out.append(f"{indent}<table>")
    for row in grid:
        out.append(f"{indent}  <tr>")
        out.extend(_html_cell(cell, indent + "    ") for cell in row if cell is not None)
        out.append(f"{indent}  </tr>")
    out.append(f"{indent}</table>")
    return "\n".join(out) + "\n"
