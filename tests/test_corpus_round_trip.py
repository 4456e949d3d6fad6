"""Round trips over the real corpus (slow): every 绩效目标表 perftable reads from tests/corpus/pdf renders as
markdown, HTML and xlsx and reads back to the same model, locations aside (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

import perftable
from perftable.render import render

from .conftest import ROOT
from .test_render_properties import NOT_CONTENT, content

PDFS = sorted((ROOT / "tests" / "corpus" / "pdf").glob("*.pdf"))
FORMATS = [("markdown", ".md"), ("html", ".html"), ("xlsx", ".xlsx")]


def _same(doc: perftable.Document) -> object:
    """The model less locations; ``layout`` too: one project of a listing is rendered as a form of its own."""
    data = content(doc)
    assert isinstance(data, dict) and NOT_CONTENT.isdisjoint(data)
    return {key: value for key, value in data.items() if key != "layout"}


@pytest.mark.slow
@pytest.mark.xfail(
    reason="today every corpus PDF holds tables that do not read back the same. Measured over the markdown round "
    "trip of the 1,392 tables (first difference of each): 127 budgets change (amounts printed as 12577.526935 come "
    "back as 12,577.526935, the canonical form's spelling; 预算13表's 财政拨款 合计/基本支出 matrix loses its "
    "group); 214 projects of goal-only listings (indicator_layout none) come back as a form whose indicator layout "
    "is tree (124) or are not read back as a 绩效目标表 at all (90); 8 info, 4 indicators, 1 title differ",
    strict=False,
)
@pytest.mark.parametrize("pdf", PDFS, ids=lambda path: path.stem)
def test_corpus_tables_round_trip(pdf: Path, tmp_path: Path) -> None:
    docs = [doc for doc in perftable.load_all(pdf) if not [w for w in doc.warnings if w.code == "P003"]]
    lost: list[str] = []
    for fmt, suffix in FORMATS:
        for number, doc in enumerate(docs, start=1):
            data = render([doc], fmt)  # type: ignore[arg-type]
            path = tmp_path / f"t{number}{suffix}"
            path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
            back = perftable.load_all(path)
            if [_same(d) for d in back] != [_same(doc)]:
                lost.append(f"{fmt} table {number} ({doc.project or doc.department})")
    assert lost == []
