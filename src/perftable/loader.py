"""Loading tables: a path (or text) in, :class:`~perftable.model.Document` objects out."""

from __future__ import annotations

import warnings
from pathlib import Path

from perftable.extract import Extraction, extract, extraction, require_documents
from perftable.grid import Origin, Source
from perftable.model import Document
from perftable.readers import DEFAULT_OPTIONS, ReadOptions, parse_text, read_source
from perftable.runtime import with_gc_tuned


class MultipleTablesWarning(UserWarning):
    """``load`` returned the first of several tables in a file."""


@with_gc_tuned
def load_all(path: str | Path, options: ReadOptions = DEFAULT_OPTIONS) -> list[Document]:
    """Every 绩效目标表 in a file. Raises :class:`~perftable.errors.ReadError` when there is none."""
    return extract(read_source(path, options=options))


@with_gc_tuned
def load_extraction(path: str | Path, options: ReadOptions = DEFAULT_OPTIONS) -> Extraction:
    """Every 绩效目标表 in a file, with the number of other tables skipped (收支总表, 自评表…). Raises
    :class:`~perftable.errors.ReadError` when the file holds no 绩效目标表."""
    return source_extraction(read_source(path, options=options))


def source_extraction(source: Source) -> Extraction:
    """:func:`load_extraction` for a source already read (standard input)."""
    result = extraction(source)
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
    return extract(Source(name, fmt, parse_text(text, fmt, Origin(name))))
