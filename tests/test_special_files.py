"""Input that is not a regular file: devices, FIFOs and sockets are refused before they are opened (P001
``not-a-file``, exit 2), in a folder walk too, and no input, standard input included, is read past the size limit
plus one byte. Every command runs with a timeout (in process, :func:`tests.invoke.run_cli` interrupts a run that
waits past it; standard input in a child process): a hang fails the test, it cannot stall it."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from perftable.errors import ReadError
from perftable.readers import ReadOptions, read_source
from perftable.readers.opening import read_limited

from .conftest import ROOT, SAMPLES
from .invoke import run_cli

SEED = SAMPLES / "guangdong-department" / "lianjiang-2024.md"
TIMEOUT = 60  # seconds: a FIFO that blocks, or a device read without end, runs into it
pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _socket(path: Path) -> Iterator[Path]:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    try:
        yield path
    finally:
        server.close()


@pytest.fixture(params=["fifo", "socket", "dev-zero", "dev-urandom", "link-to-fifo"])
def special(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    """A path named like a table that is not a regular file (short names: a socket's path is limited)."""
    kind = request.param
    if kind == "fifo":
        yield _fifo(tmp_path / "x.md")
    elif kind == "socket":
        yield from _socket(tmp_path / "s.md")
    elif kind == "link-to-fifo":
        link = tmp_path / "l.md"
        link.symlink_to(_fifo(tmp_path / "f.md"))
        yield link
    else:
        device = Path("/dev") / kind.removeprefix("dev-")
        if not device.exists():
            pytest.skip(f"no {device}")
        link = tmp_path / "d.md"
        link.symlink_to(device)
        yield link


def test_the_reader_refuses_what_is_not_a_regular_file(special: Path) -> None:
    with pytest.raises(ReadError, match="not a regular file") as caught:
        read_source(special)
    assert caught.value.kind == "not-a-file"


@pytest.mark.parametrize("command", ["parse", "validate", "render", "diff", "export"])
def test_every_command_refuses_a_special_file_without_hanging(
    command: str, special: Path, tmp_path: Path
) -> None:
    args = {"diff": [str(SEED)], "export": ["-o", str(tmp_path / "out.csv")], "validate": ["--isolated"]}
    result = run_cli(command, str(special), *args.get(command, []), timeout=TIMEOUT)
    assert result.returncode == 2, result
    assert "not a regular file" in result.stdout + result.stderr or "不是普通文件" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_fifo_in_a_folder_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "a.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    _fifo(folder / "b.md")
    (folder / "c.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli(
        "validate", str(folder), "--isolated", "--format", "concise", "--lang", "en", timeout=TIMEOUT
    )
    assert result.returncode == 2, result
    lines = result.stdout.splitlines()
    assert [line for line in lines if "P001" in line] == [
        f"{folder / 'b.md'}: P001 is a FIFO (named pipe), not a regular file; perftable reads regular files, and "
        "standard input given as -"
    ]
    assert {line.split(":")[0] for line in lines if "I002" in line} == {
        str(folder / "a.md"),
        str(folder / "c.md"),
    }


@pytest.mark.parametrize("command", [["parse", "-"], ["render", "-", "--to", "json"]])
def test_endless_standard_input_is_refused_by_the_size_limit(command: list[str]) -> None:
    """``cat /dev/zero | perftable parse -``: refused one byte past the limit, not read until memory runs out."""
    with Path("/dev/zero").open("rb") as zero:
        result = subprocess.run(
            [sys.executable, "-m", "perftable", *command, "--max-file-size", "1MB"],
            stdin=zero, capture_output=True, text=True, cwd=ROOT, timeout=TIMEOUT, check=False,
        )  # fmt: skip
    assert result.returncode == 2, result
    assert "<stdin>: it holds more than 1,000,000 bytes, over the limit of 1,000,000" in result.stderr
    assert "Traceback" not in result.stderr


def test_standard_input_is_decoded_as_a_file_is() -> None:
    data = SEED.read_text(encoding="utf-8").encode("gb18030")
    result = subprocess.run(
        [sys.executable, "-m", "perftable", "parse", "-"],
        input=data, capture_output=True, cwd=ROOT, timeout=TIMEOUT, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "廉江市残疾人联合会" in result.stdout.decode("utf-8")


class _Endless(io.RawIOBase):
    """A stream without end that counts what was read from it."""

    def __init__(self) -> None:
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]  # RawIOBase's buffer type
        self.served += len(buffer)
        buffer[:] = b"|" * len(buffer)
        return len(buffer)


@pytest.mark.parametrize("limit", [0, 1, 1000, 3 * 1024 * 1024 + 7])
def test_no_more_than_the_limit_plus_one_byte_is_read(limit: int) -> None:
    stream = _Endless()
    with pytest.raises(ReadError, match=f"more than {limit:,} bytes") as caught:
        read_limited(stream, limit, "<stdin>")  # type: ignore[arg-type]  # a raw stream reads as well
    assert caught.value.kind == "too-large" and stream.served == limit + 1


def test_a_regular_file_under_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_bytes(SEED.read_bytes())
    assert read_source(path, options=ReadOptions(max_bytes=len(SEED.read_bytes()))).text is not None
    with pytest.raises(ReadError, match="over the limit"):
        read_source(path, options=ReadOptions(max_bytes=len(SEED.read_bytes()) - 1))


@pytest.mark.parametrize("command", ["parse", "validate", "export"])
def test_a_link_loop_in_a_folder_is_reported_and_the_batch_goes_on(command: str, tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "a.md").write_bytes(SEED.read_bytes())
    (folder / "loop.md").symlink_to("loop.md")
    args = {"validate": ["--isolated", "--format", "concise"], "export": ["-o", str(tmp_path / "out.csv")]}
    result = run_cli(command, str(folder), *args.get(command, []), timeout=TIMEOUT)
    assert result.returncode == 2, result
    assert (
        "loop.md" in result.stdout + result.stderr
        and "Too many levels of symbolic links" in result.stdout + result.stderr
    )
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert str(folder / "a.md") in result.stdout or (tmp_path / "out.csv").exists()
