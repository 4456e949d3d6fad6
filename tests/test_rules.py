"""Every rule on its own cases: data files under tests/rules/<CODE>/ (``pass-*`` must give no finding of that rule,
``fail-*`` must give the findings their ``<!-- expect: … -->`` comment lists), and the examples in each rule's
docstring (``Passing::`` / ``Failing::``), so that the documentation cannot lie."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from perftable.check.config import Config
from perftable.check.engine import check_file
from perftable.findings import Finding
from perftable.rules import CATALOG, all_rules
from perftable.rules.base import Entry

CASES = Path(__file__).parent / "rules"
_EXPECT = re.compile(r"<!--\s*expect:\s*([^>]*?)\s*-->")
_SELECT = re.compile(r"<!--\s*select:\s*([^>]*?)\s*-->")
_CONFIG = re.compile(r"<!--\s*config:\s*profile=([\w-]+)\s*-->")


def case_files() -> list[Path]:
    return sorted(path for path in CASES.rglob("*") if path.is_file())


# An expected finding: its code, and optionally its line (``B001:5``) and its message variant (``B001/decimal``).
_TOKEN = re.compile(r"^(?P<code>[A-Z]\d{3})(?::(?P<line>\d+))?(?:/(?P<variant>[\w-]+))?$")


def run_case(path: Path, code: str) -> list[Finding]:
    text = path.read_text(encoding="utf-8") if path.stat().st_size else ""
    select = _SELECT.search(text)
    profile = _CONFIG.search(text)
    config = Config(
        select=tuple(select[1].split()) if select else (code,), profile=profile[1] if profile else None
    )
    return check_file(path, config).findings


def _matches(token: str, finding: Finding) -> bool:
    match = _TOKEN.match(token)
    assert match, f"bad expectation {token!r}"
    return (
        finding.code == match["code"]
        and (match["line"] is None or finding.location.line == int(match["line"]))
        and (match["variant"] is None or finding.variant == match["variant"])
    )


@pytest.mark.parametrize("path", case_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_rule_case(path: Path) -> None:
    code = path.parent.name
    findings = [finding for finding in run_case(path, code) if finding.code == code]
    got = [f"{f.code}:{f.location.line}/{f.variant}" for f in findings]
    text = path.read_text(encoding="utf-8") if path.stat().st_size else ""
    expect = _EXPECT.search(text)
    if path.name.startswith("pass-"):
        assert not findings, f"{path.name}: unexpected {got}"
    elif expect is not None:
        tokens = expect[1].split()
        assert len(tokens) == len(findings), f"{path.name}: expected {tokens}, got {got}"
        unmatched = list(findings)
        for token in tokens:
            found = next((f for f in unmatched if _matches(token, f)), None)
            assert found is not None, f"{path.name}: expected {token}, got {got}"
            unmatched.remove(found)
    else:
        assert findings, f"{path.name}: expected {code}, got nothing"


def test_every_rule_has_a_passing_and_a_failing_case() -> None:
    for code in CATALOG:
        names = [path.name for path in (CASES / code).glob("*")] if (CASES / code).is_dir() else []
        assert any(n.startswith("pass-") for n in names), f"{code} has no passing case"
        assert any(n.startswith("fail-") for n in names), f"{code} has no failing case"


def examples(rule: Entry) -> dict[str, str]:
    """The ``Passing::`` and ``Failing …::`` blocks of a rule's documentation."""
    found: dict[str, str] = {}
    for match in re.finditer(r"^(Passing|Failing)[^\n]*::\n\n((?:    .*\n?|\n)+)", rule.doc + "\n", re.M):
        block = "\n".join(line[4:] for line in match[2].splitlines())
        found.setdefault(match[1], block.strip() + "\n")
    return found


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_documentation_examples_behave_as_documented(rule: Entry, tmp_path: Path) -> None:
    blocks = examples(rule)
    assert set(blocks) == {"Passing", "Failing"}, f"{rule.code} lacks a Passing:: or Failing:: example"
    for kind, text in blocks.items():
        path = tmp_path / f"{kind.lower()}.md"
        path.write_text(text, encoding="utf-8")
        codes = [
            finding.code for finding in check_file(path, Config()).findings
        ]  # every rule, as a user runs it
        if kind == "Passing":
            assert rule.code not in codes, f"{rule.code} passing example: {codes}"
        else:
            assert rule.code in codes, f"{rule.code} failing example: {codes}"


