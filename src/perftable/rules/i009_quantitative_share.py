"""I009 quantitative-share: too few quantitative indicators.

Guidance asks for targets expressed quantitatively wherever possible (财预〔2011〕285号): by default a warning when
under half of the indicators state a number or a date (option ``min_share``), an error when none does.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 培训人数 | 200人 |
    | 效益指标 | 社会效益指标 | 就业能力 | 有所提高 |

Failing (no indicator is quantitative)::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 培训人数 | 较多 |
    | 效益指标 | 社会效益指标 | 就业能力 | 有所提高 |
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perftable.model import Document
from perftable.rules._indicators import where
from perftable.rules.base import Context, Option, Problem

CODE = "I009"
NAME = "quantitative-share"
SEVERITY = "warning"
INDICATOR_LAYOUTS = ("tree", "flat")  # a listing of goals prints no indicators
GUIDANCE = "适当性：能定量的尽量定量（财预〔2011〕285号）"
CRITERION = "适当性"
OPINIONS = ("not-quantified",)
OPTIONS = {
    "min_share": Option(
        Decimal,
        Decimal("0.5"),
        doc={
            "zh": "定量（写明数字或日期）的指标至少占多少比例，0 到 1",
            "en": "the least share of indicators that state a number or a date, 0 to 1",
        },
        minimum=Decimal(0),
        maximum=Decimal(1),
    )
}
SUMMARY = {"zh": "定量指标太少", "en": "too few quantitative indicators"}
MESSAGES = {
    "few": {
        "zh": "{total}个指标中只有{quantitative}个是定量的（{share}%），少于{minimum}%（财预〔2011〕285号：能定量的尽量定量）",
        "en": "only {quantitative} of {total} indicators are quantitative ({share}%), under {minimum}% "
        "(财预〔2011〕285号: express targets quantitatively wherever possible)",
    },
    "none": {
        "zh": "{total}个指标全部是定性的，没有一个可衡量的数值目标",
        "en": "all {total} indicators are qualitative: not one measurable target",
    },
}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    valued = [i for i in doc.indicators if i.value]
    if not valued:
        return
    quantitative = sum(1 for i in valued if i.target.is_quantitative)
    minimum: Decimal = ctx.options["min_share"]
    share = Decimal(quantitative) / Decimal(len(valued))
    params = {
        "total": len(valued),
        "quantitative": quantitative,
        "share": f"{share * 100:.0f}",
        "minimum": f"{minimum * 100:.0f}",
    }
    if quantitative == 0:
        yield Problem(where(doc), params, "none", severity="error")
    elif share < minimum:
        yield Problem(where(doc), params, "few")
