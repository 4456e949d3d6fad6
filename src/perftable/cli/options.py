"""Option parsing shared by commands: comma-separated rule lists, ``CODE=LEVEL`` severities."""

from __future__ import annotations

from typing import Any

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


_SIZE = {"": 1, "b": 1, "k": 1000, "kb": 1000, "kib": 1024, "m": 1000**2, "mb": 1000**2, "mib": 1024**2,
         "g": 1000**3, "gb": 1000**3, "gib": 1024**3}  # fmt: skip


def _human(size: int) -> str:
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size % factor == 0:
            return f"{size // factor}{unit}"
    return str(size)


def byte_size(ctx: click.Context, param: click.Parameter, value: object) -> int:
    """``50MB``, ``32MiB``, ``1000000`` -> bytes (a click callback; None means the option's default)."""
    from perftable.readers import DEFAULT_OPTIONS

    if value is None:
        return {"max_file_size": DEFAULT_OPTIONS.max_bytes, "max_unzipped": DEFAULT_OPTIONS.max_unzipped}[
            str(param.name)
        ]
    text = str(value).strip().lower().replace(" ", "")
    number = text.rstrip("abcdefghijklmnopqrstuvwxyz")
    try:
        return int(float(number) * _SIZE[text[len(number) :]])
    except (KeyError, ValueError):
        raise click.BadParameter(f"{value!r} is not a size (examples: 50MB, 32MiB, 1000000)") from None


def limit_options(command: Any) -> Any:
    """The options that raise the reading limits (shared by every command that reads files)."""
    from perftable.readers import DEFAULT_OPTIONS as D

    command = click.option("--max-unzipped", type=str, callback=byte_size, show_default=_human(D.max_unzipped),
                           metavar="SIZE", help="Largest size a zip-based workbook may unpack to.")(command)  # fmt: skip
    command = click.option("--max-cells", type=click.IntRange(min=1), default=D.max_cells, show_default=True,
                           help="Most cells a sheet may span.")(command)  # fmt: skip
    return click.option("--max-file-size", type=str, callback=byte_size, show_default=_human(D.max_bytes),
                        metavar="SIZE", help="Largest file to read (50MB, 32MiB …).")(command)  # fmt: skip


def read_options(max_file_size: int, max_cells: int, max_unzipped: int, **extra: Any) -> Any:
    from perftable.readers import ReadOptions

    return ReadOptions(max_bytes=max_file_size, max_cells=max_cells, max_unzipped=max_unzipped, **extra)
