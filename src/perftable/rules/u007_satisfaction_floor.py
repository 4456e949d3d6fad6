"""U007 satisfaction-floor: a satisfaction target below a credible floor, or a promise of exactly 100%.

A satisfaction target under 80% (option ``floor``) plans for one in five beneficiaries to be dissatisfied; ``=100%``
promises what no survey can verify (reported as info). A change (``提高5个百分点``) is not a level and is not
checked here.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |

Failing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥60% |
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perftable.model import Document
from perftable.rules._indicators import is_percent, is_satisfaction, shown
from perftable.rules.base import Context, Option, Problem

CODE = "U007"
NAME = "satisfaction-floor"
SEVERITY = "warning"
GUIDANCE = "适当性：满意度目标合理可核实（财预〔2021〕101号）"
CRITERION = "适当性"
OPINIONS = ("unreasonable-target",)
OPTIONS = {
    "floor": Option(
        Decimal,
        Decimal(80),
        doc={
            "zh": "满意度目标（%）不应低于此值",
            "en": "the lowest satisfaction target (%) that is not reported",
        },
        minimum=Decimal(0),
        maximum=Decimal(100),
    )
}
SUMMARY = {"zh": "满意度目标过低，或承诺 100%", "en": "a satisfaction target below the floor, or =100%"}
MESSAGES = {
    "low": {
        "zh": "满意度指标「{name}」的目标「{value}」低于{floor}%",
        "en": "the satisfaction target 「{value}」 of 「{name}」 is below {floor}%",
    },
    "hundred": {
        "zh": "满意度指标「{name}」承诺「{value}」，这是无法核实的目标",
        "en": "the satisfaction target 「{value}」 of 「{name}」 promises what cannot be verified",
    },
}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    floor: Decimal = ctx.options["floor"]
    for indicator in doc.indicators:
        target = indicator.target
        if (
            not is_satisfaction(indicator)
            or target.number is None
            or target.change
            or not is_percent(indicator)
        ):
            continue
        params = {"name": indicator.name, "value": shown(indicator), "floor": f"{floor.normalize():f}"}
        if target.comparator == "=" and target.number == 100:
            yield Problem(indicator.location, params, "hundred", severity="info")
        elif target.comparator in (None, "≥", ">", "=", "≈") and target.number < floor:
            yield Problem(indicator.location, params, "low")
