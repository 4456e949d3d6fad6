"""Shared views of indicators for the I, U and X rules."""

from __future__ import annotations

import re
from collections.abc import Iterable

from perftable.model import Document, Indicator, Location
from perftable.units import unit_info

SATISFACTION_LEVEL2 = frozenset({"服务对象满意度指标", "社会公众满意度指标"})
QUANTITATIVE_LEVEL2 = frozenset({"数量指标", "质量指标", "成本指标", "经济成本指标"})
_PLACEHOLDER = re.compile(
    r"\*\*|[xX×]{2}|^[-—－/／\\.。…]+$|^(待定|待补充|待填|略|暂无|详见.*|见附件.*|参见.*)$"
)


def is_satisfaction(indicator: Indicator) -> bool:
    return (
        indicator.level1 == "满意度指标"
        or indicator.level2 in SATISFACTION_LEVEL2
        or "满意度" in indicator.name
        or "满意率" in indicator.name
    )


def is_placeholder(value: str) -> bool:
    """``xx``, ``**``, ``≥**%``, ``待定``, ``详见…``, ``—``: a value left as the template's placeholder."""
    return bool(_PLACEHOLDER.search(value.strip()))


def effective_unit(indicator: Indicator) -> str | None:
    """The value's own unit, else the unit of the name or the 计量单位 column."""
    return indicator.target.unit or indicator.unit


def is_percent(indicator: Indicator) -> bool:
    return effective_unit(indicator) in ("%", "‰")


def is_money(unit: str | None) -> bool:
    info = unit_info(unit) if unit else None
    return info is not None and info.family == "money"


def where(doc: Document, key: str = "indicators") -> Location:
    """Where a finding about the document as a whole points: a section's header, else the table's start."""
    return doc.locations.get(key, doc.source)


def first_of(indicators: Iterable[Indicator]) -> Indicator | None:
    return next(iter(indicators), None)
