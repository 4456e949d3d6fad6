"""I010 input-as-target: an input used as an output or outcome target.

资金到位率, 预算执行率, 资金拨付 … measure whether money arrived or was spent, not what it achieved; placed under
产出指标 or 效益指标 they stand in for a real target. (Budget execution belongs to the 预算执行 block, scored apart.)
Money paid out to people or firms (补贴资金拨付时间, 救助资金发放率) is what a subsidy project delivers and is not
reported. Option ``words``.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 时效指标 | 项目完成时间 | 2024年12月31日前 |

Failing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 时效指标 | 资金到位率 | 100% |
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from perftable.model import Document
from perftable.rules.base import Context, Option, Problem

CODE = "I010"
NAME = "input-as-target"
SEVERITY = "warning"
GUIDANCE = "相关性：指标反映产出和效果而非投入（财预〔2015〕88号）"
CRITERION = "相关性"
OPINIONS = ("irrelevant",)
WORDS = ("资金到位率", "资金到位", "预算执行率", "预算执行", "资金拨付", "拨付率", "资金使用率", "支出进度", "执行进度",
         "资金支付率", "资金支出率")  # fmt: skip
OPTIONS = {
    "words": Option(
        tuple[str, ...],
        WORDS,
        doc={
            "zh": "表示资金投入的指标名称词语",
            "en": "words of names that measure money put in, not results",
        },
    )
}
SUMMARY = {"zh": "把资金投入当作绩效目标", "en": "an input used as a target"}
MESSAGES = {
    "default": {
        "zh": "「{name}」衡量的是资金投入（{word}），不是{level1}；请改用反映产出或效果的指标",
        "en": "「{name}」 measures an input ({word}), not an {level1} target; use an indicator of what the money achieves",
    }
}


# Money paid to people or firms is what a subsidy project delivers: 补贴资金拨付时间 is its output, not an input.
_SUBSIDY = re.compile(r"补贴|补助|救助|资助|奖励|抚恤|津贴")


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    words: tuple[str, ...] = ctx.options["words"]
    for indicator in doc.indicators:
        if indicator.level1 not in ("产出指标", "效益指标"):
            continue
        word = next((w for w in words if w in indicator.name), None)
        if word and not _SUBSIDY.search(indicator.name):
            yield Problem(
                indicator.location, {"name": indicator.name, "word": word, "level1": indicator.level1}
            )
