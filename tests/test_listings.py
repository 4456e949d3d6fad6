"""Project listings as converters and page breaks leave them (extract/listing.py, and the page join of
readers/pdf_layout.py), one section per kind of damage."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import perftable
from perftable.check.config import Config
from perftable.check.engine import check_document
from perftable.extract import extraction
from perftable.extract.listing import without_mark
from perftable.grid import Source
from perftable.model import Document
from perftable.readers.pdf_layout import Assembler, BoxCell, PageContent, PageLine, is_furniture


def loads(text: str, fmt: str = "markdown") -> list[Document]:
    return perftable.loads(text.strip() + "\n", fmt)


def codes(doc: Document) -> list[str]:
    return [finding.code for finding in check_document(doc, Config())]


def tree(doc: Document) -> list[tuple[str, str, str, str]]:
    return [(i.level1, i.level2, i.name, i.value) for i in doc.indicators]


# --- rows that lost the cells a merged cell covered ------------------------------------------------------------

# An HTML listing with rowspans, as markdownify writes it: a place a rowspan covers gets no cell at all, so a
# project's rows after its first hold only their rightmost cells (an empty cell is still written: 计量单位 below).
DROPPED = """
# 2026年某镇人民政府项目支出绩效目标表

| 序号 | 项目名称 | 预算金额（万元） | 绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 计量单位 |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| 1 | 农村公路养护 | 210.00 | 养护农村公路85公里，路面完好率90%以上。 | 产出指标 | 数量指标 | 养护里程 | ≥85 | 公里 |
| 时效指标 | 养护完成时间 | 2026年11月底前 |  |
| 路面完好率 | ≥90 | % |
| 效益指标 | 社会效益指标 | 群众出行条件 | 明显改善 |  |
| 满意度指标 | 服务对象满意度指标 | 沿线群众满意度 | ≥90 | % |
| 2 | 村级公益设施维护 | 45.50 | 维护村级公益设施30处。 | 产出指标 | 数量指标 | 维护设施数量 | ≥30 | 处 |
| 满意度指标 | 服务对象满意度指标 | 村民满意度 | ≥90 | % |
| 效益指标 | 社会效益指标 | 设施正常使用率 | ≥95 | % |
"""


def test_rows_that_lost_their_covered_cells_are_read_under_the_columns_they_were_printed_in() -> None:
    first, second = loads(DROPPED)
    assert [(d.project, d.amount("total"), d.info["序号"]) for d in (first, second)] == [
        ("农村公路养护", Decimal("210.00"), "1"),
        ("村级公益设施维护", Decimal("45.50"), "2"),
    ]
    assert tree(first) == [
        ("产出指标", "数量指标", "养护里程", "≥85"),
        ("产出指标", "时效指标", "养护完成时间", "2026年11月底前"),
        ("产出指标", "时效指标", "路面完好率", "≥90"),  # level names carried down, as printed (none was)
        ("效益指标", "社会效益指标", "群众出行条件", "明显改善"),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90"),
    ]
    assert first.indicators[0].unit == "公里" and first.indicators[2].unit == "%"
    assert [i.name for i in second.indicators] == ["维护设施数量", "村民满意度", "设施正常使用率"]
    assert not {"I001", "B006"} & {code for doc in (first, second) for code in codes(doc)}


def test_rows_that_lost_their_covered_cells_in_a_csv_are_read_the_same_way() -> None:
    csv = "\n".join(
        ",".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        for line in DROPPED.strip().splitlines()[1:]
        if line.startswith("|") and not line.startswith("| ---")
    )
    docs = loads(csv, "csv")
    assert [(d.project, len(d.indicators)) for d in docs] == [("农村公路养护", 5), ("村级公益设施维护", 3)]
    assert tree(docs[0])[2] == ("产出指标", "时效指标", "路面完好率", "≥90")


# Rows that stop after their last filled cell (a 备注 left out, a project printed without indicators, a 合计): read
# as printed. One amount that does not read (待定) is not enough to move every short row.
STOPPED = """
# 2026年某街道办事处项目支出绩效目标表