@pytest.mark.parametrize(
    ("case", "message"),
    [
        # the difference keeps the precision the table printed (1000.00, not 1000)
        (
            "fail-yuan.md",
            "基本支出(元) 2,785,500.00 + 项目支出(元) 9,950,700.00 = 12,736,200.00，"
            "但部门预算支出合计(元)为 12,737,200.00，相差 1,000.00元",  # one number format
        ),
        # parts in another unit than the whole: every amount carries its unit
        (
            "fail-mixed-units.md",
            "基本支出 400,000元 + 项目支出 50万元 = 90万元，但资金总额为 100万元，相差 10万元",
        ),
    ],
)
def test_budget_messages_show_printed_precision_and_units(case: str, message: str | None) -> None:
    report = check_file(CASES / "B001" / case, Config(select=("B001",)))
    (finding,) = report.findings
    assert finding.message == message, finding.message


@pytest.mark.parametrize(
    ("name", "value", "unit", "per", "per_unit"),
    [
        ("人均成本(元/人)", "≤500", "元", "人", True),
        ("人均培训费", "≤500元", "元", "人", True),
        ("每户补助(万元)", "1.5", "万元", "户", True),
        ("设备单价", "≤5万元", "万元", None, True),
        ("补助标准", "600元/户", "元", "户", True),
        ("设备购置费(万元)", "≤50", "万元", None, False),
        ("标准化建设成本", "≤50万元", "万元", None, False),
        ("项目总成本", "≤90万元", "万元", None, False),
    ],
)
def test_effective_target_takes_the_unit_of_the_name(
    name: str, value: str, unit: str, per: str | None, per_unit: bool
) -> None:
    from perftable.loader import loads
    from perftable.rules._indicators import effective_target, is_per_unit

    table = f"| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|\n| 产出指标 | 成本指标 | {name} | {value} |\n"
    (indicator,) = loads(table)[0].indicators
    target = effective_target(indicator)
    assert (target.unit, target.per, is_per_unit(indicator)) == (unit, per, per_unit)


def test_effective_target_is_worked_out_per_name_and_unit_not_per_shared_target() -> None:
    """Indicators with the same printed value share one parsed Target; each still gets its own effective one."""
    from perftable.model import Indicator, Location
    from perftable.rules._indicators import effective_target
    from perftable.values.targets import parse_target

    shared = parse_target("≤500")
    where = Location(file="t.md", line=3)

    def indicator(name: str, unit: str) -> Indicator:
        return Indicator(level1="成本指标", level2="经济成本指标", name=name, value="≤500", unit=unit,
                         target=shared, location=where)  # fmt: skip

    per_person, total = indicator("人均成本", "元/人"), indicator("设备购置费", "万元")
    assert (effective_target(per_person).unit, effective_target(per_person).per) == ("元", "人")
    assert (effective_target(total).unit, effective_target(total).per) == ("万元", None)
    per_person.name, per_person.unit = "项目总成本", "万元"
    assert (effective_target(per_person).unit, effective_target(per_person).per) == ("万元", None)


def test_a_missing_core_category_is_an_error_and_a_missing_satisfaction_a_warning(tmp_path: Path) -> None:
    table = tmp_path / "t.md"
    table.write_text(
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|\n| 产出指标 | 数量指标 | 培训人数 | 200人 |\n",
        encoding="utf-8",
    )
    found = {(f.params["category"], f.severity) for f in check_file(table, Config(select=("I001",))).findings}
    assert found == {("效益指标", "error"), ("满意度指标", "warning")}
    chosen = Config(select=("I001",), rule_options={"I001": {"required": ("产出指标", "满意度指标")}})
    found = {(f.params["category"], f.severity) for f in check_file(table, chosen).findings}
    assert found == {("满意度指标", "error")}  # a category the configuration names is required
