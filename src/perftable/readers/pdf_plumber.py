"""PDF pages through pdfplumber (pdfminer.six): the same glyphs and ruling lines the pdfium engine gives, for
:mod:`perftable.readers.pdf_grid` to make the same tables.

pdfplumber is pure Python and slow (its layout analysis takes a few hundred milliseconds a page), but it decodes
the text of fonts that are not embedded with their predefined CMaps (the ``STSong-Light`` of iText and reportlab)
where pdfium drops some of it: the pdfium engine reads such pages through this one. It knows nothing of clip
paths, so whether a glyph is visible is unknown (``hidden=None``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from perftable.errors import ReadError
from perftable.readers.pdf_grid import (
    Glyph,
    RuledTable,
    Segment,
    box_segments,
    find_tables,
    straight_segments,
)
from perftable.readers.pdf_pdfium import PageStats

if TYPE_CHECKING:
    from pathlib import Path


_MAX_PAGE_OBJECTS = (
    20_000  # drawing objects on a page above which no table is looked for (a drawing, not a form)
)


def quiet_libraries() -> None:
    """pdfminer and pdfplumber log warnings about odd PDFs; without a handler Python would print them."""
    for name in ("pdfminer", "pdfplumber"):
        logger = logging.getLogger(name)
        if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
            logger.addHandler(logging.NullHandler())


def why(exc: BaseException) -> str:
    """The reason behind a pdfminer/pdfplumber exception, in one line."""
    inner = exc.args[0] if type(exc).__name__ == "PdfminerException" and exc.args else exc
    name = type(inner).__name__
    if name == "PDFPasswordIncorrect":
        return "the PDF is encrypted and needs a password; remove the password (or print to a new PDF) first"
    if name in ("PDFEncryptionError", "PDFEncryptionWarning"):
        return f"the PDF is encrypted in a way that cannot be read ({inner})"
    detail = " ".join(str(inner).split())[:160]
    return f"cannot read the PDF ({name}{': ' + detail if detail else ''}); is the file corrupt or truncated?"


def open_document(path: Path, display: str) -> Any:
    try:
        import pdfplumber
    except ImportError:
        raise ReadError(
            display, "the pdfplumber engine needs pdfplumber: pip install perftable[pdf]", "unsupported"
        ) from None
    quiet_libraries()
    try:
        return pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many kinds of errors for damaged files
        raise ReadError(display, why(exc), "document") from None


def available() -> bool:
    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        return False
    return True


def _white(colour: Any) -> bool:
    """True for white: gray 1, RGB (1, 1, 1), CMYK (0, 0, 0, 0)."""
    if not isinstance(colour, (tuple, list)) or not colour:
        return False
    values = [float(v) for v in colour if isinstance(v, (int, float))]
    if len(values) == 4:
        return all(v <= 0.04 for v in values)
    return bool(values) and all(v >= 0.96 for v in values)


def _segments(page: Any) -> list[Segment]:
    segments: list[Segment] = []
    for line in page.lines:
        if not _white(line.get("stroking_color")):
            segments += box_segments(
                line["x0"], line["top"], line["x1"], line["bottom"], stroked=False, filled=True
            )
    for rect in page.rects:
        stroked = bool(rect.get("stroke")) and not _white(rect.get("stroking_color"))
        filled = bool(rect.get("fill")) and not _white(rect.get("non_stroking_color"))
        if stroked or filled:
            segments += box_segments(
                rect["x0"], rect["top"], rect["x1"], rect["bottom"], stroked=stroked, filled=filled
            )
    for curve in page.curves:
        if _white(curve.get("stroking_color")) and _white(curve.get("non_stroking_color")):
            continue
        segments += straight_segments([(float(x), float(y)) for x, y in curve.get("pts", [])])
    return segments


def _glyph(char: dict[str, Any]) -> Glyph:
    """A pdfminer character as a glyph. pdfminer knows a glyph's font box, not its ink: a font with a tall box (a
    Latin font beside a CJK one) would place its glyphs a line off, so the glyph's extent is taken from its
    baseline and font size (the ink of a CJK glyph runs from about 0.85 of the size above the baseline to 0.1
    below)."""
    # pdfminer's y0 is the glyph's bottom in PDF space, the matrix's f its baseline there: their difference
    # places the baseline in pdfplumber's top-down coordinates
    baseline = float(char["bottom"]) - (float(char["matrix"][5]) - float(char["y0"]))
    size = float(char.get("size") or 0) or float(char["bottom"]) - float(char["top"])
    return Glyph(
        str(char["text"]),
        float(char["x0"]),
        baseline - 0.85 * size,
        float(char["x1"]),
        baseline + 0.1 * size,
        baseline,
        size,
        known_clip=False,
    )


def read_page(document: Any, index: int, display: str) -> tuple[list[Glyph], list[RuledTable], PageStats]:
    """One page's glyphs and ruled tables (``index`` 0-based), with its character counts."""
    page = document.pages[index]
    try:
        chars = page.chars
        unmapped = sum(1 for char in chars if str(char.get("text", "")).startswith("(cid:"))
        glyphs = [_glyph(char) for char in chars if not str(char.get("text", "")).startswith("(cid:")]
        objects = len(page.lines) + len(page.rects) + len(page.curves)
        tables = find_tables(_segments(page)) if chars and objects <= _MAX_PAGE_OBJECTS else []
    except Exception as exc:  # a damaged page: pdfminer's errors are of many kinds
        raise ReadError(display, f"page {index + 1}: {why(exc)}", "document") from None
    finally:
        page.close()
    stats = PageStats(len([c for c in chars if str(c.get("text", "")).strip()]), unmapped)
    return glyphs, tables, stats