| 项目名称 | 预算金额（万元） | 绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 备注 |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 公厕保洁 | 30.00 | 保洁全覆盖。 | 产出指标 | 质量指标 | 保洁达标率 | ≥95% |
| 垃圾分类宣传 | 12.00 | 开展宣传活动20场。 |
| 农贸市场改造 | 待定 | 完成改造2处。 |
| 合计 | 42.00 |
"""


def test_rows_that_stop_after_their_last_filled_cell_are_read_as_printed() -> None:
    docs = loads(STOPPED)
    assert [(d.project, d.amount("total"), len(d.indicators)) for d in docs] == [
        ("公厕保洁", Decimal("30.00"), 1),
        ("垃圾分类宣传", Decimal("12.00"), 0),
        ("农贸市场改造", None, 0),
    ]
    assert tree(docs[0]) == [("产出指标", "质量指标", "保洁达标率", "≥95%")]


# --- a page top that says the table goes on --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "before", "expected"),
    [
        ("续表", "", True),
        ("（续表）", "", True),
        ("续表2：", "", True),
        ("表5（续）", "", True),
        ("续上表", "", True),
        ("（接下页）", "", True),
        ("2026年项目支出绩效目标表(续)", "2026年项目支出绩效目标表", True),  # the page before's title, marked
        ("2026年部门整体支出绩效目标表（续）", "2026年项目支出绩效目标表", False),  # another table's title
        ("续建项目绩效目标", "", False),
        ("（续建）", "", False),
        ("说明：本表续用上年指标", "", False),
    ],
)
def test_a_line_that_says_the_table_goes_on_is_page_furniture(line: str, before: str, expected: bool) -> None:
    assert is_furniture(line, frozenset({before, "- 7 -"})) is expected


def _grid(rows: list[list[str]], top: float, merged: dict[int, int] | None = None) -> list[BoxCell]:
    """Ruled cells, 60 points wide and 20 high; ``merged``: first row -> rows its first three cells span."""
    cells: list[BoxCell] = []
    spans = merged or {}
    covered: set[int] = set()
    for r, row in enumerate(rows):
        y = top + 20 * r
        for c, text in enumerate(row):
            if c < 3 and r in covered:
                continue
            height = 20 * spans.get(r, 1) if c < 3 else 20
            cells.append(BoxCell((50 + 60 * c, y, 110 + 60 * c, y + height), text))
        if r in spans:
            covered.update(range(r + 1, r + spans[r]))
    return cells


_HEADER = ["项目名称", "资金总额", "绩效目标", "一级指标", "二级指标", "三级指标", "指标值"]


def _pdf(pages: list[tuple[list[BoxCell], list[PageLine]]]) -> list[Document]:
    assembler = Assembler("x.pdf")
    for number, (cells, lines) in enumerate(pages, start=1):
        assembler.add(PageContent(number, [cells], lines))
    return extraction(Source("x.pdf", "pdf", assembler.finish())).documents


@pytest.mark.parametrize(
    "name", ["", "河道保洁服务\n(续)"], ids=["name cell cut", "name printed again, marked"]
)
def test_a_project_cut_under_a_marked_page_top_stays_one_project(name: str) -> None:
    page1 = _grid(
        [
            _HEADER,
            ["河道保洁服务", "96.00", "保洁河道12条。", "产出指标", "数量指标", "保洁河道数量", "12条"],
            ["", "", "", "产出指标", "质量指标", "河面漂浮物清理率", "≥95%"],
        ],
        top=100,
        merged={1: 2},
    )
    # the next page: a 表5（续） line, the header again, the project's cells cut or its name printed again, marked
    page2 = _grid(
        [
            _HEADER,
            [name, "", "", "效益指标", "生态效益指标", "河道水质", "持续改善"],
            ["", "", "", "满意度指标", "服务对象满意度指标", "沿河居民满意度", "≥90%"],
        ],
        top=80,
        merged={1: 2},
    )
    title = PageLine("2026年某区水务局项目支出绩效目标表", 60)
    (doc,) = _pdf([(page1, [title]), (page2, [PageLine("表5（续）", 60)])])
    assert (doc.project, doc.amount("total"), doc.page_range) == ("河道保洁服务", Decimal("96.00"), (1, 2))
    names = ["保洁河道数量", "河面漂浮物清理率", "河道水质", "沿河居民满意度"]
    assert [i.name for i in doc.indicators] == names
    assert "I001" not in codes(doc)


def _two_tables(mark: str, name: str, amount: str) -> str:
    head = (
        "| 项目名称 | 资金总额（万元） | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
        + "| --- " * 7
        + "|"
    )
    return f"""
