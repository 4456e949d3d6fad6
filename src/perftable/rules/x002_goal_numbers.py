"""X002 goal-numbers: a number in the goals contradicts the indicator it describes.

``为240户贫困残疾人家庭提供无障碍改造`` in the goals and ``贫困残疾人家庭无障碍改造工作户数 200户`` in the indicators
cannot both be the target. A goal's number is compared with the quantity indicator of a compatible unit whose name
shares the most words with the goal's clause (option ``min_similarity``); years are not numbers here.

Numbers are compared as quantities: ``1,200户`` is ``1200户`` and ``2.5万平方米`` is ``25000平方米``. Words around a
goal's number (不少于, 至少, 不低于, 以上, 约) are its comparator, shown in the message (``≥200人``); the numbers
must still agree, so ``培训残疾人不少于200人`` and ``≥250人`` are reported, ``≥200人`` and ``200人`` are not.
Unit costs (``600元/户``) are not compared with a goal's totals, nor the upper end of a range (``1200-1300公里``).
A clause that lists several things (``新建健身路径40个、多功能运动场6个``) is compared with every indicator it names: a
number that is one of them's target is not reported against another.
A sentence about the past is not compared either: one that names only years before the table's (``2025年全县新建高
标准农田2.3万亩``), or, naming no later year, says so (…以来, 累计, 近年来): its numbers are results, not targets.
Nor a number marked as replaced (a 预算调整 form's goal: ``0.58万亩（调整前0.6万亩）``, ``原计划1600批次``).

Passing::

    | 部门名称 | 某局 |
    |---|---|
    | 总体绩效目标 | 1、为240户贫困残疾人家庭提供无障碍改造 |
    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    | 产出指标 | 数量指标 | 贫困残疾人家庭无障碍改造户数 | 240户 |

Failing::

    | 部门名称 | 某局 |
    |---|---|
    | 总体绩效目标 | 1、为240户贫困残疾人家庭提供无障碍改造 |
    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    | 产出指标 | 数量指标 | 贫困残疾人家庭无障碍改造户数 | 200户 |
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from perftable.model import Comparator, Document, Indicator, Target
from perftable.rules._indicators import effective_unit, shown, where
from perftable.rules._options import similarity
from perftable.rules._words import bigrams, overlap
from perftable.rules.base import Context, Problem
from perftable.values.patterns import YEAR
from perftable.values.targets import comparator_after, comparator_before
from perftable.values.units import KNOWN_UNITS, normalise_unit, unit_info

CODE = "X002"
NAME = "goal-numbers"
SEVERITY = "warning"
INDICATOR_LAYOUTS = ("tree", "flat")  # a listing of goals prints no indicators to compare
GUIDANCE = "相关性：目标表述与指标一致（财预〔2015〕88号）"
CRITERION = "相关性"
OPINIONS = ("irrelevant",)
OPTIONS = {"min_similarity": similarity(0.5)}
SUMMARY = {"zh": "目标文字中的数字与对应指标不符", "en": "a number in the goals contradicts its indicator"}
MESSAGES = {
    "default": {
        "zh": "目标中写的是“{mention}”，而指标「{name}」为 {value}",
        "en": "the goals say “{mention}” but the indicator 「{name}」 is {value}",
    }
}


def _countable(unit: str) -> bool:
    """A unit a goal's number may carry: not a percentage or a date word, not a single Latin letter (5G, 3D)."""
    info = unit_info(unit)
    percent = info is not None and info.family == "percent"
    return not percent and unit not in ("年", "月", "日", "天") and not (unit.isascii() and len(unit) == 1)


