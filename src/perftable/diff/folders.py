"""A review round diffed: every table of an old folder (一上) paired with one of a new folder (二上).

Pairing, in this order:

1. every table of both folders is read (the folder walk of ``validate``: :func:`perftable.readers.files.iter_files`, its
   ``exclude`` globs honoured) and keyed by (kind, department, project), the names normalised as labels are
   (:func:`perftable.values.cleaning.label_key`: NFKC, no whitespace, simplified characters); a table with neither a
   department nor a project has no key;
2. tables with equal keys are paired; when a key appears more than once on a side, tables of that key in files
   of the same name (and place) are paired first, then the others in folder order (files sorted, tables in file
   order), and each table of that key says so (``duplicate_key``);
3. the tables left are paired by their file's name relative to its folder and their index in the file
   (``paired_by: "file"``; when their kind, department or project differ, ``unrelated`` says how);
4. an old table left is ``removed``, a new one ``added``.

A file that cannot be read is reported (``unreadable``) and the others are diffed. A file that holds no 绩效目标表
(notes, an empty draft) is unreadable too, unless the caller skips such files (``diff --skip-no-table``, or
``skip-no-table = true`` in the configuration that applies to the file, as for ``validate``): then it is listed
under ``skipped`` and counted in the summary, and does not make the round fail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field

from perftable.check.batch import NO_TABLE_KINDS
from perftable.diff import DiffOptions, diff_documents, table_name, unrelated
from perftable.diff.changes import Change, DiffReport, DocumentDiff
from perftable.errors import PerftableError, ReadError
from perftable.loader import load_all
from perftable.messages import Lang
from perftable.model import Document, Record
from perftable.readers import DEFAULT_OPTIONS, ReadOptions
from perftable.readers.files import iter_files
from perftable.values.cleaning import label_key

PairStatus = Literal["changed", "unchanged", "added", "removed"]
STATUSES: tuple[PairStatus, ...] = ("changed", "added", "removed", "unchanged")
Key = tuple[str, str, str]


class TableRef(Record):
    """One table of a folder: its file (relative to the folder) and its place in the file (1 for the first)."""

    file: str
    table: int = 1
    kind: str
    department: str | None = None
    project: str | None = None


class DuplicateKey(Record):
    """How many tables of each folder share a pair's (kind, department, project)."""

    old: int
    new: int


class TablePair(Record):
    status: PairStatus
    paired_by: Literal["key", "file"] | None = Field(
        default=None, description="None for an added or removed table"
    )
    old: TableRef | None = None
    new: TableRef | None = None
    duplicate_key: DuplicateKey | None = Field(default=None, description="Set when the key is not unique")
    unrelated: str | None = Field(default=None, description="Paired by file, yet another kind, department …")
    changes: list[Change] = Field(default_factory=list)


class Unreadable(Record):
    side: Literal["old", "new"]
    file: str
    error: str


class Skipped(Record):
    """A file that holds no 绩效目标表, left out of the round (``--skip-no-table``)."""

    side: Literal["old", "new"]
    file: str


class FolderSummary(Record):
    paired: int = 0
    changed: int = 0
    unchanged: int = 0
    added: int = 0
    removed: int = 0
    unreadable: int = 0
    skipped: int = Field(default=0, description="Files holding no 绩效目标表, skipped (--skip-no-table)")
    duplicate_keys: int = Field(default=0, description="Keys found on more than one table of a folder")


class FolderDiff(Record):
    """The JSON of ``perftable diff OLD_DIR NEW_DIR``: ``{"old", "new", "summary", "pairs", "unreadable",
    "skipped"}``."""

    old: str
    new: str
    summary: FolderSummary = Field(default_factory=FolderSummary)
    pairs: list[TablePair] = Field(default_factory=list)
    unreadable: list[Unreadable] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list)

    @property
    def equal(self) -> bool:
        return not any(pair.status != "unchanged" for pair in self.pairs)

    def changes_summary(self, lang: Lang = "zh") -> str:
        """The changes of every pair counted by section, as the file diff's summary counts them."""
        tables = [DocumentDiff(old="", new="", changes=pair.changes) for pair in self.pairs]
        return DiffReport(old=self.old, new=self.new, tables=tables).summary(lang)


