"""``perftable render`` on the command line: outputs, --check/--diff, --in-place, --fix and the P003 gate."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import perftable
from perftable.cli import COMMANDS, cli
from perftable.render import render

from .conftest import ROOT, SAMPLES
from .invoke import run_cli
from .test_render_properties import content

SEED = SAMPLES / "guangdong-department" / "lianjiang-2024.md"
CLEAN = SAMPLES / "formats" / "lianjiang-clean.md"


def canonical(path: Path) -> str:
    text = render(perftable.load_all(path), "markdown")
    assert isinstance(text, str)
    return text


def test_a_damaged_table_needs_fix_and_then_renders_as_the_clean_one(tmp_path: Path) -> None:
    refused = run_cli("render", str(SEED))
    assert refused.returncode == 2 and refused.stdout == ""
    assert "P003" in refused.stderr and "--fix" in refused.stderr and len(refused.stderr.splitlines()) == 1
    out = tmp_path / "clean.md"
    fixed = run_cli("render", str(SEED), "--fix", "-o", str(out))
    assert fixed.returncode == 0, fixed.stderr
    assert fixed.stderr.count("P003") == 9  # every meaning-changing repair is named, to be reviewed
    assert out.read_text(encoding="utf-8") == canonical(CLEAN)  # the repairs give back the clean table


def test_check_and_diff(tmp_path: Path) -> None:
    rendered = tmp_path / "x.md"
    rendered.write_text(canonical(CLEAN), encoding="utf-8")
    assert run_cli("render", str(rendered), "--check").returncode == 0
    original = tmp_path / "clean.md"
    shutil.copy(CLEAN, original)
    checked = run_cli("render", str(original), "--check")
    assert checked.returncode == 1 and f"would rewrite {original}" in checked.stderr and checked.stdout == ""
    shown = run_cli("render", str(original), "--diff")
    assert shown.returncode == 1 and shown.stdout.startswith(f"--- {original}\n+++ {original} (rendered)\n")
    assert "+| 绩效指标" in shown.stdout
    assert run_cli("render", str(original), "--check", "--diff").returncode == 1
    assert original.read_bytes() == CLEAN.read_bytes()  # nothing was written


def test_in_place_rewrites_atomically_and_refuses_risky_tables(tmp_path: Path) -> None:
    target = tmp_path / "clean.md"
    shutil.copy(CLEAN, target)
    assert run_cli("render", str(target), "--in-place").returncode == 0
    assert target.read_text(encoding="utf-8") == canonical(CLEAN)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "clean.md",
        "clean.md.bak",
    ]  # no temporary file left
    assert (tmp_path / "clean.md.bak").read_bytes() == CLEAN.read_bytes()  # the original, kept
    assert run_cli("render", str(target), "--check").returncode == 0
    seed = tmp_path / "seed.md"
    shutil.copy(SEED, seed)
    refused = run_cli("render", str(seed), "--in-place", "--fix")
    assert refused.returncode == 2 and "not rewritten in place" in refused.stderr
    assert seed.read_bytes() == SEED.read_bytes()


def test_xlsx_in_place_and_check(tmp_path: Path) -> None:
    book = tmp_path / "x.xlsx"
    shutil.copy(SAMPLES / "formats" / "lianjiang-clean.xlsx", book)
    assert run_cli("render", str(book), "--check").returncode == 1
    diff = run_cli("render", str(book), "--diff")
    assert "+绩效目标表!C5 = 278.55 [#,##0.00]" in diff.stdout  # under its sub-header row, as printed
    assert run_cli("render", str(book), "--in-place").returncode == 0
    assert run_cli("render", str(book), "--check").returncode == 0  # rendering is reproducible to the byte


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "xlsx"], "binary format"),
        (["-o", "{input}"], "refusing to overwrite"),
        (["--in-place", "-o", "x.md"], "--in-place"),
        (["--with-findings", "--to", "markdown"], "--with-findings"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    source = tmp_path / "in.md"
    shutil.copy(CLEAN, source)
    result = run_cli("render", str(source), *[a.replace("{input}", str(source)) for a in args])
    assert result.returncode == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_outputs_by_suffix_json_and_stdin(tmp_path: Path) -> None:
    runner = CliRunner()
    for suffix in ("xlsx", "html", "json", "csv", "md"):
        out = tmp_path / f"out.{suffix}"
        assert runner.invoke(cli, ["render", str(CLEAN), "-o", str(out)]).exit_code == 0
    assert (tmp_path / "out.xlsx").read_bytes()[:2] == b"PK"
    assert (tmp_path / "out.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbffile,table,kind")  # BOM for Excel
    model = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert model["department"] == "廉江市残疾人联合会" and len(model["indicators"]) == 27
    piped = runner.invoke(cli, ["render", "-", "--to", "md"], input=CLEAN.read_text(encoding="utf-8"))
    assert piped.exit_code == 0 and piped.output == canonical(CLEAN)


def test_with_findings_shows_validate_findings(tmp_path: Path) -> None:
    if not hasattr(perftable, "validate") and "validate" not in dir(perftable):
        result = run_cli("render", str(CLEAN), "--with-findings", "-o", str(tmp_path / "x.html"))
        assert result.returncode == 2 and "perftable.validate" in result.stderr
        return
    out = tmp_path / "seed.html"
    result = run_cli("render", str(SEED), "--with-findings", "-o", str(out))
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert '<div class="note error">I003' in page  # the lost satisfaction value, next to its cell


def test_formats_that_cannot_be_rewritten_in_place_are_refused(tmp_path: Path) -> None:
    for name in ("lianjiang-clean.csv", "lianjiang-clean.xls", "lianjiang-clean.ods"):
        target = tmp_path / name
        shutil.copy(SAMPLES / "formats" / name, target)
        result = run_cli("render", str(target), "--in-place")
        assert result.returncode == 2 and "use -o" in result.stderr
        assert target.read_bytes() == (SAMPLES / "formats" / name).read_bytes()


def test_several_tables_render_and_read_back_together(tmp_path: Path) -> None:
    docs = perftable.load_all(CLEAN) + perftable.load_all(SAMPLES / "central-project" / "jiance-2025.html")
    for fmt, suffix in (("markdown", ".md"), ("html", ".html"), ("xlsx", ".xlsx")):
        data = render(docs, fmt)  # type: ignore[arg-type]
        path = tmp_path / f"both{suffix}"
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        back = perftable.load_all(path)
        assert [d.project or d.department for d in back] == ["廉江市残疾人联合会", "大气环境监测站点建设"], (
            fmt
        )
        assert [content(d) for d in back] == [content(d) for d in docs], fmt


def test_text_formats_import_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from perftable.cli import main\n"
        f"for args in (['render', {str(CLEAN)!r}, '--to', 'md'], ['render', {str(CLEAN)!r}, '--to', 'html'],"
        f" ['diff', {str(CLEAN)!r}, {str(CLEAN)!r}]):\n"
        "    try:\n        main(args)\n    except SystemExit:\n        pass\n"
        "print('HEAVY:' + ','.join(m for m in ('pandas', 'openpyxl', 'rich') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "HEAVY:"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help_with_examples(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "Example" in result.output
    assert f"`{'perftable ' + command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_output_file_takes_one_input(tmp_path: Path) -> None:
    result = run_cli("render", str(SAMPLES / "shanghai-project"), "-o", str(tmp_path / "x.md"))
    assert result.returncode == 2 and "-o takes one input file" in result.stderr
    assert not (tmp_path / "x.md").exists()
