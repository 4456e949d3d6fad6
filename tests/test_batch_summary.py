"""The batch summary everywhere (issue 12): ``--statistics``, the failing files at the end of the text report,
``--format json-report``, the markdown report capped for a pull-request comment, ``exclude`` globs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner

from perftable.cli import cli

from .conftest import SAMPLES

SEED = SAMPLES / "guangdong-department" / "lianjiang-2024.md"
PASSING = SAMPLES / "chongqing-project" / "chanyelu-2024.md"  # no I003


@contextmanager
def inside(folder: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(old)


def run(*args: str, cwd: Path | None = None, isolated: bool = True) -> tuple[int, str]:
    with inside(cwd or Path.cwd()):
        result = CliRunner().invoke(cli, ["validate", *(["--isolated"] if isolated else []), *args])
    return result.exit_code, result.output


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
