"""I005 nonstandard-level: a level-1 or level-2 name that is not standard, or that sits in the wrong place.

* a level-1 other than 产出指标, 效益指标, 满意度指标, 成本指标;
* a level-2 that is not one of the standard ones (数量指标, 质量指标, 时效指标, 成本指标, 经济/社会/生态效益指标,
  可持续影响指标, 服务对象满意度指标, 经济/社会/生态环境成本指标);
* a level-2 under a level-1 it does not belong to (数量指标 under 效益指标), or written in the level-1 column (the
  reader inferred the level-1 and recorded it); satisfaction under 效益指标 is accepted in profile ``local``.

Each pair is reported once, where it first appears; the message names the standard form.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 培训人数 | 200人 |
    | 效益指标 | 社会效益指标 | 就业能力 | 有所提高 |

Failing (数量指标 under 效益指标; a made-up level-2)::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 效益指标 | 数量指标 | 培训人数 | 200人 |
    |  | 服务质量 | 就业能力 | 有所提高 |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable import vocab
from perftable.model import Document
from perftable.rules._options import ALTERNATE_PARENTS
from perftable.rules.base import Context, Problem

CODE = "I005"
NAME = "nonstandard-level"
SEVERITY = "warning"
INDICATOR_LAYOUTS = ("tree",)  # a flat list prints no level names
GUIDANCE = "规范性：一级/二级指标采用规定名称（财预〔2021〕101号 指标体系）"
CRITERION = "完整性"
OPINIONS = ("wrong-level",)
OPTIONS = {"alternate_parents": ALTERNATE_PARENTS}
SUMMARY = {
    "zh": "一级/二级指标名称不规范或位置不对",
    "en": "a level-1/level-2 name is not standard, or misplaced",
}
MESSAGES = {
    "level1": {
        "zh": "「{name}」不是标准的一级指标名称（标准名称：{standard}）",
        "en": "「{name}」 is not a standard level-1 name (standard: {standard})",
    },
    "level2": {
        "zh": "「{name}」不是标准的二级指标名称",
        "en": "「{name}」 is not a standard level-2 name",
    },
    "misplaced": {
        "zh": "二级指标「{level2}」位于「{level1}」下，标准位置是「{parent} > {level2}」",
        "en": "the level-2 「{level2}」 sits under 「{level1}」; its standard place is 「{parent} > {level2}」",
    },
    "level1-column": {
        "zh": "二级指标「{level2}」写在了一级指标列，标准形式是「{level1} > {level2}」",
        "en": "the level-2 「{level2}」 is written in the level-1 column; the standard form is 「{level1} > {level2}」",
    },
}


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    for repair in doc.warnings:
        if repair.kind == "level1-inferred" and repair.params.get("reason") == "level2-in-level1-column":
            yield Problem(repair.location, dict(repair.params), "level1-column")
    seen: set[tuple[str, str]] = set()
    for indicator in doc.indicators:
        pair = (indicator.level1, indicator.level2)
        if pair in seen:
            continue
        seen.add(pair)
        level1, level2 = pair
        if level1 and level1 not in vocab.LEVEL1 and (level1, "") not in seen:
            seen.add((level1, ""))
            where = indicator.level_locations.get("level1", indicator.location)  # the level-1's own cell
            yield Problem(where, {"name": level1, "standard": "、".join(vocab.LEVEL1)}, "level1")
        if not level2:
            continue
        parent = vocab.level1_of(level2)
        at_level2 = indicator.level_locations.get("level2", indicator.location)  # the level-2's own cell
        if parent is None:
            yield Problem(at_level2, {"name": level2}, "level2")
        elif level1 in vocab.LEVEL1 and not _placed_well(level2, level1, ctx):
            yield Problem(at_level2, {"level1": level1, "level2": level2, "parent": parent}, "misplaced")


def _placed_well(level2: str, level1: str, ctx: Context) -> bool:
    if vocab.level1_of(level2) == level1 or (level1 == level2 == "成本指标"):
        return True
    alternate: bool = ctx.options["alternate_parents"]
    return alternate and vocab.may_sit_under(level2, level1)
