"""Build the Word and PDF samples under samples/documents/ (from the repository root, after
``pip install -e ".[dev,samples]"``: ``python scripts/build_doc_samples.py``).

Each is a twin of a sample built by scripts/build_samples.py, from the same span grid:

* lianjiang-clean.{docx,pdf}: samples/formats/lianjiang-clean.md as published (merged cells as real merges); the
  PDF table runs over three pages, continued without a repeated header (joined because its columns line up).
* lanxilu-2026.{docx,pdf}: samples/shanghai-project/lanxilu-2026.md, cell for cell, line breaks kept.
* budget-2026.{docx,pdf}: a budget publication holding several tables: a 收支预算总表 (not a 绩效目标表; in the PDF
  it continues on the next page with its two header rows repeated), the Hunan 部门整体 table, the central and the
  Shanghai 项目 tables (the Shanghai one continues with its first row repeated) and a 自评表 (skipped).

Word files are written with python-docx (merges as ``w:gridSpan``/``w:vMerge``), PDFs with reportlab's platypus
tables in its built-in CID font STSong-Light (spans as ``SPAN``, ruled with ``GRID``; a page number and, in the
budget document, a running header on every page). Metadata and timestamps are fixed: rebuilding changes no bytes.
The outputs are generated; do not edit them by hand.
"""

from __future__ import annotations

import csv
import datetime
import html
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from build_samples import L, U, central_rows, hunan_rows, lianjiang_rows, reproducible  # noqa: E402

from perftable.spans import SpanGrid, from_markers  # noqa: E402

SAMPLES = ROOT / "samples"
OUT = SAMPLES / "documents"
FIXED_TIME = datetime.datetime(2024, 1, 1)
FONT = "STSong-Light"
# STSong-Light's encoding (UniGB-UCS2-H) has no code for U+00B7 (·, as in 元/人·月): reportlab would draw
# nothing. The same glyph (GB2312 A1A4) is coded as U+30FB, which a reader maps back to U+00B7.
PDF_CHARACTERS = str.maketrans({"\u00b7": "\u30fb"})


@dataclass
class Form:
    """A table with the lines printed above it."""

    lines: list[str]
    grid: SpanGrid
    repeat_rows: int = 0  # PDF: rows printed again at the top of each page the table continues on
    new_page: bool = False  # PDF: start on a new page


# --- the forms -------------------------------------------------------------------------------------------------


def lianjiang() -> list[Form]:
    return [Form(["2024年市级部门整体预算绩效目标表"], from_markers(lianjiang_rows()))]


def lanxilu() -> list[Form]:
    source = SAMPLES / "shanghai-project" / "lanxilu-2026.csv"
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    grid = from_markers([[cell if cell not in (U, L) else cell + " " for cell in row] for row in rows[2:]])
    return [Form([rows[0][0], rows[1][0]], grid)]


BUDGET_TOTALS = [
    ["收入", L, "支出", L],
    ["项目", "预算数", "项目", "预算数"],
    ["一、一般公共预算拨款收入", "1,480.36", "一、一般公共服务支出", "120.50"],
    ["二、政府性基金预算拨款收入", "", "二、社会保障和就业支出", "1,160.86"],
    ["三、国有资本经营预算拨款收入", "", "三、卫生健康支出", "96.00"],
    ["四、财政专户管理资金收入", "", "四、城乡社区支出", "103.00"],
    ["五、事业收入", "40.00", "五、农林水支出", "40.00"],
    ["六、事业单位经营收入", "", "六、住房保障支出", ""],
    ["七、上级补助收入", "", "七、其他支出", ""],
    ["八、附属单位上缴收入", "", "", ""],
    ["九、其他收入", "", "", ""],
    *[[f"（{n}）", "", f"（{n}）", ""] for n in range(1, 31)],
    ["本年收入合计", "1,520.36", "本年支出合计", "1,520.36"],
    ["上年结转结余", "", "结转下年", ""],
    ["收入总计", "1,520.36", "支出总计", "1,520.36"],
]

