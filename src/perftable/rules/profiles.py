"""Profiles: what a layout requires, as named presets of rule options (the categories I001 requires, the header
fields M001 requires …). Chosen from the document (its kind and budget layout) unless the user names one in the
configuration (``profile = "central-2021"``).

A rule reads its options only; the engine sets them from the rule's defaults, then the profile's preset, then the
configuration, which wins. A preset names only what its layout changes: the defaults stay in the rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from perftable.model import Document
from perftable.rules.base import Entry


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # rule code -> option -> value


PROFILES: dict[str, Profile] = {
    profile.name: profile
    for profile in (
        Profile("department", "部门整体支出绩效目标表 (generic department table)"),
        Profile("project", "项目支出绩效目标表 (generic project table)"),
        Profile(
            "guangdong-department",
            "广东 部门整体预算绩效目标表 (预算整体情况, 年度重点工作任务, 按预算级次划分)",
            {"M001": {"department_fields": ("部门名称", "财政供养人员数", "下属二级单位数")}},
        ),
        Profile(
            "shanghai-project",
            "上海 财政项目支出绩效目标申报表 (项目资金总额 / 年度资金申请总额 in 元, 计划开始/完成日期)",
            {"M001": {"project_fields": ("项目名称", "主管部门", "实施单位", "项目期限", "项目类别")}},
        ),
        Profile(
            "central-2021",
            "central forms of 2021 and later: 成本指标 as a level-1 with 经济/社会/生态环境成本指标",
            {
                "I001": {"categories": ("产出指标", "效益指标", "满意度指标", "成本指标")},
                "I002": {"required": ("数量指标", "质量指标", "时效指标")},
            },
        ),
        Profile(
            "local",
            "local forms: 成本指标 under 产出指标; 可持续影响指标 allowed; 环境效益 read as 生态效益; satisfaction may "
            "sit under 效益指标",
            {"I005": {"alternate_parents": True}, "I011": {"alternate_parents": True}},
        ),
    )
}


def preset(profile: Profile, rule: Entry) -> dict[str, Any]:
    """A rule's options under a profile: the rule's defaults, then what the profile presets."""
    defaults = {name: option.default for name, option in rule.options.items()}
    return {**defaults, **profile.options.get(rule.code, {})}


_GUANGDONG_KEYS = frozenset({"own_level", "transfer", "other_development", "special", "development"})
_CENTRAL_COSTS = frozenset({"经济成本指标", "社会成本指标", "生态环境成本指标"})
_SATISFACTION = frozenset({"服务对象满意度指标", "社会公众满意度指标"})


def detect(document: Document) -> Profile:
    """The profile a document's layout implies (``perftable rules --profile NAME`` shows what each requires)."""
    if document.kind == "department" and any(line.key in _GUANGDONG_KEYS for line in document.budget):
        return PROFILES["guangdong-department"]
    if document.kind == "project" and {"项目类别", "计划开始日期"} <= set(document.info):
        return PROFILES["shanghai-project"]
    if any(i.level1 == "成本指标" and i.level2 in _CENTRAL_COSTS for i in document.indicators):
        return PROFILES["central-2021"]
    if any(i.level1 == "效益指标" and i.level2 in _SATISFACTION for i in document.indicators):
        return PROFILES["local"]
    return PROFILES[document.kind]
