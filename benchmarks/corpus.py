"""A benchmark corpus generated from the samples: varied layouts and sizes, markdown and xlsx.

``build(folder, files=N)`` writes N tables cycling through the sample layouts; ``big_table(n)`` is a department
table with n indicators (the seed's indicators repeated with their names numbered), for the scaling runs.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from build_samples import LIANJIANG_INDICATORS, lianjiang_rows  # noqa: E402

from perftable.spans import from_markers, to_markdown  # noqa: E402
from perftable.spans.xlsx import to_xlsx  # noqa: E402

SAMPLES = ROOT / "samples"
TITLE = "2024年市级部门整体预算绩效目标表"
SMALL = SAMPLES / "guangdong-department" / "lianjiang-2024.md"
SMALL_XLSX = SAMPLES / "formats" / "lianjiang-clean.xlsx"
MARKDOWN_SAMPLES = sorted(p for p in SAMPLES.rglob("*.md") if p.name != "README.md")


def big_rows(indicators: int) -> list[list[str]]:
    """The seed's form with ``indicators`` indicator rows (its 27 repeated, names numbered)."""
    rows = lianjiang_rows()
    head = rows[: next(i for i, row in enumerate(rows) if row[1] == "一级指标") + 1]
    body: list[list[str]] = []
    previous = ("", "")
    for index in range(indicators):
        level1, level2, name, value = LIANJIANG_INDICATORS[index % len(LIANJIANG_INDICATORS)]
        pair = (level1, level2)
        body.append(["^", "^" if pair[0] == previous[0] else level1, "^" if pair == previous else level2,
                     f"{name}{index // len(LIANJIANG_INDICATORS) or ''}", value])  # fmt: skip
        previous = pair
    return head + body


def big_table(indicators: int, folder: Path, fmt: str = "md") -> Path:
    path = folder / f"big-{indicators}.{fmt}"
    if not path.exists():
        grid = from_markers(big_rows(indicators))
        if fmt == "md":
            path.write_text(to_markdown(grid, TITLE), encoding="utf-8")
        else:
            to_xlsx(grid, path, TITLE)
    return path


def build(folder: Path, files: int, *, xlsx_share: int = 4) -> list[Path]:
    """``files`` tables: the samples in turn (every ``xlsx_share``-th one a workbook), some 2,000-indicator ones."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted(
        p for p in SAMPLES.rglob("*") if p.suffix in (".md", ".csv", ".html") and p.name != "README.md"
    )
    workbooks = sorted(SAMPLES.rglob("*.xlsx"))
    large = big_table(2000, folder)
    paths: list[Path] = []
    for index in range(files):
        if index % 50 == 49:
            source = large
        elif index % xlsx_share == xlsx_share - 1:
            source = workbooks[index % len(workbooks)]
        else:
            source = sources[index % len(sources)]
        target = folder / f"t{index:05}{source.suffix}"
        if not target.exists():
            shutil.copyfile(source, target)
        paths.append(target)
    return paths


def _varied_rows(index: int) -> list[list[str]]:
    """The seed's form with content of its own: 20 to 49 indicators, names and values numbered by ``index``."""
    rows = lianjiang_rows()
    head = rows[: next(i for i, row in enumerate(rows) if row[1] == "一级指标") + 1]
    count = 20 + index * 7 % 30
    body: list[list[str]] = []
    previous = ("", "")
    for number in range(count):
        level1, level2, name, value = LIANJIANG_INDICATORS[(number + index) % len(LIANJIANG_INDICATORS)]
        value = re.sub(r"\d+", lambda m: str(int(m.group()) + index % 9), value, count=1)
        pair = (level1, level2)
        body.append(["^", "^" if pair[0] == previous[0] else level1, "^" if pair == previous else level2,
                     f"{name}{index}-{number}", value])  # fmt: skip
        previous = pair
    return head + body


def varied(folder: Path, files: int, fmt: str = "md") -> list[Path]:
    """``files`` distinct tables (no two alike: caches keyed by content stay cold, as on a real archive), in the
    seed's layout with 20 to 49 indicators each, as markdown or xlsx."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for index in range(files):
        path = folder / f"v{index:05}.{fmt}"
        if not path.exists():
            grid = from_markers(_varied_rows(index))
            if fmt == "md":
                path.write_text(to_markdown(grid, TITLE), encoding="utf-8")
            else:
                to_xlsx(grid, path, TITLE)
        paths.append(path)
    return paths
