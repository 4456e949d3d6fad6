"""The ``perftable`` console script: the command line imported under a Ctrl-C guard.

Importing the command line takes a few hundred milliseconds (click, pydantic, the rule modules). A Ctrl-C in that
time would end in a ``KeyboardInterrupt`` traceback, before :func:`perftable.cli.main` has set up the exit codes
it documents. This module imports nothing of perftable at its top, so that the guard is in place from the start.
"""

from __future__ import annotations

import sys
from typing import Any

EXIT_INTERRUPTED = 130  # as perftable.cli.EXIT_INTERRUPTED (not imported: this module must stay light)


def main() -> Any:
    try:
        from perftable.cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("perftable: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    return cli_main()
