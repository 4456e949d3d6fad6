"""The real corpus: every PDF of ``tests/corpus/pdf`` against the facts a person wrote from it
(``tests/corpus/expected``, see ``tests/corpus/README.md``).

Every fact must hold, except the few listed in ``KNOWN_MISSES`` with the reason perftable cannot read them; a
known miss that starts to hold fails too, so that the list cannot go stale. The PDFs are read once, by a pool of
processes (the corpus is about 1,300 pages).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import perftable
from perftable.model import Document

from .corpus_facts import EXPECTED, compare, read

pytestmark = pytest.mark.slow  # the quick loop leaves these out: `pytest -m slow` and .ci/run run them

# (expectation file, fact) -> why perftable does not read it
KNOWN_MISSES: dict[tuple[str, str], str] = {
    (
        "guangzhou-2026-zhengwu-shuju-guanliju-xiangmu-jixiao",
        "guangzhou-2026-zhengwu-shuju-guanliju-xiangmu-jixiao: years",
    ): "the listing is published on its own and prints no year over it; its goals name 2022-2035 "
    "(perftable does not guess a year from them)",
}


def _read(path: Path) -> list[Document]:
    return read(path)


@pytest.fixture(scope="session")
def corpus() -> Iterator[dict[str, list[Document]]]:
    workers = min(len(EXPECTED), os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = dict(zip((path.stem for path in EXPECTED), pool.map(_read, EXPECTED), strict=True))
    yield results


def test_there_is_a_corpus() -> None:
    assert len(EXPECTED) == len(list((Path(__file__).parent / "corpus" / "pdf").glob("*.pdf"))) == 22


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda path: path.stem)
def test_the_facts_of_the_pdf_hold(expected: Path, corpus: dict[str, list[Document]]) -> None:
    facts = compare(expected, corpus[expected.stem])
    wrong = [
        str(fact) for fact in facts if not fact.holds and (expected.stem, fact.where) not in KNOWN_MISSES
    ]
    fixed = [fact.where for fact in facts if fact.holds and (expected.stem, fact.where) in KNOWN_MISSES]
    assert not wrong, "\n".join(wrong)
    assert not fixed, f"known misses that now hold (remove them from KNOWN_MISSES): {fixed}"


# The budget rules that add printed amounts up (totals, sources, levels, amounts that are not numbers, task rows,
# scores). B004 and B008 compare targets and tasks with the budget: they find real errors in these files (in
# beijing-2026-jiaoyu-weiyuanhui p46 two neighbouring projects print each other's 本年总成本).
ARITHMETIC = ("B001", "B002", "B003", "B005", "B006", "B007", "B009")


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda path: path.stem)
def test_no_budget_error_where_the_printed_arithmetic_holds(
    expected: Path, corpus: dict[str, list[Document]]
) -> None:
    """The printed totals of these tables add up: the arithmetic budget rules report nothing."""
    errors = [
        f"{finding.code} {finding.location}: {finding.message}"
        for document in corpus[expected.stem]
        for finding in perftable.validate(document).findings
        if finding.code in ARITHMETIC
    ]
    assert not errors, "\n".join(errors)
