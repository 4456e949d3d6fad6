"""The budget block: labels of amounts and the keys they map to, money units, funding sources."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from perftable.values.cleaning import label_key
from perftable.values.patterns import OUTLINE_NUMBER, YEAR
from perftable.vocab._keys import index, keys

# --- budget block -------------------------------------------------------------------------------------------

# key -> spellings. Keys are the public slugs of BudgetLine.key.
BUDGET_KEYS: Final[dict[str, str]] = {
    "total": """资金合计 项目资金合计 资金总计 实施期资金总额 部门预算支出合计 预算支出合计 预算支出总额 支出总额 支出合计 资金总额 部门预算总额 预算总额 总计 合计 年度预算总额 部门整体支出
             部门预算支出 预算资金总额 收入合计 部门预算合计 项目金额""",
    "annual_total": """年度资金申请总额 年度资金总额 本年度资金 年度预算资金 年度资金 当年资金 本年资金申请总额 年度预算申请总额
                    年度申请资金 年度资金申请 本年度资金总额 当年年度预算 年度本级预算金额 项目预算金额 年度预算金额
                    年度金额 当年预算 年度预算资金总额 当年预算金额 当年金额 本年金额 本年度金额 当年资金总额
                    本年预算 本年预算数 年度预算数 当年预算数 预算安排数 申请金额""",
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
    "state_capital": "国有资本经营预算 国有资本经营预算拨款 国有资本经营预算资金 国有资本经营收益",
    "special_account": "纳入专户管理的非税收入拨款 纳入专户管理的非税收入 财政专户管理资金",
    "other_funds": "其他资金 其它资金 其他来源资金 自有资金 单位自筹 自筹资金 其他来源 其他 其它 单位资金 单位自有资金",
    "carryover": "上年结转资金 上年结转 结转资金 上年结余 上年结转结余",
    # a unit's income besides its appropriation (收入预算: 财政拨款 | 事业收入 | 经营收入 | 其他收入)
    "business_income": "事业收入 事业收入预算",
    "operating_income": "经营收入",
    "superior_subsidy": "上级补助收入",
    "affiliated_income": "附属单位上缴收入",
    "other_income": "其他收入",
    "own_level": """本级使用资金 市本级使用资金 省本级使用资金 县本级使用资金 区本级使用资金 县级使用资金 本级使用 市级支出
                 省级支出 本级支出 市本级支出""",
    "transfer": """拟用于对下转移支付资金 对下转移支付资金 转移支付资金 对下转移支付 用于对下转移支付资金 补助区县 补助下级
                对下补助 补助市县 补助区县资金""",
}
# Totals that open a column group: the labels under them in the same column belong to them, so that the two
# 其他资金 of a project table (under 项目资金总额 and under 年度资金申请总额) get distinct keys.
PROJECT_TOTAL_LABELS: Final = keys(
    "项目资金总额 项目总预算 项目预算总额 项目总金额 项目总额 项目资金总计 总预算 中期资金总额 实施期资金总额 实施期资金 实施期总额 "
    "项目实施期资金总额 实施周期资金总额 长期资金总额"
)
# The keys of a budget's funding sources, 财政拨款 first, then its parts, then the rest (the order of the sums).
SOURCE_KEYS: Final = (
    "fiscal",
    "general_budget",
    "government_fund",
    "state_capital",
    "special_account",
    "other_funds",
    "carryover",
)
# Keys that say what they are only together with the group they sit in. ``source`` is a funding source the
# vocabulary does not name (其中：中央财政资金, 省级补助资金), kept under its printed label.
GROUPED_KEYS: Final = frozenset({"fiscal", "other_funds", "carryover", "source"})
# Labels that are budget lines only when an amount follows them (else they head a column: 部门预算支出 | 预算金额).
HEADER_OR_LINE: Final = keys("部门预算支出 事业发展性支出 资金总额 合计")

_BUDGET_INDEX: Final[dict[str, str]] = {
    **index(BUDGET_KEYS),
    **dict.fromkeys(PROJECT_TOTAL_LABELS, "total"),
}
# A money unit in brackets at the end: 预算金额(万元), a title's (金额单位：元) or (单位：万元).
_MONEY_SUFFIX = re.compile(r"\((?:(?:金额|资金)?单位[:：]?)?(万元|元|亿元)\)$")
_WHICH_PREFIX = re.compile(r"^(其中|含|包括)[:：]?")
_NUMBERING = re.compile(f"^{OUTLINE_NUMBER}")


def declared_money_unit(text: str) -> str | None:
    """The money unit a line or cell declares for the whole form (``金额单位：元``, ``单位：万元``), or None."""
    unit = money_unit_of(text)
    return unit if unit and label_key(text).startswith(("金额单位", "单位", "资金单位")) else None


@lru_cache(maxsize=16384)
def money_unit_of(text: str) -> str | None:
    """The money unit a label or header prints in brackets: ``预算金额(万元)`` -> ``万元``."""
    key = label_key(text)
    match = _MONEY_SUFFIX.search(key) or re.search(r"(?:金额)?单位[:：]?(万元|元|亿元)$", key)
    return match[1] if match else None


# A money unit declared at the end of a line that holds another field (填报单位：某局 金额单位：元).
_UNIT_TAIL = re.compile(r"(?:(?<=\s)|(?=金额|资金))(?:金额|资金)?单位\s*[:：]\s*(?:万元|元|亿元)\s*$")


def split_unit_tail(line: str) -> list[str]:
    """A line cut before a money-unit declaration that ends it (``填报单位：某局 金额单位：元`` -> the field, and
    ``金额单位：元``); the line alone when it ends with none or is only one. The declaration needs a blank before it
    or its own word (金额/资金), so a field's value ending in ``单位`` is never cut."""
    match = _UNIT_TAIL.search(line)
    if match is None or not line[: match.start()].strip():
        return [line]
    return [line[: match.start()].strip(), line[match.start() :].strip()]


@lru_cache(maxsize=16384)
def budget_key(text: str) -> str | None:
    """The budget key of a label (``其中：财政资金`` -> ``fiscal``), or None when it is not a budget label. A note in
    brackets after a known label names what it holds (``政府性基金预算（彩票公益金）``, ``政府性基金（水利建设基金）``):
    the label's key."""
    key = _bare_label(text)
    found = _BUDGET_INDEX.get(key)
    if found is None and key.endswith(")") and 0 < key.rfind("(") < len(key) - 2:
        found = _BUDGET_INDEX.get(key[: key.rfind("(")])
    if found is None and (year := _YEAR_PREFIX.match(key)):
        found = _BUDGET_INDEX.get("年度" + key[year.end() :])  # 2026年预算数: the year's, 年度预算数
    return found


_YEAR_PREFIX = re.compile(rf"^{YEAR}年度?")


# How the name of a funding source ends: 中央财政资金, 省级补助, 地方配套, 银行贷款, 专项债券, 国有资本经营预算 ….
# (Not 经费, and nothing with 的: 专项经费, 对个人和家庭的补助 are what is spent, not where it comes from.)
_SOURCE_END: Final = re.compile(
    "(资金|拨款|补助|补贴|配套|自筹|贷款|债券|国债|投资|资本|收入|预算|基金|公益金|结余|结转|转移支付|折资|弥补收支差额)$"
)


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


def is_part_label(text: str) -> bool:
    """A label printed as a part of the line above: ``其中：财政拨款``, ``含上年结转``, ``包括…``."""
    return _WHICH_PREFIX.match(label_key(text)) is not None


def is_header_or_line(text: str) -> bool:
    return _MONEY_SUFFIX.sub("", label_key(text)) in HEADER_OR_LINE