_UNITS = "|".join(re.escape(unit) for unit in KNOWN_UNITS if _countable(unit))
# A number with a countable unit; the leading lookahead makes the positions that hold no digit fail at once.
_MENTION = re.compile(
    rf"(?=\d)(?<![\d.,])(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>(?:万|亿)?(?:{_UNITS}))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """A number with its unit in a goal's clause: ``不少于200人`` -> ≥ 200 人."""

    clause: str
    number: Decimal
    unit: str
    comparator: Comparator | None
    near: str = ""  # the clause from the number before this one (or the clause's start) to this one

    def quantity(self) -> Decimal | None:
        info = unit_info(self.unit)
        return self.number * info.scale if info else None

    def __str__(self) -> str:
        return f"{self.comparator or ''}{self.number.normalize():f}{self.unit}"


def _clauses(goal: str) -> list[str]:
    """The goal cut at punctuation, keeping the commas of thousands separators (``1,200户``)."""
    return [clause for clause in re.split(r"[，；;。！？\n]|,(?!\d{3})", goal) if clause]


# A sentence about the past: it names an earlier year than the table's (2025年全县新建…2.3万亩), or says so
# (…以来, 累计, 近年来, 十四五期间). Its numbers are results, not this year's targets.
_SENTENCES = re.compile(r"[^。；;！？\n]+")
_YEAR_IN = re.compile(rf"(?<!\d)({YEAR})\s*年")
_PAST_WORDS = re.compile(r"以来|累计|近年来|近几年|期间|过去|去年|上一年|已完成|已建成")
_RANGE_BEFORE = re.compile(r"\d\s*+[-—–~～至到]\s*+$")
# A number the words before it mark as replaced (a 预算调整 form's goal: 0.58万亩（调整前0.6万亩）, 原计划1600批次).
_SUPERSEDED_BEFORE = re.compile(r"(?:调整前|原计划|原定|原为|原目标)[为是:：]?\s*+$")


def _past(sentence: str, year: int | None) -> bool:
    years = [int(found) for found in _YEAR_IN.findall(sentence)]
    if year is not None and years and all(found < year for found in years):
        return True
    return not any(year is not None and found >= year for found in years) and bool(
        _PAST_WORDS.search(sentence)
    )


def _mentions(goal: str, year: int | None = None) -> Iterator[Mention]:
    for sentence in _SENTENCES.findall(goal):
        if not _past(sentence, year):
            yield from _clause_mentions(sentence, year)


def _clause_mentions(text: str, year: int | None) -> Iterator[Mention]:
    """The mentions of a sentence's clauses; a clause dated by a year before the table's (its own, or the last one
    a clause before it named: ``2025年全县累计保障1,512人，2026年保障不少于1,430人``) tells of the past."""
    dated: int | None = None
    for clause in _clauses(text):
        named = [int(found) for found in _YEAR_IN.findall(clause)]
        dated = named[-1] if named else dated
        if year is not None and dated is not None and dated < year:
            continue
        previous = 0
        for match in _MENTION.finditer(clause):
            near, previous = clause[previous : match.end()], match.end()
            if _RANGE_BEFORE.search(clause[: match.start()]):
                continue  # the upper end of a range (1200-1300公里): compared as a range, not a number
            if _SUPERSEDED_BEFORE.search(clause[: match.start()]):
                continue  # the target an adjustment replaced: 0.58万亩（调整前0.6万亩）
            comparator = comparator_before(clause[: match.start()]) or comparator_after(clause[match.end() :])
            number = Decimal(match["num"].replace(",", ""))
            yield Mention(clause, number, normalise_unit(match["unit"]), comparator, near)


def _quantity(indicator: Indicator) -> Decimal | None:
    unit, number = effective_unit(indicator), indicator.target.number
    info = unit_info(unit) if unit else None
    return number * info.scale if info and number is not None else None


def _compatible(unit: str, indicator: Indicator) -> bool:
    """Units a goal and an indicator may both count in: of one family, and for counted things the same word
    (2处 and 4块 count different things)."""
    own = effective_unit(indicator)
    a, b = unit_info(unit), unit_info(own or "")
    if a is None or b is None or a.family != b.family:
        return False
    return a.family != "count" or normalise_unit(unit) == normalise_unit(own or "")


def _totals(targets: Sequence[tuple[Indicator, Target]]) -> list[Indicator]:
    """Indicators that state an amount a goal may repeat: not unit costs, upper bounds or changes."""
    return [
        i
        for i, effective in targets
        if i.target.number is not None
        and i.target.comparator in (None, "=", "≥", "≈")
        and not i.target.change
        and not effective.per
    ]


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    threshold: float = ctx.options["min_similarity"]
    quantities = [(bigrams(i.name), i) for i in _totals(ctx.facts.targets)]  # once, not once per mention
    for goal in doc.goals:
        for mention in _mentions(goal, doc.year):
            clause = bigrams(mention.clause)
            ranked = sorted(
                (
                    (overlap(clause, grams), grams, i)
                    for grams, i in quantities
                    if _compatible(mention.unit, i)
                ),
                key=lambda p: -p[0],
            )
            if not ranked or ranked[0][0] < threshold:
                continue
            indicator = ranked[0][2]
            # a clause that lists several things (新建健身路径40个、多功能运动场6个) names each beside its number: a
            # number that is the target of any indicator the clause names agrees with the indicators
            agrees = any(score >= threshold and _quantity(i) == mention.quantity() for score, _, i in ranked)
            if agrees:
                continue
            # the message names the indicator the words beside the number name (多功能运动场6个: 运动场), when any
            near = bigrams(mention.near)
            local = max(((overlap(near, grams), i) for _, grams, i in ranked), key=lambda p: p[0])
            indicator = local[1] if local[0] >= threshold else indicator
            if _quantity(indicator) != mention.quantity():
                yield Problem(
                    where(doc, "goals"),
                    {"mention": str(mention), "name": indicator.name, "value": shown(indicator)},
                )
