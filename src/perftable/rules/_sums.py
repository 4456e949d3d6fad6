"""The budget sums B001, B002 and B003 check, each a list of :class:`~perftable.rules._budget.Comparison`: the
expenditure parts against their total, the funding sources against the total they fund, the allocation by budget
level against the expenditure. Worked out once per document and tolerance (:mod:`perftable.rules.facts`), as the
three rules and the step that looks for one amount behind several mismatches (:mod:`perftable.rules._cause`) all
read them."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from perftable import vocab
from perftable.model import BudgetLine, Document
from perftable.rules import _budget

SumsOf = Callable[[Document, Decimal | None], list[_budget.Comparison]]


def expenditure(doc: Document, tolerance: Decimal | None) -> list[_budget.Comparison]:
    """The sums B001 checks: 基本支出 + 项目支出 against the total, and each source split into its parts."""
    if doc.kind != "department":
        return []
    checks = [([_budget.line(doc, "basic"), _budget.line(doc, "project")], _budget.line(doc, "total"))]
    # a table that splits each source (财政拨款, 其他资金) into its 基本支出 and 项目支出: each source is its parts
    for source in _budget.SOURCE_KEYS:
        parts = [_budget.line(doc, f"{source}_basic"), _budget.line(doc, f"{source}_project")]
        if any(part is not None for part in parts):
            checks.append((parts, _budget.line(doc, source)))
    found = (_budget.compare(parts, whole, tolerance) for parts, whole in checks)
    return [comparison for comparison in found if comparison is not None]


def _department_sources(doc: Document) -> list[str]:
    if _budget.line(doc, "fiscal") is not None:
        return ["fiscal", "other_funds", "carryover", *_budget.INCOME_KEYS]
    # no 财政拨款 line: its parts (一般公共预算, 政府性基金, …) are the sources
    return [*(key for key in _budget.SOURCE_KEYS if key != "fiscal"), *_budget.INCOME_KEYS]


def _one_part_of(parts: list[BudgetLine | None]) -> bool:
    """A single source printed as a part (``其中：财政拨款``, ``含…``) with no other: the rest is not shown."""
    printed = [line for line in parts if line is not None and line.amount is not None]
    return len(printed) == 1 and vocab.is_part_label(printed[0].label)


def _sources(doc: Document, keys: list[str], unnamed: str) -> list[BudgetLine | None]:
    """The named sources of a group; when none is printed, its unnamed ones (key ``source``)."""
    named = [_budget.line(doc, key) for key in keys]
    if any(line is not None and line.amount is not None for line in named):
        return named
    return [line for line in doc.budget if line.key == unnamed]


def _beside(doc: Document, parts: list[BudgetLine | None], unnamed: str) -> list[BudgetLine | None] | None:
    """The group's sources with the unnamed ones printed beside the named (单位资金, 国有资本经营预算, 专项债券资金
    beside 一般公共预算), or None when there are none or they are what ``parts`` holds already. Such a line is a
    source of its own or a part of one (其中：中央财政资金 under 财政拨款): the label cannot say which."""
    others = [line for line in doc.budget if line.key == unnamed and line.amount is not None]
    if not others or any(line in parts for line in others):
        return None
    return [*parts, *others]


def _funding(
    doc: Document,
    parts: list[BudgetLine | None],
    unnamed: str,
    whole: BudgetLine | None,
    tolerance: Decimal | None,
    terms: tuple[_budget.Term, ...],
) -> _budget.Comparison | None:
    """A group of sources against its whole. When sources the vocabulary does not name stand beside named ones,
    the reading in which they are sources of their own is taken if the sum then holds (it is not reported), else
    the named ones alone are compared, as before (a part counted twice would not hold either)."""
    comparison = _budget.compare(parts, whole, tolerance, terms)
    wider = _beside(doc, parts, unnamed)
    if comparison is not None and comparison.mismatch and wider is not None:
        alternative = _budget.compare(wider, whole, tolerance, terms)
        if alternative is not None and not alternative.mismatch:
            return alternative
    return comparison


def funding(doc: Document, tolerance: Decimal | None) -> list[_budget.Comparison]:
    """The sums B002 checks: each group of sources against the total it funds."""
    groups: list[tuple[list[BudgetLine | None], str, BudgetLine | None, tuple[_budget.Term, ...]]]
    if doc.kind == "department":
        whole = _budget.department_whole(doc)
        terms = _budget.department_terms(doc)
        groups = [(_sources(doc, _department_sources(doc), "source"), "source", whole, terms)]
    else:
        groups = [
            (
                _sources(doc, ["fiscal", "carryover", "other_funds"], "source"),
                "source",
                _budget.line(doc, "annual_total"),
                (),
            ),
            (
                _sources(doc, ["total_fiscal", "total_other_funds"], "total_source"),
                "total_source",
                _budget.line(doc, "total"),
                (),
            ),
        ]
    found = (
        _funding(doc, parts, unnamed, whole, tolerance, terms)
        for parts, unnamed, whole, terms in groups
        if not _one_part_of(
            parts
        )  # 其中：财政拨款 alone: "of which" shows a part; B005 checks it is not more
    )
    return [comparison for comparison in found if comparison is not None]


def level(doc: Document, tolerance: Decimal | None) -> list[_budget.Comparison]:
    """The sum B003 checks: the allocation by level against the expenditure (or a project's annual amount)."""
    parts = [_budget.line(doc, "own_level"), _budget.line(doc, "transfer")]
    terms: tuple[_budget.Term, ...] = ()
    if doc.kind == "department":
        whole = _budget.department_whole(doc)
        terms = _budget.department_terms(doc)
    else:  # a project fund split into 市级支出 and 补助区县
        whole = _budget.line(doc, "annual_total") or _budget.line(doc, "total")
    comparison = _budget.compare(parts, whole, tolerance, terms)
    return [] if comparison is None else [comparison]


# The rule each sum belongs to.
SUMS: dict[str, SumsOf] = {"B001": expenditure, "B002": funding, "B003": level}