## 2026年某县水利局项目支出绩效目标表

{head}
| 小型水库除险加固 | 520.00 | 完成3座小型水库除险加固。 | 产出指标 | 数量指标 | 除险加固水库数量 | 3座 |
|  |  |  |  | 质量指标 | 工程验收合格率 | 100% |

{mark}

{head}
| {name} | {amount} |  | 效益指标 | 社会效益指标 | 受益人口 | ≥1.2万人 |
|  |  |  | 满意度指标 | 服务对象满意度指标 | 受益群众满意度 | ≥90% |
"""


@pytest.mark.parametrize("mark", ["续表", "（续表）", "表3（续）"])
def test_a_table_after_a_line_that_says_it_goes_on_continues_the_listing(mark: str) -> None:
    (doc,) = loads(_two_tables(mark, "", ""))
    assert (doc.project, len(doc.indicators)) == ("小型水库除险加固", 4)


# --- a cut cell's part marked as going on ----------------------------------------------------------------------


def sheet_file(path: Path, rows: list[str], merged: tuple[str, ...]) -> Path:
    """A workbook of one sheet: each row written as its cells joined by ``|`` (an empty cell is a blank)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append([cell or None for cell in row.split("|")])
    for area in merged:
        sheet.merge_cells(area)
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("城乡医疗救助资金（续）", "城乡医疗救助资金"),
        ("(续表)农田水利建设", "农田水利建设"),
        ("农田水利建设 （续上表）", "农田水利建设"),
        ("老旧小区改造（续建）", "老旧小区改造（续建）"),
        ("续建项目补助", "续建项目补助"),
        ("（续）", "（续）"),
    ],
)
def test_a_mark_that_a_cut_cell_goes_on_is_no_part_of_its_text(text: str, expected: str) -> None:
    assert without_mark(text) == expected


def test_a_project_cut_in_a_sheet_under_a_copied_header_keeps_its_name_without_the_mark(
    tmp_path: Path,
) -> None:
    header = "|".join(_HEADER)
    rows = [
        "2026年某县教育局项目支出绩效目标表",
        header,
        "学生营养餐补助|380.00|为8000名学生提供营养餐。|产出指标|数量指标|受益学生人数|8000人",
        "|||产出指标|时效指标|补助发放时间|2026年12月底前",
        header,  # the header copied in where a printed page starts
        "学生营养餐补助（续表）|||效益指标|社会效益指标|学生营养状况|有所改善",
        "|||满意度指标|服务对象满意度指标|家长满意度|≥90%",
        "校舍维修|120.00|维修校舍5所。|产出指标|数量指标|维修校舍数量|5所",
    ]
    merged = ("A3:A4", "B3:B4", "C3:C4", "A6:A7", "B6:B7", "C6:C7")
    docs = perftable.load_all(sheet_file(tmp_path / "listing.xlsx", rows, merged))
    assert [(d.project, d.amount("total"), len(d.indicators)) for d in docs] == [
        ("学生营养餐补助", Decimal("380.00"), 4),
        ("校舍维修", Decimal("120.00"), 1),
    ]


