"""The rule unit and its catalog: a static registry keyed by each module's code, in which P001 and S001 are the
engine's own findings (documented and configured as rules are, with no ``check``)."""

from __future__ import annotations

from pathlib import Path

from perftable.check.config import Config
from perftable.check.engine import check_file
from perftable.rules import CATALOG, ENGINE_FINDINGS, RULES, resolve_rule
from perftable.rules.base import EngineFinding, Rule

RULES_DIR = Path(__file__).resolve().parent.parent / "src" / "perftable" / "rules"


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
