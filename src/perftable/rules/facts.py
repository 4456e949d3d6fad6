"""What several rules need of one document, worked out the first time a rule asks and kept for the others.

The engine makes one :class:`Facts` per document and gives it to every rule that checks that document; nothing
outlives it (no cache keyed by ``id()``, no module-level state). Each fact is typed, and computed from the document
and the option it depends on (the tolerance of the budget sums, the similarity threshold of the cost links), so
two rules configured alike share it and two configured apart do not. A rule reads facts; it never learns which
other rules run.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import cached_property

from perftable.model import Document, Indicator, Target
from perftable.rules import _cause, _links
from perftable.rules._budget import Comparison
from perftable.rules._indicators import effective_target
from perftable.rules._sums import SUMS


class Facts:
    """The facts of one document. ``reported`` holds the codes the run reports, for the one fact that names other
    findings (B001–B003 say which of them may share a cause: only those reported); None: every code."""

    def __init__(self, document: Document, reported: frozenset[str] | None = None) -> None:
        self.document = document
        self.reported = reported
        self._sums: dict[Decimal | None, Mapping[str, tuple[Comparison, ...]]] = {}
        self._causes: dict[Decimal | None, _cause.SharedCause] = {}
        self._links: dict[float, tuple[_links.CostLink, ...]] = {}

    @cached_property
    def targets(self) -> tuple[tuple[Indicator, Target], ...]:
        """Every indicator with its effective target (the unit and the denominator of the name or the 计量单位
        column added: ``人均成本(元/人)`` with ``≤500`` is ≤500 元 per 人), in the table's order; X001, X002 and
        B008 read them."""
        return tuple((indicator, effective_target(indicator)) for indicator in self.document.indicators)

    def budget_sums(self, tolerance: Decimal | None) -> Mapping[str, tuple[Comparison, ...]]:
        """The sums B001, B002 and B003 check, by code (``tolerance``: the option; None: from the printed
        precision)."""
        if tolerance not in self._sums:
            self._sums[tolerance] = {
                code: tuple(sums(self.document, tolerance)) for code, sums in SUMS.items()
            }
        return self._sums[tolerance]

    def shared_cause(self, tolerance: Decimal | None) -> _cause.SharedCause:
        """The amounts whose change alone would make every mismatching sum of the reported B001–B003 hold."""
        if tolerance not in self._causes:
            sums = self.budget_sums(tolerance)
            reported = [
                (code, comparison)
                for code, comparisons in sums.items()
                if self.reported is None or code in self.reported
                for comparison in comparisons
            ]
            self._causes[tolerance] = _cause.causes(reported)
        return self._causes[tolerance]

    def cost_links(self, threshold: float) -> tuple[_links.CostLink, ...]:
        """Unit costs (caps included) linked to their quantity and their task by names at least ``threshold``
        alike; X001 and B008 follow them."""
        if threshold not in self._links:
            self._links[threshold] = tuple(_links.find(self.document, self.targets, threshold))
        return self._links[threshold]
