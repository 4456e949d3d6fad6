"""Property tests: the extractor survives any grid; amounts, targets and cell texts read back as printed."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from perftable.extract import NoTableError, extract
from perftable.grid import NULL_TEXTS, Cell, Origin, Source, Table
from perftable.readers.delimited import read_delimited
from perftable.readers.html import read_html
from perftable.readers.markdown import read_markdown
from perftable.spans import SpanCell, SpanGrid, to_csv, to_html, to_markdown
from perftable.values.numbers import format_amount, parse_amount
from perftable.values.targets import parse_target

ORIGIN = Origin("prop")
WORDS = [
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "产出指标",
    "数量指标",
    "效益指标",
    "社会效益指标",
    "满意度指标",
    "服务对象满意度指标",
    "成本指标",
    "部门名称",
    "项目名称",
    "基本支出",
    "项目支出",
    "财政拨款",
    "其他资金",
    "资金总额",
    "总体绩效目标",
    "年度重点工作任务",
    "名称",
    "拟投入的资金(万元)",
    "任务1: 甲",
    "任务1: 乙",
    "≥90%",
    "240户",
    "是",
    "2024年12月31日前",
    "1,273.72",
    "—",
    "备注：x",
    "2024年部门整体支出绩效目标表",
    "（2025年度）",
    "合计",
    "定量",
    "计量单位",
    "%",
    "其中：财政资金",
    "年度资金申请总额",
    "项目总目标",
    "实际完成值",
    "得分",
    "<br>",
    "|",
]
cell_text = st.one_of(st.sampled_from(WORDS), st.text(max_size=12), st.just(""))


def source(rows: list[list[str]]) -> Source:
    table = Table(
        [[Cell(text, (r + 1, c + 1), ORIGIN) for c, text in enumerate(row)] for r, row in enumerate(rows)]
    )
    return Source("prop", "markdown", [table.squared()])


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cell_text, min_size=1, max_size=8), min_size=1, max_size=25))
def test_any_grid_gives_documents_or_no_table(rows: list[list[str]]) -> None:
    try:
        documents = extract(source(rows))
    except NoTableError:
        return
    for document in documents:
        document.model_dump_json()  # every document serialises
        assert all(indicator.name or indicator.value for indicator in document.indicators)


amounts = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=4, allow_nan=False)


@given(amounts, st.booleans(), st.booleans())
def test_amounts_parse_back_to_what_was_printed(amount: Decimal, thousands: bool, full_width: bool) -> None:
    printed = format_amount(amount, thousands=thousands)
    if full_width:
        printed = printed.translate(str.maketrans("0123456789.,-", "０１２３４５６７８９．，－"))
    parsed = parse_amount(printed)
    assert parsed is not None and parsed[0] == amount


comparators = st.sampled_from(["", "≥", "≤", "=", ">", "<", ">=", "<=", "不低于", "不超过"])
units = st.sampled_from(["", "%", "户", "人", "万元", "元", "个", "天", "人次", "公里", "平方米"])
NORMAL = {">=": "≥", "<=": "≤", "不低于": "≥", "不超过": "≤", "": None}


@given(comparators, st.decimals(min_value=0, max_value=Decimal("1e9"), places=2, allow_nan=False), units)
def test_targets_parse_back_to_what_was_printed(comparator: str, number: Decimal, unit: str) -> None:
    target = parse_target(f"{comparator}{number}{unit}")
    assert target.comparator == NORMAL.get(comparator, comparator)
    assert target.number == number
    assert target.unit == (unit or None)


safe_text = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="|\\<>&`*_#"),
        max_size=10,
    )
    .map(str.strip)
    .filter(lambda text: text not in NULL_TEXTS)
)  # placeholders a data tool wrote read as empty


def grid_of(rows: list[list[str]]) -> SpanGrid:
    return [[SpanCell(text) for text in row] for row in rows]


rectangles = st.integers(1, 5).flatmap(
    lambda width: st.lists(st.lists(safe_text, min_size=width, max_size=width), min_size=2, max_size=6)
)


@given(rectangles)
@example([[""], ["$0$"]])  # a cell that reads as inline TeX: perftable writes its $ as an entity
@example([["$\\geq 90\\%$"], ["a__b__"]])
def test_markdown_cells_read_back(rows: list[list[str]]) -> None:
    (table,) = [b for b in read_markdown(to_markdown(grid_of(rows)), ORIGIN) if isinstance(b, Table)]
    assert [[cell.text for cell in row] for row in table.rows] == rows


@given(
    st.integers(1, 5).flatmap(
        lambda w: st.lists(st.lists(st.text(max_size=8), min_size=w, max_size=w), min_size=1, max_size=6)
    )
)
def test_csv_cells_read_back(rows: list[list[str]]) -> None:
    rows = [[text.replace("\r", "") for text in row] for row in rows]
    blocks = read_delimited(to_csv(grid_of(rows)), ORIGIN, ",")
    kept = [[t.strip() if t.strip() not in NULL_TEXTS else "" for t in row] for row in rows]
    kept = [row for row in kept if any(row)]
    got = [[cell.text for cell in row] for block in blocks if isinstance(block, Table) for row in block.rows]
    if len(rows[0]) > 1:
        assert got == kept


@st.composite
def span_grids(draw: st.DrawFn) -> SpanGrid:
    height, width = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    grid: SpanGrid = [[None] * width for _ in range(height)]
    taken: set[tuple[int, int]] = set()
    for r in range(height):
        for c in range(width):
            if (r, c) in taken:
                continue
            rowspan = draw(st.integers(1, height - r))
            colspan = 1
            while c + colspan < width and (r, c + colspan) not in taken and draw(st.booleans()):
                colspan += 1
            if any((r + dr, c + dc) in taken for dr in range(rowspan) for dc in range(colspan)):
                rowspan = 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, c + dc))
            grid[r][c] = SpanCell(draw(safe_text), rowspan, colspan)
    return grid


@given(span_grids())
def test_html_spans_expand_to_every_covered_cell(grid: SpanGrid) -> None:
    (table,) = [b for b in read_html(to_html(grid), ORIGIN) if isinstance(b, Table)]
    expected = [[""] * len(grid[0]) for _ in grid]
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell is not None:
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        expected[r + dr][c + dc] = " ".join(cell.text.split())  # HTML collapses blanks
    got = [[cell.text for cell in row] for row in table.rows]
    assert got == expected
