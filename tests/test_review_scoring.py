"""Rule metadata for reviews, and grades: the scoring as documented (``perftable rules --review``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from perftable.check.config import from_mapping, read_file
from perftable.check.grades import DEFAULT_SCORING, Scoring, grade, parse_scoring
from perftable.errors import ConfigError, UsageError
from perftable.findings import Finding
from perftable.model import Location
from perftable.rules import all_rules
from perftable.rules.criteria import CRITERIA, OPINIONS


def finding(code: str, severity: str = "warning") -> Finding:
    return Finding(
        file="t.md",
        code=code,
        name="x",
        severity=severity,
        message="m",
        location=Location(file="t.md", line=1),
    )


def test_every_graded_rule_names_a_criterion_and_known_opinions() -> None:
    for rule in all_rules():
        if rule.code[0] in "PS":
            assert rule.criterion is None and rule.opinions == (), rule.code
            continue
        if rule.criterion is None:
            continue
        assert rule.criterion in CRITERIA, rule.code
        assert rule.opinions and set(rule.opinions) <= set(OPINIONS), rule.code
    served = {rule.criterion for rule in all_rules()}
    assert set(CRITERIA) <= served  # every criterion has rules behind it


def test_a_clean_table_is_excellent() -> None:
    result = grade([])
    assert (result.grade, result.score, result.deductions) == ("优", 100.0, [])


def test_points_per_severity_and_the_thresholds() -> None:
    assert grade([finding("I004")] * 3).score == 91.0  # 3 warnings × 3
    assert grade([finding("I004")] * 3).grade == "优"
    result = grade([finding("I004"), finding("U001"), finding("I010"), finding("I012", "info")])
    assert (result.score, result.grade) == (91.0, "优")
    assert grade([finding("I004")] * 4 + [finding("U001")] * 2).grade == "良"  # 82


def test_one_rule_takes_off_at_most_the_cap() -> None:
    result = grade([finding("I003", "error")] * 9)
    assert result.score == 70.0 and result.deductions[0].capped
    assert [(d.code, d.count, d.points) for d in result.deductions] == [("I003", 9, 30.0)]


def test_an_error_caps_the_grade_at_good() -> None:
    result = grade([finding("B001", "error")])
    assert (result.score, result.score_grade, result.grade, result.ceiling) == (90.0, "优", "良", "良")
    assert result.reasons("zh")[-1] == "有错误，评级由「优」降为「良」"
    assert result.reasons("en")[0] == "B001 (feasibility): 1 finding, -10"


def test_ungraded_rules_take_off_nothing() -> None:
    result = grade([finding("P003"), finding("P001", "error"), finding("S001")])
    assert (result.grade, result.score, result.deductions) == ("优", 100.0, [])


def test_grades_fall_through_to_poor() -> None:
    many = [finding(code, "error") for code in ("B001", "B002", "I001", "I003", "U002") for _ in range(2)]
    assert grade(many).score == 0.0 and grade(many).grade == "差"
    assert grade([finding("B001", "error")] * 3 + [finding("I003", "error")]).grade == "中"  # 100 - 30 - 10
    assert grade([finding("B001", "error")] * 3 + [finding("I003", "error")] * 2).grade == "差"  # 50


def test_weights_by_code_win_over_weights_by_criterion() -> None:
    scoring = Scoring(weights={"可行性": 2.0, "B002": 0.5})
    assert grade([finding("B001", "error")], scoring).score == 80.0
    assert grade([finding("B002", "error")], scoring).score == 95.0
    assert grade([finding("I003", "error")], scoring).score == 90.0


def test_configured_scoring_is_read_and_checked() -> None:
    config = from_mapping(
        {"review": {"points": {"warning": 5}, "weights": {"相关性": 0, "empty-value": 2}, "cap": 50,
                    "thresholds": {"优": 95}, "error-ceiling": "none"}}
    )  # fmt: skip
    scoring = config.review
    assert scoring is not None
    assert scoring.points == {"error": 10.0, "warning": 5.0, "info": 0.0}
    assert dict(scoring.weights) == {"相关性": 0.0, "I003": 2.0}
    assert (scoring.cap, scoring.thresholds["优"], scoring.error_ceiling) == (50.0, 95.0, None)
    assert grade([finding("I003", "error")], scoring).grade == "良"  # 80, no ceiling


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"colour": 1}, "unknown key 'colour'"),
        ({"points": {"fatal": 1}}, "unknown severity 'fatal'"),
        ({"weights": {"Q999": 1}}, "unknown rule 'Q999'"),
        ({"thresholds": {"良": 99}}, "expected 优 >= 良 >= 中"),
        ({"cap": -1}, "review.cap: expected a number"),
        ({"error-ceiling": "A"}, "error-ceiling: expected one of"),
    ],
)
def test_bad_scoring_is_refused_naming_the_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):  # ConfigError, or an unknown rule's UsageError
        parse_scoring(table, "pyproject.toml")


def test_the_review_table_in_a_perftable_toml(tmp_path: Path) -> None:
    path = tmp_path / "perftable.toml"
    path.write_text(
        '[review]\nthresholds = { "中" = 50, good = 80 }\n[review.weights]\nfeasibility = 2\n',
        encoding="utf-8",
    )
    config = read_file(path)
    assert config is not None and config.review is not None
    assert (config.review.thresholds["中"], config.review.thresholds["良"]) == (50, 80)
    assert dict(config.review.weights) == {"可行性": 2.0}
    path.write_text("[review]\nbogus = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bogus"):
        read_file(path)


def test_rules_review_explains_the_scoring() -> None:
    from perftable.review.explain import explain_scoring

    text = explain_scoring(DEFAULT_SCORING, "zh")
    assert "得分 ≥ 90 为优，≥ 75 为良，≥ 60 为中，其余为差。有错误的表至多评为良。" in text
    assert "    I003  指标不够完整" in text
    data = json.loads(explain_scoring(DEFAULT_SCORING, "en", "json"))
    assert data["criteria"]["完整性"]["rules"]["I001"] == ["add-indicators", "incomplete"]
    assert "P001" in data["ungraded"]
