"""PDF page layout without PDFs: boxes with text made into grids, tables continued on the next page joined,
page furniture set aside (readers/pdf_layout.py is pure Python)."""

from __future__ import annotations

import pytest

from perftable.grid import Table, TextLine
from perftable.readers.pdf_layout import (
    Assembler,
    BoxCell,
    EdgeScale,
    PageContent,
    PageLine,
    is_page_number,
)


def boxes(
    rows: list[list[str]], *, top: float = 100, widths: tuple[float, ...] = (100, 100, 100)
) -> list[BoxCell]:
    """Ruled cells of a table: ``"<"`` extends the cell on the left, ``"^"`` the cell above (as spans.py)."""
    xs = [50.0]
    for width in widths:
        xs.append(xs[-1] + width)
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    extent: dict[tuple[int, int], list[int]] = {}
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text == "<":
                owner[(r, c)] = owner[(r, c - 1)]
            elif text == "^":
                owner[(r, c)] = owner[(r - 1, c)]
            else:
                owner[(r, c)] = (r, c)
                extent[(r, c)] = [r, c]
            top_left = owner[(r, c)]
            extent[top_left] = [max(extent[top_left][0], r), max(extent[top_left][1], c)]
    return [
        BoxCell((xs[c], top + 20 * r, xs[right + 1], top + 20 * (bottom + 1)), rows[r][c])
        for (r, c), (bottom, right) in extent.items()
    ]


def blocks_of(*pages: PageContent) -> list[Table | TextLine]:
    assembler = Assembler("x.pdf")
    for page in pages:
        assembler.add(page)
    return assembler.finish()


def texts(table: Table | TextLine) -> list[list[str]]:
    assert isinstance(table, Table)
    return [[cell.text for cell in row] for row in table.rows]


def test_spans_are_expanded_and_positions_count_page_rows() -> None:
    page = PageContent(1, [boxes([["a", "<", "b"], ["c", "d", "^"]])], [PageLine("Title", 80)])
    title, table = blocks_of(page)
    assert isinstance(title, TextLine) and title.cell.pos == (1, 1)
    assert texts(table) == [["a", "a", "b"], ["c", "d", "b"]]
    assert isinstance(table, Table)
    assert [[cell.merged for cell in row] for row in table.rows] == [
        [False, True, False],
        [False, False, True],
    ]
    assert [[cell.pos for cell in row] for row in table.rows] == [
        [(2, 1), (2, 1), (2, 3)],
        [(3, 1), (3, 2), (2, 3)],
    ]
    assert str(table.rows[1][1].location()) == "x.pdf:p1:r3:c2"


def test_a_position_no_box_covers_is_an_empty_unmerged_cell() -> None:
    cells = [cell for cell in boxes([["a", "b"], ["c", "d"]], widths=(100, 100)) if cell.text != "d"]
    (table,) = blocks_of(PageContent(1, [cells]))
    assert isinstance(table, Table)
    assert [(cell.text, cell.merged) for cell in table.rows[1]] == [("c", False), ("", False)]


def test_table_continued_with_aligned_columns_is_joined_across_page_furniture() -> None:
    first = PageContent(1, [boxes([["h1", "h2", "h3"], ["a", "b", "c"]], top=600)], [PageLine("- 1 -", 800)])
    second = PageContent(2, [boxes([["d", "e", "f"]], top=60)], [PageLine("- 2 -", 800)])
    (table,) = blocks_of(first, second)
    assert texts(table) == [["h1", "h2", "h3"], ["a", "b", "c"], ["d", "e", "f"]]
    assert isinstance(table, Table)
    assert [row[0].location().page for row in table.rows] == [1, 1, 2]


def test_running_header_between_the_parts_does_not_stop_the_join() -> None:
    first = PageContent(1, [boxes([["h1", "h2", "h3"]], top=600)], [PageLine("部门预算公开", 30)])
    second = PageContent(2, [boxes([["d", "e", "f"]], top=60)], [PageLine("部门预算公开", 30)])
    blocks = blocks_of(first, second)
    assert [type(block).__name__ for block in blocks] == ["TextLine", "Table"]
    assert len(texts(blocks[1])) == 2


def test_repeated_header_rows_are_dropped() -> None:
    header = [["项目", "<", "金额"], ["名称", "代码", "^"]]
    first = PageContent(1, [boxes([*header, ["a", "1", "10"]], top=600)])
    second = PageContent(2, [boxes([*header, ["b", "2", "20"]], top=60, widths=(90, 110, 100))])
    (table,) = blocks_of(first, second)  # columns differ, but the header repeats
    assert [row[0] for row in texts(table)] == ["项目", "名称", "a", "b"]


def test_text_between_tables_or_misaligned_columns_keep_tables_apart() -> None:
    first = PageContent(1, [boxes([["a", "b", "c"]], top=600)])
    titled = PageContent(2, [boxes([["d", "e", "f"]], top=80)], [PageLine("项目支出绩效目标表", 60)])
    assert [type(block).__name__ for block in blocks_of(first, titled)] == ["Table", "TextLine", "Table"]
    narrow = PageContent(2, [boxes([["d", "e"]], top=80, widths=(150, 150))])
    assert len(blocks_of(first, narrow)) == 2
    later = PageContent(3, [boxes([["d", "e", "f"]], top=80)])  # not the next page
    assert len(blocks_of(first, later)) == 2


def test_two_tables_on_one_page_number_rows_down_the_page() -> None:
    page = PageContent(
        4,
        [boxes([["a", "b", "c"]], top=100), boxes([["d", "e", "f"], ["g", "h", "i"]], top=300)],
        [PageLine("note", 200)],
    )
    first, note, second = blocks_of(page)
    assert isinstance(first, Table) and isinstance(note, TextLine) and isinstance(second, Table)
    assert (first.rows[0][0].pos, note.cell.pos, second.rows[1][0].pos) == ((1, 1), (2, 1), (4, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- 3 -", True),
        ("第 12 页", True),
        ("3/40", True),
        ("Page 2 of 9", True),
        ("12", True),
        ("（2026年度）", False),
        ("2026年", False),
    ],
)
def test_page_numbers(text: str, expected: bool) -> None:
    assert is_page_number(text) is expected


def test_edge_scale_clusters_close_coordinates() -> None:
    scale = EdgeScale([10.0, 10.8, 50.0, 51.5, 90.0])
    assert len(scale) == 3
    assert [scale.index(x) for x in (9.0, 10.5, 51.0, 89.0, 95.0)] == [0, 0, 1, 2, 2]
    assert scale.matches(52.0) and not scale.matches(70.0)
