"""``perftable review``: the batch report in each format (the page's behaviour in a browser is
tests/test_review_browser.py), and the golden 审核意见 of two samples."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from perftable.cli import main
from tests.conftest import Golden

ROOT = Path(__file__).resolve().parent.parent
SEED = "samples/guangdong-department/lianjiang-2024.md"
PROJECT = "samples/shanghai-project/lanxilu-2026.md"


def review(*args: str) -> int:
    with pytest.raises(SystemExit) as stop:
        main(["review", "--isolated", "--no-progress", *args])
    return int(stop.value.code or 0)


@pytest.mark.parametrize("sample", [SEED, PROJECT])
def test_golden_review_opinion_in_word(sample: str, tmp_path: Path, in_root: Path, golden: Golden) -> None:
    from perftable.review.word import docx_text

    output = tmp_path / "审核意见.docx"
    assert review(sample, "-o", str(output)) == 0
    golden.check(f"review/{Path(sample).stem}.docx.txt", docx_text(output.read_bytes()))


def test_the_opinion_follows_the_four_criteria(tmp_path: Path, in_root: Path) -> None:
    output = tmp_path / "r.md"
    assert review(SEED, "-o", str(output)) == 0
    text = output.read_text(encoding="utf-8")
    heads = re.findall(r"^\*\*(.)、(...)：", text, re.M)
    assert heads == [("一", "完整性"), ("二", "相关性"), ("三", "适当性"), ("四", "可行性")]
    assert "评级：良（得分 81）" in text
    assert "- I003 指标「接受服务家庭对改造工作满意度(%)」" in text and "lianjiang-2024.md:52:92）" in text
    assert "审核建议：建议与单位协商" in text
    assert "P002" not in text.split("## 审核意见")[1]  # repairs that change nothing are no opinion


def test_html_report_is_one_self_contained_page(tmp_path: Path, in_root: Path) -> None:
    output = tmp_path / "review.html"
    assert review("samples/guangdong-department", "samples/shanghai-project", "-o", str(output)) == 0
    page = output.read_text(encoding="utf-8")
    assert page.count('<tr data-index="') == 4 and page.count('<section class="view"') == 4
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing fetched from the network
    assert "<script>" in page and "<style>" in page
    seed = page[page.index('<section class="view" id="t1">') : page.index('<section class="view" id="t2">')]
    cell = re.search(r'<td class="has-error[^"]*">(.*?)</td>', seed, re.S)
    assert cell is not None and "I003 指标「接受服务家庭对改造工作满意度(%)」" in cell.group(1)
    assert "一、完整性：指标不够完整" in seed


def test_html_report_in_english(tmp_path: Path, in_root: Path) -> None:
    output = tmp_path / "review.html"
    assert review(SEED, "-o", str(output), "--lang", "en") == 0
    page = output.read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "1. Completeness: the indicators are incomplete" in page
    assert "the indicator 「接受服务家庭对改造工作满意度(%)」" in page  # findings in English too


def test_what_a_table_holds_is_escaped(tmp_path: Path) -> None:
    table = tmp_path / "t.md"
    text = (
        (ROOT / SEED).read_text(encoding="utf-8").replace("廉江市残疾人联合会", "<script>alert(1)</script>")
    )
    table.write_text(text, encoding="utf-8")
    output = tmp_path / "review.html"
    assert review(str(table), "-o", str(output)) == 0
    page = output.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_xlsx_report(tmp_path: Path, in_root: Path) -> None:
    from openpyxl import load_workbook

    output = tmp_path / "review.xlsx"
    assert review(SEED, PROJECT, "-o", str(output)) == 0
    book = load_workbook(output)
    assert book.sheetnames == ["汇总", "问题清单", "1 廉江市残疾人联合会", "2 兰溪路-真南路下立交工程"]
    summary = book["汇总"]
    assert summary.freeze_panes == "A2" and summary.auto_filter.ref == "A1:M3"
    assert [cell.value for cell in summary[1]][:8] == [
        "序号",
        "单位",
        "项目",
        "文件",
        "位置",
        "类型",
        "评级",
        "得分",
    ]
    assert [cell.value for cell in summary[2]][6:9] == ["良", 81, 1]
    assert summary["M2"].hyperlink.location == "'1 廉江市残疾人联合会'!A1"
    fills = {rule.formula[0] for rules in summary.conditional_formatting for rule in rules.rules}
    assert {'"优"', '"良"', '"中"', '"差"', "I2>0"} <= fills
    findings = book["问题清单"]
    assert findings.auto_filter.ref.startswith("A1:J") and findings.freeze_panes == "A2"
    rows = [[cell.value for cell in row] for row in findings.iter_rows(min_row=2)]
    assert ["I003", "错误", "完整性", "52:92"] in [row[4:8] for row in rows]
    form = book["1 廉江市残疾人联合会"]
    comments = [cell.comment.text for row in form.iter_rows() for cell in row if cell.comment]
    assert any(text.startswith("[error] I003 指标「接受服务家庭对改造工作满意度(%)」") for text in comments)


def test_json_report_has_grades_with_reasons(tmp_path: Path, in_root: Path) -> None:
    output = tmp_path / "review.json"
    broken = tmp_path / "notes.md"
    broken.write_text("# 说明\n", encoding="utf-8")
    assert (
        review(SEED, str(broken), "-o", str(output)) == 2
    )  # the report is written; the run says a file failed
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["summary"]["grades"] == {"优": 0, "良": 1, "中": 0, "差": 0}
    assert (data["summary"]["files"], data["summary"]["tables"], data["summary"]["unreadable"]) == (2, 1, 1)
    seed, unreadable = data["tables"]
    assert seed["grade"]["grade"] == "良" and seed["grade"]["score"] == 81.0
    assert "I003（完整性）1 条，扣 10 分" in seed["grade"]["reasons"]
    assert unreadable["grade"] is None and unreadable["findings"][0]["code"] == "P001"


def test_scoring_from_the_configuration(tmp_path: Path) -> None:
    folder = tmp_path / "round"
    folder.mkdir()
    (folder / "t.md").write_bytes((ROOT / SEED).read_bytes())
    (folder / "perftable.toml").write_text('[review]\nerror-ceiling = "中"\n', encoding="utf-8")
    output = tmp_path / "r.json"
    with pytest.raises(SystemExit):
        main(["review", str(folder), "-o", str(output), "--no-progress"])
    assert json.loads(output.read_text(encoding="utf-8"))["tables"][0]["grade"]["grade"] == "中"


def test_output_format_and_name_must_agree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert review(SEED, "-f", "html", "-o", str(tmp_path / "r.xlsx")) == 2
    assert "--format html writes html, but the output" in capsys.readouterr().err
    assert review(SEED, "-f", "docx") == 2
    assert "give an output file" in capsys.readouterr().err


def test_rules_shows_the_review_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    main(["rules", "I001", "--lang", "en"])
    assert (
        "Review: completeness — add outcome, output or satisfaction indicators; the indicators are incomplete"
        in (capsys.readouterr().out)
    )
    main(["rules", "--review"])
    assert "得分 ≥ 90 为优" in capsys.readouterr().out


def test_a_configuration_with_a_review_scoring_is_hashed_by_value() -> None:
    """The engine caches rule sets by configuration: one with [review] weights must hash, equal to its copy."""
    from perftable.check.config import Config
    from perftable.check.grades import Scoring

    one = Config(review=Scoring(weights={"I003": 2.0}))
    two = Config(review=Scoring(weights={"I003": 2.0}))
    assert one == two and hash(one) == hash(two) and len({one, two}) == 1
    assert Config(review=Scoring(weights={"I003": 3.0})) != one
