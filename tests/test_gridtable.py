"""Grid tables in markdown (pandoc ``grid_tables``): cells by display columns, wrapped lines joined, spans."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

import perftable
from perftable.grid import Origin, Table
from perftable.readers.markdown import read_markdown

ORIGIN = Origin("t.md")


def tables(text: str) -> list[list[list[str]]]:
    return [
        [[c.text for c in row] for row in b.rows] for b in read_markdown(text, ORIGIN) if isinstance(b, Table)
    ]


def test_cells_are_cut_at_the_borders_by_display_width_and_wrapped_lines_are_joined() -> None:
    text = """
+----------+--------------+--------+
| 项目名称 | 法律援助服务 | amount |
|          | 经费         |        |
+==========+==============+========+
| 三级指标 | 办理法律援助 | 2,800  |
|          | 案件数       | 件     |
+----------+--------------+--------+
"""
    assert tables(text) == [
        [["项目名称", "法律援助服务经费", "amount"], ["三级指标", "办理法律援助案件数", "2,800件"]]
    ]


def test_a_cell_spanning_rows_keeps_its_text_in_its_first_row() -> None:
    text = """
+----------+----------+-------+
| 产出指标 | 数量指标 | ≥10个 |
|          +----------+-------+
|          | 质量指标 | ≥95%  |
+----------+----------+-------+
"""
    assert tables(text) == [[["产出指标", "数量指标", "≥10个"], ["", "质量指标", "≥95%"]]]


def test_a_cell_spanning_columns_keeps_its_text_in_its_first_column() -> None:
    text = """
+------+------+------+
| 年度绩效目标       |
+------+------+------+
| a    | b    | c    |
+------+------+------+
"""
    assert tables(text) == [[["年度绩效目标", "", ""], ["a", "b", "c"]]]


def test_locations_point_at_the_first_character_of_a_cell() -> None:
    text = "+------+------+\n| 甲   | 乙   |\n+------+------+\n"
    (table,) = [b for b in read_markdown(text, ORIGIN) if isinstance(b, Table)]
    assert [cell.pos for cell in table.rows[0]] == [(2, 3), (2, 9)]  # character columns, 1-based


def test_a_list_with_plus_bullets_is_not_a_grid_table() -> None:
    assert tables("+ 第一项\n+ 第二项\n") == []


def test_a_form_printed_as_grid_tables_reads_like_its_pipe_table() -> None:
    grid = """
+----------+--------------+----------+--------------+----------+
| 项目名称 | 城市道路照明 |          |              |          |
|          | 维护         |          |              |          |
+==========+==============+==========+==============+==========+
| 年度资金 | 86.50        |          |              |          |
| 总额     |              |          |              |          |
+----------+--------------+----------+--------------+----------+
| 绩效指标 | 一级指标     | 二级指标 | 三级指标     | 指标值   |
+----------+--------------+----------+--------------+----------+
|          | 产出指标     | 数量指标 | 路灯维护数量 | ≥1200盏  |
+----------+--------------+----------+--------------+----------+
"""
    pipe = """
| 项目名称 | 城市道路照明维护 |  |  |  |
|---|---|---|---|---|
| 年度资金总额 | 86.50 |  |  |  |
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
|  | 产出指标 | 数量指标 | 路灯维护数量 | ≥1200盏 |
"""
    (a,), (b,) = perftable.loads(grid), perftable.loads(pipe)
    assert (a.project, a.budget[0].amount, [i.value for i in a.indicators]) == (
        b.project,
        b.budget[0].amount,
        [i.value for i in b.indicators],
    )


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for ch in text:
        if _width(line + ch) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines or [""]


def _grid(rows: list[list[str]], width: int) -> str:
    border = "+" + "+".join("-" * (width + 2) for _ in rows[0]) + "+"
    out = [border]
    for row in rows:
        wrapped = [_wrap(cell, width) for cell in row]
        for k in range(max(len(w) for w in wrapped)):
            parts = [(w[k] if k < len(w) else "") for w in wrapped]
            out.append("|" + "|".join(" " + p + " " * (width - _width(p)) + " " for p in parts) + "|")
        out.append(border)
    return "\n".join(out) + "\n"


# Latin words are wrapped at blanks by the converters (and joined with one); CJK and digits anywhere.
CELL = st.text(alphabet=st.sampled_from("指标值产出数量满意度12%≥"), min_size=1, max_size=14)


@given(
    st.integers(1, 4).flatmap(
        lambda n: st.lists(st.lists(CELL, min_size=n, max_size=n), min_size=1, max_size=4)
    )
)
def test_a_grid_table_reads_back_the_cells_it_was_written_from(rows: list[list[str]]) -> None:
    assert tables(_grid(rows, width=6)) == [rows]
