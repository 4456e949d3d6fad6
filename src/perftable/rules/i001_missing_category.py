"""I001 missing-category: a required level-1 category has no indicator.

Option ``categories`` says which level-1 categories a table needs: 产出指标, 效益指标 and 满意度指标 everywhere, and
成本指标 as a level-1 in the central 2021 forms (profile ``central-2021`` sets it). Satisfaction indicators placed
under 效益指标 (older local forms) count for 满意度指标 (I005 reports the placement). Option ``required`` overrides
``categories``.

A missing 产出指标 or 效益指标 is an error: every guidance makes them the core of a target. A missing 满意度指标 or
成本指标 is a warning (unless option ``required`` names it: then it is an error): tables published after review
leave them out where the project has no service recipient or no cost to state (a fifth of the projects in the
Beijing 预算表12 listings of the real corpus print no 满意度指标), so a reviewer should ask, not reject.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 培训人数 | 200人 |
    | 效益指标 | 社会效益指标 | 就业能力 | 有所提高 |
    | 满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% |

Failing (no 满意度指标)::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 培训人数 | 200人 |
    | 效益指标 | 社会效益指标 | 就业能力 | 有所提高 |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable.model import Document
from perftable.rules._indicators import SATISFACTION_LEVEL2, where
from perftable.rules.base import Context, Option, Problem

CODE = "I001"
NAME = "missing-category"
SEVERITY = "error"
INDICATOR_LAYOUTS = ("tree",)  # a flat list prints no categories; a listing of goals no indicators
GUIDANCE = "完整性：产出、效益、满意度（及成本）指标齐全（财预〔2015〕88号；财预〔2021〕101号）"
CRITERION = "完整性"
OPINIONS = ("add-indicators", "incomplete")
OPTIONS = {
    "categories": Option(
        tuple[str, ...],
        ("产出指标", "效益指标", "满意度指标"),
        doc={
            "zh": "表必须具备的一级指标（profile 设定）；缺少产出指标、效益指标为错误，缺少其他为警告",
            "en": "the level-1 categories a table needs (a profile sets them); a missing 产出指标 or 效益指标 is an "
            "error, another a warning",
        },
    ),
    "required": Option(
        tuple[str, ...],
        None,
        doc={
            "zh": "配置要求的一级指标，取代 categories；缺少任何一个都是错误",
            "en": "the level-1 categories the configuration requires, instead of categories; each missing one is "
            "an error",
        },
    ),
}
SUMMARY = {"zh": "缺少必需的一级指标", "en": "a required level-1 category is missing"}
MESSAGES = {
    "default": {
        "zh": "缺少一级指标「{category}」（{profile}要求：{required}）",
        "en": "no indicator under the level-1 「{category}」 (profile {profile} requires: {required})",
    }
}


CORE = frozenset({"产出指标", "效益指标"})  # always an error when missing


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    chosen: tuple[str, ...] | None = ctx.options["required"]
    required: tuple[str, ...] = chosen or ctx.options["categories"]
    present = {indicator.level1 for indicator in doc.indicators}
    if any(indicator.level2 in SATISFACTION_LEVEL2 for indicator in doc.indicators):
        present.add("满意度指标")
    for category in required:
        if category not in present:
            yield Problem(
                where(doc),
                {"category": category, "profile": ctx.profile, "required": "、".join(required)},
                severity=None if chosen or category in CORE else "warning",
            )
