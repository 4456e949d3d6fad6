"""Project listings as converters and page breaks leave them (extract/listing.py, and the page join of
readers/pdf_layout.py), one section per kind of damage."""

from __future__ import annotations

from decimal import Decimal

import perftable
from perftable.check.config import Config
from perftable.check.engine import check_document
from perftable.model import Document


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
