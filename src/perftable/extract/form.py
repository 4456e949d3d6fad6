"""One form (one 绩效目标表) read row by row: the dispatcher that sends each row to the part that reads it.

A row is, in this order of precedence: a title or year line, a footnote, the header of an indicator or task
table, a row of the indicator or task table in force, or a row of header fields, budget and goals.
"""

from __future__ import annotations

from typing import Literal

from perftable import vocab
from perftable.extract.draft import Draft, Items, distinct
from perftable.extract.fields import FieldReader, FieldState, classify, split_inline
from perftable.extract.indicators import indicator_header, is_self_evaluation
from perftable.extract.periods import IndicatorTable, TableHeader, is_label_row, table_header
from perftable.extract.tasks import TaskColumns, funds_sub_header, read_task_row, task_header
from perftable.grid import Cell
from perftable.values.cleaning import clean_text, label_key
from perftable.values.numbers import MoneyUnit

Section = Literal["fields", "tasks", "indicators", "end"]
# Labels whose row ends the task table and returns to header fields (and a block label printed anew: 部门预算（万元）).
_LEAVE_TASKS = frozenset({"goal", "long_goal", "budget", "department", "project", "info"})


def _fields_below_indicators(items: Items) -> bool:
    """A row of header fields printed below the indicator table (``项目负责人 | 王磊 | 联系电话 | 139…``): it opens
    with a field label and its value, and holds no level name. Such a row ends the indicator table."""
    first = items[0][1]
    return (
        len(items) >= 2
        and not first.merged
        and classify(first.text) in ("info", "department", "project")
        and classify(items[1][1].text) is None
        and not any(vocab.looks_like_level_name(cell.text) for _, cell in items)
    )


def _label_kind(text: str) -> str | None:
    """What a cell's label is: the cell itself (``项目名称``) or the label it opens with (``项目名称：某项目``)."""
    kind = classify(text)
    if kind is None and (inline := split_inline(text)):
        kind = classify(inline[0][0])
    return kind


def _opening_kind(items: Items) -> str | None:
    """What the label a row opens with is, written in its first cell with the value after it (``项目名称：某项目``)
    or in a cell of its own followed by its value; None otherwise."""
    first = items[0][1].text
    if classify(first) is not None and (len(items) < 2 or classify(items[1][1].text) is not None):
        return None  # a label with no value after it
    return _label_kind(first)


def project_heading(items: Items) -> bool:
    """A row that names a project inside an indicator table (a listing printed as one indicator table with a
    heading row per project): ``项目名称：某项目 预算金额：156.80万元`` in one cell, or ``项目名称 | 某项目 |
    预算金额（万元） | 156.80``."""
    return _opening_kind(items) == "project"


# Rows a project's part of an indicator table may open with, before its first indicator: its heading, its goal.
_HEADING_KINDS = frozenset({"project", "goal", "long_goal"})


# What a row may open with, inside an indicator table taken over from the form before, to say that this form
# prints its own header fields first (a form stacked under another one with no title between).
_OWN_FIELDS = frozenset({"department", "info", "budget", "goal", "long_goal"})


def _opens_own_fields(items: Items) -> bool:
    """A row of a form's own header fields: it opens with one of their labels, or with a money block label
    followed by a budget label (项目资金（万元） | 年度资金总额 | 586.30)."""
    kind = classify(items[0][1].text)
    if kind in _OWN_FIELDS:
        return True
    return kind == "group" and any(classify(cell.text) == "budget" for _, cell in items[1:])


