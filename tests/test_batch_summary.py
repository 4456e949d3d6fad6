"""The batch summary everywhere (issue 12): ``--statistics``, the failing files at the end of the text report,
``--format json-report``, the markdown report capped for a pull-request comment, ``exclude`` globs."""

from __future__ import annotations

import json
from contextlib import chdir
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from perftable.cli import cli

from .conftest import SAMPLES

SEED = SAMPLES / "guangdong-department" / "lianjiang-2024.md"
PASSING = SAMPLES / "chongqing-project" / "chanyelu-2024.md"  # no I003


def run(*args: str, cwd: Path | None = None, isolated: bool = True, stdout: bool = False) -> tuple[int, str]:
    """The exit code and what was printed (standard output only with ``stdout``)."""
    with chdir(cwd or Path.cwd()):
        result = CliRunner().invoke(cli, ["validate", *(["--isolated"] if isolated else []), *args])
    return result.exit_code, result.stdout if stdout else result.output


def copies(folder: Path, n: int, source: Path = SEED) -> None:
    for index in range(n):
        (folder / f"t{index}.md").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")


# --- --statistics -----------------------------------------------------------------------------------------------


def test_statistics_count_findings_per_rule_before_the_verdict() -> None:
    code, output = run(str(SEED), "--statistics", "--select", "I003,I002,U003,I012")
    lines = output.splitlines()
    assert code == 1
    assert lines[-5:] == [
        "1  I002  警告  missing-output-level2",
        "1  I003  错误  empty-value",
        "1  I012  提示  unmeasured-task",
        "1  U003  警告  satisfaction-target",
        lines[-1],
    ]
    assert lines[-1].startswith("请修改：")
    assert "I002 ×1" not in output  # the table replaces the one-line list of codes


def test_statistics_in_concise_follow_the_severity_given(tmp_path: Path) -> None:
    copies(tmp_path, 2)
    _, output = run(".", "--select", "I003,I012", "--severity", "I012=warning", "--statistics",
                       "--format", "concise", "--lang", "en", cwd=tmp_path)  # fmt: skip
    assert output.splitlines()[-2:] == ["2  I003  error    empty-value", "2  I012  warning  unmeasured-task"]


def test_statistics_is_refused_with_a_machine_format() -> None:
    code, output = run(str(SEED), "--statistics", "--format", "sarif")
    assert code == 2
    assert "--statistics counts findings in the text and concise reports" in output


# --- the failing files at the end of the text report -------------------------------------------------------------


def test_the_text_report_lists_every_failing_file_when_the_verdict_cannot(tmp_path: Path) -> None:
    copies(tmp_path, 7)
    (tmp_path / "ok.md").write_text(PASSING.read_text(encoding="utf-8"), encoding="utf-8")
    _, output = run(".", "--select", "I003", cwd=tmp_path)
    lines = output.splitlines()
    assert lines[-9:-1] == ["需修改的文件（7 个）：", *(f"  t{n}.md" for n in range(7))]
    assert lines[-1].endswith("等 2 个文件）")


def test_no_list_when_the_verdict_names_every_failing_file(tmp_path: Path) -> None:
    copies(tmp_path, 2)
    _, output = run(".", "--select", "I003", cwd=tmp_path)
    assert "需修改的文件" not in output


# --- --format json-report ---------------------------------------------------------------------------------------


def report_of(*args: str, cwd: Path | None = None) -> tuple[int, dict[str, Any]]:
    code, output = run(*args, "--format", "json-report", cwd=cwd, stdout=True)
    return code, json.loads(output)


