"""Readers: a file in any supported format -> :class:`~perftable.grid.Source` (blocks of cells with locations).

The format is chosen by the file's suffix and, when the suffix is unknown or lies, by its first bytes.
Heavy libraries (python-calamine, python-docx, pdfplumber) are imported only by the reader that needs them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from perftable.errors import ReadError
from perftable.grid import Block, Origin, Source, cell_limit
from perftable.readers.opening import check_regular, open_regular, read_limited, too_large


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Options that change how a file is read (not what is extracted from it).

    ``pages``: for paged documents (PDF), the 1-based inclusive page range to read; None reads all pages. Other
    formats have no pages and ignore it. ``pdf_engine``: ``pdfium`` (the default) or ``pdfplumber``.
    The limits keep hostile or runaway input from exhausting memory; a file over one is refused with a message
    that names the limit and the option that raises it: ``max_bytes`` (the file's size), ``max_cells`` (the cells
    a table spans, in every format), ``max_unzipped`` (what a zip-based workbook or document, or the compressed
    streams of a PDF, unpack to), ``max_memory`` (what reading one file may add to the process's memory) and
    ``max_seconds`` (how long reading one file may take). The last two hold where the file is read in a child
    process (``contain``, the default where the system can fork: see :mod:`perftable.contain`).
    """

    pages: tuple[int, int] | None = None
    pdf_engine: str = "pdfium"
    max_bytes: int = 32 * 1024 * 1024
    max_cells: int = 1_000_000
    max_unzipped: int = 256 * 1024 * 1024
    max_memory: int = 2 * 1024**3
    max_seconds: float = 300.0
    contain: bool = True


DEFAULT_OPTIONS = ReadOptions()

TEXT_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "markdown",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".tsv": "tsv",
}
SHEET_FORMATS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xlsb": "xlsb", ".xls": "xls", ".ods": "ods"}
DOCUMENT_FORMATS = {".docx": "docx", ".pdf": "pdf"}
SUPPORTED_SUFFIXES = frozenset({*TEXT_FORMATS, *SHEET_FORMATS, *DOCUMENT_FORMATS})
# Formats read by native code (Rust, C++, C): a crash there ends the process, so they are read in a child process.
NATIVE_FORMATS = frozenset({"xlsx", "xlsb", "xls", "ods", "docx", "pdf"})

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def detect_format(path: Path, head: bytes) -> str:
    """The reader for a file: by content where the content is unambiguous, else by suffix.

    ``doc`` (a legacy Word file, or a password-protected .docx, which is stored the same way) has no reader.
    """
    suffix = path.suffix.lower()
    if head.startswith(_ZIP_MAGIC):
        if suffix in SHEET_FORMATS:
            return SHEET_FORMATS[suffix]
        if suffix == ".docx":
            return "docx"
        return _zip_format(path)
    if head.startswith(_OLE_MAGIC):
        return "doc" if suffix in (".doc", ".docx", ".wps") else "xls"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if suffix in TEXT_FORMATS:
        return TEXT_FORMATS[suffix]
    if suffix in SHEET_FORMATS:
        return SHEET_FORMATS[suffix]
    if suffix == ".pdf":
        return "pdf"
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
    """Blocks of text already decoded, in a text format (markdown, html, csv, tsv)."""
    if fmt == "html":
        from perftable.readers.html import read_html

        return read_html(text, origin)
    if fmt in ("csv", "tsv") or (fmt == "markdown" and _tab_grid(text)):
        from perftable.readers.delimited import read_delimited

        return read_delimited(text, origin, None if fmt == "csv" else "\t")
    from perftable.readers.markdown import read_markdown
    from perftable.readers.plaintext import recover_tables

    return recover_tables(read_markdown(text, origin))


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
        fmt = detect_format(path, head)
        if (
            fmt in TEXT_FORMATS.values()
        ):  # through this handle, at most the limit plus one byte (a file may grow)
            handle.seek(0)
            text = read_limited(handle, options.max_bytes, name)
    if text is not None:
        return _text_source(text, fmt, name)
    if fmt in ("xlsx", "xlsb", "xls", "ods"):
        from perftable.readers.excel import read_excel

        return Source(name, fmt, read_excel(path, name, options))
    if fmt == "docx":
        from perftable.readers.docx import read_docx

        return Source(name, fmt, read_docx(path, name, options.max_unzipped, options.max_cells))
    if fmt == "pdf":
        from perftable.readers.pdf import read_pdf
        from perftable.readers.pdf_streams import check_streams

        check_streams(path, name, options.max_unzipped)

        return Source(name, fmt, read_pdf(path, name, options.pages, options.pdf_engine))
    if fmt == "doc":
        raise ReadError(
            name,
            "is a legacy Word .doc file or a password-protected .docx; open it in Word and save it as an "
            "unprotected .docx",
            "unsupported",
        )
    raise ReadError(name, f"no reader for the format {fmt}", "unsupported")


def _text_source(data: bytes, fmt: str, name: str) -> Source:
    from perftable.readers.decode import decode

    text, _ = decode(data, name)
    return Source(name, fmt, parse_text(text, fmt, Origin(name)), text)


def read_stream(stream: BinaryIO, fmt: str, name: str, options: ReadOptions = DEFAULT_OPTIONS) -> Source:
    """Read a text format from a stream (standard input): at most ``options.max_bytes`` plus one byte, decoded as
    a file is (UTF-8, UTF-16, GB18030)."""
    data = read_limited(stream, options.max_bytes, name)
    with cell_limit(options.max_cells):
        return _text_source(data, fmt, name)
