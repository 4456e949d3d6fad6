"""The rule unit and its catalog. A rule declares typed options (:class:`perftable.rules.base.Option`); the
configuration is checked against them once, when it is read; a profile presets some of them; the engine gives each
rule its options typed and one :class:`perftable.rules.facts.Facts` per document, worked out once; a rule leaves a
problem to another without knowing whether it runs; the catalog is a static registry keyed by each module's code,
in which P001 and S001 are the engine's own findings (documented and configured as rules are, with no ``check``)."""

from __future__ import annotations

import ast
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from perftable.check import engine
from perftable.check.config import Config, from_mapping, read_file
from perftable.check.engine import check_document, check_file
from perftable.cli import cli
from perftable.errors import ConfigError
from perftable.loader import loads
from perftable.rules import CATALOG, ENGINE_FINDINGS, RULES, _links, _sums, resolve_rule
from perftable.rules import _indicators as indicators_module
from perftable.rules.base import EngineFinding, Option, Rule
from perftable.rules.profiles import PROFILES

RULES_DIR = Path(__file__).resolve().parent.parent / "src" / "perftable" / "rules"
CASES = Path(__file__).parent / "rules"


# --- options checked once, when the configuration is read --------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("[rules.B001]\ntolerance = 'abc'\n", "rules.B001.tolerance: expected a decimal number, got 'abc'"),
        (
            "[rules.B001]\ntolerance = -1\n",
            "rules.B001.tolerance: expected a decimal number at least 0, got -1",
        ),
        ("[rules.I013]\nmax_length = 1.5\n", "rules.I013.max_length: expected an integer, got 1.5"),
        ("[rules.I013]\nmax_length = true\n", "rules.I013.max_length: expected an integer, got True"),
        (
            "[rules.X001]\nmin_similarity = 2\n",
            "rules.X001.min_similarity: expected a number from 0 to 1, got 2",
        ),
        ("[rules.I010]\nwords = '资金'\n", "rules.I010.words: expected a list of strings, got '资金'"),
        (
            "[rules.I010]\nwords = ['资金', 3]\n",
            "rules.I010.words: expected a list of strings, got ['资金', 3]",
        ),
        (
            "[rules.I005]\nalternate_parents = 'yes'\n",
            "rules.I005.alternate_parents: expected true or false, got 'yes'",
        ),
        (
            "[rules.expenditure-sum]\ntolerence = 1\n",
            "rules.expenditure-sum: unknown option 'tolerence' (options of B001: tolerance)",
        ),
        ("[rules.P001]\nreason = 'x'\n", "rules.P001: unknown option 'reason' (options of P001: none)"),
    ],
)
def test_a_wrong_option_is_an_error_naming_the_file_the_rule_and_the_option(
    tmp_path: Path, table: str, message: str
) -> None:
    path = tmp_path / "perftable.toml"
    path.write_text(table, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        read_file(path)
    assert str(error.value) == f"{path}: {message}"


def test_the_cli_reports_a_wrong_option_type_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "perftable.toml").write_text("[rules.U007]\nfloor = '很高'\n", encoding="utf-8")
    table = tmp_path / "t.md"
    table.write_text("| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(table)])
    assert result.exit_code == 2
    assert (
        f"{tmp_path / 'perftable.toml'}: rules.U007.floor: expected a decimal number, got '很高'"
        in result.output
    )


def test_configured_values_reach_the_rule_as_their_declared_type() -> None:
    config = from_mapping(
        {
            "tolerance": "0.5",
            "rules": {
                "X001": {"min_similarity": 1, "relative_tolerance": 0.05},
                "I010": {"words": ["资金"]},
                "U007": {"floor": 90},
            },
        }
    )
    options = {active.rule.code: active.options["department"] for active in engine.active_rules(config)}
    assert options["B001"]["tolerance"] == Decimal("0.5") and isinstance(
        options["B001"]["tolerance"], Decimal
    )
    assert options["X001"] == {"min_similarity": 1.0, "relative_tolerance": Decimal("0.05")}
    assert isinstance(options["X001"]["min_similarity"], float)
    assert options["I010"]["words"] == ("资金",) and options["U007"]["floor"] == Decimal(90)
    assert options["I013"] == {"max_length": 100}  # not configured: the declared default


def test_a_configuration_built_in_code_is_typed_too() -> None:
    """``Config(rule_options=…)`` skips the file reader: the engine checks its values against the same options."""
    typed = engine.active_rules(Config(rule_options={"U007": {"floor": "85"}}))
    (floor,) = [active.options["local"]["floor"] for active in typed if active.rule.code == "U007"]
    assert floor == Decimal(85)
    with pytest.raises(ConfigError, match=r"rules\.U007\.floor: expected a decimal number, got 'x'"):
        engine.active_rules(Config(rule_options={"U007": {"floor": "x"}}))


def test_every_option_is_declared_typed_with_a_default_of_its_type_and_a_doc_in_both_languages() -> None:
    for entry in CATALOG.values():
        for name, option in entry.options.items():
            assert isinstance(option, Option), (entry.code, name)
            assert option.default is None or option.parse(option.default) == option.default, (
                entry.code,
                name,
            )
            assert set(option.doc) == {"zh", "en"} and all(option.doc.values()), (entry.code, name)


# --- the catalog shows them ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "en",
            "  - tolerance (decimal, default: none, at least 0): how far amounts may differ (in the amounts' unit); "
            "when not set, half a unit of the last printed decimal. The configuration's top-level tolerance sets "
            "it for every budget rule",
        ),
        (
            "zh",
            "  - tolerance（小数，默认：无，不小于 0）：金额允许相差多少（与金额同一单位）；未设时为所印最后一位小数的半个单位。"
            "配置顶层的 tolerance 对所有预算规则生效",
        ),
    ],
)
def test_rules_command_shows_an_options_type_default_and_doc(lang: str, line: str) -> None:
    result = CliRunner().invoke(cli, ["rules", "B001", "--lang", lang])
    assert result.exit_code == 0
    assert result.output.endswith(f"Options:\n{line}\n")


