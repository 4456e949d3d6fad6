"""S001 unused-suppression: a suppression that suppressed nothing.

``<!-- perftable: disable-next-line U001 -->`` above a line with no U001 finding, or a ``cell-ignores`` entry for a
cell with no such finding, hides nothing today and would hide a real finding tomorrow: remove it. Reported by the
engine.

Passing (the empty value's I003 is suppressed)::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    <!-- perftable: disable-next-line I003 -->
    | 产出指标 | 数量指标 | 培训人数 |  |

Failing (nothing to suppress on the next line)::

    | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|
    <!-- perftable: disable-next-line U001 -->
    | 产出指标 | 数量指标 | 培训人数 | 200人 |
"""

from __future__ import annotations

CODE = "S001"
NAME = "unused-suppression"
SEVERITY = "warning"
GUIDANCE = "工具自身：清理失效的抑制"
CRITERION = None
OPINIONS = ()
SUMMARY = {"zh": "未起作用的抑制注释或配置", "en": "a suppression that suppressed nothing"}
MESSAGES = {
    "default": {
        "zh": "抑制 {codes} 未起作用（此处没有这些发现），请删除",
        "en": "the suppression of {codes} suppressed nothing here; remove it",
    },
    "config": {
        "zh": "配置中的 cell-ignores 条目「{entry}」在 {file} 中没有抑制任何发现（{codes}），请删除",
        "en": "the cell-ignores entry 「{entry}」 suppressed nothing in {file} ({codes}); remove it",
    },
}
