"""I006 placeholder-value: a value that is a template placeholder or says nothing.

``xx``, ``**``, ``≥**%``, ``待定``, ``详见附件``, ``—``: the template was not filled in.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 质量指标 | 验收合格率 | ≥95% |

Failing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 质量指标 | 验收合格率 | ≥**% |
    |  | 数量指标 | 培训人数 | 待定 |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable.model import Document
from perftable.rules._indicators import is_placeholder
from perftable.rules.base import Context, Problem

CODE = "I006"
NAME = "placeholder-value"
SEVERITY = "warning"
GUIDANCE = "完整性：指标值须填写实际目标（财预〔2015〕88号）"
CRITERION = "完整性"
OPINIONS = ("not-quantified",)
SUMMARY = {"zh": "指标值为占位符或无实际含义", "en": "a value is a placeholder or empty of meaning"}
MESSAGES = {
    "default": {
        "zh": "指标「{name}」的指标值「{value}」是占位符，未填写实际目标",
        "en": "the value 「{value}」 of 「{name}」 is a placeholder, not a target",
    }
}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    for indicator in doc.indicators:
        if indicator.value and is_placeholder(indicator.value):
            yield Problem(indicator.location, {"name": indicator.name, "value": indicator.value})
