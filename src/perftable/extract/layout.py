"""The layout step: what each block of a source is, decided once, before any table is read.

A 部门预算 disclosure holds a cover, a table of contents, a dozen budget tables (收支总表 … 政府采购预算表), text
sections (情况说明, 名词解释) and then the target tables. Only 绩效目标表 become documents, so every table is
classified first (:class:`TableKind`):

- ``listing``: a project listing (:func:`perftable.extract.listing.listing_header`), read by
  :mod:`perftable.extract.listing`;
- ``form``: a table with the vocabulary of a target form (a 绩效 title, indicator or task headers, level names,
  goal labels, 部门名称/项目名称 fields), or one that continues the form table before it on the next page; read by
  the form reader (:mod:`perftable.extract.form`);
- ``other``: anything else, and any table whose own title names another table (``部门预算项目支出及其他支出预算表``,
  ``预算01表 收支总表``): skipped.

Text lines are read only where they belong to a table: the short lines just above it (its title, ``单位名称：…``,
``金额单位：万元``), and the lines inside a form (between its tables, its footnotes). A line of prose, a table of
contents or a 名词解释 section is never read as a field or a budget line.

A table of one cell right under a line that is a goal or field label alone (``年度总体目标``, then the goal in a box,
as Word forms print it) is that label's value (:func:`labelled_cell`): a form table, read as the row label | value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from perftable import vocab
from perftable.extract.draft import distinct
from perftable.extract.fields import classify, split_inline
from perftable.extract.indicators import indicator_header
from perftable.extract.listing import ListingHeader, listing_header
from perftable.extract.tasks import task_header
from perftable.grid import Block, Cell, Table, TextLine
from perftable.values.cleaning import label_key
from perftable.values.patterns import CONTINUED_LINE

# Why a table gave no 绩效目标表 (each has a ``skipped-<kind>`` message in perftable.messages).
SkipKind = Literal[
    "other-table", "no-target-vocabulary", "blank-form", "self-evaluation", "no-target", "unruled-table"
]

TableKind = Literal["listing", "form", "other"]

PREAMBLE_LINES = 6  # text lines above a table that may belong to it
MAX_FIELD_LINE = 60  # characters: a longer line is prose, unless it names a known field
SCAN_ROWS = 40  # rows of a table looked at for the vocabulary of a target form
# A table's own title: 预算01表 收支总表, 表12 部门预算项目支出及其他支出预算表, 政府采购预算表.
_TABLE_NUMBER = re.compile(r"^(?:预算)?\d{1,2}[-—]?\d?表|^表[一二三四五六七八九十\d]{1,3}")
_OTHER_TABLE = re.compile(r"(预算|支出|收入|明细|情况|总|经费|采购|资产|结构|分类|汇总|科目)表$")
_CONTINUATION_LINE = re.compile(CONTINUED_LINE)
_LEADER = re.compile(r"(?<![.…·．])[.…·．]{4,}+\s*+\d*+$")


@dataclass
class Plan:
    """What each block is: ``kinds[i]`` for tables; ``read[i]`` for every block, whether the form reader gets it;
    ``preambles[i]`` the text lines above table ``i`` (indexes), its title among them."""

    kinds: dict[int, TableKind] = field(default_factory=dict)
    listings: dict[int, ListingHeader] = field(default_factory=dict)
    # a listing table that continues the listing table before it (index -> that table's index)
    continued: dict[int, int] = field(default_factory=dict)
    read: set[int] = field(default_factory=set)
    preambles: dict[int, list[int]] = field(default_factory=dict)
    # table index -> why it was skipped: ("other-table", its title) or ("no-target-vocabulary", "")
    skipped: dict[int, tuple[SkipKind, str]] = field(default_factory=dict)


def is_prose(text: str) -> bool:
    """A line that is not a title, field or unit line: a sentence of a text section, a table of contents entry,
    a section heading (第三部分 名词解释) or a glossary entry (绩效目标：是指…)."""
    key = label_key(text)
    if _LEADER.search(text.strip()) or vocab.is_section_heading(text) or vocab.is_definition(text):
        return True
    if vocab.is_title(text) or vocab.is_year_line(text) or vocab.is_footnote(text):
        return False
    return len(key) > MAX_FIELD_LINE


def table_title(lines: list[str]) -> str | None:
    """The title a table's preamble gives it: the last line that names a table (``…表``, ``表11 …``) or a target
    heading."""
    for text in reversed(lines):
        key = label_key(text)
        if _CONTINUATION_LINE.fullmatch(text.strip()):
            continue  # 续表, 表12（续）: the table before goes on, this is no title of a table of its own
        if vocab.is_title(text) or vocab.is_target_heading(text):
            return text.strip()
        if len(key) <= 40 and (key.endswith("表") or _TABLE_NUMBER.match(key)):
            return text.strip()
    return None


def names_other_table(title: str | None) -> bool:
    """True when a title names a table that is not a target table (收支总表, 项目支出预算表 …)."""
    if title is None:
        return False
    key = label_key(title)
    return "绩效" not in key and bool(_OTHER_TABLE.search(key) or _TABLE_NUMBER.match(key))


_FORM_FIELDS = frozenset({"department", "project", "goal", "long_goal", "key_tasks", "other_tasks", "info"})


def has_form_vocabulary(table: Table) -> bool:
    """True when a table uses the words of a target form (see the module docstring): a field label with its value
    (in the next cell or in the same one: ``部门名称：某站``), a goal or task label, a level name, an indicator or
    task header, a 绩效 title."""
    for row in table.rows[:SCAN_ROWS]:
        items = distinct(row)
        if not items:
            continue
        if indicator_header(items) is not None or task_header(items) is not None:
            return True
        for position, (_, cell) in enumerate(items):
            text = cell.text
            if vocab.is_title(text) or vocab.level1_name(text) or vocab.level2_name(text):
                return True
            kind = classify(text)
            if kind in ("goal", "long_goal", "key_tasks", "other_tasks"):
                return True
            if (
                kind in _FORM_FIELDS
                and position + 1 < len(items)
                and (
                    vocab.header(items[position + 1][1].text).role is None
                    and classify(items[position + 1][1].text) is None
                )
            ):
                return True
            if any(classify(label) in _FORM_FIELDS for label, _ in split_inline(text)):
                return True
    return False


# Labels whose value a form may print in a one-cell table under them.
_BOXED_VALUE_LABELS = frozenset({"goal", "long_goal", "info"})


def labels_a_box(text: str) -> bool:
    """A line that is only a goal or field label (``年度总体目标``, ``部门职能概述：``): its value may follow as a
    table of one cell."""
    return classify(text) in _BOXED_VALUE_LABELS


def one_cell(table: Table) -> Cell | None:
    """The one filled cell of a table that has only one (a merged area counted once), or None."""
    found: Cell | None = None
    for row in table.rows:
        for cell in row:
            if cell.empty:
                continue
            if found is not None and cell.pos != found.pos:
                return None
            found = found or cell
    return found


def labelled_cell(label: Block | None, table: Table) -> Cell | None:
    """The value of a label line in the one-cell table right under it, or None (see the module docstring): the
    cell must not be a label, a title or a header itself."""
    if not isinstance(label, TextLine) or not labels_a_box(label.text):
        return None
    cell = one_cell(table)
    if cell is None or classify(cell.text) is not None or vocab.is_title(cell.text):
        return None
    return cell if vocab.header(cell.text).role is None else None


def _preamble(blocks: list[Block], index: int) -> list[int]:
    """The text lines just above block ``index`` that may belong to it (short lines, none past a table)."""
    out: list[int] = []
    at = index - 1
    while at >= 0 and len(out) < PREAMBLE_LINES:
        block = blocks[at]
        if not isinstance(block, TextLine) or is_prose(block.text):
            break
        out.append(at)
        at -= 1
    return list(reversed(out))


def plan(blocks: list[Block]) -> Plan:
    """Classify every table and choose the text lines the form reader gets."""
    result = Plan()
    previous_form: int | None = None
    previous_listing: int | None = None
    for index, block in enumerate(blocks):
        if not isinstance(block, Table):
            continue
        preamble = _preamble(blocks, index)
        result.preambles[index] = preamble
        lines = [line.text for i in preamble if isinstance(line := blocks[i], TextLine)]
        title = table_title(lines)
        header = listing_header(block)
        before = result.listings.get(previous_listing) if previous_listing is not None else None
        if names_other_table(title) and (header is None or header.indicators is None):
            result.kinds[index] = "other"
            result.skipped[index] = ("other-table", title or "")
        elif header is not None:
            result.kinds[index] = "listing"
            result.listings[index] = header
            if previous_listing is not None and title is None and _continues(blocks, previous_listing, index):
                result.continued[index] = previous_listing
        elif (
            before is not None
            and previous_listing is not None
            and title is None
            and block.width == _width(blocks[previous_listing])
            and _continues(blocks, previous_listing, index)
        ):
            # a listing's next page as a table of its own, without the header: read under the listing's header
            result.kinds[index] = "listing"
            result.listings[index] = replace(before, body=0)
            result.continued[index] = previous_listing
        elif (
            has_form_vocabulary(block)
            or (previous_form is not None and title is None and _continues(blocks, previous_form, index))
            or (index > 0 and labelled_cell(blocks[index - 1], block) is not None)
        ):
            result.kinds[index] = "form"
        else:
            result.kinds[index] = "other"
            result.skipped[index] = ("no-target-vocabulary", "")
        previous_form = index if result.kinds[index] == "form" else None
        previous_listing = index if result.kinds[index] == "listing" else None
    _choose_lines(blocks, result)
    return result


def _width(block: Block) -> int:
    return block.width if isinstance(block, Table) else 0


def _continues(blocks: list[Block], before: int, index: int) -> bool:
    """True when table ``index`` follows table ``before`` with nothing but short lines between (a table continued
    on the next page, as converters that write a table per page leave it)."""
    between = blocks[before + 1 : index]
    return all(isinstance(block, TextLine) and not is_prose(block.text) for block in between)


def _choose_lines(blocks: list[Block], result: Plan) -> None:
    """The blocks the form reader gets: form tables, their preambles, and the lines between a form's tables up to
    the next table that is not a form (or a line of prose). A title line (绩效目标表) opens a form of its own."""
    in_form = False
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            in_form = result.kinds.get(index) == "form"
            if in_form:
                result.read.add(index)
                result.read.update(result.preambles.get(index, []))
            continue
        assert isinstance(block, TextLine)
        if vocab.is_title(block.text):
            in_form = True
        if is_prose(block.text):
            in_form = False
        if in_form and not is_prose(block.text):
            result.read.add(index)
    # a listing's preamble is the listing's, not the next form's
    for index in result.listings:
        result.read.difference_update(result.preambles.get(index, []))
