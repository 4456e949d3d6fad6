"""Text PDFs through pdfplumber (an optional extra: ``pip install perftable[pdf]``).

Pages are read one at a time and released (``page.close()``) before the next, so that a 500-page budget report
takes time in proportion to its pages and memory in proportion to one page plus the tables found; ``pages``
(``--pages 40-52``) limits the pages read. On each page, ruled tables are found with pdfplumber's line strategy
and handed to :mod:`perftable.readers.pdf_layout` as boxes with text (line breaks inside a cell kept as ``\\n``),
together with the lines of text outside the tables (titles, ``（2026年度）``, ``金额单位：万元``); that module makes
the grids, joins tables continued on the next page and gives every cell its location.

A PDF without a text layer (a scan) is refused with a message saying to run OCR first; so is a PDF whose fonts
have no Unicode mapping (its text reads as ``(cid:123)``). Encrypted PDFs that open without a password (only
printing or copying restricted) are read; those that need a password are refused. Tables drawn without ruling
lines are not found (their text is read as lines).
"""

from __future__ import annotations

import itertools
import logging
from typing import TYPE_CHECKING, Any

from perftable.errors import ReadError
from perftable.readers.pdf_layout import Assembler, BoxCell, PageContent, PageLine

if TYPE_CHECKING:
    from pathlib import Path

    from perftable.grid import Block

_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_MAX_PAGE_LINES = (
    20_000  # ruling objects on a page above which no table is looked for (a drawing, not a form)
)
_WIDE_GAP = 2.0  # a gap between words wider than this many character heights separates two fields


def _quiet_libraries() -> None:
    """pdfminer and pdfplumber log warnings about odd PDFs; without a handler Python would print them."""
    for name in ("pdfminer", "pdfplumber"):
        logger = logging.getLogger(name)
        if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
            logger.addHandler(logging.NullHandler())


def _why(exc: BaseException) -> str:
    """The reason behind a pdfminer/pdfplumber exception, in one line."""
    inner = exc.args[0] if type(exc).__name__ == "PdfminerException" and exc.args else exc
    name = type(inner).__name__
    if name == "PDFPasswordIncorrect":
        return "the PDF is encrypted and needs a password; remove the password (or print to a new PDF) first"
    if name in ("PDFEncryptionError", "PDFEncryptionWarning"):
        return f"the PDF is encrypted in a way that cannot be read ({inner})"
    detail = " ".join(str(inner).split())[:160]
    return f"cannot read the PDF ({name}{': ' + detail if detail else ''}); is the file corrupt or truncated?"


def _words_to_lines(words: list[dict[str, Any]]) -> list[PageLine]:
    """Words grouped into lines by their top; a wide gap between two words becomes two spaces."""
    lines: list[PageLine] = []
    current: list[dict[str, Any]] = []

    def flush() -> None:
        if not current:
            return
        current.sort(key=lambda word: word["x0"])
        text = current[0]["text"]
        for left, right in itertools.pairwise(current):
            height = max(float(right["bottom"]) - float(right["top"]), 1.0)
            text += ("  " if float(right["x0"]) - float(left["x1"]) > _WIDE_GAP * height else " ") + right[
                "text"
            ]
        lines.append(PageLine(text.strip(), float(current[0]["top"])))
        current.clear()

    for word in sorted(words, key=lambda word: (float(word["top"]), float(word["x0"]))):
        if current and float(word["top"]) - float(current[0]["top"]) > 0.5 * max(
            float(current[0]["bottom"]) - float(current[0]["top"]), 1.0
        ):
            flush()
        current.append(word)
    flush()
    return lines


def page_content(page: Any) -> tuple[PageContent, int, int]:
    """A page's tables and text lines, with the number of its characters and of those pdfminer could not map to
    Unicode."""
    from pdfplumber.utils.text import extract_words

    chars = page.chars
    tables: list[list[BoxCell]] = []
    boxes: list[tuple[float, float, float, float]] = []
    if chars and len(page.lines) + len(page.rects) <= _MAX_PAGE_LINES:
        for table in page.find_tables(_TABLE_SETTINGS):
            cells: list[BoxCell] = []
            for row, texts in zip(table.rows, table.extract(), strict=True):
                for box, text in zip(row.cells, texts, strict=True):
                    if box is not None:
                        cells.append(BoxCell(tuple(map(float, box)), (text or "").replace("\r", "")))  # type: ignore[arg-type]  # a 4-tuple
            if cells:
                tables.append(cells)
                boxes.append(tuple(map(float, table.bbox)))  # type: ignore[arg-type]  # a 4-tuple

    def outside(char: dict[str, Any]) -> bool:
        x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    lines = _words_to_lines(extract_words([char for char in chars if outside(char)]))
    unmapped = sum(1 for char in chars if str(char.get("text", "")).startswith("(cid:"))
    return PageContent(page.page_number, tables, lines), len(chars), unmapped


def _page_range(pages: tuple[int, int] | None, count: int, display: str) -> range:
    if pages is None:
        return range(count)
    first, last = pages
    if first > count:
        raise ReadError(
            display, f"has {count} page{'s' if count != 1 else ''}; page {first} is not in it", "pages"
        )
    return range(first - 1, min(last, count))


def read_pdf(path: Path, display: str, pages: tuple[int, int] | None = None) -> list[Block]:
    """The tables and text lines of a text PDF, page by page."""
    try:
        import pdfplumber
    except ImportError:
        raise ReadError(
            display, "reading PDF files needs pdfplumber: pip install perftable[pdf]", "unsupported"
        ) from None
    _quiet_libraries()
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many kinds of errors for damaged files
        raise ReadError(display, _why(exc), "document") from None
    assembler = Assembler(display)
    chars = unmapped = 0
    with pdf:
        try:
            count = len(pdf.pages)
        except Exception as exc:
            raise ReadError(display, _why(exc), "document") from None
        for index in _page_range(pages, count, display):
            page = pdf.pages[index]
            try:
                content, page_chars, page_unmapped = page_content(page)
            except Exception as exc:  # a damaged page: pdfminer's errors are of many kinds
                raise ReadError(display, f"page {index + 1}: {_why(exc)}", "document") from None
            finally:
                page.close()
            chars += page_chars
            unmapped += page_unmapped
            assembler.add(content)
    _require_text(chars, unmapped, display, None if pages is None else (pages[0], min(pages[1], count)))
    return assembler.finish()


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
