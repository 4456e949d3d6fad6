"""The command line: output, files, errors (one line, exit 2, never a traceback) and start-up cost."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import perftable
from perftable.cli import cli

from .conftest import SAMPLES
from .invoke import run_cli

SEED = SAMPLES / "guangdong-department" / "lianjiang-2024.md"


def test_parse_prints_one_object_for_one_table() -> None:
    result = run_cli("parse", str(SEED))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["department"] == "廉江市残疾人联合会"
    assert data["budget"][0]["amount"] == "278.55"
    assert "廉江市" in result.stdout  # Chinese is not escaped


def test_parse_array_jsonl_and_output_file(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["parse", str(SEED), "--array", "--compact"])
    assert result.exit_code == 0
    assert isinstance(json.loads(result.output), list)
    result = runner.invoke(
        cli, ["parse", str(SEED), str(SAMPLES / "shanghai-project" / "lanxilu-2026.csv"), "--jsonl"]
    )
    lines = result.output.splitlines()
    assert [json.loads(line)["kind"] for line in lines] == ["department", "project"]
    out = tmp_path / "out.json"
    result = runner.invoke(cli, ["parse", str(SEED), "-o", str(out)])
    assert result.exit_code == 0 and result.output == ""
    assert json.loads(out.read_text(encoding="utf-8"))["year"] == 2024


def test_parse_directory_gives_an_array() -> None:
    result = CliRunner().invoke(cli, ["parse", str(SAMPLES / "shanghai-project"), "--compact"])
    assert result.exit_code == 0
    assert len(json.loads(result.output)) == 3


def test_parse_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    copy = tmp_path / "seed.md"
    copy.write_bytes(SEED.read_bytes())
    result = run_cli("parse", str(copy), "-o", str(copy))
    assert result.returncode == 2
    assert "refusing to overwrite" in result.stderr
    assert copy.read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize("command", [["parse"], ["render", "--fix"], ["export"]])
def test_output_into_a_missing_directory_is_a_usage_error(tmp_path: Path, command: list[str]) -> None:
    out = tmp_path / "missing" / "out.json"
    result = run_cli(*command, str(SEED), "-o", str(out))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "missing" in result.stderr
    assert not out.parent.exists()


def test_english_repair_messages() -> None:
    result = CliRunner().invoke(cli, ["parse", str(SEED), "--lang", "en"])
    data = json.loads(result.output)
    assert any("realigned" in warning["message"] for warning in data["warnings"])


def test_schema_is_json_schema() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    schema = json.loads(result.output)
    assert schema["title"] == "Document"
    assert {"kind", "budget", "indicators", "warnings"} <= set(schema["properties"])


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    files = {
        "empty": tmp / "empty.md",
        "prose": tmp / "prose.md",
        "other-table": tmp / "other.md",
        "garbage": tmp / "garbage.md",
        "truncated-xlsx": tmp / "truncated.xlsx",
        "not-a-zip-xlsx": tmp / "fake.xlsx",
        "undecodable": tmp / "undecodable.csv",
        "missing": tmp / "missing.md",
    }
    files["empty"].write_bytes(b"")
    files["prose"].write_text("这是一段说明文字，没有任何表格。\n\n第二段。\n", encoding="utf-8")
    files["other-table"].write_text("| 科目 | 金额 |\n|---|---|\n| 工资福利支出 | 100 |\n", encoding="utf-8")
    files["garbage"].write_bytes(bytes(range(256)) * 4)
    files["truncated-xlsx"].write_bytes((SAMPLES / "formats" / "lianjiang-clean.xlsx").read_bytes()[:1500])
    files["not-a-zip-xlsx"].write_text("not a workbook", encoding="utf-8")
    files["undecodable"].write_bytes(b"\xff\xfe\xfa\x80\x81" * 50 + b"\x00\x01")
    return files


@pytest.mark.parametrize(
    "case",
    [
        "empty",
        "prose",
        "other-table",
        "garbage",
        "truncated-xlsx",
        "not-a-zip-xlsx",
        "undecodable",
        "missing",
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(case: str, tmp_path: Path) -> None:
    path = _bad_inputs(tmp_path)[case]
    result = run_cli("parse", str(path))
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0], result.stderr
    assert result.stdout == ""


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    result = run_cli("parse", str(empty), str(SEED), "--compact")
    assert result.returncode == 2
    assert json.loads(result.stdout)[0]["department"] == "廉江市残疾人联合会"


def test_version_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from perftable.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pandas', 'openpyxl', 'python_calamine', 'pydantic', 'rich') if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[0] == "perftable, version 0.1.0"
    assert result.stdout.splitlines()[-1] == "HEAVY:"


def test_parsing_markdown_does_not_import_spreadsheet_libraries() -> None:
    code = (
        "import sys, perftable\n"
        f"perftable.load({str(SEED)!r})\n"
        "print(','.join(m for m in ('pandas', 'openpyxl', 'python_calamine') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_zip_bomb_like_member_is_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "odd.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    result = run_cli("parse", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_repairs_are_data_and_their_messages_follow_the_language_asked_for(tmp_path: Path) -> None:
    """A repair keeps its kind and parameters; its message is rendered when shown: Chinese by default, English
    in ``parse --lang en`` (the model is not rewritten for it)."""
    doc = perftable.load(SEED)
    repair = doc.warnings[0]
    assert repair.message == repair.text("zh") != repair.text("en")
    english = json.loads(CliRunner().invoke(cli, ["parse", str(SEED), "--lang", "en"]).output)
    chinese = json.loads(CliRunner().invoke(cli, ["parse", str(SEED)]).output)
    assert english["warnings"][0]["message"] == repair.text("en")
    assert chinese["warnings"][0]["message"] == repair.text("zh")
    assert english["warnings"][0]["params"] == chinese["warnings"][0]["params"] == repair.params
