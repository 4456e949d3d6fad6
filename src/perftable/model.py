"""The public data model: one 绩效目标表 as typed pydantic objects.

The JSON these models serialise to is a public contract (users script against it): field names are stable,
amounts are Decimals written as strings, and every value read from a file carries a :class:`Location`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from typing import Any, Literal, Required

from pydantic import BaseModel, ConfigDict, Field, SerializationInfo, model_serializer
from typing_extensions import TypedDict

from perftable.messages import render as render_message

Kind = Literal["department", "project"]
Layout = Literal["form", "listing"]
IndicatorLayout = Literal["tree", "flat", "none"]
ComparatorSource = Literal["value", "column"]
Section = Literal["key", "other"]
Comparator = Literal["≥", "≤", "=", ">", "<", "≈"]
Change = Literal["increase", "decrease"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, defer_build=True)


class LocationJSON(TypedDict, total=False):
    """A :class:`Location` as JSON: the fields that apply (``file`` always)."""

    file: Required[str]
    line: int
    column: int
    sheet: str
    cell: str
    page: int
    table: int
    row: int


class Location(Record):
    """Where a value came from.

    Text formats (markdown, csv, html) give ``line`` and ``column`` (both 1-based, the column counted in
    characters); spreadsheets give ``sheet`` and ``cell`` (like ``"C5"``); Word and PDF documents give ``table`` or
    ``page`` with ``row`` and ``column``. Fields that do not apply are left out of the JSON.
    """

    file: str
    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    cell: str | None = None
    page: int | None = None
    table: int | None = None
    row: int | None = None

    @model_serializer(mode="wrap", return_type=LocationJSON)
    def _drop_empty(self, handler: Any) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        return {key: value for key, value in data.items() if value is not None}

    def sort_key(self) -> tuple[str, str, int, int, int]:
        """A key that orders locations the way a reader meets them in the file."""
        row, col = (self.line or self.row or 0), (self.column or 0)
        if self.cell:
            row, col = cell_position(self.cell)
        return (self.file, self.sheet or "", self.page or self.table or 0, row, col)

    @property
    def position(self) -> str:
        """Where in the file: ``12:5`` for text, ``Sheet!C5`` for spreadsheets, ``p3:r2:c4`` for paged documents."""
        if self.cell is not None:
            return f"{self.sheet}!{self.cell}" if self.sheet else self.cell
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"p{self.page}")
        if self.table is not None:
            parts.append(f"t{self.table}")
        if self.line is not None:
            parts.append(str(self.line))
        if self.row is not None:
            parts.append(f"r{self.row}")
        if self.column is not None:
            parts.append(str(self.column) if self.line is not None else f"c{self.column}")
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.file}:{self.position}" if self.position else self.file


@lru_cache(maxsize=4096)  # every sort of a spreadsheet's findings and repairs asks, for the same few cells
def cell_position(ref: str) -> tuple[int, int]:
    """``"C5"`` -> ``(5, 3)`` (1-based row, column)."""
    letters = "".join(ch for ch in ref if ch.isalpha())
    digits = "".join(ch for ch in ref if ch.isdigit())
    col = 0
    for ch in letters.upper():
        col = col * 26 + (ord(ch) - 64)
    return (int(digits) if digits else 0, col)


class Target(Record):
    """The parsed meaning of an indicator value such as ``≥90%``, ``600元/户`` or ``2024年12月31日前``.

    ``≈`` is an approximate value (``约200人``, ``200人左右``); a range (``90%-95%``, ``≥90%且≤95%``) has
    ``number`` and ``number_max``; a change from the present level (``提高5个百分点``) has ``change``.
    Immutable: equal values share one parsed Target.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    comparator: Comparator | None = None
    number: Decimal | None = None
    number_max: Decimal | None = Field(default=None, description="Upper bound of a range such as 90-95%")
    unit: str | None = Field(
        default=None, description="Normalised unit of the value itself: 万元, 元, %, 个, 户 …"
    )
    per: str | None = Field(default=None, description='Denominator of a rate: "户" in 600元/户, "人·月"')
    date: dt.date | None = None
    qualitative: str | None = Field(default=None, description="A qualitative target: 是, 有所提高, 及时 …")
    change: Change | None = Field(
        default=None,
        description="A change from the present level, not a level: 提高5个百分点 is an increase of 5",
    )

    @property
    def is_quantitative(self) -> bool:
        return self.number is not None or self.date is not None

    @property
    def is_empty(self) -> bool:
        return not (self.is_quantitative or self.qualitative)


class BudgetLine(Record):
    label: str = Field(description="The label as printed, cleaned of spaces and full-width forms")
    key: str = Field(
        description="Canonical slug: basic, project, total, fiscal, other_funds, annual_total …; source (total_source "
        "under a project's all-years total) for a funding source the vocabulary does not name, kept under its label"
    )
    amount: Decimal | None = Field(description="None when the cell is empty or not a number")
    value: str = Field(
        default="", description="The amount cell as printed, with any note (100（含上年结转20）)"
    )
    unit: Literal["万元", "元", "亿元"] = "万元"
    location: Location


class Task(Record):
    section: Section
    number: int | None = Field(default=None, description="The task's printed number (任务3 -> 3)")
    name: str
    content: str = ""
    funds: Decimal | None = None
    unit: Literal["万元", "元", "亿元"] = "万元"
    target: str = ""
    info: dict[str, str] = Field(
        default_factory=dict,
        description="Further columns, keyed by their header; 资金说明: a note printed after the funds (50（暂定）)",
    )
    location: Location


LevelKey = Literal["level1", "level2"]


