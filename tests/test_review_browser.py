"""The review page in a real browser: headless Chromium (Debian's ``chromium`` package, which ``.ci/run`` installs)
driven by Playwright, the report of a 50-file batch opened from ``file://``: it sorts, filters, keeps its state in
the URL, opens a table whose finding shows in its cell, prints one table per page, and logs no console error.

Skipped when Chromium or Playwright is missing. Screenshots go to a temporary folder, or to the folder
``PERFTABLE_SCREENSHOTS`` names (to look at them)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from perftable.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CHROMIUM = next(
    (path for path in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if Path(path).exists()), None
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

SOURCES = sorted(
    path
    for path in SAMPLES.rglob("*")
    if path.suffix in (".md", ".csv", ".html", ".xlsx") and path.name != "README.md"
)


def build_batch(folder: Path, count: int = 50) -> list[Path]:
    """``count`` files cycling through the samples (markdown, CSV, HTML, xlsx), the last one unreadable."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count - 1):
        source = SOURCES[index % len(SOURCES)]
        target = folder / f"{index:02d}-{source.parent.name}-{source.name}"
        shutil.copyfile(source, target)
        paths.append(target)
    broken = folder / "49-notes.md"
    broken.write_text("# 说明\n\n这里没有绩效目标表。\n", encoding="utf-8")
    return [*paths, broken]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    build_batch(folder / "tables")
    output = folder / "review.html"
    with pytest.raises(SystemExit) as stop:
        main(["review", str(folder / "tables"), "-o", str(output), "--isolated", "--no-progress"])
    assert stop.value.code == 2  # one file holds no table: listed, and the run says so
    return output


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("PERFTABLE_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, report: Path) -> Iterator[Any]:
    tab = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on(
        "request",
        lambda request: (
            errors.append(f"request {request.url}")
            if not request.url.startswith(("file:", "data:"))
            else None
        ),
    )
    tab.goto(report.as_uri())
    yield tab
    assert errors == [], errors  # no console error, no request to the network
    tab.close()


def visible_rows(page: Any) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = page.eval_on_selector_all(
        "#tables tbody tr", "rows => rows.filter(r => !r.hidden).map(r => Object.assign({}, r.dataset))"
    )
    return rows


def test_the_list_shows_every_table_and_the_summary(page: Any, shots: Path) -> None:
    rows = visible_rows(page)
    assert len(rows) >= 50  # a workbook or a document may hold several tables
    assert page.text_content("#shown") == str(len(rows))
    assert page.locator(".card.g-none b").text_content() == "1"  # the unreadable file
    assert [row["index"] for row in rows] == [str(n) for n in range(1, len(rows) + 1)]
    page.screenshot(path=str(shots / "review-list.png"))


def test_sorting_by_a_column_and_back(page: Any, shots: Path) -> None:
    page.click("th[data-sort=errors]")
    page.click("th[data-sort=errors]")
    assert page.evaluate("location.hash") == "#sort=errors&dir=desc"
    errors = [int(row["errors"]) for row in visible_rows(page)]
    assert errors == sorted(errors, reverse=True) and errors[0] > 0
    page.screenshot(path=str(shots / "review-sorted.png"))
    page.click("th[data-sort=department]")
    departments = [row["department"] for row in visible_rows(page)]
    in_order = page.evaluate(
        "names => names.every((n, i) => !i || names[i - 1].localeCompare(n, 'zh-CN') <= 0)", departments
    )
    assert in_order and page.evaluate("location.hash") == "#sort=department"
    page.go_back()
    assert page.evaluate("location.hash") == "#sort=errors&dir=desc"


def test_filters_by_grade_code_and_text_are_kept_in_the_url(page: Any, report: Path, browser: Any) -> None:
    page.select_option("select[name=grade]", "良")
    rows = visible_rows(page)
    assert rows and {row["grade"] for row in rows} == {"良"}
    page.select_option("select[name=code]", "I003")
    rows = visible_rows(page)
    assert rows and all(" I003 " in row["codes"] and row["grade"] == "良" for row in rows)
    assert page.evaluate("location.hash") == "#grade=%E8%89%AF&code=I003"
    page.select_option("select[name=grade]", "")
    page.select_option("select[name=code]", "")
    page.fill("input[name=q]", "兰溪路")
    page.wait_for_function("location.hash.indexOf('q=') >= 0")
    rows = visible_rows(page)
    assert rows and all("兰溪路" in row["project"] for row in rows)
    assert page.text_content("#shown") == str(len(rows))
    shared = browser.new_page()  # a link with the state opens the page in that state
    shared.goto(report.as_uri() + "#grade=-")
    assert [row["grade"] for row in visible_rows(shared)] == ["-"]
    assert shared.input_value("select[name=grade]") == "-"
    shared.close()


def test_a_table_opens_with_its_findings_in_their_cells(page: Any, shots: Path) -> None:
    page.fill("input[name=q]", "lianjiang-2024")
    page.wait_for_function("location.hash.indexOf('q=') >= 0")
    page.locator("#tables tbody tr:not([hidden]) a[data-open]").first.click()
    page.wait_for_selector(".view.open")
    view = page.locator(".view.open")
    assert view.count() == 1 and view.is_visible()
    assert not page.locator("#tables").is_visible()
    assert "open=" in page.evaluate("location.hash")
    cell = view.locator("td.has-error", has_text="I003")
    assert cell.count() == 1 and cell.is_visible()
    assert "没有指标值" in cell.locator(".note.error").text_content()
    assert "接受服务家庭对改造工作满意度" in (
        page.evaluate("c => c.previousElementSibling.textContent", cell.element_handle())
    )
    draft = view.locator(".draft")
    assert "一、完整性：指标不够完整" in draft.text_content() and "审核建议" in draft.text_content()
    page.screenshot(path=str(shots / "review-table.png"))
    cell.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "review-cell.png"))
    page.click(".view.open a[data-back]")
    assert page.locator("#tables").is_visible() and page.locator(".view.open").count() == 0
    assert "q=lianjiang-2024" in page.evaluate("location.hash")  # the list comes back filtered as it was


def test_print_puts_one_table_on_each_page(page: Any, shots: Path, tmp_path: Path) -> None:
    page.emulate_media(media="print")
    views = page.locator(".view")
    assert page.evaluate(
        "[...document.querySelectorAll('.view')].every(v => getComputedStyle(v).display === 'block')"
    )
    assert page.evaluate("getComputedStyle(document.querySelector('.view')).breakBefore") == "page"
    page.screenshot(path=str(shots / "review-print.png"))
    page.emulate_media(media="screen")
    page.locator("#tables tbody tr a[data-open]").nth(3).click()
    page.wait_for_selector(".view.open")
    page.emulate_media(media="print")
    shown = page.evaluate(
        "[...document.querySelectorAll('.view')].filter(v => getComputedStyle(v).display !== 'none').length"
    )
    assert shown == 1 and views.count() >= 50  # an open table prints alone
    pdf = page.pdf(format="A4")
    import pypdfium2

    assert len(pypdfium2.PdfDocument(pdf)) >= 1