# --- a project printed again at the top of the listing's next table ---------------------------------------------


@pytest.mark.parametrize(
    ("mark", "name", "amount"),
    [
        ("续表", "小型水库除险加固（续）", ""),
        ("（续表）", "小型水库除险加固", "520.00"),
        ("- 2 -", "小型水库除险加固", ""),
    ],
)
def test_a_project_printed_again_at_the_top_of_the_next_table_goes_on(
    mark: str, name: str, amount: str
) -> None:
    (doc,) = loads(_two_tables(mark, name, amount))
    assert (doc.project, doc.amount("total")) == ("小型水库除险加固", Decimal("520.00"))
    assert len(doc.indicators) == 4
    assert "I001" not in codes(doc)


@pytest.mark.parametrize(
    ("name", "amount"),
    [("小型水库清淤", ""), ("小型水库除险加固", "86.00")],
    ids=["another name", "another amount"],
)
def test_another_project_at_the_top_of_the_next_table_is_a_project_of_its_own(name: str, amount: str) -> None:
    docs = loads(_two_tables("续表", name, amount))
    assert [(d.project, len(d.indicators)) for d in docs] == [("小型水库除险加固", 2), (name, 2)]


# --- values and goals for two periods side by side -------------------------------------------------------------

PERIODS = """
# 2026年某县农业农村局项目支出绩效目标表

| 项目名称 | 资金总额（万元） | 年度目标 | 中期目标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 中期指标值 |
|---|---|---|---|---|---|---|---|---|
| 高标准农田建设 | 900.00 | 2026年建成高标准农田1.2万亩。 | 2026—2027年建成高标准农田3万亩。 | 产出指标 | 数量指标 | 新建高标准农田面积 | ≥1.2万亩 | ≥3万亩 |
|  |  |  |  |  | 时效指标 | 建设完成时间 | 2026年12月底前 | 2027年12月底前 |
|  |  |  |  | 效益指标 | 经济效益指标 | 亩均增产粮食 | ≥50公斤 | ≥100公斤 |
|  |  |  |  | 满意度指标 | 服务对象满意度指标 | 农户满意度 | ≥90% | ≥90% |
"""


def test_a_listing_with_annual_and_mid_term_columns_reads_the_annual_ones() -> None:
    (doc,) = loads(PERIODS)
    assert doc.goals == ["2026年建成高标准农田1.2万亩。"]
    assert doc.info["中期目标"] == "2026—2027年建成高标准农田3万亩。"
    assert [i.value for i in doc.indicators] == ["≥1.2万亩", "2026年12月底前", "≥50公斤", "≥90%"]
    assert [i.value for i in doc.long_term_indicators] == ["≥3万亩", "2027年12月底前", "≥100公斤", "≥90%"]
    assert [i.level2 for i in doc.long_term_indicators][:2] == ["数量指标", "时效指标"]
    found = codes(doc)
    assert "U004" not in found and found.count("P002") == 1  # the level carried down is reported once


def test_a_sheet_listing_with_whole_period_columns_first_reads_the_annual_ones(tmp_path: Path) -> None:
    rows = [
        "2026年某市卫生健康委员会项目支出绩效目标表",
        "项目名称|全周期绩效目标|当年绩效目标|一级指标|二级指标|三级指标|指标方向|全周期指标值|当年指标值|计量单位",
        "基层医疗机构能力提升|三年内完成60家卫生院标准化建设。|2026年完成20家卫生院标准化建设。|产出指标|数量指标"
        "|标准化建设卫生院数量|≥|60|20|家",
        "||||时效指标|建设完成时间|≤|2028年12月|2026年12月|",
        "|||满意度指标|服务对象满意度指标|患者满意度|≥|90|90|%",
    ]
    merged = ("A3:A5", "B3:B5", "C3:C5", "D3:D4")
    (doc,) = perftable.load_all(sheet_file(tmp_path / "periods.xlsx", rows, merged))
    assert doc.goals == ["2026年完成20家卫生院标准化建设。"] and "全周期绩效目标" in doc.info
    assert [(i.name, i.value, i.unit) for i in doc.indicators][:2] == [
        ("标准化建设卫生院数量", "20", "家"),
        ("建设完成时间", "2026年12月", None),
    ]
    assert [i.value for i in doc.long_term_indicators] == ["60", "2028年12月", "90"]


