"""Word documents (.docx) through python-docx.

The body is read in document order: every table becomes a :class:`~perftable.grid.Table` located by its number
in the document, row and column (``file:t2:r5:3``, all 1-based); every paragraph outside tables becomes
:class:`~perftable.grid.TextLine` blocks (one per line), located by the paragraph's number (``file:12:1`` is the
12th paragraph of the body), so that the title and year printed above a table are read.

Merged cells are expanded as in spreadsheets: a horizontal merge (``w:gridSpan``) and a vertical one (``w:vMerge``
continued from the cell above) give covered cells holding the top-left cell's text and position, marked
``merged``. Rows that start late or end early (``w:gridBefore``/``w:gridAfter``) are padded with empty cells.
Inside a cell, paragraphs and line breaks are kept as ``\\n`` (the extractor joins lines broken inside a word);
a table nested in a cell that is a grid of its own (indicators as a table inside the 绩效指标 cell) is read as a
table after the one holding it, numbered in document order (the holder ``t2``, the nested one ``t3``); one that is
only a box around text is read as text into the cell. A section's page header is read as text lines at the start of
the section (a title and year printed only there); text boxes and footers are not read.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from typing import TYPE_CHECKING, Any

from perftable.errors import ReadError
from perftable.grid import Block, Cell, Origin, Table, TextLine, check_area, merge_area
from perftable.readers.opening import check_unzipped

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Elements whose text is not part of the paragraph as printed in its line (text boxes; the fallback copy of
# alternate content; deleted revisions and text moved away from here (a tracked move prints at its w:moveTo);
# field instructions).
_SKIP_TEXT = frozenset(
    {f"{_W}txbxContent", f"{_MC}Fallback", f"{_W}del", f"{_W}moveFrom", f"{_W}instrText", f"{_W}delText"}
)
_CHAR_TEXT = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"})
_ITEM = re.compile(rb"<w:(?:p|tc)[ >/]")  # a paragraph or a table cell starts
XmlElement = Any  # an lxml element (lxml ships no type information)


class Numbering:
    """**Word's list numbers** (``w:numPr`` on a paragraph or its style, List Number): the number Word prints before
    the paragraph is not in its text, so it is rendered from the numbering definitions (``numbering.xml``: each
    level's format and text, ``%1.``, ``（%1）``, ``%1、``) and counted in document order, a level's counter
    restarting under a higher one. A bullet prints as ``•``. Formats perftable does not know print as decimals."""

    def __init__(self, numbering: XmlElement | None, styles: XmlElement | None) -> None:
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._styles: dict[str, tuple[str, int]] = {}
        if numbering is not None:
            abstract = {
                node.get(f"{_W}abstractNumId"): node for node in numbering.iterchildren(f"{_W}abstractNum")
            }
            for num in numbering.iterchildren(f"{_W}num"):
                ref = num.find(f"{_W}abstractNumId")
                definition = abstract.get(ref.get(f"{_W}val")) if ref is not None else None
                if definition is not None:
                    self._levels[num.get(f"{_W}numId", "")] = {
                        _ilvl(lvl): (
                            _str_val(lvl, "numFmt", "decimal"),
                            _str_val(lvl, "lvlText", ""),
                            _int_val(lvl, "start", 1),
                        )
                        for lvl in definition.iterchildren(f"{_W}lvl")
                    }
        if styles is not None:
            for style in styles.iterchildren(f"{_W}style"):
                num_pr = style.find(f"{_W}pPr/{_W}numPr")
                if num_pr is not None and (num_id := _str_val(num_pr, "numId", "")):
                    self._styles[style.get(f"{_W}styleId", "")] = (num_id, _int_val(num_pr, "ilvl", 0))

    def label(self, paragraph: XmlElement) -> str:
        """The number Word prints before ``paragraph`` (``1.``), counted; empty for a paragraph of no list."""
        num_pr = paragraph.find(f"{_W}pPr/{_W}numPr")
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        if num_pr is not None:
            num_id, level = _str_val(num_pr, "numId", ""), _int_val(num_pr, "ilvl", 0)
        elif style is not None and (found := self._styles.get(style.get(f"{_W}val", ""))):
            num_id, level = found
        else:
            return ""
        levels = self._levels.get(num_id, {})
        if level not in levels or levels[level][0] == "none":
            return ""
        if levels[level][0] == "bullet":
            return "• "  # the glyph is a symbol font's; the bullet it prints is what matters
        counters = self._counters.setdefault(num_id, {})
        counters[level] = counters.get(level, levels[level][2] - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]
        text = levels[level][1]
        for shown in range(level + 1):
            fmt, _, start = levels.get(shown, ("decimal", "", 1))
            text = text.replace(f"%{shown + 1}", _format_number(counters.get(shown, start), fmt))
        return text


def _ilvl(lvl: XmlElement) -> int:
    try:
        return max(0, int(lvl.get(f"{_W}ilvl", "0")))
    except ValueError:
        return 0


_CHINESE_DIGITS = "零一二三四五六七八九"


def _format_number(number: int, fmt: str) -> str:
    if fmt.startswith(("chinese", "ideograph", "japanese", "taiwanese")) and 0 < number < 100:
        tens, ones = divmod(number, 10)
        head = ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" if tens else ""
        return head + (_CHINESE_DIGITS[ones] if ones else "")
    if fmt == "decimalEnclosedCircle" and 0 < number <= 20:
        return chr(0x245F + number)
    if fmt in ("lowerLetter", "upperLetter") and 0 < number <= 26:
        letter = chr(ord("a") + number - 1)
        return letter.upper() if fmt == "upperLetter" else letter
    return str(number)


def _str_val(parent: XmlElement, tag: str, default: str) -> str:
    node = parent.find(f"{_W}{tag}")
    value = node.get(f"{_W}val") if node is not None else None
    return value if isinstance(value, str) else default


def paragraph_text(element: XmlElement, numbering: Numbering | None = None) -> str:
    """The text of a ``w:p`` as printed: runs, hyperlinks, fields and inserted revisions, ``w:br`` as ``\\n``; with
    ``numbering``, the list number Word prints before it."""
    parts: list[str] = [numbering.label(element)] if numbering is not None else []

    def walk(node: XmlElement) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP_TEXT:
                continue
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag in _CHAR_TEXT:
                parts.append(_CHAR_TEXT[tag])
            else:
                walk(child)

    walk(element)
    return "".join(parts)


def _body_items(parent: XmlElement) -> Iterator[XmlElement]:
    """The paragraphs and tables of a body or cell in order, looking inside content controls (``w:sdt``)."""
    for child in parent:
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _body_items(child)


def _is_grid(tbl: XmlElement) -> bool:
    """A nested table that is a table of its own (two rows or more, one of them with two cells or more), not a
    box drawn around a line of text."""
    rows = list(_children(tbl, f"{_W}tr"))
    return len(rows) >= 2 and any(len(list(_children(tr, f"{_W}tc"))) >= 2 for tr in rows)


def _cell_text(
    tc: XmlElement, nested: list[XmlElement] | None = None, numbering: Numbering | None = None
) -> str:
    """A cell's text. A nested table that is a grid of its own goes to ``nested`` (read as a table after the one
    holding it); any other is read as lines of text, its cells separated by spaces."""
    lines: list[str] = []
    for item in _body_items(tc):
        if item.tag == f"{_W}p":
            lines.append(paragraph_text(item, numbering))
        elif nested is not None and _is_grid(item):
            nested.append(item)
        else:
            for tr in item.iterchildren(f"{_W}tr"):
                cells = (_cell_text(inner).replace("\n", " ").strip() for inner in tr.iterchildren(f"{_W}tc"))
                lines.append(" ".join(text for text in cells if text))
    text = "\n".join(line.replace("\xa0", " ").strip() for line in lines)
    return text.strip("\n")


def _int_val(parent: XmlElement | None, tag: str, default: int) -> int:
    node = parent.find(f"{_W}{tag}") if parent is not None else None
    try:
        return max(0, int(node.get(f"{_W}val", default))) if node is not None else default
    except ValueError:
        return default


def _children(parent: XmlElement, tag: str) -> Iterator[XmlElement]:
    """The ``tag`` children of a table or row in order, looking inside content controls (``w:sdt``)."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def read_table(
    tbl: XmlElement,
    origin: Origin,
    nested: list[XmlElement] | None = None,
    numbering: Numbering | None = None,
) -> Table:
    """One ``w:tbl`` as a grid, merged cells expanded; the tables nested in its cells that are grids of their own
    go to ``nested``; ``numbering`` prints the list numbers of its paragraphs."""
    placed: list[
        list[tuple[int, int, str, bool]]
    ] = []  # per row: (column, span, text, continues the cell above)
    width = len(tbl.findall(f"{_W}tblGrid/{_W}gridCol"))
    for tr in _children(tbl, f"{_W}tr"):
        column = _int_val(tr.find(f"{_W}trPr"), "gridBefore", 0)
        row: list[tuple[int, int, str, bool]] = []
        for tc in _children(tr, f"{_W}tc"):
            props = tc.find(f"{_W}tcPr")
            span = max(1, _int_val(props, "gridSpan", 1))
            merge = props.find(f"{_W}vMerge") if props is not None else None
            continues = merge is not None and merge.get(f"{_W}val", "continue") == "continue"
            row.append((column, span, "" if continues else _cell_text(tc, nested, numbering), continues))
            column += span
        width = max(width, column)
        placed.append(row)
    check_area(len(placed), width, origin)
    table = Table([[Cell("", (r + 1, c + 1), origin) for c in range(width)] for r in range(len(placed))])
    areas: dict[tuple[int, int], list[int]] = {}  # top-left (row, column) -> [bottom row, right column]
    above: dict[int, tuple[int, int]] = {}  # column -> top-left of the area covering it in the row above
    for r, row in enumerate(placed):
        current: dict[int, tuple[int, int]] = {}
        for column, span, text, continues in row:
            owner = above.get(column) if continues else None
            if owner is not None:
                areas[owner][0] = r
            else:
                owner = (r, column)
                table.rows[r][column] = Cell(text, (r + 1, column + 1), origin)
                areas[owner] = [r, column + span - 1]
            for c in range(column, column + span):
                current[c] = owner
        above = current
    for (top, left), (bottom, right) in areas.items():
        if (bottom, right) != (top, left):
            merge_area(table, (top, left), (bottom, right))
    return table


