"""What ``perftable diff`` finds: changes between two versions of a table, as data (formats serialise it).

The JSON of a :class:`DiffReport` is a public contract like the document model: ``{"old", "new", "tables":
[{"old", "new", "changes": [{"section", "kind", "key", "old", "new", "detail", "similarity", "fields", …}]}]}``.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Literal

from pydantic import Field

from perftable.messages import Lang
from perftable.model import Location, Record

Section = Literal[
    "table", "document", "info", "budget", "tasks", "indicators", "long_term_indicators", "goals"
]
ChangeKind = Literal["added", "removed", "changed", "renamed"]
SECTIONS: tuple[Section, ...] = (
    "table",
    "document",
    "info",
    "budget",
    "tasks",
    "indicators",
    "long_term_indicators",
    "goals",
)
KINDS: tuple[ChangeKind, ...] = ("changed", "renamed", "added", "removed")
SECTION_NAMES = {
    "table": "表",
    "document": "表头",
    "info": "基本信息",
    "budget": "预算",
    "tasks": "任务",
    "indicators": "指标",
    "long_term_indicators": "中长期指标",
    "goals": "目标",
}


class FieldChange(Record):
    """One field of a matched item that changed: ``value`` 240户 -> 260户 (``detail``: ``+20``)."""

    field: str
    old: str | None = None
    new: str | None = None
    detail: str | None = Field(
        default=None, description="The change in numbers: +20, +21.45 (+7.70%), +181天"
    )
    old_number: Decimal | None = Field(
        default=None, description="The old amount or number (a number in JSON)"
    )
    new_number: Decimal | None = Field(default=None, description="The new one, in the old one's unit")
    delta: Decimal | None = Field(default=None, description="new_number - old_number; days for a date")
    unit: str | None = Field(default=None, description="The unit of the three: 万元, 户, 天 …")


class Change(Record):
    section: Section
    kind: ChangeKind
    key: str = Field(
        description="What changed: a budget key, a task name, 一级/二级/三级 of an indicator, 目标2"
    )
    old: str | None = Field(default=None, description="The old value (or name, for a rename)")
    new: str | None = None
    detail: str | None = Field(default=None, description="A readable summary: 240户 → 260户, +20")
    similarity: float | None = Field(
        default=None, description="For a renamed item: how alike the names are (0-1)"
    )
    fields: list[FieldChange] = Field(default_factory=list)
    old_index: int | None = Field(default=None, description="Index in the old table's list (budget, tasks …)")
    new_index: int | None = None
    old_location: Location | None = None
    new_location: Location | None = None


class DocumentDiff(Record):
    """The changes between two tables."""

    old: str = Field(description="The old table: file, and project or department")
    new: str
    changes: list[Change] = Field(default_factory=list)

    @property
    def equal(self) -> bool:
        return not self.changes

    def counts(self) -> dict[str, Counter[str]]:
        """Changes per section and kind, sections in the form's order."""
        counts: dict[str, Counter[str]] = {}
        for change in self.changes:
            counts.setdefault(change.section, Counter())[change.kind] += 1
        return {section: counts[section] for section in SECTIONS if section in counts}


class DiffReport(Record):
    old: str
    new: str
    tables: list[DocumentDiff] = Field(default_factory=list)

    @property
    def equal(self) -> bool:
        return all(table.equal for table in self.tables)

    def summary(self, lang: Lang = "zh") -> str:
        """``预算 修改 2；指标 改名 1、新增 2`` (``budget 2 changed; indicators 1 renamed, 2 added``), or ``无差异``
        (``no changes``): one language."""
        totals: dict[str, Counter[str]] = {}
        for table in self.tables:
            for section, counter in table.counts().items():
                totals.setdefault(section, Counter()).update(counter)
        words = SUMMARY_WORDS[lang]
        if not totals:
            return words["none"]
        parts = []
        for section in SECTIONS:
            if section in totals:
                counts = [(kind, totals[section][kind]) for kind in KINDS if totals[section][kind]]
                if lang == "zh":
                    kinds = "、".join(f"{KIND_NAMES[lang][kind]} {n}" for kind, n in counts)
                else:
                    kinds = ", ".join(f"{n} {KIND_NAMES[lang][kind]}" for kind, n in counts)
                parts.append(f"{SECTION_TITLES[lang][section]} {kinds}")
        return words["join"].join(parts)


SECTION_TITLES: dict[str, dict[str, str]] = {
    "zh": SECTION_NAMES,
    "en": {
        "table": "tables",
        "document": "header",
        "info": "basic information",
        "budget": "budget",
        "tasks": "tasks",
        "indicators": "indicators",
        "long_term_indicators": "long-term indicators",
        "goals": "goals",
    },
}
KIND_NAMES: dict[str, dict[str, str]] = {
    "zh": {"changed": "修改", "renamed": "改名", "added": "新增", "removed": "删除"},
    "en": {"changed": "changed", "renamed": "renamed", "added": "added", "removed": "removed"},
}
SUMMARY_WORDS: dict[str, dict[str, str]] = {
    "zh": {"none": "无差异", "join": "；"},
    "en": {"none": "no changes", "join": "; "},
}
