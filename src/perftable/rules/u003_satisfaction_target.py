"""U003 satisfaction-target: a satisfaction indicator whose target is not a percentage, or not "≥".

Satisfaction is measured as a share of respondents: ``≥90%``. A bare ``≥90`` (no % in the value, the name or the
计量单位 column), or ``90%`` / ``≤90%``, is reported, and the message says how to write it (``≥90%``; a share
written as a fraction, ``≥0.9``, as ``≥90%``; a score on a printed scale, ``≥4.5分（5分制）``, as its share
``≥90%``; a small score whose scale is not printed, ``≥4.5分``, with no figure). A range (``90%-95%``, ``≥90%且≤100%``) sets a floor and is not.
Qualitative values are left to I007.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 满意度指标 | 服务对象满意度指标 | 受益人员满意度(%) | ≥90 |

Failing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 满意度指标 | 服务对象满意度指标 | 受益人员满意度 | ≥90 |
    |  |  | 家长满意度 | 90% |
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from perftable.model import Document, Indicator
from perftable.rules._indicators import is_percent, is_satisfaction, shown
from perftable.rules.base import Context, Problem

CODE = "U003"
NAME = "satisfaction-target"
SEVERITY = "warning"
GUIDANCE = "适当性：满意度以百分比、下限值表述（财预〔2021〕101号）"
CRITERION = "适当性"
OPINIONS = ("value-mismatch",)
SUMMARY = {"zh": "满意度指标不是“≥百分比”形式", "en": "a satisfaction target is not a percentage with ≥"}
MESSAGES = {
    "not-percent": {
        "zh": "满意度指标「{name}」的指标值「{value}」不是百分比，应写作「{suggested}」",
        "en": "the satisfaction target 「{value}」 of 「{name}」 is not a percentage: write it 「{suggested}」",
    },
    "score": {
        "zh": "满意度指标「{name}」的指标值「{value}」是分值，不是百分比：请写作满意的受访者所占比例（如「≥90%」）",
        "en": "the satisfaction target 「{value}」 of 「{name}」 is a score, not a percentage: write the share of "
        "satisfied respondents (such as 「≥90%」)",
    },
    "comparator": {
        "zh": "满意度指标「{name}」的指标值「{value}」应写作“≥”目标「{suggested}」",
        "en": "the satisfaction target 「{value}」 of 「{name}」 should be a ≥ target: write it 「{suggested}」",
    },
}


# A score on a scale: 5分制, 十分制, 百分制 (the scale's top, as printed).
_SCALE = re.compile(r"(?<!\d)(?P<top>\d{1,3}|[五十百])分制")
_SCALE_WORDS = {"五": 5, "十": 10, "百": 100}
_SCORE_TOP = 10  # a score in 分 with no scale printed: up to this, the scale is not known (5 or 10 points)


def _suggested(indicator: Indicator) -> str | None:
    """How to write the target: ``≥90%`` for ``≥90`` or ``90%``; a share written as a fraction (``≥0.9``) in
    percent; a score on a printed scale as its share of the top (``≥4.5分（5分制）`` -> ``≥90%``). None for a small
    score whose scale is not printed (``≥4.5分``): what share it is cannot be known."""
    number = indicator.target.number or Decimal(0)
    text = f"{indicator.value} {indicator.unit or ''} {indicator.name}"
    if (scale := _SCALE.search(text)) is not None:
        top = Decimal(_SCALE_WORDS.get(scale["top"]) or scale["top"])
        return f"≥{(number * 100 / top).normalize():f}%" if top else None
    if "分" in (indicator.target.unit or "") and number <= _SCORE_TOP:
        return None
    if not is_percent(indicator) and 0 < number <= 1:
        number = (number * 100).normalize()
    return f"≥{number:f}%"


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    for indicator in doc.indicators:
        if not is_satisfaction(indicator) or indicator.target.number is None:
            continue
        if "满意" not in indicator.name:  # 投诉率 under 满意度指标: not a satisfaction level
            continue
        suggested = _suggested(indicator)
        params = {"name": indicator.name, "value": shown(indicator), "suggested": suggested or ""}
        if not is_percent(indicator):
            yield Problem(indicator.location, params, "not-percent" if suggested else "score")
        elif indicator.target.comparator not in ("≥", ">") and indicator.target.number_max is None:
            yield Problem(indicator.location, params, "comparator")
