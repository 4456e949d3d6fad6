"""perftable as its users meet it (issue 14): what a finance officer reads at the end of a report, messages that
say what to do, repairs grouped, display filters."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from perftable.cli import cli

from .conftest import SAMPLES

SEED = SAMPLES / "guangdong-department" / "lianjiang-2024.md"
CLEAN = SAMPLES / "formats" / "lianjiang-clean.md"


def validate(*args: str, cwd: Path | None = None) -> tuple[int, list[str]]:
    runner = CliRunner()
    if cwd is None:
        result = runner.invoke(cli, ["validate", "--isolated", *args])
    else:
        old = Path.cwd()
        os.chdir(cwd)
        try:
            result = runner.invoke(cli, ["validate", "--isolated", *args])
        finally:
            os.chdir(old)
    return result.exit_code, result.output.splitlines()


# --- the verdict ------------------------------------------------------------------------------------------------


def test_the_last_line_says_whether_to_submit_and_which_files_to_change() -> None:
    code, lines = validate(str(SEED))
    assert code == 1
    assert lines[-1] == f"请修改：1 个错误，12 个警告（{SEED.relative_to(Path.cwd()).as_posix()}）"


def test_the_verdict_in_english_and_for_a_file_that_passes() -> None:
    code, lines = validate(str(CLEAN), "--ignore", "I003", "--lang", "en")
    assert code == 0
    assert lines[-1] == "Ready to submit: 0 errors, 2 warnings"
    code, lines = validate(str(CLEAN), "--select", "B")
    assert (code, lines[-1]) == (0, "可以提交：0 个错误，0 个警告")


def test_the_verdict_names_unreadable_files(tmp_path: Path) -> None:
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    code, lines = validate("broken.xlsx", cwd=tmp_path)
    assert code == 2
    assert lines[-1] == "请修改：1 个错误，0 个警告，1 个文件无法读取（broken.xlsx）"


def test_the_verdict_lists_five_files_then_counts_the_others(tmp_path: Path) -> None:
    for n in range(7):
        (tmp_path / f"t{n}.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    _, lines = validate(".", "--select", "I003", cwd=tmp_path)
    assert lines[-1] == "请修改：7 个错误，0 个警告（t0.md、t1.md、t2.md、t3.md、t4.md、等 2 个文件）"


# --- messages ---------------------------------------------------------------------------------------------------


def test_the_hint_prefix_is_not_the_info_label() -> None:
    _, lines = validate(str(SEED), "--select", "I003,I012")
    assert any("  提示  I012" in line for line in lines)
    assert any(line.strip().startswith("建议: 填写指标值") for line in lines)
    assert not any(line.strip().startswith("提示:") for line in lines)


def test_satisfaction_messages_say_how_to_write_the_target(tmp_path: Path) -> None:
    table = tmp_path / "t.md"
    table.write_text(
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|\n"
        "| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90 |\n"
        "|  |  | 家长满意度 | 85% |\n"
        "|  |  | 学员满意度 | ≥0.95 |\n",
        encoding="utf-8",
    )
    _, lines = validate(str(table), "--select", "U003", "--format", "concise")
    assert [line.split(": U003 ")[1] for line in lines] == [
        "满意度指标「群众满意度」的指标值「≥90」不是百分比，应写作「≥90%」",
        "满意度指标「家长满意度」的指标值「85%」应写作“≥”目标「≥85%」",
        "满意度指标「学员满意度」的指标值「≥0.95」不是百分比，应写作「≥95%」",
    ]


def test_a_corrupt_workbook_is_said_in_chinese_only(tmp_path: Path) -> None:
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    _, lines = validate("broken.xlsx", "--format", "concise", cwd=tmp_path)
    assert lines == ["broken.xlsx: P001 无法读取电子表格，文件可能已损坏或不完整"]
    _, lines = validate("broken.xlsx", "--format", "concise", "--lang", "en", cwd=tmp_path)
    assert lines[0].startswith("broken.xlsx: P001 cannot read the spreadsheet (")


# --- repairs grouped, display filters -----------------------------------------------------------------------------


def test_repairs_of_one_kind_are_one_line_with_their_places_unless_verbose() -> None:
    _, lines = validate(str(SEED), "--select", "P003")
    realigned = [line for line in lines if "P003" in line and "对齐" in line]
    assert realigned == [
        "  49:70  警告  P003  单元格错位的行已按内容重新对齐"
        "（7 处：49:70、50:70、52:92、53:3、54:3、55:3、56:3；-v 逐条列出）"
    ]
    assert sum("建议: 请对照原件核对该处" in line for line in lines) == 3  # one per line shown
    _, lines = validate(str(SEED), "--select", "P003", "-v")
    assert sum("该行单元格错位，已按内容重新对齐" in line for line in lines) == 7


def test_grouped_repairs_count_a_row_once() -> None:
    _, lines = validate(str(SEED), "--select", "P002", "--lang", "en")
    (line,) = [line for line in lines if "  P002  " in line]
    assert line.endswith("(5 places: 31:44, 38:44, 44:44, 50:70, 53:3; -v lists each)")


def test_quiet_shows_errors_only_and_still_counts_the_rest() -> None:
    code, lines = validate(str(SEED), "--quiet")
    shown = [line for line in lines if line.startswith("  ") and line.strip()[0].isdigit()]
    assert [line.split()[1:3] for line in shown] == [["错误", "I003"]]
    assert code == 1
    assert lines[-1].startswith("请修改：1 个错误，12 个警告")


@pytest.mark.parametrize(("level", "severities"), [("warning", {"error", "warning"}), ("error", {"error"})])
def test_min_severity_filters_every_format(level: str, severities: set[str]) -> None:
    result = CliRunner().invoke(cli, ["validate", "--isolated", str(SEED), "--format", "json",
                                      "--min-severity", level])  # fmt: skip
    assert {finding["severity"] for finding in json.loads(result.output)} == severities


def test_quiet_and_a_lower_min_severity_contradict() -> None:
    code, lines = validate(str(SEED), "--quiet", "--min-severity", "info")
    assert code == 2 and "--quiet" in lines[-1]


# --- budget messages --------------------------------------------------------------------------------------------


def _seed_with(tmp_path: Path, old: str, new: str) -> Path:
    text = SEED.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "t.md"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _budget_messages(path: Path, lang: str = "zh") -> list[str]:
    _, lines = validate(str(path), "--select", "B", "--format", "concise", "--lang", lang)
    return [line.split(": ", 1)[1] for line in lines]


def test_one_edited_amount_behind_two_mismatches_is_named_once_in_each(tmp_path: Path) -> None:
    path = _seed_with(tmp_path, "| 278.55 ", "| 288.55 ")
    assert _budget_messages(path) == [
        "B002 资金来源 财政拨款 1,273.72 + 其他资金 空 = 1,273.72，但支出合计（基本支出 288.55 + 项目支出 995.17）为 "
        "1,283.72，相差 10.00万元；B002、B003 这几处不符可能出自同一个金额：基本支出 288.55 → 278.55 或 项目支出 "
        "995.17 → 985.17",
        "B003 按预算级次划分 市本级使用资金 1,273.72 + 拟用于对下转移支付资金 空 = 1,273.72，但支出合计（基本支出 "
        "288.55 + 项目支出 995.17）为 1,283.72，相差 10.00万元；B002、B003 这几处不符可能出自同一个金额：基本支出 "
        "288.55 → 278.55 或 项目支出 995.17 → 985.17",
    ]
    english = _budget_messages(path, "en")
    assert english[0].endswith(
        "B002, B003 may share one cause: 基本支出 288.55 → 278.55 or 项目支出 995.17 → 985.17"
    )
    assert not any(
        "空" in message.split("」")[-1] for message in english
    )  # no Chinese word of ours in English


def test_a_blank_part_a_total_needs_is_named_as_the_likely_cause(tmp_path: Path) -> None:
    path = _seed_with(tmp_path, "| 995.17 ", "|  ")
    messages = _budget_messages(path)
    assert messages[0] == (
        "B002 资金来源 财政拨款 1,273.72，但支出合计（基本支出 278.55 + 项目支出 空）为 278.55，相差 995.17万元；"
        "B002、B003 这几处不符可能出自同一个金额：项目支出 空 → 995.17"
    )


def test_one_part_is_not_added_up_to_itself(tmp_path: Path) -> None:
    path = _seed_with(tmp_path, "| 278.55 ", "| 288.55 ")
    for message in _budget_messages(path):
        assert "1,273.72 = 1,273.72" not in message and "1273.72" not in message  # one number format


# --- help and usage errors in Chinese ---------------------------------------------------------------------------


def test_help_is_in_chinese_under_a_chinese_locale_and_english_otherwise() -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["validate", "--help"],
        prog_name="perftable",
        env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"},
    )
    assert result.output.startswith("用法： perftable validate [OPTIONS] PATHS...\n\n  校验绩效目标表")
    assert "  -q, --quiet                     只显示错误，等同于 --min-severity error。" in result.output
    assert "显示本帮助并退出。" in result.output
    result = runner.invoke(
        cli,
        ["validate", "--help"],
        prog_name="perftable",
        env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"},
    )
    assert result.output.startswith("Usage: perftable validate [OPTIONS] PATHS...\n\n  Validate 绩效目标表")
    result = runner.invoke(
        cli, ["--help"], prog_name="perftable", env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}
    )
    assert "  validate  校验表格并报告发现的问题（有错误时退出码为 1）。" in result.output
    assert "  -V, --version  显示版本并退出。" in result.output
    assert "  -h, --help     显示本帮助并退出。" in result.output  # not the English one a run before made


def test_usage_errors_follow_lang_on_the_command_line() -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["validate", "x.md", "--lang", "zh", "--fail-on", "bad"], env={"LANG": "C"})
    assert result.exit_code == 2
    assert (
        result.output.splitlines()[-1]
        == "错误：'--fail-on' 的值无效：'bad' 不是 'error', 'warning', 'info' 之一。"
    )
    result = runner.invoke(cli, ["validate", "--bogus", "x.md"], env={"LC_ALL": "zh_CN.UTF-8"})
    assert "错误：没有这个选项 '--bogus'。" in result.output
    result = runner.invoke(cli, ["validate", "--bogus", "x.md"], env={"LC_ALL": "en_US.UTF-8"})
    assert "Error: No such option '--bogus'." in result.output  # nothing carried over from the run before


# --- CI: standard input, SARIF, S001 in the configuration, baselines ----------------------------------------------


def test_validate_reads_standard_input_under_the_name_given() -> None:
    runner = CliRunner()
    text = SEED.read_text(encoding="utf-8")
    args = ["validate", "--isolated", "-", "--select", "I003", "--format", "concise"]
    result = runner.invoke(cli, args, input=text)
    assert (result.exit_code, result.output.split(": I003")[0]) == (1, "stdin.md:52:92")
    result = runner.invoke(cli, [*args, "--stdin-filename", "tables/廉江.md"], input=text)
    assert result.output.split(": I003")[0] == "tables/廉江.md:52:92"
    workbook = (SAMPLES / "formats" / "lianjiang-clean.xlsx").read_bytes()
    result = runner.invoke(cli, [*args, "--stdin-filename", "a.xlsx"], input=workbook)
    assert result.output.split(": I003")[0] == "a.xlsx:绩效目标表!D44"  # the suffix says the format


def test_stdin_filename_without_standard_input_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["validate", str(SEED), "--stdin-filename", "a.md"])
    assert result.exit_code == 2 and "pass - among the paths" in result.output


def test_sarif_uris_are_percent_encoded(tmp_path: Path) -> None:

    (tmp_path / "my table 表.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    _, lines = validate("my table 表.md", "--select", "I003", "--format", "sarif", cwd=tmp_path)
    (result,) = json.loads("\n".join(lines))["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20table%20%E8%A1%A8.md"


def test_an_unused_cell_ignore_points_at_its_line_in_the_configuration(tmp_path: Path) -> None:

    shutil.copy(SAMPLES / "formats" / "lianjiang-clean.xlsx", tmp_path / "t.xlsx")
    (tmp_path / "perftable.toml").write_text(
        'select = ["I003", "S001"]\n\n[cell-ignores]\n"绩效目标表!D44" = ["I003"]\n"绩效目标表!Z99" = ["I003"]\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "t.xlsx"), "--format", "json"])

    (finding,) = json.loads(result.output)
    assert (finding["code"], finding["location"]["line"], finding["location"]["column"]) == ("S001", 5, 1)
    assert finding["file"].endswith("perftable.toml")
    assert finding["message"] == (
        f"配置中的 cell-ignores 条目「绩效目标表!Z99」在 {tmp_path / 't.xlsx'} 中没有抑制任何发现（I003），请删除"
    )


def test_a_baseline_holds_from_another_folder_and_for_absolute_paths(tmp_path: Path) -> None:
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "a.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    code, _ = validate("tables", "--write-baseline", "base.json", cwd=tmp_path)
    assert code == 0

    entries = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))["findings"]
    assert {entry["file"] for entry in entries} == {"tables/a.md"}
    assert validate("a.md", "--baseline", "../base.json", cwd=tmp_path / "tables")[0] == 0
    assert validate(str(tmp_path / "tables" / "a.md"), "--baseline", str(tmp_path / "base.json"))[0] == 0


# --- render: --diff, --check over a folder, repairs refused table by table, JSON -------------------------------


def render(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["render", *args])
    return result.exit_code, result.stdout, result.stderr


def test_render_diff_exits_1_when_it_shows_changes(tmp_path: Path) -> None:
    code, out, _ = render(str(CLEAN), "--diff")
    assert code == 1 and out.startswith(f"--- {CLEAN}\n")
    clean = tmp_path / "clean.md"
    clean.write_text(render(str(CLEAN))[1], encoding="utf-8")
    assert render(str(clean), "--diff")[:2] == (0, "")


def test_render_check_of_a_folder_skips_what_it_cannot_rewrite(tmp_path: Path) -> None:
    for name in ("lianjiang-clean.csv", "lianjiang-clean.xls", "lianjiang-clean.ods"):
        shutil.copy(SAMPLES / "formats" / name, tmp_path / name)
    clean = tmp_path / "clean.md"
    clean.write_text(render(str(CLEAN))[1], encoding="utf-8")
    code, _, err = render(str(tmp_path), "--check")
    assert code == 0, err
    assert f"perftable: note: {tmp_path / 'lianjiang-clean.csv'}: .csv files cannot be rewritten" in err


def test_a_risky_repair_refuses_its_table_not_the_file(tmp_path: Path) -> None:
    out = tmp_path / "b.md"
    code, _, err = render(str(SAMPLES / "documents" / "budget-2026.docx"), "-o", str(out))
    assert code == 2
    assert "table 3 of 3 (兰溪路-真南路下立交工程): 1 repair could change its meaning" in err
    written = out.read_text(encoding="utf-8")
    assert [line for line in written.splitlines() if line.startswith("## ")] == [
        "## 示例县民政局2024年部门整体支出绩效目标表",
        "## 项目支出绩效目标表（2025年度）",
    ]
    assert "兰溪路" not in written


def test_json_of_a_repaired_table_needs_no_fix() -> None:
    code, out, _ = render(str(SEED), "--to", "json")
    assert code == 0
    assert json.loads(out)["warnings"][0]["code"] in ("P002", "P003")


# --- the analyst ------------------------------------------------------------------------------------------------


def export(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["export", *args])
    return result.exit_code, result.stdout


def test_export_to_stdout_with_yuan_split_locations_and_ids() -> None:
    code, out = export(str(SAMPLES / "shanghai-project" / "lanxilu-2026.xlsx"), "--what", "budget", "-o", "-")
    assert code == 0 and not out.startswith("\ufeff")  # no BOM in a pipe
    import csv

    rows = list(csv.DictReader(out.splitlines()))
    first = rows[0]
    assert (first["label"], first["amount"], first["unit"], first["amount_yuan"]) == (
        "项目资金总额", "771325800.00", "元", "771325800.00"
    )  # fmt: skip
    assert (first["at_sheet"], first["at_cell"], first["at_line"]) == (
        "项目绩效目标申报表",
        first["at_cell"],
        "",
    )
    assert first["at_cell"] and len(first["id"]) == 16 and len({row["id"] for row in rows}) == len(rows)


def test_amounts_in_wan_yuan_are_exact_in_yuan() -> None:
    import perftable

    frame = perftable.to_frame(str(SAMPLES / "central-project" / "jiance-2025.html"), "budget")
    from decimal import Decimal

    assert {type(value) for value in frame["amount_yuan"].dropna()} == {Decimal}
    assert frame.loc[frame["key"] == "annual_total", "amount_yuan"].item() == Decimal("2000000")
    indicators = perftable.to_frame(str(SAMPLES / "central-project" / "jiance-2025.html"))
    cost = indicators[indicators["name"] == "设备购置成本"].iloc[0]
    assert (cost["effective_unit"], cost["amount_yuan"]) == ("万元", Decimal("1800000"))


def test_export_what_tables_has_totals_and_what_validate_finds() -> None:
    code, out = export(str(SEED), str(CLEAN), "--what", "tables", "-o", "-", "--format", "jsonl")
    assert code == 0
    seed, clean = (json.loads(line) for line in out.splitlines())
    assert (seed["kind"], seed["errors"], seed["warnings"], seed["passed"]) == ("department", 1, 12, False)
    assert (clean["errors"], clean["passed"], clean["indicators"]) == (1, False, 27)


def test_findings_join_exported_rows_by_id() -> None:
    _, out = export(str(SEED), "-o", "-", "--format", "jsonl")
    rows = {row["id"]: row for row in map(json.loads, out.splitlines())}
    result = CliRunner().invoke(
        cli, ["validate", "--isolated", str(SEED), "--select", "I003", "--format", "json"]
    )
    (finding,) = json.loads(result.stdout)
    assert rows[finding["row_id"]]["name"] == "接受服务家庭对改造工作满意度(%)"


def test_export_refuses_a_binary_format_on_stdout() -> None:
    result = CliRunner().invoke(cli, ["export", str(SEED), "-o", "-", "--format", "xlsx"])
    assert result.exit_code == 2 and "xlsx is a binary format" in result.stderr


def test_the_python_api_walks_folders() -> None:
    import perftable

    report = perftable.validate(SAMPLES / "shanghai-project")
    assert report.summary.files == 3 and not report.unreadable
    frame = perftable.to_frame(SAMPLES / "shanghai-project", "tables")
    assert [Path(name).name for name in frame["file"]] == [
        "lanxilu-2026.csv",
        "lanxilu-2026.md",
        "lanxilu-2026.xlsx",
    ]


def test_to_frame_leaves_out_a_file_without_tables_with_a_warning(tmp_path: Path) -> None:
    import perftable
    from perftable.export.frames import SkippedFileWarning

    shutil.copy(CLEAN, tmp_path / "a.md")
    (tmp_path / "notes.md").write_text("说明文字\n", encoding="utf-8")
    with pytest.warns(SkippedFileWarning, match="notes.md"):
        frame = perftable.to_frame(tmp_path)
    assert len(frame) == 27


def test_parquet_keeps_amounts_exact(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pandas as pd

    assert (
        export(str(SAMPLES / "central-project"), "--what", "budget", "-o", str(tmp_path / "b.parquet"))[0]
        == 0
    )
    frame = pd.read_parquet(tmp_path / "b.parquet")
    from decimal import Decimal

    assert frame.loc[frame["key"] == "annual_total", "amount_yuan"].item() == Decimal("2000000")


# --- diff: one language, numbers, unrelated tables ---------------------------------------------------------------

DIFF = ("tests/data/diff/2023.md", "tests/data/diff/2024.md")


def _diff(*args: str) -> tuple[int, str, str]:
    from .conftest import ROOT

    result = CliRunner().invoke(cli, ["diff", *(str(ROOT / arg) if arg in DIFF else arg for arg in args)])
    return result.exit_code, result.stdout, result.stderr


def test_diff_speaks_one_language_per_run() -> None:
    import re

    _, chinese, _ = _diff(*DIFF)
    body = "\n".join(chinese.splitlines()[2:])
    assert not re.search(r"\b(changed|added|removed|renamed|funds|title|year|similarity)\b", body)
    assert "资金 30万元 → 35万元" in body and "(相似度 0.91)" in body
    _, english, _ = _diff(*DIFF, "--lang", "en")
    lines = english.splitlines()
    assert lines[2].startswith("Summary: header 2 changed; basic information 1 changed;")
    assert "  ~ 补充残疾儿童康复救助: funds 30万元 → 35万元, +5 (+16.67%)" in lines
    assert "  + goal 11: 11、完成残疾人辅具适配工作" in lines
    assert not {"表头", "基本信息", "预算", "任务", "指标", "目标"} & set(lines)


def test_diff_json_gives_numbers() -> None:
    _, out, _ = _diff(*DIFF, "--format", "json")
    changes = json.loads(out)["tables"][0]["changes"]
    basic = next(change for change in changes if change["key"] == "基本支出")
    (field,) = basic["fields"]
    assert (field["old_number"], field["new_number"], field["delta"], field["unit"]) == (
        278.55,
        300,
        21.45,
        "万元",
    )
    assert '"new_number": 300.00,' in out  # the digits as printed, not through a float
    assert "\\u" not in out  # Chinese as is


def test_diff_of_unrelated_tables_warns() -> None:
    code, _, err = _diff(str(SEED), str(SAMPLES / "shanghai-project" / "lanxilu-2026.md"))
    assert code == 1
    assert "look like two different tables (a department table and a project table); compared anyway" in err
    assert _diff(*DIFF)[2] == ""


def test_xlsx_diff_has_a_legend_a_change_list_and_struck_removed_rows(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "d.xlsx"
    assert _diff(*DIFF, "-o", str(out))[0] == 1
    book = load_workbook(out)
    form, changes = book.worksheets
    assert changes.title == "变更清单"
    assert [cell.value for cell in changes[3]] == ["变化", "部分", "项目", "原", "新", "说明"]
    assert [cell.value for cell in changes[4]][:3] == ["修改", "表头", "标题"]
    assert changes.max_row == 3 + 12  # a row per change
    assert str(form["A3"].value).startswith("图例：绿色 = 新增，红色加删除线 = 删除")
    removed = [cell for row in form.iter_rows() for cell in row if cell.value == "重度残疾人居家康复服务人数"]
    (cell,) = removed
    assert cell.font.strike
    above = form.cell(row=cell.row - 1, column=cell.column).value
    below = form.cell(row=cell.row + 1, column=cell.column).value
    assert (above, below) == (
        "精神残疾人接受门诊发药人次",
        "残疾人培训人数(人)",
    )  # where it stood in the old table


# --- the rendered form ------------------------------------------------------------------------------------------


def test_rendered_workbook_has_counts_as_numbers_print_titles_and_page_numbers(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    assert render(str(CLEAN), "-o", str(out))[0] == 0
    sheet = load_workbook(out).active
    assert sheet is not None
    assert (sheet["B3"].value, sheet["C3"].value, sheet["E3"].value) == ("财政供养人员数", 34, 0)
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.oddFooter.center.text == "第 &P 页，共 &N 页"
    assert render(str(out), "--check")[0] == 0  # read back, the same table


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_goals_numbered_past_99_survive_a_round_trip(fmt: str) -> None:
    import perftable
    from perftable.render import render as render_docs

    doc = perftable.load(CLEAN)
    goals = [f"{n}、完成第{n}项工作任务；" for n in range(1, 106)]  # each as printed, its number kept
    text = render_docs([doc.model_copy(update={"goals": goals})], fmt)
    assert isinstance(text, str)
    assert perftable.loads(text, fmt)[0].goals == goals


def test_goals_keep_their_own_numbering_and_punctuation_through_parse_and_render() -> None:
    import perftable
    from perftable.render import render as render_docs

    (doc,) = perftable.loads(
        "| 项目名称 | 道路养护 | | |\n|---|---|---|---|\n"
        "| 年度绩效目标 | （一）完成道路养护100公里；<br>（二）群众满意度达到90%以上。 | | |\n"
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n| 产出指标 | 数量指标 | 道路养护里程 | ≥100公里 |\n"
    )
    assert doc.goals == ["（一）完成道路养护100公里；", "（二）群众满意度达到90%以上。"]
    text = render_docs([doc], "markdown")
    assert isinstance(text, str)
    assert "（一）完成道路养护100公里；<br>（二）群众满意度达到90%以上。" in text  # not renumbered 1、2、
    assert perftable.loads(text)[0].goals == doc.goals
    single = doc.model_copy(update={"goals": ["完成道路养护100公里"]})
    assert re.search(
        r"\|\s*完成道路养护100公里\s*\|", str(render_docs([single], "markdown"))
    )  # no invented 1、
