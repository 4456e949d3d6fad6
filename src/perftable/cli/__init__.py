"""The ``perftable`` command. Subcommands are imported only when run, so ``perftable --version`` stays fast.

Exit codes (stable, documented in the README):

* 0 - success (``validate``: no finding at or above the fail level)
* 1 - ``validate``: findings at or above the fail level; ``diff``/``render --check``: differences
* 2 - a file could not be read, an output could not be written, or a usage or configuration error
* 3 - an internal error (a bug in perftable) outside the check of one file
* 130 - interrupted (Ctrl-C); 143 and 129 - terminated by SIGTERM or SIGHUP (see :mod:`perftable.cli.signals`)

May import: ``errors``, ``messages``, ``runtime``, ``model``, ``outputs``, ``values``, ``vocab``, ``grid``,
``findings``, ``spans``, ``readers``, ``extract``, ``loader``, ``rules``, ``check``, ``export``, ``report``,
``render``, ``review``, ``diff``, ``distributed``.
"""

from __future__ import annotations

import errno
import importlib
import io
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

import click

from perftable import __version__, runtime
from perftable.cli import i18n, signals
from perftable.errors import PerftableError

# name -> (module, attribute, one-line help shown by `perftable --help` without importing the module)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "parse": ("perftable.cli.parse", "parse", "Parse tables into JSON (the typed model)."),
    "schema": ("perftable.cli.schema", "schema", "Print the JSON Schema of the parse output."),
    "validate": (
        "perftable.cli.validate",
        "validate",
        "Check tables and report findings (exit 1 on errors).",
    ),
    "rules": ("perftable.cli.rules", "rules", "List the rules, or explain one."),
    "review": (
        "perftable.cli.review",
        "review",
        "Review a batch: grades, 审核意见 and findings as HTML, xlsx, docx or markdown.",
    ),
    "render": ("perftable.cli.render", "render", "Render tables as clean markdown, xlsx, HTML, JSON or CSV."),
    "diff": ("perftable.cli.diff", "diff", "Show what changed between two versions of a table."),
    "export": (
        "perftable.cli.export",
        "export",
        "Export many tables as one dataset (csv, xlsx, jsonl, parquet).",
    ),
}

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class ToolError(click.ClickException):
    """perftable's own errors as the CLI shows them: one line, exit code 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"perftable: error: {self.format_message()}", err=True)


class LazyGroup(click.Group):
    """A group whose commands are imported on first use; perftable's errors become :class:`ToolError`."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PerftableError as exc:
            raise ToolError(str(exc)) from None

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        """Every run first says which language click speaks in it (see :mod:`perftable.cli.i18n`)."""
        i18n.use(i18n.wanted(sys.argv[1:] if args is None else list(args)))
        self._help_option = None  # made again, in this run's language
        return super().main(args, *rest, **kwargs)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if i18n.current() == "zh" and self.help:
            help_text = self.help
            self.help = i18n.say(help_text)
            try:
                super().format_help_text(ctx, formatter)
            finally:
                self.help = help_text
            return
        super().format_help_text(ctx, formatter)

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        return i18n.params(super().get_params(ctx))

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module = importlib.import_module(entry[0])
        command: click.Command = getattr(module, entry[1])
        return i18n.localized(command)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, i18n.say(COMMANDS[name][2])) for name in self.list_commands(ctx)]
        with formatter.section(click.core._("Commands")):  # type: ignore[attr-defined]  # click's, translated
            formatter.write_dl(rows)


@click.group(
    cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(__version__, "-V", "--version", prog_name="perftable")
def cli() -> None:
    """perftable: parse, validate, render and diff 绩效目标表 (budget performance target tables).

    \b
    Example:
      perftable parse samples/guangdong-department/lianjiang-2024.md
    """


def fail(message: str) -> None:
    """One line on stderr, no traceback; control characters (a file name or a cell quoted in the message) shown
    as escapes (:func:`perftable.values.cleaning.visible`)."""
    # Lazy: its module compiles regexes that would add ~5% to `perftable --help`; only errors need it.
    from perftable.values.cleaning import visible

    click.echo(f"perftable: error: {visible(message)}", err=True)


def tune_gc() -> None:
    """Raise the garbage collector's first threshold for the run (see :mod:`perftable.runtime`, where library
    users find the same setting as ``perftable.tune_gc()``)."""
    runtime.tune_gc()


class _Diagnostics(io.TextIOBase):
    """stderr for notes and progress: when its reader goes away (``2>&1 | head``), the notes stop and the work goes
    on (a closed stdout still ends the run quietly: that is where the output goes)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.closed_by_reader = False

    def write(self, text: str) -> int:
        if not self.closed_by_reader:
            try:
                self.stream.write(text)
                self.stream.flush()
            except (BrokenPipeError, ValueError):
                self.closed_by_reader = True
        return len(text)

    def flush(self) -> None:
        if not self.closed_by_reader:
            try:
                self.stream.flush()
            except (BrokenPipeError, ValueError):
                self.closed_by_reader = True

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]  # the wrapped stream's
        return self.stream.encoding


def main(argv: list[str] | None = None) -> Any:
    """Entry point: runs the CLI, turning perftable's own errors and interruptions into exit codes."""
    tune_gc()
    signals.install()
    if not isinstance(sys.stderr, _Diagnostics):
        sys.stderr = _Diagnostics(sys.stderr)
    try:
        try:
            return cli.main(args=argv, prog_name="perftable", standalone_mode=False)
        finally:  # here, where a full disk or a closed pipe is reported, not at exit where it would be lost
            sys.stdout.flush()
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_ERROR)
    except click.exceptions.Abort:
        click.echo("perftable: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except KeyboardInterrupt:
        click.echo("perftable: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except signals.Terminated as stop:
        click.echo(f"perftable: terminated ({stop})", err=True)
        sys.exit(stop.code)
    except BrokenPipeError:
        _quiet_broken_pipe()
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRORS:
            _internal(exc)
        click.echo(f"perftable: error: cannot write the output: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:
        _internal(exc)


# Errors of writing to standard output (``> /dev/full``, a full disk): the user's problem, not a bug (exit 2).
_OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _internal(exc: Exception) -> NoReturn:
    """A bug in perftable: one line and a request to report it, the details on request."""
    if os.environ.get("PERFTABLE_TRACEBACK"):
        raise exc
    from perftable.values.cleaning import visible  # lazy, as in fail()

    click.echo(
        f"perftable: internal error: {type(exc).__name__}: {visible(str(exc))} (please report it with the input file; "
        "set PERFTABLE_TRACEBACK=1 for the traceback)",
        err=True,
    )
    sys.exit(EXIT_INTERNAL)


def _quiet_broken_pipe() -> None:
    """The reader of our stdout went away (``| head``): end quietly, as Unix tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
    sys.exit(EXIT_OK)
