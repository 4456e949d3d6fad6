"""Rendering the samples: golden files for every renderer, the round trip and idempotence on real layouts, an xlsx
checked cell by cell with its merged ranges, findings next to their cells, and escaping."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

import perftable
from perftable.findings import Finding
from perftable.model import Location
from perftable.readers.files import iter_files
from perftable.render import render, render_html
from perftable.render.compare import xlsx_dump
from perftable.render.document import layout

from .conftest import ROOT, SAMPLES, Golden, loaded
from .test_render_properties import content, read_back

SAMPLE_FILES = sorted(path.relative_to(ROOT) for path in iter_files([SAMPLES]))
FORM_FORMATS = [("markdown", ".md"), ("html", ".html"), ("xlsx", ".xlsx")]
CLEAN = SAMPLES / "formats" / "lianjiang-clean.md"


def as_text(fmt: str, data: str | bytes) -> str:
    return "\n".join(xlsx_dump(data, styles=True)) + "\n" if isinstance(data, bytes) else data


@pytest.mark.parametrize("fmt", ["markdown", "html", "xlsx", "json", "csv"])
@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=str)
def test_render_matches_golden(sample: Path, fmt: str, golden: Golden, in_root: Path) -> None:
    data = render(loaded(sample), fmt)  # type: ignore[arg-type]
    suffix = {"markdown": "md", "xlsx": "xlsx.txt"}.get(fmt, fmt)
    golden.check(f"render/{sample.relative_to('samples')}.{suffix}", as_text(fmt, data))


@pytest.mark.parametrize(("fmt", "suffix"), FORM_FORMATS)
@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=str)
def test_samples_round_trip_and_render_idempotently(
    sample: Path, fmt: str, suffix: str, tmp_path: Path
) -> None:
    docs = loaded(ROOT / sample)
    first = render(docs, fmt)  # type: ignore[arg-type]
    path = tmp_path / f"rendered{suffix}"
    path.write_bytes(first if isinstance(first, bytes) else first.encode("utf-8"))
    back = perftable.load_all(path)
    assert [content(doc) for doc in back] == [content(doc) for doc in docs]
    assert render(back, fmt) == first  # type: ignore[arg-type]
    assert not [w for doc in back for w in doc.warnings if w.code == "P003"]


def test_xlsx_cells_and_merged_ranges_match_the_layout(tmp_path: Path) -> None:
    doc = perftable.load(CLEAN)
    form = layout(doc)
    data = render([doc], "xlsx")
    assert isinstance(data, bytes)
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    start = 1 + (form.title is not None) + len(form.lines)
    assert ws.cell(1, 1).value == doc.title
    assert "A1:E1" in {str(r) for r in ws.merged_cells.ranges}
    expected_merges = {"A1:E1"}
    for r, row in enumerate(form.grid):
        for c, cell in enumerate(row):
            target = ws.cell(start + r, c + 1)
            if cell is None:
                assert target.value is None, target.coordinate
                continue
            if cell.amount is not None:
                assert Decimal(str(target.value)) == cell.amount and target.data_type == "n", (
                    target.coordinate
                )
                assert target.number_format.startswith("#,##0"), target.coordinate
            else:
                assert (target.value or "") == cell.text, target.coordinate
            if cell.rowspan > 1 or cell.colspan > 1:
                last = ws.cell(start + r + cell.rowspan - 1, c + cell.colspan)
                expected_merges.add(f"{target.coordinate}:{last.coordinate}")
            assert target.border.left.style == "thin", target.coordinate
    assert {str(r) for r in ws.merged_cells.ranges} == expected_merges
    assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.fitToWidth == 1  # A4, one page wide
    path = tmp_path / "form.xlsx"
    path.write_bytes(data)
    assert content(perftable.load(path)) == content(doc)


def test_xlsx_amounts_are_numbers_and_formula_like_text_stays_text() -> None:
    doc = perftable.load(SAMPLES / "shanghai-project" / "lanxilu-2026.csv")
    data = render([doc], "xlsx")
    assert isinstance(data, bytes)
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    cells = {cell.value: cell for row in ws.iter_rows() for cell in row if cell.value is not None}
    assert cells[771325800].number_format == "#,##0.00"
    assert cells["=100.00(%)"].data_type == "s"


def test_html_escapes_everything_from_the_input() -> None:
    doc = perftable.load(CLEAN)
    doc.indicators[0].name = '<script>alert("x")</script>'
    doc.title = "表<b>"
    page = render_html([doc])
    assert "<script>alert" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<title>表&lt;b&gt;</title>" in page
    assert "http" not in page.replace('lang="zh-CN"', "")  # self-contained: nothing to fetch


def test_findings_are_shown_next_to_their_cells() -> None:
    doc = perftable.load(CLEAN)
    empty = doc.indicators[22]
    assert empty.value == ""
    findings = [
        Finding(
            file=str(CLEAN),
            code="I003",
            name="empty-value",
            severity="error",
            message="指标值为空",
            location=empty.location,
        ),
        Finding(
            file=str(CLEAN),
            code="B001",
            name="x",
            severity="warning",
            message="合计不符",
            location=doc.budget[0].location,
        ),
        Finding(
            file=str(CLEAN),
            code="I001",
            name="y",
            severity="warning",
            message="整表",
            location=Location(file=str(CLEAN)),
        ),
    ]
    page = render_html([doc], findings)
    row = next(line for line in page.splitlines() if "I003" in line)
    assert 'class="has-error"' in row and '<div class="note error">I003 指标值为空</div>' in row
    assert '<td class="amount has-warning">278.55<div class="note warning">B001 合计不符</div></td>' in page
    assert '<li class="warning">I001' in page


def test_markdown_aligns_cjk_columns() -> None:
    text = render(perftable.load_all(CLEAN), "markdown")
    assert isinstance(text, str)
    table = [line for line in text.splitlines() if line.startswith(("| 绩效指标", "|    "))]
    from perftable.spans import display_width

    pipes = {tuple(i for i, _ in enumerate(line) if line[i] == "|") for line in table[:1]}
    widths = {display_width(line.split("|")[1]) for line in table}
    assert len(pipes) == 1 and len(widths) == 1


def test_long_term_indicators_render_as_a_block_of_their_own(tmp_path: Path) -> None:
    (doc,) = perftable.loads(
        """| 项目名称 | 泵站建设 |  |  |  |