class FormBuilder:
    """Feeds rows and text lines of one form into a :class:`Draft`."""

    def __init__(self, start: Cell, number: int = 0) -> None:
        self.number = number  # the block the form starts in (documents come out in block order)
        self.draft = Draft(start=start)
        self.state = FieldState()
        self.fields = FieldReader(self.draft, self.state)
        self.section: Section = "fields"
        self.indicators: IndicatorTable | None = None
        self.task_cols: TaskColumns | None = None
        self.previous: Items = []  # the row (or text line) before the one being read
        self.tables: set[int] = set()  # the blocks (tables) that fed this form rows with text
        # the indicator table is the form before's (a project heading opened this form)
        self.inherited = False

    def continued_by(self, start: Cell, number: int, *, columns: bool = True) -> FormBuilder:
        """The next form of a series under one title: it keeps what the title said (title, year, kind, money
        unit) and, when a project heading opens it inside this form's indicator table (``columns``), the table's
        columns; the heading itself gives its project."""
        after = FormBuilder(start, number)
        draft, mine = after.draft, self.draft
        # (not the department: a form stacked under another prints its own; the title's or the file's fills it)
        draft.title, draft.year, draft.kind = mine.title, mine.year, mine.kind
        draft.locations.update(
            {key: mine.locations[key] for key in ("title", "year") if key in mine.locations}
        )
        after.state.form_unit = self.state.form_unit
        if columns and self.indicators is not None:
            after.indicators = IndicatorTable(draft, self.indicators.header, start.location())
            after.section = "indicators"
            after.inherited = True
        return after

    # the outside of tables -----------------------------------------------------------------------------------
    def take_title(self, text: str, cell: Cell) -> None:
        draft = self.draft
        draft.set_field("title", clean_text(text), cell)
        year = vocab.year_in(text)
        if year and draft.year is None:
            draft.year = year
            draft.locations["year"] = cell.location()
        draft.kind = draft.kind or vocab.kind_of_title(text)
        if unit := vocab.money_unit_of(text):  # 项目支出绩效目标表（金额单位：元）
            self.state.form_unit = unit  # type: ignore[assignment]  # money_unit_of returns a money unit

    def heads_next_form(self, text: str) -> bool:
        """A line after the indicators of a form named by a heading (no 项目名称 field: a table's caption, a
        heading line) that names the next form of the series the same way (``小型水库除险加固``): the next form
        starts with it. Forms that print their names never start at a line (a running header between pages)."""
        return (
            self.draft.has_indicators
            and self.draft.kind == "project"
            and self.draft.project is None
            and self.draft.heading is not None
            and vocab.heading_name(text) is not None
        )

    def starts_new_form(self, items: Items) -> bool:
        """True when this row opens another form (a second title, or a new header after a finished one).

        A title after rows that gave only ``info`` (a 收支总表 printed before the form) opens a new form too.
        """
        if not items:
            return False
        first = items[0][1].text
        if len(items) == 1 and vocab.is_title(first):
            return self.draft.has_content or self.draft.title is not None or bool(self.draft.info)
        if not self.draft.has_indicators:
            return False
        opening = _label_kind(first)
        if opening in ("department", "project"):
            if items[0][1].merged:
                return False  # a label merged down from a row above (a PDF that drew no rule under it) opens nothing
            return not self._opens_with_own_name(items)
        # a row of fields that opens with another label (项目代码 | 22050026T… | 项目名称 | 某工程): its project or
        # department label further on says the same
        return opening == "info" and any(
            classify(cell.text) in ("department", "project") for _, cell in items[1:]
        )

    def _opens_with_own_name(self, items: Items) -> bool:
        """**The form's own first rows printed again** (Word's 重复标题行 on the 项目名称 and 主管部门 rows, at a page's
        top): inside the indicator table, a row that opens with the project or department label and gives this
        form's own name. It opens no form: the indicator table goes on under it (and a PDF that drew no rule under
        it may have merged it down over indicator rows, which :meth:`feed_row` still reads)."""
        if self.section != "indicators" or self.indicators is None:
            return False
        first = items[0][1].text
        kind = _label_kind(first)
        own = {"project": self.draft.project, "department": self.draft.department}.get(kind or "")
        if not own:
            return False
        inline = split_inline(first)
        value = inline[0][1] if inline else (items[1][1].text if len(items) > 1 else "")
        return label_key(value) == label_key(own)

    def _indicator_in_row(self, items: Items) -> bool:
        """An indicator stands in the name column of the table in force (its own text, no label): a row that opens
        with the form's own field label, copied down over it by a PDF that drew no rule under the field's repeated
        row, still holds an indicator of the table."""
        if self.section != "indicators" or self.indicators is None:
            return False
        named = dict(items).get(self.indicators.header.groups[0].name)
        return named is not None and not named.merged and not named.empty and classify(named.text) is None

    def is_foreign_table(self, first_row: list[Cell]) -> bool:
        """True when a table starting with ``first_row`` cannot continue this form's indicator table: the form
        has indicators, and the row starts with a filled cell and holds no level name, no label of a 绩效目标表
        and no indicator header (a 收支总表 or 科目 table printed after the form). A table continued on another
        page goes on with level names, or with empty cells where merged ones were flattened."""
        items = distinct(first_row)
        if self.section != "indicators" or not self.draft.has_indicators or not items or items[0][0] != 0:
            return False
        if indicator_header(items) is not None or task_header(items) is not None:
            return False
        return not any(
            vocab.looks_like_level_name(cell.text)
            or classify(cell.text) is not None
            or vocab.is_title(cell.text)
            for _, cell in items
        )

    def _without_unit_cells(self, items: Items) -> Items:
        """A row's cells less those that declare the money unit (``单位名称：某中心 | … | 金额单位：元``), which
        set the form's unit; a cell that ends with one (``填报单位：某局 金额单位：元``) keeps its field."""
        kept: Items = []
        for col, cell in items:
            pieces = vocab.split_unit_tail(cell.text)
            unit = vocab.declared_money_unit(pieces[-1])
            if unit:
                self.state.form_unit = unit  # type: ignore[assignment]  # money_unit_of returns a money unit
                if len(pieces) > 1:
                    kept.append((col, Cell(pieces[0], cell.pos, cell.origin, cell.merged)))
                continue
            kept.append((col, cell))
        return kept or items

    def _meta_line(self, text: str, cell: Cell) -> bool:
        """Title, year, 金额单位, footnotes and page numbers; True when the text was one of them."""
        if vocab.is_page_number(text):
            return True
        if vocab.is_title(text):
            self.take_title(text, cell)
            return True
        if vocab.is_year_line(text):
            year = vocab.year_in(text)
            if year and self.draft.year is None:
                self.draft.year = year
                self.draft.locations["year"] = cell.location()
            return True
        unit = vocab.declared_money_unit(text)
        if unit:
            self.state.form_unit = unit  # type: ignore[assignment]  # money_unit_of returns a money unit
            return True
        if vocab.is_footnote(text):
            # a note or sign-off ends the form; one printed above the table (a converter may move it) does not
            if self.draft.has_indicators or self.draft.tasks or self.draft.budget:
                self.section = "end"
            return True
        return False

    def feed_text(self, text: str, cell: Cell) -> None:
        self.previous = [(0, cell)]
        pieces = (part.strip() for part in text.replace("\u3000", "  ").split("  ") if part.strip())
        for piece in (cut for part in pieces for cut in vocab.split_unit_tail(part)):
            if self._meta_line(piece, cell):
                continue
            if self.section == "end":
                continue
            pairs = split_inline(piece)
            for label, value in pairs:
                self.fields.read(
                    [(0, Cell(label, cell.pos, cell.origin)), (1, Cell(value, cell.pos, cell.origin))]
                )
            if not pairs and not self.draft.has_content and (name := vocab.heading_name(piece)):
                self.draft.heading = (clean_text(name), cell)  # the last such line above the form's table

    # rows ------------------------------------------------------------------------------------------------------
    def feed_row(self, row: list[Cell], items: Items) -> None:
        """Read a row; ``items`` are its distinct non-empty cells (see :func:`distinct`)."""
        if not items:
            return
        self.draft.note_page(items[0][1])
        above, self.previous = self.previous, items
        if len(items) == 1 and self._meta_line(items[0][1].text, items[0][1]):
            return
        if len(items) > 1 and self.section == "fields":
            items = self._without_unit_cells(items)
        if is_self_evaluation(items):
            self.draft.self_evaluation = True
        for _, cell in items:
            if "分" in cell.text:
                self.draft.scores.label(cell)
        header = table_header(items, above, self.draft.year)
        if header is not None:
            self.fields.close_budget()
            self._indicator_header(header, above, items)
            return
        tasks = task_header(items) if self.section != "indicators" else None
        if tasks is not None:
            self.fields.close_budget()
            self.section = "tasks"
            self.task_cols = tasks
            self.draft.locations.setdefault("tasks", items[0][1].location())
            self._note_task_label(row, tasks.first)
            return
        if self.section == "end":
            return
        if self.indicators is not None and self._opens_with_own_name(items):
            if self._indicator_in_row(items):
                # the form's own field copied down over indicator rows: the rows' indicators, without the field
                own = {label_key(items[0][1].text), label_key(items[1][1].text)}
                self.indicators.read([(c, cell) for c, cell in items if label_key(cell.text) not in own], row)
                return
            if self.draft.has_indicators:
                return  # the repeated rows themselves
        if self.section == "indicators" and self.indicators is not None:
            if vocab.is_footnote(items[0][1].text):
                self.section = "end"
                return
            # a label merged down the table's left (整体绩效目标) heads no project's part of the table
            if (
                not self.draft.has_indicators
                and not items[0][1].merged
                and items[0][0] >= self.indicators.header.starts[0]
                and _opening_kind(items) in _HEADING_KINDS
            ):
                self.fields.read_heading(items)  # the project this part of the table is about, its goal
                return
            if self.inherited and not self.draft.has_indicators and _opens_own_fields(items):
                self.section, self.indicators, self.inherited = "fields", None, False
            elif not _fields_below_indicators(items):
                self.indicators.read(items, row)
                return
            else:
                self.section = "fields"
        if self.section == "tasks" and self.task_cols is not None:
            if (split := funds_sub_header(items, self.task_cols)) is not None:
                self.task_cols = split
                return
            first_kind = classify(items[0][1].text)
            leaves = first_kind in _LEAVE_TASKS or (first_kind == "group" and not items[0][1].merged)
            if not leaves or items[0][0] >= self.task_cols.first:
                self.state.task_label = read_task_row(  # type: ignore[assignment]  # returns key/other
                    row, self.task_cols, self.draft, self.state.task_label, self._unit()
                )
                return
            self.section = "fields"
        self.fields.read(items)

    def feed_boxed_value(self, label: Cell, value: Cell, number: int) -> None:
        """A label line and the one-cell table under it (:func:`perftable.extract.layout.labelled_cell`): a field of
        the form, read as the row label | value, whatever table was read before (a task table does not take it)."""
        if self.section in ("tasks", "indicators"):
            self.section = "fields"
        row = [label, value]
        self.feed_row(row, distinct(row))
        self.tables.add(number)

    def _indicator_header(self, header: TableHeader, above: Items, items: Items) -> None:
        """A new indicator table, or the header of the one in force repeated (a page break): skipped, the level
        names in force carry on. Goal labels in a row of period labels above it name the table, not goals."""
        if is_label_row(above) and any(classify(cell.text) in ("goal", "long_goal") for _, cell in above):
            self.state.pending_goals, self.state.pending_goal_labels = {}, {}
        if self.section == "indicators" and self.indicators is not None and self.indicators.continues(header):
            return
        self.section = "indicators"
        self.indicators = IndicatorTable(self.draft, header, items[0][1].location())
        self.draft.locations.setdefault("indicators", items[0][1].location())

    def _note_task_label(self, row: list[Cell], before: int) -> None:
        for cell in row[:before]:
            kind = classify(cell.text)
            if kind in ("key_tasks", "other_tasks"):
                self.state.task_label = "key" if kind == "key_tasks" else "other"

    def _unit(self) -> MoneyUnit:
        return self.state.block_unit or self.state.form_unit or "万元"
