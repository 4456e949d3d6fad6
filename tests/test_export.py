"""``perftable export``: the samples folder as one dataset, checked row by row; formula safety; unreadable files;
``perftable.to_frame``."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

import perftable
from perftable.export.rows import COLUMNS, formula_safe
from perftable.readers.files import iter_files

from .conftest import ROOT, SAMPLES, loaded
from .invoke import run_cli


def exported_docs(root: Path = SAMPLES) -> list[perftable.Document]:
    return [doc for path in iter_files([root]) for doc in loaded(path)]


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel shows the Chinese
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_samples_export_row_by_row(tmp_path: Path, in_root: Path) -> None:
    out = tmp_path / "indicators.csv"
    result = run_cli("export", "samples", "-o", str(out))
    assert result.returncode == 0, result.stderr
    rows = read_csv(out)
    expected = [
        (
            doc.source.file,
            doc.kind,
            str(doc.year or ""),
            ind.level1,
            ind.level2,
            ind.name,
            ind.value,
            str(ind.target.number or ""),
            str(ind.location),
        )
        for doc in exported_docs(Path("samples"))
        for ind in doc.indicators
    ]
    unguard = lambda text: text[1:] if text[:2] in ("'=", "'+", "'-", "'@") else text  # noqa: E731
    got = [
        (
            r["file"],
            r["kind"],
            r["year"],
            r["level1"],
            r["level2"],
            r["name"],
            unguard(r["value"]),
            r["number"],
            r["location"],
        )
        for r in rows
    ]
    assert got == expected
    docs, files = exported_docs(Path("samples")), list(iter_files([Path("samples")]))
    assert f"{len(expected)} rows (indicators) from {len(docs)} tables in {len(files)} files" in result.stderr


def test_formula_like_cells_are_text_in_csv_and_xlsx(tmp_path: Path) -> None:
    source = SAMPLES / "central-project" / "jiance-2025.html"
    run_cli("export", str(source), "-o", str(tmp_path / "x.csv"))
    values = [row["value"] for row in read_csv(tmp_path / "x.csv")]
    assert "'=15个" in values and "≤180万元" in values
    assert (
        formula_safe("-5") == "-5" and formula_safe("-") == "'-" and formula_safe("@SUM(A1)") == "'@SUM(A1)"
    )
    run_cli("export", str(source), "-o", str(tmp_path / "x.xlsx"))
    ws = load_workbook(tmp_path / "x.xlsx").active
    assert ws is not None
    cells = {cell.value: cell for row in ws.iter_rows() for cell in row}
    assert cells["=15个"].data_type == "s"
    assert cells[180].data_type == "n"  # numbers stay numbers


def test_unreadable_files_are_listed_at_the_end_and_the_rest_exported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES / "shanghai-project", folder)
    (folder / "empty.md").write_bytes(b"")
    (folder / "prose.md").write_text("没有表格。\n", encoding="utf-8")
    result = run_cli(
        "export", str(folder), "-o", str(tmp_path / "out.jsonl"), "--what", "budget", "--jobs", "2"
    )
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()[-2:]
    assert errors[0].startswith(f"perftable: error: {folder / 'empty.md'}") and "prose.md" in errors[1]
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 21 and list(rows[0]) == COLUMNS["budget"]
    assert rows[0]["amount"] == "771325800.00"  # Decimals as strings, like the model's JSON


def test_jobs_give_the_same_dataset(tmp_path: Path) -> None:
    run_cli("export", str(SAMPLES), "-o", str(tmp_path / "one.csv"), "--what", "tasks")
    run_cli("export", str(SAMPLES), "-o", str(tmp_path / "two.csv"), "--what", "tasks", "-j", "0")
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()


def test_parquet(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pandas as pd

    assert run_cli("export", str(SAMPLES), "-o", str(tmp_path / "x.parquet")).returncode == 0
    frame = pd.read_parquet(tmp_path / "x.parquet")
    assert list(frame.columns) == COLUMNS["indicators"] and len(frame) == sum(
        len(d.indicators) for d in exported_docs()
    )


def test_to_frame_and_lazy_pandas() -> None:
    frame = perftable.to_frame(perftable.load_all(SAMPLES / "formats" / "lianjiang-clean.md"))
    assert frame.shape == (27, len(COLUMNS["indicators"]))
    assert frame.loc[0, "value"] == "240户" and str(frame.loc[0, "number"]) == "240"
    budget = perftable.to_frame(perftable.load_all(SAMPLES / "formats" / "lianjiang-clean.md"), "budget")
    assert list(budget["key"])[:2] == ["basic", "fiscal"]
    code = "import sys, perftable; f = perftable.to_frame; print('pandas' in sys.modules, end=' '); f([]); print('pandas' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "False True"  # imported when to_frame runs, not before
    code = "import sys, perftable; perftable.load_all('samples/formats/lianjiang-clean.md'); print('pandas' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "False"


def test_unknown_output_format_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("export", str(SAMPLES), "-o", str(tmp_path / "x.txt"))
    assert result.returncode == 2 and "name it .csv, .xlsx, .jsonl or .parquet" in result.stderr


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from perftable.check.parallel import progress

    items = [("a", [], None), ("b", [], "b: broken")]
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert list(progress(iter(items), 2, "reading", minimum=2)) == items
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert (
        list(progress(iter(items), 2, "reading", minimum=2)) == items
    )  # drawn on stderr, every item yielded
    assert "rich" in sys.modules
