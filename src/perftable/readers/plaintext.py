"""Tables in plain text, as text extractors leave them: a web page copied as text, a PDF or a Word file converted
to text. The markdown reader turns every line outside a pipe table into a :class:`~perftable.grid.TextLine`; this
step turns the lines of a 绩效目标表 back into rows of cells. Two shapes are read, on their own or mixed:

* **rows of cells on a line**, separated by tabs, by runs of two or more blanks (``pdftotext -layout``), or by
  single blanks where a line has no wider gap (a spreadsheet rendered by a web page): ``产出指标 数量指标 培训人数
  ≥200人``. A letter-spaced word (``职 业 教 育``) stays one cell. Under a header laid out with runs of blanks
  (``pdftotext -layout``), the rows are read by position: each cell goes to the column it stands in, a cell run into
  the next column with a single blank is cut where that column starts, a line with text only under the row above's
  goal or name is the rest of that row (a wrapped cell), and a page number between rows is dropped.
* **one cell a line** (a PDF's text, a Word table read paragraph by paragraph), where a cell's text may wrap over
  several lines and a merged label may be printed a few characters a line (``年度`` / ``总体`` / ``目标``). Lines
  are joined back into a label where together they spell one the vocabulary knows (:func:`_is_label`); a field
  label takes the lines after it as its value up to the next label; labels printed side by side above their
  values (``项目总目标`` ``年度总体目标``, then both texts) take the paragraphs that follow in order, when there are
  as many paragraphs as labels; under an indicator header printed a cell a line, level names set the levels and
  the other lines fill the row's remaining columns in order.

Only a run of text lines that holds an indicator header (cells naming at least two of 一级指标, 二级指标, 三级指标,
指标值…, on one line or a cell a line) is read as a table, from its first field label or header on: prose and
titles stay text lines, and so does every line of a markdown file whose tables are pipe tables. Locations are the
line and column where each cell's text starts (a joined cell: its first part).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from perftable import vocab
from perftable.grid import Block, Cell, Table, TextLine
from perftable.values.cleaning import label_key
from perftable.values.patterns import WIDE_GAP
from perftable.values.targets import is_value_like

# A gap of two or more blanks (or an ideographic space) between cells of a line laid out in columns.
_WIDE_GAP = re.compile(WIDE_GAP)
_BLANKS = re.compile(r"\s+")
_TAB = "\t"
# Vertical labels: a merged label printed a few characters a line. Each part at most this long; all at most
# _JOIN_PARTS parts.
_LABEL_PART = 6
_JOIN_PARTS = 5
# Headers that make a run of text lines an indicator table: at least two distinct roles among these.
_HEADER_ROLES = frozenset({"level1", "level2", "name", "value", "indicator"})
# A paragraph ends at a line that ends a sentence.
_SENTENCE_END = ("。", "；", ";", "！")
_CJK = re.compile(r"^[\u4e00-\u9fff]$")
# A header laid out with blanks gives its columns' positions when it has at least this many cells.
_LAID_OUT_COLUMNS = 3
# Columns whose text wraps onto the next line: a line with text only there (and under text) is the rest of a row.
_WRAPPING_ROLES = frozenset(
    {"project", "goal", "name", "indicator", "remarks", "explanation", "spending_unit", None}
)
# A level name run into the next cell is split off when it is at least this long (质量指标; not a bare 质量).
_LEVEL_SPLIT = 4


@dataclass
class _Line:
    """A text line cut into cells, with the cells' positions; ``last`` is the number of the last source line it
    holds (a label joined from several lines ends below its first cell)."""

    cells: list[Cell]
    last: int = 0
    laid_out: bool = (
        False  # a text file's line cut at runs of blanks: its cells' columns are where they stand
    )

    @property
    def single(self) -> bool:
        return len(self.cells) == 1

    @property
    def text(self) -> str:
        return " ".join(cell.text for cell in self.cells)


def recover_tables(blocks: list[Block], *, listings: bool = True) -> list[Block]:
    """The blocks with every run of text lines that holds an indicator table read as a table (see the module).
    With ``listings=False`` a run whose header names project columns (项目名称 | 项目金额 | 绩效目标 beside the
    indicator columns: a listing) stays text: its rows print project cells on the first line of each project
    only, which cells cut by order cannot place."""
    out: list[Block] = []
    run: list[TextLine] = []
    for block in blocks:
        if isinstance(block, TextLine):
            run.append(block)
            continue
        out.extend(_recover_run(run, listings))
        run = []
        out.append(block)
    out.extend(_recover_run(run, listings))
    return out


def _recover_run(run: list[TextLine], listings: bool) -> list[Block]:
    """A run of text lines, cut at the titles of tables (each title starts another table)."""
    out: list[Block] = []
    part: list[TextLine] = []
    for line in run:
        if _is_table_title(line.text) and part:
            out.extend(_recover_part(part, listings))
            part = []
        part.append(line)
    out.extend(_recover_part(part, listings))
    return out


# Columns of a project listing's header (besides the indicator columns).
_LISTING_ROLES = frozenset({"project", "code", "spending_unit", "amount", "goal"})


def _names_projects(rows: list[list[Cell]]) -> bool:
    header = next((row for row in rows if len(_header_roles(row)) >= 2), [])
    return any(vocab.header_role(cell.text) in _LISTING_ROLES for cell in header)


_TABLE_TITLE = re.compile(r"^\S{2,40}表\d*(?:\(\d{4}年度?\))?$")


def _is_table_title(text: str) -> bool:
    """A table's title on a line of its own: 项目支出绩效目标表, 一、收支预算总表, 项目支出绩效自评表."""
    key = label_key(text)
    return bool(_TABLE_TITLE.match(key)) and not _is_label(text)


