"""I003 empty-value: an indicator without a value.

A value lost in conversion (or never filled in) stays empty in the model; the 预算管理一体化 system refuses to save
such a table.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% |

Failing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 满意度指标 | 服务对象满意度指标 | 学员满意度 |  |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable.model import Document
from perftable.rules.base import Context, Problem

CODE = "I003"
NAME = "empty-value"
SEVERITY = "error"
GUIDANCE = "完整性；预算管理一体化系统校验：指标值不得为空"
CRITERION = "完整性"
OPINIONS = ("incomplete",)
SUMMARY = {"zh": "指标值为空", "en": "an indicator has no value"}
MESSAGES = {
    "default": {
        "zh": "指标「{name}」（{level1} > {level2}）没有指标值",
        "en": "the indicator 「{name}」 ({level1} > {level2}) has no value",
    }
}
HINTS = {
    "default": {
        "zh": "填写指标值；若是从 PDF 转换而来，请对照原件",
        "en": "fill in the value; if converted from a PDF, check the original",
    }
}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    for indicator in doc.indicators:
        if not indicator.value.strip() and indicator.name:
            yield Problem(
                indicator.location,
                {
                    "name": indicator.name,
                    "level1": indicator.level1 or "?",
                    "level2": indicator.level2 or "?",
                },
            )
