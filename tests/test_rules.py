"""Every rule on its own cases: data files under tests/rules/<CODE>/ (``pass-*`` must give no finding of that rule,
``fail-*`` must give exactly the findings their ``<!-- expect: … -->`` comment lists, each at its line and column and
with its message variant; tests/rules/README.md), and the examples in each rule's docstring (``Passing::`` /
``Failing::``), so that the documentation cannot lie."""

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

# An expected finding: CODE:LINE:COLUMN/variant, as :func:`expected_form` writes a finding (B001:6:10/decimal).
_TOKEN = re.compile(r"^[A-Z]\d{3}(?::\d+(?::\d+)?)?(?:/[\w-]+)?$")

# Cases that cannot hold a comment (an empty file), and what they expect.
UNCOMMENTED = {"P001/fail-empty.md": "P001/empty"}

# Cases whose findings are not where (or not what) they should be. The case's comment says what is right; until the
# finding is, the case holds it to what it gives today (so that it still catches any other change), and
# test_rule_case_where_it_is_wrong_today fails once it is right (then take it off this list).
WRONG: dict[str, tuple[str, str]] = {}  # none today; an entry is (what is found today, why it is wrong)


def case_files() -> list[Path]:
    return sorted(path for path in CASES.rglob("*") if path.is_file() and path.name != "README.md")


def case_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def run_case(path: Path, code: str) -> list[Finding]:
    text = path.read_text(encoding="utf-8") if path.stat().st_size else ""
    select = _SELECT.search(text)
    profile = _CONFIG.search(text)
    config = Config(
        select=tuple(select[1].split()) if select else (code,), profile=profile[1] if profile else None
    )
    return check_file(path, config).findings


def expected_form(finding: Finding) -> str:
    """A finding as an expectation writes it: its code, its line and column where it has them, and its message
    variant unless that is the rule's only one (``default``)."""
    where = "".join(f":{n}" for n in (finding.location.line, finding.location.column) if n is not None)
    return finding.code + where + ("" if finding.variant == "default" else f"/{finding.variant}")


def expectations(path: Path) -> list[str] | None:
    """The expected findings a case lists, or ``None`` where it lists none."""
    if case_id(path) in UNCOMMENTED:
        return UNCOMMENTED[case_id(path)].split()
    text = path.read_text(encoding="utf-8") if path.stat().st_size else ""
    expect = _EXPECT.search(text)
    return None if expect is None else expect[1].split()


def _compare(path: Path, tokens: list[str], got: list[str]) -> None:
    missing, extra = list(tokens), []
    for token in got:
        if token in missing:
            missing.remove(token)
        else:
            extra.append(token)
    assert not missing and not extra, f"{case_id(path)}: missing {missing}, not expected {extra} (got {got})"


def _found(path: Path) -> list[str]:
    return sorted(expected_form(f) for f in run_case(path, path.parent.name) if f.code == path.parent.name)


@pytest.mark.parametrize("path", case_files(), ids=case_id)
def test_rule_case(path: Path) -> None:
    code = path.parent.name
    got = _found(path)
    tokens = expectations(path)
    if path.name.startswith("pass-"):
        assert not got and not tokens, f"{case_id(path)}: unexpected {got}"
        return
    assert tokens, f"{case_id(path)}: a failing case lists what it expects (<!-- expect: {' '.join(got)} -->)"
    bad = [token for token in tokens if not _TOKEN.match(token) or not token.startswith(code)]
    assert not bad, f"{case_id(path)}: bad expectation {bad} (CODE:LINE:COLUMN/variant, CODE being {code})"
    _compare(path, WRONG[case_id(path)][0].split() if case_id(path) in WRONG else tokens, got)


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=why))
        for case, (_, why) in WRONG.items()
    ],
)
def test_rule_case_where_it_is_wrong_today(case: str) -> None:
    path = CASES / case
    _compare(path, expectations(path) or [], _found(path))


def test_the_wrong_and_uncommented_cases_exist() -> None:
    names = {case_id(path) for path in case_files()}
    assert set(WRONG) <= names and set(UNCOMMENTED) <= names


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
