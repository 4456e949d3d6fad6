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

from perftable.config import Config
from perftable.files import resolved
from perftable.findings import Finding
from perftable.model import Location

_COMMENT = re.compile(r"<!--\s*perftable:\s*(disable-next-line|disable)\s+([^>]*?)\s*-->")


@dataclass
class Suppression:
    codes: frozenset[str]
    location: Location
    line: int | None = None  # the line it covers; None for the whole file
    cell: tuple[str, str] | None = None  # (sheet, cell)
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        if finding.code not in self.codes:
            return False
        if self.cell is not None:
            return (finding.location.sheet, finding.location.cell) == self.cell
        return self.line is None or finding.location.line == self.line


def _codes(text: str) -> frozenset[str]:
    from perftable.rules import resolve_rule

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
        found.append(
            Suppression(
                codes, Location(file=path, sheet=sheet or None, cell=cell.upper()), cell=(sheet, cell.upper())
            )
        )
    return found


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
