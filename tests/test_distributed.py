"""``--executor dask`` gives what ``--jobs 1`` gives: the same report (byte for byte), exit code and order, and the
same export; a worker that dies mid-run loses no file and counts none twice. The clusters are LocalClusters of 2
workers (threads for the quick tests, processes where a worker is killed)."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from perftable.cli import cli

from .conftest import ROOT

pytest.importorskip("distributed")

from distributed import Client, LocalCluster

pytestmark = pytest.mark.slow  # the quick loop leaves these out: `pytest -m slow` and .ci/run run them

SAMPLES = ROOT / "samples"


def corpus(folder: Path, files: int) -> list[Path]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from corpus import build  # type: ignore[import-not-found]  # the benchmark's generated corpus
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return list(build(folder, files))


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0", silence_logs=40
    ) as cluster:
        yield cluster.scheduler_address


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "json-lines"])
def test_validate_on_dask_reports_as_one_process(scheduler: str, tmp_path: Path, fmt: str) -> None:
    paths = [str(SAMPLES), str(tmp_path)]
    corpus(tmp_path, 60)
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    one = invoke("validate", *paths, "--format", fmt, "--jobs", "1", "--no-progress")
    on_dask = invoke("validate", *paths, "--format", fmt, "--executor", "dask", "--scheduler", scheduler)
    assert on_dask == one
    assert one[0] == 2 and "broken.xlsx" in one[1]


@pytest.mark.slow
def test_validate_on_dask_over_a_500_file_corpus(scheduler: str, tmp_path: Path) -> None:
    corpus(tmp_path, 500)
    one = invoke("validate", str(tmp_path), "--format", "json-lines", "--no-progress")
    on_dask = invoke(
        "validate", str(tmp_path), "--format", "json-lines", "--executor", "dask", "--scheduler", scheduler
    )
    assert on_dask == one and one[1].count("\n") > 5000


def test_export_on_dask_writes_the_export_of_one_process(scheduler: str, tmp_path: Path) -> None:
    one, on_dask = tmp_path / "one.csv", tmp_path / "dask.csv"
    assert invoke("export", str(SAMPLES), "-o", str(one))[0] == 0
    code, _, err = invoke(
        "export", str(SAMPLES), "-o", str(on_dask), "--executor", "dask", "--scheduler", scheduler
    )
    assert code == 0 and "rows (indicators)" in err
    assert on_dask.read_bytes() == one.read_bytes()


def _plain(value: object) -> object:
    """A dataset's value as JSON Lines writes it: Decimals and dates as text, numbers exact."""
    import datetime as dt
    from decimal import Decimal

    if value is None or value != value:  # None or NaN
        return None
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value.item() if hasattr(value, "item") else value


def test_export_on_dask_to_a_folder_writes_a_partitioned_parquet_dataset(
    scheduler: str, tmp_path: Path
) -> None:
    pytest.importorskip("pyarrow")
    import json
    from decimal import Decimal

    import pandas as pd

    folder, single = tmp_path / "dataset", tmp_path / "one.jsonl"
    corpus(tmp_path / "in", 40)
    inputs = [str(SAMPLES), str(tmp_path / "in")]
    assert invoke("export", *inputs, "-o", str(single))[0] == 0
    code, _, err = invoke(
        "export", *inputs, "-o", f"{folder}/", "--executor", "dask", "--scheduler", scheduler
    )
    assert code == 0, err
    parts = sorted(p.name for p in folder.iterdir())
    assert len(parts) > 2 and all(p.startswith("part-") and p.endswith(".parquet") for p in parts)
    dataset = pd.read_parquet(folder)  # the parts, in order, as one table
    expected = [json.loads(line) for line in single.read_text(encoding="utf-8").splitlines()]
    for row in expected:
        for column in ("number", "number_max"):
            row[column] = None if row[column] is None else format(Decimal(row[column]).normalize(), "f")
    records = [{k: _plain(v) for k, v in row.items()} for row in dataset.to_dict("records")]
    assert list(dataset.columns) == list(expected[0])
    assert records == expected


def test_a_folder_output_needs_the_dask_executor(tmp_path: Path) -> None:
    code, _, err = invoke("export", str(SAMPLES), "-o", f"{tmp_path}/out/")
    assert code == 2 and "partitioned Parquet dataset (--executor dask)" in err


