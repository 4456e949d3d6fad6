"""Semantic diffs between two versions of a 绩效目标表 (一上 vs 二上, 2023 vs 2024).

    >>> import perftable
    >>> from perftable.diff import diff_files
    >>> report = diff_files("samples/formats/lianjiang-clean.md", "samples/formats/lianjiang-clean.xlsx")
    >>> report.equal  # the same table written in two formats
    True

Tables of two files are paired by kind and name (project, department, title), the rest in order; a table only in
one file is a ``table`` change. See :mod:`perftable.diff.sections` for what is compared and how.

May import: ``errors``, ``messages``, ``runtime``, ``model``, ``outputs``, ``values``, ``vocab``, ``grid``,
``findings``, ``spans``, ``readers``, ``extract``, ``loader``, ``rules``, ``check``, ``export``, ``report``,
``render``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from perftable.diff.changes import Change, DiffReport, DocumentDiff
from perftable.diff.headers import document_changes, goal_changes, info_changes
from perftable.diff.sections import DiffOptions, budget_changes, indicator_changes, task_changes
from perftable.loader import load_all

if TYPE_CHECKING:
    from pathlib import Path

    from perftable.model import Document

__all__ = ["DiffOptions", "DiffReport", "DocumentDiff", "diff_documents", "diff_files"]


def table_name(doc: Document) -> str:
    name = doc.project or doc.department or doc.title
    return f"{doc.source.file} [{name}]" if name else doc.source.file


def diff_documents(old: Document, new: Document, options: DiffOptions | None = None) -> DocumentDiff:
    """The changes from ``old`` to ``new``, section by section in the form's order."""
    opts = options or DiffOptions()
    changes: list[Change] = []
    if "document" not in opts.ignore:
        changes += document_changes(old, new)
    if "info" not in opts.ignore:
        changes += info_changes(old.info, new.info)
    if "budget" not in opts.ignore:
        changes += budget_changes(old.budget, new.budget, opts)
    if "goals" not in opts.ignore:
        changes += goal_changes(old.goals, new.goals)
    if "tasks" not in opts.ignore:
        changes += task_changes(old.tasks, new.tasks, opts)
    if "indicators" not in opts.ignore:
        changes += indicator_changes(old.indicators, new.indicators)
        changes += indicator_changes(
            old.long_term_indicators, new.long_term_indicators, "long_term_indicators"
        )
    return DocumentDiff(old=table_name(old), new=table_name(new), changes=changes)


def unrelated(old: Document, new: Document) -> str | None:
    """Why two paired tables look like two different tables (another kind, department or project), or None: their
    diff is still made, with a warning, since a renamed department is a change too."""
    if old.kind != new.kind:
        return f"a {old.kind} table and a {new.kind} table"
    for field in ("department", "project"):
        a, b = getattr(old, field), getattr(new, field)
        if a and b and a != b:
            return f"{field} {a} vs {b}"
    return None


def _identity(doc: Document) -> tuple[str, str | None]:
    return (doc.kind, doc.project or doc.department or doc.title)


def pair_tables(
    old: list[Document], new: list[Document]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs of (old, new) table indices, and the old and new tables left unpaired."""
    if len(old) == 1 and len(new) == 1:
        return [(0, 0)], [], []
    pairs: list[tuple[int, int]] = []
    free_new = list(range(len(new)))
    unpaired: list[int] = []
    for i, doc in enumerate(old):
        j = next((j for j in free_new if _identity(new[j]) == _identity(doc)), None)
        if j is None:
            unpaired.append(i)
        else:
            pairs.append((i, j))
            free_new.remove(j)
    for i, j in zip(list(unpaired), list(free_new), strict=False):  # the rest in order
        pairs.append((i, j))
        unpaired.remove(i)
        free_new.remove(j)
    return sorted(pairs, key=lambda pair: pair[1]), unpaired, free_new


def diff_lists(
    old: list[Document], new: list[Document], options: DiffOptions | None = None
) -> list[DocumentDiff]:
    pairs, removed, added = pair_tables(old, new)
    tables = [diff_documents(old[i], new[j], options) for i, j in pairs]
    for i in removed:
        name = table_name(old[i])
        tables.append(
            DocumentDiff(old=name, new="", changes=[Change(section="table", kind="removed", key=name)])
        )
    for j in added:
        name = table_name(new[j])
        tables.append(
            DocumentDiff(old="", new=name, changes=[Change(section="table", kind="added", key=name)])
        )
    return tables


def diff_files(old: str | Path, new: str | Path, options: DiffOptions | None = None) -> DiffReport:
    """Diff every table of two files. Raises :class:`~perftable.errors.ReadError` for an unreadable file."""
    return DiffReport(old=str(old), new=str(new), tables=diff_lists(load_all(old), load_all(new), options))
