"""I002 missing-output-level2: 产出指标 lacks a level-2 the profile requires.

Option ``required``: by default 数量指标, 质量指标, 时效指标 and 成本指标 (profile ``central-2021``: the first three);
成本指标 may sit under 产出指标 or be a level-1 of its own. Nothing is reported when the table has no 产出指标 at all
(I001 reports that), nor when it prints no level-2 categories at all (a form of two levels, 一级指标 | 指标名称 |
指标值: it has no level-2 to miss).

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 培训人数 | 200人 |
    |  | 质量指标 | 合格率 | ≥95% |
    |  | 时效指标 | 完成时间 | 2024年12月31日前 |
    |  | 成本指标 | 人均培训费 | ≤500元/人 |

Failing (no 时效指标, no 成本指标)::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 培训人数 | 200人 |
    |  | 质量指标 | 合格率 | ≥95% |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable.model import Document
from perftable.rules._indicators import first_of, where
from perftable.rules.base import Context, Option, Problem

CODE = "I002"
NAME = "missing-output-level2"
SEVERITY = "warning"
INDICATOR_LAYOUTS = ("tree",)  # a flat list prints no categories; a listing of goals no indicators
GUIDANCE = "完整性：产出指标含数量、质量、时效、成本（财预〔2015〕88号）"
CRITERION = "完整性"
OPINIONS = ("incomplete",)
OPTIONS = {
    "required": Option(
        tuple[str, ...],
        ("数量指标", "质量指标", "时效指标", "成本指标"),
        doc={"zh": "产出指标下必须具备的二级指标", "en": "the level-2 categories 产出指标 needs"},
    )
}
SUMMARY = {"zh": "产出指标缺少必需的二级指标", "en": "产出指标 lacks a required level-2"}
MESSAGES = {
    "default": {
        "zh": "产出指标下缺少二级指标「{level2}」",
        "en": "产出指标 has no level-2 「{level2}」",
    }
}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    outputs = [indicator for indicator in doc.indicators if indicator.level1 == "产出指标"]
    first = first_of(outputs)
    if first is None or not any(indicator.level2 for indicator in doc.indicators):
        return
    present = {indicator.level2 for indicator in outputs}
    if any(indicator.level1 == "成本指标" for indicator in doc.indicators):
        present.add("成本指标")
    required: tuple[str, ...] = ctx.options["required"]
    for level2 in required:
        if level2 not in present:
            yield Problem(where(doc), {"level2": level2})
