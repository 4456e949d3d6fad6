"""The pool: results in input order whatever the chunking, the same as a run in this process."""

from __future__ import annotations

import gc

import pytest

from perftable.parallel import jobs_count, ordered_map


def square(value: int) -> int:
    return value * value


@pytest.mark.parametrize("count", [1, 2, 7, 33, 300])
def test_results_come_in_input_order(count: int) -> None:
    items = list(range(count))
    assert list(ordered_map(square, items, jobs=2)) == [square(item) for item in items]


def test_the_parent_collects_garbage_again_after_forking() -> None:
    list(ordered_map(square, range(40), jobs=2))
    assert gc.get_freeze_count() == 0


def test_jobs_zero_means_every_core() -> None:
    assert jobs_count(0) >= 1
    assert jobs_count(3) == 3
