"""Column headers and the roles they give their columns, in indicator tables, task tables and project listings.

A header is normalised before it is looked up (:func:`normalise_header`): whitespace, ``*`` and colons go, and
brackets at its end are taken off as *qualifiers* (``二级指标(长期)``, ``指标值(年度)``, ``项目名称（必填）``,
``预算数（单位：万元）``, ``指标权重(%)``); so do a year in front (``2026年目标值``, ``2026年度指标值``; a range,
``2024-2026年指标值``, says the long term), a period word in front (``本年绩效指标值``, ``当年绩效目标``) and the
word 绩效 before 指标/度量 (``绩效指标性质``, ``绩效度量单位``). What the qualifiers and the prefix say is kept: the
period (annual or long-term), the year, a money unit, a percentage.

A year in front is matched to the table's year by the readers that know it (:func:`names_other_year`): a value column
of another year (``2025年目标值`` beside ``2026年目标值``) is not the table's. A column of what was achieved
(:func:`is_actuals_header`: ``2025年完成值``, ``上年实际值``, ``实际完成数``) is never a value column, whatever its year.

Roles (:data:`ROLES`), by the part of the table they describe:

- indicator: ``level1``, ``level2``, ``name`` (the level-3 name), ``indicator`` (a column of indicators written
  whole: levels and name run together, or numbered prose), ``name_value`` (the name and its value in one cell,
  ``名称：值``, under 三级指标及指标值), ``value``, ``comparator`` (指标性质 ``＝ ≥ ≤ 定性``),
  ``unit``, ``value_type`` (定量/定性), ``tree_level`` (指标层级 1/2/3: a flat list of a tree's rows), ``weight`` (指标权重, 分值), ``explanation``, ``scoring``, ``remarks``,
  ``core`` (是否核心), ``activity`` (活动);
- listing: ``seq`` (序号), ``budget_year`` (预算年度: the year of each row, a budget system's export), ``project``, ``code``, ``spending_unit`` (单位名称, 资金使用单位), ``amount``
  (项目总额, 预算数, 金额 …: its budget key says which), ``goal``;
- task: ``task_name``, ``task_content``, ``task_funds``, ``task_target``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from perftable.values.cleaning import label_key
from perftable.values.patterns import YEAR
from perftable.vocab._keys import index
from perftable.vocab.labels import ANNUAL_PERIOD_WORDS, LONG_PERIOD_WORDS

# role -> spellings (normalised form, see normalise_header)
_ROLE_SPELLINGS: Final[dict[str, str]] = {
    "level1": "一级指标 一级绩效指标 一级绩效指标名称 一级指标名称 一级",
    "level2": "二级指标 二级绩效指标 二级绩效指标名称 二级指标名称 二级",
    "name": "三级指标 指标名称 三级指标名称 三级绩效指标名称 绩效指标名称 三级绩效指标 三级 指标内容 具体指标",
    "indicator": "绩效指标 指标 绩效指标内容 指标及指标值",
    "name_value": """三级指标及指标值 三级指标及目标值 三级指标名称及指标值 指标名称及指标值 指标名称及目标值 绩效指标及指标值
                  三级指标及指标值(含单位) 指标内容及指标值 三级指标及其指标值""",
    "value": """指标值 目标值 绩效指标值 预期目标值 绩效目标值 全年目标值 项目指标值 目标值(指标值) 指标目标值
             绩效标准值 标准值 指标值及单位 预期实现值 预期值 期望值 指标值(包含数字及文字描述) 年度(/项目)指标值""",
    "comparator": "指标性质 指标方向 计算符号 符号 运算符号 比较符 比较符号 指标值符号 关系符 指标符号",
    "unit": "计量单位 度量单位 单位 指标单位 计算单位 指标值单位 计量单位(度量单位)",
    "value_type": "指标值类型 指标类型 值类型 指标值性质",
    "tree_level": "指标层级 层级 指标级次 级次 指标级别 指标层次 层次",
    "weight": "指标权重 权重 分值 指标分值 权重分值 分值权重 标准分值 指标分值权重",
    "explanation": "指标解释 指标说明 指标定义 指标释义",
    "scoring": "评(扣)分标准 评分标准 扣分标准 评分规则 评(扣)分规则 评分办法",
    "remarks": "备注 说明",
    "core": "是否核心 是否核心指标 核心指标",
    "activity": """活动 对应活动 项目活动 活动名称 任务名称 任务 对应任务 重点任务 工作任务 主要任务 年度任务 重点工作任务
                部门职责 职责 主要职责 部门主要职责 履职内容""",
    "seq": "序号 编号",
    "budget_year": "预算年度 编报年度 绩效年度 预算年份 年份",
    "project": """项目名称 项目 一级项目名称 二级项目名称 项目全称 支出项目 项目支出名称 重点项目 项目名称(资金使用单位)
               转移支付名称 项目(资金)名称 项目资金名称 专项(项目)名称 专项项目名称 项目名称及代码 项目名称及编码 资金名称
               专项资金名称 项目(专项)名称""",
    "code": "项目编码 项目代码 项目编号",
    "spending_unit": "单位名称 二级预算单位名称 预算单位名称 预算单位 资金使用单位 单位(部门)名称 部门(单位)名称",
    "amount": """项目总额 总计 合计 预算数 金额 预算金额 项目金额 资金总额 项目资金 财政拨款预算金额 预算 财政资金
              财政拨款 其他资金 财政专户拨款 年度预算 预算资金 资金 当年财政拨款预算金额 项目预算数 安排金额""",
    "goal": """绩效目标 年度绩效目标 项目绩效目标 项目总体绩效目标 总体绩效目标 整体绩效目标 目标 项目年度绩效目标
            年度目标 绩效目标(概述)""",
}
ROLES: Final[dict[str, str]] = index(_ROLE_SPELLINGS)

INDICATOR_ROLES: Final = frozenset(
    {
        "level1",
        "level2",
        "name",
        "indicator",
        "name_value",
        "value",
        "comparator",
        "unit",
        "value_type",
        "tree_level",
        "weight",
        "explanation",
        "scoring",
        "remarks",
        "core",
    }
)
LISTING_ROLES: Final = frozenset({"seq", "project", "code", "spending_unit", "amount", "goal", "budget_year"})

# Indicator table columns as the form reader knows them (one role a header), and task table columns.
INDICATOR_COLUMNS: Final[dict[str, str]] = index(
    {
        "level1": _ROLE_SPELLINGS["level1"],
        "level2": _ROLE_SPELLINGS["level2"],
        "name": _ROLE_SPELLINGS["name"],
        "name_value": _ROLE_SPELLINGS["name_value"],
        "value": _ROLE_SPELLINGS["value"] + " 年度指标值 本年指标值 年度目标值 年度绩效指标值 当年预期实现值",
        "unit": _ROLE_SPELLINGS["unit"],
    }
)
TASK_COLUMNS: Final[dict[str, str]] = index(
    {
        "name": "名称 任务名称 工作任务 重点工作任务 年度目标任务 任务 项目名称 工作任务名称 主要任务 年度主要任务",
        "content": "主要实施内容 实施内容 主要内容 任务内容 工作内容 具体内容",
        "funds": """拟投入的资金 拟投入的资金(万元) 拟投入资金 拟投入资金(万元) 预算金额 预算金额(万元) 预算金额(元) 资金
                 金额 金额(万元) 资金(万元) 预算资金 预算资金(万元) 合计 总额 资金总额 资金合计 投入资金(万元) 预算数 预算数(万元)""",
        "target": "期望达到的目标 期望达到的目标(概述) 预期目标 期望目标 目标 预期达到的目标 绩效目标",
    }
)

MAX_HEADER = 40  # characters: longer text is never a header

_TRAILING_BRACKET = re.compile(r"\(([^()]*)\)$")
# A year (or a range of years) in front of a header: 2026年目标值, 2026年度指标值, 2024-2026年指标值.
_LEADING_YEAR = re.compile(rf"^(?P<first>{YEAR})(?:[-—–~至到](?P<last>{YEAR}))?年度?(?=\S)")
# What was achieved, not targeted: 完成值, 实际值, 实际完成数, 执行情况 (预期实现值 is a target).
_ACTUALS = re.compile(r"(?:实际(?:完成)?|完成|执行)(?:值|数|情况)$")
_MONEY = re.compile(r"(?:单位[:：]?)?(万元|元|亿元)$")
_LONG_WORDS: Final = LONG_PERIOD_WORDS
_ANNUAL_WORDS: Final = ANNUAL_PERIOD_WORDS


@dataclass(frozen=True, slots=True)
class Header:
    """What a header cell says: its role (None when it names none), the period and money unit its qualifiers or
    prefix give, whether it is a percentage, and its normalised form."""

    role: str | None
    key: str
    period: str | None = None  # "annual" or "long"
    money: str | None = None  # 万元, 元, 亿元
    percent: bool = False
    required: bool = False  # marked required: * or (必填)
    year: int | None = None  # the one year printed in front (2026年目标值)


def _period(word: str) -> str | None:
    if any(w in word for w in _LONG_WORDS):
        return "long"
    if any(w in word for w in _ANNUAL_WORDS):
        return "annual"
    return None


@lru_cache(maxsize=8192)
def normalise_header(text: str) -> Header:
    """A header cell's normalised form and qualifiers (its role left unset; see :func:`header`)."""
    key = label_key(text)
    required = text.strip().startswith(("*", "★")) or "必填" in key
    period = money = None
    percent = False
    while (match := _TRAILING_BRACKET.search(key)) and match.start() > 0:
        word = match[1]
        if unit := _MONEY.search(word):
            money = unit[1]
        elif word in ("%", "％", "百分比"):
            percent = True
        else:
            period = period or _period(word)
        key = key[: match.start()]
    key = key.rstrip(":：")
    year = None
    if lead := _LEADING_YEAR.match(key):
        key = key[lead.end() :]
        if lead["last"]:
            period = period or "long"
        else:
            year = int(lead["first"])
    return Header(None, key, period, money, percent, required, year)


