"""The facts of ``tests/corpus/expected/*.toml`` (written by hand from the PDFs) compared with what perftable reads.

Each fact is one comparison (a table's name, its indicator count, its first indicator's value …); ``compare``
gives every fact with whether it holds, so that the test can fail on any difference and the scorecard
(``python -m tests.corpus_facts``) can count them.
"""

from __future__ import annotations

import re
import sys
import tomllib
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import perftable
from perftable.model import Document, Indicator
from perftable.values.units import normalise_unit

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = sorted((CORPUS / "expected").glob("*.toml"))
_COMPARATORS = str.maketrans({"＝": "=", "≧": "≥", "≦": "≤", "＞": ">", "＜": "<", "‹": "<", "›": ">"})
UNIT_LABELS = ("资金使用单位", "二级预算单位名称", "单位名称", "预算单位名称", "预算单位")


@dataclass(frozen=True)
class Fact:
    where: str
    expected: Any
    actual: Any

    @property
    def holds(self) -> bool:
        return bool(self.expected == self.actual)

    def __str__(self) -> str:
        return f"{self.where}: expected {self.expected!r}, read {self.actual!r}"


def norm(text: object) -> str:
    """Text compared without its spacing, width or comparator spelling."""
    if text is None:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text))).translate(_COMPARATORS)


def total_of(doc: Document) -> Decimal | None:
    for key in ("total", "annual_total"):
        amount = doc.amount(key)
        if amount is not None:
            return amount
    return next((line.amount for line in doc.budget if line.amount is not None), None)


def unit_of(doc: Document) -> str | None:
    return next((doc.info[label] for label in UNIT_LABELS if label in doc.info), None)


def comparator_of(indicator: Indicator) -> str:
    if indicator.comparator_source == "column" and indicator.target.comparator:
        return indicator.target.comparator
    printed = next(
        (
            text
            for header, text in indicator.info.items()
            if any(w in header for w in ("性质", "符号", "方向"))
        ),
        None,
    )
    if printed is not None:
        return norm(printed)
    return indicator.target.comparator or ""


def _indicator_facts(where: str, expected: dict[str, str], indicator: Indicator | None) -> list[Fact]:
    if indicator is None:
        return [Fact(where, expected, None)]
    read = {
        "level1": indicator.level1,
        "level2": indicator.level2,
        "name": indicator.name,
        "value": indicator.value,
        "comparator": comparator_of(indicator),
        "unit": indicator.unit or indicator.target.unit or "",
    }
    return [
        Fact(f"{where}.{key}", _same(key, value), _same(key, read[key])) for key, value in expected.items()
    ]


def _same(key: str, value: str) -> str:
    """A value compared in its normal form; a unit in its normal spelling (万 in money is 万元, 个数 is 个, 台(套) is
    台: perftable keeps units so)."""
    text = norm(value)
    if key != "unit":
        return text
    return "万元" if text == "万" else normalise_unit(text)


def table_facts(where: str, expected: dict[str, Any], doc: Document | None) -> list[Fact]:
    if doc is None:
        return [Fact(where, expected.get("project", expected.get("kind")), None)]
    facts = [Fact(f"{where}.kind", expected["kind"], doc.kind)]
    if "project" in expected:
        facts.append(Fact(f"{where}.project", norm(expected["project"]), norm(doc.project)))
    if "code" in expected:
        facts.append(Fact(f"{where}.code", expected["code"], doc.info.get("项目编码")))
    if "unit" in expected:
        facts.append(Fact(f"{where}.unit", norm(expected["unit"]), norm(unit_of(doc))))
    if "pages" in expected:
        facts.append(Fact(f"{where}.pages", list(expected["pages"]), list(doc.page_range or ())))
    if "total" in expected:
        facts.append(Fact(f"{where}.total", Decimal(expected["total"]), total_of(doc)))
    if "indicators" in expected:
        facts.append(Fact(f"{where}.indicators", expected["indicators"], len(doc.indicators)))
    if "goal" in expected:
        # goals are read as printed, their item numbers (1. 一、) included
        wanted = norm(expected["goal"])
        goal = norm("".join(doc.goals))
        facts.append(Fact(f"{where}.goal", wanted, goal[: len(wanted)]))
    for key, pick in (("first", 0), ("last", -1)):
        if key in expected:
            indicator = doc.indicators[pick] if doc.indicators else None
            facts += _indicator_facts(f"{where}.{key}", expected[key], indicator)
    return facts


def compare(expected_path: Path, documents: list[Document]) -> list[Fact]:
    """Every fact of one expectation file against the documents read from its PDF."""
    expected = tomllib.loads(expected_path.read_text(encoding="utf-8"))
    name = expected_path.stem
    facts = [Fact(f"{name}: tables", expected["tables"], len(documents))]
    if "indicators_total" in expected:
        facts.append(
            Fact(
                f"{name}: indicators_total",
                expected["indicators_total"],
                sum(len(d.indicators) for d in documents),
            )
        )
    if "year" in expected:
        years = sorted({doc.year for doc in documents}, key=str)
        facts.append(Fact(f"{name}: years", [expected["year"]], years))
    if "department" in expected:
        # a table that prints no department of its own takes the file's
        departments = sorted({doc.department or "" for doc in documents if "department" not in doc.locations})
        wanted = [norm(expected["department"])] if departments else []
        facts.append(Fact(f"{name}: departments", wanted, [norm(d) for d in departments]))
    for table in expected.get("table", []):
        index = table["index"]
        doc = documents[index] if index < len(documents) else None
        label = table.get("project") or table["kind"]
        facts += table_facts(f"{name}[{index}] {label}", table, doc)
    return facts


def read(expected_path: Path) -> list[Document]:
    expected = tomllib.loads(expected_path.read_text(encoding="utf-8"))
    return perftable.load_all(CORPUS / "pdf" / expected["source"])


def main(argv: list[str]) -> int:
    """A scorecard: facts held per file (``-v`` lists the ones that do not)."""
    verbose = "-v" in argv
    names = [a for a in argv if not a.startswith("-")]
    held = total = 0
    for path in EXPECTED:
        if names and not any(n in path.stem for n in names):
            continue
        try:
            documents = read(path)
        except perftable.ReadError as exc:  # type: ignore[attr-defined]
            print(f"{path.stem}: {exc}")
            continue
        facts = compare(path, documents)
        good = sum(fact.holds for fact in facts)
        held += good
        total += len(facts)
        print(f"{path.stem}: {good}/{len(facts)}")
        if verbose:
            for fact in facts:
                if not fact.holds:
                    print("   ", fact)
    print(f"all: {held}/{total} facts hold")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