def test_json_report_holds_a_summary_beside_the_findings(tmp_path: Path) -> None:
    copies(tmp_path, 1)
    (tmp_path / "ok.md").write_text(PASSING.read_text(encoding="utf-8"), encoding="utf-8")
    code, data = report_of(".", "--select", "I003", cwd=tmp_path)
    assert code == 1
    assert list(data) == ["version", "summary", "files", "findings"]
    summary = data["summary"]
    assert {key: summary[key] for key in ("files", "tables", "failing", "unreadable", "skipped", "clean")} == {
        "files": 2, "tables": 2, "failing": 1, "unreadable": 0, "skipped": 0, "clean": 1,
    }  # fmt: skip
    assert summary["severities"] == {"error": 1, "warning": 0, "info": 0}
    assert summary["codes"] == {"I003": {"name": "empty-value", "count": 1, "severities": {"error": 1}}}
    assert summary["verdict"] == {
        "passed": False, "message": "请修改：1 个错误，0 个警告（t0.md）", "failing_files": ["t0.md"],
    }  # fmt: skip
    files = [(f["file"], f["status"], [(t["kind"], t["department"], t["project"]) for t in f["tables"]])
             for f in data["files"]]  # fmt: skip
    assert files == [
        ("ok.md", "passing", [("project", "示例县示例乡人民政府", "示例乡产业路建设项目")]),
        ("t0.md", "failing", [("department", "廉江市残疾人联合会", None)]),
    ]
    assert data["files"][1]["tables"][0]["location"] == {"file": "t0.md", "line": 5, "column": 1}
    assert [(f["code"], f["file"], f["location"]["line"]) for f in data["findings"]] == [
        ("I003", "t0.md", 52)
    ]


def test_json_stays_the_array_of_findings() -> None:
    _, output = run(str(SEED), "--select", "I003", "--format", "json")
    assert isinstance(json.loads(output), list)


def test_json_report_counts_what_quiet_hides_and_names_skipped_and_unreadable_files(tmp_path: Path) -> None:
    copies(tmp_path, 1)
    (tmp_path / "notes.md").write_text("一些笔记，没有表格。\n", encoding="utf-8")
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    code, data = report_of(".", "--quiet", "--skip-no-table", cwd=tmp_path)
    assert code == 2
    assert {f["file"]: f["status"] for f in data["files"]} == {
        "broken.xlsx": "failing", "notes.md": "skipped", "t0.md": "failing",
    }  # fmt: skip
    seed = next(f for f in data["files"] if f["file"] == "t0.md")
    assert seed["severities"]["warning"] == 12  # hidden by --quiet, still counted
    assert {f["severity"] for f in data["findings"]} == {"error"}
    assert (data["summary"]["skipped"], data["summary"]["unreadable"]) == (1, 1)
    assert next(f for f in data["files"] if f["file"] == "broken.xlsx")["error"]


# --- the markdown report, capped for a pull-request comment -------------------------------------------------------


def test_markdown_of_a_large_batch_stays_below_a_comment_limit_and_counts_the_rest(tmp_path: Path) -> None:
    copies(tmp_path, 60)  # 1,320 findings: about 100,000 characters shown whole
    (tmp_path / "ok.md").write_text(PASSING.read_text(encoding="utf-8"), encoding="utf-8")
    code, output = run(".", "--format", "markdown", cwd=tmp_path, stdout=True)
    assert code == 1
    assert 60_000 < len(output) < 65_000
    lines = output.splitlines()
    assert lines[2].startswith("**请修改：60 个错误，")
    assert lines[2].endswith("（t0.md、t1.md、t10.md、t11.md、t12.md、等 55 个文件）**")
    table = lines[6 : lines.index("<details><summary>全部发现</summary>") - 1]
    assert len(table) == 61 and table[-1] == "| ok.md | 0 | 0 | 3 |"  # failing files first, every one
    rows = lines[lines.index("|---|---|---|---|") + 1 :]
    shown = rows[: rows.index("")]
    files = sorted(f"t{n}.md" for n in range(60))
    cut = files.index(shown[-1].split(":")[0].removeprefix("| "))  # its findings are partly shown
    assert (
        rows[rows.index("") + 1]
        == f"… 还有 {60 * 22 + 3 - len(shown)} 条发现（涉及 {60 - cut} 个文件）未显示"
    )
    assert lines[-1] == "</details>"


