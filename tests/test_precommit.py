"""The pre-commit hook: it sees every format perftable reads, and a file that holds no 绩效目标表 (README.md, notes)
does not fail it (``--skip-no-table``); a file that cannot be read still does."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from perftable.cli import cli
from perftable.readers import SUPPORTED_SUFFIXES

from .conftest import ROOT, SAMPLES

HOOKS = ROOT / ".pre-commit-hooks.yaml"


def _hook() -> dict[str, str]:
    """The hook's keys as written (one hook, flat ``key: value`` lines: no YAML library needed)."""
    lines = HOOKS.read_text(encoding="utf-8").splitlines()
    return {
        key.strip().lstrip("- "): value.strip()
        for key, _, value in (line.partition(":") for line in lines if not line.lstrip().startswith("#"))
        if value.strip()
    }


def test_the_hook_sees_every_format_perftable_reads() -> None:
    hook = _hook()
    assert "types_or" not in hook and "types" not in hook  # pre-commit's types would leave formats out
    pattern = re.compile(hook["files"])
    for suffix in SUPPORTED_SUFFIXES:
        assert pattern.search(f"tables/a{suffix}"), suffix
        assert pattern.search(f"tables/A{suffix.upper()}"), suffix
    assert not pattern.search("tables/a.py")
    assert hook["entry"] == "perftable validate --skip-no-table"


def test_skip_no_table_passes_notes_and_still_fails_a_broken_workbook(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# 说明\n\n这里是说明文字。\n", encoding="utf-8")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    runner = CliRunner()
    notes = [str(tmp_path / "README.md"), str(tmp_path / "empty.md")]
    result = runner.invoke(cli, ["validate", "--isolated", "--skip-no-table", *notes])
    assert result.exit_code == 0, result.output
    assert "README.md: no 绩效目标表, skipped (--skip-no-table)" in result.stderr
    result = runner.invoke(
        cli, ["validate", "--isolated", "--skip-no-table", *notes, str(tmp_path / "broken.xlsx")]
    )
    assert result.exit_code == 2 and "P001" in result.stdout
    result = runner.invoke(cli, ["validate", "--isolated", notes[0]])
    assert result.exit_code == 2  # without the option, as before


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


@pytest.mark.slow
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    """The hook as pre-commit runs it from this checkout: a table and a README pass, a broken workbook fails."""
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copy(SAMPLES / "formats" / "lianjiang-clean.md", repo / "table.md")
    shutil.copy(SAMPLES / "formats" / "lianjiang-clean.xlsx", repo / "table.xlsx")
    (repo / "README.md").write_text("# 说明\n", encoding="utf-8")
    (repo / "broken.xlsx").write_bytes(b"not a workbook")
    (repo / "perftable.toml").write_text('select = ["B"]\n', encoding="utf-8")
    _git(repo, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("PYTHONPATH", None)  # the hook runs perftable as pre-commit installs it from this checkout

    def hook(*files: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "perftable-validate", "--files"]
        return subprocess.run(
            [*command, *files], cwd=repo, env=env, capture_output=True, text=True, timeout=900
        )

    passed = hook("table.md", "table.xlsx", "README.md")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    failed = hook("table.md", "broken.xlsx")
    assert failed.returncode == 1, failed.stdout
    assert "broken.xlsx" in failed.stdout and "P001" in failed.stdout
