"""Word and PDF documents: each sample parses to the model of its markdown/html twin, a document of many tables
gives each 绩效目标表 and counts the others, locations name the table or page, and bad documents are one clear
error line (exit 2), never a traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import perftable
from perftable.cli import cli
from perftable.errors import ReadError
from perftable.extract import extraction
from perftable.grid import Table, TextLine
from perftable.loader import load_extraction
from perftable.readers import ReadOptions, read_source

from .conftest import SAMPLES
from .invoke import run_cli
from .pdf_bytes import make_pdf, ruled_table, text_page
from .test_formats import content

DOCUMENTS = SAMPLES / "documents"
TWINS = [
    ("lianjiang-clean", "formats/lianjiang-clean.md"),
    ("lanxilu-2026", "shanghai-project/lanxilu-2026.md"),
]
BUDGET_TWINS = [
    "hunan-department/minzheng-2024.md",
    "central-project/jiance-2025.html",
    "shanghai-project/lanxilu-2026.md",
]


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
@pytest.mark.parametrize(("stem", "twin"), TWINS)
def test_document_parses_to_the_model_of_its_twin(stem: str, twin: str, suffix: str) -> None:
    documents = perftable.load_all(DOCUMENTS / f"{stem}.{suffix}")
    assert [content(doc) for doc in documents] == [content(perftable.load(SAMPLES / twin))]


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_document_of_many_tables_gives_each_form_and_counts_the_others(suffix: str) -> None:
    result = load_extraction(DOCUMENTS / f"budget-2026.{suffix}")
    assert [content(doc) for doc in result.documents] == [
        content(perftable.load(SAMPLES / twin)) for twin in BUDGET_TWINS
    ]
    assert result.skipped == 2  # the 收支预算总表 and the 自评表


def test_docx_locations_name_the_table() -> None:
    docs = perftable.load_all(DOCUMENTS / "budget-2026.docx")
    assert [doc.locations["department"].table for doc in docs] == [2, 3, 4]
    assert str(docs[0].indicators[0].location) == f"{DOCUMENTS / 'budget-2026.docx'}:t2:r8:c4"
    title = docs[0].locations["title"]  # a paragraph above the table: located by its number
    assert (title.table, title.line) == (None, 6)


def test_pdf_locations_name_the_page() -> None:
    docs = perftable.load_all(DOCUMENTS / "budget-2026.pdf")
    assert [doc.source.page for doc in docs] == [3, 4, 4]
    lanxilu = docs[2]  # starts on page 4 and continues on page 5
    assert {indicator.location.page for indicator in lanxilu.indicators} == {4, 5}
    assert [doc.format for doc in docs] == ["pdf"] * 3


def test_pdf_table_continued_on_the_next_page_is_one_table() -> None:
    blocks = read_source(DOCUMENTS / "lianjiang-clean.pdf").blocks
    tables = [block for block in blocks if isinstance(block, Table)]
    assert len(tables) == 1
    assert {cell.origin.page for row in tables[0].rows for cell in row} == {1, 2}
    assert [block.text for block in blocks if isinstance(block, TextLine)] == [
        "2024年市级部门整体预算绩效目标表"
    ]


def test_pdf_repeated_header_rows_are_dropped() -> None:
    blocks = read_source(DOCUMENTS / "budget-2026.pdf").blocks
    totals = next(block for block in blocks if isinstance(block, Table))
    assert [row[0].text for row in totals.rows].count("收入") == 1  # printed again on page 2, read once
    assert len(totals.rows) == 44
    lanxilu = [block for block in blocks if isinstance(block, Table)][3]
    assert [row[0].text for row in lanxilu.rows].count("项目\n名称") == 1


def test_pdf_merged_cells_are_expanded() -> None:
    blocks = read_source(DOCUMENTS / "lianjiang-clean.pdf").blocks
    table = next(block for block in blocks if isinstance(block, Table))
    first = table.rows[0]
    assert [cell.text for cell in first] == ["部门名称", "部门名称", "廉江市残疾人联合会"] + [
        "廉江市残疾人联合会"
    ] * 2
    assert [cell.merged for cell in first] == [False, True, False, True, True]
    assert first[4].pos == first[2].pos == (2, 3)  # page row 2 (the title is row 1), column 3


def test_docx_merged_cells_are_expanded() -> None:
    table = next(b for b in read_source(DOCUMENTS / "lianjiang-clean.docx").blocks if isinstance(b, Table))
    label = [row[0] for row in table.rows[2:8]]  # 预算整体情况, merged down six rows
    assert {cell.text for cell in label} == {"预算整体情况"}
    assert [cell.merged for cell in label] == [False] + [True] * 5
    assert {cell.pos for cell in label} == {(3, 1)}


def test_pages_limit_what_is_read() -> None:
    options = ReadOptions(pages=(4, 5))
    result = load_extraction(DOCUMENTS / "budget-2026.pdf", options)
    assert [doc.project for doc in result.documents] == ["大气环境监测站点建设", "兰溪路-真南路下立交工程"]
    assert result.skipped == 1
    with pytest.raises(ReadError, match="has 5 pages; page 9 is not in it"):
        read_source(DOCUMENTS / "budget-2026.pdf", options=ReadOptions(pages=(9, 12)))


def test_cli_verbose_counts_skipped_tables_and_pages_option() -> None:
    result = run_cli("parse", str(DOCUMENTS / "budget-2026.pdf"), "-v", "--compact")
    assert result.returncode == 0
    assert len(json.loads(result.stdout)) == 3
    pdf = DOCUMENTS / "budget-2026.pdf"
    assert result.stderr.splitlines() == [
        f"perftable: {pdf}: 3 绩效目标表, 2 other tables skipped (not 绩效目标表)",
        f"perftable:   {pdf}:p1:r5:c1: not a 绩效目标表 (一、收支预算总表)",
        f"perftable:   {pdf}:p5:r13:c1: a self-evaluation table (实际完成值/得分 columns), not a 绩效目标表",
    ]
    runner = CliRunner()
    result = runner.invoke(cli, ["parse", str(DOCUMENTS / "budget-2026.pdf"), "--pages", "3", "--compact"])
    assert json.loads(result.stdout)["department"] == "示例县民政局"
    result = runner.invoke(cli, ["parse", str(DOCUMENTS / "budget-2026.pdf"), "--pages", "5-2"])
    assert result.exit_code == 2 and "not a page range" in result.output


def test_cli_stats_say_what_was_read_and_what_skipped(tmp_path: Path) -> None:
    pdf = DOCUMENTS / "budget-2026.pdf"
    result = run_cli("parse", str(pdf), "--stats", "--lang", "en", "-o", str(tmp_path / "out.json"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{pdf}: 3 绩效目标表, 2 other tables skipped"
    assert lines[1:4] == [
        "  skipped",
        "    p1          not a 绩效目标表 (一、收支预算总表)",
        "    p5          a self-evaluation table (实际完成值/得分 columns), not a 绩效目标表",
    ]
    assert lines[4] == "  绩效目标表" and len(lines) == 9
    assert lines[-1].startswith("  in all: 3 tables (1 department, 2 project), ")
    assert len(json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))) == 3  # -o still gets the JSON
    chinese = run_cli("parse", str(pdf), "--stats")
    assert (
        chinese.stdout.splitlines()[0] == f"{pdf}: 3 张绩效目标表, 跳过 2 张其他表"
        and "{" not in chinese.stdout
    )


def test_cli_stats_of_a_file_with_only_a_blank_form_say_so(tmp_path: Path) -> None:
    blank = tmp_path / "blank.md"
    blank.write_text(
        "# 项目支出绩效目标表\n\n| 项目名称 |  | 主管部门 |  |\n|---|---|---|---|\n| 年度资金总额 |  |  |  |\n"
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|  |  |  |  |\n",
        encoding="utf-8",
    )
    result = run_cli("parse", str(blank), "--stats", "--lang", "en")
    assert result.returncode == 2 and "a blank form (no value filled in)" in result.stdout, result


def test_owner_password_only_pdf_is_read(tmp_path: Path) -> None:
    path = tmp_path / "restricted.pdf"
    path.write_bytes(make_pdf([text_page(["Hello", "World"])], encrypt="owner-only"))
    blocks = read_source(path).blocks
    assert [block.text for block in blocks if isinstance(block, TextLine)] == ["Hello", "World"]


def test_the_pdfplumber_engine_without_pdfplumber_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # import pdfplumber now raises ImportError
    with pytest.raises(ReadError, match=r"pip install perftable\[pdf\]"):
        read_source(DOCUMENTS / "lanxilu-2026.pdf", options=ReadOptions(pdf_engine="pdfplumber"))
    # pdfium, the default, needs no extra for a PDF whose fonts are embedded (as published ones are)
    corpus = Path(__file__).parent / "corpus" / "pdf" / "beijing-2026-xinfang-bangongshi.pdf"
    assert read_source(corpus, options=ReadOptions(pages=(13, 13))).tables()
    # the sample PDFs use a font that is not embedded: where pdfium cannot read their text in full (no CJK system
    # font to map it with), the file is refused with the command that fixes it, never read with text missing
    sample = DOCUMENTS / "lanxilu-2026.pdf"
    try:
        read_source(sample)
    except ReadError as error:
        assert re.search(r"page 1 uses fonts that are not embedded.*pip install perftable\[pdf\]", str(error))
    else:  # a CJK font is installed (fonts-wqy-zenhei comes with Chromium): pdfium reads all pdfminer reads
        monkeypatch.delitem(sys.modules, "pdfplumber")
        pdfium = [doc.model_dump() for doc in perftable.load_all(sample)]
        plumber = [
            doc.model_dump() for doc in perftable.load_all(sample, ReadOptions(pdf_engine="pdfplumber"))
        ]
        assert pdfium == plumber


@pytest.mark.parametrize("sample", sorted(DOCUMENTS.glob("*.pdf")), ids=lambda path: path.name)
def test_both_pdf_engines_give_the_same_documents(sample: Path) -> None:
    pdfium = [doc.model_dump() for doc in perftable.load_all(sample)]
    plumber = [doc.model_dump() for doc in perftable.load_all(sample, ReadOptions(pdf_engine="pdfplumber"))]
    assert pdfium == plumber


def test_pdf_cells_keep_their_line_breaks_and_ascii_tables_read(tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    path.write_bytes(make_pdf([ruled_table([["Name", "Value"], ["a", "1"]]), ruled_table([["b", "2"]])]))
    tables = [block for block in read_source(path).blocks if isinstance(block, Table)]
    assert [[cell.text for cell in row] for row in tables[0].rows] == [
        ["Name", "Value"],
        ["a", "1"],
        ["b", "2"],
    ]
    assert [row[0].location().page for row in tables[0].rows] == [1, 1, 2]


def _bad_documents(tmp: Path) -> dict[str, Path]:
    pdf = (DOCUMENTS / "lianjiang-clean.pdf").read_bytes()
    docx = (DOCUMENTS / "lianjiang-clean.docx").read_bytes()
    files = {
        "encrypted-pdf": make_pdf([text_page(["secret"])], encrypt="secret"),
        "scanned-pdf": make_pdf([b"", b""], scanned=True),
        "truncated-pdf": pdf[: len(pdf) // 3],
        "garbage-pdf": b"%PDF-1.7\n" + bytes(range(256)) * 8,
        "text-without-table-pdf": make_pdf([text_page(["Annual report", "No tables here"])]),
        "unmapped-font-pdf": make_pdf([text_page(["Annual report", "No tables here"])], unmapped_font=True),
        "truncated-docx": docx[:2000],
        "workbook-named-docx": (SAMPLES / "formats" / "lianjiang-clean.xlsx").read_bytes(),
        "legacy-doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        "encrypted-docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
    }
    suffixes = {"legacy-doc": ".doc"}
    paths = {}
    for name, data in files.items():
        suffix = suffixes.get(name, "." + name.rsplit("-", 1)[1])
        paths[name] = tmp / f"{name}{suffix}"
        paths[name].write_bytes(data)
    no_body = tmp / "no-body.docx"
    with zipfile.ZipFile(no_body, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    paths["zip-without-document-docx"] = no_body
    return paths


BAD_REASONS = {
    "encrypted-pdf": "needs a password",
    "scanned-pdf": "run OCR on it first",
    "truncated-pdf": "cannot read the PDF",
    "garbage-pdf": "cannot read the PDF",
    "text-without-table-pdf": "no 绩效目标表 found",
    "unmapped-font-pdf": "no Unicode mapping",
    "truncated-docx": "cannot read the Word document",
    "workbook-named-docx": "cannot read the Word document",
    "legacy-doc": "legacy Word .doc",
    "encrypted-docx": "password-protected .docx",
    "zip-without-document-docx": "cannot read the Word document",
}


@pytest.mark.parametrize("case", sorted(BAD_REASONS))
def test_bad_documents_are_one_clear_line_and_exit_2(case: str, tmp_path: Path) -> None:
    path = _bad_documents(tmp_path)[case]
    result = run_cli("parse", str(path))
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0], result.stderr
    assert BAD_REASONS[case] in lines[0]
    assert result.stdout == ""


def test_reading_documents_imports_their_library_only_when_needed() -> None:
    code = (
        "import sys, perftable\n"
        f"perftable.load({str(SAMPLES / 'formats' / 'lianjiang-clean.md')!r})\n"
        "print(','.join(m for m in ('docx', 'lxml', 'pdfplumber', 'pdfminer') if m in sys.modules))\n"
        f"perftable.load({str(DOCUMENTS / 'lanxilu-2026.docx')!r})\n"
        "print(','.join(m for m in ('docx', 'pdfplumber', 'pdfminer') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["", "docx"]


def test_extraction_counts_without_changing_extract() -> None:
    source = read_source(DOCUMENTS / "budget-2026.docx")
    result = extraction(source)
    assert len(result.documents) == 3 and result.skipped == 2
    assert [doc.project for doc in perftable.load_all(DOCUMENTS / "budget-2026.docx")] == [
        None,
        "大气环境监测站点建设",
        "兰溪路-真南路下立交工程",
    ]


def test_pdf_layout_wraps_are_read_not_reported_as_repairs() -> None:
    """A PDF wraps long cells at the column's width: joining those lines is reading, so no P002 joined-lines and
    no I013 'held a line break'; the same break typed in a Word cell is the author's and is still reported."""
    pdf = perftable.load_all(DOCUMENTS / "lanxilu-2026.pdf")[0]
    docx = perftable.load_all(DOCUMENTS / "lanxilu-2026.docx")[0]
    assert not [w for w in pdf.warnings if w.kind == "joined-lines"]
    assert [w for w in docx.warnings if w.kind == "joined-lines"]
    report = perftable.validate(DOCUMENTS / "lianjiang-clean.pdf")
    assert not [f for f in report.findings if f.code == "I013"]


def test_a_pdf_form_without_vertical_rules_is_read_and_a_listing_so_drawn_is_refused_with_the_reason() -> (
    None
):
    variants = Path(__file__).parent / "data" / "variants"
    forms = perftable.load_all(
        variants / "v57_shanghai_three_line_forms.pdf"
    )  # a 三线表: horizontal rules only
    assert [(d.project, len(d.indicators)) for d in forms] == [
        ("社区居家养老服务补贴", 7),
        ("基本公共卫生服务项目", 8),
        ("城乡环境空气质量监测运维", 6),
    ]
    with pytest.raises(ReadError) as refused:
        perftable.load_all(variants / "v58_hebei_listing_no_rules.pdf")
    assert refused.value.kind == "unruled-table" and "no ruling lines" in refused.value.reason
    result = CliRunner().invoke(cli, ["validate", str(variants / "v58_hebei_listing_no_rules.pdf")])
    assert result.exit_code == 2 and "没有画表格线" in result.output
