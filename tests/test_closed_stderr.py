"""The output never depends on the diagnostic stream: when the reader of stderr goes away (``2>&1 | head -2``, a
log collector that died), the notes stop and the work goes on, the output file is written and the exit status is
the one the run would have had. Where the reader goes away while perftable writes (``| head -2``), the case is run
several times: a race between the reader and the writer must not make it pass by luck. Where the reader is gone
before the process starts, there is no race, and one run says it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLES

SEED = SAMPLES / "guangdong-department" / "lianjiang-2024.md"
CLEAN = SAMPLES / "formats" / "lianjiang-clean.md"
RUNS = 5
# Commands that write a file and say things on stderr while they work ({out}: the output), and their exit status.
COMMANDS = {
    "render": (["render", str(SEED), "--fix", "-o", "{out}"], 0),
    "validate": (["validate", str(SEED), str(CLEAN), "--isolated", "-v", "-o", "{out}"], 1),
    "parse": (["parse", str(SEED), str(ROOT / "missing.md"), "-v", "-o", "{out}"], 2),
    "export": (["export", str(SEED), str(ROOT / "missing.md"), "-o", "{out}.csv"], 2),
    "diff": (["diff", str(SEED), str(ROOT / "missing.md"), "-o", "{out}"], 2),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_closed_stderr_does_not_stop_the_output(command: str, tmp_path: Path) -> None:
    args, status = COMMANDS[command]
    out = tmp_path / "out"
    read, write = os.pipe()
    os.close(read)  # the reader is gone before perftable says its first word
    try:
        result = subprocess.run(
            [sys.executable, "-m", "perftable", *[a.format(out=out) for a in args]],
            stdout=subprocess.PIPE, stderr=write, cwd=ROOT, timeout=60, check=False,
        )  # fmt: skip
    finally:
        os.close(write)
    assert result.returncode == status, result
    written = out.with_name(out.name + ".csv") if command == "export" else out
    assert (written.exists() and written.stat().st_size > 0) == (command != "diff")


def test_the_readme_example_writes_its_file_every_time(tmp_path: Path) -> None:
    """``render … --fix -o clean.md 2>&1 | head -2``: ``head`` closes the pipe after two notes, at any moment."""
    for run in range(RUNS):
        out = tmp_path / f"clean{run}.md"
        command = f"{sys.executable} -m perftable render {SEED} --fix -o {out} 2>&1 | head -2; exit ${{PIPESTATUS[0]}}"
        result = subprocess.run(
            ["bash", "-c", command], capture_output=True, text=True, cwd=ROOT, check=False
        )
        assert result.returncode == 0 and result.stdout.startswith("perftable: note:"), (run, result)
        assert out.read_text(encoding="utf-8").startswith("## 2024年市级部门整体预算绩效目标表"), run
