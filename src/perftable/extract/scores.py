"""Scores printed on scored forms: ``年度绩效目标(90分)``, ``绩效指标(权重分值90分,其中产出指标权重分值50分,…)``,
``成本指标(0-20)分``, ``产出指标（50分）``, ``预算执行 10分``. Collected into a :class:`~perftable.model.Scoring`."""

from __future__ import annotations

import re
from decimal import Decimal

from perftable import vocab
from perftable.grid import Cell
from perftable.model import ScoreRange, Scoring
from perftable.values.cleaning import label_key

_NUMBER = r"\d+(?:\.\d+)?"
_TOTAL = re.compile(
    rf"^(?:年度绩效目标|绩效指标|年度绩效指标|绩效目标|指标)\(?(?:权重)?(?:分值)?({_NUMBER})分"
)
_GROUP_IN_LABEL = re.compile(rf"(产出|效益|满意度|成本)指标(?:权重)?(?:分值)?({_NUMBER})分")
_RANGE = re.compile(rf"\(?(?<![\d.])({_NUMBER})(?:-({_NUMBER}))?\)?分?\)?$")
_BUDGET_EXECUTION = re.compile(rf"预算执行(?:率)?\(?({_NUMBER})分")


def _range(low: str, high: str | None) -> ScoreRange:
    return ScoreRange(low=Decimal(low), high=Decimal(high or low))


class ScoreCollector:
    """Accumulates the scores of one form as rows go by."""

    def __init__(self) -> None:
        self.scoring = Scoring()
        self.seen = False

    def _mark(self, cell: Cell) -> None:
        if not self.seen:
            self.scoring.location = cell.location()
        self.seen = True

    def label(self, cell: Cell) -> None:
        """A section label: ``年度绩效目标(90分)``, ``预算执行 10分``, or one listing the groups' weights."""
        key = label_key(cell.text)
        total = _TOTAL.match(key)
        if total and self.scoring.total is None:
            self.scoring.total = Decimal(total[1])
            self._mark(cell)
        for name, score in _GROUP_IN_LABEL.findall(key) if total else ():
            self.scoring.groups.setdefault(f"{name}指标", _range(score, None))
        execution = _BUDGET_EXECUTION.search(key)
        if execution and self.scoring.budget_execution is None:
            self.scoring.budget_execution = Decimal(execution[1])
            self._mark(cell)

    def level1(self, cell: Cell) -> None:
        """A level-1 cell that prints its range: ``成本指标(0-20)分``, ``产出指标（50分）``."""
        name = vocab.level1_name(cell.text)
        key = label_key(cell.text)
        if name is None or key == name or not key.endswith(("分", ")")):
            return
        match = _RANGE.search(key)
        if match and name not in self.scoring.groups:
            self.scoring.groups[name] = _range(match[1], match[2])
            self._mark(cell)

    def result(self) -> Scoring | None:
        return self.scoring if self.seen else None
