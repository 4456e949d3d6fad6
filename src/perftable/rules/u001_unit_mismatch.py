"""U001 unit-mismatch: the unit in the name or the 计量单位 column contradicts the value's unit.

``社区康园中心个数(个)`` with ``21户``; 计量单位 ``%`` with ``28.8万元``; ``培训人次(人次)`` with ``200人``. Only units
of different families (dimensions) contradict each other: 人 and 名, 公里 and 千米 agree, and so do 元 and 万元 -
but these differ by a scale, which is worth a look (a 10,000-fold error) and is noted (info) with the scale. A
denominator is compared too: ``(元/亩)`` with ``600元/户`` contradicts. Units perftable does not know are left to U006.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 社区康园中心个数(个) | 21个 |
    |  |  | 培训人数(人) | 448名 |
    |  |  | 道路长度(公里) | 100千米 |

Failing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 社区康园中心个数(个) | 21户 |
    |  | 成本指标 | 人均补助(元) | ≤1.5万元 |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable.model import Document, Indicator
from perftable.rules._indicators import declared_units, shown
from perftable.rules.base import Context, Problem
from perftable.values.units import UnitInfo, unit_info

CODE = "U001"
NAME = "unit-mismatch"
SEVERITY = "warning"
GUIDANCE = "适当性：指标值清晰、可衡量（财预〔2015〕88号）"
CRITERION = "适当性"
OPINIONS = ("value-mismatch",)
SUMMARY = {
    "zh": "名称或计量单位列中的单位与指标值的单位不一致",
    "en": "the unit of the name or 计量单位 contradicts the value",
}
MESSAGES = {
    "mismatch": {
        "zh": "「{name}」的单位是「{declared}」，指标值「{value}」的单位却是「{actual}」",
        "en": "「{name}」 is measured in 「{declared}」 but its value 「{value}」 is in 「{actual}」",
    },
    "scale": {
        "zh": "「{name}」的单位是「{declared}」，指标值「{value}」用的是「{actual}」，两者相差 {scale} 倍",
        "en": "「{name}」 is measured in 「{declared}」 but its value 「{value}」 is in 「{actual}」, {scale} times apart",
    },
}


def _families_differ(a: UnitInfo | None, b: UnitInfo | None) -> bool:
    return a is not None and b is not None and a.family != b.family


def _per_contradicts(indicator: Indicator) -> bool:
    declared = declared_units(indicator)[1]
    actual = indicator.target.per
    if not declared or not actual:
        return False
    return _families_differ(unit_info(declared), unit_info(actual.split("·")[0]))


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    for indicator in doc.indicators:
        declared, actual = declared_units(indicator)[0], indicator.target.unit
        if not declared or not actual:
            continue
        a, b = unit_info(declared), unit_info(actual)
        printed = f"{actual}/{indicator.target.per}" if indicator.target.per else actual
        params = {
            "name": indicator.name,
            "declared": indicator.unit,
            "value": shown(indicator),
            "actual": printed,
        }
        if _families_differ(a, b) or _per_contradicts(indicator):
            yield Problem(indicator.location, params, "mismatch")
        elif a is not None and b is not None and a.scale != b.scale:
            ratio = max(a.scale, b.scale) / min(a.scale, b.scale)
            scale = f"{ratio.normalize():,f}"
            yield Problem(indicator.location, {**params, "scale": scale}, "scale", severity="info")