|---|---|---|---|---|
| 中期绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
|  | 产出指标 | 数量指标 | 新建泵站 | 3座 |
| 年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
|  | 产出指标 | 数量指标 | 新建泵站 | 1座 |
|  | 满意度指标 | 服务对象满意度指标 | 农户满意度 | ≥90% |
"""
    )
    text = render([doc], "markdown")
    assert isinstance(text, str)
    heads = [line.split("|")[1].strip() for line in text.splitlines() if "一级指标" in line]
    assert heads == ["中长期绩效指标", "年度绩效指标"]
    csv_text = render([doc], "csv")
    assert isinstance(csv_text, str)
    assert [line.split(",")[7] for line in csv_text.splitlines()[1:]] == ["annual", "annual", "long_term"]
    for fmt, suffix in FORM_FORMATS:
        data = render([doc], fmt)  # type: ignore[arg-type]
        path = tmp_path / f"form{suffix}"
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        assert [content(back) for back in perftable.load_all(path)] == [content(doc)], fmt


def _width_by_character(text: str) -> int:
    import unicodedata

    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        for ch in text
    )


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30))
def test_display_width_counts_wide_characters_two_and_combining_marks_none(text: str) -> None:
    from perftable.spans import display_width

    assert display_width(text) == _width_by_character(text)


def test_display_width_of_cjk_full_width_combining_and_astral_text() -> None:
    from perftable.spans import display_width

    assert display_width("绩效目标表") == 10
    assert display_width("ＡＢ12") == 6
    assert display_width("e\u0301") == 1  # e and a combining acute accent
    assert display_width("𠀀a") == 3  # a wide character beyond the BMP (CJK extension B)


def test_a_flat_indicator_list_renders_flat_and_reads_back_flat() -> None:
    (doc,) = perftable.loads(
        "| 项目名称 | 水利专项 | | |\n|---|---|---|---|\n| 年度资金总额 | 100 | | |\n"
        "| 年度目标 | 完成水库除险加固3座 | | |\n"
        "| 绩效指标 | 指标值 | 计量单位 | 指标性质 |\n| 水库除险加固数量 | 3 | 座 | ≥ |\n"
        "| 受益群众满意度 | 90 | % | ≥ |\n"
    )
    assert doc.indicator_layout == "flat"
    text = render([doc], "markdown")
    assert isinstance(text, str) and "一级指标" not in text  # no category columns a flat list never printed
    (back,) = perftable.loads(text)
    assert back.indicator_layout == "flat"
    assert [(i.level1, i.name, i.value) for i in back.indicators] == [
        (i.level1, i.name, i.value) for i in doc.indicators
    ]


@pytest.mark.parametrize("printed", ["12577.526935", "12,577.526935", "1273.7", "0.000000"])
def test_an_amount_renders_as_the_source_spelled_it(printed: str) -> None:
    """A plain-number amount prints as printed (with or without thousands separators), so that it reads back the
    same; it is still a number in a workbook."""
    text = f"""# 2026年项目支出绩效目标表

| 项目名称 | 城区道路养护 |
|---|---|
| 项目总额 | {printed} |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 养护道路里程 | ≥36公里 |
"""
    (doc,) = perftable.loads(text)
    rendered = render([doc], "markdown")
    assert re.search(rf"\|\s*{re.escape(printed)}\s*\|", rendered)
    (back,) = perftable.loads(rendered)
    assert [(line.amount, line.value) for line in back.budget] == [
        (line.amount, line.value) for line in doc.budget
    ]


GOAL_LISTING = """# 2026年，本部门重点项目绩效目标情况如下：

| 项目名称 | 单位名称 | 预算数（万元） | 绩效目标 |
|---|---|---|---|
| 南沙港快速路货车通行费补贴 | 某市交通运输局 | 3500 | 对四类及以上货车实施免费通行，降低运输成本。 |
| 日常保障运行 | 某市交通运输局 | 64.90 | 1、保障机关正常运转；2、提升干部履职能力。 |
"""


@pytest.mark.parametrize(("fmt", "suffix"), [("markdown", ".md"), ("html", ".html"), ("xlsx", ".xlsx")])
def test_a_project_of_a_goal_listing_renders_as_a_listing_and_reads_back_the_same(
    tmp_path: Path, fmt: str, suffix: str
) -> None:
    """A listing of goals (no indicators) rendered as a form read back as a form missing its indicators (or as no
    绩效目标表 at all); each project is rendered as the one-row listing it was printed as. (CSV renders the rows of
    indicators, of which such a project has none.)"""
    for doc in perftable.loads(GOAL_LISTING):
        assert (doc.layout, doc.indicator_layout) == ("listing", "none")
        back, _ = read_back(doc.model_copy(update={"department": "某市交通运输局"}), fmt, suffix, tmp_path)
        assert [content(d) for d in back] == [
            content(doc.model_copy(update={"department": "某市交通运输局"}))
        ]
