"""A finished :class:`~perftable.extract.draft.Draft` made into a :class:`~perftable.model.Document`: the settle
steps that need the whole form (periods of indicator groups, task sections) run here, once."""

from __future__ import annotations

from perftable.extract.draft import Draft
from perftable.extract.periods import settle_periods
from perftable.extract.tasks import settle_sections
from perftable.model import Document


def _filled(draft: Draft, label: str) -> bool:
    """A blank label that another row filled after all (a label printed twice)."""
    return (label in ("部门名称", "单位名称") and bool(draft.department)) or (
        label == "项目名称" and bool(draft.project)
    )


def document_of(draft: Draft, fmt: str) -> Document:
    """The document a draft holds (``fmt``: the reader's format name)."""
    indicators, long_term = settle_periods(draft)
    kind = draft.kind or ("project" if draft.project else "department")
    return Document(
        kind=kind,
        layout=draft.layout,
        indicator_layout=draft.indicator_layout or "tree",
        title=draft.title,
        year=draft.year,
        department=draft.department,
        project=draft.project if kind == "project" else None,
        info=draft.info
        if kind == "project" or not draft.project
        else {"项目名称": draft.project, **draft.info},
        blank_fields=[f for f in draft.blank_fields if f not in draft.info and not _filled(draft, f)],
        budget=draft.budget,
        goals=draft.goals,
        tasks=settle_sections(draft),
        indicators=indicators,
        long_term_indicators=long_term,
        warnings=sorted(draft.warnings, key=lambda repair: repair.location.sort_key()),
        source=draft.start.location(),
        page_range=draft.pages,
        format=fmt,
        locations=draft.locations,
        scoring=draft.scores.result(),
    )
