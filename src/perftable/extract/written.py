"""Indicators written in one cell.

Two shapes, both seen in published listings:

- **Levels run together** (Beijing 预算13表: 「产出指标质量指标来信扫描完成率」): a level-1 name, a level-2 name and
  the indicator's name in one cell, with no separator or with one (``-``, ``/``, ``>``, a line break). The
  levels are split off by the vocabulary (:func:`split_levels`); a cell that starts with no level name is a name.
- **Numbered prose** (Guangzhou: 「1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:每年≥20场；年度指标值:
  每年≥20场。2、…」): items numbered ``1、`` ``2、``, each with coded levels (``1-产出指标``, ``11-数量指标``), a name and
  its values (年度指标值, 实施周期指标值, or a plain 指标值). The cell wraps anywhere, inside codes and keywords too,
  so it is read with its line breaks and blanks removed. :func:`read_coded` gives each item, and what it could not
  read of the cell (for a P003 repair), never dropping a part silently.
- **Name and value** (a column headed 三级指标及指标值): ``新建管网长度：≥15公里``, split at the first colon
  (:func:`split_name_value`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from perftable import vocab
from perftable.values.cleaning import clean_text, label_key

_SEPARATOR = re.compile(r"^[\s\-—/>＞|｜:：、.．·]+")
_LEVEL1_WORDS = sorted({*vocab.LEVEL1, "产出", "效益", "满意度", "成本"}, key=len, reverse=True)


def _level_prefix(text: str, level: int) -> tuple[str, str] | None:
    """The canonical level name the text starts with and the rest, or None."""
    if level == 1:
        candidates = [word for word in _LEVEL1_WORDS if text.startswith(word)]
        for word in candidates:
            name = vocab.level1_name(word)
            if name:
                return name, text[len(word) :]
        return None
    # level 2: the longest prefix that is a known level-2 name (or shaped like one: …指标)
    best: tuple[str, str] | None = None
    for end in range(2, min(len(text), 16) + 1):
        name = vocab.level2_name(text[:end])
        if name:
            best = (name, text[end:])
    if best is None and (at := text.find("指标")) >= 2 and at <= 10:
        head = text[: at + 2]
        if vocab.looks_like_level_name(head):
            best = (head, text[at + 2 :])
    return best


def split_levels(text: str) -> tuple[str, str, str] | None:
    """``产出指标质量指标来信扫描完成率`` -> (``产出指标``, ``质量指标``, ``来信扫描完成率``); None when the text does not
    start with a level-1 name. A level-2 name missing after the level-1 leaves it empty."""
    compact = _compact(clean_text(text))
    key = label_key(compact)
    first = _level_prefix(key, 1)
    if first is None:
        return None
    level1, rest = first
    rest = _SEPARATOR.sub("", rest)
    second = _level_prefix(rest, 2)
    level2 = ""
    if second is not None and second[1].strip():
        level2, rest = second
        rest = _SEPARATOR.sub("", rest)
    if not rest:
        return None
    # the name as printed: the level names and separators map to the lookup form one character for one, so the
    # name is what follows as many characters of the printed text
    return level1, level2, compact[len(key) - len(rest) :]


# --- numbered prose -------------------------------------------------------------------------------------------

# an item starts with its number after a full stop: ``2、1-产出指标；…`` (or ``2.``/``2．`` before the level code);
# ``3、资金使用合规`` with no level code is an item too, one that cannot be read (reported, not glued to the last)
_ITEM = re.compile(r"(?:^|(?<=[。；;.]))(\d{1,3})(?:[、.．](?=\d{1,2}-)|、)")
_CODED_ITEM = re.compile(r"(?:^|(?<=[。；;.]))(\d{1,3})[、.．](?=\d{1,2}-)")  # what makes a cell coded
_CODED = re.compile(r"^(\d{1,2})-([^；;]+?)[；;]")
_VALUE = re.compile(r"(实施周期|年度|本年|当年|中期|长期)?指标值[:：]([^；;]*?)(?=[；;]|。?$)")


@dataclass(frozen=True, slots=True)
class CodedIndicator:
    """One numbered item of an indicator cell: its levels, name and values (``annual`` the 年度 one, ``overall``
    the 实施周期 or long-term one)."""

    number: int
    level1: str
    level2: str
    name: str
    annual: str
    overall: str


_NAME_VALUE_LONGEST = 40  # characters: a name longer than this before the colon is prose, not a name


def split_name_value(text: str) -> tuple[str, str] | None:
    """``名称：值`` -> (名称, 值): the name (up to 40 characters, on one line) and the value after the first colon;
    None when the cell has no such colon or nothing after it."""
    colons = [at for at in (text.find("："), text.find(":")) if at >= 0]
    if not colons:
        return None
    at = min(colons)
    name, value = text[:at].strip(), text[at + 1 :].strip()
    if not name or not value or len(name) > _NAME_VALUE_LONGEST or "\n" in name:
        return None
    return name, value


def looks_coded(text: str) -> bool:
    """True when a cell holds numbered coded indicators (``1、1-产出指标；11-数量指标；…``)."""
    compact = _compact(text)
    return bool(_CODED_ITEM.search(compact)) and "指标" in compact


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def read_coded(text: str) -> tuple[list[CodedIndicator], list[str]]:
    """The coded indicators of a cell, and the parts of it that could not be read."""
    compact = _compact(text)
    starts = list(_ITEM.finditer(compact))
    items: list[CodedIndicator] = []
    unread: list[str] = []
    if starts and starts[0].start() > 0 and compact[: starts[0].start()].strip("。；;"):
        unread.append(compact[: starts[0].start()])
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(compact)
        body = compact[start.end() : end].rstrip("。")
        item = _coded_item(int(start[1]), body)
        if item is None:
            unread.append(compact[start.start() : end])
        else:
            items.append(item)
    return items, unread


def _coded_item(number: int, body: str) -> CodedIndicator | None:
    levels: list[str] = []
    rest = body
    while (match := _CODED.match(rest)) and len(levels) < 2:
        levels.append(match[2])
        rest = rest[match.end() :]
    if not levels:
        return None
    name, _, values = rest.partition("；") if "；" in rest else rest.partition(";")
    if not name:
        return None
    annual = overall = plain = ""
    for match in _VALUE.finditer(values):
        period, value = match[1], match[2].strip()
        if period in ("实施周期", "中期", "长期"):
            overall = overall or value
        elif period:
            annual = annual or value
        else:
            plain = plain or value
    annual = annual or plain or (values.strip("；; ") if not overall else "")
    level1 = vocab.level1_name(levels[0]) or levels[0]
    level2 = (vocab.level2_name(levels[1]) or levels[1]) if len(levels) > 1 else ""
    return CodedIndicator(number, level1, level2, name.strip(), annual, overall)
