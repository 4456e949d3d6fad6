"""Option parsing shared by commands: comma-separated rule lists, ``CODE=LEVEL`` severities."""

from __future__ import annotations

import click


def split_list(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """``--select B,U --select I003`` -> ("B", "U", "I003"); None when the option was not given."""
    if not values:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def parse_severities(values: tuple[str, ...]) -> dict[str, str] | None:
    """``--severity U003=error`` (codes or names) -> {"U003": "error"}."""
    if not values:
        return None
    from perftable.config import SEVERITIES
    from perftable.rules import resolve_rule

    result: dict[str, str] = {}
    for value in values:
        name, sep, level = value.partition("=")
        if not sep or level not in (*SEVERITIES, "off"):
            raise click.BadParameter(
                f"{value!r}: expected CODE=error|warning|info|off", param_hint="--severity"
            )
        result[resolve_rule(name.strip(), "--severity").code] = level
    return result
