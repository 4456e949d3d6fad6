"""One self-contained HTML page (no network: the CSS is inline, there are no scripts or fonts to fetch).

The page holds one section per form: its title, year line and table (rowspan/colspan as the form merges them),
and, above the table, notes that concern no single cell (findings about the whole table, a diff's summary). The
print CSS fits the form to A4, repeats nothing and keeps rows whole across pages. Everything from the input is
HTML-escaped, attribute values included.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from perftable.spans import to_html

if TYPE_CHECKING:
    from perftable.render.layout import Form
    from perftable.spans import CellNote

CSS = """
:root { --line: #444; --label: #f2f2f2; --added: #c6efce; --removed: #ffc7ce; --changed: #ffeb9c; }
body { font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; margin: 2rem auto; max-width: 60rem;
       color: #111; line-height: 1.5; padding: 0 1rem; }
h1 { font-size: 1.4rem; text-align: center; margin: 1.5rem 0 0.25rem; }
p.line { text-align: center; margin: 0 0 0.75rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.45rem; vertical-align: middle; }
th { background: var(--label); font-weight: bold; text-align: center; }
td.amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.added { background: var(--added); } .removed { background: var(--removed); } .changed { background: var(--changed); }
.has-error { box-shadow: inset 4px 0 0 #c00; } .has-warning { box-shadow: inset 4px 0 0 #e69500; }
.has-info { box-shadow: inset 4px 0 0 #2a6fdb; }
.note { font-size: 0.8rem; margin-top: 0.2rem; padding-left: 0.3rem; border-left: 2px solid #999; text-align: left;
        font-weight: normal; white-space: normal; }
.note.error { border-color: #c00; color: #900; } .note.warning { border-color: #e69500; color: #7a4f00; }
.note.info { border-color: #2a6fdb; color: #1d4f9c; }
ul.notes { font-size: 0.85rem; } ul.notes li.error { color: #900; } ul.notes li.warning { color: #7a4f00; }
section.form { margin-bottom: 3rem; }
@page { size: A4; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  section.form { break-after: page; margin: 0; }
  section.form:last-child { break-after: auto; }
  tr { break-inside: avoid; }
  .added, .removed, .changed, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".strip()


@dataclass
class Section:
    """A form on the page, with notes shown above its table."""

    form: Form
    notes: list[CellNote] = field(default_factory=list)


def _section(section: Section) -> str:
    form = section.form
    out = ['<section class="form">']
    if form.title:
        out.append(f"  <h1>{html.escape(form.title)}</h1>")
    out += [f'  <p class="line">{html.escape(line)}</p>' for line in form.lines]
    if section.notes:
        out.append('  <ul class="notes">')
        out += [f'    <li class="{note.level}">{html.escape(note.text)}</li>' for note in section.notes]
        out.append("  </ul>")
    if form.grid:
        out.append(to_html(form.grid, indent="  ").rstrip("\n").replace("<table>", '<table class="form">', 1))
    out.append("</section>")
    return "\n".join(out)


def page(sections: list[Section], title: str, *, header: str = "") -> str:
    """The page: a ``header`` (already HTML) and each section."""
    body = "\n".join(_section(section) for section in sections)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="perftable">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n"
        f"{header}{body}\n</body>\n</html>\n"
    )
