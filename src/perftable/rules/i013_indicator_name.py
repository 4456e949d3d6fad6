"""I013 indicator-name: an indicator name that is empty, over 100 characters, held a line break or stray spaces, or
is only a dash.

The 预算管理一体化 system rejects such names, and reviewers cannot read them. An empty name (a value printed in a
row whose 三级指标 cell is blank) leaves the value measuring nothing a reader can tell. (The model holds the name with
breaks joined and spaces removed; the reader's repair at that cell says what the source held.)

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 培训人数 | 200人 |

Failing (a dash for a name; stray spaces; no name)::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | — | 200人 |
    |  |  | 培训 场次 | 10场 |
    |  | 质量指标 |  | ≥95% |
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from perftable.model import Document
from perftable.rules.base import Context, Option, Problem

CODE = "I013"
NAME = "indicator-name"
SEVERITY = "warning"
GUIDANCE = "预算管理一体化系统校验：指标名称长度与格式"
CRITERION = "完整性"
OPINIONS = ("unclear",)
OPTIONS = {
    "max_length": Option(
        int,
        100,
        doc={"zh": "指标名称最多多少个字", "en": "the most characters an indicator's name may have"},
        minimum=Decimal(1),
    )
}
SUMMARY = {
    "zh": "指标名称为空、过长、含换行或多余空格，或只是一个横线",
    "en": "an indicator name that is empty, too long, broken, spaced or a dash",
}
MESSAGES = {
    "empty": {
        "zh": "「{level2}」下有一个指标没有名称（指标值「{value}」）：三级指标不能为空",
        "en": "an indicator under 「{level2}」 has no name (value 「{value}」): the 三级指标 must not be empty",
    },
    "long": {
        "zh": "指标名称有{length}个字符，超过{limit}个：「{short}」",
        "en": "the indicator name has {length} characters, more than {limit}: 「{short}」",
    },
    "broken": {
        "zh": "指标名称「{name}」原文中含有换行",
        "en": "the indicator name 「{name}」 holds a line break in the source",
    },
    "spaces": {
        "zh": "指标名称「{name}」原文中含有多余空格",
        "en": "the indicator name 「{name}」 holds stray spaces in the source",
    },
    "dash": {"zh": "指标名称只是「{name}」，没有内容", "en": "the indicator name is only 「{name}」"},
}
_DASH = re.compile(r"^[-—－–―/／\\.。…]+$")
_KINDS = {"joined-lines": "broken", "stray-spaces": "spaces"}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    limit: int = ctx.options["max_length"]
    repaired = {(r.location.sort_key(), _KINDS[r.kind]) for r in doc.warnings if r.kind in _KINDS}
    for indicator in doc.indicators:
        name = indicator.name
        if not name:
            level2 = indicator.level2 or indicator.level1 or "-"
            yield Problem(indicator.location, {"level2": level2, "value": indicator.value}, "empty")
            continue
        if _DASH.match(name):
            yield Problem(indicator.location, {"name": name}, "dash")
        elif len(name) > limit:
            yield Problem(
                indicator.location, {"length": len(name), "limit": limit, "short": name[:30] + "…"}, "long"
            )
        for variant in ("broken", "spaces"):
            if (indicator.location.sort_key(), variant) in repaired:
                yield Problem(indicator.location, {"name": name}, variant)