def test_two_value_columns_whose_headers_name_no_period_are_read_as_before() -> None:
    text = PERIODS.replace("年度指标值", "指标值").replace("中期指标值", "目标值")
    text = text.replace("中期目标", "绩效目标")
    (doc,) = loads(text)
    assert [i.value for i in doc.indicators][:2] == ["≥1.2万亩", "2026年12月底前"]
    assert doc.long_term_indicators == [] and doc.goals == ["2026年建成高标准农田1.2万亩。"]


# --- a group of columns printed for several years (a rolling plan) ---------------------------------------------


def _rolling(years: tuple[str, str, str], goal_header: str = "绩效目标") -> str:
    """An HTML listing whose 预算数 and 指标值 are each printed for three years, the years on a second header row."""
    head = "".join(f"<th>{year}</th>" for year in years)

    def row(values: tuple[str, str, str]) -> str:
        return "".join(f"<td>{value}</td>" for value in values)

    return f"""<html><body><p>某区交通运输局项目支出绩效目标表</p><table>
<tr><th rowspan="2">项目名称</th><th colspan="3">预算数（万元）</th><th rowspan="2">{goal_header}</th>
<th rowspan="2">一级指标</th><th rowspan="2">二级指标</th><th rowspan="2">三级指标</th><th colspan="3">指标值</th></tr>
<tr>{head}{head}</tr>
<tr><td rowspan="2">公交运营补贴</td>{row(("1,520.00", "1,560.00", "1,600.00")).replace("<td>", '<td rowspan="2">')}
<td rowspan="2">补贴86条公交线路。</td><td>产出指标</td><td>数量指标</td><td>补贴线路条数</td>
{row(("86条", "88条", "90条"))}</tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>乘客满意度</td>{row(("≥90%", "≥91%", "≥92%"))}</tr>
</table></body></html>"""


@pytest.mark.parametrize(
    ("years", "goal_header", "kept"),
    [
        (("2026年", "2027年", "2028年"), "绩效目标", 0),
        (
            ("2028年度", "2027年度", "2026年度"),
            "绩效目标",
            2,
        ),  # no year elsewhere: the earliest, wherever it is
        (("2025", "2026", "2027"), "2026年度绩效目标", 1),  # the year another header cell names
    ],
    ids=["first", "earliest, printed last", "named by the goal header"],
)
def test_a_group_printed_for_several_years_is_read_in_the_table_year(
    years: tuple[str, str, str], goal_header: str, kept: int
) -> None:
    (doc,) = loads(_rolling(years, goal_header), "html")
    amounts = ("1520.00", "1560.00", "1600.00")
    assert (doc.project, doc.amount("total")) == ("公交运营补贴", Decimal(amounts[kept]))
    assert [i.value for i in doc.indicators] == [
        ("86条", "88条", "90条")[kept],
        ("≥90%", "≥91%", "≥92%")[kept],
    ]
    assert [code for code in codes(doc) if code[0] in "BP"] == []


def test_a_single_year_under_a_header_sets_nothing_aside() -> None:
    text = _rolling(("2026年", "2026年", "2026年"))
    (doc,) = loads(text, "html")
    assert doc.amount("total") == Decimal("1520.00")
    assert [i.value for i in doc.indicators] == ["86条", "≥90%"]
