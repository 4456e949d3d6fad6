"""``--help`` and usage errors in Chinese when the user reads Chinese: ``--lang zh`` on the command line, or a
Chinese locale (``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` starting with ``zh``). Otherwise English, as before.

click says its own texts through ``gettext`` (``Usage:``, ``Error: …``, ``No such option …``); each run sets click's
``_``/``ngettext`` to look its texts up in :data:`CLICK_ZH`, or back to gettext's. perftable's own help texts (a
command's description, an option's help) are looked up in :data:`HELP_ZH` on a copy of the command, so that the
command objects stay as they are. A text not in a table is shown as it is (English).
"""

from __future__ import annotations

import copy
import gettext
import importlib
import os
from collections.abc import Sequence
from typing import Final

import click

from perftable.cli.help_zh import OPTIONS_ZH
from perftable.messages import Lang

_CLICK_MODULES: Final = (
    "core",
    "exceptions",
    "formatting",
    "decorators",
    "parser",
    "types",
    "utils",
    "termui",
)

CLICK_ZH: Final[dict[str, str]] = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",  # said when the option is made: also in HELP_ZH
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "Invalid value: {message}": "无效的值：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "argument": "参数",
    "option": "选项",
    "parameter": "参数",
    "No such option: {name}": "没有这个选项：{name}",
    "No such option {name!r}.": "没有这个选项 {name!r}。",
    "No such command {name!r}.": "没有这个命令 {name!r}。",
    "Did you mean {possibility}?": "是否想用 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是否想用其中之一：{possibilities}？）",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受值。",
    "Missing command.": "缺少命令。",
    "Aborted!": "已中止。",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是 {choices} 之一。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "integer": "整数",
    "float": "数字",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是目录。",
    "file": "文件",
    "directory": "目录",
    "path": "路径",
    "default: {default}": "默认：{default}",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
}

# perftable's own help texts, by their English text (every command's options: OPTIONS_ZH).
HELP_ZH: Final[dict[str, str]] = {
    **OPTIONS_ZH,
    # the group and its command list
    "perftable: parse, validate, render and diff 绩效目标表 (budget performance target tables).\n\n"
    "    \b\n    Example:\n      perftable parse samples/guangdong-department/lianjiang-2024.md\n    ": (
        "perftable：解析、校验、重新排版和比对绩效目标表。\n\n    \b\n    示例：\n"
        "      perftable validate samples/guangdong-department/lianjiang-2024.md\n    "
    ),
    "Parse tables into JSON (the typed model).": "把表格解析为 JSON（结构化模型）。",
    "Print the JSON Schema of the parse output.": "输出 parse 结果的 JSON Schema。",
    "Check tables and report findings (exit 1 on errors).": "校验表格并报告发现的问题（有错误时退出码为 1）。",
    "List the rules, or explain one.": "列出全部规则，或解释其中一条。",
    "Render tables as clean markdown, xlsx, HTML, JSON or CSV.": "把表格重新排版为 markdown、xlsx、HTML、JSON 或 CSV。",
    "Show what changed between two versions of a table.": "比对一张表的两个版本有哪些变化。",
    "Export many tables as one dataset (csv, xlsx, jsonl, parquet).": "把一批表格导出为一个数据集（csv、xlsx、jsonl、parquet）。",
    "Review a batch: grades, 审核意见 and findings as HTML, xlsx, docx or markdown.": (
        "审核一批表格：评级、审核意见和发现的问题，输出为 HTML、xlsx、docx 或 markdown。"
    ),
    "Show the version and exit.": "显示版本并退出。",
    # validate
    "Report format [default: text; github when GITHUB_ACTIONS is set].": "报告格式［默认 text；设置了 GITHUB_ACTIONS 时为 github］。",
    "Write the report to a file.": "把报告写入文件。",
    "Message language [default: zh].": "消息语言［默认 zh］。",
    "Rules to run: codes, prefixes or names, comma-separated (e.g. B,U).": "要运行的规则：代码、代码前缀或名称，用逗号分隔（如 B,U）。",
    "Rules to skip: codes, prefixes or names, comma-separated.": "要跳过的规则：代码、代码前缀或名称，用逗号分隔。",
    "Override a rule's severity: error, warning, info or off (repeatable).": "修改规则的级别：error、warning、info 或 off（可重复）。",
    "Lowest severity that fails the run (exit 1) [default: error].": "导致校验失败（退出码 1）的最低级别［默认 error］。",
    "Exit 0 even when there are findings (unreadable files still exit 2).": "即使有发现也以 0 退出（无法读取的文件仍以 2 退出）。",
    "Use this configuration file instead of discovering one.": "使用这个配置文件，不再自动查找。",
    "Ignore every configuration file.": "忽略所有配置文件。",
    "Drop findings recorded in this baseline.": "不再报告此基线中已记录的发现。",
    "Record the current findings as a baseline and exit 0.": "把当前的发现记录为基线，并以 0 退出。",
    "Processes to use; 0 means all cores.": "使用的进程数；0 表示使用全部核心。",
    "Never show a progress bar.": "不显示进度条。",
    "Profile: auto, department, project, guangdong-department, shanghai-project, central-2021, local "
    "(perftable rules --profile NAME shows what each requires).": (
        "版式：auto、department、project、guangdong-department、shanghai-project、central-2021、local"
        "（perftable rules --profile 名称 说明每种版式的要求）。"
    ),
    "Largest file to read (50MB, 32MiB …).": "读取文件的最大大小（50MB、32MiB …）。",
    "PDF only: the library that reads the pages (pdfium is faster; pdfplumber is the second opinion).": (
        "仅用于 PDF：读取页面所用的库（pdfium 较快；pdfplumber 作为第二种读法）。"
    ),
    "PDF only: read these pages (1-based, inclusive: 40-52, 7, 40-); other formats ignore it.": (
        "仅用于 PDF：只读取这些页（从 1 起，含两端：40-52、7、40-）；其他格式忽略此选项。"
    ),
    "Say on stderr, for each file, how many 绩效目标表 were read and how many other tables skipped.": (
        "在 stderr 上逐个文件说明读到几张绩效目标表、跳过了几张其他表；重复的修复逐条列出。"
    ),
    "A file that holds no 绩效目标表 (README.md, notes, an empty file) is skipped with a note, not reported as P001 "
    "(exit 2); an unreadable file still is. For hooks that pass every .md, .xlsx … file.": (
        "不含绩效目标表的文件（README.md、笔记、空文件）只给出说明并跳过，不报告为 P001（退出码 2）；无法读取的文件仍然报告。"
        "用于把所有 .md、.xlsx … 文件都交给 perftable 的钩子。"
    ),
    "Show only findings at or above this severity (the others still count) [default: info].": (
        "只显示不低于此级别的发现（其余仍计入汇总和退出码）［默认 info］。"
    ),
    "Show errors only: the same as --min-severity error.": "只显示错误，等同于 --min-severity error。",
    "Files and folders a folder walk leaves out, comma-separated globs (a name such as drafts or *.pdf, or a "
    "path such as 2023/*.md); replaces the configuration's exclude.": (
        "遍历目录时排除的文件和目录，用逗号分隔的通配符（名称如 drafts、*.pdf，或路径如 2023/*.md）；取代配置中的 exclude。"
    ),
    "Like --exclude, but added to the configuration's exclude and extend-exclude.": (
        "与 --exclude 相同，但追加到配置中的 exclude 和 extend-exclude 之后。"
    ),
    "After the report, count the findings per rule: count, code, severity, name (text and concise formats).": (
        "在报告之后按规则统计发现：数量、代码、级别、名称（text 和 concise 格式）。"
    ),
}

