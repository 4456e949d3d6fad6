"""Findings shown next to the cells they concern.

A finding carries the location of the model value it is about (an indicator's, a budget line's, a field's), which
is where the source printed it. Each model value's location is mapped to the cell of the canonical layout that
shows it: an indicator's to its value cell (the rules judge values), a budget line's to its amount, a task's to its
name, a field's to its value, a table's header (findings about the whole indicator or task
table) to the table's label. A finding whose location is no value's but lies on a value's row (a repaired cell,
a level name) goes to that row's cell; the rest (about the whole table) are returned to be shown above it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from perftable.spans import CellNote

if TYPE_CHECKING:
    from perftable.findings import Finding
    from perftable.model import Document, Location
    from perftable.render.layout import Form

CellKey = tuple[str | int, ...]


def _exact(location: Location) -> tuple[object, ...]:
    return (location.file, location.sheet, location.cell, location.line, location.column, location.row)


def _row(location: Location) -> tuple[object, ...] | None:
    """The row a location is on: the line of a text file, the row of a sheet cell."""
    if location.cell is not None:
        return (location.file, location.sheet, "".join(ch for ch in location.cell if ch.isdigit()))
    if location.line is not None:
        return (location.file, location.line)
    return None


def value_keys(doc: Document) -> list[tuple[Location, CellKey]]:
    """Each model value's location, with the key of the cell that shows it."""
    pairs: list[tuple[Location, CellKey]] = [
        *((line.location, ("budget", index)) for index, line in enumerate(doc.budget)),
        *((task.location, ("task", index, "name")) for index, task in enumerate(doc.tasks)),
        *((ind.location, ("indicator", index, "value")) for index, ind in enumerate(doc.indicators)),
    ]
    for name, location in doc.locations.items():
        if name in ("department", "project", "goals"):
            pairs.append((location, (name,)))
        elif name in (
            "indicators",
            "tasks",
        ):  # a table's header: findings about the whole indicator or task table
            pairs.append((location, ("section", name)))
        elif name.startswith("info."):
            pairs.append((location, ("info", name.removeprefix("info."))))
    return pairs


def attach_findings(form: Form, doc: Document, findings: list[Finding]) -> list[Finding]:
    """Add each finding as a note to the cell it concerns; returns those that concern no cell."""
    exact: dict[tuple[object, ...], CellKey] = {}
    by_row: dict[tuple[object, ...], CellKey] = {}
    for location, key in value_keys(doc):
        if key not in form.keys:
            continue
        exact.setdefault(_exact(location), key)
        row = _row(location)
        if row is not None:
            by_row.setdefault(row, key)
    loose: list[Finding] = []
    for finding in sorted(findings, key=lambda item: item.sort_key()):
        row = _row(finding.location)
        found = exact.get(_exact(finding.location)) or (by_row.get(row) if row is not None else None)
        if found is None:
            loose.append(finding)
            continue
        form.keys[found].notes.append(CellNote(finding.severity, f"{finding.code} {finding.message}"))
    return loose
