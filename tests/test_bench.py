"""The benchmark runs in a quick mode in CI, so that it cannot rot (its figures are not asserted: speed is
measured in benchmarks/, never in a timed test)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.mark.slow
def test_benchmark_quick_mode_runs(tmp_path: Path) -> None:
    figures = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--quick", "--json", str(figures)],
        capture_output=True, text=True, cwd=ROOT, check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(figures.read_text(encoding="utf-8"))
    assert set(data) == {
        "load", "startup", "per_file", "batch_files", "batch", "memory", "export_memory", "scaling", "outputs",
        "review_files", "review", "pdf",
    }  # fmt: skip
    assert set(data["review"]) == {
        f"{name} ({kind})"
        for name in ("validate --format json", "review -o review.html", "review -o review.xlsx")
        for kind in ("wall", "cpu")
    }
    assert (
        "## Scaling" in result.stdout
        and "## Start-up" in result.stdout
        and "## Real PDFs" in result.stdout
        and "## The reviewer's report" in result.stdout
    )
    assert set(data["pdf"]["seconds"]) == {
        "perftable parse (pdfium)", "perftable parse (pdfplumber engine)", "pdfplumber extract_tables",
        "pypdfium2 text (floor)",
    }  # fmt: skip
