"""Every regular expression that runs on cell text takes time linear in the text: a 32 KB cell must not take
minutes. The worst cases run in a child process, under an alarm (``tests/regex_sweep.py``), never as a timed
assertion in the test's own process.

The recipes, as applied in the patterns fixed here:

* a match that may begin at every character of a long run (``\\d+…$``, ``\\s*-\\s*`` searched in a run of blanks)
  begins only where the run begins: ``(?<!\\d)\\d+``, ``(?:(?<!\\s)\\s+)?-``;
* two blank runs that meet (``\\s*(?:个)?\\s*`` when the middle is absent) split a run every way: the first is
  possessive (``\\s*+``), or the pattern is written so that each blank has one place;
* a search that can fail only at the text's end, from each of many starts (``[(（].*?[)）]`` with no closing
  bracket), is written to always match and the caller keeps the text of a match that is not what it wants, or is
  written out as code.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

# Patterns known to be slow (none today): the test fails when one of them becomes linear, so that its line is
# removed, and when any other pattern is slow.
KNOWN_SLOW: dict[str, tuple[str, str, str]] = {}


@pytest.mark.slow  # every module pattern on 264 inputs, the suspects again on 100,000 characters: 5-12 s
def test_every_module_pattern_is_linear_on_hostile_text(tmp_path: Path) -> None:
    known = tmp_path / "known.json"
    known.write_text(json.dumps(KNOWN_SLOW), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "tests.regex_sweep", str(known)],
                            capture_output=True, text=True, cwd=ROOT, timeout=600, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    slow = {name: tuple(case) for name, case in json.loads(result.stdout).items()}
    assert slow == KNOWN_SLOW, "slow patterns ([prefix, unit, end]: prefix + unit * 100,000 + end)"


WORST_LEVEL_NAMES = """
from perftable.vocab.levels import level1_name, level2_name
for text in ("成本指标" + "1" * 200_000 + "x", "产出指标(" + "1" * 200_000 + "x", "效益指标(1-" + "1" * 200_000 + "分x"):
    assert level1_name(text) is None and level2_name(text) is None
"""


def test_a_level_name_with_a_long_run_of_digits_is_read_in_linear_time() -> None:
    """``vocab._SCORE_SUFFIX`` (``成本指标(0-20)分``) with ``.sub`` on 200,000 digits: quadratic, it needed hours."""
    result = subprocess.run([sys.executable, "-c", WORST_LEVEL_NAMES],
                            capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_score_suffixes_are_still_stripped() -> None:
    from perftable.vocab.levels import level1_name, level2_name

    assert level1_name("成本指标(0-20)分") == "成本指标" and level1_name("产出指标（50分）") == "产出指标"
    assert level2_name("数量指标12.5分") == "数量指标" and level1_name("产出指标2024x") is None
