"""The review criteria and coded opinions a reviewer writes, as data.

财预〔2015〕88号 第十九条 reviews a 绩效目标表 for 完整性 (the targets are complete, clear), 相关性 (the indicators relate
to the unit's tasks and goals, and are specific and measurable), 适当性 (the targets fit the funds, neither too high
nor too low) and 可行性 (the targets are worked out and can be reached with the budget). The budget system's review
module records its opinion as short coded phrases (指标不够完整, 相关性不够 …). Each rule declares, in its module,
the criterion it serves (``CRITERION``) and the opinions its findings support (``OPINIONS``); this module holds
their names in both languages, and a test checks that every rule names only these.
"""

from __future__ import annotations

from typing import Final

from perftable.messages import Lang

CRITERIA: Final[dict[str, dict[Lang, str]]] = {
    "完整性": {"zh": "完整性", "en": "completeness"},
    "相关性": {"zh": "相关性", "en": "relevance"},
    "适当性": {"zh": "适当性", "en": "appropriateness"},
    "可行性": {"zh": "可行性", "en": "feasibility"},
}

OPINIONS: Final[dict[str, dict[Lang, str]]] = {
    "incomplete": {"zh": "指标不够完整", "en": "the indicators are incomplete"},
    "add-indicators": {
        "zh": "建议增加效益/产出/满意度指标",
        "en": "add outcome, output or satisfaction indicators",
    },
    "wrong-level": {"zh": "一级或二级指标类型错误", "en": "a level-1 or level-2 category is wrong"},
    "unclear": {"zh": "指标表述不够明确清晰", "en": "indicators are not stated clearly"},
    "header-incomplete": {"zh": "基本信息填报不完整", "en": "the header fields are incomplete"},
    "outdated": {"zh": "内容与预算年度不符", "en": "the content does not match the budget year"},
    "irrelevant": {
        "zh": "相关性不够",
        "en": "indicators do not relate closely enough to the tasks and goals",
    },
    "not-quantified": {"zh": "指标不够细化量化", "en": "indicators are not specific or quantified enough"},
    "value-mismatch": {"zh": "指标与指标值不匹配", "en": "indicators and their values do not match"},
    "duplicate": {"zh": "指标重复设置", "en": "indicators are repeated"},
    "unreasonable-target": {"zh": "指标值设置不够合理", "en": "target values are not reasonable"},
    "budget-mismatch": {
        "zh": "绩效目标与预算资金不匹配",
        "en": "the targets and the budget do not match",
    },
    "timeline": {"zh": "时效目标与实施期限不符", "en": "deadlines fall outside the implementation period"},
}


def criterion_name(criterion: str | None, lang: Lang) -> str:
    """A criterion in the language asked for; ``-`` for a rule that serves none (reading, suppressions)."""
    return CRITERIA[criterion][lang] if criterion in CRITERIA else "-"


def opinion_text(opinion: str, lang: Lang) -> str:
    return OPINIONS[opinion][lang]
