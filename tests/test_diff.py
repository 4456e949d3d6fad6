"""``perftable diff``: each kind of change, equal tables in other formats, options, formats and exit codes."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

import perftable
from perftable.diff import DiffOptions, diff_documents, diff_files
from perftable.diff.match import similarity
from perftable.model import Document
from perftable.render.compare import xlsx_dump

from .conftest import ROOT, SAMPLES, Golden
from .invoke import run_cli

DATA = Path(__file__).parent / "data" / "diff"
OLD, NEW = DATA / "2023.md", DATA / "2024.md"
CLEAN = SAMPLES / "formats" / "lianjiang-clean.md"


def base() -> Document:
    return perftable.load(CLEAN)


def changes(old: Document, new: Document, **options: object) -> list[tuple[str, str, str, str | None]]:
    found = diff_documents(old, new, DiffOptions(**options))  # type: ignore[arg-type]
    return [(c.section, c.kind, c.key, c.detail) for c in found.changes]


@pytest.mark.parametrize(
    "other",
    [
        "formats/lianjiang-clean.xlsx",
        "formats/lianjiang-clean.html",
        "formats/lianjiang-clean.ods",
        "guangdong-department/lianjiang-2024.md",
    ],
)
def test_the_same_table_in_other_formats_is_equal(other: str) -> None:
    assert diff_files(CLEAN, SAMPLES / other).equal
    assert run_cli("diff", str(CLEAN), str(SAMPLES / other)).returncode == 0


def test_budget_amount_change_with_percent_and_epsilon() -> None:
    old, new = base(), base()
    new.budget[0].amount = Decimal("300.00")
    assert changes(old, new) == [
        ("budget", "changed", "基本支出", "278.55万元 → 300.00万元, +21.45 (+7.70%)")
    ]
    new.budget[0].amount = Decimal("278.56")
    assert changes(old, new, epsilon=Decimal("0.01")) == []


def test_amounts_compare_across_units() -> None:
    old, new = base(), base()
    new.budget[0].amount, new.budget[0].unit = Decimal("2785500"), "元"
    assert changes(old, new) == []


def test_budget_lines_added_and_removed() -> None:
    old, new = base(), base()
    removed = new.budget.pop(1)
    assert changes(old, new) == [("budget", "removed", removed.label, None)]
    assert changes(new, old) == [("budget", "added", removed.label, None)]


def test_unnamed_sources_pair_by_their_labels() -> None:
    text = (
        """| 项目名称 | 某工程 |
|---|---|
| 年度资金总额 | 100 |
| 其中：中央补助资金 | 50 |
| 省级配套资金 | 30 |
| 县级配套资金 | 20 |
"""
        + "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|\n| 产出指标 | 数量指标 | 里程 | 3公里 |\n"
    )
    (old,) = perftable.loads(text)
    (new,) = perftable.loads(text.replace("| 省级配套资金 | 30 |\n", "").replace("| 20 |", "| 50 |"))
    assert changes(old, new) == [
        ("budget", "changed", "县级配套资金", "20万元 → 50万元, +30 (+150.00%)"),
        ("budget", "removed", "省级配套资金", None),
    ]


def test_long_term_indicators_are_compared_as_a_section_of_their_own(tmp_path: Path) -> None:
    text = """| 项目名称 | 泵站建设 |  |  |  |
