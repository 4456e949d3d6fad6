"""What a whole file says about the tables in it: the department and the year.

A 部门预算 disclosure names its department and year on its cover (``2026年深圳市信访局部门预算``, ``重庆市水利局
2026年部门预算情况说明``, a cover broken over lines: ``2026年`` / ``珠海市…中心部门`` / ``预算``), in the
``单位名称：…`` / ``部门名称：…`` line over each budget table, and in its titles (``2026年部门整体绩效目标表``). A
table that prints neither (a project listing) takes them from here; a table that prints its own keeps its own.

The department is the most frequent value of the labelled lines, else the cover's; the year the most frequent year
of titles and year lines, else the cover's. A file that prints no year over its tables (a listing published on
its own) has none: the years its text names (``完成2026年度…``, ``2024-2026年…``) are of what it plans, and
guessing from them would make the year checks report what is not there.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from perftable import vocab
from perftable.extract.draft import distinct
from perftable.grid import Source, Table, TextLine
from perftable.values.cleaning import clean_text, label_key
from perftable.values.patterns import YEAR

_COVER_LINES = 8  # lines of the first page read as its cover
_LABELLED = re.compile(r"^(?P<label>[^:：]{2,10})[:：]\s*(?P<value>.+)$")
# 2026年深圳市信访局部门预算 / 重庆市水利局2026年部门预算情况说明 / 北京市信访办公室2026年度部门预算; never a web page's
# breadcrumb (当前位置：首页 > 政务公开 > 预算公开): a name holds no colon, arrow or slash
_COVER = re.compile(
    rf"^(?:(?P<year1>{YEAR})年度?)?(?P<name>[^\d:：>＞|｜/]{{3,40}}?)(?:(?P<year2>{YEAR})年度?)?(?:部门|单位)?"
    r"(?:预算|决算)(?:情况说明|公开|报告)?$"
)
_FIELD_GAP = re.compile(r"\s{2,}")
# How the name of a budget unit ends: 局, 委员会, 办公室, 中心, 医院 … (a value that ends otherwise, such as a
# column header or a 合计 row read as a field, is not a department).
_UNIT_END = re.compile(
    r"(局|委员会|委|办公室|办|中心|院|所|站|队|馆|校|学|会|部|厅|处|室|社|团|司|署|政府|集团|公司|街道|镇|乡|村|台|场|园|监狱|"
    r"馆|宫|库|厂|段|团|网|报社|出版社)(?:\(本级\)|（本级）)?$"
)


def is_unit_name(text: str) -> bool:
    """True when a text reads as the name of a budget unit (``重庆市水利局``, ``首都绿化委员会办公室``)."""
    return bool(_UNIT_END.search(label_key(text)))


@dataclass(frozen=True, slots=True)
class FileContext:
    """The department and year a file names, for the tables that print none of their own."""

    department: str | None = None
    year: int | None = None


def _labelled_departments(lines: list[str]) -> Counter[str]:
    found: Counter[str] = Counter()
    for line in lines:
        for piece in _FIELD_GAP.split(line.strip()):
            match = _LABELLED.match(piece.strip())
            if match and label_key(match["label"]) in vocab.DEPARTMENT_LABELS:
                value = clean_text(match["value"])
                value = re.split(r"\s|单位[:：]|金额单位", value)[0].strip()
                if 2 <= len(value) <= 40 and not any(ch.isdigit() for ch in value) and is_unit_name(value):
                    found[value] += 1
    return found


def labelled_department(lines: list[str]) -> str | None:
    """The department the labelled lines name (``部门名称：某局``), the most frequent; None when none does."""
    found = _labelled_departments(lines)
    return found.most_common(1)[0][0] if found else None


def _cover(lines: list[str]) -> tuple[str | None, int | None]:
    joined = label_key("".join(lines))
    for end in range(len(lines), 0, -1):
        key = label_key("".join(lines[:end]))
        match = _COVER.match(key)
        if match:
            year = match["year1"] or match["year2"]
            return match["name"].strip("（）()") or None, int(year) if year else None
    return None, vocab.year_in(joined)


def _table_departments(source: Source) -> Counter[str]:
    """Departments a table prints as a field: a 部门名称 cell and the value after it (not a column header followed
    by other headers)."""
    found: Counter[str] = Counter()
    for block in source.blocks:
        if not isinstance(block, Table):
            continue
        for row in block.rows[:12]:
            items = distinct(row)
            for (_, label), (_, value) in itertools.pairwise(items):
                if label_key(label.text) not in vocab.DEPARTMENT_LABELS:
                    continue
                text = clean_text(value.text)
                plain = vocab.header(text).role is None and not any(c.isdigit() for c in text)
                if 2 <= len(text) <= 40 and plain and is_unit_name(text):
                    found[text] += 1
    return found


def file_context(source: Source) -> FileContext:
    """The department and year of a file (see the module docstring)."""
    lines = [block.text for block in source.blocks if isinstance(block, TextLine)]
    first_page = _first_page_lines(source)
    departments = _labelled_departments(lines) + _table_departments(source)
    cover_department, cover_year = _cover(first_page)
    department = departments.most_common(1)[0][0] if departments else cover_department
    years: Counter[int] = Counter()
    heads = [cell.text for block in source.blocks if isinstance(block, Table) for row in block.rows[:3]
             for _, cell in distinct(row)]  # fmt: skip
    # a workbook may name the year only in its sheets' names (a sheet called 2026年项目支出绩效目标)
    sheets = {sheet for block in source.blocks if isinstance(block, Table) and block.rows and block.rows[0]
              and (sheet := block.rows[0][0].origin.sheet)}  # fmt: skip
    for line in [*lines, *heads, *sorted(sheets)]:
        if vocab.is_title(line) or vocab.is_year_line(line) or vocab.is_target_heading(line):
            year = vocab.year_in(line)
            if year:
                years[year] += 1
    year = years.most_common(1)[0][0] if years else cover_year
    return FileContext(department, year)


def _first_page_lines(source: Source) -> list[str]:
    """The text lines a file starts with (its cover): up to the first table or the end of the first page."""
    lines: list[str] = []
    page: int | None = None
    for block in source.blocks:
        if isinstance(block, Table):
            break
        assert isinstance(block, TextLine)
        if page is None:
            page = block.cell.origin.page
        if block.cell.origin.page != page or len(lines) >= _COVER_LINES:
            break
        lines.append(block.text)
    return lines
