"""PDF pages through pdfium (pypdfium2): every glyph with its box, every ruling line of the page's path objects,
and whether a glyph is clipped away; :mod:`perftable.readers.pdf_grid` makes the tables.

pdfium is Chrome's PDF engine, a compiled library: it gives a page's characters and drawing in a fraction of the
time pure-Python layout analysis takes, and it reports each text object's clip path, which tells text a reader sees
from text drawn outside the visible area (a merged cell's text cut by a page break).

Coordinates are points from the top-left of the page as displayed (the crop box, turned by the page's rotation).
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from perftable.errors import ReadError
from perftable.readers.pdf_grid import (
    THIN,
    Glyph,
    RuledTable,
    Segment,
    box_segments,
    find_tables,
    straight_segments,
)

if TYPE_CHECKING:
    from pathlib import Path

_WHITE = 245  # a colour whose red, green and blue are all at least this is white (an invisible rule)
_PDFIUM_HYPHEN = (
    0x02  # pdfium's code for a hyphen it takes for a line-break hyphen: it is printed, so a hyphen
)
_INK = 0.5  # points: a glyph's ink box lower than this is unknown (a font that is not embedded): its font box is used  # points: a glyph whose centre is this far inside its clip box is visible
Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class PageStats:
    """What the text checks need: a page's characters and those without a Unicode mapping."""

    chars: int
    unmapped: int


class _Frame:
    """Turns pdfium's page space (origin at the bottom-left, y up) into display space (top-left, y down)."""

    def __init__(self, page: Any) -> None:
        left, bottom, right, top = page.get_cropbox()
        self.left, self.bottom, self.right, self.top = left, bottom, right, top
        self.width, self.height = right - left, top - bottom
        self.rotation = page.get_rotation() % 360

    def point(self, x: float, y: float) -> tuple[float, float]:
        u, v = x - self.left, self.top - y
        if self.rotation == 90:
            return self.height - v, u
        if self.rotation == 180:
            return self.width - u, self.height - v
        if self.rotation == 270:
            return v, self.width - u
        return u, v

    def box(self, left: float, bottom: float, right: float, top: float) -> Box:
        (x_a, y_a), (x_b, y_b) = self.point(left, top), self.point(right, bottom)
        return min(x_a, x_b), min(y_a, y_b), max(x_a, x_b), max(y_a, y_b)


class _Clips:
    """The clip boxes of a page's text objects. A box is read once per distinct clip: a text object's clip is
    known by its number of paths and the first point of its last path (reading that takes five calls into pdfium;
    reading a whole clip, twenty)."""

    def __init__(self, pdfium_c: Any, frame: _Frame) -> None:
        self.c, self.frame = pdfium_c, frame
        self.by_object: dict[int, Box | None] = {}
        self.by_signature: dict[tuple[int, int, float, float], Box | None] = {}
        self.x, self.y = ctypes.c_float(), ctypes.c_float()

    def of(self, obj: Any) -> Box | None:
        key = ctypes.c_void_p.from_buffer(obj).value or 0
        if key not in self.by_object:
            self.by_object[key] = self._read(obj)
        return self.by_object[key]

    def _read(self, obj: Any) -> Box | None:
        c = self.c
        clip = c.FPDFPageObj_GetClipPath(obj)
        if not clip:
            return None
        paths = c.FPDFClipPath_CountPaths(clip)
        if paths <= 0:
            return None
        segments = c.FPDFClipPath_CountPathSegments(clip, paths - 1)
        first = c.FPDFClipPath_GetPathSegment(clip, paths - 1, 0) if segments > 0 else None
        if not first or not c.FPDFPathSegment_GetPoint(first, self.x, self.y):
            return None
        signature = (paths, segments, round(self.x.value, 2), round(self.y.value, 2))
        if signature not in self.by_signature:
            self.by_signature[signature] = self._box(clip, paths)
        return self.by_signature[signature]

    def _box(self, clip: Any, paths: int) -> Box | None:
        """The intersection of the boxes of a clip's paths."""
        c, x, y = self.c, self.x, self.y
        box: Box | None = None
        for path in range(paths):
            points = []
            for index in range(c.FPDFClipPath_CountPathSegments(clip, path)):
                segment = c.FPDFClipPath_GetPathSegment(clip, path, index)
                if segment and c.FPDFPathSegment_GetPoint(segment, x, y):
                    points.append(self.frame.point(x.value, y.value))
            if not points:
                continue
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            part = (min(xs), min(ys), max(xs), max(ys))
            box = (
                part
                if box is None
                else (max(box[0], part[0]), max(box[1], part[1]), min(box[2], part[2]), min(box[3], part[3]))
            )
        return box


