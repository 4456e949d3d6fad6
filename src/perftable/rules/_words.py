"""Word overlap between Chinese names, for linking indicators to tasks and goals: character bigrams of the
CJK and alphanumeric text, compared with the overlap coefficient; the shared words are the longest common runs."""

from __future__ import annotations

import re
from functools import lru_cache

_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z]+")
# Bigrams that link anything to anything in these tables.
_COMMON = frozenset(
    {"工作", "服务", "提供", "项目", "完成", "开展", "进行", "提高", "有效", "情况", "相关", "指标"}
)


@lru_cache(maxsize=4096)
def bigrams(text: str) -> frozenset[str]:
    pieces = _KEEP.findall(text)
    return frozenset(piece[i : i + 2] for piece in pieces for i in range(len(piece) - 1)) - _COMMON


def similarity(a: str, b: str) -> float:
    """Overlap coefficient of the two texts' bigrams (0 when either has none)."""
    return overlap(bigrams(a), bigrams(b))


def overlap(x: frozenset[str], y: frozenset[str]) -> float:
    """Overlap coefficient of two sets of bigrams (0 when either is empty): for comparing one text with many
    whose bigrams were worked out once."""
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))


def shared_words(a: str, b: str, minimum: int = 2) -> list[str]:
    """The longest runs of characters both texts contain, longest first (``无障碍改造``)."""
    found: list[str] = []
    rest = a
    while True:
        best = ""
        for i in range(len(rest)):
            for j in range(i + minimum, len(rest) + 1):
                piece = rest[i:j]
                if len(piece) > len(best) and piece in b and _KEEP.fullmatch(piece):
                    best = piece
        if len(best) < minimum:
            return found
        found.append(best)
        rest = rest.replace(best, "|")


class NameIndex:
    """Candidates for a name among many, by the bigrams they share: an inverted index whose over-common bigrams
    (in more than ``limit`` names, like stop words) are not used to find candidates. Keeps linking linear in the
    size of the table instead of comparing every name with every other."""

    def __init__(self, names: list[str], limit: int = 50) -> None:
        postings: dict[str, list[int]] = {}
        for index, name in enumerate(names):
            for gram in bigrams(name):
                postings.setdefault(gram, []).append(index)
        self.postings = {gram: found for gram, found in postings.items() if len(found) <= limit}

    def candidates(self, name: str) -> set[int]:
        found: set[int] = set()
        for gram in bigrams(name):
            found.update(self.postings.get(gram, ()))
        return found