def test_scheduler_without_the_dask_executor_is_refused() -> None:
    result = CliRunner().invoke(cli, ["validate", str(SAMPLES), "--scheduler", "local"])
    assert result.exit_code == 2 and "--scheduler is for --executor dask" in result.output


def test_partitions_keep_input_order_group_small_files_and_leave_large_ones_alone() -> None:
    from perftable.distributed.executor import partitions

    sizes = {"a": 10, "b": 10, "big": 5000, "c": 10, "d": 10, "e": 10}
    runs = partitions(list(sizes), sizes.__getitem__, max_files=2, max_bytes=1000)
    assert runs == [["a", "b"], ["big"], ["c", "d"], ["e"]]


def test_the_python_api_gives_bags_and_a_frame(scheduler: str) -> None:
    from perftable import distributed
    from perftable.check.engine import check_file

    paths = [str(SAMPLES / "guangdong-department"), str(SAMPLES / "formats" / "*.md")]
    with Client(scheduler):
        reports = distributed.reports(paths).compute()
        docs = distributed.documents(paths).compute()
        frame = distributed.frame(paths).compute()
    files = [name for name, _ in distributed.expand(paths)]
    assert [r.file for r in reports] == files
    assert [len(r.findings) for r in reports] == [len(check_file(f).findings) for f in files]
    assert len(frame) == sum(len(d.indicators) + len(d.long_term_indicators) for d in docs)


def test_fsspec_urls_are_read_and_name_the_file(scheduler: str) -> None:
    pytest.importorskip("fsspec")
    import fsspec

    from perftable import distributed

    memory = fsspec.filesystem("memory")
    seed = SAMPLES / "guangdong-department" / "lianjiang-2024.md"
    memory.pipe("/budget/2024/lianjiang.md", seed.read_bytes())
    with Client(scheduler):
        (report,) = distributed.reports(["memory://budget/2024/*.md"]).compute()
    assert report.file == memory.unstrip_protocol("/budget/2024/lianjiang.md")  # the URL as fsspec spells it
    assert report.findings and all(f.file == report.file for f in report.findings)


def _die_on_poison(items: list[str]) -> list[str]:
    if "poison" in items:
        os._exit(1)  # the worker process dies, as it would out of memory
    return items


@pytest.mark.slow
def test_a_killed_worker_loses_no_file_and_counts_none_twice(tmp_path: Path) -> None:
    """A worker killed mid-run: its tasks run again elsewhere, every file is reported exactly once and the report
    is the one of --jobs 1; a file that kills every worker that reads it is reported as P001, alone."""
    import dask

    from perftable.check.batch import RunSettings
    from perftable.distributed import runs
    from perftable.distributed.executor import ordered
    from perftable.readers.files import iter_files
    from perftable.report import FormatContext, StreamPart

    corpus(tmp_path, 200)
    paths = list(iter_files([tmp_path]))  # the files validate reads (the corpus's 2,000-indicator table too)
    ctx = FormatContext(format="json-lines")
    expected = invoke("validate", str(tmp_path), "--format", "json-lines", "--isolated", "--no-progress")[1]
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 1}),
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
        ) as cluster,
        Client(cluster) as client,
    ):
        before = set(client.run(os.getpid).values())
        seen: list[str] = []
        for index, checked in enumerate(
            runs.check(paths, RunSettings(isolated=True), client, StreamPart(ctx), keep=False)
        ):
            seen.append(checked.text)
            if index == 20:  # mid-run: kill one worker process (its nanny starts another)
                pid = next(iter(client.run(os.getpid).values()))
                os.kill(pid, signal.SIGKILL)
        assert "".join(seen) == expected  # nothing lost, nothing twice, in order
        assert pid not in set(client.run(os.getpid).values()) and pid in before  # the worker did die
        items = ["a", "b", "poison", "c", "d"]
        lost = list(ordered(client, _die_on_poison, [items], lambda t: [[i] for i in t] if len(t) > 1 else [],
                            lambda t, reason: [f"P001 {t[0]}: {reason}"]))  # fmt: skip
    assert lost[:2] == ["a", "b"] and lost[3:] == ["c", "d"]
    assert lost[2].startswith("P001 poison: the worker reading it died")
