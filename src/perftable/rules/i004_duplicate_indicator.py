"""I004 duplicate-indicator: the same indicator twice under the same level-1 and level-2.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 培训人数 | 200人 |
    |  |  | 培训场次 | 10场 |

Failing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 培训人数 | 200人 |
    |  |  | 培训人数 | 250人 |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable import vocab
from perftable.model import Document, Location
from perftable.rules.base import Context, Problem
from perftable.values.cleaning import label_key

CODE = "I004"
NAME = "duplicate-indicator"
SEVERITY = "warning"
GUIDANCE = "适当性：指标不重复（财预〔2015〕88号）"
CRITERION = "适当性"
OPINIONS = ("duplicate",)
SUMMARY = {"zh": "同一指标在同一上级指标下出现两次", "en": "the same indicator twice under the same parents"}
MESSAGES = {
    "default": {
        "zh": "指标「{name}」在 {level1} > {level2} 下重复出现（首次出现于 {first}）",
        "en": "the indicator 「{name}」 appears twice under {level1} > {level2} (first at {first})",
    }
}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    seen: dict[tuple[str, str, str, str], Location] = {}
    for indicator in doc.indicators:
        if not indicator.name:
            continue
        # the same indicator under another activity (活动) of a department table is another indicator
        activity = next(
            (text for header, text in indicator.info.items() if vocab.header(header).role == "activity"), ""
        )
        key = (indicator.level1, indicator.level2, label_key(indicator.name), activity)
        if key in seen:
            first = seen[key]
            yield Problem(
                indicator.location,
                {
                    "name": indicator.name,
                    "level1": indicator.level1,
                    "level2": indicator.level2,
                    "first": first.cell or f"{first.line or first.row}",
                },
            )
        else:
            seen[key] = indicator.location
