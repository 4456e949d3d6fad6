"""I011 wrong-category: an indicator probably filed under the wrong category.

* the quality of the work delivered under 效益指标 belongs under 产出指标 > 质量指标: a quality rate (合格率, 达标率,
  优良率 …) or acceptance (a name ending in 验收合格) of the project's own work, named by a word such as 工程, 项目,
  设备, 施工 (``工程验收合格率``). What lasts after acceptance stays (``项目竣工验收合格后，持续使用时间``).
  A rate of the world the project changes is a benefit and stays (``地表水水质达标率``, ``学生体质健康测试合格率``);
* a satisfaction indicator (a name that ends in 满意度 or 满意率) under 效益指标 belongs under 满意度指标 (unless
  profile ``local`` allows it there); a name that only mentions satisfaction (``满意度调查结果的应用率``) stays;
* a cost item (a money target) under 生态效益指标 or another 效益 level-2 belongs under 成本指标, unless it is a
  saving (``节约用水费用``), which is a benefit.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 质量指标 | 验收合格率 | ≥95% |
    | 效益指标 | 生态效益指标 | 地表水水质达标率 | ≥90% |
    | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |

Failing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 效益指标 | 社会效益指标 | 验收合格率 | ≥95% |
    |  |  | 群众满意度 | ≥90% |
    |  | 生态效益指标 | 绿化养护费用 | ≤20万元 |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable.model import Document
from perftable.rules._indicators import SATISFACTION_LEVEL2, is_money
from perftable.rules._options import ALTERNATE_PARENTS
from perftable.rules.base import Context, Option, Problem

CODE = "I011"
NAME = "wrong-category"
SEVERITY = "warning"
INDICATOR_LAYOUTS = ("tree",)  # a flat list prints no categories
GUIDANCE = "规范性：指标归入正确类别（财预〔2021〕101号 指标体系）"
CRITERION = "完整性"
OPINIONS = ("wrong-level",)
# Quality measures of delivered work: a rate, or a name that ends in its acceptance (验收, 验收合格).
QUALITY_WORDS = ("合格率", "达标率", "优良率", "准确率", "正确率", "验收通过率")
ACCEPTANCE_ENDINGS = ("验收", "验收合格", "通过验收", "验收通过")
# Words that tie a quality rate to the work delivered rather than to the world it changes.
WORK_WORDS = ("验收", "工程", "项目", "设备", "产品", "施工", "建设", "安装", "维修", "维护", "采购", "改造")
SAVING_WORDS = ("节约", "节省", "节支", "减少", "降低", "收益", "增收")
OPTIONS = {
    "alternate_parents": ALTERNATE_PARENTS,
    "quality": Option(
        tuple[str, ...],
        QUALITY_WORDS,
        doc={
            "zh": "衡量工作质量的词语（合格率等）",
            "en": "words that measure the quality of work (合格率 …)",
        },
    ),
    "work": Option(
        tuple[str, ...],
        WORK_WORDS,
        doc={
            "zh": "表示工作或产品的词语（工程、设备等）",
            "en": "words that name work or products (工程, 设备 …)",
        },
    ),
}
SUMMARY = {"zh": "指标可能归错了类别", "en": "an indicator probably in the wrong category"}
MESSAGES = {
    "default": {
        "zh": "「{name}」位于「{level1} > {level2}」，更应归入「{suggested}」",
        "en": "「{name}」 sits under 「{level1} > {level2}」; it belongs under 「{suggested}」",
    }
}


def _is_work_quality(name: str, ctx: Context) -> bool:
    quality: tuple[str, ...] = ctx.options["quality"]
    work: tuple[str, ...] = ctx.options["work"]
    measured = any(word in name for word in quality) or name.endswith(ACCEPTANCE_ENDINGS)
    return measured and any(word in name for word in work)


def _suggestion(name: str, level1: str, level2: str, money: bool, ctx: Context) -> str | None:
    if level1 != "效益指标":
        return None
    if _is_work_quality(name, ctx):
        return "产出指标 > 质量指标"
    if name.endswith(("满意度", "满意率")) and not (
        ctx.options["alternate_parents"] and level2 in SATISFACTION_LEVEL2
    ):
        return "满意度指标 > 服务对象满意度指标"
    costly = any(word in name for word in ("成本", "费用", "经费", "资金"))
    if money and costly and not any(word in name for word in SAVING_WORDS):
        return "成本指标"
    return None


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    for indicator in doc.indicators:
        money = is_money(indicator.target.unit) or is_money((indicator.unit or "").split("/")[0])
        suggested = _suggestion(indicator.name, indicator.level1, indicator.level2, money, ctx)
        if suggested:
            params = {"name": indicator.name, "level1": indicator.level1, "level2": indicator.level2}
            yield Problem(indicator.location, {**params, "suggested": suggested})
