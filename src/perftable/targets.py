"""Indicator values (指标值) and what they mean.

``parse_target("≥90.00(%)")`` -> comparator ``≥``, number ``90.00``, unit ``%``; ``"600元/户"`` -> 600 元 per 户;
``"100元/人(月)"`` -> per ``人·月``; ``"2024年12月31日前"`` -> date 2024-12-31 with ``≤``; ``"有所提高"`` ->
qualitative. Comparators are read in every spelling: ≥ ≤ = > < and their full-width forms, >= <=, 不低于/不少于 (≥),
不超过/不高于 (≤), 大于 (>), 小于 (<), 达到 (=), and suffixes such as 以上 (≥), 以内/以下 (≤).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from perftable.model import Comparator, Target
from perftable.units import KNOWN_UNITS, MONEY_WORDS, normalise_unit

_PREFIXES: tuple[tuple[str, Comparator], ...] = (
    ("大于或等于", "≥"),
    ("大于等于", "≥"),
    ("不低于", "≥"),
    ("不少于", "≥"),
    ("不小于", "≥"),
    ("至少", "≥"),
    (">=", "≥"),
    ("≥", "≥"),
    ("≧", "≥"),
    ("⩾", "≥"),
    ("小于或等于", "≤"),
    ("小于等于", "≤"),
    ("不超过", "≤"),
    ("不高于", "≤"),
    ("不大于", "≤"),
    ("不多于", "≤"),
    ("<=", "≤"),
    ("≤", "≤"),
    ("≦", "≤"),
    ("⩽", "≤"),
    ("大于", ">"),
    ("高于", ">"),
    ("超过", ">"),
    (">", ">"),
    ("小于", "<"),
    ("低于", "<"),
    ("<", "<"),
    ("等于", "="),
    ("达到", "="),
    ("==", "="),
    ("=", "="),
)
_SUFFIXES: tuple[tuple[str, Comparator], ...] = (
    ("及以上", "≥"),
    ("或以上", "≥"),
    ("以上", "≥"),
    ("及以下", "≤"),
    ("或以下", "≤"),
    ("以下", "≤"),
    ("以内", "≤"),
    ("之内", "≤"),
    ("左右", "="),
)
_DATE_SUFFIXES: tuple[tuple[str, Comparator], ...] = (
    ("之前", "≤"),
    ("以前", "≤"),
    ("前", "≤"),
    ("以内", "≤"),
    ("之内", "≤"),
    ("内", "≤"),
    ("完成", "≤"),
    ("截止", "≤"),
)

_NUMBER = r"[-+−]?\d+(?:,\d{3})*(?:\.\d+)?"
_UNIT = "|".join(re.escape(unit) for unit in KNOWN_UNITS)
# A known unit with an optional 万/亿 multiplier, or an unknown one: a short run of CJK characters that is not a
# date word (so that U006 can name it).
_ANY_UNIT = rf"(?:(?:万|亿|萬|億)?(?:{_UNIT})|(?:(?![年月日])[\u4e00-\u9fff]){{1,3}})"
_QUANTITY = re.compile(
    rf"^(?P<num>{_NUMBER})\s*(?:\((?P<punit>%|‰)\)|(?P<unit>{_ANY_UNIT}))?"
    rf"(?:\s*[-~～至到]\s*(?P<max>{_NUMBER})\s*(?:\((?P<punit2>%|‰)\)|(?P<unit2>{_ANY_UNIT}))?)?"
    rf"(?:\s*/\s*(?P<per>[^\d\s/()][^\d]{{0,8}})|\s*\((?P<note>[^()]*)\))?$"
)
_DATE = re.compile(
    r"^(?:(?P<y>\d{4})\s*年度?\s*(?:(?P<m>\d{1,2})\s*月份?\s*(?:(?P<d>\d{1,2})\s*[日号]?)?)?\s*(?:底|末|全年|整年)?"
    r"|(?P<y2>\d{4})(?:\.(?P<m2>\d{2})|[\-/](?P<m3>\d{1,2}))(?:[.\-/](?P<d2>\d{1,2}))?)$"
)
# A period: 2023年4月-2024年2月, 2023.07-2024.01, 2020年1月--2020年11月 (its end is the target date).
_PERIOD = re.compile(r"^(?P<start>.+?\d\s*[年月日.]?)\s*(?:-{1,2}|—{1,2}|~|～|至|到)\s*(?P<end>\d{4}.*)$")
_PER_SEPARATORS = re.compile(r"[()/.·•・]+")

QUALITATIVE_TERMS = frozenset(
    [
        "是",
        "否",
        "有",
        "无",
        "达标",
        "合格",
        "优",
        "优秀",
        "良",
        "良好",
        "好",
        "较好",
        "及时",
        "按时",
        "准时",
        "完成",
        "已完成",
        "全部完成",
        "健全",
        "完善",
        "可控",
        "规范",
        "有效",
        "稳定",
        "安全",
        "符合",
        "满足",
        "保障",
        "明显",
        "显著",
        "正常",
        "持续",
        "长期",
        "逐步",
        "提升",
        "提高",
        "改善",
        "增加",
        "增强",
        "减少",
        "降低",
        "下降",
        "加强",
        "好转",
        "符合要求",
        "符合标准",
        "达到要求",
        "达到标准",
        "按期完成",
        "如期完成",
        "及时完成",
        "按时完成",
        "及时到位",
        "全覆盖",
        "零发生",
        "零事故",
        "无事故",
        "中长期",
        "长效",
        "可持续",
        "高",
        "中",
        "低",
        "大幅提升",
        "有所提升",
        "有所提高",
        "有所改善",
        "有所增加",
        "有所减少",
        "有所降低",
        "逐步提高",
        "逐步提升",
        "持续提升",
        "持续提高",
        "持续改善",
        "明显提升",
        "明显提高",
        "明显改善",
        "显著提升",
        "显著提高",
        "显著改善",
        "进一步提高",
        "进一步提升",
        "不断提高",
        "不断提升",
        "稳步提升",
        "稳步提高",
        "逐年提高",
        "逐年提升",
        "达到预期",
        "基本达到",
        "满意",
        "基本满意",
        "较满意",
    ]
)
_TREND = re.compile(
    r"^(有所|逐步|持续|显著|明显|进一步|不断|稳步|大幅|有效|逐年|全面)?(提高|提升|改善|增加|增强|减少|降低|下降|好转|加强|减轻|扩大|缩短)$"
)


def _split_comparator(text: str) -> tuple[Comparator | None, str]:
    for prefix, comparator in _PREFIXES:
        if text.startswith(prefix):
            return comparator, text[len(prefix) :].strip()
    return None, text


def _split_suffix(text: str, suffixes: tuple[tuple[str, Comparator], ...]) -> tuple[Comparator | None, str]:
    for suffix, comparator in suffixes:
        if text.endswith(suffix) and len(text) > len(suffix):
            return comparator, text[: -len(suffix)].strip()
    return None, text


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "").replace("−", "-"))


def _unit(unit: str | None, punit: str | None, money: bool) -> str | None:
    if punit:
        return punit
    return normalise_unit(unit, money_context=money) if unit else None


def normalise_per(per: str) -> str:
    """``"人(月)"``, ``"人/月"``, ``"人.月"`` -> ``"人·月"``."""
    parts = [part for part in _PER_SEPARATORS.split(per.strip()) if part]
    return "·".join(normalise_unit(part) for part in parts)


def parse_date(
    text: str, year: int | None = None, *, in_period: bool = False
) -> tuple[dt.date, Comparator | None] | None:
    """``2024年12月31日前`` -> (2024-12-31, ≤). A month alone means its last day; a year alone its last day.

    A dotted month without a day (``2024.01``) reads as a date only inside a period (``2023.07-2024.01``);
    alone it is the number 2024.01.
    """
    comparator, core = _split_suffix(text, _DATE_SUFFIXES)
    if comparator is not None:  # 前完成, 之前完成
        core = _split_suffix(core, _DATE_SUFFIXES)[1]
    if year is not None and re.match(r"^\d{1,2}月", core):
        core = f"{year}年{core}"
    match = _DATE.match(core)
    if not match:
        period = _PERIOD.match(core)
        if period and parse_date(period["start"], year, in_period=True) is not None:
            end = parse_date(period["end"], year, in_period=True)
            return (end[0], comparator or "≤") if end else None
        return None
    if match["m2"] and not match["d2"] and not in_period:
        return None
    y = int(match["y"] or match["y2"])
    month, day = match["m"] or match["m2"] or match["m3"], match["d"] or match["d2"]
    m = int(month) if month else 12
    if not 1900 <= y <= 2200 or not 1 <= m <= 12:
        return None
    last = calendar.monthrange(y, m)[1]
    d = int(day) if day else last
    if not 1 <= d <= last:
        return None
    return dt.date(y, m, d), comparator


def _parse_quantity(core: str, comparator: Comparator | None, money: bool) -> Target | None:
    suffix_cmp, core = _split_suffix(core, _SUFFIXES)
    match = _QUANTITY.match(core)
    if not match:
        return None
    note = match["note"]
    if note is not None and len(note) > 12:
        return None
    unit = _unit(match["unit"], match["punit"], money)
    unit2 = _unit(match["unit2"], match["punit2"], money)
    return Target(
        comparator=comparator or suffix_cmp,
        number=_number(match["num"]),
        number_max=_number(match["max"]) if match["max"] else None,
        unit=unit or unit2,
        per=normalise_per(match["per"]) if match["per"] else None,
    )


@lru_cache(maxsize=4096)
def parse_target(value: str, *, year: int | None = None, money: bool = False) -> Target:
    """The parsed meaning of an indicator value. Never raises: what is not a quantity or a date is qualitative.

    ``money`` says the indicator is about money (a bare ``万`` then means 万元); ``year`` completes dates printed
    without one (``12月31日前``).
    """
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        return Target()
    text = re.sub(r"\s+", " ", text)
    comparator, core = _split_comparator(text)
    dated = parse_date(core.replace(" ", ""), year)
    if dated is not None:
        return Target(comparator=comparator or dated[1], date=dated[0])
    quantity = _parse_quantity(core, comparator, money)
    if quantity is not None:
        return quantity
    return Target(comparator=comparator, qualitative=value.strip())


def parse_comparator(text: str) -> Comparator | None:
    """A comparator printed on its own (a 指标值类型 column): ``≥``, ``大于等于``, ``不低于`` …"""
    text = unicodedata.normalize("NFKC", text).strip()
    comparator, rest = _split_comparator(text)
    return comparator if comparator and not rest else None


@lru_cache(maxsize=16384)
def is_value_like(text: str) -> bool:
    """True for text that reads as an indicator value (``≥90``, ``240户``, ``是``, a date, ``有所提高``) and
    not as an indicator name. Used to realign rows whose cells shifted."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text or len(text) > 40:
        return False
    compact = text.replace(" ", "")
    if compact in QUALITATIVE_TERMS or _TREND.match(compact):
        return True
    target = parse_target(text, year=2000)
    return target.number is not None or target.date is not None


def money_context(name: str) -> bool:
    """True when an indicator name talks about money (资金, 经费, 补贴 …)."""
    return any(word in name for word in MONEY_WORDS)