_PREFIXES: Final = (*_LONG_WORDS, *_ANNUAL_WORDS)
_ADJUSTED: Final = "调整后"


@lru_cache(maxsize=8192)
def header(text: str) -> Header:
    """The role of a header cell (see the module docstring), with its qualifiers."""
    base = normalise_header(text)
    key = base.key
    if not key or len(key) > MAX_HEADER:
        return base
    period = base.period
    role = ROLES.get(key)
    if role is None:
        for prefix in _PREFIXES:
            if key.startswith(prefix) and (found := ROLES.get(key[len(prefix) :])):
                role, period = found, period or _period(prefix)
                break
    if role is None and key.startswith(("绩效", _ADJUSTED)):
        # 绩效指标性质; 调整后指标值 (a 预算调整 form: the target as adjusted; 调整前指标值 names no column role)
        role = ROLES.get(key[2:] if key.startswith("绩效") else key[len(_ADJUSTED) :])
    if role is None and (stripped := key.replace("(", "").replace(")", "")) != key:
        role = ROLES.get(stripped)
    if role is None:
        role = _joined_role(key)
    return Header(role, key, period, base.money, base.percent, base.required, base.year)


# Two headers printed as one (单位名称、项目名称, 预算单位/项目名称, 单位及项目名称): the rows under it name either,
# a spending unit's row above its projects. The column is the projects' (the unit rows are headings of a listing).
_JOINER = re.compile(r"[、/／,，]|(?<=.)及(?=.)")
_JOINED_PREFERENCE: Final = ("project",)


