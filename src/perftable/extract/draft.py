"""The document being built from rows, and the helpers every part of the extractor shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from perftable.extract.scores import ScoreCollector
from perftable.grid import Cell
from perftable.messages import REPAIR_CODES
from perftable.model import BudgetLine, Indicator, Location, Repair, Task
from perftable.values.cleaning import clean_text, was_broken
from perftable.values.numbers import AmountError, AmountReading, read_amount

_WHITE = re.compile(r"\s+")


Items = list[tuple[int, Cell]]


_DIGIT_BREAK = re.compile(r"\d[ \t]*+\n\s*+\d")


def _digits_across_lines(cell: Cell) -> bool:
    """Digits on both sides of a line break the author (not a PDF's layout) put in a cell: ``278<br>55`` joins to
    27855, which may be one number broken or two numbers (``100<br>200``)."""
    return not cell.origin.laid_out and "\n" in cell.text and _DIGIT_BREAK.search(cell.text) is not None


def _shown_breaks(text: str) -> str:
    return text.strip().replace("\n", "↵")[:40]


def distinct(row: list[Cell]) -> Items:
    """The non-empty cells of a row with their column index, a horizontally merged area counted once."""
    out: list[tuple[int, Cell]] = []
    previous: Cell | None = None
    for col, cell in enumerate(row):
        if cell.text.strip() and not (
            previous is not None
            and cell.merged
            and cell.pos == previous.pos
            and cell.origin is previous.origin
        ):
            out.append((col, cell))
        previous = cell
    return out


@dataclass
class PendingTask:
    """A task row read before sections are settled by numbering."""

    task: Task
    label_section: Literal["key", "other"]
    cell: Cell


@dataclass
class IndicatorGroup:
    """The indicators of one indicator table, or of one column group of a table that prints two periods side by
    side, with the period its labels say (``annual``, ``long``, ``overall`` or None when nothing says)."""

    table: int
    label: str | None
    header: Location
    indicators: list[Indicator] = field(default_factory=list)


# The supervising department of a project (not 业务主管部门, the sector's authority beside the budget unit), and the
# labels of a unit that reports the form (often the implementing unit) which give way to it.
_SUPERVISING = frozenset(
    {"主管部门", "项目主管部门", "主管预算部门", "主管部门及代码", "主管部门及编码", "主管部门及其编码"}
)
_REPORTING_UNIT = frozenset({"单位名称", "填报单位", "申报单位", "编制单位"})


def _supervises(label: str | None) -> bool:
    """A label of a supervising department: 主管部门, 项目主管部门, 市级主管部门, 主管部门及代码 …"""
    return label is not None and "主管" in label


def _is_own_name(label: str) -> bool:
    """A label naming the unit a department form is for: 单位名称, 部门名称, 预算单位, 部门(单位)名称, 填报单位 …"""
    return not _supervises(label) and ("单位" in label or "部门" in label)


@dataclass
class Draft:
    """Everything read so far for one form."""

    start: Cell
    title: str | None = None
    year: int | None = None
    kind: str | None = None
    department: str | None = None
    project: str | None = None
    info: dict[str, str] = field(default_factory=dict)
    blank_fields: list[str] = field(default_factory=list)
    budget: list[BudgetLine] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    tasks: list[PendingTask] = field(default_factory=list)
    indicator_groups: list[IndicatorGroup] = field(default_factory=list)
    warnings: list[Repair] = field(default_factory=list)
    locations: dict[str, Location] = field(default_factory=dict)
    self_evaluation: bool = False
    scores: ScoreCollector = field(default_factory=ScoreCollector)
    layout: Literal["form", "listing"] = "form"
    indicator_layout: Literal["tree", "flat", "none"] | None = None  # None: decided from the indicators read
    pages: tuple[int, int] | None = None
    department_label: str | None = None  # the label the department was read under (主管部门, 单位名称 …)
    # a short line printed just above the form that names something (a table's caption, a project's heading)
    heading: tuple[str, Cell] | None = None
    # the total row of the task table (金额合计), the form's total when it prints no budget block
    task_total: BudgetLine | None = None

    def note_page(self, cell: Cell) -> None:
        """Widen the pages the form is printed on to the page of this cell (paged documents only)."""
        page = cell.origin.page
        if page is not None:
            self.pages = (min(self.pages[0], page), max(self.pages[1], page)) if self.pages else (page, page)

    @property
    def has_indicators(self) -> bool:
        for group in self.indicator_groups:  # noqa: SIM110  # a loop is faster than any(): asked for every row
            if group.indicators:
                return True
        return False

    @property
    def has_content(self) -> bool:
        return bool(
            self.budget or self.tasks or self.has_indicators or self.goals or self.department or self.project
        )

    @property
    def recognised(self) -> bool:
        """True when this is a 绩效目标表: it has indicators, a budget block with goals, tasks or a title, or a
        title, a department (or project) and goals."""
        if self.self_evaluation:
            return False
        if self.has_indicators:
            return True
        if self.budget and (self.goals or self.tasks or self.title):
            return True
        # a titled form that names its department or project and states goals, with no amount or indicator
        return bool(self.title and (self.department or self.project) and self.goals)

    def repair(self, kind: str, cell: Cell, **params: str) -> None:
        """Record a repair (its code is the kind's, from :data:`~perftable.messages.REPAIR_CODES`)."""
        self.warnings.append(
            Repair(
                code=REPAIR_CODES[kind],
                kind=kind,
                params=params,
                location=cell.location(),
            )
        )

    def amount_of(self, printed: str, cell: Cell) -> AmountReading | None:
        """An amount cell read, recording what reading it took (digits split by a blank, an amount printed
        twice, digits joined across a line break); None when it is not an amount."""
        try:
            reading = read_amount(printed)
        except AmountError:
            if printed.startswith("=") and cell.origin.kind == "sheet":
                self.repair("formula-without-value", cell, text=printed[:60])
            return None
        for kind in reading.repairs:
            self.repair(kind, cell, text=printed[:40], amount=f"{reading.amount}")
        if _digits_across_lines(cell):
            self.repair("digits-joined", cell, text=_shown_breaks(cell.text), joined=printed[:40])
        return reading

    def text_of(self, cell: Cell) -> str:
        """A cell's text as it enters the model: broken lines joined, recording the repair (not for a PDF's
        layout wraps, which every long cell has)."""
        text = clean_text(cell.text)
        if not cell.merged and not cell.origin.laid_out:
            if _digits_across_lines(cell):  # 100<br>200: two numbers, or one broken? a person should look
                self.repair("digits-joined", cell, text=_shown_breaks(cell.text), joined=text[:40])
            elif was_broken(cell.text):
                self.repair("joined-lines", cell, text=text)
            elif text != cell.text.strip() and _WHITE.sub("", text) == _WHITE.sub("", cell.text):
                self.repair("stray-spaces", cell, text=text)
        return text

    def set_field(self, name: str, value: str, cell: Cell) -> None:
        """Set title/department/project once (the first printed value wins) and remember where it came from."""
        if getattr(self, name) is None and value:
            setattr(self, name, value)
            self.locations[name] = cell.location()

    def add_listed_tasks(self, items: list[str], cell: Cell, section: Literal["key", "other"]) -> None:
        """Tasks written as a numbered list in one cell (``（1）稳定粮食生产…；（2）新建高标准农田…``): one task
        per item, its text as the name, numbered as printed."""
        for number, item in enumerate(items, start=1):
            task = Task(section=section, number=number, name=item, location=cell.location())
            self.tasks.append(PendingTask(task, section, cell))

    def set_department(self, label: str, value: str, cell: Cell) -> None:
        """The department from a labelled field. On a project form the supervising department (主管部门) is the
        form's department: a unit named by a weaker label (单位名称, 填报单位, 申报单位 …, often the implementing
        unit printed above the form) gives way to it and is kept in ``info`` under its label. On a department form
        (部门整体, 单位整体) it is the other way round: the form's own name field (单位名称, 部门名称, 预算单位 …) is
        its department, and a supervising department printed before it (``主管部门：某县卫生健康局`` over a 下属单位's
        form) gives way and is kept in ``info``; any other department printed later does not replace the first."""
        if not value:
            return
        if self.department is None:
            self.set_field("department", value, cell)
            self.department_label = label
        elif self._gives_way_to(label):
            self._replace_department(label, value, cell)

    def _gives_way_to(self, label: str) -> bool:
        """True when the department read so far gives way to one read under ``label`` (see set_department)."""
        if self.kind == "project" or self.project is not None:
            return label in _SUPERVISING and self.department_label in _REPORTING_UNIT
        return self.kind == "department" and _is_own_name(label) and _supervises(self.department_label)

    def _replace_department(self, label: str, value: str, cell: Cell) -> None:
        """The department read under ``label`` replaces the one read before, which is kept in ``info``."""
        old = self.department_label
        if old is not None and self.department is not None and old not in self.info:
            self.add_info(old, self.department, cell)
            self.locations[f"info.{old}"] = self.locations["department"]
        self.department, self.department_label = value, label
        self.locations["department"] = cell.location()

    def add_info(self, label: str, value: str, cell: Cell) -> None:
        if label and value and label not in self.info:
            self.info[label] = value
            self.locations[f"info.{label}"] = cell.location()
