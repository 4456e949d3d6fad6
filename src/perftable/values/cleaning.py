"""Text clean-up shared by readers and the extractor.

Three levels of cleaning, each for one purpose:

* :func:`label_key` - the form used to look a label up in the vocabulary (NFKC, traditional characters mapped to
  simplified, all whitespace and trailing colons removed). Never shown to users.
* :func:`clean_label` - a label as printed, cleaned of spaces and full-width forms (``"基本支出"``).
* :func:`clean_text` - a name or value as written, with lines broken by PDF conversion joined again
  (``"兰溪路-真南路下立交工\\n程"`` -> ``"兰溪路-真南路下立交工程"``) and runs of blanks collapsed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Simplified/traditional pairs for the characters of the vocabulary (level names, field labels).
_PAIRS = (
    "产產 标標 数數 质質 时時 济濟 经經 会會 态態 环環 续續 响響 满滿 务務 对對 总總 体體 级級 项項 门門 预預 资資"
    " 拨撥 财財 来來 结結 转轉 余餘 计計 划劃 单單 称稱 织織 际際 额額 达達 设設 类類 说說 释釋 评評 准準 备備 注註"
    " 实實 内內 应應 业業 发發 专專 币幣 万萬 员員 养養 属屬 当當 开開 价價 报報 审審 书書 职職 责責 决決 绩績 况況"
    " 关關 护護 疗療 训訓 练練 残殘 效効 满満 亿億 运運 证證 鉴鑒 处處 间間"
)
_TRAD_TO_SIMP = str.maketrans({pair[1]: pair[0] for pair in _PAIRS.split()})
_WHITESPACE = re.compile(r"\s+")
_BLANK_RUN = re.compile(r"[ \t\u3000]+")
_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")  # a blank between two CJK characters
# Text that clean_text returns as it is: no parenthesis, no whitespace at all.
_PLAIN = re.compile(r"[^(\s]*")
# Pinyin that some web mirrors insert after characters: 區(qū), 標(biāo). Never content: removed everywhere.
_PINYIN_NOTE = re.compile(r"\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def is_cjk(ch: str) -> bool:
    """True for CJK ideographs and CJK/full-width punctuation (characters that are joined without a space)."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x2FA1F
    )


def has_cjk(text: str) -> bool:
    return any(is_cjk(ch) for ch in text)


def breaks_to_newlines(text: str) -> str:
    """Markdown/HTML ``<br>`` to a newline."""
    return _BR.sub("\n", text) if "<" in text else text


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """The lookup form of a label: NFKC, simplified characters, no whitespace, no trailing colon."""
    key = unicodedata.normalize("NFKC", strip_annotations(text)).translate(_TRAD_TO_SIMP)
    key = _WHITESPACE.sub("", key).lstrip("*★☆")
    return key.rstrip(":")


def strip_annotations(text: str) -> str:
    """Remove pinyin annotations a web mirror inserted (``區(qū)`` -> ``區``)."""
    return _PINYIN_NOTE.sub("", text) if "(" in text else text


def to_simplified(text: str) -> str:
    """Traditional characters of the vocabulary mapped to simplified ones (units, level names)."""
    return text.translate(_TRAD_TO_SIMP)


def clean_label(text: str) -> str:
    """A label as printed, cleaned of spaces, full-width forms and required-field markers (``*指标值``)."""
    return (
        _WHITESPACE.sub("", unicodedata.normalize("NFKC", strip_annotations(text))).rstrip(":").lstrip("*★")
    )


def _needs_space(left: str, right: str) -> bool:
    return left.isascii() and right.isascii() and left.isalnum() and right.isalnum() and not left.isdigit()


def join_lines(text: str) -> str:
    """Join the lines of a cell broken by conversion: CJK joins without a space, Latin words with one."""
    if "\n" not in text:
        return text.strip()
    pieces = [piece.strip() for piece in text.split("\n")]
    out = ""
    for piece in pieces:
        if not piece:
            continue
        if out and _needs_space(out[-1], piece[0]):
            out += " "
        out += piece
    return out


_KATAKANA_DOTS = str.maketrans({"・": "·", "･": "·"})


def clean_text(text: str) -> str:
    """A name or value as written, with broken lines joined and runs of blanks collapsed.

    A run of blanks between two CJK characters is dropped (``"服务对象 满意度指标"`` is one word broken by a PDF
    converter); between Latin words it becomes one space.

    The katakana middle dot is the Chinese one (``元/生・天`` -> ``元/生·天``): a PDF's font maps the interpunct to
    either, depending on the fonts of the machine that reads it, and the text must not.
    """
    if "・" in text or "･" in text:
        text = text.translate(_KATAKANA_DOTS)
    if _PLAIN.fullmatch(text):  # the common case: nothing to join, annotate or collapse
        return text
    text = join_lines(strip_annotations(text).replace("\r", ""))
    if " " in text or "\u3000" in text or "\t" in text:
        text = _BLANK_RUN.sub(" ", text)
        text = _CJK_GAP.sub("", text)
    return text.strip()


def was_broken(text: str) -> bool:
    """True when :func:`clean_text` will join lines of this cell (a repair worth recording)."""
    return "\n" in text.strip()


# Control characters (C0 but tab, DEL, C1: CSI is \x9b), U+FFFE/U+FFFF and lone surrogates: what a terminal acts on or
# XML 1.0 cannot hold.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """The text with every control character shown as its escape: ``a\\x1b[2Jb`` (ESC) -> ``a\\\\x1b[2Jb``, a
    newline as ``\\\\x0a``. Text without one is returned as it is."""
    return _CONTROL.sub(_escape, text) if _CONTROL.search(text) else text


# Inline TeX as PDF-to-markdown converters (MinerU) write a cell's symbols: $\geq 9 8 \%$, $\leq 3$ 个工作日.
_MATH = re.compile(r"\$([^$\n]{1,80})\$")
_TEX_COMMAND = re.compile(r"\\(geqslant|geq|ge|leqslant|leq|le|times|sim|pm|cdot|%)(?![a-zA-Z])")
_TEX_SYMBOLS = {
    "geqslant": "≥", "geq": "≥", "ge": "≥", "leqslant": "≤", "leq": "≤", "le": "≤",
    "times": "×", "sim": "～", "pm": "±", "cdot": "·", "%": "%",
}  # fmt: skip
_SPACED_DIGITS = re.compile(r"(?<=[\d.])\s+(?=[\d.%])")


def inline_math(text: str) -> str:
    """Inline TeX written for symbols and numbers, as plain text: ``$\\geq 9 8 \\%$`` -> ``≥98%``, ``$\\leq 3$
    个工作日`` -> ``≤3 个工作日``. Only a formula made of the symbols above, digits and spaces is rewritten; any
    other (``$x^2$``, a price written ``$5``) stays as printed."""

    def plain(match: re.Match[str]) -> str:
        inner = _TEX_COMMAND.sub(lambda found: _TEX_SYMBOLS[found.group(1)], match.group(1))
        if not re.fullmatch(r"[\s\d.,%≥≤×～±·]+", inner) or not any(ch.isdigit() for ch in inner):
            return match.group(0)
        return re.sub(r"(?<=[≥≤±])\s+", "", _SPACED_DIGITS.sub("", inner)).strip()

    return _MATH.sub(plain, text) if "$" in text else text
