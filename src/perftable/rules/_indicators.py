"""Shared views of indicators for the I, U and X rules."""

from __future__ import annotations

import re
from collections.abc import Iterable

from perftable.model import Document, Indicator, Location, Target
from perftable.values.units import normalise_unit, unit_info

SATISFACTION_LEVEL2 = frozenset({"服务对象满意度指标", "社会公众满意度指标"})
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


def shown(indicator: Indicator) -> str:
    """The value as a message quotes it: with the comparator and the unit the table prints in columns of their own
    (``≥`` | ``95`` | ``%`` reads ``≥95%``), as the value cell alone would mislead."""
    value = indicator.value
    if indicator.comparator_source == "column" and indicator.target.comparator:
        value = indicator.target.comparator + value
    unit = indicator.unit
    if (
        unit
        and value
        and indicator.target.number is not None
        and not value.endswith(unit)
        and unit not in indicator.name
    ):
        value += unit
    return value


def is_placeholder(value: str) -> bool:
    """``xx``, ``**``, ``≥**%``, ``待定``, ``详见…``, ``—``: a value left as the template's placeholder."""
    return bool(_PLACEHOLDER.search(value.strip()))


# A name that prices one unit of something: 人均成本, 亩均投入, 每户补助; or says so without the unit: 单价, 补助标准.
_PER_UNIT_NAME = re.compile(
    r"(?P<unit>[人户亩车台套件床])均|每(?P<each>[人户亩个名件台套次场所村校家床辆座])"
)
_PER_UNIT_WORDS = re.compile(r"平均|单价|单位成本|单位造价|标准(?!化)")


def declared_units(indicator: Indicator) -> tuple[str | None, str | None]:
    """The unit the name or the 计量单位 column declares, split into its own unit and its denominator:
    ``人均成本(元/人)`` -> ``("元", "人")``."""
    if not indicator.unit:
        return None, None
    base, _, per = indicator.unit.partition("/")
    return base or None, (normalise_unit(per) if per else None)


def effective_unit(indicator: Indicator) -> str | None:
    """The value's own unit, else the unit of the name or the 计量单位 column (without its denominator)."""
    return indicator.target.unit or declared_units(indicator)[0]


def per_unit_of_name(name: str) -> str | None:
    """The unit a name prices one of: ``人均培训费`` -> ``人``, ``每户补助`` -> ``户``."""
    match = _PER_UNIT_NAME.search(name)
    return (match["unit"] or match["each"]) if match else None


def effective_target(indicator: Indicator) -> Target:
    """The value's target, with the unit and the denominator the name or the 计量单位 column gives when the value
    does not print them: ``人均成本(元/人)`` with ``≤500`` is ≤500 元 per 人. Several rules ask for every
    indicator's: they read it from :attr:`perftable.rules.facts.Facts.targets`, worked out once per document."""
    target = indicator.target
    if target.number is None:
        return target
    base, per = declared_units(indicator)
    per = per or per_unit_of_name(indicator.name)
    update: dict[str, str] = {}
    if target.unit is None and base:
        update["unit"] = base
    if target.per is None and per:
        update["per"] = per
    return target.model_copy(update=update) if update else target


def is_per_unit(indicator: Indicator, target: Target | None = None) -> bool:
    """True for a unit cost or rate (``600元/户``, ``人均成本(元/人)``, ``补助标准``), not a total (``target``: the
    indicator's effective target, when known)."""
    effective = target if target is not None else effective_target(indicator)
    return effective.per is not None or bool(_PER_UNIT_WORDS.search(indicator.name))


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