def _glyphs(pdfium_c: Any, textpage: Any, frame: _Frame, drawing: _Drawing) -> tuple[list[Glyph], PageStats]:
    """The page's glyphs, each with the box of its clip path, and whether an area filled after it covers it."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    rect = pdfium_c.FS_RECTF()
    left, right, low, high = (ctypes.c_double() for _ in range(4))
    clips = _Clips(pdfium_c, frame)
    glyphs: list[Glyph] = []
    unmapped = chars = 0
    for index in range(count):
        if pdfium_c.FPDFText_IsGenerated(raw, index) == 1:
            continue
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if code == _PDFIUM_HYPHEN:
            code = ord("-")
        if code in (0, 0xFFFE, 0xFFFF) or chr(code).isspace() or code < 0x20:
            continue
        chars += 1
        if pdfium_c.FPDFText_HasUnicodeMapError(raw, index) == 1:
            unmapped += 1
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, index, rect):
            continue
        x0, loose_top, x1, loose_bottom = frame.box(rect.left, rect.bottom, rect.right, rect.top)
        top, bottom = loose_top, loose_bottom
        if pdfium_c.FPDFText_GetCharBox(raw, index, left, right, low, high) and high.value - low.value > _INK:
            _, top, _, bottom = frame.box(left.value, low.value, right.value, high.value)
        pdfium_c.FPDFText_GetCharOrigin(raw, index, left, low)
        baseline = frame.point(left.value, low.value)[1]
        obj = pdfium_c.FPDFText_GetTextObject(raw, index)
        clip = clips.of(obj) if obj else None
        covered = False
        if drawing.fills and obj:
            drawn = drawing.text_order.get(ctypes.c_void_p.from_buffer(obj).value or 0, -1)
            cx, cy = (x0 + x1) / 2, (top + bottom) / 2
            covered = any(
                at > drawn and box[0] < cx < box[2] and box[1] < cy < box[3] for at, box in drawing.fills
            )
        glyphs.append(
            Glyph(
                chr(code), x0, top, x1, bottom, baseline, loose_bottom - loose_top, clip=clip, covered=covered
            )
        )
    return glyphs, PageStats(chars, unmapped)


def _subpaths(pdfium_c: Any, obj: Any, frame: _Frame) -> Iterator[tuple[list[tuple[float, float]], bool]]:
    """A path object's subpaths as points in display space, each with whether it is closed; curves are left out
    (a ruling line is straight)."""
    a, b, c, d, e, f = _matrix(pdfium_c, obj)
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float]] = []
    closed = False
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        point = frame.point(a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if len(points) > 1:
                yield points, closed
            points, closed = [point], False
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            points.append(point)
        else:  # a Bézier curve: not a rule; its end starts the next straight piece
            if len(points) > 1:
                yield points, closed
            points, closed = [point], False
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            closed = True
    if len(points) > 1:
        yield points, closed


def _matrix(pdfium_c: Any, obj: Any) -> tuple[float, float, float, float, float, float]:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
        return 1.0, 0.0, 0.0, 1.0, 0.0, 0.0
    return matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f


def _objects(pdfium_c: Any, page: Any) -> Iterator[tuple[int, Any]]:
    """A page's path and text objects in drawing order (those inside form XObjects included), with their kind."""
    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = pdfium_c.FPDFPage_GetObject(page, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            yield from _form_objects(pdfium_c, obj, 1)
        elif kind in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_TEXT):
            yield kind, obj


def _form_objects(pdfium_c: Any, form: Any, depth: int) -> Iterator[tuple[int, Any]]:
    if depth > 4:
        return
    for index in range(pdfium_c.FPDFFormObj_CountObjects(form)):
        obj = pdfium_c.FPDFFormObj_GetObject(form, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            yield from _form_objects(pdfium_c, obj, depth + 1)
        elif kind in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_TEXT):
            yield kind, obj


