"""``perftable diff OLD_DIR NEW_DIR``: a review round's tables paired by department and project, then by file name;
added, removed, renamed, changed and unreadable tables; exit codes; every format (in process, fast)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from perftable.cli import cli
from perftable.diff.folders import diff_folders

ROUND = Path(__file__).parent / "data" / "diff" / "round"
OLD, NEW = ROUND / "一上", ROUND / "二上"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["diff", *args], catch_exceptions=False)


def statuses(report_json: str) -> list[tuple[str, str | None, str | None, str | None]]:
    pairs = json.loads(report_json)["pairs"]
    return [
        (p["status"], p["old"] and p["old"]["file"], p["new"] and p["new"]["file"], p["paired_by"])
        for p in pairs
    ]


@pytest.fixture
def round_copy(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(OLD, old)
    shutil.copytree(NEW, new)
    return old, new


def test_tables_paired_by_department_and_project_then_added_and_removed() -> None:
    result = run(str(OLD), str(NEW), "--format", "json")
    assert result.exit_code == 1
    assert statuses(result.stdout) == [
        ("unchanged", "产业路.md", "产业路.md", "key"),
        ("unchanged", "党史研究室.md", "宁德党史研究室.md", "key"),  # renamed file, same department: paired
        ("changed", "残联.md", "残联.md", "key"),
        ("added", None, "民政局.md", None),
        ("removed", "薄弱学校.md", None, None),
    ]
    data = json.loads(result.stdout)
    assert data["summary"] == {
        "paired": 3,
        "changed": 1,
        "unchanged": 2,
        "added": 1,
        "removed": 1,
        "unreadable": 0,
        "skipped": 0,
        "duplicate_keys": 0,
    }
    file_diff = json.loads(run(str(OLD / "残联.md"), str(NEW / "残联.md"), "-f", "json").stdout)
    assert data["pairs"][2]["changes"] == file_diff["tables"][0]["changes"]  # the file diff's change objects
    assert [(c["section"], c["kind"]) for c in data["pairs"][3]["changes"]] == [("table", "added")]


def test_text_report_summary_first_then_each_changed_pair() -> None:
    result = run(str(OLD), str(NEW))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[2] == "摘要: 配对 3 张表（修改 1，无变化 2），新增 1，删除 1，无法读取的文件 0"
    assert lines[6:11] == [
        "  = 产业路.md [示例乡产业路建设项目]",
        "  = 党史研究室.md → 宁德党史研究室.md [中共宁德市委党史和地方志研究室]",
        "  ~ 残联.md [廉江市残疾人联合会]",
        "  + 民政局.md [示例县民政局]",
        "  - 薄弱学校.md [农村义务教育薄弱学校改造]",
    ]
    pair = lines.index(f"--- {OLD}/残联.md [廉江市残疾人联合会]")
    assert lines[pair + 1] == f"+++ {NEW}/残联.md [廉江市残疾人联合会]"
    assert "  ~ 基本支出: 278.55万元 → 300.00万元, +21.45 (+7.70%)" in lines[pair:]
    english = run(str(OLD), str(NEW), "--lang", "en").stdout.splitlines()
    assert (
        english[2]
        == "Summary: 3 tables paired (1 changed, 2 unchanged), 1 added, 1 removed, 0 files unreadable"
    )


def test_equal_folders_exit_0() -> None:
    result = run(str(OLD), str(OLD))
    assert result.exit_code == 0
    assert "摘要: 配对 4 张表（修改 0，无变化 4），新增 0，删除 0，无法读取的文件 0" in result.stdout


def test_unreadable_file_is_reported_and_the_rest_diffed(round_copy: tuple[Path, Path]) -> None:
    old, new = round_copy
    (new / "坏.xlsx").write_bytes(b"not a workbook")
    result = run(str(old), str(new), "-f", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["summary"]["unreadable"] == 1 and data["summary"]["changed"] == 1
    assert [(u["side"], u["file"]) for u in data["unreadable"]] == [("new", "坏.xlsx")]
    assert "坏.xlsx: cannot read the spreadsheet" in result.stderr
    assert run(str(old), str(new), "--extend-exclude", "*.xlsx").exit_code == 1  # the walk's exclude


def test_renamed_department_pairs_by_file_name_and_repeated_keys_in_order(
    round_copy: tuple[Path, Path],
) -> None:
    old, new = round_copy
    table = new / "残联.md"
    table.write_text(
        table.read_text(encoding="utf-8").replace("廉江市残疾人联合会", "廉江市残联"), encoding="utf-8"
    )
    shutil.copy(old / "产业路.md", old / "产业路-副本.md")
    result = run(str(old), str(new))
    assert result.exit_code == 1
    assert (
        "  ~ 残联.md [廉江市残疾人联合会] → 残联.md [廉江市残联] (按文件名配对: 部门 廉江市残疾人联合会 → 廉江市残联)"
        in (result.stdout.splitlines())
    )
    assert (
        "  = 产业路.md [示例乡产业路建设项目] (部门和项目相同的表：原 2 张、新 1 张，先按文件名、再按顺序配对)"
        in (result.stdout.splitlines())
    )
    report = diff_folders(old, new).report
    assert report.summary.duplicate_keys == 1
    assert [(p.status, p.paired_by, p.old and p.old.file) for p in report.pairs if p.duplicate_key] == [
        ("unchanged", "key", "产业路.md"),
        ("removed", None, "产业路-副本.md"),
    ]
    assert next(p for p in report.pairs if p.paired_by == "file").unrelated == (
        "department 廉江市残疾人联合会 vs 廉江市残联"
    )


def test_markdown_html_and_xlsx(tmp_path: Path) -> None:
    markdown = run(str(OLD), str(NEW), "-f", "markdown").stdout
    assert "| 新增 |  | 民政局.md [示例县民政局] |  |" in markdown
    assert f"### `{OLD}/残联.md [廉江市残疾人联合会]` → `{NEW}/残联.md [廉江市残疾人联合会]`" in markdown
    page = tmp_path / "round.html"
    assert run(str(OLD), str(NEW), "-o", str(page)).exit_code == 1
    text = page.read_text(encoding="utf-8")
    assert '<td class="added">民政局.md [示例县民政局]</td>' in text
    assert '<td class="changed">260户<div class="note changed">原: 240户；+20</div></td>' in text
    book = tmp_path / "round.xlsx"
    assert run(str(OLD), str(NEW), "-o", str(book)).exit_code == 1
    wb = load_workbook(io.BytesIO(book.read_bytes()))
    assert wb.sheetnames == ["摘要", "1 廉江市残疾人联合会", "变更清单"]
    rows = [[c for c in row if c is not None] for row in wb["变更清单"].iter_rows(values_only=True)]
    assert ["原表", "新表", "变化", "部分", "项目", "原", "新", "说明"] in rows
    assert sum(1 for row in rows if row[:1] == [f"{OLD}/薄弱学校.md [农村义务教育薄弱学校改造]"]) == 1


def test_a_folder_and_a_file_is_a_usage_error() -> None:
    result = run(str(OLD), str(NEW / "残联.md"))
    assert result.exit_code == 2 and "is not a folder" in result.stderr


def test_a_file_without_a_table_is_skipped_with_a_note_under_skip_no_table(
    round_copy: tuple[Path, Path],
) -> None:
    old, new = round_copy
    (new / "说明.md").write_text("# 二上说明\n\n本轮只修改了残联的指标。\n", encoding="utf-8")
    (old / "空白.md").write_text("\n\n", encoding="utf-8")  # an empty draft
    plain = run(str(old), str(new), "-f", "json")
    assert plain.exit_code == 2  # without the option a file without a table is unreadable
    assert json.loads(plain.stdout)["summary"]["unreadable"] == 2

    skipped = run(str(old), str(new), "-f", "json", "--skip-no-table")
    data = json.loads(skipped.stdout)
    assert skipped.exit_code == 1  # the round's own changes decide
    assert data["summary"]["unreadable"] == 0 and data["summary"]["skipped"] == 2
    assert [(item["side"], item["file"]) for item in data["skipped"]] == [
        ("old", "空白.md"),
        ("new", "说明.md"),
    ]
    assert f"perftable: note: {new / '说明.md'}: no 绩效目标表, skipped (--skip-no-table)" in skipped.stderr
    assert "跳过无绩效目标表的文件 2" in run(str(old), str(new), "--skip-no-table").stdout


def test_skip_no_table_in_the_configuration_applies_to_a_folder_diff(round_copy: tuple[Path, Path]) -> None:
    old, new = round_copy
    (new / "说明.md").write_text("# 二上说明\n\n只有文字。\n", encoding="utf-8")
    (new / "perftable.toml").write_text("[tool.perftable]\nskip-no-table = true\n", encoding="utf-8")
    result = run(str(old), str(new), "-f", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["skipped"] == 1
