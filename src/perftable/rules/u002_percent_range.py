"""U002 percent-range: a percentage that cannot exceed 100 does.

满意度, 合格率, 覆盖率, 达标率, 完成率, 知晓率 … are at most 100% (and never negative). Growth rates (增长率) may
exceed 100 and are not checked, nor are changes (``提高5%``). Option ``words`` lists the capped words.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 质量指标 | 验收合格率 | ≥95% |

Failing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 质量指标 | 验收合格率 | 292% |
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perftable.model import Document
from perftable.rules._indicators import is_percent, is_satisfaction, shown
from perftable.rules.base import Context, Option, Problem

CODE = "U002"
NAME = "percent-range"
SEVERITY = "error"
GUIDANCE = "适当性：指标值合理可行（财预〔2015〕88号）"
CRITERION = "适当性"
OPINIONS = ("unreasonable-target",)
CAPPED = (
    "满意度", "满意率", "合格率", "覆盖率", "达标率", "完成率", "知晓率", "及时率", "到位率", "执行率", "使用率",
    "入学率", "参保率", "占比", "比例", "正确率", "准确率", "出勤率", "通过率", "办结率", "受理率", "完好率", "有效率",
)  # fmt: skip
OPTIONS = {
    "words": Option(
        tuple[str, ...],
        CAPPED,
        doc={
            "zh": "不能超过 100% 的指标名称词语",
            "en": "words of names whose percentage cannot exceed 100%",
        },
    )
}
SUMMARY = {
    "zh": "不能超过 100% 的百分比超出了 0–100",
    "en": "a percentage that cannot exceed 100 is out of 0–100",
}
MESSAGES = {
    "default": {
        "zh": "「{name}」的指标值「{value}」超出 0–100%",
        "en": "the value 「{value}」 of 「{name}」 is outside 0–100%",
    }
}
HUNDRED = Decimal(100)


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    words: tuple[str, ...] = ctx.options["words"]
    for indicator in doc.indicators:
        target = indicator.target
        if target.number is None or target.change or not is_percent(indicator):
            continue
        if not (is_satisfaction(indicator) or any(word in indicator.name for word in words)):
            continue
        high = max(target.number, target.number_max or target.number)
        if high > HUNDRED or target.number < 0:
            yield Problem(indicator.location, {"name": indicator.name, "value": shown(indicator)})
