"""Profiles: what a layout requires. Chosen from the document (its kind and budget layout) unless the user
names one in the configuration (``profile = "central-2021"``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from perftable.model import Document


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    required_level1: tuple[str, ...] = ("产出指标", "效益指标", "满意度指标")
    required_output_level2: tuple[str, ...] = ("数量指标", "质量指标", "时效指标", "成本指标")
    cost_as_level1: bool = False  # 成本指标 is required as a level-1 (central 2021 forms)
    alternate_parents: bool = False  # satisfaction may sit under 效益指标 (older local forms)
    required_fields: tuple[str, ...] = field(default_factory=tuple)


# The fields of a project form of the 项目支出绩效目标申报表 kind (Shanghai's): a layout known to print them.
PROJECT_FIELDS = ("项目名称", "主管部门", "实施单位", "项目期限")
# What any table of a kind must name. A generic layout is not known to print more: M001 asks no more of it than
# its name (and reports the fields it prints blank).
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {"department": ("部门名称",), "project": ("项目名称",)}

PROFILES: dict[str, Profile] = {
    profile.name: profile
    for profile in (
        Profile(
            "department",
            "部门整体支出绩效目标表 (generic department table)",
            required_fields=DEFAULT_FIELDS["department"],
        ),
        Profile(
            "project", "项目支出绩效目标表 (generic project table)", required_fields=DEFAULT_FIELDS["project"]
        ),
        Profile(
            "guangdong-department",
            "广东 部门整体预算绩效目标表 (预算整体情况, 年度重点工作任务, 按预算级次划分)",
            required_fields=("部门名称", "财政供养人员数", "下属二级单位数"),
        ),
        Profile(
            "shanghai-project",
            "上海 财政项目支出绩效目标申报表 (项目资金总额 / 年度资金申请总额 in 元, 计划开始/完成日期)",
            required_fields=(*PROJECT_FIELDS, "项目类别"),
        ),
        Profile(
            "central-2021",
            "central forms of 2021 and later: 成本指标 as a level-1 with 经济/社会/生态环境成本指标",
            required_level1=("产出指标", "效益指标", "满意度指标", "成本指标"),
            required_output_level2=("数量指标", "质量指标", "时效指标"),
            cost_as_level1=True,
        ),
        Profile(
            "local",
            "local forms: 成本指标 under 产出指标; 可持续影响指标 allowed; 环境效益 read as 生态效益; satisfaction may "
            "sit under 效益指标",
            alternate_parents=True,
        ),
    )
}

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
