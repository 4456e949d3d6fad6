"""How a file is read: the page range, the PDF engine and the limits that keep hostile input in check."""

from __future__ import annotations

from dataclasses import dataclass


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
    process (``contain``, the default where the system can fork: see :mod:`perftable.readers.contain`).
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
