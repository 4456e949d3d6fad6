"""P002 safe-repair: a repair the reader made that keeps the meaning.

Merged cells flattened by a converter and carried down again, words broken inside a cell joined, stray spaces
inside a cell removed (``服务对象 满意度指标``). Informational:
the model is right, the source is worth tidying.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 培训人数 | 200人 |

Failing (a level-1 carried into a flattened merged cell)::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 培训人数 | 200人 |
    |  |  | 培训场次 | 10场 |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable.messages import MESSAGES as REPAIRS
from perftable.messages import REPAIR_CODES
from perftable.model import Document
from perftable.rules.base import Context, Problem

CODE = "P002"
NAME = "safe-repair"
SEVERITY = "info"
GUIDANCE = "读取：不改变含义的修复"
CRITERION = None
OPINIONS = ()
SUMMARY = {"zh": "读取时做了不改变含义的修复", "en": "the reader made a repair that keeps the meaning"}
KINDS = tuple(kind for kind, code in REPAIR_CODES.items() if code == "P002")
MESSAGES = {kind: REPAIRS[kind] for kind in KINDS}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    for repair in doc.warnings:
        if repair.code == CODE:
            yield Problem(repair.location, dict(repair.params), repair.kind)
