"""An output's name and its format agree: ``-o x.xlsx`` holds a workbook, never HTML or text. The format follows
the suffix when no option names one, and an option that asks for another format than the suffix names is refused
with a message saying both (exit 2, nothing written). A suffix that names no format (``.txt``, none) takes what
the options ask for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import SAMPLES
from .invoke import run_cli

XLSX = SAMPLES / "formats" / "lianjiang-clean.xlsx"
CLEAN = SAMPLES / "formats" / "lianjiang-clean.md"
# What a file of each format begins with.
MAGIC = {
    "xlsx": b"PK\x03\x04",
    "html": b"<!DOCTYPE html>",
    "json": b"{",
    "markdown": b"## ",
    "csv": b"\xef\xbb\xbf",
}
SUFFIX = {"xlsx": ".xlsx", "html": ".html", "json": ".json", "markdown": ".md", "csv": ".csv"}
# Each command, the options that choose each of its formats, and the formats its -o suffix can name.
RENDER = {"markdown": ["--to", "md"], "xlsx": ["--to", "xlsx"], "html": ["--to", "html"], "json": ["--to", "json"],
          "csv": ["--to", "csv"], "findings": ["--with-findings"]}  # fmt: skip
DIFF = {"markdown": ["--format", "markdown"], "xlsx": ["--format", "xlsx"], "html": ["--format", "html"],
        "json": ["--format", "json"]}  # fmt: skip
EXPORT = {"csv": ["--format", "csv"], "xlsx": ["--format", "xlsx"]}
COMMANDS = {"render": (["render", str(XLSX)], RENDER), "diff": (["diff", str(XLSX), str(CLEAN)], DIFF),
            "export": (["export", str(XLSX)], EXPORT)}  # fmt: skip
CONFLICTS = [
    (command, chosen, named)
    for command, (_, formats) in COMMANDS.items()
    for chosen in formats
    for named in formats
    if named not in (chosen, "findings") and not (chosen == "findings" and named == "html")
]


@pytest.mark.parametrize(("command", "chosen", "named"), CONFLICTS, ids=lambda v: str(v))
def test_an_option_and_a_suffix_that_disagree_are_refused(
    command: str, chosen: str, named: str, tmp_path: Path
) -> None:
    args, formats = COMMANDS[command]
    out = tmp_path / f"out{SUFFIX[named]}"
    result = run_cli(*args, *formats[chosen], "-o", str(out))
    assert result.returncode == 2, result
    option = " ".join(formats[chosen])
    assert (
        result.stderr.startswith(f"perftable: error: {option} writes ")
        and f"{out} is named as" in result.stderr
    )
    assert "Traceback" not in result.stderr and not out.exists()


def test_with_findings_into_a_workbook_is_refused_with_its_reason(tmp_path: Path) -> None:
    result = run_cli("render", str(XLSX), "--with-findings", "-o", str(tmp_path / "wf.xlsx"))
    assert result.returncode == 2 and result.stderr == (
        f"perftable: error: --with-findings writes html, but the output {tmp_path / 'wf.xlsx'} is named as xlsx: "
        "name it wf.html, or leave out --with-findings to write xlsx\n"
    )


@pytest.mark.parametrize(
    ("command", "named"),
    [
        (command, named)
        for command, (_, formats) in COMMANDS.items()
        for named in formats
        if named != "findings"
    ],
)
def test_the_format_follows_the_suffix(command: str, named: str, tmp_path: Path) -> None:
    args, _ = COMMANDS[command]
    out = tmp_path / f"out{SUFFIX[named]}"
    result = run_cli(*args, "-o", str(out))
    assert result.returncode in (0, 1), result.stderr
    data = out.read_bytes()
    assert data.startswith(MAGIC["json"] if command == "diff" and named == "json" else MAGIC[named]), data[
        :40
    ]
    if named == "json":
        json.loads(data)


@pytest.mark.parametrize("name", ["review.txt", "review"])
def test_a_name_that_says_no_format_takes_the_options(name: str, tmp_path: Path) -> None:
    out = tmp_path / name
    assert run_cli("render", str(XLSX), "--with-findings", "-o", str(out)).returncode == 0
    assert out.read_bytes().startswith(MAGIC["html"])
