"""P003 risky-repair: a repair the reader made that could change the meaning.

A row whose cells shifted in conversion realigned by what its cells hold, a level-1 inferred from its level-2, a
task section decided by numbering where the label said otherwise. The model is perftable's best reading: look at
that place in the source.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 培训人数 | 200人 |

Failing (the level-1 is missing and inferred from the level-2)::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    |  | 数量指标 | 培训人数 | 200人 |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable.messages import MESSAGES as REPAIRS
from perftable.messages import REPAIR_CODES
from perftable.model import Document
from perftable.rules.base import Context, Problem

CODE = "P003"
NAME = "risky-repair"
SEVERITY = "warning"
GUIDANCE = "读取：可能改变含义的修复，需对照原件"
CRITERION = None
OPINIONS = ()
SUMMARY = {
    "zh": "读取时做了可能改变含义的修复",
    "en": "the reader made a repair that could change the meaning",
}
KINDS = tuple(kind for kind, code in REPAIR_CODES.items() if code == "P003")
MESSAGES = {kind: REPAIRS[kind] for kind in KINDS}
HINTS = {kind: {"zh": "请对照原件核对该处", "en": "check this place against the original"} for kind in KINDS}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    for repair in doc.warnings:
        if repair.code == CODE:
            yield Problem(repair.location, dict(repair.params), repair.kind)
