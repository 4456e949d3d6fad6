"""Suppressions, in the form that suits each format, and the report of the unused ones (S001).

* Text formats: an HTML comment ``<!-- perftable: disable-next-line U001,I006 -->`` suppresses those codes on the
  next non-blank line; ``<!-- perftable: disable U001 -->`` suppresses them in the whole file. Codes or names.
* Spreadsheets (and any file): ``cell-ignores`` in the configuration, keyed by ``Sheet!C5`` or ``glob:Sheet!C5``.

A suppression that matches no finding is itself reported (S001), so that stale ones do not pile up.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from pathlib import Path

from perftable.check.config import Config
from perftable.findings import Finding
from perftable.model import Location
from perftable.readers.files import resolved
from perftable.rules import resolve_rule

_COMMENT = re.compile(r"<!--\s*perftable:\s*(disable-next-line|disable)\s+([^>]*?)\s*-->")


@dataclass
class Suppression:
    codes: frozenset[str]
    location: Location
    line: int | None = None  # the line it covers; None for the whole file
    cell: tuple[str, str] | None = None  # (sheet, cell)
    entry: str | None = None  # a cell-ignores key of the configuration (its location is in the configuration)
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        if finding.code not in self.codes:
            return False
        if self.cell is not None:
            return (finding.location.sheet, finding.location.cell) == self.cell
        return self.line is None or finding.location.line == self.line


def _codes(text: str) -> frozenset[str]:
    codes = set()
    for part in re.split(r"[,\s]+", text.strip()):
        if part:
            try:
                codes.add(resolve_rule(part).code)
            except Exception:  # an unknown code in a comment must not stop validation
                continue
    return frozenset(codes)


def from_text(path: str, text: str) -> list[Suppression]:
    """Suppression comments in a text file."""
    lines = text.split("\n")
    found: list[Suppression] = []
    for number, line in enumerate(lines, start=1):
        for match in _COMMENT.finditer(line):
            location = Location(file=path, line=number, column=match.start() + 1)
            codes = _codes(match[2])
            if match[1] == "disable":
                found.append(Suppression(codes, location))
                continue
            target = next((n for n in range(number + 1, len(lines) + 1) if lines[n - 1].strip()), None)
            found.append(Suppression(codes, location, line=target))
    return found


def from_config(path: str, config: Config) -> list[Suppression]:
    """``cell-ignores`` entries that apply to this file."""
    found: list[Suppression] = []
    for key, selectors in config.cell_ignores.items():
        pattern, _, ref = key.rpartition(":") if ":" in key else ("", "", key)
        if pattern and not _matches(path, pattern, config):
            continue
        sheet, _, cell = ref.rpartition("!")
        codes = _codes(" ".join(selectors))
        where = _entry_location(config, key) or Location(file=path, sheet=sheet or None, cell=cell.upper())
        found.append(Suppression(codes, where, cell=(sheet, cell.upper()), entry=key))
    return found


def _entry_location(config: Config, key: str) -> Location | None:
    """Where a ``cell-ignores`` entry is written: its line in the configuration file (so that S001 points at what
    to delete), or None when the configuration is not a file that holds it."""
    if not config.source or not Path(config.source).is_file():
        return None
    try:
        lines = Path(config.source).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    start = next((n for n, line in enumerate(lines) if re.match(r"\s*\[[^]]*cell-ignores\s*\]", line)), None)
    if start is None:
        return None
    for number in range(start + 1, len(lines)):
        line = lines[number]
        if line.lstrip().startswith("["):
            break
        for quoted in (f'"{key}"', f"'{key}'"):
            column = line.find(quoted)
            if column >= 0:
                return Location(file=config.source, line=number + 1, column=column + 1)
    return None


def _matches(path: str, pattern: str, config: Config) -> bool:
    candidate = Path(path)
    try:
        relative = resolved(candidate).relative_to(config.root).as_posix()
    except ValueError:
        relative = candidate.as_posix()
    return fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(candidate.name, pattern)


def apply(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """The findings no suppression covers (marking the suppressions that were used)."""
    kept: list[Finding] = []
    for finding in findings:
        covering = [s for s in suppressions if s.covers(finding)]
        for suppression in covering:
            suppression.used.add(finding.code)
        if not covering:
            kept.append(finding)
    return kept


def unused(suppressions: list[Suppression]) -> list[Suppression]:
    return [s for s in suppressions if s.codes and not s.used]


def per_file_ignored(path: str, config: Config) -> tuple[str, ...]:
    """Selectors that ``per-file-ignores`` applies to this file."""
    return tuple(
        selector
        for pattern, selectors in config.per_file_ignores.items()
        if _matches(path, pattern, config)
        for selector in selectors
    )
