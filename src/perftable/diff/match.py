"""Matching the items of two lists: by key, then by a second key (an indicator moved to another level), then by
the similarity of their names (a renamed item), best pairs first.

Duplicate keys are paired in order (the second 其他资金 with the second). A fuzzy pair needs a similarity of at least
:data:`RENAME_THRESHOLD` (difflib's ratio of the two names) and, for indicators, the same level-1.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Sequence

T = TypeVar("T")
RENAME_THRESHOLD = 0.6


@dataclass(frozen=True)
class Pair(Generic[T]):
    old: int
    new: int
    similarity: float | None = None  # set for a fuzzy (renamed) pair


@dataclass
class Matching(Generic[T]):
    pairs: list[Pair[T]]
    removed: list[int]
    added: list[int]


def similarity(a: str, b: str) -> float:
    """How alike two names are, 0 to 1 (difflib's ratio), rounded to two places."""
    return round(SequenceMatcher(None, a, b, autojunk=False).ratio(), 2)


def _by_key(
    old: Sequence[T], new: Sequence[T], key: Callable[[T], Hashable], free_old: list[int], free_new: list[int]
) -> list[Pair[T]]:
    waiting: dict[Hashable, list[int]] = {}
    for index in free_new:
        waiting.setdefault(key(new[index]), []).append(index)
    pairs: list[Pair[T]] = []
    for index in free_old:
        candidates = waiting.get(key(old[index]))
        if candidates:
            pairs.append(Pair(index, candidates.pop(0)))
    return pairs


def _fuzzy(
    old: Sequence[T],
    new: Sequence[T],
    name: Callable[[T], str],
    compatible: Callable[[T, T], bool],
    free_old: list[int],
    free_new: list[int],
) -> list[Pair[T]]:
    scored = [
        (similarity(name(old[i]), name(new[j])), i, j)
        for i in free_old
        for j in free_new
        if compatible(old[i], new[j])
    ]
    pairs: list[Pair[T]] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    for score, i, j in sorted(scored, key=lambda item: (-item[0], item[1], item[2])):
        if score >= RENAME_THRESHOLD and i not in used_old and j not in used_new:
            pairs.append(Pair(i, j, score))
            used_old.add(i)
            used_new.add(j)
    return pairs


def match(
    old: Sequence[T],
    new: Sequence[T],
    keys: Sequence[Callable[[T], Hashable]],
    name: Callable[[T], str] | None = None,
    compatible: Callable[[T, T], bool] = lambda a, b: True,
) -> Matching[T]:
    """Pair the items by each key in turn, then (with ``name``) by similar names."""
    pairs: list[Pair[T]] = []
    free_old, free_new = list(range(len(old))), list(range(len(new)))
    for key in keys:
        found = _by_key(old, new, key, free_old, free_new)
        pairs += found
        free_old, free_new = _unpaired(free_old, free_new, found)
    if name is not None:
        found = _fuzzy(old, new, name, compatible, free_old, free_new)
        pairs += found
        free_old, free_new = _unpaired(free_old, free_new, found)
    return Matching(sorted(pairs, key=lambda pair: pair.new), free_old, free_new)


def _unpaired(free_old: list[int], free_new: list[int], found: list[Pair[T]]) -> tuple[list[int], list[int]]:
    """The indexes still free once ``found`` is paired (the paired ones in a set, made once: made per index, it
    made a diff of 20,000 indicators take minutes)."""
    paired_old, paired_new = {pair.old for pair in found}, {pair.new for pair in found}
    return [i for i in free_old if i not in paired_old], [j for j in free_new if j not in paired_new]
