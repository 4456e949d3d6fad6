"""The README's examples are real output: every ``console`` block is run, command by command, and what it prints
must be what the README shows.

A block runs in a fresh directory that sees the project's ``samples/`` and ``tests/`` (so files a command writes,
``clean.md``, ``indicators.csv``, stay out of the checkout), with ``perftable`` on the PATH meaning this checkout's
perftable. A line ``…`` in the shown output stands for any number of lines left out."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
ELLIPSIS = "…"


@dataclass(frozen=True)
class Step:
    command: str
    output: list[str]


def blocks(text: str) -> list[tuple[int, list[Step]]]:
    """The console blocks of a markdown text: (line number, the commands with the output shown after each)."""
    out: list[tuple[int, list[Step]]] = []
    for match in re.finditer(r"^```console\n(.*?)^```", text, re.M | re.S):
        line = text[: match.start()].count("\n") + 1
        steps: list[Step] = []
        for row in match.group(1).splitlines():
            if row.startswith("$ "):
                steps.append(Step(row[2:], []))
            elif steps:
                steps[-1].output.append(row)
        out.append((line, steps))
    return out


def matches(shown: list[str], printed: list[str]) -> bool:
    """True when the printed lines are the shown ones, a ``…`` line standing for any lines (trailing blanks
    ignored)."""
    shown = [line.rstrip() for line in shown]
    printed = [line.rstrip() for line in printed]

    def walk(i: int, j: int) -> bool:
        if i == len(shown):
            return j == len(printed)
        if shown[i].strip() == ELLIPSIS:
            return any(walk(i + 1, k) for k in range(j, len(printed) + 1))
        return j < len(printed) and shown[i] == printed[j] and walk(i + 1, j + 1)

    return walk(0, 0)


def test_the_matcher_reads_ellipses() -> None:
    assert matches(["a", "…", "d"], ["a", "b", "c", "d"])
    assert matches(["a", "…"], ["a"])
    assert not matches(["a", "d"], ["a", "b", "d"])
    assert not matches(["a", "…", "e"], ["a", "b", "d"])


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    for name in ("samples", "tests"):
        (tmp_path / name).symlink_to(ROOT / name, target_is_directory=True)
    bin_dir = tmp_path / ".bin"
    bin_dir.mkdir()
    shim = bin_dir / "perftable"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m perftable "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return tmp_path


BLOCKS = blocks(README.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("line", "steps"), BLOCKS, ids=[f"README.md:{line}" for line, _ in BLOCKS])
def test_readme_console_blocks_print_what_they_show(workdir: Path, line: int, steps: list[Step]) -> None:
    env = {
        **os.environ,
        "PATH": f"{workdir / '.bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": str(ROOT / "src"),
        "PYTHONUNBUFFERED": "1",  # stdout and stderr in the order a terminal shows them
        "NO_COLOR": "1",
        "COLUMNS": "200",
    }
    env.pop("GITHUB_ACTIONS", None)
    for step in steps:
        result = subprocess.run(
            ["bash", "-c", f"{{ {step.command}\n}} 2>&1"],  # the command's own redirections win
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        printed = result.stdout.splitlines()
        assert matches(step.output, printed), f"README.md:{line}: `$ {step.command}` printed:\n" + "\n".join(
            printed
        )
