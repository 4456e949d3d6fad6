"""Outputs (``-o``) of every command: a file is replaced atomically and keeps its permissions, a link's target is
replaced and the link stays, a special file (a FIFO, a device, standard output) is written through and never
replaced by a regular file, and a write error is one line and exit 2.

The devices are made in the test's folder (``mknod``, as root): a regression must not be able to replace the
machine's own ``/dev/full`` or ``/dev/null``. Without root, the real ``/dev/full`` is used: a user cannot replace it.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from perftable.errors import WriteError
from perftable.outputs import atomic_text, atomic_write, target

from .conftest import ROOT, SAMPLES
from .invoke import Ran, run_cli, run_process

SEED = SAMPLES / "guangdong-department" / "lianjiang-2024.md"
CLEAN = SAMPLES / "formats" / "lianjiang-clean.md"
TIMEOUT = 60
# Each command that writes with -o, its arguments around the input ({out}: the output), and what its output begins
# with. render writes markdown; export is told its format, since a device or FIFO has no suffix.
COMMANDS = {
    "parse": (["parse", "{seed}", "-o", "{out}"], b"{"),
    "validate": (["validate", "{seed}", "--isolated", "--format", "json", "-o", "{out}"], b"["),
    "render": (["render", "{seed}", "--fix", "-o", "{out}"], b"## "),
    "diff": (["diff", "{seed}", "{clean}", "--format", "json", "-o", "{out}"], b"{"),
    "export": (["export", "{seed}", "--format", "jsonl", "-o", "{out}"], b'{"file"'),
}
EXITS = {"parse": 0, "validate": 1, "render": 0, "diff": 0, "export": 0}


def arguments(command: str, out: Path | str) -> list[str]:
    values = {"seed": str(SEED), "clean": str(CLEAN), "out": str(out)}
    return [a.format(**values) for a in COMMANDS[command][0]]


def perftable(command: str, out: Path | str) -> Ran:
    """The command writing to ``out``, in this process (a path is opened the same way there)."""
    return run_cli(*arguments(command, out), timeout=TIMEOUT)


def device(folder: Path, name: str, minor: int) -> Path:
    """A character device like /dev/null (minor 3) or /dev/full (7): made in ``folder`` as root, else the real one."""
    if os.geteuid() != 0:
        return Path("/dev") / name
    path = folder / name
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except OSError as exc:
        pytest.skip(f"cannot make a device: {exc}")
    return path


class Reader(threading.Thread):
    """Reads a FIFO to its end, as ``cat fifo`` would."""

    def __init__(self, fifo: Path) -> None:
        super().__init__(daemon=True)
        self.fifo, self.data = fifo, b""

    def run(self) -> None:
        with self.fifo.open("rb") as handle:
            self.data = handle.read()


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "out.fifo"
    os.mkfifo(path)
    yield path


# --- links and permissions ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_link_stays_a_link_and_its_target_keeps_its_permissions(command: str, tmp_path: Path) -> None:
    here, there = tmp_path / "links", tmp_path / "reports"
    here.mkdir()
    there.mkdir()
    report = there / "report.out"
    report.write_bytes(b"old")
    report.chmod(0o640)
    link = here / "report.out"
    link.symlink_to(report)
    result = perftable(command, link)
    assert result.returncode == EXITS[command], result.stderr
    assert link.is_symlink() and link.resolve() == report
    assert report.read_bytes().startswith(COMMANDS[command][1])
    assert stat.S_IMODE(report.stat().st_mode) == 0o640
    assert [p.name for p in here.iterdir()] == ["report.out"] and [p.name for p in there.iterdir()] == [
        "report.out"
    ]


def test_a_dangling_link_gets_its_target(tmp_path: Path) -> None:
    link = tmp_path / "report.json"
    link.symlink_to("made.json")
    atomic_write(link, "{}")
    assert link.is_symlink() and (tmp_path / "made.json").read_text() == "{}"


@pytest.mark.parametrize("mode", [0o600, 0o644, 0o664])
def test_a_replaced_file_keeps_its_permissions(mode: int, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    out.write_text("old")
    out.chmod(mode)
    atomic_write(out, "new")
    with atomic_text(out) as handle:
        handle.write("newer")
    assert out.read_text() == "newer" and stat.S_IMODE(out.stat().st_mode) == mode


# --- special files -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_fifo_is_written_through_not_replaced(command: str, fifo: Path) -> None:
    reader = Reader(fifo)
    reader.start()
    result = perftable(command, fifo)
    reader.join(TIMEOUT)
    assert result.returncode == EXITS[command], result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode) and reader.data.startswith(COMMANDS[command][1])


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_device_is_written_through_not_replaced(command: str, tmp_path: Path) -> None:
    null = device(tmp_path, "null", 3)
    result = perftable(command, null)
    assert result.returncode == EXITS[command], result.stderr
    assert stat.S_ISCHR(null.stat().st_mode)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_standard_output_named_as_a_file_is_written_through(command: str) -> None:
    """``-o /dev/fd/1`` (``/dev/stdout`` is the same file; /dev/fd/1 cannot be replaced even by a regression): in a
    process of its own, whose descriptor 1 is its real standard output."""
    result = run_process(*arguments(command, "/dev/fd/1"), timeout=TIMEOUT)
    assert result.returncode == EXITS[command], result.stderr
    assert result.stdout.encode("utf-8").startswith(COMMANDS[command][1])


def test_standard_output_backed_by_a_file_is_appended_to_not_replaced(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_bytes(b"before\n")
    with log.open("ab") as handle:
        subprocess.run([sys.executable, "-m", "perftable", "parse", str(SEED), "-o", "/dev/fd/1"],
                       stdout=handle, cwd=ROOT, timeout=TIMEOUT, check=True)  # fmt: skip
    assert log.read_bytes().startswith(b"before\n{") and sorted(p.name for p in tmp_path.iterdir()) == [
        "log.txt"
    ]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_write_error_is_one_line_and_exit_2(command: str, tmp_path: Path) -> None:
    full = device(tmp_path, "full", 7)
    result = perftable(command, full)
    assert result.returncode == 2, result
    assert f"perftable: error: cannot write {full}: No space left on device" in result.stderr
    assert "Traceback" not in result.stderr and stat.S_ISCHR(full.stat().st_mode)


@pytest.mark.parametrize("command", [["parse", str(SEED)], ["validate", str(SEED), "--isolated"]])
def test_a_write_error_on_standard_output_is_one_line_and_exit_2(command: list[str], tmp_path: Path) -> None:
    full = device(tmp_path, "full", 7)
    with full.open("wb") as handle:
        result = subprocess.run([sys.executable, "-m", "perftable", *command], stdout=handle, stderr=subprocess.PIPE,
                                text=True, cwd=ROOT, timeout=TIMEOUT, check=False)  # fmt: skip
    assert result.returncode == 2 and result.stderr == (
        "perftable: error: cannot write the output: No space left on device\n"
    )


def test_where_a_path_is_written() -> None:
    assert target("/dev/fd/1").direct and target("/dev/null").direct
    assert not target("new-file.md").direct
    with pytest.raises(WriteError, match="is a directory"):
        target(ROOT)


# --- an output that is an input ----------------------------------------------------------------------------------

# Each command, its arguments with {input} (a table, or the folder holding it) and {out}.
WRITERS = {
    "parse": ["parse", "{input}", "-o", "{out}"],
    "validate": ["validate", "{input}", "--isolated", "-o", "{out}"],
    "baseline": ["validate", "{input}", "--isolated", "--write-baseline", "{out}"],
    "render": ["render", "{input}", "--fix", "-o", "{out}"],
    "export": ["export", "{input}", "--format", "csv", "-o", "{out}"],
    "diff-old": ["diff", "{input}", str(CLEAN), "-o", "{out}"],
    "diff-new": ["diff", str(CLEAN), "{input}", "-o", "{out}"],
}


def _named(kind: str, table: Path) -> Path:
    """The output path naming ``table``: itself, a symbolic link to it, or a hard link to it."""
    if kind == "same":
        return table
    other = table.parent.parent / f"{kind}{table.suffix}"
    if kind == "symlink":
        other.symlink_to(table)
    else:
        os.link(table, other)
    return other


@pytest.mark.parametrize("kind", ["same", "symlink", "hardlink"])
@pytest.mark.parametrize("command", sorted(WRITERS))
@pytest.mark.parametrize("suffix", [".md", ".csv"])
def test_an_output_that_is_an_input_is_refused(command: str, kind: str, suffix: str, tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    folder.mkdir()
    table = folder / f"a{suffix}"
    source = SEED if suffix == ".md" else SAMPLES / "shanghai-project" / "lanxilu-2026.csv"
    table.write_bytes(source.read_bytes())
    out = _named(kind, table)
    args = [a.format(input=table, out=out) for a in WRITERS[command]]
    result = run_cli(*args, timeout=TIMEOUT)
    assert result.returncode == 2, result
    assert f"perftable: error: refusing to overwrite the input file {table}" in result.stderr
    assert kind == "same" or f"(the output {out} is that file)" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert table.read_bytes() == source.read_bytes()
    assert sorted(p.name for p in folder.iterdir()) == [table.name]  # no temporary file


@pytest.mark.parametrize("command", ["parse", "validate", "baseline", "render", "export"])
def test_an_output_inside_a_walked_folder_that_would_be_read_is_refused(command: str, tmp_path: Path) -> None:
    """``perftable validate . -o a.md`` must not write the report over the table ``a.md`` it reads."""
    folder = tmp_path / "tables"
    (folder / "sub").mkdir(parents=True)
    table = folder / "sub" / "b.md"
    table.write_bytes(SEED.read_bytes())
    args = [a.format(input=folder, out=folder / "sub" / "b.md") for a in WRITERS[command]]
    result = run_cli(*args, timeout=TIMEOUT)
    assert result.returncode == 2, result
    assert f"refusing to overwrite the input file {table}; choose another output" in result.stderr
    assert table.read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize("command", ["parse", "validate", "export"])
def test_an_output_inside_a_walked_folder_that_is_not_read_is_written(command: str, tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "b.md").write_bytes(SEED.read_bytes())
    hidden = folder / ".report.csv"  # hidden: the walk does not read it
    hidden.write_text("old")
    args = [a.format(input=folder, out=hidden) for a in WRITERS[command]]
    assert run_cli(*args, timeout=TIMEOUT).returncode in (0, 1)
    assert hidden.read_text(encoding="utf-8-sig") != "old"


def test_a_regular_file_in_a_memory_folder_under_dev_is_replaced_not_appended_to() -> None:
    """/dev/shm holds regular files: they are replaced atomically like any other (only descriptors are written
    through)."""
    shm = Path("/dev/shm")
    if not shm.is_dir() or not os.access(shm, os.W_OK):
        pytest.skip("no writable /dev/shm")
    out = shm / f"perftable-test-{os.getpid()}.json"
    try:
        out.write_text("old")
        assert not target(out).direct
        atomic_write(out, "{}")
        assert out.read_text() == "{}"
    finally:
        out.unlink(missing_ok=True)
