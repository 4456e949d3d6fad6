"""The rule catalog: an explicit registry (code -> module), no plugin machinery.

Codes are a public contract: rules are added freely and never renumbered. Each module holds one rule (see
:mod:`perftable.rules.base`); modules are imported the first time the catalog is needed.

May import: ``errors``, ``messages``, ``runtime``, ``model``, ``outputs``, ``values``, ``vocab``, ``grid``,
``findings``, ``spans``, ``readers``, ``extract``, ``loader``.
"""

from __future__ import annotations

import importlib
from functools import cache

from perftable.errors import UsageError
from perftable.rules.base import Rule

REGISTRY: dict[str, str] = {
    "B001": "b001_expenditure_sum",
    "B002": "b002_funding_sum",
    "B003": "b003_level_sum",
    "B004": "b004_tasks_exceed",
    "B005": "b005_part_exceeds_whole",
    "B006": "b006_amount_invalid",
    "B007": "b007_task_row_sum",
    "B008": "b008_cost_above_budget",
    "B009": "b009_score_sum",
    "I001": "i001_missing_category",
    "I002": "i002_missing_output_level2",
    "I003": "i003_empty_value",
    "I004": "i004_duplicate_indicator",
    "I005": "i005_nonstandard_level",
    "I006": "i006_placeholder_value",
    "I007": "i007_qualitative_quantity",
    "I008": "i008_comparator_direction",
    "I009": "i009_quantitative_share",
    "I010": "i010_input_as_target",
    "I011": "i011_wrong_category",
    "I012": "i012_unmeasured_task",
    "I013": "i013_indicator_name",
    "U001": "u001_unit_mismatch",
    "U002": "u002_percent_range",
    "U003": "u003_satisfaction_target",
    "U004": "u004_timeliness",
    "U005": "u005_cost_unit",
    "U006": "u006_unknown_unit",
    "U007": "u007_satisfaction_floor",
    "M001": "m001_missing_field",
    "M002": "m002_project_period",
    "X001": "x001_cost_times_quantity",
    "X002": "x002_goal_numbers",
    "X003": "x003_year_mismatch",
    "P001": "p001_unreadable",
    "P002": "p002_safe_repair",
    "P003": "p003_risky_repair",
    "S001": "s001_unused_suppression",
}


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, in code order."""
    from perftable.rules.base import rule_from_module

    return tuple(
        rule_from_module(importlib.import_module(f"perftable.rules.{module}"))
        for _, module in sorted(REGISTRY.items())
    )


@cache
def rules_by_key() -> dict[str, Rule]:
    """Rules by code and by name."""
    index: dict[str, Rule] = {}
    for rule in all_rules():
        index[rule.code] = rule
        index[rule.name] = rule
    return index


def resolve_rule(name: str, where: str = "rule") -> Rule:
    """A rule by code (``B001``) or name (``expenditure-sum``); a :class:`UsageError` names what is unknown."""
    rule = rules_by_key().get(name) or rules_by_key().get(name.upper())
    if rule is None:
        raise UsageError(f"{where}: unknown rule {name!r} (see `perftable rules`)")
    return rule


def selects(selector: str, rule: Rule) -> bool:
    """True when a selector (``ALL``, a code, a code prefix such as ``B`` or ``I00``, or a name) picks the rule."""
    if selector == "ALL":
        return True
    upper = selector.upper()
    return rule.code.startswith(upper) or selector == rule.name


def matches_any(selector: str) -> bool:
    return any(selects(selector, rule) for rule in all_rules())
