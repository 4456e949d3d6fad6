"""Indicator values (指标值) and what they mean.

``parse_target("≥90.00(%)")`` -> comparator ``≥``, number ``90.00``, unit ``%``; ``"600元/户"`` -> 600 元 per 户;
``"100元/人(月)"`` -> per ``人·月``; ``"2024年12月31日前"`` -> date 2024-12-31 with ``≤``; ``"有所提高"`` ->
qualitative. Comparators are read in every spelling: ≥ ≤ = > < and their full-width forms, >= <=, 不低于/不少于 (≥),
不超过/不高于 (≤), 大于 (>), 小于 (<), 达到 (=), 约/大约 (≈), and suffixes such as 以上 (≥), 以内/以下 (≤), 左右 (≈).

Besides a plain quantity a value may be a range of two bounds (``≥90%且≤95%`` -> 90 to 95 %), a change from the
present level (``提高5个百分点`` -> an increase of 5 百分点), or a quantity in Chinese numerals (``一年``, ``三个月``,
``半年`` -> 1 年, 3 月, 0.5 年). Latin units are read in any case (``≥80M`` -> 80 米).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from perftable.model import Change, Comparator, Target
from perftable.values.dates import parse_date, split_suffix
from perftable.values.numbers import CHINESE_NUMERAL, chinese_number
from perftable.values.patterns import NUMBER, RANGE_SEPARATOR
from perftable.values.units import KNOWN_UNITS, is_known, normalise_unit


def _spellings(table: dict[Comparator, str]) -> tuple[tuple[str, Comparator], ...]:
    """``{"≥": "不低于 至少"}`` -> ``(("不低于", "≥"), ("至少", "≥"))``: longest spellings first."""
    pairs = [(word, comparator) for comparator, words in table.items() for word in words.split()]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


_PREFIXES = _spellings(
    {
        "≥": "大于或等于 大于等于 不低于 不少于 不小于 至少 >= ≥ ≧ ⩾",
        "≤": "小于或等于 小于等于 不超过 不高于 不大于 不多于 <= ≤ ≦ ⩽",
        ">": "大于 高于 超过 >",
        "<": "小于 低于 <",
        "=": "等于 达到 == =",
        "≈": "大约 约为 约合 约 ≈",
    }
)
_PREFIX_WORDS = tuple(word for word, _ in _PREFIXES)
_SUFFIXES = _spellings({"≥": "及以上 或以上 以上", "≤": "及以下 或以下 以下 以内 之内 内", "≈": "左右"})
# A change from the present level: 提高5个百分点, 较上年下降10%, 增长3%以上.
_CHANGES: dict[str, Change] = {
    **dict.fromkeys(("提高", "提升", "增加", "增长", "上升", "增幅"), "increase"),
    **dict.fromkeys(("降低", "下降", "减少", "压减", "削减", "缩短", "降幅", "节约", "节省"), "decrease"),
}
_BASELINE = r"(?:比|较|同比|环比)(?:\d{4}年度?)?[^\d]{0,6}?"  # 比上年, 较2023年同期
_CHANGE = re.compile(
    rf"^(?:{_BASELINE})?(?P<verb>{'|'.join(_CHANGES)})了?(?P<rest>[^\u4e00-\u9fff].*|{CHINESE_NUMERAL}.*)$"
)
# Two bounds of a range joined by a word or a comma: ≥90%且≤95%, ≥90%，≤95%.
_BOUND_JOINS = re.compile(
    r"(?:(?<!\s)\s+)?(?:并且|而且|且|并|同时|,|，|;|；|、)\s*"
)  # blanks from their start
_MOST_JOINS = (
    8  # a range has one join; a text of thousands of commas is not a range (and each try costs its length)
)
# A quantity in Chinese numerals: 一年, 三个月, 三个半月, 一年半, 半年, 两个.
_NUMERAL = re.compile(rf"^(?:(?P<num>{CHINESE_NUMERAL}+)(?P<mid>个半|个)?|(?P<half>半)个?)(?P<rest>[^\d]+)$")

_NUMBER = NUMBER
_UNIT = "|".join(re.escape(unit) for unit in KNOWN_UNITS)
# A known unit with an optional 万/亿 multiplier, or an unknown one: a short run of CJK characters that is not a
# date word (so that U006 can name it). Latin units match in any case (KM, Kg, M).
_ANY_UNIT = rf"(?:(?:万|亿|萬|億)?(?:{_UNIT})|(?:(?![年月日])[\u4e00-\u9fff]){{1,3}})"
# Per what (元/人, 元/人·年): a word, or a metric unit with its power (元/m2, 元/m²: NFKC has made ² a 2), or
# words in brackets (元/（人·次）).
# Blanks after a number are taken possessively (\s*+): where the unit is absent two blank runs meet, and trying
# every split of a long run was quadratic; no unit begins with a blank, so nothing is lost.
_QUANTITY = re.compile(
    rf"^(?P<num>{_NUMBER})\s*+(?:\((?P<punit>%|‰)\)|(?P<unit>{_ANY_UNIT}))?"
    rf"(?:\s*{RANGE_SEPARATOR}\s*(?P<max>{_NUMBER})\s*+(?:\((?P<punit2>%|‰)\)|(?P<unit2>{_ANY_UNIT}))?)?"
    rf"(?:\s*/\s*(?:(?P<per>(?:[a-z]{{1,2}}[23](?!\d)|[^\d\s/()])[^\d]{{0,8}})|\((?P<bper>[^\d()]{{1,8}})\))"
    rf"|\s*\((?P<note>[^()]*)\))?$",
    re.IGNORECASE,
)
_PER_SEPARATORS = re.compile(r"[()/.·•・]+")

QUALITATIVE_TERMS = frozenset(
    re.findall(
        r"\S+",
        """是 否 有 无 达标 合格 优 优秀 良 良好 好 较好 及时 按时 准时 完成 已完成 全部完成 健全 完善 可控
    规范 有效 稳定 安全 符合 满足 保障 明显 显著 正常 持续 长期 逐步 提升 提高 改善 增加 增强 减少 降低
    下降 加强 好转 符合要求 符合标准 达到要求 达到标准 按期完成 如期完成 及时完成 按时完成 及时到位
    全覆盖 零发生 零事故 无事故 中长期 长效 可持续 高 中 低 大幅提升 有所提升 有所提高 有所改善 有所增加
    有所减少 有所降低 逐步提高 逐步提升 持续提升 持续提高 持续改善 明显提升 明显提高 明显改善 显著提升
    显著提高 显著改善 进一步提高 进一步提升 不断提高 不断提升 稳步提升 稳步提高 逐年提高 逐年提升
    达到预期 基本达到 满意 基本满意 较满意""",
    )
)
_TREND = re.compile(
    r"^(有所|逐步|持续|显著|明显|进一步|不断|稳步|大幅|有效|逐年|全面)?(提高|提升|改善|增加|增强|减少|降低|下降|好转|加强|减轻|扩大|缩短)$"
)


def _split_comparator(text: str) -> tuple[Comparator | None, str]:
    if not text.startswith(_PREFIX_WORDS):
        return None, text
    for prefix, comparator in _PREFIXES:
        if text.startswith(prefix):
            return comparator, text[len(prefix) :].strip()
    return None, text


# Words ending in 约 that do not mean "about": 节约200万元 is a saving of 200万元.
_NOT_ABOUT = ("节约", "制约", "合约", "签约", "预约", "公约", "条约", "契约", "违约", "履约", "特约", "集约")


def comparator_before(text: str) -> Comparator | None:
    """The comparator a text ends with, as the words before a number in a sentence: ``培训残疾人不少于`` -> ``≥``."""
    if text.endswith(_NOT_ABOUT) or not text.endswith(_PREFIX_WORDS):
        return None
    return next((comparator for word, comparator in _PREFIXES if text.endswith(word)), None)


def comparator_after(text: str) -> Comparator | None:
    """The comparator a text starts with, as the words after a number: ``以上的家庭`` -> ``≥``."""
    return next((comparator for word, comparator in _SUFFIXES if text.startswith(word)), None)


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


def _parse_quantity(core: str, comparator: Comparator | None, money: bool) -> Target | None:
    suffix_cmp, core = split_suffix(core, _SUFFIXES)
    match = _QUANTITY.match(core)
    if not match:
        return None
    note = match["note"]
    if note is not None and len(note) > 12:
        return None
    unit = _unit(match["unit"], match["punit"], money)
    unit2 = _unit(match["unit2"], match["punit2"], money)
    return Target(
        # 达到85%及以上: "reach" says = only where no suffix says more (≥)
        comparator=suffix_cmp if suffix_cmp and comparator in (None, "=") else comparator,
        number=_number(match["num"]),
        number_max=_number(match["max"]) if match["max"] else None,
        unit=unit or unit2,
        per=normalise_per(per) if (per := match["per"] or match["bper"]) else None,
    )


def _parse_numerals(core: str, comparator: Comparator | None, money: bool) -> Target | None:
    """``一年`` -> 1 年, ``三个半月`` -> 3.5 月, ``半年`` -> 0.5 年: Chinese numerals before a known unit only (so that
    ``一般`` and ``十分满意`` stay words)."""
    match = _NUMERAL.match(core)
    if match is None:
        return None
    whole = chinese_number(match["num"]) if match["num"] else 0
    if whole is None:
        return None
    rest, half = match["rest"], match["half"] is not None or match["mid"] == "个半"
    if rest.endswith("半") and len(rest) > 1:  # 一年半
        rest, half = rest[:-1], True
    number = Decimal(whole) + (Decimal("0.5") if half else 0)
    target = _parse_quantity(f"{number}{rest}", comparator, money)
    known = target is not None and target.unit is not None and is_known(target.unit)
    return target if known else None


def _parse_change(core: str, comparator: Comparator | None, money: bool) -> Target | None:
    """``提高5个百分点`` -> an increase of 5 百分点; ``较上年下降10%以上`` -> a decrease of at least 10 %."""
    match = _CHANGE.match(core)
    if match is None:
        return None
    amount = _parse_quantity(match["rest"], comparator, money) or _parse_numerals(
        match["rest"], comparator, money
    )
    return amount.model_copy(update={"change": _CHANGES[match["verb"]]}) if amount is not None else None


def _bound(text: str, money: bool) -> Target | None:
    comparator, core = _split_comparator(text)
    target = _parse_quantity(core, comparator, money)
    return target if target is not None and target.number_max is None and target.comparator else None


def _parse_bounds(text: str, money: bool) -> Target | None:
    """``≥90%且≤95%`` (or ``≤95%，≥90%``) -> the range 90–95 %: a lower and an upper bound of one unit."""
    for join in itertools.islice(_BOUND_JOINS.finditer(text), _MOST_JOINS):
        first, second = _bound(text[: join.start()], money), _bound(text[join.end() :], money)
        if first is None or second is None or first.number is None or second.number is None:
            continue
        low, high = (first, second) if first.comparator in ("≥", ">") else (second, first)
        unit = low.unit or high.unit
        if (
            low.comparator not in ("≥", ">")
            or high.comparator not in ("≤", "<")
            or (high.unit or unit) != unit
        ):
            continue
        if low.number is not None and high.number is not None and low.number <= high.number:
            return Target(number=low.number, number_max=high.number, unit=unit, per=low.per or high.per)
    return None


# The value's type written in front of it: 定性：好, 定量：≥90%.
_VALUE_TYPE_PREFIX = re.compile(r"^(?:定性|定量)(?:指标)?\s*[:：]\s*")


@lru_cache(maxsize=4096)
def parse_target(value: str, *, year: int | None = None, money: bool = False) -> Target:
    """The parsed meaning of an indicator value. Never raises: what is not a quantity or a date is qualitative.

    ``money`` says the indicator is about money (a bare ``万`` then means 万元); ``year`` completes dates printed
    without one (``12月31日前``).
    """
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        return Target()
    text = _VALUE_TYPE_PREFIX.sub("", re.sub(r"\s+", " ", text)) or text
    text = _unit_unbracketed(text)
    if text != value.strip() and not any(ch.isdigit() for ch in text):
        return Target(qualitative=text)  # 定性：好
    text = _BRACKETED_SUFFIX.sub(r"\g<suffix>", _LEAD_WORDS.sub("", text, count=1)) or text
    comparator, core = _split_comparator(text)
    dated = parse_date(core.replace(" ", ""), year)
    if dated is not None:
        return Target(comparator=comparator or dated[1], date=dated[0])
    parsed = (
        _parse_quantity(core, comparator, money)
        or _parse_bounds(text, money)
        or _parse_change(core, comparator, money)
        or _parse_numerals(core, comparator, money)
    )
    if parsed is None and comparator is None:
        parsed = _parse_scoped(text, year, money)
    return parsed if parsed is not None else Target(comparator=comparator, qualitative=value.strip())


# Words before a target that set no bound of their own: 确保100%, 力争达到90%以上, 控制在0.8万元以内, 稳定在95%以上
# (the bound, if any, is in the words that follow: 达到 … 以上, 以内).
_LEAD_WORDS = re.compile(r"^(?:确保|力争|争取|保持|稳定在|控制在|维持在)(?=\S)")
# A comparator word in brackets after the number: 90%(及以上), 5个工作日(以内).
_BRACKETED_SUFFIX = re.compile(r"\((?P<suffix>及以上|或以上|以上|及以下|或以下|以下|以内)\)$")
# A number with its unit in brackets after it: ≤600（万元）, ≥1200(人次) (NFKC has made the brackets half-width).
_BRACKETED_UNIT = re.compile(r"^(?P<number>.*\d)\s*\((?P<unit>[^()]{1,8})\)$")


def _unit_unbracketed(text: str) -> str:
    """``≤600(万元)`` -> ``≤600万元`` when the bracket holds a known unit; any other text as it is."""
    found = _BRACKETED_UNIT.match(text)
    if found is None or not is_known(normalise_unit(found["unit"].strip())):
        return text
    return found["number"] + found["unit"].strip()


# A target with the period it counts over or the scope it covers in front: 每月1次 (1 次 per 月), 每季度不少于2次,
# 全年≥10000家次, 累计完成300户, 年均增长5%.
_PER_PERIOD = re.compile(r"^每(?P<per>半年|年度|年|季度|季|月|周|天|日|学期)(?P<rest>.+)$")
_SCOPE = re.compile(
    r"^(?:全年|年度|年均|累计|当年|本年度?|全市|全县|全区|全省)(?:共|合计|完成|达到)?(?P<rest>.+)$"
)


def _parse_scoped(text: str, year: int | None, money: bool) -> Target | None:
    """A quantity after a period (``每月``) or a scope word (``全年``, ``累计``); None when what follows is none."""
    if match := _PER_PERIOD.match(text):
        rest = parse_target(match["rest"], year=year, money=money)
        if rest.number is None or rest.date is not None:
            return None
        return rest if rest.per else rest.model_copy(update={"per": match["per"]})
    if match := _SCOPE.match(text):
        rest = parse_target(match["rest"], year=year, money=money)
        return rest if rest.number is not None or rest.change is not None else None
    return None


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


def parse_printed_target(
    value: str, unit: str | None = None, *, year: int | None = None, money: bool = False
) -> Target:
    """The target a row prints in its value cell and, when the value has no unit of its own, its unit column:
    ``600`` with ``元/户`` reads as ``600元/户``."""
    target = parse_target(value, year=year, money=money)
    if target.number is None or target.unit is not None or not unit or not unit.strip():
        return target
    joined = parse_target(value + unit.strip(), year=year, money=money)
    return joined if joined.number == target.number and joined.unit is not None else target
