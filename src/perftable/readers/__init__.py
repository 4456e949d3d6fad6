"""Readers: a file in any supported format -> :class:`~perftable.grid.Source` (blocks of cells with locations).

The format is chosen by the file's suffix and, when the suffix is unknown or lies, by its first bytes.
Heavy libraries (python-calamine, python-docx, pdfplumber) are imported only by the reader that needs them.

May import: ``errors``, ``messages``, ``runtime``, ``model``, ``outputs``, ``values``, ``vocab``, ``grid``,
``findings``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from perftable.errors import ReadError
from perftable.grid import Block, Origin, Source, cell_limit
from perftable.readers.decode import decode
from perftable.readers.opening import check_regular, open_regular, read_limited, too_large
from perftable.readers.options import DEFAULT_OPTIONS, ReadOptions

__all__ = [
    "DEFAULT_OPTIONS",
    "NATIVE_FORMATS",
    "READERS",
    "SUPPORTED_SUFFIXES",
    "TEXT_FORMATS",
    "Input",
    "ReadOptions",
    "Reader",
    "detect_format",
    "parse_text",
    "read_source",
    "read_stream",
    "sniff",
]


@dataclass(frozen=True, slots=True)
class Input:
    """What a reader is given: the file, its name as reports show it and the options; for a text format, its text
    already decoded (UTF-8, UTF-16 or GB18030: :mod:`perftable.readers.decode`)."""

    path: Path
    name: str
    options: ReadOptions = DEFAULT_OPTIONS
    text: str = ""


ReadFunction = Callable[[Input], list[Block]]


@dataclass(frozen=True, slots=True)
class Reader:
    """One format perftable reads: its name, the suffixes it is known by, the function that reads it (one
    signature for every format), whether its text is decoded here first (``text``), whether it runs native code
    and is therefore read in a child process (``native``: :mod:`perftable.readers.contain`), and what to install
    when its library is missing."""

    name: str
    suffixes: tuple[str, ...]
    read: ReadFunction
    text: bool = False
    native: bool = False
    install: str = ""


# Each function imports its reader (and the reader its library) only when a file of that format is read.
def _markdown(item: Input) -> list[Block]:
    from perftable.readers.markdown import read_markdown
    from perftable.readers.plaintext import recover_tables

    if _tab_grid(item.text):
        return _tsv(item)
    return recover_tables(read_markdown(item.text, Origin(item.name)))


def _html(item: Input) -> list[Block]:
    from perftable.readers.html import read_html

    return read_html(item.text, Origin(item.name))


def _csv(item: Input) -> list[Block]:
    from perftable.readers.delimited import read_delimited

    return read_delimited(item.text, Origin(item.name), None)


def _tsv(item: Input) -> list[Block]:
    from perftable.readers.delimited import read_delimited

    return read_delimited(item.text, Origin(item.name), "\t")


def _spreadsheet(item: Input) -> list[Block]:
    from perftable.readers.excel import read_excel

    return read_excel(item.path, item.name, item.options)


def _docx(item: Input) -> list[Block]:
    from perftable.readers.docx import read_docx

    return read_docx(item.path, item.name, item.options.max_unzipped, item.options.max_cells)


def _pdf(item: Input) -> list[Block]:
    from perftable.readers.pdf import read_pdf
    from perftable.readers.pdf_streams import check_streams

    check_streams(item.path, item.name, item.options.max_unzipped)
    return read_pdf(item.path, item.name, item.options.pages, item.options.pdf_engine)


def _legacy_word(item: Input) -> list[Block]:
    raise ReadError(
        item.name,
        "is a legacy Word .doc file or a password-protected .docx; open it in Word and save it as an "
        "unprotected .docx",
        "unsupported",
    )


READERS: dict[str, Reader] = {
    reader.name: reader
    for reader in (
        Reader("markdown", (".md", ".markdown", ".txt"), _markdown, text=True),
        Reader("html", (".html", ".htm"), _html, text=True),
        Reader("csv", (".csv",), _csv, text=True),
        Reader("tsv", (".tsv",), _tsv, text=True),
        Reader("xlsx", (".xlsx", ".xlsm"), _spreadsheet, native=True, install="python-calamine"),
        Reader("xlsb", (".xlsb",), _spreadsheet, native=True, install="python-calamine"),
        Reader("xls", (".xls",), _spreadsheet, native=True, install="python-calamine"),
        Reader("ods", (".ods",), _spreadsheet, native=True, install="python-calamine"),
        Reader("docx", (".docx",), _docx, native=True, install="python-docx"),
        Reader("pdf", (".pdf",), _pdf, native=True, install="pypdfium2"),
        # Not read (no suffix claims it): found by its first bytes, refused with what to do instead.
        Reader("doc", (), _legacy_word),
    )
}
BY_SUFFIX: dict[str, Reader] = {suffix: reader for reader in READERS.values() for suffix in reader.suffixes}
SUPPORTED_SUFFIXES = frozenset(BY_SUFFIX)
TEXT_FORMATS = frozenset(name for name, reader in READERS.items() if reader.text)
NATIVE_FORMATS = frozenset(name for name, reader in READERS.items() if reader.native)
_SHEETS = frozenset({"xlsx", "xlsb", "xls", "ods"})

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def detect_format(path: Path, head: bytes) -> str:
    """The reader for a file: by content where the content is unambiguous, else by suffix.

    ``doc`` (a legacy Word file, or a password-protected .docx, which is stored the same way) has no reader.
    """
    suffix = path.suffix.lower()
    by_suffix = BY_SUFFIX[suffix].name if suffix in BY_SUFFIX else None
    if head.startswith(_ZIP_MAGIC):
        if by_suffix in _SHEETS or by_suffix == "docx":
            return by_suffix
        return _zip_format(path)
    if head.startswith(_OLE_MAGIC):
        return "doc" if suffix in (".doc", ".docx", ".wps") else "xls"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if by_suffix is not None and by_suffix != "docx":  # a .docx that is no zip package is looked at as text
        return by_suffix
    lowered = head[:2048].lower()
    if b"<table" in lowered or b"<html" in lowered:
        return "html"
    return "markdown"


def _zip_format(path: Path) -> str:
    """A zip package under another name: a Word document when it holds one, else a workbook."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return "xlsx"
    return "docx" if "word/document.xml" in names else "xlsx"


