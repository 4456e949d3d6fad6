"""U001 unit-mismatch: the unit in the name or the 计量单位 column contradicts the value's unit.

``社区康园中心个数(个)`` with ``21户``; 计量单位 ``%`` with ``28.8万元``. Units of one family are compatible: 人 and 名
agree; 元 and 万元 differ by a scale, which is worth a look (a 10,000-fold error) and is reported with the scale.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 社区康园中心个数(个) | 21个 |
    |  |  | 培训人数(人) | 448名 |

Failing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 社区康园中心个数(个) | 21户 |
    |  | 成本指标 | 人均补助(元) | ≤1.5万元 |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable.model import Document
from perftable.rules.base import Context, Problem
from perftable.units import unit_info

CODE = "U001"
NAME = "unit-mismatch"
SEVERITY = "warning"
GUIDANCE = "适当性：指标值清晰、可衡量（财预〔2015〕88号）"
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


def _base(unit: str) -> str:
    return unit.split("/")[0]


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    for indicator in doc.indicators:
        declared, actual = indicator.unit, indicator.target.unit
        if not declared or not actual or _base(declared) == actual:
            continue
        params = {"name": indicator.name, "declared": declared, "value": indicator.value, "actual": actual}
        a, b = unit_info(_base(declared)), unit_info(actual)
        if a is None or b is None or a.family != b.family:
            yield Problem(indicator.location, params, "mismatch")
        elif a.scale != b.scale:
            ratio = max(a.scale, b.scale) / min(a.scale, b.scale)
            yield Problem(indicator.location, {**params, "scale": f"{ratio.normalize():,f}"}, "scale")