VALIDATE_ZH: Final = (
    "校验绩效目标表：预算数额、指标完整性、单位、交叉核对。\n\n"
    "PATHS 是文件或目录（查找其中的 .md .html .csv .tsv .xlsx .xls .ods .docx .pdf 文件）；一个文件中有多张表时，逐一校验"
    "每张绩效目标表，跳过其他表（-v 说明跳过了哪些）。报告最后一行给出结论（可以提交 / 请修改）。退出码：0 表示没有达到 "
    "--fail-on 级别的发现，1 表示有，2 表示有文件无法读取（其余文件照常校验）或用法、配置错误，3 表示内部错误。\n\n"
    "\b\n示例：\n"
    "  perftable validate samples/guangdong-department/lianjiang-2024.md\n"
    "  perftable validate 提交材料/ --jobs 0 --format json -o report.json\n"
    "  perftable validate x.md --lang en --select B,U --ignore U006 --fail-on warning\n"
    "  perftable validate 提交材料/ --quiet        # 只显示错误；警告仍然计数\n"
    "  perftable validate 提交材料/ --statistics   # 然后按规则统计发现\n"
    "  perftable validate 提交材料/ --extend-exclude 'drafts,*.pdf'\n"
)

_STATE: dict[str, Lang] = {"lang": "en"}


def wanted(args: Sequence[str]) -> Lang:
    """The language of help and usage errors: ``--lang`` on the command line, else the locale."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args) and args[i + 1] in ("zh", "en"):
            return "zh" if args[i + 1] == "zh" else "en"
        if arg in ("--lang=zh", "--lang=en"):
            return "zh" if arg.endswith("zh") else "en"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _zh_gettext(text: str) -> str:
    return CLICK_ZH.get(text, text)


def _zh_ngettext(singular: str, plural: str, n: int) -> str:
    return CLICK_ZH.get(singular if n == 1 else plural, singular if n == 1 else plural)


def use(lang: Lang) -> None:
    """Say click's texts in ``lang`` for this run (each run sets it: nothing carries over to the next)."""
    _STATE["lang"] = lang
    zh = lang == "zh"
    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _zh_gettext if zh else gettext.gettext  # type: ignore[attr-defined]  # click's own
        if hasattr(module, "ngettext"):
            module.ngettext = _zh_ngettext if zh else gettext.ngettext  # type: ignore[attr-defined]


def current() -> Lang:
    return _STATE["lang"]


def say(text: str) -> str:
    """One of perftable's help texts in the run's language."""
    return HELP_ZH.get(text, text) if current() == "zh" else text


def localized(command: click.Command) -> click.Command:
    """The command with its help in the run's language: a copy, the command itself when English."""
    if current() != "zh":
        return command
    copied = copy.copy(command)
    if command.name == "validate":
        copied.help = VALIDATE_ZH
    copied.params = params(command.params)
    copied._help_option = (
        None  # click keeps the --help option it made, in the language of the run that made it
    )
    return copied


def params(given: list[click.Parameter]) -> list[click.Parameter]:
    """Copies of the options with their help in the run's language."""
    if current() != "zh":
        return given
    translated: list[click.Parameter] = []
    for param in given:
        param = copy.copy(param)
        if isinstance(param, click.Option) and param.help:
            param.help = say(param.help)
        translated.append(param)
    return translated