class Indicator(Record):
    level1: str = Field(
        description="Canonical level-1 name (产出指标, 效益指标, 满意度指标, 成本指标) or as printed"
    )
    level2: str = Field(description="Canonical level-2 name (数量指标, 社会效益指标 …) or as printed")
    name: str
    value: str = Field(description="The value as written; empty when it was lost")
    unit: str | None = Field(default=None, description="Unit from the name '(个)' or a 计量单位 column")
    target: Target = Field(default_factory=Target)
    comparator_source: ComparatorSource | None = Field(
        default=None,
        description="Where the target's comparator was printed: in the value (≥90%) or in a column of its own "
        "(指标性质, 计算符号)",
    )
    weight: Decimal | None = Field(
        default=None, description="The indicator's weight or score (指标权重, 分值)"
    )
    info: dict[str, str] = Field(
        default_factory=dict, description="Further columns: 指标值类型, 指标解释, 分值 …"
    )
    location: Location
    level_locations: dict[LevelKey, Location] = Field(
        default_factory=dict,
        description="Where the level-1 and level-2 names were printed: the cell of a name merged or carried down "
        "over this row; none for a name inferred from another (满意度指标 from 服务对象满意度指标)",
    )


class RepairJSON(TypedDict):
    """A :class:`Repair` as JSON: its data and its message in the language the serialisation context asks for."""

    code: Literal["P002", "P003"]
    kind: str
    message: str
    params: dict[str, str]
    location: LocationJSON


def _lang(context: dict[str, Any]) -> Literal["zh", "en"]:
    return "en" if context.get("lang") == "en" else "zh"


class Repair(Record):
    """Something the reader had to repair. P002: keeps the meaning; P003: could change it.

    A repair is data (its ``kind``, ``params`` and location); its text comes from the message catalog when it is
    shown: ``message`` in Chinese, :meth:`text` in either language, and JSON in English with
    ``model_dump_json(context={"lang": "en"})``.
    """

    code: Literal["P002", "P003"]
    kind: str = Field(description="Stable id of the repair, e.g. carried-down, realigned-row")
    params: dict[str, str] = Field(default_factory=dict)
    location: Location

    def text(self, lang: Literal["zh", "en"] = "zh") -> str:
        """The repair as a sentence, from the message catalog."""
        return render_message(self.kind, self.params, lang)

    @property
    def message(self) -> str:
        return self.text()

    @model_serializer(mode="wrap", return_type=RepairJSON)
    def _with_message(self, handler: Any, info: SerializationInfo) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        context = info.context if isinstance(info.context, dict) else {}
        return {
            "code": data["code"],
            "kind": data["kind"],
            "message": self.text(_lang(context)),
            **{key: value for key, value in data.items() if key not in ("code", "kind")},
        }


class ScoreRange(Record):
    low: Decimal
    high: Decimal


class Scoring(Record):
    """The scores a scored form prints (重庆 审批表, 分值/权重 columns): the indicators' total (``年度绩效目标(90分)``),
    the range each level-1 may take (``成本指标(0-20)分``) and the budget-execution score (``预算执行 10分``).
    Each indicator's own score stays in its ``info`` (分值, 权重)."""

    total: Decimal | None = None
    groups: dict[str, ScoreRange] = Field(default_factory=dict)
    budget_execution: Decimal | None = None
    location: Location | None = None


class Document(Record):
    kind: Kind
    layout: Layout = Field(
        default="form",
        description="How the table is printed: a form of its own, or one project of a listing that holds many "
        "(预算表12, 重点项目绩效目标情况, 一般性项目绩效目标表)",
    )
    indicator_layout: IndicatorLayout = Field(
        default="tree",
        description="tree: indicators under level-1/level-2 categories (in columns, run together in one cell, or "
        "coded); flat: indicator names with no categories printed; none: the table prints no indicators (a "
        "listing of goals)",
    )
    title: str | None = None
    year: int | None = None
    department: str | None = None
    project: str | None = None
    info: dict[str, str] = Field(default_factory=dict)
    blank_fields: list[str] = Field(
        default_factory=list, description="Header fields the form prints with no value (their labels)"
    )
    budget: list[BudgetLine] = Field(default_factory=list)
    goals: list[str] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    indicators: list[Indicator] = Field(
        default_factory=list, description="The annual indicators (the ones rules check)"
    )
    long_term_indicators: list[Indicator] = Field(
        default_factory=list,
        description="Mid- or long-term indicators (中期, 长期, 实施期) a form prints beside or above the annual ones",
    )
    warnings: list[Repair] = Field(default_factory=list)
    source: Location = Field(description="The file, and the sheet/page/line where the table starts")
    page_range: tuple[int, int] | None = Field(
        default=None, description="The first and last page the table is printed on (paged documents)"
    )
    format: str = Field(description="The reader that read it: markdown, html, xlsx, xls, ods, csv …")
    locations: dict[str, Location] = Field(
        default_factory=dict,
        description="Where title, year, department, project, goals and info fields were read",
    )
    scoring: Scoring | None = Field(default=None, description="Scores printed on scored forms, if any")

    def budget_line(self, key: str) -> BudgetLine | None:
        """The first budget line with this key, or None."""
        return next((line for line in self.budget if line.key == key), None)

    def amount(self, key: str) -> Decimal | None:
        line = self.budget_line(key)
        return line.amount if line else None


def rebuild_models() -> None:
    """Build the deferred pydantic schemas (done lazily on first use; call to pay the cost up front)."""
    for model in (Location, Target, BudgetLine, Task, Indicator, Repair, ScoreRange, Scoring, Document):
        model.model_rebuild()