def test_rules_command_shows_list_and_number_options() -> None:
    text = CliRunner().invoke(cli, ["rules", "X001", "--lang", "en"]).output
    assert "  - min_similarity (number, default: 0.5, from 0 to 1): how alike two names must be" in text
    assert "  - relative_tolerance (decimal, default: 0.01, at least 0): " in text
    text = CliRunner().invoke(cli, ["rules", "I001"]).output
    assert '  - categories（文字列表，默认：["产出指标", "效益指标", "满意度指标"]）：' in text
    assert CliRunner().invoke(cli, ["rules", "P001"]).output.endswith("Options: -\n")


def test_rules_json_gives_each_options_type_default_and_doc() -> None:
    data = json.loads(CliRunner().invoke(cli, ["rules", "U007", "--format", "json", "--lang", "en"]).output)
    assert data["options"] == {
        "floor": {
            "type": "decimal",
            "default": "80",
            "minimum": "0",
            "maximum": "100",
            "doc": "the lowest satisfaction target (%) that is not reported",
        }
    }


# --- profiles are presets of rule options ----------------------------------------------------------------------


def test_every_preset_names_a_declared_option_with_a_value_of_its_type_that_differs_from_the_default() -> (
    None
):
    """A profile presets options; it names only what its layout changes (the defaults stay in the rules)."""
    for profile in PROFILES.values():
        for code, values in profile.options.items():
            rule = RULES[code]
            for name, value in values.items():
                assert name in rule.options, (profile.name, code, name)
                assert rule.options[name].parse(value) == value, (profile.name, code, name)
                assert value != rule.options[name].default, (profile.name, code, name)


def test_a_profile_sets_options_and_the_configuration_wins() -> None:
    project = "# 2024年项目支出绩效目标表\n| 项目名称 | 道路改造 |  |  |\n|---|---|---|---|\n| 年度资金总额 | 100 |  |  |\n"
    (doc,) = loads(project)
    shanghai = Config(select=("M001",), profile="shanghai-project")
    assert [f.params["field"] for f in check_document(doc, shanghai)] == [
        "主管部门",
        "实施单位",
        "项目期限",
        "项目类别",
    ]
    chosen = Config(
        select=("M001",), profile="shanghai-project", rule_options={"M001": {"required": ("主管部门",)}}
    )
    assert [f.params["field"] for f in check_document(doc, chosen)] == ["主管部门"]
    assert check_document(doc, Config(select=("M001",), profile="project")) == []


