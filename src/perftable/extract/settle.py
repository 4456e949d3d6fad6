"""A finished :class:`~perftable.extract.draft.Draft` made into a :class:`~perftable.model.Document`: the settle
steps that need the whole form (periods of indicator groups, task sections) run here, once."""

from __future__ import annotations

import re

from perftable import vocab
from perftable.extract.draft import Draft
from perftable.extract.periods import settle_periods
from perftable.extract.tasks import settle_sections
from perftable.model import Document, Indicator, Location, Repair


def _filled(draft: Draft, label: str) -> bool:
    """A blank label that another row filled after all (a label printed twice; a budget label whose line was read
    from another row, a head over sub-heads: 财政拨款 over 合计 | 基本支出 | 项目支出 is filled by its 合计)."""
    return (
        (label in ("部门名称", "单位名称") and bool(draft.department))
        or (label == "项目名称" and bool(draft.project or _project_sheet(draft)))
        or any(
            line.amount is not None and (line.label == label or line.key == vocab.budget_key(label))
            for line in draft.budget
        )
    )


def _row_of(location: Location) -> tuple[object, ...]:
    """The printed row a location is in (a repair points at the level-1 cell, the indicator at its name cell)."""
    cell_row = location.cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if location.cell else None
    return (
        location.file,
        location.sheet,
        location.page,
        location.table,
        location.line,
        location.row,
        cell_row,
    )


_COST_LEVEL2 = frozenset({"经济成本指标", "社会成本指标", "生态环境成本指标"})


def settle_cost_level(draft: Draft, indicators: list[Indicator]) -> tuple[list[Indicator], list[Repair]]:
    """成本指标 is a level-2 under 产出指标 in the 2015 layout and a level-1 of its own in the 2021 one; where a row's
    level-1 was left empty, the table decides which, once, from what it prints elsewhere (a 成本指标 level-1 or
    its 经济/社会/生态环境成本指标 level-2s: the 2021 layout). Returns the indicators, those rows' level-1 set so,
    and the draft's repairs with the level-1 each inference chose."""
    inferred = {_row_of(repair.location) for repair in draft.warnings if _infers_cost(repair)}
    if not inferred:
        return indicators, draft.warnings
    printed = [i for i in indicators if _row_of(i.location) not in inferred]
    layout_2021 = any(i.level1 == "成本指标" or i.level2 in _COST_LEVEL2 for i in printed)
    level1 = "成本指标" if layout_2021 else "产出指标"
    out = [
        i.model_copy(update={"level1": level1})
        if _row_of(i.location) in inferred and i.level1 != level1
        else i
        for i in indicators
    ]
    repairs = [
        repair.model_copy(update={"params": {**repair.params, "level1": level1}})
        if _infers_cost(repair)
        else repair
        for repair in draft.warnings
    ]
    return out, repairs


def _infers_cost(repair: Repair) -> bool:
    return repair.kind == "level1-inferred" and repair.params.get("level2") == "成本指标"


# A unit's code printed before its name: [205]临江市教育局, 【205001】…, 205001-临江市教育局本级, 205001 临江市…
_UNIT_CODE = re.compile(
    r"^\s*(?:[\[【(（]\s*(?P<bracketed>\d{3,15})\s*[\]】)）]|(?P<bare>\d{3,15})\s*[-—_－:：\s])\s*(?=[\u4e00-\u9fff])"
)
# … or after it, in brackets: 某县民政局（101） (主管部门及代码).
_UNIT_CODE_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])\s*[\[【(（]\s*(?P<code>\d{3,15})\s*[\]】)）]\s*$")
UNIT_CODE = "单位编码"  # the info key a unit's code goes to


def settle_department(draft: Draft) -> tuple[str | None, dict[str, str], dict[str, Location]]:
    """The department: the one a field gives (a code printed before or after its name goes to ``info['单位编码']``), else
    the unit the title names before its year (``津南区市场监督管理局2025年项目支出绩效目标表``), located at the
    title. Returns it with the draft's info and locations, completed so."""
    department, info, locations = draft.department, draft.info, draft.locations
    if department and (code := _UNIT_CODE.match(department)):
        info = {**info, UNIT_CODE: code["bracketed"] or code["bare"]} if UNIT_CODE not in info else info
        department = department[code.end() :]
    elif department and (after := _UNIT_CODE_AFTER.search(department)):
        info = {**info, UNIT_CODE: after["code"]} if UNIT_CODE not in info else info
        department = department[: after.start()]
    if department or not draft.title or (unit := vocab.unit_in_title(draft.title)) is None:
        return department, info, locations
    title_at = locations.get("title")
    return unit, info, {**locations, "department": title_at} if title_at else locations


def settle_project(
    draft: Draft, kind: str, locations: dict[str, Location]
) -> tuple[str | None, dict[str, Location]]:
    """The project: the one a field gives, else, on a project form, the line printed just above its table that
    names something (an HTML table's ``<caption>``, a heading such as ``农村饮水安全巩固提升工程``), else the name of
    the sheet the form fills when the sheet is named after it."""
    if draft.project or kind != "project":
        return draft.project, locations
    if draft.heading is not None:
        text, cell = draft.heading
        return text, {**locations, "project": cell.location()}
    if (sheet := _project_sheet(draft)) is not None:
        return sheet, {**locations, "project": draft.start.location()}
    return None, locations


# Sheet names that name no project: Sheet1, 表3, 工作表2, 附件1, a number, a table's own title.
_GENERIC_SHEET = re.compile(r"^(?:sheet|表|工作表|附件|附表)?\s*[\d一二三四五六七八九十]*$", re.IGNORECASE)


# Words of a sheet named after a kind of table, not a project: 项目支出, 部门整体绩效目标, 汇总, 封面, 填报说明.
_TABLE_WORDS = (
    "绩效",
    "项目支出",
    "部门整体",
    "目标",
    "汇总",
    "封面",
    "说明",
    "填报",
    "预算",
    "附件",
    "附表",
)


def _project_sheet(draft: Draft) -> str | None:
    """**A sheet named after its project** (one sheet a project, the 项目名称 cell left blank): the sheet's name,
    unless it is a generic one or a table's title."""
    sheet = draft.start.origin.sheet
    if sheet is None or _GENERIC_SHEET.match(sheet.strip()) or vocab.is_title(sheet):
        return None
    if any(word in sheet for word in _TABLE_WORDS):
        return None
    return sheet.strip()


def document_of(draft: Draft, fmt: str) -> Document:
    """The document a draft holds (``fmt``: the reader's format name)."""
    indicators, long_term = settle_periods(draft)
    indicators, repairs = settle_cost_level(draft, indicators)
    department, info, locations = settle_department(draft)
    kind = draft.kind or ("project" if draft.project else "department")
    project, locations = settle_project(draft, kind, locations)
    return Document(
        kind=kind,
        layout=draft.layout,
        indicator_layout=draft.indicator_layout or "tree",
        title=draft.title,
        year=draft.year,
        department=department,
        project=project if kind == "project" else None,
        info=info if kind == "project" or not draft.project else {"项目名称": draft.project, **info},
        blank_fields=[f for f in draft.blank_fields if f not in draft.info and not _filled(draft, f)],
        budget=draft.budget or ([draft.task_total] if draft.task_total else []),
        goals=draft.goals,
        tasks=settle_sections(draft),
        indicators=indicators,
        long_term_indicators=long_term,
        warnings=sorted(repairs, key=lambda repair: repair.location.sort_key()),
        source=draft.start.location(),
        page_range=draft.pages,
        format=fmt,
        locations=locations,
        scoring=draft.scores.result(),
    )
