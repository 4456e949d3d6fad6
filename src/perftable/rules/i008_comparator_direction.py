"""I008 comparator-direction: a comparator against the indicator's direction.

Rates where lower is better (投诉率, 事故率, 差错率, 成本, 耗时, 发生数 …) are targets of ``≤`` or ``<``; rates where
higher is better (覆盖率, 合格率, 达标率, 满意度, 知晓率 …) are targets of ``≥`` or ``>``. ``≤95%`` for a 合格率 caps
quality instead of promising it. An amount word (成本, 费用, 能耗 …) says so only as the name's last word:
``人均成本`` is a cost, ``形成成本审核报告数量`` counts reports. The keyword lists are options (``lower``,
``higher``).

Handling the bad thing is higher-is-better: 投诉处理率, 隐患整改率, 办结率. So is reducing it: a name that starts
or ends with a reduction (减少碳排放量, 降低能耗, 能耗下降) or measures one (节约率, 下降幅度) states the amount saved,
a target of ``≥``. Other names that mention a reduction, a 控制率, and changes (``下降5%``) are left alone.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 质量指标 | 验收合格率 | ≥95% |
    | 效益指标 | 社会效益指标 | 群众投诉率 | ≤2% |
    |  |  | 投诉处理率 | ≥95% |
    |  | 生态效益指标 | 减少碳排放量 | ≥100吨 |

Failing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 质量指标 | 验收合格率 | ≤95% |
    | 效益指标 | 社会效益指标 | 群众投诉率 | ≥2% |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable.model import Document
from perftable.rules._indicators import shown
from perftable.rules.base import Context, Option, Problem

CODE = "I008"
NAME = "comparator-direction"
SEVERITY = "warning"
GUIDANCE = "适当性：目标值方向正确（财预〔2015〕88号）"
CRITERION = "适当性"
OPINIONS = ("value-mismatch",)
LOWER = ("投诉率", "事故率", "差错率", "错误率", "失误率", "故障率", "发生率", "发案率", "流失率", "违规率", "返工率",
         "投诉", "事故", "差错", "成本", "费用", "耗时", "发生数", "违规", "超支", "能耗", "排放")  # fmt: skip
HIGHER = ("覆盖率", "合格率", "达标率", "满意度", "满意率", "知晓率", "完成率", "及时率", "到位率", "优良率", "达成率",
          "通过率", "准确率", "正确率", "办结率", "受益", "参与率", "入学率", "巩固率", "就业率", "好评率",
          "处理率", "处置率", "整改率", "解决率", "结案率", "化解率", "回复率", "响应率", "查处率", "销号率",
          "节约率", "节支率", "下降率", "降低率", "减少率", "减排率", "压减率", "下降幅度", "降低幅度", "减少幅度",
          "利用率", "回收率")  # fmt: skip
# Words that say "lower is better" only as the head of the name (its last word), not inside it.
HEAD_ONLY = frozenset(
    {"成本", "费用", "时长", "耗时", "能耗", "排放", "超支", "投诉", "事故", "差错", "违规"}
)
# A name that starts or ends with one of these states a reduction achieved, where more is better.
REDUCTION = ("减少", "降低", "下降", "节约", "节省", "减排", "压减", "削减", "减轻")
OPTIONS = {
    "lower": Option(
        tuple[str, ...],
        LOWER,
        doc={
            "zh": "越低越好的指标名称所含词语（应写 ≤）",
            "en": "words of names that are better lower (a target is ≤)",
        },
    ),
    "higher": Option(
        tuple[str, ...],
        HIGHER,
        doc={
            "zh": "越高越好的指标名称所含词语（应写 ≥）",
            "en": "words of names that are better higher (a target is ≥)",
        },
    ),
    "reduction": Option(
        tuple[str, ...],
        REDUCTION,
        doc={
            "zh": "表示减少的词语：「投诉下降率」越高越好",
            "en": "words that name a reduction: 投诉下降率 is better higher",
        },
    ),
}
SUMMARY = {"zh": "比较符号与指标方向相反", "en": "a comparator against the indicator's direction"}
MESSAGES = {
    "lower": {
        "zh": "「{name}」越低越好，指标值「{value}」却用了“{comparator}”，应为“≤”或“<”",
        "en": "「{name}」 is better when lower, but its value 「{value}」 uses “{comparator}”; use ≤ or <",
    },
    "higher": {
        "zh": "「{name}」越高越好，指标值「{value}」却用了“{comparator}”，应为“≥”或“>”",
        "en": "「{name}」 is better when higher, but its value 「{value}」 uses “{comparator}”; use ≥ or >",
    },
}


def direction(
    name: str, lower: tuple[str, ...], higher: tuple[str, ...], reduction: tuple[str, ...] = REDUCTION
) -> str | None:
    """``lower`` or ``higher`` when the name says which way is better. A 控制率 (成本控制率) is written both ways
    (actual/budget ≤ 100%, or share kept within budget ≥ 100%) and is left alone; so is a name that mentions a
    reduction in its middle (it may state the level reached or the amount reduced)."""
    if "控制" in name:
        return None
    if any(word in name for word in higher) or name.startswith(reduction) or name.endswith(reduction):
        return "higher"
    if any(word in name for word in reduction):
        return None
    head = without_final_brackets(name)
    for word in lower:
        # an amount word (成本, 费用, 能耗 …) names what is measured only at the end: 形成成本审核报告数量 counts
        # reports, 人均成本 is a cost
        if word in HEAD_ONLY and head.endswith(word):
            return "lower"
        if word not in HEAD_ONLY and word in name:
            return "lower"
    return None


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    lower: tuple[str, ...] = ctx.options["lower"]
    higher: tuple[str, ...] = ctx.options["higher"]
    reduction: tuple[str, ...] = ctx.options["reduction"]
    for indicator in doc.indicators:
        comparator = indicator.target.comparator
        if comparator in (None, "=", "≈") or indicator.target.change is not None:
            continue
        way = direction(indicator.name, lower, higher, reduction)
        wrong = (way == "lower" and comparator in ("≥", ">")) or (
            way == "higher" and comparator in ("≤", "<")
        )
        if way and wrong:
            params = {"name": indicator.name, "value": shown(indicator), "comparator": comparator}
            yield Problem(indicator.location, params, way)


def without_final_brackets(name: str) -> str:
    """The name without the bracketed part it ends with: ``人均成本（元）`` -> ``人均成本``; ``a（b（c）`` -> ``a``, as
    ``[（(][^）)]*[）)]$`` would have it (from the first opening bracket after the last inner closing one). Written
    out because that pattern, searched in a name of many opening brackets, took time quadratic in its length."""
    if not name.endswith(("）", ")")):
        return name
    inner_close = max(name.rfind("）", 0, len(name) - 1), name.rfind(")", 0, len(name) - 1))
    opens = [
        index for index in (name.find("（", inner_close + 1), name.find("(", inner_close + 1)) if index >= 0
    ]
    return name[: min(opens)] if opens else name