def _visible(getter: Any, obj: Any) -> bool:
    """True unless the colour is white or transparent: a spreadsheet's hidden grid lines are printed in white."""
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, red, green, blue, alpha):
        return True
    return alpha.value > 0 and min(red.value, green.value, blue.value) < _WHITE


@dataclass
class _Drawing:
    """What a page draws besides its glyphs: ruling lines, the opaque areas it fills (each with its place in the
    drawing order: text drawn before an area is painted over), and the drawing order of its text objects."""

    segments: list[Segment]
    fills: list[tuple[int, Box]]
    text_order: dict[int, int]
    lost_text: bool


def _drawing(pdfium_c: Any, page: Any, textpage: Any, frame: _Frame) -> _Drawing:
    """The ruling lines of a page's path objects (stroked straight edges, thin filled rectangles, in any colour but
    white), its filled areas, the order of its text objects, and whether pdfium lost text (see
    :func:`_lost_text`)."""
    segments: list[Segment] = []
    fills: list[tuple[int, Box]] = []
    order: dict[int, int] = {}
    embedded: dict[int, bool] = {}
    lost = False
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for position, (kind, obj) in enumerate(_objects(pdfium_c, page.raw)):
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            order[ctypes.c_void_p.from_buffer(obj).value or 0] = position
            lost = lost or _lost_text(pdfium_c, obj, textpage, embedded)
            continue
        if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke):
            continue
        filled = fill.value != 0 and _visible(pdfium_c.FPDFPageObj_GetFillColor, obj)
        stroked = bool(stroke.value) and _visible(pdfium_c.FPDFPageObj_GetStrokeColor, obj)
        if not (filled or stroked):
            continue
        for points, closed in _subpaths(pdfium_c, obj, frame):
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            box = (min(xs), min(ys), max(xs), max(ys))
            if filled and box[2] - box[0] > THIN and box[3] - box[1] > THIN:
                fills.append((position, box))
            if not stroked or box[2] - box[0] <= THIN or box[3] - box[1] <= THIN:
                segments += box_segments(*box, stroked=False, filled=filled)
                continue
            segments += straight_segments([*points, points[0]] if closed else points)
    return _Drawing(segments, fills, order, lost)


def open_document(path: Path, display: str) -> Any:
    """A pdfium document, or :class:`ReadError` saying why the file cannot be opened."""
    try:
        import pypdfium2  # type: ignore[import-untyped]  # pypdfium2 ships no type hints
    except ImportError:  # pragma: no cover - pypdfium2 is a dependency
        raise ReadError(
            display, "reading PDF files needs pypdfium2: pip install pypdfium2", "unsupported"
        ) from None
    try:
        return pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as exc:
        text = str(exc)
        if "password" in text.lower():
            raise ReadError(
                display,
                "the PDF is encrypted and needs a password; remove the password (or print to a new PDF) first",
                "document",
            ) from None
        raise ReadError(
            display, f"cannot read the PDF ({text}); is the file corrupt or truncated?", "document"
        ) from None


def _lost_text(pdfium_c: Any, obj: Any, textpage: Any, embedded: dict[int, bool]) -> bool:
    """True when pdfium gives no text for a text object of a font that is not embedded: it drops one-character
    strings of such fonts with predefined CMaps (``STSong-Light`` with ``UniGB-UCS2-H``, as iText and reportlab
    write them), so values like 是 or units like 个 would be lost."""
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    key = ctypes.c_void_p.from_buffer(font).value or 0 if font else 0
    if key not in embedded:
        embedded[key] = bool(font) and pdfium_c.FPDFFont_GetIsEmbedded(font) == 1
    return not embedded[key] and pdfium_c.FPDFTextObj_GetText(obj, textpage, None, 0) <= 2


def read_page(document: Any, index: int) -> tuple[list[Glyph], list[RuledTable], PageStats, bool]:
    """One page's glyphs and ruled tables (``index`` 0-based), its character counts, and whether pdfium lost
    text on it (see :func:`_lost_text`)."""
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]  # pypdfium2 ships no type hints

    page = document[index]
    try:
        frame = _Frame(page)
        textpage = page.get_textpage()
        try:
            drawing = _drawing(pdfium_c, page, textpage.raw, frame)
            tables = find_tables(drawing.segments)
            glyphs, stats = _glyphs(pdfium_c, textpage, frame, drawing)
        finally:
            textpage.close()
    finally:
        page.close()
    return glyphs, tables, stats, drawing.lost_text
