"""Round-trip properties: any document (see tests/strategies.py) renders in every format and reads back to the same
model, locations aside; rendering what was read gives the same bytes (idempotence)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

import perftable
from perftable.model import Document
from perftable.render import render

from .strategies import documents

NOT_CONTENT = {"location", "level_locations", "source", "format", "locations", "warnings", "page_range"}
SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow])


def content(document: Document) -> Any:
    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in NOT_CONTENT}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(document.model_dump(mode="json"))


def read_back(doc: Document, fmt: str, suffix: str, tmp: Path) -> tuple[list[Document], str | bytes]:
    data = render([doc], fmt)  # type: ignore[arg-type]
    path = tmp / f"form{suffix}"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return perftable.load_all(path), data


def check_round_trip(doc: Document, fmt: str, suffix: str, tmp: Path) -> None:
    back, first = read_back(doc, fmt, suffix, tmp)
    assert [content(d) for d in back] == [content(doc)]
    again = render(back, fmt)  # type: ignore[arg-type]
    assert again == first


@SETTINGS
@given(documents())
def test_markdown_round_trip(tmp_path_factory: Any, doc: Document) -> None:
    check_round_trip(doc, "markdown", ".md", tmp_path_factory.mktemp("md"))


@SETTINGS
@given(documents())
def test_html_round_trip(tmp_path_factory: Any, doc: Document) -> None:
    check_round_trip(doc, "html", ".html", tmp_path_factory.mktemp("html"))


@SETTINGS
@given(documents())
def test_xlsx_round_trip(tmp_path_factory: Any, doc: Document) -> None:
    check_round_trip(doc, "xlsx", ".xlsx", tmp_path_factory.mktemp("xlsx"))


@SETTINGS
@given(documents())
def test_json_round_trip(doc: Document) -> None:
    text = render([doc], "json")
    assert isinstance(text, str)
    assert Document.model_validate_json(text) == doc


@SETTINGS
@given(documents())
def test_csv_rows_hold_the_indicators(doc: Document) -> None:
    """CSV is one row per indicator (not the form): its rows read back to the indicators' fields."""
    text = render([doc], "csv")
    assert isinstance(text, str)
    rows = list(csv.DictReader(io.StringIO(text)))
    unguard = lambda text: text[1:] if text[:2] in ("'=", "'+", "'-", "'@") else text  # noqa: E731
    got = [
        (unguard(r["level1"]), unguard(r["level2"]), unguard(r["name"]), unguard(r["value"]), r["unit"])
        for r in rows
    ]
    both = [*doc.indicators, *doc.long_term_indicators]
    assert got == [(i.level1, i.level2, i.name, i.value, i.unit or "") for i in both]
    assert [r["number"] for r in rows] == [str(i.target.number or "") for i in both]
    assert [r["period"] for r in rows] == ["annual"] * len(doc.indicators) + ["long_term"] * len(
        doc.long_term_indicators
    )
