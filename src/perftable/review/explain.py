"""``perftable rules --review``: how grades are computed, with the values in force, and which rules serve which
criterion (generated from the scoring and the rules' metadata, so it cannot drift from the code)."""

from __future__ import annotations

import json

from perftable.check.grades import GRADE_NAMES, OUTCOMES, Scoring
from perftable.messages import Lang
from perftable.rules import all_rules
from perftable.rules.criteria import CRITERIA, criterion_name, opinion_text

_TEXT = {
    "zh": [
        "评级（财预〔2015〕88号 第二十条）：优、良、中、差",
        "",
        "每张表从 100 分起扣：每条发现按级别扣分（错误 {error}、警告 {warning}、提示 {info}），乘以权重",
        "（规则代码的权重优先，其次是规则所属审核内容的权重，默认 1）；同一规则在一张表中至多扣 {cap} 分。",
        "得分 ≥ {优} 为优，≥ {良} 为良，≥ {中} 为中，其余为差。{ceiling}",
        "不属于任何审核内容的规则（{ungraded}）只列出、不扣分；读取失败的文件不评级。",
        "权重：{weights}",
        "配置：pyproject.toml 的 [tool.perftable.review]（或 perftable.toml 的 [review]）：points、weights、cap、thresholds、error-ceiling。",
    ],
    "en": [
        "Grades (财预〔2015〕88号 第二十条): 优 excellent, 良 good, 中 fair, 差 poor",
        "",
        "Each table starts at 100 points. Each finding takes off the points of its severity (error {error}, warning",
        "{warning}, info {info}) times a weight (the rule code's, else its criterion's, else 1); one rule takes off",
        "at most {cap} points from one table.",
        "A score from {优} is 优, from {良} 良, from {中} 中, below that 差.{ceiling}",
        "Rules that serve no criterion ({ungraded}) are listed but take off nothing; an unreadable file gets no grade.",
        "Weights: {weights}",
        "Configuration: [tool.perftable.review] in pyproject.toml ([review] in a perftable.toml): points, weights, cap, thresholds, error-ceiling.",
    ],
}
_CEILING = {"zh": "有错误的表至多评为{grade}。", "en": " A table with an error is graded {grade} at best."}


def _data(scoring: Scoring, lang: Lang) -> dict[str, object]:
    rules = all_rules()
    return {
        "points": dict(scoring.points),
        "weights": dict(scoring.weights),
        "cap": scoring.cap,
        "thresholds": dict(scoring.thresholds),
        "error_ceiling": scoring.error_ceiling,
        "criteria": {
            criterion: {
                "name": names[lang],
                "rules": {rule.code: list(rule.opinions) for rule in rules if rule.criterion == criterion},
            }
            for criterion, names in CRITERIA.items()
        },
        "ungraded": [rule.code for rule in rules if rule.criterion is None],
        "outcomes": {grade: texts[lang] for grade, texts in OUTCOMES.items()},
    }


def explain_scoring(scoring: Scoring, lang: Lang = "zh", fmt: str = "text") -> str:
    """The scoring in force as text (markdown is the same text) or JSON."""
    data = _data(scoring, lang)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    number = "{:g}".format
    ceiling = scoring.error_ceiling
    weights = ", ".join(f"{key} × {number(value)}" for key, value in scoring.weights.items())
    values = {
        **{key: number(value) for key, value in scoring.points.items()},
        **{key: number(value) for key, value in scoring.thresholds.items()},
        "cap": number(scoring.cap),
        "ceiling": _CEILING[lang].format(grade=GRADE_NAMES[ceiling][lang]) if ceiling else "",
        "ungraded": " ".join(data["ungraded"]),  # type: ignore[arg-type]  # a list of codes
        "weights": weights or ("全部为 1" if lang == "zh" else "all 1"),
    }
    lines = [line.format(**values) for line in _TEXT[lang]]
    lines += ["", "审核内容与规则：" if lang == "zh" else "Criteria and the rules that serve them:"]
    for criterion in CRITERIA:
        lines.append(f"  {criterion_name(criterion, lang)}")
        for rule in all_rules():
            if rule.criterion == criterion:
                opinions = "；".join(opinion_text(opinion, lang) for opinion in rule.opinions)
                lines.append(f"    {rule.code}  {opinions}")
    lines += ["", "审核结论：" if lang == "zh" else "What each grade means:"]
    lines += [f"  {GRADE_NAMES[grade][lang]}: {text[lang]}" for grade, text in OUTCOMES.items()]
    return "\n".join(lines) + "\n"
