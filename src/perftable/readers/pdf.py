"""Text PDFs: each page's glyphs and ruling lines, from one of two engines, made into tables by
:mod:`perftable.readers.pdf_grid` and into blocks by :mod:`perftable.readers.pdf_layout`.

Engines (``--pdf-engine``):

- ``pdfium`` (the default; pypdfium2, a dependency): Chrome's PDF engine, compiled; it also tells text clipped
  away from text a reader sees (:mod:`perftable.readers.pdf_pdfium`). A page on which pdfium drops text (fonts that
  are not embedded, with predefined CMaps) is read through pdfplumber; without pdfplumber such a file is refused
  with a message that says how to install it (never read with text missing).
- ``pdfplumber`` (``pip install perftable[pdf]``): pure Python, several times slower; kept to compare against
  (:mod:`perftable.readers.pdf_plumber`). Both give the same tables: the table finding is perftable's own.

Pages are read one at a time and released before the next, so that a 500-page budget report takes time in
proportion to its pages and memory in proportion to one page plus the tables found; ``pages`` (``--pages 40-52``)
limits the pages read.

A PDF without a text layer (a scan) is refused with a message saying to run OCR first; so is a PDF whose fonts
have no Unicode mapping. Encrypted PDFs that open without a password (only printing or copying restricted) are
read; those that need a password are refused. A table drawn without vertical rules (a 三线表, or no rules at all)
is not found by its drawing; its text lines, with their wide gaps kept, are read as the lines of a text file are
(:func:`perftable.readers.plaintext.recover_tables`): a run of lines holding an indicator header becomes a table.
A listing drawn so is not read (its project cells stand on the first line of each project only, and cells cut by
the gaps between them cannot be placed in their columns without the rules).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from perftable.errors import ReadError
from perftable.readers import pdf_pdfium, pdf_plumber
from perftable.readers.pdf_grid import page_content
from perftable.readers.pdf_layout import Assembler
from perftable.readers.plaintext import recover_tables

if TYPE_CHECKING:
    from pathlib import Path

    from perftable.grid import Block

PDF_ENGINES = ("pdfium", "pdfplumber")


def _page_range(pages: tuple[int, int] | None, count: int, display: str) -> range:
    if pages is None:
        return range(count)
    first, last = pages
    if first > count:
        raise ReadError(
            display, f"has {count} page{'s' if count != 1 else ''}; page {first} is not in it", "pages"
        )
    return range(first - 1, min(last, count))


class _Plumber:
    """A pdfplumber document opened on first use (for the pages pdfium cannot read in full)."""

    def __init__(self, path: Path, display: str) -> None:
        self.path, self.display = path, display
        self.document: Any = None

    def read(self, index: int) -> Any:
        if self.document is None:
            self.document = pdf_plumber.open_document(self.path, self.display)
        return pdf_plumber.read_page(self.document, index, self.display)

    def close(self) -> None:
        if self.document is not None:
            self.document.close()


def read_pdf(
    path: Path, display: str, pages: tuple[int, int] | None = None, engine: str = "pdfium"
) -> list[Block]:
    """The tables and text lines of a text PDF, page by page."""
    plumber = _Plumber(path, display)
    use_pdfium = engine == "pdfium"
    document = pdf_pdfium.open_document(path, display) if use_pdfium else None
    assembler = Assembler(display)
    chars = unmapped = 0
    try:
        count = len(document) if document is not None else _plumber_count(plumber)
        for index in _page_range(pages, count, display):
            if document is not None:
                glyphs, tables, stats, lost = _pdfium_page(document, index, display)
                if lost:
                    _require_plumber(index, display)
                    glyphs, tables, stats = plumber.read(index)
            else:
                glyphs, tables, stats = plumber.read(index)
            chars += stats.chars
            unmapped += stats.unmapped
            assembler.add(page_content(index + 1, glyphs, tables))
    finally:
        if document is not None:
            document.close()
        plumber.close()
    _require_text(chars, unmapped, display, None if pages is None else (pages[0], min(pages[1], count)))
    return recover_tables(assembler.finish(), listings=False)


def _require_plumber(index: int, display: str) -> None:
    """A page pdfium cannot read in full is read by pdfplumber; without it the file is refused, never read with
    text missing."""
    if not pdf_plumber.available():
        raise ReadError(
            display,
            f"page {index + 1} uses fonts that are not embedded, whose text pdfium cannot read in full; install "
            "the second PDF engine to read it: pip install perftable[pdf]",
            "unsupported",
        )


def _plumber_count(plumber: _Plumber) -> int:
    plumber.document = pdf_plumber.open_document(plumber.path, plumber.display)
    try:
        return len(plumber.document.pages)
    except Exception as exc:
        raise ReadError(plumber.display, pdf_plumber.why(exc), "document") from None


def _pdfium_page(document: Any, index: int, display: str) -> Any:
    try:
        return pdf_pdfium.read_page(document, index)
    except ReadError:
        raise
    except Exception as exc:  # pdfium reports a damaged page as an error of its own
        raise ReadError(display, f"page {index + 1}: cannot read the page ({exc})", "document") from None


def _require_text(chars: int, unmapped: int, display: str, pages: tuple[int, int] | None) -> None:
    """Refuse a PDF without a text layer (a scan), or whose text cannot be mapped to Unicode."""
    if chars == 0:
        where = "has no text layer" if pages is None else f"has no text on pages {pages[0]}-{pages[1]}"
        raise ReadError(
            display,
            f"{where} (a scanned document?); run OCR on it first (e.g. ocrmypdf) and parse the result",
            "scanned",
        )
    if unmapped > chars // 2:
        raise ReadError(
            display,
            "its fonts have no Unicode mapping, so its text cannot be read; run OCR on it first (e.g. ocrmypdf)",
            "scanned",
        )
