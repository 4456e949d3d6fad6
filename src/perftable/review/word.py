"""The 审核意见 of a batch as a Word document (python-docx): a cover with the summary, then each table's 审核意见
(:mod:`perftable.review.draft`) on its own page: identity, grade, the four criteria with their coded opinions and
the findings behind them, and the closing suggestion."""

from __future__ import annotations

import io
from typing import Any

from perftable.check.grades import GRADES
from perftable.messages import Lang
from perftable.report import visible
from perftable.review.collect import Batch
from perftable.review.draft import Block, draft
from perftable.review.markdown import WORDS, overview
from perftable.spans.xlsx import reproducible

_COLOURS = {"error": (0x99, 0x00, 0x00), "warning": (0x7A, 0x4F, 0x00)}


def _clean(text: str) -> str:
    """Text a Word document can hold: control characters (XML 1.0 cannot) shown as escapes."""
    return visible(text)


def _block(document: Any, block: Block) -> None:
    from docx.shared import Pt, RGBColor

    text = _clean(block.text)
    if block.style == "title":
        document.add_heading(text, level=1)
    elif block.style == "heading":
        document.add_paragraph().add_run(text).bold = True
    elif block.style == "item":
        run = document.add_paragraph(style="List Bullet").add_run(text)
        run.font.size = Pt(9.5)
        if block.level in _COLOURS:
            run.font.color.rgb = RGBColor(*_COLOURS[block.level])
    elif block.style == "grade":
        document.add_paragraph().add_run(text).bold = True
    else:
        document.add_paragraph(text)


def to_docx(batch: Batch, lang: Lang = "zh") -> bytes:
    """The document as bytes (reproducible: fixed dates)."""
    import datetime

    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.core_properties.author = "perftable"
    document.core_properties.created = document.core_properties.modified = datetime.datetime(2024, 1, 1)
    words = WORDS[lang]
    document.add_heading(words["title"], level=0)
    document.add_paragraph(overview(batch, lang))
    grades = batch.grades()
    document.add_paragraph(f"{words['grades']}：" + "、".join(f"{g} {grades[g]}" for g in GRADES))
    for table in batch.tables:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for block in draft(table, lang):
            _block(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible(buffer.getvalue())


def docx_text(data: bytes) -> str:
    """The paragraphs of a review document as text, one a line (what the golden files hold)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    return "\n".join(paragraph.text for paragraph in document.paragraphs if paragraph.text) + "\n"
