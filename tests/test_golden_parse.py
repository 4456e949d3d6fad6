"""Golden tests: every sample parses to its checked-in JSON (``pytest --update-golden`` regenerates them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from perftable.cli.parse import _documents_json
from perftable.readers.files import iter_files

from .conftest import ROOT, SAMPLES, Golden, loaded

SAMPLE_FILES = sorted(path.relative_to(ROOT) for path in iter_files([SAMPLES]))


def test_there_are_samples_of_every_layout() -> None:
    folders = {path.parts[1] for path in SAMPLE_FILES}
    assert {"guangdong-department", "shanghai-project", "formats"} <= folders


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=str)
def test_parse_matches_golden(sample: Path, golden: Golden, in_root: Path) -> None:
    documents = loaded(sample)
    text = _documents_json(documents, as_array=True, jsonl=False, indent=2)
    golden.check(f"parse/{sample.relative_to('samples')}.json", text)
