"""The message catalog: every text perftable shows about a table, in Chinese and English.

It is data: ``MESSAGES[key] = {"zh": template, "en": template}``, formatted with ``str.format`` and the
parameters the producer recorded. A test checks that every key has both languages and the same placeholders.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from string import Formatter
from typing import Final, Literal

Lang = Literal["zh", "en"]
LANGS: Final = ("zh", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # Repairs the reader made (P002 keeps the meaning, P003 could change it).
    "carried-down": {
        "zh": "空的{level}单元格沿用上方的「{value}」（合并单元格在转换中被拆开）",
        "en": "empty {level} cell takes 「{value}」 from the row above (a merged cell flattened in conversion)",
    },
    "joined-lines": {
        "zh": "单元格内被断开的文字已连接：「{text}」",
        "en": "text broken across lines inside a cell was joined: 「{text}」",
    },
    "stray-spaces": {
        "zh": "单元格内多余的空格已去除：「{text}」",
        "en": "stray spaces inside a cell were removed: 「{text}」",
    },
    "realigned-row": {
        "zh": "该行单元格错位，已按内容重新对齐：{fields}",
        "en": "the cells of this row were shifted; realigned by what each cell holds: {fields}",
    },
    "amounts-shifted": {
        "zh": "该行金额从栏目左边一列开始（合并单元格在转换中丢失），已依次对应到{labels}：请对照原件核对",
        "en": "the amounts of this row start one column left of their labels (a merged cell lost in conversion); "
        "read in order as {labels}; check the original",
    },
    "level1-inferred": {
        "zh": "一级指标由二级指标「{level2}」推断为「{level1}」（{reason}）",
        "en": "level-1 inferred as 「{level1}」 from the level-2 「{level2}」 ({reason})",
    },
    "task-section": {
        "zh": "任务「{task}」所在行标注为「{label}」，但任务编号表明它属于「{section}」：按编号划分",
        "en": "task 「{task}」 sits on the row labelled 「{label}」 but its numbering puts it in 「{section}」; "
        "sections follow the numbering",
    },
    "fragment-dropped": {
        "zh": "「{text}」只是一个字符、没有指标值，像是被截断的残片，未作为指标读取",
        "en": "「{text}」 is a single character with no value, a fragment left by a cut; not read as an indicator",
    },
    "page-split-row": {
        "zh": "第{page}页的第一行「{text}」没有{missing}，是上一页最后一行被分页截断的部分，已并入该行：请对照原件核对",
        "en": "the first row of page {page} 「{text}」 has no {missing}: it is the rest of the last row of the page "
        "before, cut by the page break, and was joined to it; check the original",
    },
    "table-split-row": {
        "zh": "表头重复出现后的第一行「{text}」没有{missing}，是上一段表格最后一行被分页截断的部分，已并入该行：请对照原件核对",
        "en": "the first row under the header printed again 「{text}」 has no {missing}: it is the rest of the last row "
        "before the break, cut by a page break, and was joined to it; check the original",
    },
    "wrapped-row": {
        "zh": "「{text}」所在行没有一级指标和指标值，而本表每行都写明一级指标：它是上一行单元格换行的部分（PDF 转换工具把换行"
        "写成了新的一行），已并入上一行：请对照原件核对",
        "en": "the row of 「{text}」 has no level-1 and no value, where every row of this table prints its level-1: it is "
        "the wrapped part of the row above (a PDF converter wrote the cell's second line as a row), joined to it; "
        "check the original",
    },
    "indicator-unread": {
        "zh": "指标单元格中的这部分无法读取：「{text}」",
        "en": "this part of the indicator cell could not be read: 「{text}」",
    },
    "amount-unread": {
        "zh": "金额单元格无法读作数字：「{text}」",
        "en": "the amount cell does not read as a number: 「{text}」",
    },
    "formula-without-value": {
        "zh": "单元格是公式「{text}」，但文件没有保存计算结果，金额按空读取：请在 Excel 或 WPS 中打开、重新计算并保存",
        "en": "the cell holds the formula 「{text}」 but the file keeps no computed value, so the amount reads as "
        "empty: open the workbook in Excel or WPS, recalculate and save it",
    },
    "digits-joined": {
        "zh": "单元格「{text}」的数字被换行隔开，已连在一起读作「{joined}」：可能是一个数被断开，也可能是两个数，请对照原件核对",
        "en": "the digits of 「{text}」 are split by a line break and were read together as 「{joined}」: one number "
        "broken, or two numbers? check the original",
    },
    "spaced-digits": {
        "zh": "金额「{text}」的数字中间有空格，已按 {amount} 读取",
        "en": "the amount 「{text}」 has blanks inside its digits; read as {amount}",
    },
    "doubled-amount": {
        "zh": "金额「{text}」重复印了两次，已按 {amount} 读取，请对照原件核对",
        "en": "the amount 「{text}」 is printed twice; read once as {amount}; check the original",
    },
    "excel-date-serial": {
        "zh": "日期栏中的「{text}」是电子表格的日期序号，已按 {date} 读取，请核对",
        "en": "「{text}」 in a date field is a spreadsheet day number; read as {date}; check it",
    },
    # Tables the extractor skipped (perftable parse --stats / -v).
    "skipped-other-table": {
        "zh": "不是绩效目标表（{title}）",
        "en": "not a 绩效目标表 ({title})",
    },
    "skipped-no-target-vocabulary": {
        "zh": "不是绩效目标表（没有绩效指标、预算或目标栏目）",
        "en": "not a 绩效目标表 (no indicator, budget or goal headings)",
    },
    "skipped-blank-form": {
        "zh": "空白表样（没有填写任何值）",
        "en": "a blank form (no value filled in)",
    },
    "skipped-self-evaluation": {
        "zh": "自评表（实际完成值/得分栏目），不是绩效目标表",
        "en": "a self-evaluation table (实际完成值/得分 columns), not a 绩效目标表",
    },
    "skipped-unruled-table": {
        "zh": "PDF 中以文字排列、没有画表格线的指标表（项目清单），无法可靠地把文字放回各栏，未读取",
        "en": "an indicator table laid out as text with no ruling lines (a project listing) in a PDF: its text "
        "cannot be placed in its columns reliably; not read",
    },
    "skipped-no-target": {
        "zh": "有绩效目标表的栏目，但没有指标，也没有带目标或任务的预算",
        "en": "has 绩效目标表 headings but no indicator, nor a budget with goals or tasks",
    },
}

# The code of each repair the readers make: P002 keeps the meaning, P003 could change it (a person should look).
REPAIR_CODES: Final[dict[str, Literal["P002", "P003"]]] = {
    "carried-down": "P002",
    "joined-lines": "P002",
    "stray-spaces": "P002",
    "spaced-digits": "P002",
    "digits-joined": "P003",
    "realigned-row": "P003",
    "amounts-shifted": "P003",
    "level1-inferred": "P003",
    "task-section": "P003",
    "fragment-dropped": "P003",
    "page-split-row": "P003",
    "table-split-row": "P003",
    "wrapped-row": "P003",
    "indicator-unread": "P003",
    "amount-unread": "P003",
    "formula-without-value": "P003",
    "doubled-amount": "P003",
    "excel-date-serial": "P003",
}

# One line for every repair of a kind, when a file has several (the text report groups them unless -v).
REPAIR_TITLES: Final[dict[str, dict[str, str]]] = {
    "carried-down": {
        "zh": "合并单元格在转换中被拆开，空的单元格沿用上方的值",
        "en": "merged cells flattened in conversion: empty cells take the value from the row above",
    },
    "joined-lines": {
        "zh": "单元格内被断开的文字已连接",
        "en": "text broken across lines inside a cell was joined",
    },
    "stray-spaces": {"zh": "单元格内多余的空格已去除", "en": "stray spaces inside a cell were removed"},
    "spaced-digits": {
        "zh": "金额数字中间的空格已去除",
        "en": "blanks inside the digits of an amount were removed",
    },
    "realigned-row": {
        "zh": "单元格错位的行已按内容重新对齐",
        "en": "rows whose cells were shifted were realigned by what each cell holds",
    },
    "level1-inferred": {"zh": "一级指标由二级指标推断", "en": "level-1 inferred from the level-2"},
    "task-section": {"zh": "任务按编号划分到重点任务或其他任务", "en": "task sections decided by numbering"},
    "fragment-dropped": {
        "zh": "被截断的残片未作为指标读取",
        "en": "fragments left by a cut not read as indicators",
    },
    "indicator-unread": {
        "zh": "指标单元格中有无法读取的部分",
        "en": "parts of indicator cells could not be read",
    },
    "amount-unread": {"zh": "金额单元格无法读作数字", "en": "amount cells do not read as numbers"},
    "formula-without-value": {
        "zh": "公式单元格没有保存计算结果，金额按空读取：请在 Excel 或 WPS 中重新计算并保存",
        "en": "formula cells keep no computed value and read as empty: recalculate and save the workbook",
    },
    "doubled-amount": {"zh": "重复印了两次的金额已按一次读取", "en": "amounts printed twice were read once"},
    "excel-date-serial": {
        "zh": "日期栏中的电子表格日期序号已换算为日期",
        "en": "spreadsheet day numbers in date fields were read as dates",
    },
}

# Words used as parameters above.
TERMS: dict[str, dict[str, str]] = {
    "level1": {"zh": "一级指标", "en": "level-1"},
    "level2": {"zh": "二级指标", "en": "level-2"},
    "key": {"zh": "重点工作任务", "en": "key tasks"},
    "other": {"zh": "其他需完成的任务", "en": "other tasks"},
    "level2-in-level1-column": {
        "zh": "二级指标名称写在了一级指标列",
        "en": "a level-2 name in the level-1 column",
    },
    "level1-missing": {"zh": "一级指标为空", "en": "the level-1 cell is empty"},
    "level1-mismatch": {
        "zh": "沿用的一级指标与二级指标不符",
        "en": "the carried level-1 does not fit the level-2",
    },
    "name": {"zh": "三级指标", "en": "name"},
    # profiles, as messages name them
    "department": {"zh": "部门整体支出绩效目标表", "en": "department"},
    "project": {"zh": "项目支出绩效目标表", "en": "project"},
    "guangdong-department": {"zh": "广东部门整体预算绩效目标表", "en": "guangdong-department"},
    "shanghai-project": {"zh": "上海财政项目支出绩效目标申报表", "en": "shanghai-project"},
    "central-2021": {"zh": "2021年起的中央格式", "en": "central-2021"},
    "local": {"zh": "地方格式", "en": "local"},
    "value": {"zh": "指标值", "en": "value"},
}


@dataclass(frozen=True)
class Localized:
    """A message parameter that is a phrase, not a value: said in each language (``项目支出 空`` / ``项目支出
    empty``). Its ``str`` is the Chinese, as a finding's params keep it."""

    zh: str
    en: str

    def __str__(self) -> str:
        return self.zh

    def text(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def term(key: str, lang: Lang = "zh") -> str:
    return TERMS.get(key, {}).get(lang, key)


def translate(value: str, lang: Lang) -> str:
    """A parameter that is a term (or a comma-separated list of terms) in the message's language."""
    parts = value.split(",")
    if all(part in TERMS for part in parts):
        return ("、" if lang == "zh" else ", ").join(term(part, lang) for part in parts)
    return value


def render(key: str, params: Mapping[str, object], lang: Lang = "zh") -> str:
    """Format a catalog message (a repair's, a report's) in the language asked for."""
    return fill(MESSAGES[key][lang], params, lang)


def fill(template: str, params: Mapping[str, object], lang: Lang) -> str:
    """A message template filled in: the one way every message perftable shows is made (the engine's findings,
    repairs, reports). A parameter that is :class:`Localized` speaks the language asked for, one that names a
    term is translated; a template whose fields the parameters do not fill never crashes a run: it is shown with
    the values beside it."""
    values = {
        name: value.text(lang) if isinstance(value, Localized) else translate(str(value), lang)
        for name, value in params.items()
    }
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return f"{template} {values}"
