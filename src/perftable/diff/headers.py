"""The changes of the goals (a sequence, compared by position and likeness) and of the header fields (title,
year, department, project, and each ``info`` field by its label)."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from perftable.diff.changes import Change
from perftable.diff.match import similarity
from perftable.diff.sections import info_field_changes, summary

if TYPE_CHECKING:
    from perftable.model import Document


def goal_changes(old: list[str], new: list[str]) -> list[Change]:
    """Goals compared as a sequence: replaced items paired in order (with their similarity), the rest added or
    removed."""
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(paired):
            a, b = old[i1 + k], new[j1 + k]
            changes.append(
                Change(
                    section="goals",
                    kind="changed",
                    key=f"目标{j1 + k + 1}",
                    old=a,
                    new=b,
                    similarity=similarity(a, b),
                    old_index=i1 + k,
                    new_index=j1 + k,
                )
            )
        changes += [
            Change(section="goals", kind="removed", key=f"目标{i + 1}", old=old[i], old_index=i)
            for i in range(i1 + paired, i2)
        ]
        changes += [
            Change(section="goals", kind="added", key=f"目标{j + 1}", new=new[j], new_index=j)
            for j in range(j1 + paired, j2)
        ]
    return changes


def document_changes(a: Document, b: Document) -> list[Change]:
    changes = []
    for name in ("kind", "title", "year", "department", "project"):
        old, new = getattr(a, name), getattr(b, name)
        if old != new:
            text = (None if old is None else str(old), None if new is None else str(new))
            changes.append(
                Change(
                    section="document",
                    kind="changed",
                    key=name,
                    old=text[0],
                    new=text[1],
                    detail=f"{text[0] or '∅'} → {text[1] or '∅'}",
                )
            )
    return changes


def info_changes(a: dict[str, str], b: dict[str, str]) -> list[Change]:
    changes = []
    for field in info_field_changes(a, b):
        key = field.field.removeprefix("info.")
        kind = "added" if field.old is None else "removed" if field.new is None else "changed"
        changes.append(
            Change(
                section="info",
                kind=kind,
                key=key,
                old=field.old,
                new=field.new,
                detail=summary(field) if kind == "changed" else None,
            )
        )
    return changes
