"""Shared test fixtures. Golden files are compared byte for byte; regenerate them with ``pytest --update-golden``
(never edit them by hand) and review the diff."""

from __future__ import annotations

import copy
import difflib
import functools
import os
from pathlib import Path

import pytest
from hypothesis import settings

import perftable
from perftable.model import Document

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"

# Property tests: a few examples each in the quick loop (``dev``), many in CI (``.ci/run`` sets
# HYPOTHESIS_PROFILE=ci, as can anyone: ``HYPOTHESIS_PROFILE=ci pytest tests/test_properties.py``). No deadline in
# either: the machine is shared, and a slow example is not a wrong one. A test names no count of its own, except
# the fuzz targets (tests/test_fuzz.py: PERFTABLE_FUZZ_EXAMPLES).
settings.register_profile("dev", max_examples=20, deadline=None)
settings.register_profile("ci", max_examples=300, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@functools.cache
def _loaded_once(path: str, cwd: str) -> tuple[Document, ...]:
    return tuple(perftable.load_all(path))


def loaded(path: Path | str) -> list[Document]:
    """``perftable.load_all(path)``, read once per session (per working directory, which locations name): the
    samples are read by many tests, a PDF in a quarter of a second. Each call gets its own deep copy, so that a
    test that changes its documents changes nobody else's."""
    return copy.deepcopy(list(_loaded_once(str(path), str(Path.cwd()))))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite golden files from the current output"
    )


class Golden:
    def __init__(self, update: bool) -> None:
        self.update = update

    def check(self, relative: str, actual: str) -> None:
        path = GOLDEN / relative
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        if not path.exists():
            pytest.fail(f"golden file {relative} is missing; run pytest --update-golden")
        expected = path.read_text(encoding="utf-8")
        if actual != expected:
            diff = "\n".join(
                difflib.unified_diff(
                    expected.splitlines(), actual.splitlines(), "golden/" + relative, "actual", lineterm=""
                )
            )
            pytest.fail(f"output differs from golden/{relative} (pytest --update-golden to accept):\n{diff}")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    return Golden(bool(request.config.getoption("--update-golden")))


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run with the repository root as the working directory, so locations hold stable relative paths."""
    monkeypatch.chdir(ROOT)
    return ROOT
