"""Loading tables: a path (or text) in, :class:`~perftable.model.Document` objects out."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from perftable.extract import Extraction, extraction, require_documents
from perftable.grid import Origin, Source
from perftable.model import Document
from perftable.readers import (
    DEFAULT_OPTIONS,
    NATIVE_FORMATS,
    ReadOptions,
    contain,
    parse_text,
    read_source,
    sniff,
)
from perftable.readers.contain import time_limit as limit
from perftable.runtime import with_gc_tuned

R = TypeVar("R")


class MultipleTablesWarning(UserWarning):
    """``load`` returned the first of several tables in a file."""


@dataclass(frozen=True, slots=True)
class Read:
    """A file read and extracted: its extraction, and its decoded text (text formats; suppression comments are
    read from it)."""

    extraction: Extraction
    text: str | None


def read_file(path: str | Path, options: ReadOptions = DEFAULT_OPTIONS, display: str | None = None) -> Read:
    """A file read and extracted, in a child process where the system allows it (``options.contain``): a reader's
    crash, a memory blow-up or a file that takes too long becomes a :class:`~perftable.errors.ReadError` for this
    file (P001), and so does a bug met while reading it (kind ``internal``). Never raises anything else for a
    file's content. ``display`` names the file when it was read from another place (a copy of a remote file)."""
    name = display or str(path)
    fmt = sniff(path, name, options)
    work = partial(_read_file, path, options, name)
    if fmt in NATIVE_FORMATS:
        if options.contain:
            warm_up(fmt)
        return contained(work, name, options)
    with time_limit(options.max_seconds, name):
        return work()


# Readers' modules by suffix: imported here before a child is forked (a child's imports die with it).
_READER_MODULES = {
    "xlsx": ("perftable.readers.excel", "python_calamine"),
    "xlsb": ("perftable.readers.excel", "python_calamine"),
    "xls": ("perftable.readers.excel", "python_calamine"),
    "ods": ("perftable.readers.excel", "python_calamine"),
    "docx": ("perftable.readers.docx", "docx"),
    "pdf": ("perftable.readers.pdf", "pypdfium2"),
}
_TEXT_MODULES = ("perftable.readers.decode", "perftable.readers.html", "perftable.readers.delimited")
_WARM: set[str] = set()
_SEED_TABLE = """年度绩效目标：完成培训。
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
| 产出指标 | 数量指标 | 培训人数 | ≥200人 |
| 效益指标 | 社会效益指标 | 服务对象满意度 | ≥90% |
"""


def warm_up(fmt: str) -> None:
    """Import, in this process, what reading a file of this format imports, and extract a small table once, so
    that each child process starts from them: a child's imports and caches die with it (without this, every file
    of a batch would pay for importing the extractor, about 40 ms)."""
    import importlib

    if not _WARM:
        for module in _TEXT_MODULES:
            importlib.import_module(module)
        extraction(Source("<warm-up>", "markdown", parse_text(_SEED_TABLE, "markdown", Origin("<warm-up>"))))
        _WARM.add("")
    if fmt not in _WARM:
        for module in _READER_MODULES.get(fmt, ()):
            importlib.import_module(module)
        _WARM.add(fmt)


def _read_file(path: str | Path, options: ReadOptions, display: str | None = None) -> Read:
    source = read_source(path, display, options)
    return Read(extraction(source), source.text)


def contained(work: Callable[[], R], name: str, options: ReadOptions) -> R:
    """``work()`` under the memory and time limits of ``options`` in a child process (see
    :mod:`perftable.readers.contain`), or here, under the time limit only, when ``options.contain`` is off or the system
    cannot fork."""
    if not options.contain or not contain.available():
        with time_limit(options.max_seconds, name):
            return work()
    return contain.contained(work, name, seconds=options.max_seconds, memory=options.max_memory)


def time_limit(seconds: float, name: str) -> AbstractContextManager[None]:
    return limit(seconds, name)


@with_gc_tuned
def load_all(path: str | Path, options: ReadOptions = DEFAULT_OPTIONS) -> list[Document]:
    """Every 绩效目标表 in a file. Raises :class:`~perftable.errors.ReadError` when there is none."""
    return load_extraction(path, options).documents


@with_gc_tuned
def load_extraction(path: str | Path, options: ReadOptions = DEFAULT_OPTIONS) -> Extraction:
    """Every 绩效目标表 in a file, with the number of other tables skipped (收支总表, 自评表…). Raises
    :class:`~perftable.errors.ReadError` when the file holds no 绩效目标表."""
    result = read_file(path, options).extraction
    require_documents(result, str(path))
    return result


def source_extraction(source: Source, options: ReadOptions = DEFAULT_OPTIONS) -> Extraction:
    """:func:`load_extraction` for a source already read (standard input), extracted under the same limits."""
    result = contained(partial(extraction, source), source.path, options)
    require_documents(result, source.path)
    return result


@with_gc_tuned
def loads_extraction(text: str, fmt: str = "markdown", name: str = "<string>") -> Extraction:
    """:func:`load_extraction` for text already in memory."""
    result = extraction(Source(name, fmt, parse_text(text, fmt, Origin(name))))
    require_documents(result, name)
    return result


def load(path: str | Path, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """The first 绩效目标表 in a file; warns (:class:`MultipleTablesWarning`) when the file holds more."""
    documents = load_all(path, options)
    if len(documents) > 1:
        warnings.warn(
            f"{path} holds {len(documents)} tables; load() returns the first, load_all() returns them all",
            MultipleTablesWarning,
            stacklevel=2,
        )
    return documents[0]


@with_gc_tuned
def loads(text: str, fmt: str = "markdown", name: str = "<string>") -> list[Document]:
    """Every 绩效目标表 in text already in memory (``fmt``: markdown, html, csv or tsv)."""
    result = extraction(Source(name, fmt, parse_text(text, fmt, Origin(name))))
    return require_documents(result, name)