def _recover_part(run: list[TextLine], listings: bool = True) -> list[Block]:
    if len(run) < 3 or not any(_might_be_header(line.text) for line in run):
        return list(run)
    lines = _join_vertical([_split(line) for line in run])
    start = _table_start(lines)
    if start is None:
        return list(run)
    rows = _Rows().read(lines[start:])
    if not _has_body(rows) or (not listings and _names_projects(rows)):
        return list(run)
    before: list[Block] = [TextLine(line.text, line.cells[0]) for line in lines[:start]]
    return [*before, Table(rows).squared()]


def _has_body(rows: list[list[Cell]]) -> bool:
    """A table has a row after its indicator header (a header alone is a sentence that names the columns)."""
    header = next((k for k, row in enumerate(rows) if len(_header_roles(row)) >= 2), None)
    return header is not None and header + 1 < len(rows)


def _might_be_header(text: str) -> bool:
    """A cheap test before any work: the line names an indicator column."""
    return "指标" in text or "目标值" in text


# --- cutting a line into cells ------------------------------------------------------------------------------


def _split(line: TextLine) -> _Line:
    text, (number, column) = line.text, line.cell.pos
    origin = line.cell.origin
    laid_out = False
    if _TAB in text:
        pieces = _pieces(text, re.compile(_TAB))
    elif _WIDE_GAP.search(text):
        pieces = _pieces(text, _WIDE_GAP)
        laid_out = origin.kind == "text"
    else:
        pieces = _numbering_joined(_letter_spacing_joined(_pieces(text, _BLANKS)))
    # a text file's cell is where its text starts on the line; a PDF's, the how-manieth cell of its row
    if origin.kind == "text":
        cells = [Cell(piece, (number, column + offset), origin) for offset, piece in pieces if piece]
    else:
        cells = [
            Cell(piece, (number, index), origin)
            for index, piece in enumerate(filter(None, (p for _, p in pieces)), 1)
        ]
    return _Line(cells or [line.cell], number, laid_out or (origin.kind == "text" and len(cells) == 1))


def _pieces(text: str, separator: re.Pattern[str]) -> list[tuple[int, str]]:
    pieces: list[tuple[int, str]] = []
    start = 0
    for match in separator.finditer(text):
        pieces.append((start, text[start : match.start()].strip()))
        start = match.end()
    pieces.append((start, text[start:].strip()))
    return pieces


