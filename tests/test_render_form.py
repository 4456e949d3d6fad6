"""The rendered form as printed (issue 14): the budget block keeps its sub-headers, every label stands beside its
own amount, and a row never mixes kinds of lines."""

from __future__ import annotations

import io

from openpyxl import load_workbook

import perftable
from perftable.render import render
from perftable.render.document import layout

from .conftest import SAMPLES

HUNAN = SAMPLES / "hunan-department" / "minzheng-2024.md"
LIANJIANG = SAMPLES / "formats" / "lianjiang-clean.md"


def budget_rows(path: object) -> list[list[str]]:
    doc = perftable.load(path)  # type: ignore[arg-type]
    form = layout(doc)
    rows = []
    for row in form.grid:
        texts = [c.text for c in row if c is not None]
        if any(c is not None and c.key is not None and c.key[0] == "budget" for c in row):
            rows.append(texts)
    return rows


def test_each_budget_label_stands_beside_its_amount_in_the_workbook() -> None:
    doc = perftable.load(HUNAN)
    data = render([doc], "xlsx")
    assert isinstance(data, bytes)
    sheet = load_workbook(io.BytesIO(data)).active
    merged = {str(r).split(":")[0] for r in sheet.merged_cells.ranges}
    labels = {line.label: line.amount for line in doc.budget}
    found = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value in labels and cell.column > 1:
                amount = sheet.cell(cell.row, cell.column + 1)
                found[cell.value] = amount.value
                assert amount.coordinate not in merged  # not stretched away from its label
    assert found == {label: float(amount) for label, amount in labels.items()}


def test_a_budget_row_never_mixes_sources_and_uses() -> None:
    from perftable.render.budget import kind_of

    doc = perftable.load(HUNAN)
    form = layout(doc)
    for row in form.grid:
        keys = [c.key for c in row if c is not None and c.key is not None and len(c.key) == 2]
        kinds = {kind_of(doc.budget[int(key[1])]) for key in keys if key[0] == "budget"}
        assert not {"use", "source"} <= kinds
    assert [[t for t in r if t != "预算整体情况(万元)"] for r in budget_rows(HUNAN)] == [
        ["资金总额", "1,520.3600", "财政拨款", "1,480.3600", ""],
        ["其他资金", "40.0000", ""],
        ["基本支出", "1,020.3600", "项目支出", "500.0000", ""],
    ]


def test_the_budget_block_keeps_its_sub_headers() -> None:
    text = render([perftable.load(LIANJIANG)], "markdown")
    assert isinstance(text, str)
    rows = [[c.strip() for c in line.split("|")[1:-1]] for line in text.splitlines() if line.startswith("|")]
    block = [row[1:5] for row in rows if row[0] in ("预算整体情况(万元)", "") and row[1]][:6]
    assert block == [
        ["部门预算支出", "预算金额(万元)", "收入来源", "预算金额(万元)"],
        ["基本支出", "278.55", "财政拨款", "1,273.72"],
        ["项目支出", "995.17", "其他资金", ""],
        ["事业发展性支出", "预算金额(万元)", "按预算级次划分", "预算金额(万元)"],
        ["财政专项资金", "", "市本级使用资金", "1,273.72"],
        ["其他事业发展性支出", "627.77", "拟用于对下转移支付资金", ""],
    ]