|---|---|---|---|---|
| 中期绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
|  | 产出指标 | 数量指标 | 新建泵站 | 3座 |
| 年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
|  | 产出指标 | 数量指标 | 新建泵站 | 1座 |
"""
    (old,) = perftable.loads(text)
    (new,) = perftable.loads(text.replace("3座", "4座"))
    assert changes(old, new) == [
        ("long_term_indicators", "changed", "产出指标 / 数量指标 / 新建泵站", "3座 → 4座, +1")
    ]
    assert changes(old, new, ignore=frozenset({"indicators"})) == []
    (tmp_path / "old.md").write_text(text, encoding="utf-8")
    (tmp_path / "new.md").write_text(text.replace("3座", "4座"), encoding="utf-8")
    result = run_cli("diff", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "--format", "html")
    assert result.returncode == 1 and "原: 3座" in result.stdout


def test_tasks_added_removed_and_funds_changed() -> None:
    old, new = base(), base()
    new.tasks[2].funds = Decimal(35)
    gone = new.tasks.pop(0)
    assert changes(old, new) == [
        ("tasks", "changed", "补充残疾儿童康复救助", "funds 30万元 → 35万元, +5 (+16.67%)"),
        ("tasks", "removed", gone.name, None),
    ]


def test_indicator_value_change_names_the_parsed_difference() -> None:
    old, new = base(), base()
    new.indicators[0] = perftable.loads(
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|\n| 产出指标 | 数量指标 | 贫困残疾人家庭无障碍改造工作户数 | 260户 |\n"
    )[0].indicators[0]
    assert changes(old, new) == [
        (
            "indicators",
            "changed",
            "产出指标 / 数量指标 / 贫困残疾人家庭无障碍改造工作户数",
            "240户 → 260户, +20",
        )
    ]


def test_equal_targets_written_differently_are_equal() -> None:
    old, new = base(), base()
    new.indicators[23].value = "≥90.0"
    assert changes(old, new) == []


def test_renamed_indicator_shows_its_similarity() -> None:
    old, new = base(), base()
    new.indicators[1].name = "社区康园中心数量(个)"
    report = diff_documents(old, new)
    (change,) = report.changes
    assert (change.kind, change.old, change.new, change.similarity) == (
        "renamed",
        "社区康园中心个数(个)",
        "社区康园中心数量(个)",
        0.91,
    )
    assert similarity("社区康园中心个数(个)", "社区康园中心数量(个)") == 0.91


def test_moved_indicator_and_unrelated_names() -> None:
    old, new = base(), base()
    new.indicators[0].level2 = "质量指标"
    new.indicators[5].name = "完全不同的一个指标名称"
    found = changes(old, new)
    assert found[0] == (
        "indicators",
        "changed",
        "产出指标 / 质量指标 / 贫困残疾人家庭无障碍改造工作户数",
        "level2 数量指标 → 质量指标",
    )
    assert {(s, k) for s, k, _, _ in found[1:]} == {("indicators", "added"), ("indicators", "removed")}


def test_goals_header_and_info_changes_and_ignore() -> None:
    old, new = base(), base()
    new.goals[9] = "做好残工委和上级单位交办的其他工作。"
    new.goals.append("完成残疾人辅具适配工作")
    new.department = "廉江市残联"
    new.info["下属二级单位数"] = "1"
    found = changes(old, new)
    assert [(s, k, key) for s, k, key, _ in found] == [
        ("document", "changed", "department"),
        ("info", "changed", "下属二级单位数"),
        ("goals", "changed", "目标10"),
        ("goals", "added", "目标11"),
    ]
    assert changes(old, new, ignore=frozenset({"goals", "info", "document"})) == []


def test_cli_exit_codes_and_summary_first() -> None:
    result = run_cli("diff", str(OLD), str(NEW))
    assert result.returncode == 1
    assert result.stdout.splitlines()[2].startswith("摘要: 表头 修改 2；基本信息 修改 1；预算 修改 1；")
    assert run_cli("diff", str(OLD), str(OLD)).returncode == 0
    missing = run_cli("diff", str(OLD), "nope.md")
    assert missing.returncode == 2 and missing.stderr.strip() == "perftable: error: nope.md: no such file"
    assert run_cli("diff", str(OLD), str(NEW), "--format", "xlsx").returncode == 2  # binary needs -o


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html", "xlsx"])
def test_diff_formats_match_golden(fmt: str, golden: Golden, in_root: Path, tmp_path: Path) -> None:
    out = tmp_path / f"diff.{fmt}"
    old, new = OLD.relative_to(ROOT), NEW.relative_to(ROOT)
    result = run_cli("diff", str(old), str(new), "--format", fmt, "-o", str(out))
    assert result.returncode == 1, result.stderr
    text = (
        "\n".join(xlsx_dump(out.read_bytes(), styles=True)) + "\n"
        if fmt == "xlsx"
        else out.read_text(encoding="utf-8")
    )
    golden.check(
        f"diff/2023-2024.{ {'markdown': 'md', 'text': 'txt', 'xlsx': 'xlsx.txt'}.get(fmt, fmt) }", text
    )


def test_html_and_xlsx_highlight_cells_in_the_form(tmp_path: Path) -> None:
    page = tmp_path / "d.html"
    run_cli("diff", str(OLD), str(NEW), "-f", "html", "-o", str(page))
    text = page.read_text(encoding="utf-8")
    assert '<td class="changed">260户<div class="note changed">原: 240户；+20</div></td>' in text
    assert '<td class="removed"><del>重度残疾人居家康复服务人数</del></td>' in text
    assert '<td class="added">任务5：残疾人辅具适配</td>' in text
    book = tmp_path / "d.xlsx"
    run_cli("diff", str(OLD), str(NEW), "-f", "xlsx", "-o", str(book))
    ws = load_workbook(io.BytesIO(book.read_bytes())).active
    assert ws is not None
    cells = {cell.value: cell for row in ws.iter_rows() for cell in row if cell.value is not None}
    assert cells["260户"].fill.fgColor.rgb.endswith("FFEB9C") and "原: 240户" in cells["260户"].comment.text
    assert cells["重度残疾人居家康复服务人数"].fill.fgColor.rgb.endswith("FFC7CE")
    assert cells["任务5：残疾人辅具适配"].fill.fgColor.rgb.endswith("C6EFCE")


def test_json_report_is_the_model(tmp_path: Path) -> None:
    result = run_cli("diff", str(OLD), str(NEW), "-f", "json")
    data = json.loads(result.stdout)
    assert data["tables"][0]["changes"][0] == {
        "section": "document",
        "kind": "changed",
        "key": "title",
        "old": "2024年市级部门整体预算绩效目标表",
        "new": "2025年市级部门整体预算绩效目标表",
        "detail": "2024年市级部门整体预算绩效目标表 → 2025年市级部门整体预算绩效目标表",
        "similarity": None,
        "fields": [],
        "old_index": None,
        "new_index": None,
        "old_location": None,
        "new_location": None,
    }


def _every_pair(old: list[str], new: list[str]) -> list[tuple[int, int, float]]:
    """The rename matching as it was, comparing every pair: the reference the indexed matching must equal."""
    from perftable.diff.match import RENAME_THRESHOLD, similarity

    scored = sorted(
        ((similarity(a, b), i, j) for i, a in enumerate(old) for j, b in enumerate(new)),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    pairs, used_old, used_new = [], set(), set()
    for score, i, j in scored:
        if score >= RENAME_THRESHOLD and i not in used_old and j not in used_new:
            pairs.append((i, j, score))
            used_old.add(i)
            used_new.add(j)
    return sorted(pairs, key=lambda pair: pair[1])


_NAME_CHARS = "培训基层调解员人数次率满意度公共文化服务体系建设完成时间"


@given(
    old=st.lists(st.text(_NAME_CHARS, min_size=1, max_size=12), max_size=25, unique=True),
    new=st.lists(st.text(_NAME_CHARS, min_size=1, max_size=12), max_size=25, unique=True),
)
def test_renames_found_through_the_index_are_those_every_pair_finds(old: list[str], new: list[str]) -> None:
    from perftable.diff.match import match

    found = match(old, new, [], name=lambda text: text)
    assert [(p.old, p.new, p.similarity) for p in found.pairs] == _every_pair(old, new)
