"""B009 score-sum: on a scored form, the scores do not add up to the stated total, or a score is outside its
group's range.

Scored forms (重庆 审批表; 分值/权重 columns) print a total for the indicators (``年度绩效目标(90分)``,
``绩效指标(权重分值90分…)``), a range per level-1 (``成本指标(0-20)分``) and a score per indicator. The indicators'
scores must add up to the total (or, with a 预算执行 score and no total, to 100), each level-1 group must fall in
its range, and no single score may exceed its group's maximum.

Passing::

    | 年度绩效目标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |
    |---|---|---|---|---|---|
    |  | 成本指标(0-20)分 | 经济成本指标 | 建设成本 | ≤65万元 | 10 |
    |  | 产出指标(40-50)分 | 数量指标 | 晾晒房 | 1座 | 50 |
    |  | 效益指标 | 社会效益指标 | 受益人口 | ≥200人 | 20 |
    |  | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥95% | 10 |

Failing (the scores add up to 95, and 产出指标 takes 55 of at most 50)::

    | 年度绩效目标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |
    |---|---|---|---|---|---|
    |  | 成本指标(0-20)分 | 经济成本指标 | 建设成本 | ≤65万元 | 10 |
    |  | 产出指标(40-50)分 | 数量指标 | 晾晒房 | 1座 | 55 |
    |  | 效益指标 | 社会效益指标 | 受益人口 | ≥200人 | 20 |
    |  | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥95% | 10 |
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from perftable.model import Document, Indicator
from perftable.rules._budget import show
from perftable.rules._indicators import where
from perftable.rules.base import Context, Problem

CODE = "B009"
NAME = "score-sum"
SEVERITY = "error"
GUIDANCE = "审批表评分规则：各项分值之和等于总分"
CRITERION = None
OPINIONS = ()
SUMMARY = {
    "zh": "分值之和与总分不符，或超出所在组的范围",
    "en": "scores do not add up, or a score is out of its range",
}
MESSAGES = {
    "total": {
        "zh": "各指标分值之和为 {sum}，但规定总分为 {total}",
        "en": "the indicators' scores add up to {sum}, but the stated total is {total}",
    },
    "hundred": {
        "zh": "各指标分值之和 {sum} 加预算执行 {execution} 为 {both}，不是 100",
        "en": "the indicators' scores, {sum}, plus budget execution, {execution}, make {both}, not 100",
    },
    "group": {
        "zh": "「{group}」各指标分值之和为 {sum}，不在 {low}–{high} 分之间",
        "en": "the scores under 「{group}」 add up to {sum}, outside {low}–{high}",
    },
    "indicator": {
        "zh": "指标「{name}」的分值 {score} 超过「{group}」的上限 {high}",
        "en": "the score {score} of 「{name}」 is more than the maximum {high} of 「{group}」",
    },
}
_SCORE_HEADERS = ("分值", "权重", "分数", "指标分值", "权重分值")
_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*+分?\s*$")  # possessive: two blank runs meet when 分 is absent


def score(indicator: Indicator) -> Decimal | None:
    for header, text in indicator.info.items():
        if any(word in header for word in _SCORE_HEADERS):
            match = _NUMBER.match(text)
            if match:
                return Decimal(match[1])
    return None


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    scored = [(i, s) for i in doc.indicators if (s := score(i)) is not None]
    scoring = doc.scoring
    if not scored or scoring is None:
        return
    location = scoring.location or where(doc)
    total = sum((s for _, s in scored), Decimal(0))
    if scoring.total is not None and total != scoring.total:
        yield Problem(location, {"sum": show(total), "total": show(scoring.total)}, "total")
    elif (
        scoring.total is None
        and scoring.budget_execution is not None
        and total + scoring.budget_execution != 100
    ):
        both = total + scoring.budget_execution
        yield Problem(location, {"sum": show(total), "execution": show(scoring.budget_execution),
                                 "both": show(both)}, "hundred")  # fmt: skip
    for group, bounds in scoring.groups.items():
        members = [(i, s) for i, s in scored if i.level1 == group]
        if not members:
            continue
        group_sum = sum((s for _, s in members), Decimal(0))
        params = {"group": group, "low": show(bounds.low), "high": show(bounds.high)}
        for indicator, value in members:
            if value > bounds.high:
                yield Problem(
                    indicator.location, {**params, "name": indicator.name, "score": show(value)}, "indicator"
                )
        if not bounds.low <= group_sum <= bounds.high:
            yield Problem(members[0][0].location, {**params, "sum": show(group_sum)}, "group")