def _letter_spacing_joined(pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Three or more single Chinese characters in a row are one letter-spaced word (``职 业 教 育``)."""
    out: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []

    def flush() -> None:
        if len(run) >= 3:
            out.append((run[0][0], "".join(piece for _, piece in run)))
        else:
            out.extend(run)
        run.clear()

    for piece in pieces:
        if _CJK.match(piece[1]):
            run.append(piece)
            continue
        flush()
        out.append(piece)
    flush()
    return out


# A piece that leads into the next one: a list number or a label with its colon (``10.`` ``任务1:`` ``其中:``).
_LEAD_IN = re.compile(r"^(?:\d{1,2}[.、]|[（(]\d{1,2}[)）]|\S{0,8}[:：])$")


def _numbering_joined(pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A blank after a list number or a colon is not a cell boundary (``10. 做好…``, ``任务1: 社区康园中心``)."""
    out: list[tuple[int, str]] = []
    for offset, piece in pieces:
        if out and _LEAD_IN.match(out[-1][1]):
            out[-1] = (out[-1][0], f"{out[-1][1]} {piece}")
            continue
        out.append((offset, piece))
    return out


# --- labels printed a few characters a line ------------------------------------------------------------------


def _is_label(text: str) -> bool:
    """A label the vocabulary knows: a field, group, goal, budget or task label, a column header or a level
    name."""
    key = label_key(text)
    if not key or len(key) > vocab.MAX_HEADER:
        return False
    return (
        key in _FIELD_LABELS
        or vocab.goal_label_kind(text) is not None
        or vocab.budget_key(text) is not None
        or vocab.is_project_total(text)
        or vocab.header_role(text) is not None
        or vocab.level1_name(text) is not None
        or vocab.level2_name(text) is not None
    )


_FIELD_LABELS = (
    vocab.DEPARTMENT_LABELS
    | vocab.PROJECT_LABELS
    | vocab.INFO_LABELS
    | vocab.GROUP_LABELS
    | vocab.KEY_TASK_LABELS
    | vocab.OTHER_TASK_LABELS
)


def _is_field_label(text: str) -> bool:
    """A label that takes a value after it (not a column header, not a level name)."""
    key = label_key(text)
    return bool(key) and (
        key in _FIELD_LABELS
        or vocab.goal_label_kind(text) is not None
        or (vocab.budget_key(text) is not None and vocab.header_role(text) not in _HEADER_ROLES)
        or vocab.is_project_total(text)
    )


def _is_level(text: str) -> bool:
    return vocab.level1_name(text) is not None or vocab.level2_name(text) is not None


def _join_vertical(lines: list[_Line]) -> list[_Line]:
    """Short one-cell lines that spell a label together (``可持续影`` / ``响指标``, ``年度`` / ``总体`` / ``目标``)
    joined into one cell; the longest such run first."""
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        joined = _longest_label(lines, i)
        if joined > 1:
            first = lines[i].cells[0]
            text = "".join(lines[i + k].cells[0].text for k in range(joined))
            out.append(_Line([Cell(text, first.pos, first.origin)], lines[i + joined - 1].last))
            i += joined
            continue
        out.append(lines[i])
        i += 1
    return out


def _longest_label(lines: list[_Line], i: int) -> int:
    parts: list[str] = []
    for line in lines[i : i + _JOIN_PARTS]:
        if not line.single or len(line.cells[0].text) > _LABEL_PART:
            break
        parts.append(line.cells[0].text)
    if _is_label(parts[0] if parts else "") and len(parts) < 2:
        return 1
    for count in range(len(parts), 1, -1):
        if _is_label("".join(parts[:count])):
            return count
    return 1


# --- where the table starts -----------------------------------------------------------------------------------


def _header_roles(cells: list[Cell]) -> set[str]:
    roles = {vocab.header_role(cell.text) for cell in cells}
    return {role for role in roles if role in _HEADER_ROLES}


def _continues_header(line: _Line, roles: Callable[[list[Cell]], set[str]]) -> bool:
    """A header a line goes on with any column an indicator (or task) table may have: 指标值类型, 计量单位, 备注…"""
    if roles is _header_roles:
        return vocab.header_role(line.cells[0].text) in vocab.INDICATOR_ROLES
    return bool(roles(line.cells))


def _task_roles(cells: list[Cell]) -> set[str]:
    return {role for cell in cells if (role := vocab.column_role(cell.text, vocab.TASK_COLUMNS))}


def _header_run(lines: list[_Line], i: int, roles: Callable[[list[Cell]], set[str]] = _header_roles) -> int:
    """How many lines from ``i`` are a header (of the indicator table, or with ``_task_roles`` of the task
    table): one line of headers, or one header a line."""
    if len(roles(lines[i].cells)) >= 2:
        return 1
    count = 0
    while i + count < len(lines) and lines[i + count].single and _continues_header(lines[i + count], roles):
        count += 1
    cells = [lines[i + k].cells[0] for k in range(count)]
    return count if len(roles(cells)) >= (2 if roles is _header_roles else 3) else 0


def _table_start(lines: list[_Line]) -> int | None:
    """The first line of the table: its first field label before the indicator header, or the header."""
    header = next((i for i in range(len(lines)) if _header_run(lines, i)), None)
    if header is None:
        return None
    return next((i for i in range(header) if _is_field_label(lines[i].cells[0].text)), header)


# --- rows -----------------------------------------------------------------------------------------------------


@dataclass
class _Rows:
    """Builds the rows of the table, one line at a time (one explicit state)."""

    rows: list[list[Cell]] = field(default_factory=list)
    pending: list[list[Cell]] = field(default_factory=list)  # labels waiting for their values, in order
    values: list[list[Cell]] = field(default_factory=list)  # the value lines after the pending labels
    header: list[str | None] | None = None  # the indicator columns' roles, once a header was read one a line
    columns: list[str | None] | None = (
        None  # the indicator columns' roles, once a header was read on one line
    )
    stream: list[Cell] = field(default_factory=list)  # the indicator row being filled, a cell a line
    # where the columns of a header laid out with blanks start (a text file's columns), once one was read
    offsets: list[int] | None = None
    heads: list[int] | None = None  # where that header's cells start
    level1: Cell | None = None
    level2: Cell | None = None

    def read(self, lines: list[_Line]) -> list[list[Cell]]:
        blanks_are_cells = _blanks_are_cells(lines)
        i = 0
        while i < len(lines):
            if blanks_are_cells and i and self.header is not None and self.stream:
                # a blank line inside a row printed a cell a line is an empty cell (a Word table's empty cell)
                for _ in range(_gap(lines[i - 1], lines[i])):
                    if self.stream:
                        first = self.stream[0]
                        self._indicator_cell(Cell("", first.pos, first.origin))
            run = _header_run(lines, i)
            tasks = 0 if run else _header_run(lines, i, _task_roles)
            if run or tasks:
                self._flush()
                count = run or tasks
                cells = lines[i].cells if count == 1 else [lines[i + k].cells[0] for k in range(count)]
                self.rows.append(list(cells))
                if run:
                    roles = [vocab.header_role(cell.text) for cell in cells]
                else:
                    roles = ["task" if vocab.column_role(c.text, vocab.TASK_COLUMNS) else None for c in cells]
                self.header, self.columns = (roles, None) if count > 1 else (None, roles if run else None)
                laid_out = count == 1 and run and lines[i].laid_out and len(cells) >= _LAID_OUT_COLUMNS
                self.offsets = _column_starts(cells) if laid_out else None
                self.heads = [cell.pos[1] for cell in cells] if laid_out else None
                self.level1 = self.level2 = None
                i += count
                continue
            if self.header is not None and "task" in self.header and _is_field_label(lines[i].cells[0].text):
                self._flush()
                self.header = None  # the task table ends at the next field label
            self._line(lines[i])
            i += 1
        self._flush()
        return self.rows

    def _line(self, line: _Line) -> None:
        if self.header is not None and line.single:
            self._indicator_cell(line.cells[0])
            return
        if self.offsets is not None and self.columns is not None and line.laid_out and self._placed(line):
            return
        cells = list(line.cells)
        if self.pending and not self.values[-1] and len(cells) > 1 and not _is_field_label(cells[0].text):
            # the open label's value on the line with the next label: 771,325,800.00 年度资金申请总额
            split = next((k for k, cell in enumerate(cells) if _is_field_label(cell.text)), len(cells))
            if split < len(cells):
                self.values[-1].extend(cells[:split])
                cells = cells[split:]
        if len(cells) == 1 and _is_field_label(cells[0].text):
            if self.values and self.values[-1]:
                self._flush()  # the label before has its value: its row is complete
            self.pending.append(cells)
            self.values.append([])
            return
        if len(cells) == 1 and self.pending:
            self.values[-1].append(cells[0])
            return
        self._flush()
        self.rows.append(_anchored(cells, self.columns) if self.columns and len(cells) > 1 else cells)

    def _placed(self, line: _Line) -> bool:
        """**A line laid out in the header's columns** (``pdftotext -layout``, a text file printed in columns):
        each cell goes to the column it stands in, a cell that runs into the next column (a single blank where
        that column starts: ``…收集率达 产出指标``) is cut there, and a line whose text stands only in columns
        of long text that the row above fills (a goal or a name wrapped onto the next line) is that row's rest.
        False when the line does not fit the columns (two cells in one), to be read as before."""
        assert self.offsets is not None and self.columns is not None
        if line.single and vocab.is_page_number(line.cells[0].text.strip("\f")):
            return True  # a page's foot (-1-, 第3页) between the rows of a table over pages
        if _is_field_label(line.cells[0].text) or (vocab.is_footnote(line.cells[0].text) and line.single):
            return False
        assert self.heads is not None
        windows = list(zip(self.offsets[1:], self.heads[1:], strict=True))
        cells = [part for cell in line.cells for part in _cut_at(cell, windows)]
        row = _in_columns(cells, self.offsets)
        if row is None:
            return False
        self._flush()
        filled = [k for k, cell in enumerate(row) if not cell.empty]
        above = self.rows[-1] if len(self.rows) > 1 else None
        if (
            above is not None
            and len(above) == len(row)
            and all(self.columns[k] in _WRAPPING_ROLES and not above[k].empty for k in filled)
        ):
            for k in filled:
                before = above[k]
                above[k] = Cell(f"{before.text}\n{row[k].text}", before.pos, before.origin)
            return True
        self.rows.append(row)
        return True

    def _flush(self) -> None:
        self._flush_stream()
        if not self.pending:
            return
        # Labels stacked above their values (printed side by side): the paragraphs after them, in order. A group
        # label (项目资金, 项目绩效目标) heads the others and takes none.
        stacked = [
            k for k, label in enumerate(self.pending) if label_key(label[0].text) not in vocab.GROUP_LABELS
        ]
        if len(stacked) > 1 and all(not self.values[k] for k in range(len(self.values) - 1)):
            last = self.values[-1]
            parts = (
                [[cell] for cell in last] if len(last) == len(stacked) else _paragraphs(last, len(stacked))
            )
            for k, paragraph in zip(stacked, parts, strict=True):
                self.values[k] = paragraph
            if stacked[-1] != len(self.pending) - 1:
                self.values[-1] = []
        for label, value in zip(self.pending, self.values, strict=True):
            self.rows.append([*label, *([_joined(value)] if value else [])])
        self.pending, self.values = [], []

    # --- the indicator table printed a cell a line

    def _indicator_cell(self, cell: Cell) -> None:
        assert self.header is not None
        key = label_key(cell.text)
        if key in vocab.GROUP_LABELS and not self.stream:
            return  # a row label (绩效指标) printed again beside the rows
        if (key in vocab.KEY_TASK_LABELS or key in vocab.OTHER_TASK_LABELS) and not self.stream:
            self.rows.append([cell])  # a section of the task table (年度重点工作任务, 其他需完成的任务)
            return
        level1, level2 = vocab.level1_name(cell.text), vocab.level2_name(cell.text)
        if level2 and self.level2 is not None and vocab.level2_name(self.level2.text) == level2:
            level1 = level2 = (
                None  # a name that repeats its level's name (服务对象满意度 under 服务对象满意度指标)
            )
        if (level1 or level2) and self.stream:
            self._flush_stream()  # a level name is never a value: the row before it ended with its value blank
        if level1 and level2:
            # 成本指标 is a level-1 of its own (2021 forms) or a level-2 under 产出指标 (2015 forms)
            under_output = self.level1 is not None and vocab.level1_name(self.level1.text) == "产出指标"
            level1 = None if under_output else level1
        if level1:
            self.level1, self.level2 = cell, None
            return
        if level2:
            self.level2 = cell
            return
        free = self._free_roles()
        if cell.empty and not self.stream:
            return
        if self.stream and self.header[free[len(self.stream)]] == "value" and _starts_a_row(cell.text):
            self._flush_stream()  # the row's value was left blank (a blank line is no line): this is a name
        self.stream.append(cell)
        if len(self.stream) == len(free):
            self._flush_stream()

    def _free_roles(self) -> list[int]:
        """The columns a row's other lines fill, in order: not the levels, and not a row label printed left
        of the header (绩效指标 over the level columns, a merged cell printed once)."""
        assert self.header is not None
        skip = (
            ("level1", "level2", "indicator")
            if "name" in self.header or "task" in self.header
            else ("level1", "level2")
        )
        return [k for k, role in enumerate(self.header) if role not in skip]

    def _flush_stream(self) -> None:
        if not self.stream or self.header is None:
            self.stream = []
            return
        first = self.stream[0]
        row = [Cell("", first.pos, first.origin) for _ in self.header]
        for k, role in enumerate(self.header):
            if role == "level1" and self.level1 is not None:
                row[k] = self.level1
            elif role == "level2" and self.level2 is not None:
                row[k] = self.level2
        for k, cell in zip(self._free_roles(), self.stream, strict=False):
            row[k] = cell
        self.rows.append(row)
        self.stream = []


def _cut_at(cell: Cell, windows: list[tuple[int, int]]) -> list[Cell]:
    """A cell that runs into the next column, cut at a single blank where that column starts: between the
    column's start and its header's start (``windows``), a text laid out in columns leaves one blank where a long
    cell meets the next one (``…收集率达 产出指标``)."""
    line, start = cell.pos
    text = cell.text
    for low, high in windows:
        # the character after the blank starts the column's text: at the column's start or its header's, give
        # or take one
        first, last = max(low - start - 2, 1), min(high - start + 1, len(text) - 1)
        blanks = [j for j in range(first, last) if text[j] == " "]
        if blanks:
            blank = blanks[-1]
            head = Cell(text[:blank].rstrip(), cell.pos, cell.origin)
            rest = text[blank + 1 :].lstrip()
            tail = Cell(rest, (line, start + len(text) - len(rest)), cell.origin)
            return [head, *_cut_at(tail, windows)]
    return [cell]


def _column_starts(header: list[Cell]) -> list[int]:
    """Where each column of a header laid out with blanks starts: halfway between the end of the header cell
    before and the start of its own (a header centred over its column stands right of the column's cells)."""
    starts = [header[0].pos[1]]
    for before, cell in pairwise(header):
        end = before.pos[1] + len(before.text)
        starts.append((end + cell.pos[1] + 1) // 2)
    return starts


def _in_columns(cells: list[Cell], offsets: list[int]) -> list[Cell] | None:
    """The cells put in the columns they stand in (a cell belongs to the last column starting at or before it);
    None when two fall in one column."""
    first = cells[0]
    row = [Cell("", first.pos, first.origin) for _ in offsets]
    for cell in cells:
        column = max((k for k, offset in enumerate(offsets) if offset <= cell.pos[1]), default=0)
        if not row[column].empty:
            return None
        row[column] = cell
    return row


def _starts_a_row(text: str) -> bool:
    """Text in the value's place that is an indicator's name, not a value: long, and not value-like."""
    return len(label_key(text)) > 8 and not is_value_like(text)


def _anchored(cells: list[Cell], roles: list[str | None]) -> list[Cell]:
    """A row shorter than its indicator header lacks the cells of merged columns at its left (the level names
    printed once, on the first row of their block): its level names go to their level columns and its other
    cells start at the name column."""
    if len(cells) >= len(roles) or "name" not in roles:
        return cells
    first = cells[0]
    row = [Cell("", first.pos, first.origin) for _ in roles]
    cells = [part for cell in cells for part in _level_split(cell)]
    k = 0
    for role in ("level1", "level2"):
        after = cells[k + 1].text if k + 1 < len(cells) else ""
        if k < len(cells) and role in roles and _level_role(cells[k].text, role, after):
            row[roles.index(role)] = cells[k]
            k += 1
    rest = cells[k:]
    start = roles.index("name")
    if start + len(rest) > len(roles):
        return cells
    row[start : start + len(rest)] = rest
    return row


def _level_split(cell: Cell) -> list[Cell]:
    """**A level name run into the next cell**: ``服务对象满意度指 沿线居民满意度``, where a level name filling its
    narrow column (cut there: its end is on the next line) left a single blank before the next column's text. Split
    at the first blank when what is before it is a level name (whole or cut) and what is after it is not."""
    head, blank, tail = cell.text.strip().partition(" ")
    if not blank or not tail.strip() or len(label_key(head)) < _LEVEL_SPLIT:
        return [cell]
    if vocab.level2_name(head) is None and vocab.level1_name(head) is None:
        return [cell]
    if vocab.level2_name(tail) or vocab.level1_name(tail):
        return [cell]
    line, column = cell.pos
    rest = Cell(tail.strip(), (line, column + len(head) + 1), cell.origin)
    return [Cell(head, cell.pos, cell.origin), *_level_split(rest)]


def _level_role(text: str, role: str, after: str = "") -> bool:
    """Whether ``text`` is a level name of ``role``. A name of either level (成本指标: a level-1 of its own in the
    2021 forms, a level-2 under 产出指标 in the 2015 ones) is the level-1 when a level-2 name follows it."""
    if role == "level1":
        return vocab.level1_name(text) is not None and (
            vocab.level2_name(text) is None or vocab.level2_name(after) is not None
        )
    return vocab.level2_name(text) is not None


def _gap(before: _Line, after: _Line) -> int:
    """Blank lines between two lines."""
    return max(0, after.cells[0].pos[0] - max(before.last, before.cells[0].pos[0]) - 1)


def _blanks_are_cells(lines: list[_Line]) -> bool:
    """Blank lines stand for empty cells, unless the text is double-spaced (a blank after most lines)."""
    gaps = [_gap(a, b) for a, b in pairwise(lines)]
    return bool(gaps) and sum(1 for gap in gaps if gap) < len(gaps) / 2


def _joined(cells: list[Cell]) -> Cell:
    first = cells[0]
    return Cell("\n".join(cell.text for cell in cells), first.pos, first.origin)


def _paragraphs(lines: list[Cell], count: int) -> list[list[Cell]]:
    """Lines cut into ``count`` paragraphs at lines that end a sentence; when they do not make exactly that
    many, every line goes to the last label (the one nearest to them, where a reader of the text puts them)."""
    groups: list[list[Cell]] = [[]]
    for cell in lines:
        groups[-1].append(cell)
        if cell.text.rstrip().endswith(_SENTENCE_END):
            groups.append([])
    groups = [group for group in groups if group]
    if len(groups) == count:
        return groups
    return [*([[]] * (count - 1)), lines]
