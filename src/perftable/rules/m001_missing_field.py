"""M001 missing-field: a header field the layout requires is missing, or printed with no value.

A layout known to print them requires its fields: 部门名称, 财政供养人员数 and 下属二级单位数 for the Guangdong
department table; 项目名称, 主管部门, 实施单位, the project period (计划开始/完成日期, 项目期限, 实施期 …) and 项目类别
for the Shanghai project table. Any other table must name its department (部门名称, 单位名称 …) or its project; and a
field a form prints with no value (``主管部门 | `` ) is reported whatever the layout. So are the budget amounts the
sums need (合计, 基本支出, 项目支出, 财政拨款) printed blank, all in one finding, when no amount of those lines was read
(a blank 其他资金 says 0 and is not reported; one blank amount beside filled ones is reported by the B rule of its
total). A project of a listing prints no header fields and is not checked. Options ``department_fields`` and
``project_fields`` hold the fields of each kind of table (a profile sets them; ``perftable rules --profile NAME``
lists a profile's); option ``required`` overrides both.

Passing::

    # 2024年项目支出绩效目标表
    | 项目名称 | 道路改造 | 主管部门 | 某区建设局 |
    |---|---|---|---|
    | 年度资金总额 | 100 |  |  |

Failing (主管部门 printed with no value)::

    # 2024年项目支出绩效目标表
    | 项目名称 | 道路改造 | 主管部门 |  |
    |---|---|---|---|
    | 年度资金总额 | 100 |  |  |
"""

from __future__ import annotations

from collections.abc import Iterator

from perftable import vocab
from perftable.model import Document
from perftable.rules._indicators import where
from perftable.rules.base import Context, Option, Problem
from perftable.values import period

CODE = "M001"
NAME = "missing-field"
SEVERITY = "warning"
LAYOUTS = ("form",)  # a listing prints no header fields: each row names its project
GUIDANCE = "完整性：表头信息齐全（财预〔2015〕88号）"
CRITERION = "完整性"
OPINIONS = ("header-incomplete",)
# What any table of a kind must name. A generic layout is not known to print more: M001 asks no more of it than its
# name (and reports the fields it prints blank); a profile names the fields of a layout known to print them.
OPTIONS = {
    "department_fields": Option(
        tuple[str, ...],
        ("部门名称",),
        doc={
            "zh": "部门整体表必须具备的表头字段（profile 设定）",
            "en": "the header fields a department table needs (a profile sets them)",
        },
    ),
    "project_fields": Option(
        tuple[str, ...],
        ("项目名称",),
        doc={
            "zh": "项目表必须具备的表头字段（profile 设定）",
            "en": "the header fields a project table needs (a profile sets them)",
        },
    ),
    "required": Option(
        tuple[str, ...],
        None,
        doc={
            "zh": "配置要求的表头字段，取代以上两项",
            "en": "the header fields the configuration requires, instead of the two above",
        },
    ),
}
SUMMARY = {"zh": "缺少版式要求的表头字段", "en": "a header field the layout requires is missing"}
MESSAGES = {
    "default": {
        "zh": "缺少表头字段「{field}」（{profile}要求）",
        "en": "the header field 「{field}」 is missing or empty (required by {profile})",
    },
    "blank": {
        "zh": "表头字段「{field}」没有填写",
        "en": "the header field 「{field}」 is printed with no value",
    },
    "budget-blank": {
        "zh": "预算金额没有填写（{fields}），无法核对合计",
        "en": "budget amounts left blank ({fields}): the totals cannot be checked",
    },
}
# A required field, and the labels that fill it (``perftable rules --profile NAME`` lists them).
LABELS: dict[str, tuple[str, ...]] = {
    "实施单位": ("实施单位", "项目实施单位", "项目执行单位", "项目单位"),
    "项目期限": period.LABELS,
}


def present(doc: Document, field: str) -> bool:
    if field in ("部门名称", "主管部门"):
        return bool(doc.department)
    if field == "项目名称":
        return bool(doc.project)
    return period.field(doc, LABELS.get(field, (field,))) is not None


def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    chosen: tuple[str, ...] | None = ctx.options["required"]
    required: tuple[str, ...] = chosen or ctx.options[f"{doc.kind}_fields"]
    where_ = where(doc, "title") if "title" in doc.locations else doc.source
    for field in required:
        if not present(doc, field):
            yield Problem(where_, {"field": field, "profile": ctx.profile})
    budget = [label for label in doc.blank_fields if vocab.budget_key(label)]
    for label in doc.blank_fields:
        if label not in required and label not in budget:
            yield Problem(doc.locations.get(f"blank.{label}", where_), {"field": label}, "blank")
    if budget:  # one finding for the block: the amounts were left blank together
        labels = "、".join(budget)
        yield Problem(doc.locations.get(f"blank.{budget[0]}", where_), {"fields": labels}, "budget-blank")
