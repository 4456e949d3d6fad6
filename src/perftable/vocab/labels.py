"""Field, section, goal and task labels, footnotes and titles: what a cell says it is."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from perftable.values.cleaning import label_key
from perftable.values.patterns import OUTLINE_NUMBER, RANGE_SEPARATOR, YEAR
from perftable.vocab._keys import keys
from perftable.vocab.levels import _strip_score

# --- section and field labels -------------------------------------------------------------------------------


# Fields that name the department (部门名称 …) and the project.
DEPARTMENT_LABELS: Final = keys(
    """部门名称 部门(单位)名称 单位名称 预算单位 预算部门 主管部门 主管部门及代码 主管部门及其编码 主管部门及编码
    项目主管部门 业务主管部门 主管预算部门 市级主管部门 省级主管部门 区级主管部门 县级主管部门 部门 填报单位 申报单位 预算单位名称 部门(单位) 单位(部门)名称 预算部门名称"""
)
PROJECT_LABELS: Final = keys(
    """项目名称 项目全称 项目支出名称 转移支付名称 转移支付项目名称 专项资金名称 专项名称 资金名称 项目(资金)名称
    项目资金名称 专项(项目)名称 专项项目名称 项目名称及代码 项目名称及编码 二级项目名称 一级项目名称 项目(专项)名称"""
)

# Other labelled header fields, kept in Document.info under their printed label.
INFO_LABELS: Final = keys(
    """财政供养人员数 下属二级单位数 实施单位 项目实施单位 项目执行单位 项目单位 项目性质 项目类别 项目属性 项目分类
    项目类型 项目期限 项目周期 项目期 建设周期 建设期限 实施期限 实施周期 实施期 执行期限 起止时间 项目实施期 项目支出实施期 项目起止时间 项目起止日期 计划开始日期
    计划完成日期 项目开始日期 项目结束日期 项目负责人 项目负责人及电话 项目责任人 项目责任人(签字) 联系电话 联系人 填报人
    填表人 填报日期 项目编码 项目代码 项目编号 部门预算编码 部门编码 单位编码 主管部门编码 资金用途 立项依据 项目审批 项目概况 项目总体概况
    项目立项情况 项目立项的依据 项目申报的可行性 项目申报的必要性 部门职能 部门职能职责 部门职能职责概述 部门职能概述
    主要职能 部门(单位)职责 单位职责 部门职责 部门主要职责 部门职责概述 单位主要职责 绩效目标填报说明 主管处室 归口处室 归口科室 支出功能分类 资金性质 财政资金预算分类
    财政资金科目代码 编制人数 在职人数 实有人数 预算年度 年度"""
)

# Group labels: they head a block and carry no value of their own.
GROUP_LABELS: Final = keys(
    """基本信息 预算整体情况 项目资金 项目资金(元) 项目资金(万元) 年度预算安排 年度预算安排(万元) 年度预算申请
    年度预算申请(万元) 项目基本情况 资金情况 资金情况(万元) 部门预算 预算情况 绩效指标 年度绩效指标 本年度绩效指标
    长期绩效指标 项目绩效目标 预算资金情况 资金来源 经费来源 资金渠道 按收入性质分 按支出性质分 收入来源 收入构成 支出构成 部门总体资金情况
    部门预算支出 事业发展性支出 按预算级次划分 预算金额 预算金额(万元) 预算金额(元) 金额 项目预算 项目资金申请
    项目资金申请(万元) 投入目标 投入目标(万元) 资金总额(万元) 年度资金 年度资金总额及构成 项目资金预算执行 预算执行
    部门整体支出 项目支出绩效目标 项目实施进度计划"""
)

# Goal blocks. Department and annual goals go to Document.goals; a project's long-term goal goes to info.
GOAL_LABELS: Final = keys(
    """总体绩效目标 年度总体目标 年度目标 总体目标 年度绩效目标 绩效目标 年度总体绩效目标 部门整体绩效目标 整体绩效目标
    年度部门整体绩效目标 项目年度绩效目标 年度总目标 年度绩效目标(概述) 部门年度绩效目标 本年度绩效目标 年度主要目标和成果
    项目总体绩效目标 项目年度目标"""
)
LONG_TERM_GOAL_LABELS: Final = keys(
    """项目总目标 中长期目标 总目标 项目中长期目标 实施期目标 实施期总目标 实施期绩效目标 长期目标 中期目标 项目长期目标
    中期绩效目标 长期绩效目标 中长期绩效目标 项目中期目标 项目实施期目标 实施期总体目标 项目实施期绩效目标"""
)
# The period a goal label may print after it: 中期目标(2024年—2026年), 实施期目标（2024-2026年）, 年度目标(2024年度).
_GOAL_PERIOD = re.compile(rf"\((?P<first>{YEAR})年?度?(?:{RANGE_SEPARATOR}(?P<last>{YEAR})年?度?)?\)$")


_GOAL_PREFIXES: Final = ("本年度", "当年", "本年", "调整后", "区域")


@lru_cache(maxsize=4096)
def goal_label_kind(text: str) -> str | None:
    """``goal`` for an annual goal label, ``long_goal`` for a mid- or long-term one, None for other text.

    A period printed after the label is dropped (``中期目标(2024年—2026年)``); one spanning several years makes any
    goal label but an annual one long-term (``总体目标(2024-2026年)``). Labels such as ``年度目标完成情况`` (of a
    self-evaluation) are not goal labels."""
    key = label_key(text)
    match = _GOAL_PERIOD.search(key)
    base = key[: match.start()] if match else key
    if base not in GOAL_LABELS and base not in LONG_TERM_GOAL_LABELS:
        # 当年绩效目标, 当年整体绩效目标: the year's goal under another word for the year; 调整后年度绩效目标 (a 预算调整
        # form: the goal as adjusted), 区域年度总体目标 (a 转移支付区域绩效目标表: the goal for the region)
        for word in _GOAL_PREFIXES:
            if base.startswith(word) and base[len(word) :] in GOAL_LABELS:
                return "goal"
    several_years = bool(match and match["last"] and match["last"] != match["first"])
    if base in LONG_TERM_GOAL_LABELS or (several_years and base in GOAL_LABELS and "年度" not in base):
        return "long_goal"
    return "goal" if base in GOAL_LABELS else None


# The period an indicator table (or a column group of one) is for, as its labels print it: 中期/长期/实施期 targets
# beside or above the annual (年度) ones. 整体 (整体绩效指标 beside 年度绩效指标) says so only next to another group.
# The one list of period words, for labels and column headers alike (longest first: they are also stripped).
LONG_PERIOD_WORDS: Final = ("中长期", "实施周期", "全周期", "实施期", "项目期", "长期", "中期")
ANNUAL_PERIOD_WORDS: Final = ("本年度", "年度", "当年", "本年", "全年")


@lru_cache(maxsize=4096)
def indicator_period(text: str) -> str | None:
    """``long``, ``annual`` or ``overall`` for a label of an indicator table's period (``长期绩效指标``,
    ``中期目标(2024-2026年)``, ``年度指标值``, ``整体绩效指标``); None for other text."""
    key = label_key(text)
    if not key or len(key) > 24 or is_title(text):
        return None
    key = key.replace("部门整体", "").replace("单位整体", "")
    if any(word in key for word in LONG_PERIOD_WORDS):
        return "long"
    if any(word in key for word in ANNUAL_PERIOD_WORDS):
        return "annual"
    return "overall" if "整体" in key else None


def is_period_label(text: str) -> bool:
    """A label naming the period of the indicators under or beside it: ``长期绩效指标``, ``年度绩效指标``,
    ``中期目标(2024年—2026年)`` (not an indicator's name such as ``年度考核合格率``)."""
    if indicator_period(text) is None:
        return False
    key = _strip_score(label_key(text))
    return goal_label_kind(text) is not None or key.endswith(("指标", "目标"))


def strip_period(text: str) -> str:
    """A column header without its period word: ``中期指标值`` -> ``指标值``."""
    key = label_key(text)
    for word in (*LONG_PERIOD_WORDS, *ANNUAL_PERIOD_WORDS, "整体"):
        key = key.replace(word, "")
    return key


# Task sections.
KEY_TASK_LABELS: Final = keys(
    """年度重点工作任务 重点工作任务 年度主要任务 年度履职目标 年度工作任务 主要任务 工作任务 部门年度重点工作任务
    年度重点任务 重点任务"""
)
OTHER_TASK_LABELS: Final = keys(
    "其他需完成的任务 其他需完成的任务(可选填) 其他任务 其他工作任务 其他需要完成的任务"
)

# Headers of a self-evaluation (自评表): such tables are not target tables and are skipped.
SELF_EVALUATION_COLUMNS: Final = keys(
    """实际完成值 全年实际值 实际值 完成值 实际完成情况 偏差原因分析及改进措施 全年执行数 执行率 得分
    未完成原因及拟采取的改进措施 全年预算数 全年执行数(B) 执行率(B/A) 全年预算数(A)"""
)

# Rows after which a form's tables end (footnotes).
END_LABELS: Final = keys("备注 填报说明 说明 注 填表说明 其他需说明的问题 其他说明的问题")

_NOTE_PREFIX = re.compile(r"^(备注|注|说明|填报说明|填表说明)\s*[:：]")
# Sign-off rows under a form: 财政部门审核意见, 填表人：…, 单位负责人签字.
_TRAILER = re.compile(
    r"(审核|初审|审批|审查|复核)意见|^填表人|^填报人[:：]|负责人(签字|签章)|^单位(公章|盖章)"
    # a web page's footer under a table copied from it
    r"|【?打印本页】?|【?关闭窗口】?|^主办单位[:：]|网站标识码|ICP备|^版权所有|^技术支持[:：]"
)
# A page number printed in the page's foot: -1-, — 12 —, 第3页, 第 3 页 共 10 页, 3/10.
_PAGE_NUMBER = re.compile(
    r"[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}"
)


def is_page_number(text: str) -> bool:
    """A page number (``-1-``, ``第3页``, ``第 3 页 共 10 页``, ``3/10``): page furniture, not table content."""
    return _PAGE_NUMBER.fullmatch(text.strip()) is not None


def is_footnote(text: str) -> bool:
    """A note or sign-off under the table: ``备注：1. 本表…``, ``财政部门审核意见``, ``填表人：…``."""
    key = label_key(text)
    return key in END_LABELS or bool(_NOTE_PREFIX.match(text.strip())) or bool(_TRAILER.search(key))


# A heading of the disclosure's own text sections (第三部分 名词解释, 附件2 …说明): a form ends before it.
_SECTION_HEADING = re.compile(
    r"^(?:第[一二三四五六七八九十\d]{1,3}(?:部分|章)|[一二三四五六七八九十]{1,3}、\s*名词解释|名词解释$)"
)
# A glossary entry: 绩效目标：是指…, 基本支出：指…
_DEFINITION = re.compile(r"^[^:：，。,]{2,20}[:：]\s*(?:是指|指的是|系指)")


# A line that numbers an attachment or a table rather than naming something: 附件3, 附表2, 表5, 预算12表.
_NOT_A_NAME = re.compile(
    r"^(?:附件|附表|表|第|预算)\s*[\d一二三四五六七八九十]|表$|[:：]|(?:预算|决算)(?:公开)?$"
    r"|部门预算|部门决算|预算公开|决算公开"  # a document's running header (某县2025年部门预算公开文件)
)


_HEADING_NUMBER = re.compile(rf"^\s*{OUTLINE_NUMBER}\s*")


def heading_name(text: str) -> str | None:
    """The name a heading line gives (its numbering dropped: ``2、小型水库除险加固`` -> ``小型水库除险加固``), or None
    when the line is not such a heading (see :func:`is_heading_name`)."""
    name = _HEADING_NUMBER.sub("", text.strip(), count=1)
    return name if is_heading_name(name) else None


def is_heading_name(text: str) -> bool:
    """A short line that names something (a project's heading, a table's caption): four to forty characters with
    at least four Chinese ones, no colon, not a title, a year line, a unit line, a section heading or a number."""
    key = label_key(text)
    cjk = sum(1 for ch in key if "\u4e00" <= ch <= "\u9fff")
    return (
        4 <= len(key) <= 40
        and cjk >= 4
        and _NOT_A_NAME.search(key) is None
        and not is_title(text)
        and not is_year_line(text)
        and not is_section_heading(text)
        and not is_footnote(text)
        and "单位" not in key
    )


def is_section_heading(text: str) -> bool:
    """A heading of a text section of the document (``第三部分 名词解释``, ``名词解释``): not part of any form."""
    return bool(_SECTION_HEADING.match(label_key(text)))


def is_definition(text: str) -> bool:
    """A glossary entry (``绩效目标：是指财政预算资金…``): prose, never a field or a goal."""
    return bool(_DEFINITION.match(text.strip()))


# --- titles -------------------------------------------------------------------------------------------------

_TITLE = re.compile(r"绩效(?:目标)?(?:申报|审核|审批)?表")
# A heading over target tables in a budget disclosure: 七、重点项目预算绩效目标情况, 重点项目绩效目标情况.
_TARGET_HEADING = re.compile(r"绩效目标(?:设置)?情况")
_YEAR = re.compile(rf"(?<!\d)({YEAR})\s*\(?年")
_SHORT_YEAR = re.compile(r"(?<![\d])(\d{2})\s*年度")
# A year given as a labelled field without 年: 编制年度：2023, 预算年度:2024.
_LABELLED_YEAR = re.compile(rf"(?:预算|编制|所属|申报)年度[:：]?\s*({YEAR})(?!\d)")


# A title that leaves out 表 (a document's heading over its forms): a year, then whose targets they are, at the end.
_TITLE_WITHOUT_TABLE = re.compile(
    rf"{YEAR}年度?[^年]{{0,6}}(?:项目支出|部门整体支出|部门整体|单位整体支出|整体支出)(?:预算)?绩效目标$"
)


def is_title(text: str) -> bool:
    """A title such as 2024年市级部门整体预算绩效目标表 or 财政项目支出绩效目标申报表, or a document heading that
    leaves out 表 after a year (西宁市城北区教育局2026年项目支出绩效目标)."""
    key = label_key(text)
    if len(key) > 60 or "自评" in key:
        return False
    return bool(_TITLE.search(key) or _TITLE_WITHOUT_TABLE.search(key))


def is_target_heading(text: str) -> bool:
    """A heading that announces target tables (``七、重点项目预算绩效目标情况``) or titles one."""
    key = label_key(text)
    return len(key) <= 60 and "自评" not in key and bool(_TITLE.search(key) or _TARGET_HEADING.search(key))


def year_in(text: str) -> int | None:
    """The year a title or a ``（2026年度）`` line names (``表11 2026年…``: digits apart from the year do not
    join it)."""
    key = " ".join(label_key(part) for part in text.split())
    match = _YEAR.search(key) or _LABELLED_YEAR.search(key)
    if match:
        return int(match[1])
    # a two-digit year (``（19年度）``) only on a line that names nothing else: ``预算表12 年度项目…`` is table 12
    short = _SHORT_YEAR.search(key) if is_year_line(text) else None
    return 2000 + int(short[1]) if short else None


def is_year_line(text: str) -> bool:
    """A line that only names the year: ``（2026年度）``, ``2019年度)``."""
    key = label_key(text)
    return bool(re.fullmatch(r"\(?(?:19|20)?\d{2}\(?年度?\)?\)?", key))


# The unit a title names before its year or its form's name: 津南区市场监督管理局2025年项目支出绩效目标表.
_TITLE_UNIT = re.compile(
    r"^(?P<unit>[\u4e00-\u9fff()（）]{2,30}?(?:局|委员会|委|办公室|室|中心|院|所|站|厅|会|处|队|馆|部|社|校|政府|"
    r"管委会|办事处|集团|公司))"
    rf"(?=\(?(?:{YEAR})年|部门整体|整体支出|部门预算|项目支出|本级)"
)


def unit_in_title(text: str) -> str | None:
    """The department a title names in front of its year or its form's name (``示例县民政局2024年部门整体支出
    绩效目标表`` -> ``示例县民政局``); None when the title begins with the year or names no unit."""
    if not is_title(text):
        return None
    match = _TITLE_UNIT.match(label_key(text))
    return match["unit"] if match else None


def kind_of_title(text: str) -> str | None:
    key = label_key(text)
    if "部门整体" in key or "整体支出" in key or "部门预算绩效" in key:
        return "department"
    if "项目" in key or "转移支付" in key or "专项资金" in key:
        return "project"
    return None
