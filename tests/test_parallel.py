"""The pool: results in input order whatever the chunking, the same as a run in this process."""

from __future__ import annotations

import gc
import os
import signal
from pathlib import Path

import pytest

from perftable.check.parallel import jobs_count, ordered_map


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


def die_on_seven(value: int) -> int:
    """A worker the operating system kills on item 7, every time."""
    if value == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return value * value


def die_once(item: tuple[int, str]) -> int:
    """A worker killed the first time it meets item 3 (a marker file says it was met)."""
    value, marker = item
    if value == 3 and not os.path.exists(marker):  # noqa: PTH110  # a path string crosses to the worker
        Path(marker).touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return value * value


def test_a_worker_killed_by_the_system_loses_only_its_file() -> None:
    results = list(ordered_map(die_on_seven, range(40), jobs=2, lost=lambda item, reason: -item))
    assert results == [-7 if item == 7 else item * item for item in range(40)]


def test_a_worker_killed_once_is_retried_in_a_new_one(tmp_path: Path) -> None:
    marker = str(tmp_path / "met")
    results = list(
        ordered_map(die_once, [(item, marker) for item in range(20)], jobs=2, lost=lambda i, r: -1)
    )
    assert results == [item * item for item in range(20)]


def test_without_a_stand_in_a_lost_item_is_an_error() -> None:
    from concurrent.futures.process import BrokenProcessPool

    with pytest.raises(BrokenProcessPool):
        list(ordered_map(die_on_seven, range(10), jobs=2))
