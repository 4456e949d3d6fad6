"""The rule catalog: an explicit registry, no plugin machinery. Each module holds one rule (see
:mod:`perftable.rules.base`) or one of the engine's own findings (P001, S001: documented and configured as rules
are, reported by the engine); the catalog imports them and keys them by their ``CODE``.

Codes are a public contract: rules are added freely and never renumbered.

May import: ``errors``, ``messages``, ``runtime``, ``model``, ``outputs``, ``values``, ``vocab``, ``grid``,
``findings``, ``spans``, ``readers``, ``extract``, ``loader``.
"""

from __future__ import annotations

from types import ModuleType

from perftable.errors import UsageError
from perftable.rules import (
    b001_expenditure_sum,
    b002_funding_sum,
    b003_level_sum,
    b004_tasks_exceed,
    b005_part_exceeds_whole,
    b006_amount_invalid,
    b007_task_row_sum,
    b008_cost_above_budget,
    b009_score_sum,
    i001_missing_category,
    i002_missing_output_level2,
    i003_empty_value,
    i004_duplicate_indicator,
    i005_nonstandard_level,
    i006_placeholder_value,
    i007_qualitative_quantity,
    i008_comparator_direction,
    i009_quantitative_share,
    i010_input_as_target,
    i011_wrong_category,
    i012_unmeasured_task,
    i013_indicator_name,
    m001_missing_field,
    m002_project_period,
    p001_unreadable,
    p002_safe_repair,
    p003_risky_repair,
    s001_unused_suppression,
    u001_unit_mismatch,
    u002_percent_range,
    u003_satisfaction_target,
    u004_timeliness,
    u005_cost_unit,
    u006_unknown_unit,
    u007_satisfaction_floor,
    x001_cost_times_quantity,
    x002_goal_numbers,
    x003_year_mismatch,
)
from perftable.rules.base import EngineFinding, Entry, Rule, engine_finding_from_module, rule_from_module

_RULE_MODULES: tuple[ModuleType, ...] = (
    b001_expenditure_sum,
    b002_funding_sum,
    b003_level_sum,
    b004_tasks_exceed,
    b005_part_exceeds_whole,
    b006_amount_invalid,
    b007_task_row_sum,
    b008_cost_above_budget,
    b009_score_sum,
    i001_missing_category,
    i002_missing_output_level2,
    i003_empty_value,
    i004_duplicate_indicator,
    i005_nonstandard_level,
    i006_placeholder_value,
    i007_qualitative_quantity,
    i008_comparator_direction,
    i009_quantitative_share,
    i010_input_as_target,
    i011_wrong_category,
    i012_unmeasured_task,
    i013_indicator_name,
    m001_missing_field,
    m002_project_period,
    p002_safe_repair,
    p003_risky_repair,
    u001_unit_mismatch,
    u002_percent_range,
    u003_satisfaction_target,
    u004_timeliness,
    u005_cost_unit,
    u006_unknown_unit,
    u007_satisfaction_floor,
    x001_cost_times_quantity,
    x002_goal_numbers,
    x003_year_mismatch,
)
_ENGINE_MODULES: tuple[ModuleType, ...] = (p001_unreadable, s001_unused_suppression)


# The rules the engine runs over each table, by code (the modules above are in code order).
RULES: dict[str, Rule] = {rule.code: rule for rule in map(rule_from_module, _RULE_MODULES)}
# The engine's own findings, by code.
ENGINE_FINDINGS: dict[str, EngineFinding] = {
    finding.code: finding for finding in map(engine_finding_from_module, _ENGINE_MODULES)
}
# Every code, in code order: what `perftable rules` lists, what selections, severities and suppressions name.
CATALOG: dict[str, Entry] = dict(sorted({**RULES, **ENGINE_FINDINGS}.items()))
_BY_KEY: dict[str, Entry] = {**CATALOG, **{entry.name: entry for entry in CATALOG.values()}}


def all_rules() -> tuple[Entry, ...]:
    """Every code of the catalog (the rules and the engine's own findings), in code order."""
    return tuple(CATALOG.values())


def rules_by_key() -> dict[str, Entry]:
    """The catalog's entries by code and by name."""
    return _BY_KEY


def resolve_rule(name: str, where: str = "rule") -> Entry:
    """An entry by code (``B001``) or name (``expenditure-sum``); a :class:`UsageError` names what is unknown."""
    rule = _BY_KEY.get(name) or _BY_KEY.get(name.upper())
    if rule is None:
        raise UsageError(f"{where}: unknown rule {name!r} (see `perftable rules`)")
    return rule


def selects(selector: str, rule: Entry) -> bool:
    """True when a selector (``ALL``, a code, a code prefix such as ``B`` or ``I00``, or a name) picks the entry."""
    if selector == "ALL":
        return True
    upper = selector.upper()
    return rule.code.startswith(upper) or selector == rule.name


def matches_any(selector: str) -> bool:
    return any(selects(selector, rule) for rule in CATALOG.values())
