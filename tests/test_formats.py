"""The same table written in each format parses to the same model, locations aside."""

from __future__ import annotations

from typing import Any

import pytest

import perftable

from .conftest import SAMPLES

NOT_CONTENT = {"page_range", "location", "level_locations", "source", "format", "locations", "warnings"}


def content(document: perftable.Document) -> Any:
    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in NOT_CONTENT}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(document.model_dump(mode="json"))


@pytest.mark.parametrize(
    ("stem", "suffixes"),
    [
        ("formats/lianjiang-clean", ("md", "html", "csv", "xlsx", "xls", "ods")),
        ("shanghai-project/lanxilu-2026", ("csv", "md", "xlsx")),
    ],
)
def test_same_model_in_every_format(stem: str, suffixes: tuple[str, ...]) -> None:
    models = {suffix: content(perftable.load(SAMPLES / f"{stem}.{suffix}")) for suffix in suffixes}
    first = models[suffixes[0]]
    for suffix, model in models.items():
        assert model == first, f"{stem}.{suffix} differs from {stem}.{suffixes[0]}"


def test_clean_table_equals_the_damaged_seed_in_content() -> None:
    """The seed (damaged by conversion) and the clean table hold the same content once repaired."""
    seed = content(perftable.load(SAMPLES / "guangdong-department" / "lianjiang-2024.md"))
    clean = content(perftable.load(SAMPLES / "formats" / "lianjiang-clean.md"))
    assert seed == clean


def test_clean_formats_need_no_meaning_changing_repairs() -> None:
    for suffix in ("md", "html", "csv", "xlsx", "xls", "ods"):
        doc = perftable.load(SAMPLES / f"formats/lianjiang-clean.{suffix}")
        assert [w for w in doc.warnings if w.code == "P003"] == [], suffix