def _tab_grid(text: str) -> bool:
    """Text that is a tab-separated grid (Excel's 「Unicode 文本」 export, saved as .txt): nine records in ten or
    more hold the same number of cells, three or more, as a spreadsheet writes every column of every row (a cell
    holding line breaks is quoted, and counts once). A web page copied as text has tabs too, in rows of differing
    widths: it is read as text lines (see plaintext)."""
    if "\t" not in text[:4000] or "|" in text[:2000]:
        return False
    sample = text[:200_000]
    try:
        records = [
            row
            for row in csv.reader(io.StringIO(sample), delimiter="\t")
            if any(cell.strip() for cell in row)
        ]
    except csv.Error:
        return False
    if len(records) < 3:
        return False
    counts: dict[int, int] = {}
    for row in records[:2000]:
        counts[len(row)] = counts.get(len(row), 0) + 1
    width, most = max(counts.items(), key=lambda item: item[1])
    return width >= 3 and most >= 0.9 * min(len(records), 2000)


def parse_text(text: str, fmt: str, origin: Origin) -> list[Block]:
    """Blocks of text already decoded, in a text format (markdown, html, csv, tsv); any other name (``text``) is
    read as markdown, which reads plain text lines too."""
    reader = READERS.get(fmt)
    if reader is None or not reader.text:
        reader = READERS["markdown"]
    return reader.read(Input(Path(origin.file), origin.file, text=text))


def sniff(path: str | Path, display: str | None = None, options: ReadOptions = DEFAULT_OPTIONS) -> str:
    """The format :func:`read_source` would read a file as, from its first bytes; the same refusals for a path
    that is not a regular file, an empty file or one over ``--max-file-size``."""
    path = Path(path)
    name = display or str(path)
    size = check_regular(path, name).st_size
    if size > options.max_bytes:
        raise too_large(name, options.max_bytes, size)
    with open_regular(path, name) as handle:
        head = handle.read(8192)
    if not head.strip():
        raise ReadError(name, "the file is empty", "empty")
    return detect_format(path, head)


def read_source(
    path: str | Path, display: str | None = None, options: ReadOptions = DEFAULT_OPTIONS
) -> Source:
    """Read a file into blocks. Raises :class:`ReadError` with a clear reason for anything unreadable. Every table
    any reader builds is held to ``options.max_cells`` (:func:`perftable.grid.cell_limit`)."""
    with cell_limit(options.max_cells):
        return _read_source(Path(path), display, options)


def _read_source(path: Path, display: str | None, options: ReadOptions) -> Source:
    name = display or str(path)
    size = check_regular(path, name).st_size  # a device, a FIFO or a socket is refused here, before opening
    if size > options.max_bytes:
        raise too_large(name, options.max_bytes, size)
    text: bytes | None = None
    with open_regular(path, name) as handle:
        head = handle.read(8192)
        if not head.strip():
            raise ReadError(name, "the file is empty", "empty")
        reader = READERS[detect_format(path, head)]
        if reader.text:  # through this handle, at most the limit plus one byte (a file may grow)
            handle.seek(0)
            text = read_limited(handle, options.max_bytes, name)
    if text is not None:
        return _text_source(text, reader.name, name)
    try:
        return Source(name, reader.name, reader.read(Input(path, name, options)))
    except ModuleNotFoundError as exc:  # a reader's library missing from this installation: what to install
        if not reader.install:
            raise
        raise ReadError(
            name,
            f"reading {reader.name} files needs {reader.install}: pip install {reader.install}",
            "unsupported",
        ) from exc


def _text_source(data: bytes, fmt: str, name: str) -> Source:
    text, _ = decode(data, name)
    return Source(name, fmt, parse_text(text, fmt, Origin(name)), text)


def read_stream(stream: BinaryIO, fmt: str, name: str, options: ReadOptions = DEFAULT_OPTIONS) -> Source:
    """Read a text format from a stream (standard input): at most ``options.max_bytes`` plus one byte, decoded as
    a file is (UTF-8, UTF-16, GB18030)."""
    data = read_limited(stream, options.max_bytes, name)
    with cell_limit(options.max_cells):
        return _text_source(data, fmt, name)
