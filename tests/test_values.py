"""Amounts and indicator values: what each printed form means."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from perftable.values.cleaning import clean_text
from perftable.values.dates import parse_date
from perftable.values.numbers import (
    AmountError,
    amount_note,
    chinese_number,
    decimal_from_float,
    parse_amount,
)
from perftable.values.targets import (
    comparator_after,
    comparator_before,
    is_value_like,
    parse_comparator,
    parse_target,
)
from perftable.values.units import compatible, normalise_unit, unit_info


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("1,273.72", "1273.72", None),
        ("１２７３．７２", "1273.72", None),
        ("1273.72万元", "1273.72", "万元"),
        ("771,325,800.00", "771325800.00", None),
        ("968.191 8", "968.1918", None),
        ("￥1,000", "1000", None),
        ("250万", "250", "万元"),
        ("-5", "-5", None),
        ("0", "0", None),
        ("100（含上年结转20）", "100", None),
        ("1,273.72(万元)", "1273.72", "万元"),
        ("1,273.72（万）", "1273.72", "万元"),
        ("50（暂定）", "50", None),
        ("278.55 (含结转)", "278.55", None),
    ],
)
def test_parse_amount(text: str, amount: str, unit: str | None) -> None:
    assert parse_amount(text) == (Decimal(amount), unit)


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("100（含上年结转20）", "含上年结转20"),
        ("50(暂定)", "暂定"),
        ("1,273.72(万元)", None),
        ("100", None),
        ("无", None),
    ],
)
def test_amount_note(text: str, note: str | None) -> None:
    assert amount_note(text) == note


@pytest.mark.parametrize(
    ("text", "number"),
    [("一", 1), ("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("两百零五", 205), ("一千零一", 1001),
     ("三四", None), ("一般", None), ("", None)],
)  # fmt: skip
def test_chinese_number(text: str, number: int | None) -> None:
    assert chinese_number(text) == number


@pytest.mark.parametrize("text", ["", "-", "—", "无", "/"])
def test_nil_amounts(text: str) -> None:
    assert parse_amount(text) is None


@pytest.mark.parametrize("text", ["详见附表", "1,27", "12a", "1.2.3", "(暂定)", "12(3)4", "100(含(结转))"])
def test_not_amounts(text: str) -> None:
    with pytest.raises(AmountError):
        parse_amount(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1273.72, "1273.72"), (14000.0, "14000"), (0.1 + 0.2, "0.3"), (995.17, "995.17"), (-3.5, "-3.5")],
)
def test_decimal_from_float_goes_through_the_shortest_repr(value: float, expected: str) -> None:
    assert decimal_from_float(value) == Decimal(expected)
    assert str(decimal_from_float(value)) == expected


@pytest.mark.parametrize(
    ("value", "fields"),
    [
        ("240户", {"number": "240", "unit": "户"}),
        ("≥90", {"comparator": "≥", "number": "90"}),
        ("＞＝95％", {"comparator": "≥", "number": "95", "unit": "%"}),
        (">=98%", {"comparator": "≥", "number": "98", "unit": "%"}),
        ("<=475元/亩", {"comparator": "≤", "number": "475", "unit": "元", "per": "亩"}),
        ("不低于95%", {"comparator": "≥", "number": "95", "unit": "%"}),
        ("不超过3天", {"comparator": "≤", "number": "3", "unit": "天"}),
        ("大于80", {"comparator": ">", "number": "80"}),
        ("小于5%", {"comparator": "<", "number": "5", "unit": "%"}),
        ("达到100%", {"comparator": "=", "number": "100", "unit": "%"}),
        ("95%以上", {"comparator": "≥", "number": "95", "unit": "%"}),
        ("3天以内", {"comparator": "≤", "number": "3", "unit": "天"}),
        ("=100.00(%)", {"comparator": "=", "number": "100.00", "unit": "%"}),
        ("600元/户", {"number": "600", "unit": "元", "per": "户"}),
        ("100元/人(月)", {"number": "100", "unit": "元", "per": "人·月"}),
        ("≤4.5元/m²", {"comparator": "≤", "number": "4.5", "unit": "元", "per": "平方米"}),
        ("确保100%", {"number": "100", "unit": "%"}),
        ("力争达到90%以上", {"comparator": "≥", "number": "90", "unit": "%"}),
        ("控制在0.8万元以内", {"comparator": "≤", "number": "0.8", "unit": "万元"}),
        ("稳定在95%以上", {"comparator": "≥", "number": "95", "unit": "%"}),
        ("90%（及以上）", {"comparator": "≥", "number": "90", "unit": "%"}),
        ("5个工作日(以内)", {"comparator": "≤", "number": "5", "unit": "工作日"}),
        ("控制在合理范围", {"qualitative": "控制在合理范围"}),
        ("≤4.5元/㎡·年", {"comparator": "≤", "number": "4.5", "unit": "元", "per": "平方米·年"}),
        ("≤500元/m3", {"comparator": "≤", "number": "500", "unit": "元", "per": "立方米"}),
        ("≤5000元/（人·次）", {"comparator": "≤", "number": "5000", "unit": "元", "per": "人·次"}),
        ("30/人(月)", {"number": "30", "per": "人·月"}),
        ("≥1次/年", {"comparator": "≥", "number": "1", "unit": "次", "per": "年"}),
        ("90%-95%", {"number": "90", "number_max": "95", "unit": "%"}),
        ("12个月", {"number": "12", "unit": "月"}),
        ("≤620万/月", {"comparator": "≤", "number": "620", "unit": "万", "per": "月"}),
        ("1346.0088万平方米", {"number": "1346.0088", "unit": "万平方米"}),
        ("≥100百分比", {"comparator": "≥", "number": "100", "unit": "%"}),
        ("≥90%（抽样调查）", {"comparator": "≥", "number": "90", "unit": "%"}),
        ("2024年12月31日前", {"comparator": "≤", "date": dt.date(2024, 12, 31)}),
        ("2024年底前", {"comparator": "≤", "date": dt.date(2024, 12, 31)}),
        ("2019年12月", {"date": dt.date(2019, 12, 31)}),
        ("2021年全年", {"date": dt.date(2021, 12, 31)}),
        ("2026/1/1", {"date": dt.date(2026, 1, 1)}),
        ("2023.07-2024.01", {"comparator": "≤", "date": dt.date(2024, 1, 31)}),
        ("2020年1月--2020年11月", {"comparator": "≤", "date": dt.date(2020, 11, 30)}),
        ("有所提高", {"qualitative": "有所提高"}),
        ("是", {"qualitative": "是"}),
        ("≥**%", {"comparator": "≥", "qualitative": "≥**%"}),
        ("2000.5", {"number": "2000.5"}),
        ("", {}),
        # Latin units in any case
        ("≥80M", {"comparator": "≥", "number": "80", "unit": "米"}),
        ("5KM", {"number": "5", "unit": "公里"}),
        ("10Kg", {"number": "10", "unit": "千克"}),
        ("≤50kWh", {"comparator": "≤", "number": "50", "unit": "千瓦时"}),
        ("5G", {"qualitative": "5G"}),
        # approximate values
        ("约200人", {"comparator": "≈", "number": "200", "unit": "人"}),
        ("大约3个月", {"comparator": "≈", "number": "3", "unit": "月"}),
        ("200人左右", {"comparator": "≈", "number": "200", "unit": "人"}),
        # changes from the present level
        ("提高5个百分点", {"number": "5", "unit": "百分点", "change": "increase"}),
        ("较上年下降10%以上", {"comparator": "≥", "number": "10", "unit": "%", "change": "decrease"}),
        ("较2023年增长3%", {"number": "3", "unit": "%", "change": "increase"}),
        ("减少两个", {"number": "2", "unit": "个", "change": "decrease"}),
        ("节约20万元", {"number": "20", "unit": "万元", "change": "decrease"}),
        ("提高0-6岁残疾儿童日常生活能力", {"qualitative": "提高0-6岁残疾儿童日常生活能力"}),
        ("减少", {"qualitative": "减少"}),
        # ranges of two bounds
        ("≥90%且≤95%", {"number": "90", "number_max": "95", "unit": "%"}),
        ("≤95%，≥90%", {"number": "90", "number_max": "95", "unit": "%"}),
        (">=1,200人并且<=1,500人", {"number": "1200", "number_max": "1500", "unit": "人"}),
        ("≥95%且≤90%", {"comparator": "≥", "qualitative": "≥95%且≤90%"}),
        ("≥90%且≥95%", {"comparator": "≥", "qualitative": "≥90%且≥95%"}),
        # frequencies, quarters, durations in Chinese numerals
        ("1次/月", {"number": "1", "unit": "次", "per": "月"}),
        ("2024年第三季度", {"date": dt.date(2024, 9, 30)}),
        ("2024年四季度前", {"comparator": "≤", "date": dt.date(2024, 12, 31)}),
        ("2024年上半年", {"date": dt.date(2024, 6, 30)}),
        ("一年", {"number": "1", "unit": "年"}),
        ("三个月", {"number": "3", "unit": "月"}),
        ("三个半月", {"number": "3.5", "unit": "月"}),
        ("一年半", {"number": "1.5", "unit": "年"}),
        ("半年", {"number": "0.5", "unit": "年"}),
        ("十五天内", {"comparator": "≤", "number": "15", "unit": "天"}),
        ("一般", {"qualitative": "一般"}),
        ("十分满意", {"qualitative": "十分满意"}),
        ("一级指标", {"qualitative": "一级指标"}),
        # a period or a scope in front of the quantity
        ("每月1次", {"number": "1", "unit": "次", "per": "月"}),
        ("每季度不少于2次", {"comparator": "≥", "number": "2", "unit": "次", "per": "季度"}),
        ("每学期1次/人", {"number": "1", "unit": "次", "per": "人"}),
        ("全年≥10000家次", {"comparator": "≥", "number": "10000", "unit": "家次"}),
        ("累计完成300户", {"number": "300", "unit": "户"}),
        ("年均增长5%", {"number": "5", "unit": "%", "change": "increase"}),
        ("每万人拥有医生数", {"qualitative": "每万人拥有医生数"}),
        ("全市覆盖", {"qualitative": "全市覆盖"}),
        ("每年", {"qualitative": "每年"}),
        # storage, bandwidth and a bare magnitude are units perftable knows
        ("≥1000Mbps", {"comparator": "≥", "number": "1000", "unit": "Mbps"}),
        ("≥500tb", {"comparator": "≥", "number": "500", "unit": "TB"}),
        ("≥50万", {"comparator": "≥", "number": "50", "unit": "万"}),
        # the value's type written in front of it
        ("定性：良好", {"qualitative": "良好"}),
        ("定量:≤5%", {"comparator": "≤", "number": "5", "unit": "%"}),
    ],
)
def test_parse_target(value: str, fields: dict[str, object]) -> None:
    target = parse_target(value).model_dump(exclude_none=True)
    expected = {key: Decimal(v) if key in ("number", "number_max") else v for key, v in fields.items()}  # type: ignore[arg-type]
    assert target == expected


def test_quarters_take_the_year_of_the_table() -> None:
    assert parse_target("第三季度", year=2025).date == dt.date(2025, 9, 30)
    assert parse_date("Q1", 2024) == (dt.date(2024, 3, 31), None)


@pytest.mark.parametrize(
    ("before", "after", "comparator"),
    [("培训残疾人不少于", "", "≥"), ("至少", "", "≥"), ("", "人以上", None), ("新建", "以上的站点", "≥"),
     ("约", "", "≈"), ("新建", "的站点", None), ("节约", "", None), ("不超过", "", "≤"), ("高于", "", ">")],
)  # fmt: skip
def test_comparators_around_a_number(before: str, after: str, comparator: str | None) -> None:
    assert (comparator_before(before) or comparator_after(after)) == comparator


def test_year_completes_dates_and_money_context_reads_wan_as_wanyuan() -> None:
    assert parse_target("12月31日前", year=2025).date == dt.date(2025, 12, 31)
    assert parse_target("≤45万", money=True).unit == "万元"
    assert parse_target("≤45万", money=False).unit == "万"


@pytest.mark.parametrize(
    ("text", "comparator"), [("≥", "≥"), ("大于等于", "≥"), ("≦", "≤"), ("定性", None), ("", None)]
)
def test_parse_comparator(text: str, comparator: str | None) -> None:
    assert parse_comparator(text) == comparator


@pytest.mark.parametrize(
    ("text", "value_like"),
    [
        ("≥90", True),
        ("240户", True),
        ("是", True),
        ("稳步提高", True),
        ("2024年12月31日前", True),
        ("提高0-6岁残疾儿童日常生活能力", False),
        ("服务对象满意度指标", False),
        ("社区康园中心个数(个)", False),
    ],
)
def test_is_value_like(text: str, value_like: bool) -> None:
    assert is_value_like(text) is value_like


def test_units() -> None:
    assert normalise_unit("个月") == "月" and normalise_unit("％") == "%" and normalise_unit("萬元") == "万元"
    assert (
        normalise_unit("个批次") == "批次" and normalise_unit("个项目") == "个项目"
    )  # 个 before a known unit only
    assert compatible("人", "名") and compatible("万元", "元") and not compatible("个", "户")
    info = unit_info("万平方米")
    assert info is not None and (info.family, info.scale) == ("area", Decimal(10000))
    assert unit_info("套次") is None


@pytest.mark.parametrize(
    ("unit", "normal"),
    [("KM", "公里"), ("Km", "公里"), ("M", "米"), ("KG", "千克"), ("M2", "平方米"), ("MW", "兆瓦"), ("个百分点", "百分点"),
     ("MB", "MB")],
)  # fmt: skip
def test_latin_units_in_any_case(unit: str, normal: str) -> None:
    assert normalise_unit(unit) == normal


@pytest.mark.parametrize("dot", ["·", "・", "･", "‧", "•"])
def test_a_compound_unit_has_one_middle_dot_whatever_the_font_mapped_it_to(dot: str) -> None:
    assert normalise_unit(f"元/人{dot}月") == "元/人·月"


def test_a_katakana_middle_dot_in_a_cell_is_the_chinese_one() -> None:
    assert (
        clean_text("≥720元/生・年") == "≥720元/生·年" and clean_text("补助（元/生･天）") == "补助（元/生·天）"
    )


def test_unit_families() -> None:
    assert compatible("公里", "千米") and compatible("台", "台套") and compatible("百分点", "%")
    assert not compatible("人", "人次") and not compatible("米", "平方米")


# --- one range separator everywhere (values/patterns.py) ----------------------------------------------------

SEPARATORS = ["-", "--", "—", "——", "–", "－", "~", "～", "至", "到"]


@pytest.mark.parametrize("sep", SEPARATORS)
def test_every_range_separator_joins_a_target_range(sep: str) -> None:
    target = parse_target(f"90%{sep}95%")
    assert (target.number, target.number_max, target.unit) == (Decimal("90"), Decimal("95"), "%")


@pytest.mark.parametrize("sep", SEPARATORS)
def test_every_range_separator_joins_a_period_and_a_goal_label_period(sep: str) -> None:
    from perftable.values.period import parse_range
    from perftable.vocab import goal_label_kind

    assert parse_range(f"2024年{sep}2026年") == (dt.date(2024, 1, 1), dt.date(2026, 12, 31))
    assert parse_date(f"2026年1{sep}12月") == (dt.date(2026, 12, 31), "≤")
    assert goal_label_kind(f"总体目标(2024年{sep}2026年)") == "long_goal"


@pytest.mark.parametrize(
    ("text", "mark", "line"),
    [
        ("（续）", True, True),
        ("(续表)", True, True),
        ("（ 续 表 2 ）", True, True),
        ("续表", True, True),
        ("续上表", True, True),
        ("（续前页）", True, True),
        ("表12（续）", False, True),
        ("续表三：", False, True),
        ("（接下页）", False, True),
        ("未完，转下页", False, True),
        ("（续建）", False, False),
        ("续建", False, False),
        ("继续", False, False),
    ],
)
def test_the_marks_that_say_a_table_goes_on(text: str, mark: bool, line: bool) -> None:
    """values.patterns.CONTINUED (a mark in a cell or after a title) and CONTINUED_LINE (a line of its own)."""
    import re

    from perftable.values.patterns import CONTINUED, CONTINUED_LINE

    found = (re.fullmatch(CONTINUED, text), re.fullmatch(CONTINUED_LINE, text))
    assert (found[0] is not None, found[1] is not None) == (mark, line)


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("达到85%及以上", "≥"),
        ("达到90%以上", "≥"),
        ("达到95%", "="),
        ("达到1万亩以下", "≤"),
        ("不低于85%", "≥"),
    ],
)
def test_a_suffix_says_more_than_reach(text: str, comparator: str) -> None:
    """达到 (reach) reads as = only where no suffix (以上, 以下) says which way the target may be passed."""
    assert parse_target(text).comparator == comparator


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2026.8.31", "2026-08-31"),
        ("2026.8.31前", "2026-08-31"),
        ("2026.12.31", "2026-12-31"),
        ("2026.8", None),
    ],
)
def test_a_dotted_date_may_write_its_month_with_one_digit(text: str, date: str | None) -> None:
    """2026.8.31 is a date; 2026.8 alone stays a number (a decimal), as 2026.5 does."""
    found = parse_target(text, year=2026).date
    assert (found.isoformat() if found else None) == date


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("一、产出指标", "一、"),
        ("十二．其他", "十二．"),
        ("（一）数量指标", "（一）"),
        ("(二)、效益", "(二)、"),
        ("(3)满意度", "(3)"),
        ("4）成本", "4）"),
        ("1、完成培训", "1、"),
        ("2.基本支出", "2."),
        ("③群众满意", "③"),
        ("1.5万元", None),  # an amount, not "1." and "5万元"
        ("2024年", None),
        ("1234.其他", None),
        ("产出指标", None),
    ],
)
def test_outline_number(text: str, number: str | None) -> None:
    from perftable.values.patterns import OUTLINE_NUMBER

    found = re.match(OUTLINE_NUMBER, text)
    assert (found.group() if found else None) == number


@pytest.mark.parametrize(
    ("text", "section"),
    [("一、产出指标", True), ("（二）效益指标", True), ("1、培训", False), ("(1)x", False)],
)
def test_section_number_is_a_chinese_ordinal_only(text: str, section: bool) -> None:
    from perftable.values.patterns import SECTION_NUMBER

    assert (re.match(SECTION_NUMBER, text) is not None) == section


@pytest.mark.parametrize(
    ("unit", "family", "scale"),
    [("批次", "count", 1), ("台次", "count", 1), ("台件", "count", 1), ("万剂次", "count", 10000),
     ("项次", "count", 1), ("毫克", "mass", Decimal("0.000001")), ("微克", "mass", Decimal("0.000000001"))],
)  # fmt: skip
def test_units_counted_each_time_and_small_masses(unit: str, family: str, scale: Decimal) -> None:
    info = unit_info(unit)
    assert info is not None and (info.family, info.scale) == (family, Decimal(scale))


@pytest.mark.parametrize(
    ("text", "level1", "level2"),
    [("1-产出指标", "产出指标", None), ("11-数量指标", None, "数量指标"), ("21－经济成本指标", None, "经济成本指标"),
     ("一、效益指标", "效益指标", None), ("1-2个", None, None)],
)  # fmt: skip
def test_level_names_printed_with_the_budget_systems_codes(
    text: str, level1: str | None, level2: str | None
) -> None:
    from perftable import vocab

    assert vocab.level1_name(text) == level1 and vocab.level2_name(text) == level2


@pytest.mark.parametrize(
    ("text", "plain"),
    [("$\\geq 9 5 \\%$", "≥95%"), ("$\\leqslant 5$ 个工作日", "≤5 个工作日"), ("$\\le 1 2 . 5$", "≤12.5"),
     ("$6 0 0$元/户", "600元/户"), ("$x^2$", "$x^2$"), ("单价 $5 或 $6", "单价 $5 或 $6"), ("$\\left( 3$", "$\\left( 3$")],
)  # fmt: skip
def test_inline_tex_written_for_symbols_reads_as_text(text: str, plain: str) -> None:
    from perftable.values.cleaning import inline_math

    assert inline_math(text) == plain


@pytest.mark.parametrize(
    ("value", "number", "unit"),
    [("≤600（万元）", "600", "万元"), ("≥1200(人次)", "1200", "人次"), ("≥98%（暂定）", "98", "%"), ("30（个）", "30", "个")],
)  # fmt: skip
def test_a_unit_in_brackets_after_the_number_is_the_targets_unit(value: str, number: str, unit: str) -> None:
    target = parse_target(value, money=True)
    assert (target.number, target.unit) == (Decimal(number), unit)
