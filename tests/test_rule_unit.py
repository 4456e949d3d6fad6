"""The rule unit and its catalog: what several rules need is worked out once per document
(:class:`perftable.rules.facts.Facts`), a rule leaves a problem to another without knowing whether it runs, and the
catalog is a static registry keyed by each module's code, in which P001 and S001 are the engine's own findings
(documented and configured as rules are, with no ``check``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from perftable.check.config import Config
from perftable.check.engine import check_document, check_file
from perftable.loader import loads
from perftable.rules import CATALOG, ENGINE_FINDINGS, RULES, _links, _sums, resolve_rule
from perftable.rules import _indicators as indicators_module
from perftable.rules.base import EngineFinding, Rule

RULES_DIR = Path(__file__).resolve().parent.parent / "src" / "perftable" / "rules"
CASES = Path(__file__).parent / "rules"


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
