"""The Chinese help of every command's options, by their English text (see :mod:`perftable.cli.i18n`, which
looks an option's help up here when the run speaks Chinese). ``tests/test_help_zh.py`` fails when an option of any
command has no entry, so a new option cannot be added without its Chinese help.
"""

from __future__ import annotations

from typing import Final

# options shared by several commands (perftable.cli.options and the commands' own)
_SHARED: Final[dict[str, str]] = {
    "Most cells a table may span (every format).": "一张表最多的单元格数（所有格式）。",
    "Largest size a workbook, a Word document or a PDF's streams may unpack to.": (
        "工作簿、Word 文档或 PDF 的数据流解压后的最大大小。"
    ),
    "Most memory reading one file may take.": "读取一个文件最多可用的内存。",
    "Longest time reading one file may take (90s, 5m).": "读取一个文件最长可用的时间（90s、5m）。",
    "Format of standard input when PATH is '-'.": "PATH 为 '-' 时标准输入的格式。",
    "Write to this file.": "写入这个文件。",
    "processes: --jobs worker processes on this machine; dask: a Dask cluster (pip install 'perftable[dask]').": (
        "processes：在本机用 --jobs 个工作进程；dask：用 Dask 集群（pip install 'perftable[dask]'）。"
    ),
    "With --executor dask: a LocalCluster started for the run (local, the default; --jobs workers, every core "
    "unless given) or the scheduler at this address.": (
        "与 --executor dask 一起使用：为本次运行启动一个 LocalCluster（local，默认；--jobs 个工作进程，未指定时使用全部核心），"
        "或连接这个地址的调度器。"
    ),
}

_PARSE: Final[dict[str, str]] = {
    "Write the JSON to this file.": "把 JSON 写入这个文件。",
    "Always print a JSON array, even for a single table.": "总是输出 JSON 数组，只有一张表时也是。",
    "Print one JSON document per line (JSON Lines).": "每行输出一个 JSON 文档（JSON Lines）。",
    "No indentation.": "不缩进。",
    "Print what was read instead of the JSON: per file, each 绩效目标表 (pages, kind, name, indicators, total, "
    "repairs) and each table skipped with the reason. With -o the JSON is still written.": (
        "不输出 JSON，而是说明读到了什么：逐个文件列出每张绩效目标表（页码、类型、名称、指标数、总额、修复）"
        "和跳过的每张表及其原因。给出 -o 时仍写出 JSON。"
    ),
    "Language of the repair warnings.": "修复提示的语言。",
}

_VALIDATE: Final[dict[str, str]] = {
    "The name of standard input ('-') in the report: its locations, its configuration and, by its suffix, its "
    "format [default: stdin.md].": (
        "报告中标准输入（'-'）的名称：用于位置、查找配置，并按后缀确定格式［默认 stdin.md］。"
    ),
}

_RULES: Final[dict[str, str]] = {
    "Language of the catalog.": "规则目录的语言。",
    "Output format: text, markdown (docs/rules.md) or json (for tools).": (
        "输出格式：text、markdown（docs/rules.md）或 json（供工具使用）。"
    ),
    "Show what a profile requires (level-1 and level-2 names, header fields); --format json for a tool.": (
        "说明一种版式的要求（一级、二级指标名称，表头字段）；供工具使用时加 --format json。"
    ),
    "Explain how `perftable review` grades a table (优/良/中/差), with the configured values.": (
        "说明 `perftable review` 如何给一张表评级（优/良/中/差），使用当前配置的数值。"
    ),
}

_REVIEW: Final[dict[str, str]] = {
    "Write the report here.": "把报告写到这里。",
    "Report format [default: from -o's suffix (.html .xlsx .docx .md .json), else markdown].": (
        "报告格式［默认按 -o 的后缀（.html .xlsx .docx .md .json），否则为 markdown］。"
    ),
    "Language [default: zh].": "语言［默认 zh］。",
    "Rules to run: codes, prefixes or names, comma-separated.": "要运行的规则：代码、代码前缀或名称，用逗号分隔。",
    "Use this configuration file.": "使用这个配置文件。",
    "Processes; 0: all cores.": "进程数；0 表示使用全部核心。",
}

