"""I012 unmeasured-task: a key task or a goal item that no indicator measures.

相关性 (relevance): each key task and each goal should have at least one indicator whose name shares words with it
(option ``min_similarity``). Informational: it makes the gap visible; the match is by words, not by meaning.

Passing::

    | 部门名称 | 某局 |
    |---|---|
    | 总体绩效目标 | 1、完成残疾人家庭无障碍改造 |
    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    | 产出指标 | 数量指标 | 残疾人家庭无障碍改造户数 | 240户 |

Failing (nothing measures the training)::

    | 部门名称 | 某局 |
    |---|---|
    | 总体绩效目标 | 1、完成残疾人家庭无障碍改造；2、开展残疾人职业技能培训 |
    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    | 产出指标 | 数量指标 | 残疾人家庭无障碍改造户数 | 240户 |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable.model import Document
from perftable.rules._indicators import where
from perftable.rules._options import similarity
from perftable.rules._words import bigrams, overlap
from perftable.rules.base import Context, Problem

CODE = "I012"
NAME = "unmeasured-task"
SEVERITY = "info"
INDICATOR_LAYOUTS = ("tree", "flat")  # a listing of goals prints no indicators to measure them
GUIDANCE = "相关性：绩效指标与任务、目标相对应（财预〔2015〕88号）"
CRITERION = "相关性"
OPINIONS = ("irrelevant",)
OPTIONS = {"min_similarity": similarity(0.3)}
SUMMARY = {"zh": "重点任务或目标没有对应的指标", "en": "a key task or goal with no indicator measuring it"}
MESSAGES = {
    "task": {
        "zh": "重点任务「{text}」没有名称相近的绩效指标（相关性）",
        "en": "no indicator's name relates to the key task 「{text}」 (relevance)",
    },
    "goal": {
        "zh": "目标「{text}」没有名称相近的绩效指标（相关性）",
        "en": "no indicator's name relates to the goal 「{text}」 (relevance)",
    },
}


def _measured(text: str, names: list[frozenset[str]], threshold: float) -> bool:
    grams = bigrams(text)
    return any(overlap(grams, name) >= threshold for name in names)


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    names = [bigrams(i.name) for i in doc.indicators if i.name]  # once, not once per task and goal
    if not names:
        return
    threshold: float = ctx.options["min_similarity"]
    for task in doc.tasks:
        text = f"{task.name}{task.content}"
        if task.section == "key" and bigrams(text) and not _measured(text, names, threshold):
            yield Problem(task.location, {"text": task.name}, "task")
    for goal in doc.goals:
        if bigrams(goal) and not _measured(goal, names, threshold):
            yield Problem(where(doc, "goals"), {"text": goal[:40] + ("…" if len(goal) > 40 else "")}, "goal")
