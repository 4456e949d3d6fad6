"""Options several rules declare alike (see :class:`perftable.rules.base.Option`)."""

from __future__ import annotations

from decimal import Decimal

from perftable.rules.base import Option

TOLERANCE = Option(
    Decimal,
    None,
    doc={
        "zh": "金额允许相差多少（与金额同一单位）；未设时为所印最后一位小数的半个单位。配置顶层的 tolerance 对所有预算规则生效",
        "en": "how far amounts may differ (in the amounts' unit); when not set, half a unit of the last printed "
        "decimal. The configuration's top-level tolerance sets it for every budget rule",
    },
    minimum=Decimal(0),
)


def similarity(default: float) -> Option[float]:
    """``min_similarity``: how alike two names must be (the share of the shorter one's words they share)."""
    return Option(
        float,
        default,
        doc={
            "zh": "两个名称至少多相似才算相关（共有的两字组合占较短名称的比例，0 到 1）",
            "en": "how alike two names must be to be linked (the share of the shorter name's character pairs they share, "
            "0 to 1)",
        },
        minimum=Decimal(0),
        maximum=Decimal(1),
    )


ALTERNATE_PARENTS = Option(
    bool,
    False,
    doc={
        "zh": "满意度指标可放在效益指标下（较早的地方表样；profile local 设为 true）",
        "en": "satisfaction may sit under 效益指标, as older local forms print it (profile local sets it)",
    },
)
