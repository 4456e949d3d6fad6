"""Goal text split into items on its numbering: ``1、…；2、…``, ``目标1:…``, ``(1)…``, ``①…``, ``一、…``.

An item's numbering is dropped (renderers number items again) and lines broken inside an item are joined.
Text without numbering is one item.
"""

from __future__ import annotations

import itertools
import re

from perftable.text import clean_text

_ITEM = re.compile(
    r"(?:^|(?<=[\n；;。]))[ \t\u3000]*"
    r"(?P<num>(?:目标|任务)?[ \t]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[ \t]*[、.．:：)）](?!\d)"
    r"|[(（][ \t]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[ \t]*[)）]|[①-⑳])"
)


def split_goals(text: str) -> list[str]:
    """Goal items of a goal cell, numbering removed."""
    text = text.replace("\r", "")
    starts = [match.start("num") for match in _ITEM.finditer(text)]
    if not starts:
        item = clean_text(text).rstrip("；;，, ")
        return [item] if item else []
    pieces = [text[: starts[0]], *(text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True))]
    items: list[str] = []
    for index, piece in enumerate(pieces):
        body = _ITEM.sub("", piece, count=1) if index else piece
        item = clean_text(body).rstrip("；;，, ")
        if item:
            items.append(item)
    return items


def goal_lines_broken(text: str) -> bool:
    """True when some item of this goal text had its lines joined (a repair worth recording)."""
    starts = [match.start("num") for match in _ITEM.finditer(text)]
    bounds = [0, *starts, len(text)]
    return any("\n" in text[a:b].strip() for a, b in itertools.pairwise(bounds))
