"""Scorecard of the layout variants in ``tests/data/variants/``: documents built to differ from the corpus (other
provinces' labels, orders, converters and damage), each with the facts of what it prints, written from the data
the document was built from (never from perftable's output).

``python -m tests.variants`` prints the scorecard; ``tests/test_variants.py`` fails on any fact that does not hold,
except the misses it lists with their reason.

Facts per file: the number of 绩效目标表; per table its kind, name (project, or department for a department
form), year, total (annual total, else total, in the unit the facts give), indicator count, and the first and last
indicator's name and value (a value holds when the printed value, or comparator + number + unit, or the
qualitative reading equals it, blanks and full-width forms aside).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import perftable
from perftable.errors import ReadError
from perftable.model import Document, Indicator

HERE = Path(__file__).resolve().parent / "data" / "variants"
_WIDTHS = str.maketrans(
    {"＝": "=", "％": "%", "（": "(", "）": ")", "：": ":", "≧": "≥", "≦": "≤", "＜": "<", "＞": ">"}
)
_TO_WAN = {"万元": Decimal(1), "元": Decimal("0.0001"), "亿元": Decimal(10000)}


def norm(text: object) -> str:
    if text is None:
        return ""
    return re.sub(r"\s+", "", str(text)).translate(_WIDTHS).replace(">=", "≥").replace("<=", "≤").lstrip("=")


def value_holds(truth: str | list[str], indicator: Indicator) -> bool:
    if isinstance(truth, list):
        return any(value_holds(one, indicator) for one in truth)
    target = indicator.target
    unit = target.unit or indicator.unit or ""
    number = f"{target.comparator or ''}{target.number if target.number is not None else ''}{unit}"
    readings = {norm(indicator.value), norm(number), norm(f"{indicator.value}{indicator.unit or ''}")}
    if target.per:
        readings.add(norm(f"{number}/{target.per}"))
    if target.qualitative:
        readings.add(norm(target.qualitative))
    return norm(truth) in readings


def total_in(doc: Document, unit: str) -> Decimal | None:
    for key in ("annual_total", "total"):
        line = next((line for line in doc.budget if line.key == key and line.amount is not None), None)
        if line is not None and line.amount is not None:
            return line.amount * _TO_WAN[line.unit] / _TO_WAN[unit]
    return None


def name_of(doc: Document) -> str | None:
    return doc.project if doc.kind == "project" else doc.department


@dataclass(frozen=True)
class Fact:
    file: str
    what: str
    holds: bool
    read: object
    expected: object


def facts_of(facts_file: Path) -> list[Fact]:
    facts: dict[str, Any] = json.loads(facts_file.read_text(encoding="utf-8"))
    stem = facts_file.stem
    try:
        docs = perftable.load_all(HERE / facts["file"])
    except ReadError:
        docs = []
    out = [Fact(stem, "tables", len(docs) == facts["tables"], len(docs), facts["tables"])]
    used: set[int] = set()
    for i, item in enumerate(facts["items"]):
        want = norm(item["name"])
        match = next((j for j, d in enumerate(docs) if j not in used and norm(name_of(d)) == want), None)
        if match is None:
            match = next(
                (
                    j
                    for j, d in enumerate(docs)
                    if j not in used and name_of(d) and (want in norm(name_of(d)) or norm(name_of(d)) in want)
                ),
                None,
            )
        where = f"[{i}] {item['name']}"
        if match is None:
            out.append(Fact(stem, f"{where} found", False, None, item["name"]))
            continue
        used.add(match)
        doc = docs[match]
        first, last = (doc.indicators[0], doc.indicators[-1]) if doc.indicators else (None, None)
        checks: list[tuple[str, bool, object, object]] = [
            ("kind", doc.kind == item["kind"], doc.kind, item["kind"]),
            ("name", norm(name_of(doc)) == want, name_of(doc), item["name"]),
            ("year", doc.year == item["year"], doc.year, item["year"]),
            ("indicators", len(doc.indicators) == item["indicators"], len(doc.indicators), item["indicators"]),
            ("first.name", first is not None and norm(first.name) == norm(item["first"]["name"]),
             first and first.name, item["first"]["name"]),
            ("first.value", first is not None and value_holds(item["first"]["value"], first),
             first and first.value, item["first"]["value"]),
            ("last.name", last is not None and norm(last.name) == norm(item["last"]["name"]),
             last and last.name, item["last"]["name"]),
            ("last.value", last is not None and value_holds(item["last"]["value"], last),
             last and last.value, item["last"]["value"]),
        ]  # fmt: skip
        if item["total"] is not None:
            total = total_in(doc, item["unit"])
            holds = total is not None and abs(total - Decimal(item["total"])) < Decimal("0.005")
            checks.append(("total", holds, total, f"{item['total']} {item['unit']}"))
        out += [
            Fact(stem, f"{where} {what}", holds, read, expected) for what, holds, read, expected in checks
        ]
    return out


def all_facts() -> list[Fact]:
    return [fact for path in sorted(HERE.glob("v*.json")) for fact in facts_of(path)]


def main() -> None:
    facts = all_facts()
    for fact in facts:
        if not fact.holds:
            print(f"{fact.file}: {fact.what}: read {fact.read!r}, expected {fact.expected!r}")
    held = sum(fact.holds for fact in facts)
    print(f"all: {held}/{len(facts)} facts hold")
    sys.exit(0 if held == len(facts) else 1)


if __name__ == "__main__":
    main()
