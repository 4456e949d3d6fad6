"""Running the command line from the tests, two ways.

:func:`run_cli` runs ``perftable ARGS`` in this process through :func:`perftable.cli.main`, the function the
console script calls: the same exit codes, the same one-line errors, a tenth of the time of a fresh interpreter.
:func:`run_process` runs it as ``python -m perftable`` in a fresh interpreter; keep it for what only a process
shows: exit codes as a shell sees them, signals, the real standard streams (a closed pipe, ``/dev/full``, a
descriptor named as a file), start-up imports, the console script and its environment.
"""

from __future__ import annotations

import gc
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import chdir, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from perftable.cli import main

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Ran:
    """What a run printed and its exit code, under the names :class:`subprocess.CompletedProcess` gives them."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str


class _Main(click.Command):
    """:func:`perftable.cli.main` as the command :class:`CliRunner` invokes (it calls ``main`` of what it gets)."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        return main(list(args or ()))


class _Hung(BaseException):
    """A run went past its time (a BaseException: perftable's handlers of ``Exception`` must not take it)."""


@contextmanager
def _hang_fails(seconds: float | None) -> Iterator[None]:
    """After ``seconds``, SIGUSR1 to the main thread raises :class:`_Hung` there, wherever the run waits (a FIFO
    opened with no writer, a read without end), so that a hang fails the test instead of stalling the suite.
    Not SIGALRM and not a timer: perftable's own time limit uses them and leaves a caller's timer alone."""
    if seconds is None or threading.current_thread() is not threading.main_thread():
        yield
        return

    def hung(signum: int, frame: object) -> None:
        raise _Hung

    previous = signal.signal(signal.SIGUSR1, hung)
    timer = threading.Timer(seconds, signal.pthread_kill, (threading.main_thread().ident, signal.SIGUSR1))
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        signal.signal(signal.SIGUSR1, previous)


@contextmanager
def _process_state_kept(cwd: Path) -> Iterator[None]:
    """``cwd`` as the working directory; the signal handlers, unraisable-exception hook and collector thresholds
    ``main`` sets for its process put back afterwards, so that one run does not change the next one or pytest
    itself."""
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGHUP)}
    thresholds = gc.get_threshold()
    hook = sys.unraisablehook
    try:
        with chdir(cwd):
            yield
    finally:
        sys.unraisablehook = hook
        gc.set_threshold(*thresholds)
        for signum, handler in handlers.items():
            signal.signal(signum, handler)


def run_cli(
    *args: str,
    cwd: Path = ROOT,
    env: Mapping[str, str | None] | None = None,
    input: str | bytes | None = None,  # as subprocess.run names it
    errors: str = "strict",
    timeout: float | None = None,
) -> Ran:
    """``perftable ARGS`` in this process, from ``cwd`` (the repository's root), its output read as UTF-8.
    ``env`` changes the environment for the run (``None`` removes a name); ``input`` is standard input; a run
    longer than ``timeout`` seconds fails the test."""
    runner = CliRunner()
    try:
        with _process_state_kept(cwd), _hang_fails(timeout):
            result = runner.invoke(
                _Main("perftable"), list(args), input=input, env=env, catch_exceptions=False
            )
    except _Hung:
        pytest.fail(f"perftable {' '.join(args)} did not end in {timeout} s")
    return Ran(
        args=args,
        returncode=result.exit_code,
        stdout=result.stdout_bytes.decode("utf-8", errors),
        stderr=result.stderr_bytes.decode("utf-8", errors),
    )


def run_process(*args: str, cwd: Path = ROOT, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """``perftable ARGS`` in a fresh interpreter, run from ``cwd`` (the repository's root), its output read as
    UTF-8. ``kwargs`` go to :func:`subprocess.run` (``env``, ``errors``, ``timeout`` …)."""
    return subprocess.run(
        [sys.executable, "-m", "perftable", *args],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
        cwd=cwd,
        **kwargs,
    )
