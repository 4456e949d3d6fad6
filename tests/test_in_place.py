"""``render --in-place`` rewrites only a file perftable owns whole, keeps the original as ``FILE.bak`` (unless
``--no-backup``), and refuses (exit 2, the file untouched, no backup) a file that holds more than the tables it
reads unless ``--force``: text before or after them, another table, a suppression comment; in a workbook another
sheet, a formula, a cell comment, notes under the form."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.comments import Comment

from .conftest import SAMPLES
from .invoke import run_cli

CLEAN_MD = (SAMPLES / "formats" / "lianjiang-clean.md").read_text(encoding="utf-8")
CLEAN_HTML = (SAMPLES / "formats" / "lianjiang-clean.html").read_text(encoding="utf-8")
CLEAN_XLSX = SAMPLES / "formats" / "lianjiang-clean.xlsx"
OTHER_TABLE = "\n## 一、收支预算总表\n\n| 收入 | 金额 | 支出 | 金额 |\n|---|---|---|---|\n| 财政拨款 | 100 | 一般公共服务 | 100 |\n"

# Text files that hold more than their tables: name -> (file name, content, what the refusal quotes).
TEXT_EXTRAS = {
    "section-after": ("t.md", CLEAN_MD + "\n## 编制说明\n\n联系人：张三，电话 0759-1234567\n", "编制说明"),
    "heading-before": ("t.md", "# 廉江市残疾人联合会2024年部门预算公开\n\n" + CLEAN_MD, "部门预算公开"),
    "another-table": ("t.md", CLEAN_MD + OTHER_TABLE, "收支预算总表"),
    "suppression": ("t.md", "<!-- perftable: disable U006 -->\n" + CLEAN_MD, "perftable: disable U006"),
    "html-paragraph": ("t.html", CLEAN_HTML + "\n<p>联系人：张三</p>\n", "联系人：张三"),
}


def _workbook(change: Callable[..., None]) -> bytes:
    book = load_workbook(CLEAN_XLSX)
    change(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _last_row(book: object) -> int:
    return int(book.active.max_row)  # type: ignore[attr-defined]  # an openpyxl workbook


def _note_below(book: object) -> None:
    book.active.cell(row=_last_row(book) + 2, column=1, value="填表人：张三  联系电话：0759-1234567")  # type: ignore[attr-defined]


def _comment(book: object) -> None:
    book.active["B4"].comment = Comment("请核对", "审核人")  # type: ignore[attr-defined]


WORKBOOK_EXTRAS = {
    "another-sheet": (lambda book: book.create_sheet("附件").append(["本表为示例"]), "another sheet"),
    "hidden-sheet": (
        lambda book: setattr(book.create_sheet("底稿"), "sheet_state", "hidden"),
        "another sheet",
    ),
    "formula": (lambda book: book.active.cell(row=_last_row(book), column=20, value="=1+1"), "formulas"),
    "comment": (_comment, "cell comments"),
    "note-below": (_note_below, "填表人"),
}


def _refused(path: Path, original: bytes, quoted: str) -> None:
    result = run_cli("render", str(path), "--in-place")
    assert result.returncode == 2, result
    assert f"perftable: error: {path}: not rewritten in place: it holds " in result.stderr
    assert quoted in result.stderr and "--force" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == original and sorted(p.name for p in path.parent.iterdir()) == [path.name]


def _forced(path: Path, original: bytes) -> None:
    assert run_cli("render", str(path), "--in-place", "--force").returncode == 0
    assert path.read_bytes() != original
    assert path.with_name(path.name + ".bak").read_bytes() == original


@pytest.mark.parametrize("case", sorted(TEXT_EXTRAS))
def test_a_text_file_with_more_than_its_tables_is_refused_unless_forced(case: str, tmp_path: Path) -> None:
    name, content, quoted = TEXT_EXTRAS[case]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    original = path.read_bytes()
    _refused(path, original, quoted)
    _forced(path, original)


@pytest.mark.parametrize("case", sorted(WORKBOOK_EXTRAS))
def test_a_workbook_with_more_than_its_form_is_refused_unless_forced(case: str, tmp_path: Path) -> None:
    change, quoted = WORKBOOK_EXTRAS[case]
    path = tmp_path / "t.xlsx"
    path.write_bytes(_workbook(change))
    original = path.read_bytes()
    _refused(path, original, quoted)
    _forced(path, original)


@pytest.mark.parametrize("name", ["lianjiang-clean.md", "lianjiang-clean.html", "lianjiang-clean.xlsx"])
def test_a_file_that_holds_its_tables_alone_is_rewritten_with_a_backup(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    shutil.copy(SAMPLES / "formats" / name, path)
    path.chmod(0o640)
    original = path.read_bytes()
    assert run_cli("render", str(path), "--in-place").returncode == 0
    backup = path.with_name(name + ".bak")
    assert backup.read_bytes() == original and backup.stat().st_mode & 0o777 == 0o640
    assert path.stat().st_mode & 0o777 == 0o640
    assert run_cli("render", str(path), "--check").returncode == 0
    rewritten = path.read_bytes()
    backup.unlink()
    assert run_cli("render", str(path), "--in-place").returncode == 0  # nothing to change: nothing written
    assert path.read_bytes() == rewritten and not backup.exists()


def test_no_backup_keeps_none(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_text(CLEAN_MD, encoding="utf-8")
    assert run_cli("render", str(path), "--in-place", "--no-backup").returncode == 0
    assert [p.name for p in tmp_path.iterdir()] == ["t.md"]


def test_force_and_no_backup_are_for_in_place(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_text(CLEAN_MD, encoding="utf-8")
    result = run_cli("render", str(path), "--force", "-o", str(tmp_path / "out.md"))
    assert result.returncode == 2 and "--force and --no-backup are for --in-place" in result.stderr
