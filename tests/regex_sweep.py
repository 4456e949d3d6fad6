"""Every regular expression perftable keeps at module level, run on hostile text: long runs of one character (blanks,
digits, brackets, dots, numerals) after a short prefix. A pattern whose time grows with the square of the run (a
match tried from every character of the run, or two blank runs that can split a run every way) is reported.

Run by ``tests/test_linear_patterns.py`` as ``python -m tests.regex_sweep KNOWN.json``, in a child process: a slow
pattern is stopped by an alarm, not waited for. It prints a JSON object: each slow pattern's name and the input
that shows it ([prefix, unit, end]). Known slow patterns (KNOWN.json: name -> [prefix, unit, end]) are run on that
input only.

Two stages keep it fast: every pattern is timed on short inputs (2,000 characters), and the ones that take more
than half a millisecond there are run again on 100,000 characters under a one-second alarm. A linear pattern reads
100,000 characters in milliseconds; a quadratic one needs minutes.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import signal
import sys
import time
from collections.abc import Iterator
from types import FrameType

import perftable

UNITS = (" ", "　", "\t", "\n", "1", "12", "1.", "1-", "1 ", "(", "（", "·", "…", ".", "-", "万", "一", "a", "指",
         "|", ":", ",")  # fmt: skip
PREFIXES = ("", "1", "2024年1月", "(", "第", "指标")
ENDS = ("x", ")")
SHORT, LONG = 2_000, 100_000
CANDIDATE = 0.0005  # seconds on SHORT characters
ALARM = 1.0  # seconds on LONG characters
KNOWN_ALARM = 0.3  # a known slow pattern needs minutes on LONG characters: this says it still does


def module_patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled text pattern at the top level of a perftable module (directly, or in a tuple, list or dict)."""
    found: dict[str, re.Pattern[str]] = {}
    seen: set[int] = set()  # a pattern imported by other modules is named once, where it is defined
    names = sorted(info.name for info in pkgutil.walk_packages(perftable.__path__, "perftable."))
    for module_name in (name for name in names if not name.endswith("__main__")):
        module = importlib.import_module(module_name)
        for attr, value in vars(module).items():
            values = (
                value.values()
                if isinstance(value, dict)
                else value
                if isinstance(value, tuple | list)
                else [value]
            )
            for index, item in enumerate(values):
                if isinstance(item, re.Pattern) and isinstance(item.pattern, str) and id(item) not in seen:
                    seen.add(id(item))
                    found[f"{module_name}.{attr}" + ("" if item is value else f"[{index}]")] = item
    return found


Case = tuple[str, str, str]  # a hostile input: prefix, the unit repeated, end


def hostile() -> Iterator[Case]:
    for prefix in PREFIXES:
        for unit in UNITS:
            for end in ENDS:
                yield prefix, unit, end


def text(case: Case, length: int) -> str:
    prefix, unit, end = case
    return prefix + unit * (length // len(unit)) + end


class Slow(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Slow


def is_slow(pattern: re.Pattern[str], text: str, alarm: float = ALARM) -> bool:
    """True when ``pattern.sub`` over ``text`` (which tries a match at every position) outlasts the alarm."""
    signal.setitimer(signal.ITIMER_REAL, alarm)
    try:
        pattern.sub("", text)
    except Slow:
        return True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return False


def sweep(known: dict[str, Case]) -> dict[str, Case]:
    """The slow patterns, each with the case that shows it; a known one is run on its own case only."""
    signal.signal(signal.SIGALRM, _alarm)
    slow: dict[str, Case] = {}
    for name, pattern in sorted(module_patterns().items()):
        if name in known:
            if is_slow(pattern, text(tuple(known[name]), LONG), KNOWN_ALARM):  # type: ignore[arg-type]  # JSON list
                slow[name] = known[name]
            continue
        for case in hostile():
            started = time.perf_counter()
            pattern.sub("", text(case, SHORT))
            if time.perf_counter() - started > CANDIDATE and is_slow(pattern, text(case, LONG)):
                slow[name] = case
                break
    return slow


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:  # noqa: PTH123  # a path given on the command line
        print(json.dumps(sweep(json.load(handle)), ensure_ascii=False, indent=1))
