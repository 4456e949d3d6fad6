"""Indicator levels: the level-1 and level-2 names, their synonyms, and which level-1 each level-2 sits under."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from perftable.values.cleaning import label_key
from perftable.values.patterns import OUTLINE_NUMBER

# --- indicator levels ---------------------------------------------------------------------------------------

LEVEL1: Final = ("产出指标", "效益指标", "满意度指标", "成本指标")

# canonical level-2 name -> its canonical level-1 parent
LEVEL2_PARENT: Final[dict[str, str]] = {
    "数量指标": "产出指标",
    "质量指标": "产出指标",
    "时效指标": "产出指标",
    "成本指标": "产出指标",
    "经济效益指标": "效益指标",
    "社会效益指标": "效益指标",
    "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标",
    "服务对象满意度指标": "满意度指标",
    "社会公众满意度指标": "满意度指标",
    "经济成本指标": "成本指标",
    "社会成本指标": "成本指标",
    "生态环境成本指标": "成本指标",
}

# Level-1 parents a level-2 may also have in some regions' forms: satisfaction under 效益指标 (Hunan, Hubei),
# 成本指标 as its own level-1 (central 2021 forms).
ALTERNATE_PARENTS: Final[dict[str, str]] = {
    "服务对象满意度指标": "效益指标",
    "社会公众满意度指标": "效益指标",
    "成本指标": "成本指标",
}

_LEVEL1_SYNONYMS: Final[dict[str, str]] = {
    "产出": "产出指标",
    "产出类指标": "产出指标",
    "效益": "效益指标",
    "效果指标": "效益指标",
    "效益类指标": "效益指标",
    "满意度": "满意度指标",
    "满意度类指标": "满意度指标",
    "成本": "成本指标",
    "成本类指标": "成本指标",
    "产品指标": "产出指标",
}

_LEVEL2_SYNONYMS: Final[dict[str, str]] = {
    "数量": "数量指标",
    "质量": "质量指标",
    "时效": "时效指标",
    "进度指标": "时效指标",
    "经济效益": "经济效益指标",
    "社会效益": "社会效益指标",
    "生态效益": "生态效益指标",
    "环境效益指标": "生态效益指标",
    "环境效益": "生态效益指标",
    "生态环境效益指标": "生态效益指标",
    "可持续影响": "可持续影响指标",
    "可持续发展指标": "可持续影响指标",
    "服务对象满意度": "服务对象满意度指标",
    "服务对象满意": "服务对象满意度指标",
    "社会公众满意度": "社会公众满意度指标",
    "社会公众或服务对象满意度指标": "服务对象满意度指标",
    "社会公众或服务对象满意度": "服务对象满意度指标",
    "服务对象满意度指标等": "服务对象满意度指标",
    "社会效益目标": "社会效益指标",
    "经济效益目标": "经济效益指标",
    "生态效益目标": "生态效益指标",
    "经济成本": "经济成本指标",
    "社会成本": "社会成本指标",
    "生态环境成本": "生态环境成本指标",
    "环境成本指标": "生态环境成本指标",
}

# The score range some layouts print after a level name: 成本指标(0-20)分, 产出指标（50分）. A match may begin only
# where a run of digits begins ((?<!\d)): tried from every digit of a long run, it took time quadratic in its length.
_SCORE_SUFFIX = re.compile(r"\(?(?<!\d)\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?\)?分?\)?$")

_L1_INDEX: Final[dict[str, str]] = {**{name: name for name in LEVEL1}, **_LEVEL1_SYNONYMS}
_L2_INDEX: Final[dict[str, str]] = {**{name: name for name in LEVEL2_PARENT}, **_LEVEL2_SYNONYMS}


def _strip_score(key: str) -> str:
    """``成本指标(0-20)分`` -> ``成本指标``; ``…指标指标`` -> ``…指标``; a trailing ``等`` dropped."""
    stripped = _SCORE_SUFFIX.sub("", key)
    key = stripped if stripped and stripped != key and not stripped[-1].isdigit() else key
    key = key.removesuffix("等")
    return key[:-2] if key.endswith("指标指标") else key


# The outline numbering a form may print before a level name: 一、 （一） (1) 1. 1、; or the budget system's code of
# the category (1-产出指标, 11-数量指标, 312-生态效益指标), as 一体化 exports print it.
_OUTLINE = re.compile(rf"^(?:{OUTLINE_NUMBER}|\d{{1,4}}\s*+[-－—]\s*+)\s*+")


@lru_cache(maxsize=16384)
def level1_name(text: str) -> str | None:
    """The canonical level-1 name of a cell, or None when it is not one. A numbering before it (``一、产出指标``,
    ``（二）效益指标``, ``1.满意度指标``) is the form's outline, not part of the name."""
    key = label_key(text)
    found = _L1_INDEX.get(key) or _L1_INDEX.get(_strip_score(key))
    if found is None and (bare := _OUTLINE.sub("", key, count=1)) != key:
        found = _L1_INDEX.get(bare) or _L1_INDEX.get(_strip_score(bare))
    return found


@lru_cache(maxsize=16384)
def level2_name(text: str) -> str | None:
    """The canonical level-2 name of a cell, or None when it is not a known one.

    ``成本指标`` is both a level-1 (central layout) and a level-2 (under 产出); this returns it as a level-2 too.
    """
    key = label_key(text)
    found = _L2_INDEX.get(key) or _L2_INDEX.get(_strip_score(key)) or _cut_level2(key)
    if found is None and (bare := _OUTLINE.sub("", key, count=1)) != key:
        found = _L2_INDEX.get(bare) or _L2_INDEX.get(_strip_score(bare))
    return found


CUT_NAME = 6  # characters: a level-2 name cut at its end (a narrow cell) is read when this much of it is left


def _cut_level2(key: str) -> str | None:
    """A level-2 name whose end the cell cut off (``服务对象满意度指``): the one known name it begins, when it is
    long enough to tell."""
    if len(key) < CUT_NAME or not key.endswith(("指", "指标", "满意度", "效益", "影响")):
        return None
    found = {name for name in LEVEL2_PARENT if name.startswith(key) and name != key}
    return found.pop() if len(found) == 1 else None


def looks_like_level_name(text: str) -> bool:
    """An unknown level name: short text ending in 指标 (``政治效益指标``)."""
    key = label_key(text)
    return key.endswith("指标") and 3 <= len(key) <= 12


def level1_of(level2: str) -> str | None:
    """The usual level-1 of a level-2 (the one inferred when a level-1 is missing)."""
    return LEVEL2_PARENT.get(level2)


def may_sit_under(level2: str, level1: str) -> bool:
    """True when the level-2 may sit under this level-1 in some form (an unknown level-2 fits anywhere)."""
    parent = LEVEL2_PARENT.get(level2)
    return parent is None or parent == level1 or ALTERNATE_PARENTS.get(level2) == level1
