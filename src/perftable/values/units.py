"""Units of indicator values: their normal spelling and their family.

Two units of one family (人/名, 万元/元) are compatible; ``scale`` says how they relate (1万元 = 10000元).
The vocabulary is data: extend ``FAMILIES`` to teach perftable a unit. Latin abbreviations (``km``, ``KG``,
``M``) are read without regard to case.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from perftable.values.cleaning import to_simplified


class UnitInfo(NamedTuple):
    unit: str
    family: str
    scale: Decimal


# family -> {unit: scale relative to the family's base}
FAMILIES: dict[str, dict[str, Decimal]] = {
    "money": {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000), "千元": Decimal(1000)},
    # a 百分点 (percentage point) measures a change of a percentage: of the family, though not itself a percentage
    "percent": {"%": Decimal(1), "‰": Decimal("0.1"), "百分点": Decimal(1)},
    "people": {"人": Decimal(1), "名": Decimal(1), "位": Decimal(1), "万人": Decimal(10000)},
    "person-times": {"人次": Decimal(1), "万人次": Decimal(10000)},
    "households": {"户": Decimal(1), "家": Decimal(1), "万户": Decimal(10000)},
    "time": {
        "秒": Decimal(1),
        "分钟": Decimal(60),
        "小时": Decimal(3600),
        "天": Decimal(86400),
        "日": Decimal(86400),
        "工作日": Decimal(86400),
        "周": Decimal(604800),
        "月": Decimal(2592000),
        "季度": Decimal(7776000),
        "年": Decimal(31536000),
    },
    "length": {
        "米": Decimal(1),
        "公里": Decimal(1000),
        "千米": Decimal(1000),
        "厘米": Decimal("0.01"),
        "毫米": Decimal("0.001"),
    },
    "area": {
        "平方米": Decimal(1),
        "亩": Decimal("666.667"),
        "公顷": Decimal(10000),
        "平方公里": Decimal(1000000),
    },
    "volume": {"立方米": Decimal(1), "升": Decimal("0.001")},
    "mass": {
        "千克": Decimal(1),
        "公斤": Decimal(1),
        "吨": Decimal(1000),
        "克": Decimal("0.001"),
        "毫克": Decimal("0.000001"),
        "微克": Decimal("0.000000001"),
        "万吨": Decimal(10**7),
    },
    "score": {"分": Decimal(1)},
    "count": {
        unit: Decimal(1)
        for unit in (
            "个",
            "次",
            "项",
            "件",
            "份",
            "套",
            "台",
            "台套",
            "场",
            "期",
            "批",
            "册",
            "本",
            "篇",
            "条",
            "辆",
            "处",
            "座",
            "栋",
            "间",
            "张",
            "部",
            "支",
            "只",
            "头",
            "株",
            "棵",
            "所",
            "家次",
            "户次",
            "班",
            "课时",
            "学时",
            "门",
            "类",
            "宗",
            "起",
            "例",
            "床",
            "盏",
            "块",
            "根",
            "把",
            "箱",
            "册次",
            "期次",
            "张次",
            "车次",
            "架次",
            "艘",
            "口",
            "眼",
            "座次",
            "村",
            "镇",
            "校",
            "片",
            "组",
            "队",
            "网点",
            "站",
            "点",
            "个点",
            "宗次",
            "篇次",
            "万册",
            "万元次",
            "千瓦",
            "兆瓦",
            "千瓦时",
            "度",
            "种",
            "场次",
            "集",
            "幅",
            "盒",
            "册卷",
            "个次",
            "路",
            "核",
            "区",
            "片区",
            "字",
            "级",
            # a thing counted each time it is done (抽检批次, 检查台次, 检定台件, 接种剂次, 赛事项次)
            "批次",
            "台次",
            "台件",
            "剂",
            "剂次",
            "项次",
            "件次",
        )
    },
    "dollars": {"美元": Decimal(1), "万美元": Decimal(10000), "亿美元": Decimal(100000000)},
    # storage and bandwidth (informatisation projects: 存储容量 ≥500TB, 互联网带宽 ≥1000Mbps)
    "data": {
        "KB": Decimal(1),
        "MB": Decimal(1024),
        "GB": Decimal(1024**2),
        "TB": Decimal(1024**3),
        "PB": Decimal(1024**4),
    },
    "bandwidth": {"Kbps": Decimal(1), "Mbps": Decimal(1000), "Gbps": Decimal(10**6)},
    # a bare magnitude, the counted thing named by the indicator (访问量 ≥50万, 数据量 ≥2亿)
    "magnitude": {"万": Decimal(10000), "亿": Decimal(10**8)},
}

# Spellings that mean the same unit.
ALIASES: dict[str, str] = {
    "％": "%",
    "百分比": "%",
    "个百分点": "百分点",
    "个月": "月",
    "月份": "月",
    "周年": "年",
    "日历天": "天",
    "km": "公里",
    "m": "米",
    "cm": "厘米",
    "mm": "毫米",
    "m2": "平方米",
    "km2": "平方公里",
    "ha": "公顷",
    "㎡": "平方米",
    "平米": "平方米",
    "m³": "立方米",
    "m3": "立方米",
    "方": "立方米",
    "l": "升",
    "kg": "千克",
    "t": "吨",
    "h": "小时",
    "kw": "千瓦",
    "kwh": "千瓦时",
    "mw": "兆瓦",
    "人/次": "人次",
    "个数": "个",
    "次数": "次",
    "天数": "天",
    "人数": "人",
    "户数": "户",
    "件数": "件",
    "案件数": "件",
    "个工作日": "工作日",
    "个区": "区",
    "个片区": "片区",
    "立方": "立方米",
    "平方千米": "平方公里",
    "延米": "米",
    "元人民币": "元",
    **{unit.lower(): unit for unit in ("KB", "MB", "GB", "TB", "PB", "Kbps", "Mbps", "Gbps")},
    "mb/s": "Mbps",
    "兆": "Mbps",
    "万元人民币": "万元",
}

_INDEX: dict[str, UnitInfo] = {
    unit: UnitInfo(unit, family, scale) for family, units in FAMILIES.items() for unit, scale in units.items()
}

# Longest first, so that 万人次 wins over 人次 and 人 (a 万/亿 prefix is allowed before any of them).
KNOWN_UNITS: tuple[str, ...] = tuple(sorted({*_INDEX, *ALIASES}, key=len, reverse=True))

# Words that mark a money context, where a bare 万 means 万元.
MONEY_WORDS = (
    "资金",
    "经费",
    "费用",
    "补贴",
    "补助",
    "成本",
    "金额",
    "投入",
    "预算",
    "支出",
    "标准",
    "价格",
    "费",
)


_ALTERNATIVES = re.compile(r"^(?P<unit>[^()（）]+)[(（][^()（）]+[)）]$")  # the unit's blanks stripped after


# The middle dots a compound unit is written with (元/人·月): U+00B7 is the Chinese standard's; a PDF's font maps
# the same glyph to U+30FB, U+FF65 or U+2027 depending on the fonts the reading machine has.
_MIDDLE_DOTS = str.maketrans(dict.fromkeys("・･‧∙⋅•", "·"))


def normalise_unit(unit: str, *, money_context: bool = False) -> str:
    """The normal spelling of a unit: ``个月`` -> ``月``, ``个批次`` -> ``批次``, ``％`` -> ``%``, ``元/人・月`` -> ``元/人·月``; a bare
    ``万`` is ``万元`` in money context; a unit with alternatives in brackets is its first (``台（套）`` -> ``台``)."""
    unit = to_simplified(unit.strip()).translate(_MIDDLE_DOTS)
    alternatives = _ALTERNATIVES.match(unit)
    first = alternatives["unit"].rstrip() if alternatives else ""
    if first and _INDEX.get(ALIASES.get(first, first)):
        unit = first
    if unit == "万" and money_context:
        return "万元"
    if unit.isascii() and unit.lower() in ALIASES:  # KM, Kg, M: Latin abbreviations in any case
        return ALIASES[unit.lower()]
    counted = unit.removeprefix("个")
    if counted != unit and counted not in ALIASES and _INDEX.get(counted):
        return counted  # 3个批次: the measure word before a counted unit
    return ALIASES.get(unit, unit)


_MULTIPLIERS = {"万": Decimal(10000), "亿": Decimal(100000000), "千": Decimal(1000), "百万": Decimal(1000000)}


@lru_cache(maxsize=4096)
def unit_info(unit: str) -> UnitInfo | None:
    """Family and scale of a known unit (``万平方米`` is 10000 平方米), or None for a unit perftable does not know."""
    unit = normalise_unit(unit)
    info = _INDEX.get(unit)
    if info is None:
        for prefix, factor in _MULTIPLIERS.items():
            base = _INDEX.get(ALIASES.get(unit.removeprefix(prefix), unit.removeprefix(prefix)))
            if unit.startswith(prefix) and base is not None:
                return UnitInfo(unit, base.family, base.scale * factor)
    return info


def is_known(unit: str) -> bool:
    return unit_info(unit) is not None


def compatible(a: str, b: str) -> bool:
    """True when both units are known and of one family (人/名, 万元/元)."""
    info_a, info_b = unit_info(a), unit_info(b)
    return info_a is not None and info_b is not None and info_a.family == info_b.family


def money_context(name: str) -> bool:
    """True when an indicator name talks about money (资金, 经费, 补贴 …)."""
    return _MONEY_WORD.search(name) is not None


_MONEY_WORD = re.compile("|".join(MONEY_WORDS))
_NAME_UNIT = re.compile(r"[(（]\s*+([^()（）]{1,6}?)\s*[)）]\s*$")  # possessive: a blank run is split one way


def unit_in_name(name: str) -> str | None:
    """The unit in brackets at the end of a name: ``(个)``, ``(万)`` (万元 in a money name), ``(元/人)``."""
    match = _NAME_UNIT.search(name)
    if not match:
        return None
    base, slash, per = match[1].partition("/")
    unit = normalise_unit(base, money_context=money_context(name))
    if not (is_known(unit) or unit == "万"):
        return None
    if not slash:
        return unit
    per = normalise_unit(per)
    return f"{unit}/{per}" if per and not any(ch.isdigit() for ch in per) else None