def test_markdown_cuts_the_file_rows_last_and_counts_them(monkeypatch: Any, tmp_path: Path) -> None:
    from perftable.report import markdown

    monkeypatch.setattr(markdown, "LIMIT", 700)
    copies(tmp_path, 12)
    _, output = run(".", "--format", "markdown", "--lang", "en", cwd=tmp_path, stdout=True)
    assert len(output) < 700
    lines = output.splitlines()
    assert lines[2].startswith("**Needs changes: 12 errors, 144 warnings (t0.md, t1.md,")
    assert any(line.startswith("… and ") and line.endswith(" more files not shown") for line in lines)
    assert "… and 264 more findings in 12 files not shown" in lines


def test_a_clean_markdown_report_is_unchanged() -> None:
    _, output = run(str(PASSING), "--select", "I003", "--format", "markdown", stdout=True)
    assert output == "## perftable 检查结果: 0 错误 · 0 警告 · 0 提示\n\n未发现问题\n"


# --- exclude, extend-exclude, skip-no-table ------------------------------------------------------------------------


def tree(root: Path) -> None:
    for name in ("a.md", "drafts/b.md", "2023/c.md", "2024/d.md", "2024/old/e.md"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")


def checked(output: str) -> list[str]:
    return sorted(f["file"] for f in json.loads(output)["files"])


def test_exclude_in_the_configuration_leaves_files_and_folders_out_of_a_walk(tmp_path: Path) -> None:
    tree(tmp_path)
    (tmp_path / "perftable.toml").write_text('exclude = ["drafts", "2023/*.md"]\nextend-exclude = ["old"]\n')
    _, output = run(".", "--format", "json-report", cwd=tmp_path, isolated=False, stdout=True)
    assert checked(output) == ["2024/d.md", "a.md"]
    # --exclude replaces exclude (extend-exclude stays); --extend-exclude adds; a file named is always read
    _, output = run(
        ".", "--exclude", "a.md", "--format", "json-report", cwd=tmp_path, isolated=False, stdout=True
    )
    assert checked(output) == ["2023/c.md", "2024/d.md", "drafts/b.md"]
    _, output = run(".", "drafts/b.md", "--extend-exclude", "2024/*", "--format", "json-report", cwd=tmp_path,
                    isolated=False, stdout=True)  # fmt: skip
    assert checked(output) == ["a.md", "drafts/b.md"]


def test_exclude_globs_of_a_subfolder_configuration_are_relative_to_it(tmp_path: Path) -> None:
    tree(tmp_path)
    (tmp_path / "2024" / "pyproject.toml").write_text('[tool.perftable]\nexclude = ["old/*"]\n')
    _, output = run(".", "--format", "json-report", cwd=tmp_path, isolated=False, stdout=True)
    assert checked(output) == ["2023/c.md", "2024/d.md", "a.md", "drafts/b.md"]


def test_an_unknown_exclude_value_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "perftable.toml").write_text('exclude = "drafts"\nskip-no-table = "yes"\n')
    (tmp_path / "a.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    code, output = run("a.md", cwd=tmp_path, isolated=False)
    assert code == 2
    assert "skip-no-table: expected true or false, got 'yes'" in output


def test_skip_no_table_in_the_configuration(tmp_path: Path) -> None:
    copies(tmp_path, 1, PASSING)
    (tmp_path / "notes.md").write_text("会议记录，没有表格。\n", encoding="utf-8")
    code, _ = run(".", "--select", "I003", cwd=tmp_path, isolated=False)
    assert code == 2  # P001: no 绩效目标表 in notes.md
    (tmp_path / "perftable.toml").write_text("skip-no-table = true\n")
    code, output = run(".", "--select", "I003", cwd=tmp_path, isolated=False)
    assert code == 0
    assert "perftable: note: notes.md: no 绩效目标表, skipped (--skip-no-table)" in output