def check_package(path: Path, display: str, max_unzipped: int, max_items: int) -> None:
    """Refuse, before python-docx parses it (the whole body as one tree, about 1 KB per element), a document that
    unpacks to more than ``max_unzipped`` (``--max-unzipped``) or whose body holds more than ``max_items``
    paragraphs and table cells (``--max-cells``): 20 million empty paragraphs fit in 120 MB. Counted streaming; a
    damaged package is left to python-docx to report."""
    try:
        with zipfile.ZipFile(path) as archive:
            check_unzipped(archive, display, max_unzipped, "document")
            items = 0
            carry = b""
            with archive.open("word/document.xml") as handle:
                while chunk := handle.read(1 << 20):
                    data = carry + chunk
                    items += len(_ITEM.findall(data, 0, len(data) - 5))
                    carry = data[-5:]
                    if items > max_items:
                        raise ReadError(
                            display,
                            f"the document holds more than {max_items:,} paragraphs and table cells, over the limit "
                            f"of {max_items:,} (raise it with --max-cells)",
                            "too-large",
                        )
    except (KeyError, OSError, EOFError, zipfile.BadZipFile, zlib.error):
        return


def read_docx(path: Path, display: str, max_unzipped: int, max_cells: int) -> list[Block]:
    """Every table of a Word document, with the paragraphs around them as text lines."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    check_package(path, display, max_unzipped, max_cells)
    try:
        document = docx.Document(str(path))
        body = document.element.body
    except PackageNotFoundError:
        raise ReadError(display, "cannot read the Word document (not a .docx package)", "document") from None
    except Exception as exc:  # python-docx and lxml raise many kinds of errors for a damaged package
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise ReadError(
            display,
            f"cannot read the Word document ({reason}); is the file corrupt or truncated?",
            "document",
        ) from None
    try:
        numbering = Numbering(_numbering_element(document), document.styles.element)
        return list(_blocks(body, display, _section_headers(document), numbering))
    except ValueError as exc:
        raise ReadError(display, f"cannot read the Word document ({exc})", "document") from None


def _numbering_element(document: Any) -> XmlElement | None:
    """The document's ``w:numbering`` (list definitions), or None when it has none."""
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError):  # no numbering part in the package
        return None


