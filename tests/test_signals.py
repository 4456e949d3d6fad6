"""The signals a batch job gets (INT, TERM, HUP) in the middle of writing an output: the run ends with 128 + the
signal's number and one line, no traceback, no ``.NAME.XXXX.tmp`` left behind, and the old output untouched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
import tomllib
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLES

SEED = SAMPLES / "guangdong-department" / "lianjiang-2024.md"
CLEAN = SAMPLES / "formats" / "lianjiang-clean.md"
SIGNALS = {"SIGINT": "interrupted", "SIGTERM": "terminated (SIGTERM)", "SIGHUP": "terminated (SIGHUP)"}
COMMANDS = {
    "parse": ["parse", str(SEED), "-o", "{out}"],
    "validate": ["validate", str(SEED), "--isolated", "--format", "json", "-o", "{out}"],
    "render": ["render", str(SEED), "--fix", "-o", "{out}"],
    "diff": ["diff", str(SEED), str(CLEAN), "-o", "{out}"],
    "export": ["export", str(SEED), "--format", "csv", "-o", "{out}"],
}
# The child sends itself the signal from inside the first write of the output: the moment a temporary file exists.
SIGNAL_WHILE_WRITING = """
import os, signal, sys
import perftable.outputs
write = perftable.outputs._Output.write
def signalled(self, data):
    os.kill(os.getpid(), getattr(signal, sys.argv[1]))
    return write(self, data)
perftable.outputs._Output.write = signalled
from perftable.cli import main
main(sys.argv[2:])
"""


def _exit(name: str) -> int:
    return 128 + int(getattr(signal, name))


@pytest.mark.parametrize("name", sorted(SIGNALS))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_signal_while_writing_leaves_the_old_output_and_no_temporary_file(
    command: str, name: str, tmp_path: Path
) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old")
    args = [a.format(out=out) for a in COMMANDS[command]]
    result = subprocess.run([sys.executable, "-c", SIGNAL_WHILE_WRITING, name, *args],
                            capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)  # fmt: skip
    assert result.returncode == _exit(name), result.stderr
    assert result.stderr.endswith(f"perftable: {SIGNALS[name]}\n") and "Traceback" not in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"] and out.read_text() == "old"


def _wait_for_temporary(folder: Path, process: subprocess.Popen[str]) -> bool:
    """True once the run's temporary report exists (False when the run ended first)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if any(p.name.endswith(".tmp") for p in folder.iterdir()):
            return True
        time.sleep(0.01)
    return False


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_batch_stopped_by_a_signal_leaves_nothing(name: str, jobs: str, tmp_path: Path) -> None:
    """A real batch (validate streams its report into the temporary file while it reads), stopped from outside."""
    folder = tmp_path / "tables"
    folder.mkdir()
    for index in range(300):
        (folder / f"t{index:03}.md").write_bytes(SEED.read_bytes())
    out = tmp_path / "report.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "perftable", "validate", str(folder), "--isolated", "--jobs", jobs, "--format", "json",
         "-o", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )  # fmt: skip
    started = _wait_for_temporary(tmp_path, process)
    process.send_signal(getattr(signal, name))
    _, stderr = process.communicate(timeout=60)
    if not started:  # the run ended before its report was begun: nothing to test
        pytest.skip(f"the run ended first ({process.returncode})")
    assert process.returncode == _exit(name), stderr
    assert f"perftable: {SIGNALS[name]}" in stderr and "Traceback" not in stderr
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]


def test_a_signal_ignored_by_the_parent_stays_ignored(tmp_path: Path) -> None:
    """``nohup perftable …``: HUP is ignored, and the run completes."""
    out = tmp_path / "out.json"
    child = (
        "import os, signal, sys\n"
        "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
        "from perftable.cli import signals\n"
        "signals.install()\n"
        "os.kill(os.getpid(), signal.SIGHUP)\n"
        "print(signal.getsignal(signal.SIGHUP) is signal.SIG_IGN)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0 and result.stdout == "True\n", result.stderr
    assert not out.exists()


def test_a_signal_whose_exception_python_swallowed_still_stops_the_run() -> None:
    """A signal that lands in a weakref callback or ``__del__`` has its exception ignored by Python ("Exception
    ignored in …"); the run checks between files and stops there, with the signal's exit status."""
    child = (
        "import os, signal, sys\n"
        "from perftable.cli import signals\n"
        "signals.install()\n"
        "class Late:\n"
        "    def __del__(self):\n"
        "        os.kill(os.getpid(), signal.SIGTERM)\n"
        "        for _ in range(1000): pass\n"  # the handler runs here, inside __del__: its exception is ignored
        "Late()\n"
        "try:\n"
        "    signals.check()\n"
        "except signals.Terminated as stop:\n"
        "    sys.exit(stop.code)\n"
        "sys.exit(0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 143, result.stderr
    assert (
        "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    )  # nothing to alarm a user


def test_a_ctrl_c_while_the_command_line_is_imported_exits_130_without_a_traceback() -> None:
    """The console script guards the import of the command line (a Ctrl-C in the first half second)."""
    program = textwrap.dedent(
        """
        import sys

        class Interrupt:  # a Ctrl-C that lands while perftable.cli is being imported
            def find_spec(self, name, path=None, target=None):
                if name == "perftable.cli":
                    raise KeyboardInterrupt
                return None

        sys.meta_path.insert(0, Interrupt())
        from perftable._entry import main
        main()
        """
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (130, "perftable: interrupted\n")
    scripts = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert scripts["project"]["scripts"]["perftable"] == "perftable._entry:main"


def test_other_unraisable_exceptions_go_to_the_hook_in_force_before() -> None:
    """The hook that quiets a swallowed Terminated passes anything else on to the hook it replaced (Python's, or a
    test runner's), not to Python's default."""
    child = (
        "import sys, types\n"
        "seen = []\n"
        "sys.unraisablehook = lambda info: seen.append(type(info.exc_value).__name__)\n"
        "from perftable.cli import signals\n"
        "signals.install(); signals.install()\n"  # twice: the hook in force before stays the first one
        "sys.unraisablehook(types.SimpleNamespace(exc_value=ValueError()))\n"
        "sys.unraisablehook(types.SimpleNamespace(exc_value=signals.Terminated(15)))\n"
        "print(seen)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.stdout.strip() == "['ValueError']", result.stderr
