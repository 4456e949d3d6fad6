"""Grades: 优, 良, 中, 差 (财预〔2015〕88号 第二十条) by a documented, configurable scoring.

Each table starts at 100 points. Every finding of a graded rule (one that declares a review criterion) takes off
the points of its severity (error 10, warning 3, info 0), times a weight (1 unless the configuration gives one to
the rule's code or to its criterion; a code's weight wins). One rule takes off at most ``cap`` points (30) from one
table, so that a fault repeated on every row weighs, but does not by itself decide the grade. The score then falls
into a grade by the thresholds (优 from 90, 良 from 75, 中 from 60, 差 below), and a table with an error is graded
no better than ``error-ceiling`` (良: 优 goes on as it is, and a table with an error cannot). Rules that serve no
criterion (reading P001-P003, suppressions S001, scores of approval forms B009) are listed but take off nothing, and
a file that could not be read gets no grade. Configuration::

    [tool.perftable.review]
    points = { error = 10, warning = 3, info = 0 }
    cap = 30
    thresholds = { "优" = 90, "良" = 75, "中" = 60 }   # or excellent, good, fair (TOML quotes a Chinese key)
    error-ceiling = "良"                 # or "none"
    [tool.perftable.review.weights]      # by criterion (完整性 … or completeness, relevance, appropriateness,
    "可行性" = 1.5                        # feasibility) or by rule code or name
    I012 = 0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from pydantic import Field

from perftable.errors import ConfigError
from perftable.findings import Finding
from perftable.messages import Lang
from perftable.model import Record
from perftable.rules import resolve_rule, rules_by_key
from perftable.rules.criteria import CRITERIA, criterion_name

Grade = Literal["优", "良", "中", "差"]
GRADES: Final[tuple[Grade, ...]] = ("优", "良", "中", "差")
GRADE_NAMES: Final[dict[str, dict[Lang, str]]] = {
    "优": {"zh": "优", "en": "excellent"},
    "良": {"zh": "良", "en": "good"},
    "中": {"zh": "中", "en": "fair"},
    "差": {"zh": "差", "en": "poor"},
}
# 财预〔2015〕88号 第二十条: what each grade means for the table.
OUTCOMES: Final[dict[str, dict[Lang, str]]] = {
    "优": {
        "zh": "绩效目标设置较为完整、合理，建议直接进入下一步预算安排流程。",
        "en": "The targets are complete and reasonable: the table can go on to the next step of budgeting.",
    },
    "良": {
        "zh": "建议与单位协商，按上述意见对绩效目标进行完善后，进入下一步预算安排流程。",
        "en": "Agree the changes above with the unit; once the targets are completed, the table can go on.",
    },
    "中": {
        "zh": "请单位按上述意见对绩效目标进行修改完善，按程序重新报送审核。",
        "en": "The unit should revise the targets as set out above and submit the table again for review.",
    },
    "差": {
        "zh": "绩效目标设置不合理，不得进入下一步预算安排流程，请单位重新设置后报送。",
        "en": "The targets are not acceptable: the table cannot go on; the unit should set them again.",
    },
}


@dataclass(frozen=True)
class Scoring:
    """How findings become a grade (see the module's documentation)."""

    points: Mapping[str, float] = field(default_factory=lambda: {"error": 10.0, "warning": 3.0, "info": 0.0})
    weights: Mapping[str, float] = field(default_factory=dict)  # criterion or rule code -> multiplier
    cap: float = 30.0
    thresholds: Mapping[str, float] = field(default_factory=lambda: {"优": 90.0, "良": 75.0, "中": 60.0})
    error_ceiling: Grade | None = "良"

    def weight(self, code: str, criterion: str) -> float:
        return self.weights.get(code, self.weights.get(criterion, 1.0))

    def grade_of(self, score: float) -> Grade:
        for grade in GRADES[:-1]:
            if score >= self.thresholds[grade]:
                return grade
        return "差"


DEFAULT_SCORING: Final = Scoring()


class Deduction(Record):
    """What one rule took off one table."""

    code: str
    criterion: str
    count: int = Field(description="The rule's findings in the table")
    points: float = Field(description="Points taken off, after the weight and the cap")
    capped: bool = False


class GradeResult(Record):
    """A table's grade, its score and why."""

    grade: Grade
    score: float
    deductions: list[Deduction] = Field(default_factory=list)
    ceiling: Grade | None = Field(
        default=None, description="The grade the score gave was lowered to this one"
    )
    score_grade: Grade = Field(description="The grade the score alone gives")

    def reasons(self, lang: Lang = "zh") -> list[str]:
        """One line per deduction, then the ceiling if it applied: why the table has its grade."""
        lines = [
            (
                f"{d.code}（{criterion_name(d.criterion, lang)}）{d.count} 条，扣 {_number(d.points)} 分"
                f"{'（已达上限）' if d.capped else ''}"
                if lang == "zh"
                else f"{d.code} ({criterion_name(d.criterion, lang)}): {d.count} finding{'s' * (d.count > 1)}, "
                f"-{_number(d.points)}{' (capped)' if d.capped else ''}"
            )
            for d in self.deductions
            if d.points
        ]
        if self.ceiling is not None:
            lines.append(
                f"有错误，评级由「{self.score_grade}」降为「{self.ceiling}」"
                if lang == "zh"
                else f"errors: graded {GRADE_NAMES[self.ceiling]['en']} instead of "
                f"{GRADE_NAMES[self.score_grade]['en']}"
            )
        return lines


def _number(value: float) -> str:
    return f"{value:g}"


def grade(findings: Iterable[Finding], scoring: Scoring = DEFAULT_SCORING) -> GradeResult:
    """The grade of one table from its findings."""
    rules = rules_by_key()
    taken: dict[str, tuple[str, int, float]] = {}
    has_error = False
    for finding in findings:
        rule = rules.get(finding.code)
        if rule is None or rule.criterion is None:
            continue
        has_error |= finding.severity == "error"
        points = scoring.points.get(finding.severity, 0.0) * scoring.weight(rule.code, rule.criterion)
        _, count, total = taken.get(rule.code, (rule.criterion, 0, 0.0))
        taken[rule.code] = (rule.criterion, count + 1, total + points)
    deductions = [
        Deduction(
            code=code,
            criterion=criterion,
            count=count,
            points=min(total, scoring.cap),
            capped=total > scoring.cap,
        )
        for code, (criterion, count, total) in sorted(taken.items())
    ]
    score = round(max(0.0, 100.0 - sum(d.points for d in deductions)), 1)
    by_score = scoring.grade_of(score)
    final = by_score
    ceiling = scoring.error_ceiling
    if has_error and ceiling is not None and GRADES.index(by_score) < GRADES.index(ceiling):
        final = ceiling
    return GradeResult(
        grade=final,
        score=score,
        deductions=[d for d in deductions if d.points or d.count],
        ceiling=final if final != by_score else None,
        score_grade=by_score,
    )


# --- configuration -------------------------------------------------------------------------------------------

_KEYS = ("points", "weights", "cap", "thresholds", "error-ceiling")
_GRADE_ALIASES = {names["en"]: grade for grade, names in GRADE_NAMES.items()}
_CRITERION_ALIASES = {names["en"]: criterion for criterion, names in CRITERIA.items()}


def _number_of(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ConfigError(f"{where}: expected a number, 0 or more, got {value!r}")
    return float(value)


def _table(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table, got {value!r}")
    return value


def parse_scoring(data: Mapping[str, Any], source: str) -> Scoring:
    """Validate ``[tool.perftable.review]``; errors name the key."""
    where = f"{source}: review"
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(_KEYS)})")
    base = DEFAULT_SCORING
    points = dict(base.points)
    for severity, value in _table(data.get("points", {}), f"{where}.points").items():
        if severity not in points:
            raise ConfigError(f"{where}.points: unknown severity {severity!r} (known: error, warning, info)")
        points[severity] = _number_of(value, f"{where}.points.{severity}")
    weights: dict[str, float] = {}
    for name, value in _table(data.get("weights", {}), f"{where}.weights").items():
        criterion = _CRITERION_ALIASES.get(name, name)
        key = criterion if criterion in CRITERIA else resolve_rule(name, f"{where}.weights").code
        weights[key] = _number_of(value, f"{where}.weights.{name}")
    thresholds = dict(base.thresholds)
    for given, value in _table(data.get("thresholds", {}), f"{where}.thresholds").items():
        name = _GRADE_ALIASES.get(given, given)
        if name not in thresholds:
            raise ConfigError(
                f"{where}.thresholds: unknown grade {name!r} (known: 优, 良, 中; below 中 is 差)"
            )
        thresholds[name] = _number_of(value, f"{where}.thresholds.{given}")
    if not thresholds["优"] >= thresholds["良"] >= thresholds["中"]:
        raise ConfigError(f"{where}.thresholds: expected 优 >= 良 >= 中, got {thresholds}")
    ceiling = data.get("error-ceiling", base.error_ceiling)
    ceiling = _GRADE_ALIASES.get(ceiling, ceiling) if isinstance(ceiling, str) else ceiling
    if ceiling not in (*GRADES, "none", None):
        raise ConfigError(f"{where}.error-ceiling: expected one of 优, 良, 中, 差 or none, got {ceiling!r}")
    cap = _number_of(data.get("cap", base.cap), f"{where}.cap")
    grade_ceiling: Grade | None = next((grade for grade in GRADES if grade == ceiling), None)
    return Scoring(points, weights, cap, thresholds, grade_ceiling)