def _section_headers(document: Any) -> list[list[str]]:
    """Each section's page-header lines (a title and year a document prints only there, atop every page)."""
    out: list[list[str]] = []
    for section in document.sections:
        try:
            paragraphs = section.header.paragraphs if not section.header.is_linked_to_previous else []
        except (KeyError, ValueError):  # a header part the package does not hold
            paragraphs = []
        lines = [" ".join(p.text.split()) for p in paragraphs]
        out.append([line for line in lines if line] or (out[-1] if out else []))
    return out


def _blocks(
    body: XmlElement, display: str, headers: list[list[str]] | None = None, numbering: Numbering | None = None
) -> Iterator[Block]:
    """The body's tables and paragraphs in order; each section's page-header lines (when they differ from the
    section before's) come first in it, as text lines."""
    text_origin = Origin(display)
    paragraph = table_number = 0
    headers = headers or []
    section, shown = 0, False
    printed: list[str] = []
    for item in _body_items(body):
        if not shown and section < len(headers):
            shown = True
            if headers[section] != printed:
                printed = headers[section]
                for line in printed:
                    yield TextLine(line, Cell(line, (paragraph + 1, 1), text_origin))
        if item.tag == f"{_W}p" and item.find(f"{_W}pPr/{_W}sectPr") is not None:
            section, shown = section + 1, False  # the paragraph ends its section
        if item.tag == f"{_W}tbl":
            waiting = [item]
            while waiting:  # a table, then the tables nested in it, in document order
                table_number += 1
                nested: list[XmlElement] = []
                yield read_table(
                    waiting.pop(0), Origin(display, "docx", table=table_number), nested, numbering
                )
                waiting[:0] = nested
            continue
        paragraph += 1
        for line in paragraph_text(item, numbering).replace("\xa0", " ").split("\n"):
            if line.strip():
                yield TextLine(line.strip(), Cell(line.strip(), (paragraph, 1), text_origin))