_RENDER: Final[dict[str, str]] = {
    "Output format [default: from -o, else markdown].": "输出格式［默认按 -o 的后缀，否则为 markdown］。",
    "Rewrite each file in its own format (atomically), keeping FILE.bak; only a file that holds its tables alone "
    "(no other text, sheet, formula or comment).": (
        "按原格式原地改写每个文件（原子写入），保留 FILE.bak；只改写仅含其表格的文件（没有其他文字、工作表、公式或批注）。"
    ),
    "--in-place: rewrite even a file that holds more than its tables.": "与 --in-place 一起使用：文件含有表格以外的内容时也改写。",
    "--in-place: keep no FILE.bak.": "与 --in-place 一起使用：不保留 FILE.bak。",
    "Write nothing; exit 1 when rendering would change a file.": "不写任何文件；重新排版会改变文件时以 1 退出。",
    "Write nothing; show how each file would change.": "不写任何文件；显示每个文件会怎样改变。",
    "Write tables whose reading needed meaning-changing repairs (P003).": "写出读取时做过可能改变含义的修复（P003）的表格。",
    "HTML: show validate's findings next to their cells.": "HTML：在单元格旁显示 validate 发现的问题。",
}

_DIFF: Final[dict[str, str]] = {
    "Folders only: a file holding no 绩效目标表 (notes, an empty draft) is skipped with a note, not reported as "
    "unreadable (exit 2); also set by skip-no-table = true in the configuration.": (
        "仅用于文件夹：不含绩效目标表的文件（说明、空白草稿）只提示并跳过，不作为无法读取（退出码 2）；"
        "也可在配置中设 skip-no-table = true。"
    ),
    "Folders only: files and folders the walk leaves out, comma-separated globs (as validate's --exclude); "
    "replaces the configuration's exclude.": (
        "仅用于文件夹：遍历时略过的文件和文件夹，以逗号分隔的通配符（同 validate 的 --exclude）；取代配置中的 exclude。"
    ),
    "Like --exclude, but added to the configuration's exclude and extend-exclude.": (
        "同 --exclude，但追加到配置中的 exclude 和 extend-exclude 之后。"
    ),
    "Output format [default: from -o's suffix (.md, .json, .html, .xlsx), else text].": (
        "输出格式［默认按 -o 的后缀（.md、.json、.html、.xlsx），否则为 text］。"
    ),
    "Amounts that differ by no more than this (in the old amount's unit) are equal.": (
        "相差不超过此值（按旧金额的单位）的金额视为相等。"
    ),
    "Leave a section out (repeatable).": "不比对某一部分（可重复）。",
    "Language of the report.": "报告的语言。",
}

_EXPORT: Final[dict[str, str]] = {
    "The dataset file; - writes CSV (default) or JSON Lines to standard output; with --executor dask, a folder "
    "(out/) for a partitioned Parquet dataset.": (
        "数据集文件；- 表示把 CSV（默认）或 JSON Lines 写到标准输出；与 --executor dask 一起使用时为一个目录（out/），"
        "写出分区的 Parquet 数据集。"
    ),
    "One row per indicator, budget line, task, or table (its totals and what validate finds in it).": (
        "每个指标、预算项、任务或表格一行（表格一行含其总额和 validate 发现的问题）。"
    ),
    "[default: from -o's suffix]": "［默认按 -o 的后缀］",
    "Processes to read with (0: all cores).": "读取所用的进程数（0 表示使用全部核心）。",
}

OPTIONS_ZH: Final[dict[str, str]] = {
    **_SHARED,
    **_PARSE,
    **_VALIDATE,
    **_RULES,
    **_REVIEW,
    **_RENDER,
    **_DIFF,
    **_EXPORT,
}
