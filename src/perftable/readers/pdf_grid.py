"""Tables of a PDF page from what is drawn on it: glyphs with their boxes and the ruling lines of its path objects.

This module is pure Python; a PDF engine (:mod:`perftable.readers.pdf_pdfium`) hands it each page's glyphs and
ruling segments, and it gives back the page's :class:`~perftable.readers.pdf_layout.PageContent`: ruled tables as
cells with their text, and the text outside them as lines.

How a table is found:

1. **Rules.** Axis-aligned segments, snapped onto one line when their positions differ by less than
   :data:`SNAP`, joined when they touch or nearly (:data:`JOIN`). A thin filled rectangle is a rule too; a large
   filled one is a cell's background, not a border.
2. **Tables.** Rules that cross or touch form one table (connected components); one needs two horizontal and two
   vertical rules. Its *frame* runs from its topmost to its lowest horizontal rule and from its leftmost to its
   rightmost vertical one.
3. **Cells.** The frame's grid lines cut it into elementary cells; two neighbouring ones are one cell (a merged
   area) when no rule covers the boundary between them. The frame's top and bottom close every column, so that a
   cell cut by a page break (its border not drawn: it goes on on the next page) is still a cell. Such a cell is
   *open* at that edge.
4. **Text.** A glyph belongs to the cell its centre falls in; a cell's glyphs are grouped into lines by their
   vertical centres and read left to right, with a space where the gap between two glyphs is wide.

Overflow: a publisher that prints a merged cell cut by a page break draws its whole text on both pages and clips
what falls outside the table (Beijing's 预算表12 does). Glyphs the engine reports as *hidden* (outside their clip
path) that sit straight above or below an open cell, in its column, are that cell's text: each part of the cut cell
then reads in full (the name and amounts of a project cut by a page break are on both pages, and the extractor
joins the two parts). Other hidden glyphs are dropped: nobody can see them.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from dataclasses import dataclass, field
from statistics import median

from perftable.readers.pdf_layout import BoxCell, PageContent, PageLine

CLIP_SLACK = 1.0  # points: a glyph whose centre is this far outside its clip box is still visible
SNAP = 1.5  # points: rules this close are one line
JOIN = 2.5  # points: collinear rules with a smaller gap are one rule
THIN = 2.5  # points: a filled rectangle no thicker than this is a rule
AXIS = (
    0.5  # points: a piece of a path whose ends differ by less than this in y (or x) is horizontal (vertical)
)
CROSS = 2.0  # points: how far a rule may stop short of another and still meet it
BESIDE = (
    0.8  # of a table's height, the share a loose vertical rule must run alongside to be one of its columns
)
MIN_CELL = 2.0  # points: grid lines closer than this are one (a double border)
WIDE_GAP = 2.0  # glyph heights: a wider gap between two glyphs of a line outside tables separates two fields
LINE_SLACK = 0.35  # glyph sizes: baselines closer than this are one line
SPACE_GAP = 0.25  # glyph heights: a wider gap between two glyphs is a space


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character as drawn (points, from the top-left of the page): its text, its horizontal extent (the
    advance, so that the gap to the next glyph is the printed space), the vertical extent of its ink, its baseline
    and its size (the font's height); the box of its clip path, if it has one; whether it is painted over."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    baseline: float = 0.0
    size: float = 0.0
    clip: tuple[float, float, float, float] | None = None
    known_clip: bool = True  # False: the engine knows no clip paths
    covered: bool = False  # an area filled after the glyph was drawn paints over it

    @property
    def hidden(self) -> bool | None:
        """True when the glyph lies outside its clip box (drawn, but not visible); None when the engine cannot
        tell."""
        if self.covered:
            return True
        if not self.known_clip:
            return None
        clip = self.clip
        if clip is None:
            return False
        cx, cy = self.cx, self.cy
        return not (
            clip[0] - CLIP_SLACK <= cx <= clip[2] + CLIP_SLACK
            and clip[1] - CLIP_SLACK <= cy <= clip[3] + CLIP_SLACK
        )

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return max(self.size or self.bottom - self.top, 1.0)


@dataclass(frozen=True, slots=True)
class Segment:
    """An axis-aligned ruling line: at ``at`` (y of a horizontal rule, x of a vertical one), from ``start`` to
    ``end`` along it."""

    horizontal: bool
    at: float
    start: float
    end: float

    def covers(self, low: float, high: float) -> bool:
        """True when the rule runs along most of ``low``–``high`` (a boundary between two cells)."""
        overlap = min(self.end, high) - max(self.start, low)
        return overlap >= 0.5 * (high - low)


def box_segments(
    x0: float, top: float, x1: float, bottom: float, *, stroked: bool, filled: bool
) -> list[Segment]:
    """The rules a drawn rectangle (or a subpath's bounding box) makes: a thin one is a line; a stroked one, or a
    filled one (a shaded cell: its edges are the cell's, drawn or not), its four edges. White is never drawn
    (the engines leave white paths out)."""
    width, height = x1 - x0, bottom - top
    if width <= THIN and height <= THIN:
        return []
    if height <= THIN:
        return [Segment(True, (top + bottom) / 2, x0, x1)]
    if width <= THIN:
        return [Segment(False, (x0 + x1) / 2, top, bottom)]
    if not (stroked or filled):
        return []
    return [
        Segment(True, top, x0, x1),
        Segment(True, bottom, x0, x1),
        Segment(False, x0, top, bottom),
        Segment(False, x1, top, bottom),
    ]


def straight_segments(points: list[tuple[float, float]]) -> list[Segment]:
    """The horizontal and vertical pieces of a drawn polyline (a ruling line drawn as a path); slanted pieces and
    pieces shorter than :data:`THIN` are not rules."""
    out: list[Segment] = []
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if abs(y1 - y0) <= AXIS and abs(x1 - x0) > THIN:
            out.append(Segment(True, (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= AXIS and abs(y1 - y0) > THIN:
            out.append(Segment(False, (x0 + x1) / 2, min(y0, y1), max(y0, y1)))
    return out


def merge_segments(segments: list[Segment]) -> list[Segment]:
    """Rules snapped onto shared lines and joined where they touch."""
    out: list[Segment] = []
    for horizontal in (True, False):
        group = sorted((s for s in segments if s.horizontal is horizontal), key=lambda s: s.at)
        lines: list[list[Segment]] = []
        for segment in group:
            if lines and segment.at - lines[-1][0].at <= SNAP:
                lines[-1].append(segment)
            else:
                lines.append([segment])
        for line in lines:
            at = median(s.at for s in line)
            pieces = sorted(line, key=lambda s: s.start)
            start, end = pieces[0].start, pieces[0].end
            for piece in pieces[1:]:
                if piece.start <= end + JOIN:
                    end = max(end, piece.end)
                else:
                    out.append(Segment(horizontal, at, start, end))
                    start, end = piece.start, piece.end
            out.append(Segment(horizontal, at, start, end))
    return out


def _meets(h: Segment, v: Segment) -> bool:
    return h.start - CROSS <= v.at <= h.end + CROSS and v.start - CROSS <= h.at <= v.end + CROSS


def _components(segments: list[Segment]) -> list[list[Segment]]:
    """Groups of rules that meet (each group one table)."""
    parent = list(range(len(segments)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    horizontals = [i for i, s in enumerate(segments) if s.horizontal]
    verticals = sorted((i for i, s in enumerate(segments) if not s.horizontal), key=lambda i: segments[i].at)
    xs = [segments[i].at for i in verticals]
    for i in horizontals:
        h = segments[i]
        low = bisect_right(xs, h.start - CROSS - 1e-9)
        for j in verticals[low:]:
            v = segments[j]
            if v.at > h.end + CROSS:
                break
            if _meets(h, v):
                parent[find(i)] = find(j)
    groups: dict[int, list[Segment]] = {}
    for i, segment in enumerate(segments):
        groups.setdefault(find(i), []).append(segment)
    return list(groups.values())


def _is_table(group: list[Segment]) -> bool:
    return sum(s.horizontal for s in group) >= 2 and sum(not s.horizontal for s in group) >= 2


def _beside(tables: list[list[Segment]], loose: list[Segment]) -> None:
    """Vertical rules that meet no horizontal one but run alongside a table, over most of its height, are its
    columns (a merged cell cut at the top and the bottom of the page: its columns have no rule across them). Each
    joins the table whose height it spans; the nearest, when several."""
    frames = [
        (min(s.at for s in group if s.horizontal), max(s.at for s in group if s.horizontal), group)
        for group in tables
    ]
    for rule in loose:
        best: tuple[float, list[Segment]] | None = None
        for top, bottom, group in frames:
            overlap = min(rule.end, bottom) - max(rule.start, top)
            if bottom > top and overlap >= BESIDE * (bottom - top):
                distance = min(abs(rule.at - s.at) for s in group if not s.horizontal)
                if best is None or distance < best[0]:
                    best = (distance, group)
        if best is not None:
            best[1].append(rule)


def _grid_lines(values: list[float]) -> list[float]:
    lines: list[float] = []
    for value in sorted(values):
        if not lines or value - lines[-1] > MIN_CELL:
            lines.append(value)
    return lines


@dataclass
class _Cell:
    x0: float
    top: float
    x1: float
    bottom: float
    open_top: bool = False
    open_bottom: bool = False
    glyphs: list[Glyph] = field(default_factory=list)


@dataclass
class RuledTable:
    """One table of a page: its frame and its cells (merged areas as one cell each)."""

    left: float
    top: float
    right: float
    bottom: float
    xs: list[float]
    ys: list[float]
    cells: list[_Cell]
    owner: list[list[int]]  # (row band, column band) -> index into cells

    def contains(self, glyph: Glyph) -> bool:
        return self.left <= glyph.cx <= self.right and self.top <= glyph.cy <= self.bottom

    def cell_at(self, x: float, y: float) -> _Cell:
        col = min(max(bisect_right(self.xs, x) - 1, 0), len(self.xs) - 2)
        row = min(max(bisect_right(self.ys, y) - 1, 0), len(self.ys) - 2)
        return self.cells[self.owner[row][col]]

    def open_cell(self, glyph: Glyph) -> _Cell | None:
        """The open edge cell straight above or below which a glyph outside the frame sits, if any."""
        if not self.left <= glyph.cx <= self.right:
            return None
        if glyph.cy < self.top:
            cell = self.cell_at(glyph.cx, self.top + 0.1)
            return cell if cell.open_top else None
        if glyph.cy > self.bottom:
            cell = self.cell_at(glyph.cx, self.bottom - 0.1)
            return cell if cell.open_bottom else None
        return None


def _table(rules: list[Segment]) -> RuledTable | None:
    horizontals = [s for s in rules if s.horizontal]
    verticals = [s for s in rules if not s.horizontal]
    ys = _grid_lines([s.at for s in horizontals])
    top, bottom = ys[0], ys[-1]
    xs = _grid_lines([s.at for s in verticals if s.end > top + CROSS and s.start < bottom - CROSS])
    if len(xs) < 2 or len(ys) < 2:
        return None
    rows, cols = len(ys) - 1, len(xs) - 1
    parent = list(range(rows * cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def ruled(lines: list[Segment], at: float, low: float, high: float) -> bool:
        return any(abs(s.at - at) <= SNAP + MIN_CELL / 2 and s.covers(low, high) for s in lines)

    for r, c in itertools.product(range(rows), range(cols)):
        if c + 1 < cols and not ruled(verticals, xs[c + 1], ys[r], ys[r + 1]):
            parent[find(r * cols + c + 1)] = find(r * cols + c)
        if r + 1 < rows and not ruled(horizontals, ys[r + 1], xs[c], xs[c + 1]):
            parent[find((r + 1) * cols + c)] = find(r * cols + c)
    index: dict[int, int] = {}
    cells: list[_Cell] = []
    owner = [[0] * cols for _ in range(rows)]
    for r, c in itertools.product(range(rows), range(cols)):
        root = find(r * cols + c)
        if root not in index:
            index[root] = len(cells)
            cells.append(_Cell(xs[c], ys[r], xs[c + 1], ys[r + 1]))
        cell = cells[index[root]]
        cell.x0, cell.top = min(cell.x0, xs[c]), min(cell.top, ys[r])
        cell.x1, cell.bottom = max(cell.x1, xs[c + 1]), max(cell.bottom, ys[r + 1])
        owner[r][c] = index[root]
        if r == 0 and not ruled(horizontals, top, xs[c], xs[c + 1]):
            cell.open_top = True
        if r == rows - 1 and not ruled(horizontals, bottom, xs[c], xs[c + 1]):
            cell.open_bottom = True
    return RuledTable(xs[0], top, xs[-1], bottom, xs, ys, cells, owner)


def find_tables(segments: list[Segment]) -> list[RuledTable]:
    """The ruled tables a page's rules make, top to bottom."""
    groups = _components(merge_segments(segments))
    ruled = [group for group in groups if _is_table(group)]
    loose = [s for group in groups if not _is_table(group) for s in group if not s.horizontal]
    _beside(ruled, loose)
    tables = [table for group in ruled if (table := _table(group))]
    return sorted(tables, key=lambda table: (table.top, table.left))


def _lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into lines (by baseline: glyphs of another font, taller or shorter, stay on their line),
    each left to right, lines top to bottom."""
    lines: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.baseline, g.x0)):
        if lines and glyph.baseline - lines[-1][0].baseline <= LINE_SLACK * min(
            glyph.height, lines[-1][0].height
        ):
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    return [sorted(line, key=lambda g: g.x0) for line in lines]


def line_text(line: list[Glyph], *, fields: bool = False) -> str:
    """A line's text: a space where two glyphs are apart; with ``fields``, two spaces where the gap is wide (two
    fields on one line: ``部门名称：某局  单位：万元``)."""
    text = line[0].text
    for left, right in itertools.pairwise(line):
        gap = right.x0 - left.x1
        height = max(left.height, right.height)
        if fields and gap > WIDE_GAP * height:
            text += "  "
        elif gap > SPACE_GAP * height:
            text += " "
        text += right.text
    return text.strip()


def cell_text(glyphs: list[Glyph]) -> str:
    return "\n".join(line_text(line) for line in _lines(glyphs))


def _spill(table: RuledTable, glyphs: list[Glyph]) -> tuple[list[Glyph], list[Glyph]]:
    """Of the glyphs outside a table straight above or below an open cell, those that are the cell's text cut by
    the page (and the others): hidden ones, and the lines that run on from the table's edge without a gap wider
    than a line and a half (a cut line may show in part)."""
    taken = [glyph for glyph in glyphs if glyph.hidden]
    seen = [glyph for glyph in glyphs if not glyph.hidden]
    rest: list[Glyph] = []
    below = bool(seen) and seen[0].cy > table.bottom
    lines = _lines(seen)
    if not below:
        lines.reverse()
    edge = table.bottom if below else table.top
    for index, line in enumerate(lines):
        near = min(g.top for g in line) if below else max(g.bottom for g in line)
        if abs(near - edge) > 1.5 * max(g.height for g in line):
            rest = [glyph for later in lines[index:] for glyph in later]
            break
        taken += line
        edge = max(g.bottom for g in line) if below else min(g.top for g in line)
    return taken, rest


def _clip_cell(tables: list[RuledTable], glyph: Glyph) -> _Cell | None:
    """The cell a glyph is clipped to, when its clip path is that cell (a publisher clips a cell's text to the
    cell when it does not fit): the glyph is that cell's text wherever it is drawn, its overflow included."""
    clip = glyph.clip
    if clip is None:
        return None
    cx, cy = (clip[0] + clip[2]) / 2, (clip[1] + clip[3]) / 2
    for table in tables:
        if table.left <= cx <= table.right and table.top <= cy <= table.bottom:
            cell = table.cell_at(cx, cy)
            fits = all(
                abs(a - b) <= MIN_CELL + CLIP_SLACK
                for a, b in zip(clip, (cell.x0, cell.top, cell.x1, cell.bottom), strict=True)
            )
            return cell if fits else None
    return None


_CLOSING = frozenset("。，、；：？！）」』】》,.;:?!)")


def _strays(glyph: Glyph, before: Glyph) -> bool:
    """A closing punctuation mark drawn right after the glyph it follows in the text's order but more than half a
    line off its baseline (a fallback font may place it so): it belongs with that glyph, wherever it is drawn."""
    off = glyph.baseline - before.baseline
    return (
        glyph.text in _CLOSING
        and 0.5 * before.height < abs(off) <= 2.5 * before.height
        and abs(glyph.x0 - before.x1) <= 4 * before.height  # under or after the glyph before, not elsewhere
    )


def page_content(number: int, glyphs: list[Glyph], tables: list[RuledTable]) -> PageContent:
    """A page's ruled tables (see :func:`find_tables`), their cells filled with text, and the lines of text
    outside them."""
    outside: list[Glyph] = []
    spilled: dict[tuple[int, bool], tuple[RuledTable, _Cell, list[Glyph]]] = {}
    previous: tuple[Glyph, _Cell] | None = None  # the glyph before in the text's order, and its cell
    for glyph in glyphs:
        if not glyph.text.strip():
            continue
        owner = _clip_cell(tables, glyph)
        if owner is not None:
            owner.glyphs.append(glyph)
            previous = (glyph, owner)
            continue
        home = next((table for table in tables if table.contains(glyph)), None)
        if home is not None:
            if not glyph.hidden:
                cell = home.cell_at(glyph.cx, glyph.cy)
                if previous is not None and _strays(glyph, previous[0]) and previous[1] is not cell:
                    cell = previous[1]
                cell.glyphs.append(glyph)
                previous = (glyph, cell)
            continue
        spot = next(((table, edge) for table in tables if (edge := table.open_cell(glyph))), None)
        if spot is not None:
            table, edge = spot
            spilled.setdefault((id(edge), glyph.cy > table.bottom), (table, edge, []))[2].append(glyph)
        elif not glyph.hidden:
            outside.append(glyph)
    for table, cell, group in spilled.values():
        taken, rest = _spill(table, group)
        cell.glyphs += taken
        outside += [glyph for glyph in rest if not glyph.hidden]
    content = PageContent(number)
    for table in tables:
        content.tables.append(
            [
                BoxCell((cell.x0, cell.top, cell.x1, cell.bottom), cell_text(cell.glyphs))
                for cell in table.cells
            ]
        )
    content.lines = [
        PageLine(text, min(g.top for g in line))
        for line in _lines(outside)
        if (text := line_text(line, fields=True))
    ]
    return content
