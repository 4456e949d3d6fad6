"""Goal text split into items on its numbering: ``1、…；2、…``, ``目标1:…``, ``(1)…``, ``①…``, ``一、…``.

Each item keeps its own numbering and punctuation as printed (``（一）完成道路养护100公里；``): a reviewer quotes the
goal as the unit wrote it, and a renderer writes the items as they are. Lines broken inside an item are joined.
A bulleted list (``•``, ``●``, ``-`` opening each item's first line) is split at its bullets. Text without
numbering or bullets is one item.
"""

from __future__ import annotations

import itertools
import re

from perftable.values.cleaning import clean_text
from perftable.values.numbers import chinese_number

# The lookahead names every character a token can start with: positions that cannot start one fail at once
# (it halves the time of a scan over a long goal text).
_TOKEN = re.compile(
    # a blank run is tried from its first blank only (a match that starts inside it would start at its first)
    r"(?:(?![ \t])|(?<![ \t]))(?=[目任 \t\d一二三四五六七八九十(（①-⑳])"
    r"(?:(?P<word>目标|任务)?[ \t]*(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})[ \t]*(?:[、:：)）]|[.．](?!\d))"
    r"|[(（][ \t]*(?P<p>\d{1,3}|[一二三四五六七八九十]{1,3})[ \t]*[)）]"
    r"|(?P<c>[①-⑳]))"
)
_BOUNDARY = frozenset("\n；;。，,、:： \t\u3000")


def _value(text: str) -> int:
    return int(text) if text.isdigit() else chinese_number(text) or 0


def _tokens(text: str) -> list[tuple[int, int, int, str]]:
    """Numbering tokens as (start, end, number, style); plain ``1、`` only where an item can begin."""
    found = []
    for match in _TOKEN.finditer(text):
        if match["c"]:
            found.append((match.start(), match.end(), ord(match["c"]) - ord("①") + 1, "circled"))
        elif match["p"]:
            found.append((match.start(), match.end(), _value(match["p"]), "paren"))
        elif match["word"] or match.start("n") == 0 or text[match.start("n") - 1] in _BOUNDARY:
            style = "word" if match["word"] else ("cn" if not match["n"].isdigit() else "plain")
            found.append((match.start(), match.end(), _value(match["n"]), style))
    return found


def _chain(tokens: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
    """The longest run of one numbering style counting 1, 2, 3 … in reading order."""
    best: list[tuple[int, int, int, str]] = []
    for index, first in enumerate(tokens):
        if first[2] != 1:
            continue
        chain = [first]
        for token in tokens[index + 1 :]:
            if token[3] == first[3] and token[2] == chain[-1][2] + 1 and token[0] >= chain[-1][1]:
                chain.append(token)
        if len(chain) > len(best):
            best = chain
    return best


def read_goals(text: str, *, numbered: bool = True) -> tuple[list[str], bool]:
    """Goal items of a goal cell, each with its numbering (without it, and without a closing ``；``/``，``, when not
    ``numbered``: tasks keep their number apart, :attr:`perftable.model.Task.number`): ``1、…；2、…``, ``1.… 2.…``,
    ``目标1:…目标2:…``, ``(1)…``, ``①…``, ``一、…``, whether the items are on lines of their own or run on in one line.
    Only a numbering that counts 1, 2, 3 … splits (so ``2025年`` or ``3.5公里`` inside an item do not). With the
    items, whether lines broken inside an item were joined (a repair worth recording)."""
    text = text.replace("\r", "")
    chain = _chain(_tokens(text))
    bounds = [0, *(start for start, _, _, _ in chain), len(text)]
    broken = any("\n" in text[a:b].strip() for a, b in itertools.pairwise(bounds))
    if len(chain) < 2 and not (chain and chain[0][0] == 0):
        bulleted = _bulleted(text)
        if bulleted is not None:
            broken = any("\n" in item for item in bulleted)
        pieces = bulleted or [text]
    else:
        pieces = [text[: chain[0][0]]] if chain[0][0] else []
        ends = [start for start, _, _, _ in chain[1:]] + [len(text)]
        pieces += [
            _item(text, start, stop, end, numbered)
            for (start, stop, _, _), end in zip(chain, ends, strict=True)
        ]
    if numbered:
        return [item for piece in pieces if (item := clean_text(piece).strip())], broken
    return [item for piece in pieces if (item := clean_text(piece).strip().rstrip("；;，, "))], broken


# A line that opens with a bullet (a Word list's •, or one typed): ● 养护道路36公里.
_BULLET = re.compile(r"^[ \t\u3000]*(?:[•●◆◇■□▪▫➢►▶※·][ \t\u3000]*\S|-[ \t\u3000]*[^\d\s])")


def _bulleted(text: str) -> list[str] | None:
    """**Items written as a bulleted list**, each on lines of its own that the first opens with a bullet: the
    items, each with its bullet as printed; None when fewer than two lines open with one, or the text does not."""
    lines = [line for line in text.split("\n") if line.strip()]
    starts = [index for index, line in enumerate(lines) if _BULLET.match(line)]
    if len(starts) < 2 or starts[0] != 0:
        return None
    bounds = [*starts, len(lines)]
    return ["\n".join(lines[a:b]) for a, b in itertools.pairwise(bounds)]


def _item(text: str, start: int, stop: int, end: int, numbered: bool) -> str:
    """An item from its number (``text[start:stop]``) to the next one: with its number as printed, without the
    blanks in and after it (``10. 做好`` and ``10.做好`` are one text: a PDF's text layer keeps or drops that space
    as its fonts happen to space it), or without its number."""
    if not numbered:
        return text[stop:end]
    return re.sub(r"[ \t\u3000]+", "", text[start:stop]) + text[stop:end].lstrip(" \t\u3000")
