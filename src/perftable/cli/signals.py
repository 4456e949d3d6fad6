"""The signals a batch job gets (TERM from a CI runner or ``kill``, HUP when its terminal goes away) end the run
the way Ctrl-C does: as an exception, so that every ``finally`` and cleanup runs (a temporary output file is
removed, worker processes are stopped), then one line on stderr and exit ``128 + signal number`` (143 for TERM,
129 for HUP, 130 for INT), as a shell reports a process killed by that signal.

A signal the parent process ignores (``nohup`` ignores HUP) stays ignored.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

HANDLED = ("SIGTERM", "SIGHUP")


class Terminated(BaseException):  # like KeyboardInterrupt: not an error, a request to stop
    """The run was asked to stop by a signal; ``code`` is the exit status that says so."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.code = 128 + signum


# The signal received, if any. Python ignores an exception raised while it runs a weakref callback or a
# ``__del__`` (it prints "Exception ignored in …"), so a signal that arrives there would be lost: the run checks
# this between files (:func:`check`) and stops there instead. Process-wide, as signal handlers are.
_pending: int | None = None


def _raise(signum: int, frame: FrameType | None) -> None:
    global _pending
    _pending = signum
    raise Terminated(signum)


def check() -> None:
    """Raise :class:`Terminated` for a signal that arrived where its exception was swallowed."""
    if _pending is not None:
        raise Terminated(_pending)


# The hook in force before ours (Python's, or a test runner's): every other unraisable exception goes to it.
_previous_hook = sys.__unraisablehook__


def _unraisable(info: sys.UnraisableHookArgs) -> None:
    """A :class:`Terminated` swallowed where Python cannot raise (an import lock's weakref callback, a
    ``__del__``): not printed as an ignored exception with its traceback, since :func:`check` raises it again at
    the next safe point; anything else goes to the hook in force before."""
    if isinstance(info.exc_value, Terminated):
        return
    _previous_hook(info)


def install() -> None:
    """Turn TERM and HUP into :class:`Terminated` (where they have their default action)."""
    for name in HANDLED:
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) is signal.SIG_DFL:
            signal.signal(signum, _raise)
    global _previous_hook
    if sys.unraisablehook is not _unraisable:
        _previous_hook, sys.unraisablehook = sys.unraisablehook, _unraisable
