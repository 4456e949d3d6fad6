"""Files that would take the machine down: a native reader's crash is contained, limits hold before allocation, and
every refusal names the limit and the option that raises it. Every file is made here (zip-level crafting); memory
and time bounds are asserted by running the command in a child process under ``resource`` limits, never by a
timed assertion.
"""

from __future__ import annotations

import io
import json
import os
import re
import resource
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from perftable.errors import ReadError
from perftable.readers import ReadOptions, read_source
from perftable.readers.contain import contained, time_limit

from .conftest import ROOT, SAMPLES
from .pdf_bytes import make_pdf, text_page

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="containment needs os.fork")

SEED = SAMPLES / "guangdong-department" / "lianjiang-2024.md"
ODS = (SAMPLES / "formats" / "lianjiang-clean.ods").read_bytes()
XLSX = (SAMPLES / "formats" / "lianjiang-clean.xlsx").read_bytes()
DOCX = (SAMPLES / "documents" / "lianjiang-clean.docx").read_bytes()
MEMORY = (
    3 * 1024**3
)  # the address space a command under test may take (its children included, each on its own)


def rewrite(source: bytes, change: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, change.get(info.filename, old.read(info)))
    return out.getvalue()


def bounded(*args: str, seconds: int = 60) -> subprocess.CompletedProcess[str]:
    """``perftable ARGS`` in a child whose address space is limited: a command that would blow up fails here, not
    on the machine."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    return subprocess.run(
        [sys.executable, "-m", "perftable", *args],
        capture_output=True, text=True, encoding="utf-8", errors="replace", cwd=ROOT, timeout=seconds,
        preexec_fn=limit, check=False,
    )  # fmt: skip


# --- the mechanism ----------------------------------------------------------------------------------------------


def test_a_result_crosses_back() -> None:
    assert contained(lambda: {"a": [1, 2]}, "x", seconds=10, memory=2**30) == {"a": [1, 2]}


def test_a_read_error_crosses_back_whole() -> None:
    def refuse() -> None:
        raise ReadError("x.md", "the file is empty", "empty")

    with pytest.raises(ReadError) as caught:
        contained(refuse, "x.md", seconds=10, memory=2**30)
    assert (caught.value.path, caught.value.kind, caught.value.reason) == (
        "x.md",
        "empty",
        "the file is empty",
    )


def test_a_native_abort_is_this_files_error() -> None:
    with pytest.raises(ReadError, match=r"the reader crashed on it \(SIGABRT") as caught:
        contained(os.abort, "x.xlsx", seconds=10, memory=2**30)
    assert caught.value.kind == "crashed"


def test_a_memory_blow_up_is_stopped_at_the_limit() -> None:
    with pytest.raises(ReadError, match=r"more memory than the limit of 256MiB, .* --max-memory") as caught:
        contained(lambda: bytearray(2 * 1024**3), "x.pdf", seconds=10, memory=256 * 1024**2)
    assert caught.value.kind == "too-large"


def test_a_file_taking_too_long_is_stopped() -> None:
    started = time.monotonic()
    with pytest.raises(ReadError, match=r"longer than the limit of 0.5 s, .* --timeout") as caught:
        contained(lambda: time.sleep(30), "x.pdf", seconds=0.5, memory=2**30)
    assert caught.value.kind == "too-slow" and time.monotonic() - started < 10


def test_a_bug_is_this_files_internal_error() -> None:
    with pytest.raises(ReadError, match="ZeroDivisionError") as caught:
        contained(lambda: 1 // 0, "x.docx", seconds=10, memory=2**30)
    assert (caught.value.kind, caught.value.path) == ("internal", "x.docx")


def test_work_in_process_has_a_time_limit_too() -> None:
    with pytest.raises(ReadError, match="--timeout"), time_limit(0.3, "x.md"):
        while True:
            pass


# --- limits before allocation, every format ---------------------------------------------------------------------


def ods_bomb(rows: int, columns: int) -> bytes:
    """A 4 KB .ods whose first row declares ``rows`` × ``columns`` cells that hold text."""
    content = zipfile.ZipFile(io.BytesIO(ODS)).read("content.xml")
    row = (
        f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell table:number-columns-repeated='
        f'"{columns}" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
    ).encode()
    return rewrite(
        ODS, {"content.xml": re.sub(rb"<table:table-row\b", row + b"<table:table-row", content, count=1)}
    )


def test_ods_declared_repetition_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "bomb.ods"
    path.write_bytes(ods_bomb(1_000_000, 16_000))
    assert path.stat().st_size < 10_000
    with pytest.raises(ReadError, match=r"1,000,000 rows × 16,000 columns .* --max-cells"):
        read_source(path)


def test_ods_padding_of_empty_repeated_cells_is_not_counted(tmp_path: Path) -> None:
    """LibreOffice pads a sheet with repeated empty rows and cells: those reach nothing."""
    content = zipfile.ZipFile(io.BytesIO(ODS)).read("content.xml")
    padding = (b'<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
               b'table:number-columns-repeated="16000"/></table:table-row></table:table>')  # fmt: skip
    path = tmp_path / "padded.ods"
    path.write_bytes(rewrite(ODS, {"content.xml": content.replace(b"</table:table>", padding, 1)}))
    assert [len(t.rows) for t in read_source(path).tables()] == [len(t.rows) for t in read_source(SAMPLES / "formats" / "lianjiang-clean.ods").tables()]  # fmt: skip


def test_xlsx_cells_without_references_are_counted(tmp_path: Path) -> None:
    row = b"<row>" + b'<c t="inlineStr"><is><t>x</t></is></c>' * 100 + b"</row>"
    sheet = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             b'spreadsheetml/2006/main"><sheetData>' + row * 20_000 + b"</sheetData></worksheet>")  # fmt: skip
    path = tmp_path / "norefs.xlsx"
    path.write_bytes(rewrite(XLSX, {"xl/worksheets/sheet1.xml": sheet}))
    with pytest.raises(ReadError, match=r"spans at least .* rows × 100 columns .* --max-cells"):
        read_source(path)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("ragged.md", "| 一级指标 | 指标值 |\n|---|---|\n|" + "a|" * 6000 + "\n" + "|b|\n" * 2000),
        ("ragged.csv", "a," * 6000 + "\n" + "b\n" * 2000),
        ("spans.html", "<table>" + ("<tr>" + "<td colspan=1000>x</td>" * 10 + "</tr>") * 1000 + "</table>"),
    ],
    ids=lambda value: value if len(value) < 20 else "",
)
def test_a_grid_is_refused_before_it_is_padded(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size < 250_000
    with pytest.raises(ReadError, match=r"rows × .* columns = .* over the limit of 1,000,000 \(raise it with --max-cells\)"):  # fmt: skip
        read_source(path)


def test_docx_unpacked_size_is_limited(tmp_path: Path) -> None:
    document = zipfile.ZipFile(io.BytesIO(DOCX)).read("word/document.xml")
    path = tmp_path / "bomb.docx"
    path.write_bytes(rewrite(DOCX, {"word/document.xml": document.replace(b"<w:body>", b"<w:body>" + b" " * 20_000_000, 1)}))  # fmt: skip
    with pytest.raises(ReadError, match=r"unpacks to .* over the limit of 10,000,000 .* --max-unzipped"):
        read_source(path, options=ReadOptions(max_unzipped=10_000_000))


def test_docx_of_millions_of_paragraphs_is_refused_before_parsing(tmp_path: Path) -> None:
    document = zipfile.ZipFile(io.BytesIO(DOCX)).read("word/document.xml")
    path = tmp_path / "paragraphs.docx"
    path.write_bytes(rewrite(DOCX, {"word/document.xml": document.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * 300_000, 1)}))  # fmt: skip
    with pytest.raises(ReadError, match=r"more than 100,000 paragraphs and table cells, .* --max-cells"):
        read_source(path, options=ReadOptions(max_cells=100_000))


def flate_bomb(size: int) -> bytes:
    """A one-page PDF whose content stream unpacks to ``size`` bytes of blanks."""
    packer = zlib.compressobj(9)
    body = packer.compress(text_page(["hello"]) + b"\n") + packer.compress(b" " * size) + packer.flush()
    pdf = make_pdf([b"BT /F1 11 Tf 72 760 Td (x) Tj ET"])
    plain = b"<< /Length 32 >>\nstream\nBT /F1 11 Tf 72 760 Td (x) Tj ET\nendstream"
    assert plain in pdf
    packed = f"<< /Filter /FlateDecode /Length {len(body)} >>\nstream\n".encode() + body + b"\nendstream"
    return pdf.replace(plain, packed)  # the xref offsets after it are off: PDF readers repair that


def test_pdf_flate_bomb_is_refused_before_pdfium(tmp_path: Path) -> None:
    path = tmp_path / "bomb.pdf"
    path.write_bytes(flate_bomb(50_000_000))
    with pytest.raises(
        ReadError, match=r"compressed streams unpack to more than 10,000,000 .* --max-unzipped"
    ):
        read_source(path, options=ReadOptions(max_unzipped=10_000_000))


# --- through the command line, under a memory limit -------------------------------------------------------------


def test_a_reader_blow_up_is_one_files_p001_and_the_batch_goes_on(tmp_path: Path) -> None:
    """The cell limit raised past what calamine can build: the memory limit stops it, the other file is read."""
    (tmp_path / "a-bomb.ods").write_bytes(ods_bomb(9_000, 10_000))
    (tmp_path / "b-seed.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = bounded("validate", str(tmp_path), "--isolated", "--format", "concise", "--lang", "en",
                     "--max-cells", "100000000", "--max-memory", "300MB")  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert re.search(
        r"a-bomb.ods: P001 .*more memory than the limit of 300,000,000 bytes.*--max-memory", result.stdout
    )
    assert "b-seed.md:16:19: I012" in result.stdout and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["parse", "render --to json", "export -o {out}", "diff {seed}"])
def test_every_command_reports_a_hostile_file_by_the_limit_it_broke(tmp_path: Path, command: str) -> None:
    bomb = tmp_path / "bomb.ods"
    bomb.write_bytes(ods_bomb(1_000_000, 16_000))
    name, *rest = command.format(out=tmp_path / "x.csv", seed=SEED).split()
    result = bounded(name, str(bomb), *rest)
    assert result.returncode == 2, result.stderr
    assert (
        "16,000,000,000 cells" in result.stdout + result.stderr
        and "--max-cells" in result.stdout + result.stderr
    )
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


@pytest.mark.parametrize("value", ["1e400", "nan", "-5MB", "0"])
def test_a_limit_that_is_no_size_is_a_usage_error(value: str) -> None:
    result = bounded("validate", str(SEED), "--isolated", "--max-file-size", value)
    assert (
        result.returncode == 2 and "is not a size" in result.stderr and "internal error" not in result.stderr
    )


# --- one bad value never ends a run -----------------------------------------------------------------------------


@pytest.mark.parametrize(("basic", "project"), [("123456789012345678901234567890", "995.17"), ("999999999999999999.5", "0.0001")])  # fmt: skip
def test_huge_amounts_are_findings_not_internal_errors(tmp_path: Path, basic: str, project: str) -> None:
    """30 digits overflowed Decimal.quantize in diff and in B002/B009 (exit 3); 18 digits still divide."""
    text = SEED.read_text(encoding="utf-8").replace("| 278.55 ", f"| {basic} ", 1).replace("| 995.17 ", f"| {project} ", 1)  # fmt: skip
    path = tmp_path / "huge.md"
    path.write_text(text, encoding="utf-8")
    validated = bounded("validate", str(path), "--isolated", "--format", "concise", "--lang", "en")
    assert validated.returncode == 1 and "P001" not in validated.stdout, validated.stdout
    for old, new in ((SEED, path), (path, SEED)):
        compared = bounded("diff", str(old), str(new))
        assert compared.returncode == 1 and "error" not in compared.stderr, compared.stderr


def test_rounding_a_number_too_long_for_the_context_keeps_it() -> None:
    from decimal import Decimal

    from perftable.values.numbers import rounded

    assert rounded(Decimal("2.345"), 2) == Decimal("2.34") and rounded(Decimal("1E+40")) == Decimal("1E+40")


# --- a batch of a thousand files, some of them hostile ----------------------------------------------------------


@pytest.mark.slow
def test_a_thousand_file_batch_with_hostile_files_reports_every_file_once(tmp_path: Path) -> None:
    """980 tables and 20 hostile files of every kind in one folder, two workers, under a memory limit: every file
    is reported once, the hostile ones as P001 with their reason, and the run ends with exit 2, no traceback."""
    seed = SEED.read_text(encoding="utf-8")
    for n in range(980):  # distinct tables: another project name and target each
        text = seed.replace("≥", f"≥{n % 97 + 1}", 1) if "≥" in seed else seed
        (tmp_path / f"t{n:04d}.md").write_text(text.replace("项目", f"项目{n}", 1), encoding="utf-8")
    hostile = {
        "h00-empty.md": b"",
        "h01-binary.md": bytes(range(256)) * 40,
        "h02-truncated.xlsx": (SAMPLES / "formats" / "lianjiang-clean.xlsx").read_bytes()[:900],
        "h03-not-a-zip.docx": b"PK\x03\x04 not really a zip",
        "h04-ods-bomb.ods": ods_bomb(9_000, 10_000),
        "h05-flate-bomb.pdf": flate_bomb(40_000_000),
        "h06-ragged.md": (
            "| a |\n|---|\n" + "".join(f"|{'x|' * (k % 400 + 1)}\n" for k in range(3000))
        ).encode(),
        "h07-spans.html": ("<table>" + '<tr><td colspan="1000">x</td></tr>' * 2000 + "</table>").encode(),
        "h08-no-table.md": "只有一段说明文字。\n".encode(),
        "h09-gbk.md": seed.encode("gb18030"),
        "h10-utf16.md": seed.encode("utf-16"),
        "h11-nul.csv": b"a,b\x00,c\n" * 1000,
        "h12-deep.html": b"<table>" * 50_000,
        "h13-huge-amount.md": seed.replace("278.55", "9" * 40, 1).encode(),
        "h14-pdf-garbage.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 100,
        "h15-xls-garbage.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 5000,
        "h16-ods-garbage.ods": b"PK\x05\x06" + b"\x00" * 18,
        "h17-long-line.md": b"| " + b"9" * 5_000_000 + b" |\n",
        "h18-control.md": seed.replace("产出指标", "产出\x1b]0;x\x07指标", 1).encode(),
        "h19-xml-entities.html": b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><table><tr><td>&a;&a;&a;</td></tr></table>',
    }
    for name, data in hostile.items():
        (tmp_path / name).write_bytes(data)
    result = bounded(
        "validate", str(tmp_path), "--isolated", "--jobs", "2", "--format", "json-lines", "--lang", "en",
        "--max-memory", "400MB", "--timeout", "60", seconds=600,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    reports = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    files = [Path(report["file"]).name for report in reports if "file" in report]
    assert sorted(set(files)) == sorted(path.name for path in tmp_path.iterdir())
    p001 = [Path(r["file"]).name for r in reports if r.get("code") == "P001"]
    assert len(p001) == len(set(p001))  # once each, never twice (a retried worker counts its file once)
    unreadable = set(p001)
    assert unreadable >= {"h00-empty.md", "h01-binary.md", "h04-ods-bomb.ods", "h05-flate-bomb.pdf"}
    assert not {name for name in unreadable if name.startswith("t")}