def _joined_role(key: str) -> str | None:
    """The role of a header that joins two (``单位名称、项目名称``): the project's if one part names it, else the role
    every part shares; None otherwise. A part may lean on the other's last word (``单位及项目名称``)."""
    parts = [part for part in _JOINER.split(key) if part]
    if len(parts) < 2:
        return None
    tail = parts[-1][-2:]
    roles = {ROLES.get(part) or ROLES.get(part + tail) for part in parts}
    for preferred in _JOINED_PREFERENCE:
        if preferred in roles:
            return preferred
    return roles.pop() if len(roles) == 1 else None


def names_other_year(text: str, year: int | None) -> bool:
    """True when a header names a year in front that is not the table's (``2025年目标值`` in a 2026 table); False
    when the table's year is not known."""
    named = normalise_header(text).year
    return year is not None and named is not None and named != year


_BARE_YEAR = re.compile(rf"^(?P<year>{YEAR})(?:年度?)?$")


def bare_year(text: str) -> int | None:
    """The year of a header cell that is nothing but a year (``2026年``, ``2027年度``, ``2028``, ``2027年(预计)``):
    the sub-header of one column of a group printed for several years (项目资金 over ``2026年 | 2027年 | 2028年``);
    None for anything else."""
    key = label_key(text)
    while (match := _TRAILING_BRACKET.search(key)) and match.start() > 0:
        key = key[: match.start()]
    found = _BARE_YEAR.match(key)
    return int(found["year"]) if found else None


def is_actuals_header(text: str) -> bool:
    """A header of what was achieved (``2025年完成值``, ``上年实际值``, ``实际完成数``): such a column is printed beside
    the targets for comparison and never holds them."""
    return _ACTUALS.search(normalise_header(text).key) is not None


def header_role(text: str) -> str | None:
    """Shortcut: the role of a header cell, or None."""
    return header(text).role


def column_role(text: str, columns: dict[str, str]) -> str | None:
    """Which column a header cell names in one of the form reader's tables (``INDICATOR_COLUMNS``,
    ``TASK_COLUMNS``), or None."""
    key = label_key(text)
    if len(key) > MAX_HEADER:
        return None
    if found := columns.get(key):
        return found
    return columns.get(normalise_header(text).key)
