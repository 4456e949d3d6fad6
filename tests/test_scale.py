"""Scale without quadratic corners: merged ranges written in linear time, configurations equal by value (a cache
keyed by them stays bounded), configuration files noticed when edited in a long-lived process, and the garbage
collector's setting applied for library calls. Speed itself is measured in benchmarks/, never asserted here."""

from __future__ import annotations

import gc
import io
import pickle
from decimal import Decimal
from pathlib import Path

import pytest

from perftable.check.config import Config, discover
from perftable.spans import SpanCell

from .conftest import ROOT

SEED = ROOT / "samples" / "guangdong-department" / "lianjiang-2024.md"


def _grid(rows: int) -> list[list[SpanCell | None]]:
    grid: list[list[SpanCell | None]] = []
    for index in range(rows):
        if index % 3 == 0:
            grid.append([SpanCell(f"组{index}", rowspan=3), SpanCell(f"a{index}", colspan=2), None])
        else:
            grid.append([None, SpanCell(f"b{index}"), SpanCell(f"c{index}")])
    return grid


def test_merged_ranges_are_the_ones_merge_cells_makes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The direct way into the sheet's merged set writes the same workbook, byte for byte, as openpyxl's
    ``merge_cells`` (whose search for a containing range makes it quadratic)."""
    from perftable.spans import xlsx as xlsxwrite
    from perftable.spans.xlsx import Sheet, workbook_bytes

    sheets = [Sheet("表", _grid(30), title="标题", lines=["2024年"])]
    direct = workbook_bytes(sheets)

    def by_openpyxl(ws: object, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
        ws.merge_cells(  # type: ignore[attr-defined]
            start_row=first_row, start_column=first_column, end_row=last_row, end_column=last_column
        )

    monkeypatch.setattr(xlsxwrite, "merge", by_openpyxl)
    assert workbook_bytes(sheets) == direct


def test_thousands_of_merged_ranges_are_all_written() -> None:
    from openpyxl import load_workbook

    from perftable.spans.xlsx import Sheet, workbook_bytes

    data = workbook_bytes([Sheet("表", _grid(3000), title="标题")])
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    assert len(ws.merged_cells.ranges) == 1 + 2000  # the title, then a group and a wide cell every 3 rows
    assert {"A1:C1", "A2:A4", "B2:C2", "A2999:A3001"} <= {str(r) for r in ws.merged_cells.ranges}


def test_configurations_are_equal_and_hashed_by_value() -> None:
    one = Config(
        severity={"U003": "error"}, rule_options={"I001": {"required": ("产出指标",)}}, root=Path("/x")
    )
    two = Config(
        severity={"U003": "error"}, rule_options={"I001": {"required": ("产出指标",)}}, root=Path("/x")
    )
    assert one is not two and one == two and hash(one) == hash(two)
    assert pickle.loads(pickle.dumps(one)) == one
    assert one != Config(severity={"U003": "warning"}, root=Path("/x"))
    assert Config(tolerance=Decimal("0.01")) != Config(tolerance=Decimal("0.010"))
    assert one.with_overrides(lang="en") == two.with_overrides(lang="en")


def test_the_rule_set_cache_does_not_grow_with_configurations_shipped_per_task() -> None:
    """A configuration sent with each task to a worker arrives as a new object every time: the engine's cache of
    rule sets must not gain an entry per task (it did: +31 MiB per 3,000 tasks)."""
    from perftable.check import engine

    engine._active.cache_clear()
    for _ in range(300):
        shipped = pickle.loads(pickle.dumps(Config(select=("B", "I"), root=Path("/x"))))
        engine.active_rules(shipped)
    assert engine._active.cache_info().currsize == 1


def test_discovery_notices_an_edited_added_and_removed_configuration_file(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    (tmp_path / "perftable.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert discover(folder).lang == "en"
    assert discover(folder) is discover(folder)  # an unchanged file is read once
    (tmp_path / "perftable.toml").write_text('lang = "zh"\nfail-on = "warning"\n', encoding="utf-8")
    assert (discover(folder).lang, discover(folder).fail_on) == ("zh", "warning")
    (folder / "perftable.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    assert discover(folder).fail_on == "info"
    (folder / "perftable.toml").unlink()
    (tmp_path / "perftable.toml").unlink()
    assert discover(folder) == Config(root=Path.cwd())


def test_a_batch_in_a_long_lived_process_checks_with_the_edited_configuration(tmp_path: Path) -> None:
    from perftable.check.batch import RunSettings, check_one

    table = tmp_path / "t.md"
    table.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    settings = RunSettings()
    assert check_one(table, settings).findings
    (tmp_path / "perftable.toml").write_text('select = ["M"]\n', encoding="utf-8")
    assert {f.code[0] for f in check_one(table, settings).findings} <= {"M", "P", "S"}


def test_library_calls_raise_the_gc_threshold_for_their_own_duration_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import perftable
    from perftable import runtime
    from perftable.check import engine

    seen: list[tuple[int, int, int]] = []
    check_document = engine.check_document

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.get_threshold())
        return check_document(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "check_document", spy)
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        perftable.validate(SEED)
        assert seen == [runtime.THRESHOLDS]  # raised while the file was checked
        assert gc.get_threshold() == (700, 10, 10)  # and the process's own setting back afterwards
        perftable.load_all(SEED)
        assert gc.get_threshold() == (700, 10, 10)
        with runtime.gc_tuned(), runtime.gc_tuned():
            assert gc.get_threshold() == runtime.THRESHOLDS
        assert gc.get_threshold() == (700, 10, 10)
        perftable.tune_gc()  # the one-call setting for the whole process
        assert gc.get_threshold() == runtime.THRESHOLDS
        with runtime.gc_tuned():  # already as high: left alone
            pass
        assert gc.get_threshold() == runtime.THRESHOLDS
    finally:
        gc.set_threshold(*before)


def test_export_workers_send_back_rows_or_their_text_never_documents() -> None:
    from perftable.export.stream import file_rows

    as_rows = file_rows(str(SEED), "indicators")
    as_text = file_rows(str(SEED), "indicators", encode="csv")
    assert (as_rows.tables, as_rows.count, len(as_rows.rows)) == (1, 27, 27)
    assert (as_text.count, as_text.rows, as_text.text.count("\n")) == (27, [], 27)
    assert not as_text.text.startswith(("\ufeff", "file,"))  # the header is the writer's, once
    unreadable = file_rows(str(ROOT / "no-such-file.md"), "indicators")
    assert unreadable.error is not None and unreadable.count == 0


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "xlsx"])
def test_export_streamed_from_a_pool_is_the_export_of_one_process(tmp_path: Path, suffix: str) -> None:
    from click.testing import CliRunner

    from perftable.cli import cli

    folder = ROOT / "samples" / "formats"
    outputs = [tmp_path / f"one.{suffix}", tmp_path / f"two.{suffix}"]
    for output, jobs in zip(outputs, ("1", "2"), strict=True):
        result = CliRunner().invoke(cli, ["export", str(folder), "-o", str(output), "--jobs", jobs])
        assert result.exit_code == 0, result.output
    assert outputs[0].read_bytes() == outputs[1].read_bytes()