SELF_EVALUATION = [
    ["项目名称", "城乡低保资金发放", L, L, L, L, L],
    ["主管部门", "示例县民政局", L, "实施单位", "示例县民政局", L, L],
    ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [U, "480.00", "480.00", "478.20", "10", "99.63%", "9.96"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "城乡低保保障人数", "≥12000人", "12150人", "20", "20"],
    [U, "时效指标", "低保资金发放及时率", "100%", "100%", "20", "20"],
    ["效益指标", "社会效益指标", "困难群众基本生活保障水平", "有效提升", "有效提升", "30", "28"],
    ["满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "93%", "10", "10"],
    ["总分", L, L, L, L, "100", "97.96"],
]


def budget() -> list[Form]:
    shanghai = lanxilu()[0]
    return [
        Form(
            ["示例县部门预算公开文件汇编", "一、收支预算总表", "金额单位：万元"],
            from_markers(BUDGET_TOTALS),
            repeat_rows=2,
        ),
        Form(["示例县民政局2024年部门整体支出绩效目标表"], from_markers(hunan_rows()), new_page=True),
        Form(["项目支出绩效目标表（2025年度）"], from_markers(central_rows()), new_page=True),
        Form(shanghai.lines, shanghai.grid, repeat_rows=1),
        Form(["项目支出绩效自评表", "（2025年度）"], from_markers(SELF_EVALUATION)),
    ]


# --- Word -------------------------------------------------------------------------------------------------------


def write_docx(forms: list[Form], path: Path, title: str) -> None:
    from docx import Document

    document = Document()
    props = document.core_properties
    props.author = props.last_modified_by = "perftable"
    props.title = title
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    for index, form in enumerate(forms):
        if index and form.new_page:
            document.add_page_break()
        for line in form.lines:
            document.add_paragraph(line)
        width = len(form.grid[0])
        table = document.add_table(rows=len(form.grid), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(form.grid):
            for c, span in enumerate(row):
                if span is None:
                    continue
                cell = table.cell(r, c)
                if span.rowspan > 1 or span.colspan > 1:
                    cell = cell.merge(table.cell(r + span.rowspan - 1, c + span.colspan - 1))
                first, *rest = span.text.split("\n")
                cell.paragraphs[0].text = first
                for line in rest:
                    cell.add_paragraph(line)
        document.add_paragraph("")
    document.save(str(path))
    reproducible(path)


# --- PDF --------------------------------------------------------------------------------------------------------


def _markup(text: str) -> str:
    return html.escape(text.translate(PDF_CHARACTERS), quote=False).replace("\n", "<br/>")


def _column_widths(grid: SpanGrid, total: float) -> list[float]:
    width = len(grid[0])
    weights = [4.0] * width
    for row in grid:
        for c, cell in enumerate(row):
            if cell is not None and cell.colspan == 1:
                longest = max((len(line) for line in cell.text.split("\n")), default=0)
                weights[c] = max(weights[c], min(float(longest), 16.0))
    scale = total / sum(weights)
    return [weight * scale for weight in weights]


def _pdf_table(form: Form, total_width: float) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    style = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10.5, wordWrap="CJK")
    data = [[Paragraph(_markup(cell.text), style) if cell else "" for cell in row] for row in form.grid]
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for r, row in enumerate(form.grid):
        for c, cell in enumerate(row):
            if cell is not None and (cell.rowspan > 1 or cell.colspan > 1):
                commands.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
    table = Table(
        data, colWidths=_column_widths(form.grid, total_width), repeatRows=form.repeat_rows, hAlign="LEFT"
    )
    table.setStyle(TableStyle(commands))
    return table


def write_pdf(forms: list[Form], path: Path, title: str, running_header: str | None = None) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    page_width, page_height = A4
    margin = 42.0
    line_style = ParagraphStyle("line", fontName=FONT, fontSize=11, leading=16, spaceAfter=2)

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.drawCentredString(page_width / 2, 20, f"- {doc.page} -")
        if running_header:
            canvas.drawString(margin, page_height - 26, running_header)
        canvas.restoreState()

    story: list[Any] = []
    for index, form in enumerate(forms):
        if index:
            story.append(PageBreak() if form.new_page else Spacer(1, 14))
        story.extend(Paragraph(_markup(line), line_style) for line in form.lines)
        story.append(_pdf_table(form, page_width - 2 * margin))
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author="perftable",
        creator="perftable scripts/build_doc_samples.py",
        invariant=1,
    )
    document.build(story, onFirstPage=furniture, onLaterPages=furniture)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    documents = [
        ("lianjiang-clean", "廉江市残疾人联合会2024年部门整体预算绩效目标表", lianjiang(), None),
        ("lanxilu-2026", "兰溪路-真南路下立交工程项目绩效目标申报表", lanxilu(), None),
        ("budget-2026", "示例县部门预算公开文件汇编", budget(), "示例县部门预算公开文件汇编（示例）"),
    ]
    for stem, title, forms, header in documents:
        write_docx(forms, OUT / f"{stem}.docx", title)
        write_pdf(forms, OUT / f"{stem}.pdf", title, header)
    print("documents built under", OUT)


if __name__ == "__main__":
    main()
