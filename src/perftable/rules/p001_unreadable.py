"""P001 unreadable: the file could not be read, or holds no 绩效目标表.

Reported by the engine, not computed from a table: an empty file, a corrupt or truncated spreadsheet, bytes that
are not text, a device, FIFO or socket (only regular files are read), a file over a limit (size, cells, unpacked
size, memory, time), a file the reader crashed on, a document with no indicator table and no budget block, a
self-evaluation table. The run exits 2; the other files of a batch are still validated.

Passing::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    | 产出指标 | 数量指标 | 培训人数 | 200人 |

Failing (prose, no table)::

    这份文件只有一段说明文字。
"""

from __future__ import annotations

CODE = "P001"
NAME = "unreadable"
SEVERITY = "error"
GUIDANCE = "读取：文件须能读取且含绩效目标表"
CRITERION = None
OPINIONS = ()
SUMMARY = {"zh": "文件无法读取或不含绩效目标表", "en": "the file could not be read, or holds no 绩效目标表"}
# One message per ReadError.kind; "other" prints the reader's own (English) reason. Where the Chinese message says
# all a person can act on (a corrupt spreadsheet, a scanned PDF), the reader's English detail stays out of it: it is
# in the finding's params (JSON, SARIF) and in the English message.
MESSAGES = {
    "empty": {"zh": "文件为空", "en": "the file is empty"},
    "missing": {"zh": "文件不存在", "en": "no such file"},
    "directory": {"zh": "这是一个目录，不是文件", "en": "this is a directory, not a file"},
    "permission": {"zh": "没有读取权限", "en": "permission denied"},
    "not-a-file": {
        "zh": "不是普通文件（设备、命名管道或套接字），未读取；只读取普通文件和以 - 表示的标准输入",
        "en": "{reason}",
    },
    "undecodable": {
        "zh": "无法按文本解码（已尝试 UTF-8、UTF-16、GB18030），可能是二进制文件",
        "en": "cannot decode the file as text (tried UTF-8, UTF-16 and GB18030); is it a binary file?",
    },
    "spreadsheet": {"zh": "无法读取电子表格，文件可能已损坏或不完整", "en": "{reason}"},
    "password": {"zh": "工作簿设有密码保护", "en": "the workbook is password-protected"},
    "too-large": {"zh": "文件超出限制，未读取：{reason}", "en": "{reason}"},
    "too-slow": {"zh": "读取超时，已停止：{reason}", "en": "{reason}"},
    "crashed": {"zh": "读取程序在此文件上崩溃，已跳过（{reason}）", "en": "{reason}"},
    "document": {"zh": "无法读取文档，文件可能已损坏、加密或不完整", "en": "{reason}"},
    "scanned": {
        "zh": "无法提取文字（扫描版 PDF 或字体无编码），请先进行 OCR 识别（如 ocrmypdf）",
        "en": "{reason}",
    },
    "pages": {"zh": "指定的页码超出范围（{reason}）", "en": "{reason}"},
    "unsupported": {"zh": "暂不支持该格式：{reason}", "en": "{reason}"},
    "no-table": {
        "zh": "未找到绩效目标表（没有一级/二级/三级指标表头，也没有带目标或任务的预算部分）",
        "en": "no 绩效目标表 found (no indicator table with 一级/二级/三级指标 headers, and no budget block with goals "
        "or tasks)",
    },
    "unruled-table": {
        "zh": "PDF 中的绩效指标表没有画表格线（只有文字排列），perftable 按表格线读取 PDF 中的项目清单，无法可靠地"
        "把文字放回各栏：请使用 Excel 或 Word 原件，或带表格线的 PDF",
        "en": "the PDF prints its indicator table (a project listing) as text with no ruling lines; perftable reads "
        "a listing in a PDF by its ruling lines and cannot place the text in its columns reliably: use the Excel "
        "or Word original, or a PDF with ruled tables",
    },
    "self-evaluation": {
        "zh": "这是绩效自评表（含实际完成值/得分列），不是绩效目标表",
        "en": "this is a self-evaluation table (自评表: 实际完成值/得分 columns), not a 绩效目标表",
    },
    "internal": {
        "zh": "perftable 内部错误，未能完成检查，请附上此文件报告问题（{reason}）",
        "en": "internal error, the check did not finish; please report it with this file ({reason})",
    },
    "other": {"zh": "无法读取：{reason}", "en": "cannot read: {reason}"},
}
