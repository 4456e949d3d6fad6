"""The patterns every reader, extractor step and rule shares, written once: years, range separators, numbers.

They are regular-expression fragments (strings), to be placed inside larger patterns; each has a test in
``tests/test_values.py`` for every spelling it accepts.
"""

from __future__ import annotations

from typing import Final

# A year of these tables: 1990-2099.
YEAR: Final = r"(?:19|20)\d{2}"

# What joins the two ends of a range (90%-95%, 2024年—2026年, 2023.07至2024.01, 1～12月): a hyphen or two, an em dash
# or two, an en dash, a full-width hyphen, a tilde (half or full width), 至, 到. Spaces around it are the caller's.
RANGE_SEPARATOR: Final = r"(?:-{1,2}|—{1,2}|–|－|~|～|至|到)"
# The same as a character class (single characters only), for lookarounds: (?<![RANGE_CHARS]).
RANGE_CHARS: Final = r"\-—–－~～至到"

# A number as printed: a sign, thousands separators, decimals (−5, 1,273.72, 0.5).
NUMBER: Final = r"[-+−]?\d+(?:,\d{3})*(?:\.\d+)?"

# The gap between two cells of a line laid out in columns (pdftotext -layout, a PDF page's text line): two or more
# blanks, or an ideographic space.
WIDE_GAP: Final = r"(?:\s{2,}|\u3000)+"

# A Chinese ordinal as outlines number with it: 一 … 十, 十一 … 九十九.
CHINESE_ORDINAL: Final = r"[一二三四五六七八九十]{1,3}"

# An outline number opening a heading, a level name, a goal or a budget label: 一、 一. （一） (一)、 (1) 1) 1、 1. 1．
# ①–⑳. A digit and a full stop read as a number only when no digit follows (1.5万 is an amount, not "1." and "5万").
# Spaces after it are the caller's.
OUTLINE_NUMBER: Final = (
    rf"(?:[(（](?:{CHINESE_ORDINAL}|\d{{1,3}})[)）][、.．]?|(?:{CHINESE_ORDINAL}|\d{{1,3}})[)）]"
    rf"|{CHINESE_ORDINAL}[、.．]|\d{{1,3}}[、.．](?!\d)|[①-⑳])"
)
# The outline numbers of sections (一、产出指标, （二）效益指标): Chinese ordinals only, as forms number their blocks,
# never their rows (a row numbered 1、 is an indicator in a numbered list).
SECTION_NUMBER: Final = rf"(?:{CHINESE_ORDINAL}[、.．]|[(（]{CHINESE_ORDINAL}[)）])"

# A mark that says a table or a cell goes on from the page before: （续）, (续表), 续表, 续表2, 续上表, （续前页）.
CONTINUED: Final = (
    rf"(?:[(（]\s*+续\s*+(?:表|上表|前表|前页|上页)?\s*+(?:{CHINESE_ORDINAL}|\d{{1,3}})?\s*+[)）]"
    rf"|续\s*+(?:表|上表|前表)\s*+(?:{CHINESE_ORDINAL}|\d{{1,3}})?)"
)

# A line that says only that a table goes on: 续表, （续表）, 续表2：, 表12（续）, （接下页）, 未完，转下页.
CONTINUED_LINE: Final = (
    rf"(?:(?:表\s*+(?:{CHINESE_ORDINAL}|\d{{1,3}})\s*+)?{CONTINUED}\s*+[:：]?"
    r"|[(（]?(?:未完[，,]?)?[续接转]下页[)）]?)"
)
