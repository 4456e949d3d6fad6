"""The vocabulary of the 绩效目标表 family: level names, field labels and column headers, with their synonyms.

Everything here is data, looked up through :func:`perftable.text.label_key` (so spaces, full-width forms,
line breaks and traditional characters do not matter). The extractor finds sections by these labels, never by
fixed positions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from perftable.text import label_key

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

# The score range some layouts print after a level name: 成本指标(0-20)分, 产出指标（50分）.
_SCORE_SUFFIX = re.compile(r"\(?\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?\)?分?\)?$")

_L1_INDEX: Final[dict[str, str]] = {**{name: name for name in LEVEL1}, **_LEVEL1_SYNONYMS}
_L2_INDEX: Final[dict[str, str]] = {**{name: name for name in LEVEL2_PARENT}, **_LEVEL2_SYNONYMS}


def _strip_score(key: str) -> str:
    """``成本指标(0-20)分`` -> ``成本指标``; ``…指标指标`` -> ``…指标``; a trailing ``等`` dropped."""
    stripped = _SCORE_SUFFIX.sub("", key)
    key = stripped if stripped and stripped != key and not stripped[-1].isdigit() else key
    key = key.removesuffix("等")
    return key[:-2] if key.endswith("指标指标") else key


@lru_cache(maxsize=16384)
def level1_name(text: str) -> str | None:
    """The canonical level-1 name of a cell, or None when it is not one."""
    key = label_key(text)
    return _L1_INDEX.get(key) or _L1_INDEX.get(_strip_score(key))


@lru_cache(maxsize=16384)
def level2_name(text: str) -> str | None:
    """The canonical level-2 name of a cell, or None when it is not a known one.

    ``成本指标`` is both a level-1 (central layout) and a level-2 (under 产出); this returns it as a level-2 too.
    """
    key = label_key(text)
    return _L2_INDEX.get(key) or _L2_INDEX.get(_strip_score(key))


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


# --- section and field labels -------------------------------------------------------------------------------


def _keys(words: str) -> frozenset[str]:
    """Lookup keys of a whitespace-separated list of spellings."""
    return frozenset(label_key(word) for word in words.split())


def _index(mapping: dict[str, str]) -> dict[str, str]:
    """role -> whitespace-separated spellings, as a lookup of key -> role."""
    return {
        label_key(spelling): role for role, spellings in mapping.items() for spelling in spellings.split()
    }


# Fields that name the department (部门名称 …) and the project.
DEPARTMENT_LABELS: Final = _keys(
    """部门名称 部门(单位)名称 单位名称 预算单位 预算部门 主管部门 主管部门及代码 主管部门及其编码 主管部门及编码
    项目主管部门 业务主管部门 主管预算部门 部门 填报单位 申报单位 预算单位名称 部门(单位) 单位(部门)名称 预算部门名称"""
)
PROJECT_LABELS: Final = _keys("项目名称 项目全称 项目支出名称")

# Other labelled header fields, kept in Document.info under their printed label.
INFO_LABELS: Final = _keys(
    """财政供养人员数 下属二级单位数 实施单位 项目实施单位 项目执行单位 项目单位 项目性质 项目类别 项目属性 项目分类
    项目类型 项目期限 项目周期 项目期 建设周期 建设期限 实施期限 实施周期 实施期 执行期限 起止时间 项目实施期 项目支出实施期 项目起止时间 项目起止日期 计划开始日期
    计划完成日期 项目开始日期 项目结束日期 项目负责人 项目负责人及电话 项目责任人 项目责任人(签字) 联系电话 联系人 填报人
    填表人 填报日期 项目编码 部门预算编码 部门编码 单位编码 主管部门编码 资金用途 立项依据 项目审批 项目概况 项目总体概况
    项目立项情况 项目立项的依据 项目申报的可行性 项目申报的必要性 部门职能 部门职能职责 部门职能职责概述 部门职能概述
    主要职能 部门(单位)职责 单位职责 绩效目标填报说明 主管处室 归口处室 归口科室 支出功能分类 资金性质 财政资金预算分类
    财政资金科目代码 编制人数 在职人数 实有人数 预算年度 年度"""
)

# Group labels: they head a block and carry no value of their own.
GROUP_LABELS: Final = _keys(
    """基本信息 预算整体情况 项目资金 项目资金(元) 项目资金(万元) 年度预算安排 年度预算安排(万元) 年度预算申请
    年度预算申请(万元) 项目基本情况 资金情况 资金情况(万元) 部门预算 预算情况 绩效指标 年度绩效指标 本年度绩效指标
    长期绩效指标 项目绩效目标 预算资金情况 资金来源 按收入性质分 按支出性质分 收入来源 收入构成 支出构成 部门总体资金情况
    部门预算支出 事业发展性支出 按预算级次划分 预算金额 预算金额(万元) 预算金额(元) 金额 项目预算 项目资金申请
    项目资金申请(万元) 投入目标 投入目标(万元) 资金总额(万元) 年度资金 年度资金总额及构成 项目资金预算执行 预算执行
    部门整体支出 项目支出绩效目标 项目实施进度计划"""
)

# Goal blocks. Department and annual goals go to Document.goals; a project's long-term goal goes to info.
GOAL_LABELS: Final = _keys(
    """总体绩效目标 年度总体目标 年度目标 总体目标 年度绩效目标 绩效目标 年度总体绩效目标 部门整体绩效目标 整体绩效目标
    年度部门整体绩效目标 项目年度绩效目标 年度总目标 年度绩效目标(概述) 部门年度绩效目标 本年度绩效目标 年度主要目标和成果
    项目总体绩效目标 项目年度目标"""
)
LONG_TERM_GOAL_LABELS: Final = _keys(
    """项目总目标 中长期目标 总目标 项目中长期目标 实施期目标 实施期总目标 实施期绩效目标 长期目标 中期目标 项目长期目标
    中期绩效目标 长期绩效目标 中长期绩效目标 项目中期目标 项目实施期目标 实施期总体目标 项目实施期绩效目标"""
)
# The period a goal label may print after it: 中期目标(2024年—2026年), 实施期目标（2024-2026年）, 年度目标(2024年度).
_GOAL_PERIOD = re.compile(
    r"\((?P<first>(?:19|20)\d{2})年?度?(?:[-—–~～至到]+(?P<last>(?:19|20)\d{2})年?度?)?\)$"
)


@lru_cache(maxsize=4096)
def goal_label_kind(text: str) -> str | None:
    """``goal`` for an annual goal label, ``long_goal`` for a mid- or long-term one, None for other text.

    A period printed after the label is dropped (``中期目标(2024年—2026年)``); one spanning several years makes any
    goal label but an annual one long-term (``总体目标(2024-2026年)``). Labels such as ``年度目标完成情况`` (of a
    self-evaluation) are not goal labels."""
    key = label_key(text)
    match = _GOAL_PERIOD.search(key)
    base = key[: match.start()] if match else key
    several_years = bool(match and match["last"] and match["last"] != match["first"])
    if base in LONG_TERM_GOAL_LABELS or (several_years and base in GOAL_LABELS and "年度" not in base):
        return "long_goal"
    return "goal" if base in GOAL_LABELS else None


# The period an indicator table (or a column group of one) is for, as its labels print it: 中期/长期/实施期 targets
# beside or above the annual (年度) ones. 整体 (整体绩效指标 beside 年度绩效指标) says so only next to another group.
_LONG_PERIOD_WORDS: Final = ("中长期", "中期", "长期", "实施期", "项目期")
_ANNUAL_PERIOD_WORDS: Final = ("年度", "当年", "本年")


@lru_cache(maxsize=4096)
def indicator_period(text: str) -> str | None:
    """``long``, ``annual`` or ``overall`` for a label of an indicator table's period (``长期绩效指标``,
    ``中期目标(2024-2026年)``, ``年度指标值``, ``整体绩效指标``); None for other text."""
    key = label_key(text)
    if not key or len(key) > 24 or is_title(text):
        return None
    key = key.replace("部门整体", "").replace("单位整体", "")
    if any(word in key for word in _LONG_PERIOD_WORDS):
        return "long"
    if any(word in key for word in _ANNUAL_PERIOD_WORDS):
        return "annual"
    return "overall" if "整体" in key else None


def is_period_label(text: str) -> bool:
    """A label naming the period of the indicators under or beside it: ``长期绩效指标``, ``年度绩效指标``,
    ``中期目标(2024年—2026年)`` (not an indicator's name such as ``年度考核合格率``)."""
    if indicator_period(text) is None:
        return False
    key = _strip_score(label_key(text))
    return goal_label_kind(text) is not None or key.endswith(("指标", "目标"))


def strip_period(text: str) -> str:
    """A column header without its period word: ``中期指标值`` -> ``指标值``."""
    key = label_key(text)
    for word in (*_LONG_PERIOD_WORDS, *_ANNUAL_PERIOD_WORDS, "整体"):
        key = key.replace(word, "")
    return key


# Task sections.
KEY_TASK_LABELS: Final = _keys(
    """年度重点工作任务 重点工作任务 年度主要任务 年度履职目标 年度工作任务 主要任务 工作任务 部门年度重点工作任务
    年度重点任务 重点任务"""
)
OTHER_TASK_LABELS: Final = _keys(
    "其他需完成的任务 其他需完成的任务(可选填) 其他任务 其他工作任务 其他需要完成的任务"
)

# Task table columns.
TASK_COLUMNS: Final[dict[str, str]] = _index(
    {
        "name": "名称 任务名称 工作任务 重点工作任务 年度目标任务 任务 项目名称 工作任务名称 主要任务 年度主要任务",
        "content": "主要实施内容 实施内容 主要内容 任务内容 工作内容 具体内容",
        "funds": """拟投入的资金 拟投入的资金(万元) 拟投入资金 拟投入资金(万元) 预算金额 预算金额(万元) 预算金额(元) 资金
                 金额 金额(万元) 资金(万元) 预算资金 预算资金(万元) 合计 资金总额 投入资金(万元) 预算数 预算数(万元)""",
        "target": "期望达到的目标 期望达到的目标(概述) 预期目标 期望目标 目标 预期达到的目标 绩效目标",
    }
)

# Indicator table columns.
INDICATOR_COLUMNS: Final[dict[str, str]] = _index(
    {
        "level1": "一级指标 一级绩效指标 一级绩效指标名称",
        "level2": "二级指标 二级绩效指标",
        "name": "三级指标 指标名称 三级指标名称 三级绩效指标名称 绩效指标名称 指标内容",
        "value": """指标值 目标值 年度指标值 年度(/项目)指标值 绩效指标值 预期目标值 年度目标值 绩效目标值 全年目标值
                 指标值(包含数字及文字描述) 年度指标值(包含数字及文字描述) 项目指标值 年度绩效指标值 目标值(指标值)
                 指标目标值 绩效标准值 标准值 指标值及单位 当年预期实现值 年度预期目标值 预期值""",
        "unit": "计量单位 度量单位 单位 指标单位 计算单位",
    }
)

# Headers of a self-evaluation (自评表): such tables are not target tables and are skipped.
SELF_EVALUATION_COLUMNS: Final = _keys(
    """实际完成值 全年实际值 实际值 完成值 实际完成情况 偏差原因分析及改进措施 全年执行数 执行率 得分
    未完成原因及拟采取的改进措施 全年预算数 全年执行数(B) 执行率(B/A) 全年预算数(A)"""
)

# Rows after which a form's tables end (footnotes).
END_LABELS: Final = _keys("备注 填报说明 说明 注 填表说明 其他需说明的问题 其他说明的问题")

_NOTE_PREFIX = re.compile(r"^(备注|注|说明|填报说明|填表说明)\s*[:：]")
# Sign-off rows under a form: 财政部门审核意见, 填表人：…, 单位负责人签字.
_TRAILER = re.compile(
    r"(审核|初审|审批|审查|复核)意见|^填表人|^填报人[:：]|负责人(签字|签章)|^单位(公章|盖章)"
)


def is_footnote(text: str) -> bool:
    """A note or sign-off under the table: ``备注：1. 本表…``, ``财政部门审核意见``, ``填表人：…``."""
    key = label_key(text)
    return key in END_LABELS or bool(_NOTE_PREFIX.match(text.strip())) or bool(_TRAILER.search(key))


# --- titles -------------------------------------------------------------------------------------------------

_TITLE = re.compile(r"绩效目标(申报|审核|审批)?表")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_SHORT_YEAR = re.compile(r"(?<![\d])(\d{2})\s*年度")


def is_title(text: str) -> bool:
    """A title such as 2024年市级部门整体预算绩效目标表 or 财政项目支出绩效目标申报表."""
    key = label_key(text)
    return bool(_TITLE.search(key)) and len(key) <= 60 and "自评" not in key


def year_in(text: str) -> int | None:
    """The year a title or a ``（2026年度）`` line names."""
    key = label_key(text)
    match = _YEAR.search(key)
    if match:
        return int(match[1])
    short = _SHORT_YEAR.search(key)
    return 2000 + int(short[1]) if short else None


def is_year_line(text: str) -> bool:
    """A line that only names the year: ``（2026年度）``, ``2019年度)``."""
    key = label_key(text)
    return bool(re.fullmatch(r"\(?(?:19|20)?\d{2}年度?\)?", key))


def kind_of_title(text: str) -> str | None:
    key = label_key(text)
    if "部门整体" in key or "整体支出" in key or "部门预算绩效" in key:
        return "department"
    if "项目" in key:
        return "project"
    return None


# --- budget block -------------------------------------------------------------------------------------------

# key -> spellings. Keys are the public slugs of BudgetLine.key.
BUDGET_KEYS: Final[dict[str, str]] = {
    "total": """部门预算支出合计 预算支出合计 支出合计 资金总额 部门预算总额 预算总额 总计 合计 年度预算总额 部门整体支出
             部门预算支出 预算资金总额 收入合计 部门预算合计""",
    "annual_total": """年度资金申请总额 年度资金总额 本年度资金 年度预算资金 年度资金 当年资金 本年资金申请总额 年度预算申请总额
                    年度申请资金 年度资金申请 本年度资金总额 当年年度预算 年度本级预算金额 项目预算金额 年度预算金额""",
    "basic": "基本支出 基本支出合计",
    "personnel": "人员经费 人员支出",
    "public_expenses": "公用经费 日常公用经费",
    "project": "项目支出 项目支出合计",
    "development": "事业发展性支出",
    "special": "财政专项资金 专项资金",
    "other_development": "其他事业发展性支出",
    "fiscal": """财政拨款 财政资金 财政拨款资金 财政性资金 当年财政拨款 本年财政拨款 财政补助 财政补助资金 财政拨款(补助)
              财政拨款数 预算资金 上级资金 本级财政 财政拨款金额""",
    "general_budget": "一般公共预算 一般公共预算拨款 一般公共预算资金 一般公共预算财政拨款",
    "government_fund": "政府性基金 政府性基金拨款 政府性基金预算 政府性基金预算拨款",
    "special_account": "纳入专户管理的非税收入拨款 纳入专户管理的非税收入 财政专户管理资金",
    "other_funds": "其他资金 其它资金 其他来源资金 自有资金 单位自筹 自筹资金 其他来源 其他 其它",
    "carryover": "上年结转资金 上年结转 结转资金 上年结余 上年结转结余",
    "own_level": "本级使用资金 市本级使用资金 省本级使用资金 县本级使用资金 区本级使用资金 县级使用资金 本级使用",
    "transfer": "拟用于对下转移支付资金 对下转移支付资金 转移支付资金 对下转移支付 用于对下转移支付资金",
}
# Totals that open a column group: the labels under them in the same column belong to them, so that the two
# 其他资金 of a project table (under 项目资金总额 and under 年度资金申请总额) get distinct keys.
PROJECT_TOTAL_LABELS: Final = _keys(
    "项目资金总额 项目总预算 项目预算总额 项目总金额 项目资金总计 总预算 中期资金总额"
)
# Keys that say what they are only together with the group they sit in. ``source`` is a funding source the
# vocabulary does not name (其中：中央财政资金, 省级补助资金), kept under its printed label.
GROUPED_KEYS: Final = frozenset({"fiscal", "other_funds", "carryover", "source"})
# Labels that are budget lines only when an amount follows them (else they head a column: 部门预算支出 | 预算金额).
HEADER_OR_LINE: Final = _keys("部门预算支出 事业发展性支出 资金总额 合计")

_BUDGET_INDEX: Final[dict[str, str]] = {
    **_index(BUDGET_KEYS),
    **dict.fromkeys(PROJECT_TOTAL_LABELS, "total"),
}
_MONEY_SUFFIX = re.compile(r"\((万元|元|亿元)\)$")
_WHICH_PREFIX = re.compile(r"^(其中|含|包括)[:：]?")
_NUMBERING = re.compile(r"^(\d+[.、]|[(（]\d+[)）]|[一二三四五六七八九十]+、)")


@lru_cache(maxsize=16384)
def money_unit_of(text: str) -> str | None:
    """The money unit a label or header prints in brackets: ``预算金额(万元)`` -> ``万元``."""
    key = label_key(text)
    match = _MONEY_SUFFIX.search(key) or re.search(r"(?:金额)?单位[:：]?(万元|元|亿元)$", key)
    return match[1] if match else None


@lru_cache(maxsize=16384)
def budget_key(text: str) -> str | None:
    """The budget key of a label (``其中：财政资金`` -> ``fiscal``), or None when it is not a budget label."""
    return _BUDGET_INDEX.get(_bare_label(text))


# How the name of a funding source ends: 中央财政资金, 省级补助, 地方配套, 银行贷款, 专项债券, 国有资本经营预算 ….
# (Not 经费, and nothing with 的: 专项经费, 对个人和家庭的补助 are what is spent, not where it comes from.)
_SOURCE_END: Final = re.compile("(资金|拨款|补助|补贴|配套|自筹|贷款|债券|投资|资本|收入|预算|基金)$")


def _bare_label(text: str) -> str:
    """A budget label without its numbering, 其中/含 prefix and money unit."""
    return _MONEY_SUFFIX.sub("", _WHICH_PREFIX.sub("", _NUMBERING.sub("", label_key(text))))


def is_sub_item(text: str) -> bool:
    """A label that opens a breakdown: ``其中：中央财政资金``, ``含：自筹资金``."""
    return bool(_WHICH_PREFIX.match(_NUMBERING.sub("", label_key(text))))


@lru_cache(maxsize=4096)
def is_funding_source(text: str) -> bool:
    """A label naming a funding source the budget keys do not know: short text ending in 资金, 拨款, 补助 …
    (``其中：中央财政资金``, ``省级财政资金``, ``县级配套``)."""
    key = _bare_label(text)
    return (
        2 <= len(key) <= 16
        and _SOURCE_END.search(key) is not None
        and not any(ch.isdigit() or ch in ",。;、:()的" for ch in key)
    )


def is_project_total(text: str) -> bool:
    key = _MONEY_SUFFIX.sub("", label_key(text))
    return key in PROJECT_TOTAL_LABELS


def is_header_or_line(text: str) -> bool:
    return _MONEY_SUFFIX.sub("", label_key(text)) in HEADER_OR_LINE


def column_role(text: str, columns: dict[str, str]) -> str | None:
    """Which column a header cell names (indicator or task tables), or None."""
    key = label_key(text)
    if len(key) > 40:
        return None
    return columns.get(key) or columns.get(_MONEY_SUFFIX.sub("", key))
