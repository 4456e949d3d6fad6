"""CSV and TSV cell grids, as PDF table extractors write them: quoted cells with newlines inside, merged cells
as empty strings. The tokenizer keeps the line and column where each cell starts (the csv module cannot)."""

from __future__ import annotations

from perftable.grid import Block, Cell, Origin, Table, TextLine, cell_value

_DELIMITERS = (",", "\t", ";", "|")


def sniff_delimiter(text: str) -> str:
    """The delimiter used most consistently in the first lines, outside quotes (``,`` by default)."""
    sample = [line for line in text.split("\n")[:30] if line.strip()]
    best, best_score = ",", 0
    for delimiter in _DELIMITERS:
        counts = [_count_outside_quotes(line, delimiter) for line in sample]
        score = sum(1 for count in counts if count) * 10 + sum(counts)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            count += 1
    return count


def tokenize(text: str, delimiter: str) -> list[list[tuple[str, int, int]]]:
    """Rows of ``(value, line, column)`` (1-based), RFC 4180 quoting, tolerant of stray quotes."""
    rows: list[list[tuple[str, int, int]]] = []
    row: list[tuple[str, int, int]] = []
    value: list[str] = []
    line, col = 1, 1
    start = (1, 1)
    quoted = False
    at_field_start = True
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if quoted:
            if ch == '"':
                if i + 1 < n and text[i + 1] == '"':
                    value.append('"')
                    i += 1
                    col += 1
                else:
                    quoted = False
            else:
                value.append(ch)
                if ch == "\n":
                    line, col = line + 1, 0
        elif ch == '"' and at_field_start:
            quoted = True
            at_field_start = False
        elif ch == delimiter:
            row.append(("".join(value), *start))
            value, at_field_start = [], True
            start = (line, col + 1)
        elif ch == "\n":
            row.append(("".join(value), *start))
            rows.append(row)
            row, value, at_field_start = [], [], True
            line, col = line + 1, 0
            start = (line, 1)
        else:
            value.append(ch)
            at_field_start = False
        i += 1
        col += 1
    if value or row:
        row.append(("".join(value), *start))
        rows.append(row)
    return rows


def read_delimited(text: str, origin: Origin, delimiter: str | None = None) -> list[Block]:
    """A CSV/TSV file as one table; a row with a single non-empty cell at the top (a title) stays in the table,
    where the extractor reads it like any title row."""
    delimiter = delimiter or sniff_delimiter(text)
    rows = [
        [Cell(cell_value(value.strip()), (line, col), origin) for value, line, col in raw_row]
        for raw_row in tokenize(text, delimiter)
        if any(cell_value(value.strip()) for value, _, _ in raw_row)
    ]
    if not rows:
        return []
    if all(len(row) == 1 for row in rows):  # not a grid at all: lines of text
        return [TextLine(row[0].text, row[0]) for row in rows]
    return [Table(rows).squared()]