@dataclass(frozen=True, slots=True)
class Entry:
    """A table as read: its file relative to the folder, its index in the file, the document."""

    file: str
    index: int
    doc: Document

    @property
    def key(self) -> Key | None:
        return table_key(self.doc)

    def ref(self) -> TableRef:
        doc = self.doc
        return TableRef(
            file=self.file,
            table=self.index + 1,
            kind=doc.kind,
            department=doc.department,
            project=doc.project,
        )


@dataclass
class FolderRound:
    """The report and, pair by pair, the documents it was made from (for the forms of html and xlsx)."""

    report: FolderDiff
    documents: list[tuple[Document | None, Document | None]]


def table_key(doc: Document) -> Key | None:
    """(kind, department, project) normalised; None when the table names neither a department nor a project."""
    department, project = label_key(doc.department or ""), label_key(doc.project or "")
    return (doc.kind, department, project) if department or project else None


@dataclass
class Folder:
    """A folder as read: its tables in walk order, the files that could not be read (name, error) and the files
    holding no table that were skipped."""

    entries: list[Entry]
    failed: list[tuple[str, str]]
    skipped: list[str]


def read_folder(
    folder: Path,
    options: ReadOptions = DEFAULT_OPTIONS,
    excluded: Callable[[Path], bool] | None = None,
    skip_no_table: Callable[[Path], bool] | None = None,
) -> Folder:
    """Every table of the folder's files in walk order; a file holding no table is skipped where
    ``skip_no_table(path)`` says so, else it fails like a file that cannot be read."""
    read = Folder([], [], [])
    for path in iter_files([folder], excluded):
        name = path.relative_to(folder).as_posix()
        try:
            docs = load_all(path, options)
        except ReadError as exc:  # no table, a self-evaluation table, an empty file: as validate skips them
            if exc.kind in NO_TABLE_KINDS and skip_no_table is not None and skip_no_table(path):
                read.skipped.append(name)
            else:
                read.failed.append((name, str(exc)))
            continue
        except PerftableError as exc:
            read.failed.append((name, str(exc)))
            continue
        read.entries += [Entry(name, index, doc) for index, doc in enumerate(docs)]
    return read


Paired = tuple[Entry | None, Entry | None, Literal["key", "file"] | None]


def pair_entries(old: list[Entry], new: list[Entry]) -> list[Paired]:
    """Tables paired by key, then by file name and index; unpaired ones with None on the other side. Ordered by
    the new folder's order, then the removed tables in the old folder's order."""
    by_key: dict[Key, tuple[list[Entry], list[Entry]]] = {}
    rest_old = [entry for entry in old if entry.key is None]
    rest_new = [entry for entry in new if entry.key is None]
    for side, entries in enumerate((old, new)):
        for entry in entries:
            if entry.key is not None:
                by_key.setdefault(entry.key, ([], []))[side].append(entry)
    pairs: list[Paired] = []
    for olds, news in by_key.values():
        if len(olds) > 1 or len(news) > 1:  # a repeated key: the same file name first, then in order
            places = {(entry.file, entry.index): entry for entry in news}
            same = [(a, places[(a.file, a.index)]) for a in olds if (a.file, a.index) in places]
            pairs += [(a, b, "key") for a, b in same]
            olds = [a for a in olds if all(a is not x for x, _ in same)]
            news = [b for b in news if all(b is not y for _, y in same)]
        pairs += [(a, b, "key") for a, b in zip(olds, news, strict=False)]
        rest_old += olds[len(news) :]
        rest_new += news[len(olds) :]
    by_place = {(entry.file, entry.index): entry for entry in rest_new}
    for entry in sorted(rest_old, key=lambda e: (e.file, e.index)):
        match = by_place.pop((entry.file, entry.index), None)
        pairs.append((entry, match, "file") if match is not None else (entry, None, None))
    pairs += [(None, entry, None) for entry in by_place.values()]
    order = {id(entry): place for place, entry in enumerate([*new, *old])}
    return sorted(pairs, key=lambda p: order[id(p[1] if p[1] is not None else p[0])])


