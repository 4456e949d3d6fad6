"""Changes highlighted in the form's own layout, like daff's highlighter for plain tables: the new table laid out
as the official form, with the removed items of the old one put back where they stood; cells that changed are
amber (with the old value as a note), added ones green, removed ones red. HTML shows notes in the cell; xlsx uses
the same fills, and the notes become cell comments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from perftable.diff.changes import SECTION_NAMES
from perftable.diff.terminal import describe
from perftable.render.document import layout
from perftable.spans import CellNote

if TYPE_CHECKING:
    from perftable.diff.changes import Change, DocumentDiff
    from perftable.model import Document
    from perftable.render.layout import Form
    from perftable.spans import Mark

CellKey = tuple[str | int, ...]
_LISTS = {
    "budget": ("budget", "budget"),
    "tasks": ("tasks", "task"),
    "indicators": ("indicators", "indicator"),
    "long_term_indicators": ("long_term_indicators", "long_term_indicator"),
}
_FIELD_CELLS = {"amount": None, "funds": "funds", "section": "name", "level1": "name", "level2": "name"}


@dataclass
class Marked:
    """A form with its cells marked, and the notes that concern no cell (shown above it)."""

    form: Form
    notes: list[CellNote] = field(default_factory=list)


def _indicator_identity(item: Any) -> object:
    return (item.level1, item.level2, item.name)


_IDENTITY: dict[str, Callable[[Any], object]] = {
    "budget": lambda item: (item.key, item.label),
    "tasks": lambda item: item.name,
    "indicators": _indicator_identity,
    "long_term_indicators": _indicator_identity,
}


def _anchor(section: str, items: list[Any], index: int, shown: list[Any]) -> int:
    """Where the removed ``items[index]`` goes among the shown ones: where it was, right after the nearest item
    that stood before it in the old table and is still shown (or right before the nearest that stood after it);
    else after the last of its group, else at the end."""
    identity = _IDENTITY[section]
    keys = [identity(x) for x in shown]
    for k in range(index - 1, -1, -1):
        if identity(items[k]) in keys:
            return len(keys) - keys[::-1].index(identity(items[k]))
    for k in range(index + 1, len(items)):
        if identity(items[k]) in keys:
            return keys.index(identity(items[k]))
    item = items[index]
    if section in ("indicators", "long_term_indicators"):
        for same in (
            lambda x: (x.level1, x.level2) == (item.level1, item.level2),
            lambda x: x.level1 == item.level1,
        ):
            found = [i for i, x in enumerate(shown) if same(x)]
            if found:
                return found[-1] + 1
    if section == "tasks":
        found = [i for i, x in enumerate(shown) if x.section == item.section]
        if found:
            return found[-1] + 1
    return len(shown)


def _merged_list(
    section: str, old: Document, new: Document, changes: list[Change]
) -> tuple[list[Any], list[Change | None]]:
    """The new table's items with the removed old ones put back, and the change each one shows (or None)."""
    attribute = _LISTS[section][0]
    shown: list[Any] = list(getattr(new, attribute))
    status: list[Change | None] = [None] * len(shown)
    for change in changes:
        if change.new_index is not None:
            status[change.new_index] = change
    items = list(getattr(old, attribute))
    for change in sorted(
        changes, key=lambda c: c.old_index or 0
    ):  # in the old order: each finds the one before
        if change.kind == "removed" and change.old_index is not None:
            at = _anchor(section, items, change.old_index, shown)
            shown.insert(at, items[change.old_index])
            status.insert(at, change)
    return shown, status


def _cell_of(prefix: str, index: int, field_name: str) -> CellKey:
    if prefix == "budget":
        return ("budget", index)
    name = field_name.replace("info.", "info:")
    return (prefix, index, _FIELD_CELLS.get(field_name) or name)


def _mark_item(form: Form, prefix: str, index: int, change: Change) -> None:
    keys = [key for key in form.keys if key[0] == prefix and key[1] == index]
    if change.kind in ("added", "removed"):
        for key in keys:
            _mark(form, key, change.kind, None)
        return
    if change.kind == "renamed":
        name_key = (prefix, index, "name")
        _mark(form, name_key, "changed", f"原名: {change.old} (相似度 {change.similarity:.2f})")
    for item in change.fields:
        old = f"原: {item.old or '∅'}" + (f"；{item.detail}" if item.detail else "")
        _mark(form, _cell_of(prefix, index, item.field), "changed", old)


def _mark(form: Form, key: CellKey, mark: Mark, note: str | None) -> None:
    cell = form.keys.get(key)
    if cell is None:
        return
    cell.mark = mark
    if note:
        cell.notes.append(CellNote(mark, note))


def highlight(old: Document, new: Document, table: DocumentDiff) -> Marked:
    """The new table laid out with the changes from the old one marked."""
    shown = new.model_copy()
    statuses: dict[str, list[Change | None]] = {}
    for section in _LISTS:
        changes = [change for change in table.changes if change.section == section]
        items, statuses[section] = _merged_list(section, old, new, changes)
        setattr(shown, _LISTS[section][0], items)
    marked = Marked(layout(shown))
    for section, status in statuses.items():
        for index, change in enumerate(status):
            if change is not None:
                _mark_item(marked.form, _LISTS[section][1], index, change)
    for change in table.changes:
        if change.section not in _LISTS:
            _mark_field(marked, change)
    return marked


def _mark_field(marked: Marked, change: Change) -> None:
    """Goals, header fields and info: the cell that shows them, else a note above the table."""
    if change.section == "goals":
        key: CellKey = ("goals",)
    elif change.section == "document" and change.key in ("department", "project"):
        key = (change.key,)
    elif change.section == "info":
        key = ("info", change.key)
    else:
        key = ()
    text = f"{SECTION_NAMES[change.section]} {describe(change)}"
    if key in marked.form.keys and change.kind != "removed":
        _mark(marked.form, key, "added" if change.kind == "added" else "changed", text)
    else:
        marked.notes.append(CellNote(change.kind if change.kind != "renamed" else "changed", text))