def test_the_catalog_reads_rule_metadata_not_a_rules_internals() -> None:
    """cli/catalog.py imports the catalog, not a rule module (what it shows of M001 comes through rule metadata)."""
    source = (RULES_DIR.parent / "cli" / "catalog.py").read_text(encoding="utf-8")
    modules = {
        node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert not any(re.match(r"perftable\.rules\.[a-z]\d{3}_", module) for module in modules), modules
    assert "项目期限" in resolve_rule("M001").labels


# --- facts: worked out once per document -----------------------------------------------------------------------

COSTS = (CASES / "X001").glob("fail-*.md")


def test_cost_links_and_effective_targets_are_worked_out_once_per_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found, targets = [], []
    original_find, original_target = _links.find, indicators_module.effective_target

    def counting_find(*args: object) -> object:
        found.append(1)
        return original_find(*args)  # type: ignore[arg-type]

    def counting_target(indicator: object) -> object:
        targets.append(1)
        return original_target(indicator)  # type: ignore[arg-type]

    monkeypatch.setattr(_links, "find", counting_find)
    monkeypatch.setattr("perftable.rules.facts.effective_target", counting_target)
    path = next(iter(sorted(COSTS)))
    (doc,) = loads(path.read_text(encoding="utf-8"))
    findings = check_document(doc, Config(select=("X001", "X002", "B008")))
    assert findings and len(found) == 1  # X001 and B008 follow the same links (one similarity threshold)
    assert len(targets) == len(doc.indicators)  # X001, X002 and B008 all read them


def test_budget_sums_are_worked_out_once_for_b001_to_b003(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    for code, sums in list(_sums.SUMS.items()):
        monkeypatch.setitem(
            _sums.SUMS, code, lambda doc, tol, code=code, sums=sums: calls.append(code) or sums(doc, tol)
        )
    path = CASES / "B001" / "fail-yuan.md"
    report = check_file(path, Config(select=("B001", "B002", "B003")))
    assert [f.code for f in report.findings] == ["B001"]
    assert sorted(calls) == ["B001", "B002", "B003"]


# --- a rule leaves a finding to another without knowing whether it runs -----------------------------------------


def test_x001_leaves_a_cost_above_the_tasks_funds_to_b008_when_it_runs(tmp_path: Path) -> None:
    table = tmp_path / "t.md"
    table.write_text(
        "| 部门名称 | 某局 |  |  |  |\n|---|---|---|---|---|\n"
        "| 年度重点工作任务 | 名称 | 主要实施内容 | 拟投入的资金(万元) | 期望达到的目标 |\n"
        "|  | 任务1: 残疾人家庭无障碍改造 | 改造 | 10 | 完成 |\n"
        "| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
        "|  | 产出指标 | 数量指标 | 残疾人家庭无障碍改造户数 | 240户 |\n"
        "|  |  | 成本指标 | 残疾人家庭无障碍改造补助 | 600元/户 |\n",
        encoding="utf-8",
    )
    codes = [f.code for f in check_file(table, Config(select=("X001", "B008"))).findings]
    assert codes == ["B008"]
    assert [f.code for f in check_file(table, Config(select=("X001",))).findings] == ["X001"]


# --- the catalog: a static registry; P001 and S001 are the engine's own findings -------------------------------


def test_the_registry_keys_every_rule_module_by_its_code() -> None:
    modules = sorted(path.stem for path in RULES_DIR.glob("[a-z][0-9][0-9][0-9]_*.py"))
    assert sorted(CATALOG) == [module[:4].upper() for module in modules]
    assert list(CATALOG) == sorted(CATALOG)


def test_p001_and_s001_are_engine_findings_not_rules() -> None:
    assert set(ENGINE_FINDINGS) == {"P001", "S001"} and not set(ENGINE_FINDINGS) & set(RULES)
    for code in ("P001", "S001"):
        entry = resolve_rule(code)
        assert (
            isinstance(entry, EngineFinding) and not isinstance(entry, Rule) and not hasattr(entry, "check")
        )
    assert all(isinstance(rule, Rule) for rule in RULES.values())


def test_an_engine_finding_is_selected_and_ignored_as_a_rule_is(tmp_path: Path) -> None:
    table = tmp_path / "t.md"
    table.write_text(
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|\n"
        "<!-- perftable: disable-next-line U001 -->\n| 产出指标 | 数量指标 | 培训人数 | 200人 |\n",
        encoding="utf-8",
    )
    assert [f.code for f in check_file(table, Config(select=("S001", "U001"))).findings] == ["S001"]
    assert check_file(table, Config(select=("U001",))).findings == []
    assert check_file(table, Config(ignore=("unused-suppression",), select=("S", "U001"))).findings == []
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    (finding,) = check_file(empty, Config(select=("B001",), severity={"P001": "warning"})).findings
    assert (finding.code, finding.severity, finding.message) == ("P001", "warning", "文件为空")


def test_every_message_is_filled_one_way_and_a_broken_template_shows_its_values() -> None:
    from perftable.messages import Localized, fill

    assert (
        fill("「{name}」为 {value}", {"name": "道路", "value": Localized("良", "good")}, "en")
        == "「道路」为 good"
    )
    assert fill("{missing} here", {"name": "x"}, "zh") == "{missing} here {'name': 'x'}"


def test_x002_names_the_indicator_the_words_beside_the_number_name() -> None:
    import perftable
    from perftable.check.config import Config
    from perftable.check.engine import check_document

    (doc,) = perftable.load_all("tests/rules/X002/fail-a-listed-thing-with-another-number.md")
    (finding,) = [f for f in check_document(doc, Config(lang="en")) if f.code == "X002"]
    assert finding.params["name"] == "新建多功能运动场数量" and finding.params["mention"] == "6个"