def key_counts(old: list[Entry], new: list[Entry]) -> dict[Key, DuplicateKey]:
    """How many tables of each folder have each key."""
    counts: dict[Key, DuplicateKey] = {}
    for entry in old:
        if entry.key is not None:
            counts.setdefault(entry.key, DuplicateKey(old=0, new=0)).old += 1
    for entry in new:
        if entry.key is not None:
            counts.setdefault(entry.key, DuplicateKey(old=0, new=0)).new += 1
    return counts


def diff_entries(
    old: list[Entry], new: list[Entry], options: DiffOptions | None = None
) -> tuple[list[TablePair], list[tuple[Document | None, Document | None]]]:
    """Each pair diffed (an added or removed table is one ``table`` change, as the file diff gives it)."""
    counts = key_counts(old, new)
    pairs: list[TablePair] = []
    documents: list[tuple[Document | None, Document | None]] = []
    for a, b, paired_by in pair_entries(old, new):
        key = next((e.key for e in (a, b) if e is not None and e.key is not None), None)
        count = counts.get(key) if key is not None else None
        duplicate = count if count is not None and max(count.old, count.new) > 1 else None
        pair = TablePair(status="unchanged", paired_by=paired_by, duplicate_key=duplicate)
        if a is not None and b is not None:
            pair.old, pair.new = a.ref(), b.ref()
            pair.changes = diff_documents(a.doc, b.doc, options).changes
            pair.status = "changed" if pair.changes else "unchanged"
            pair.unrelated = unrelated(a.doc, b.doc) if paired_by == "file" else None
        else:
            entry = a if a is not None else b
            assert entry is not None
            kind: Literal["added", "removed"] = "removed" if a is not None else "added"
            name = table_name(entry.doc)
            pair.status = kind
            pair.old, pair.new = (entry.ref(), None) if a is not None else (None, entry.ref())
            pair.changes = [Change(section="table", kind=kind, key=name)]
        pairs.append(pair)
        documents.append((a.doc if a else None, b.doc if b else None))
    return pairs, documents


def diff_folders(
    old: str | Path,
    new: str | Path,
    options: DiffOptions | None = None,
    read_options: ReadOptions = DEFAULT_OPTIONS,
    excluded: Callable[[Path], bool] | None = None,
    skip_no_table: Callable[[Path], bool] | None = None,
) -> FolderRound:
    """Diff two folders of tables (see the module's docstring for the pairing)."""
    before = read_folder(Path(old), read_options, excluded, skip_no_table)
    after = read_folder(Path(new), read_options, excluded, skip_no_table)
    old_entries, new_entries = before.entries, after.entries
    pairs, documents = diff_entries(old_entries, new_entries, options)
    unreadable = [Unreadable(side="old", file=name, error=error) for name, error in before.failed]
    unreadable += [Unreadable(side="new", file=name, error=error) for name, error in after.failed]
    skipped = [Skipped(side="old", file=name) for name in before.skipped]
    skipped += [Skipped(side="new", file=name) for name in after.skipped]
    statuses = [pair.status for pair in pairs]
    summary = FolderSummary(
        paired=sum(1 for pair in pairs if pair.paired_by is not None),
        changed=statuses.count("changed"),
        unchanged=statuses.count("unchanged"),
        added=statuses.count("added"),
        removed=statuses.count("removed"),
        unreadable=len(unreadable),
        skipped=len(skipped),
        duplicate_keys=sum(1 for n in key_counts(old_entries, new_entries).values() if max(n.old, n.new) > 1),
    )
    report = FolderDiff(
        old=str(old), new=str(new), summary=summary, pairs=pairs, unreadable=unreadable, skipped=skipped
    )
    return FolderRound(report, documents)
