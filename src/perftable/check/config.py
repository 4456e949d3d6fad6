"""Configuration: ``[tool.perftable]`` in pyproject.toml, or a ``perftable.toml``, found upward from the file.

Validated once, up front: an unknown key, a rule that does not exist, a bad severity or a bad option value is a
:class:`ConfigError` that names the key (exit code 2). Example::

    [tool.perftable]
    select = ["B", "I", "U"]            # codes, prefixes or names; default: all rules
    ignore = ["U006"]
    lang = "en"
    profile = "central-2021"            # default: chosen from the document
    fail-on = "warning"                 # error (default), warning or info
    tolerance = "0.01"                  # amounts; default: half a unit of the last printed decimal
    baseline = "perftable-baseline.json"

    [tool.perftable.severity]           # per-rule severity: error, warning, info or off
    U003 = "error"
    unit-unknown = "off"

    [tool.perftable.per-file-ignores]   # globs relative to the configuration file
    "2023/*.md" = ["I006"]

    [tool.perftable.cell-ignores]       # spreadsheets: "Sheet!C5", or "glob:Sheet!C5"
    "绩效目标表!E25" = ["U001"]

    exclude = ["drafts", "2023/*.md"]   # folder walks leave these out (extend-exclude adds to exclude)
    skip-no-table = true                # files holding no 绩效目标表 are skipped with a note

    [tool.perftable.rules.I001]          # rule options (see ``perftable rules I001``)
    required = ["产出指标", "效益指标", "满意度指标", "成本指标"]

    [tool.perftable.review]              # grades of `perftable review` (see ``perftable rules --review``)
    thresholds = { "优" = 90, "良" = 75, "中" = 60 }
"""

from __future__ import annotations

import dataclasses
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from perftable.check.grades import parse_scoring
from perftable.errors import ConfigError
from perftable.findings import Severity
from perftable.messages import LANGS, Lang
from perftable.rules import matches_any, resolve_rule
from perftable.rules.profiles import PROFILES

if TYPE_CHECKING:
    from perftable.check.grades import Scoring
    from perftable.rules.base import Entry

SEVERITIES = ("error", "warning", "info")
_KEYS = frozenset(
    {
        "select",
        "ignore",
        "lang",
        "profile",
        "fail-on",
        "tolerance",
        "baseline",
        "severity",
        "per-file-ignores",
        "cell-ignores",
        "rules",
        "review",
        "exclude",
        "extend-exclude",
        "skip-no-table",
    }
)


@dataclass(frozen=True, eq=False)  # equal and hashed by value: see __eq__
class Config:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)  # rule code -> error|warning|info|off
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    cell_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # rule code -> options
    lang: Lang = "zh"
    profile: str | None = None
    fail_on: Severity = "error"
    tolerance: Decimal | None = None
    baseline: str | None = None
    review: Scoring | None = None  # [tool.perftable.review]; None: the default scoring
    # globs of files and folders a folder walk leaves out (ruff's names: --exclude replaces exclude,
    # --extend-exclude adds to both); relative to ``root`` when they hold a "/", else any file or folder name
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    skip_no_table: bool = (
        False  # a file holding no 绩效目标表 is skipped with a note, not P001 (--skip-no-table)
    )
    source: str | None = None  # the file this came from
    root: Path = field(default_factory=Path.cwd)  # globs are relative to it

    def __eq__(self, other: object) -> bool:
        """Equal by value, and hashed by value: the engine caches the rule set per configuration, so equal
        configurations built anew (one shipped with each task to a worker) share one entry instead of adding one
        each (the cache would grow without bound)."""
        if not isinstance(other, Config):
            return NotImplemented
        return self is other or self.value_key() == other.value_key()

    def __hash__(self) -> int:
        return hash(self.value_key())

    def value_key(self) -> tuple[Any, ...]:
        """Every field as a hashable value (mappings as sorted pairs), computed once."""
        key: tuple[Any, ...] | None = self.__dict__.get("_value_key")
        if key is None:
            tolerance = None if self.tolerance is None else str(self.tolerance)  # 0.01 and 0.010 print apart
            key = tuple(
                tolerance if name == "tolerance" else _frozen(getattr(self, name))
                for name in self.__dataclass_fields__
            )
            object.__setattr__(self, "_value_key", key)  # a cache, not a field: frozen for the fields only
        return key

    def with_overrides(self, **changes: Any) -> Config:
        """A copy with command-line options applied (None means "not given"); ``extend_ignore`` adds to
        ``ignore`` and ``severity`` adds to the configured severities."""
        given = {key: value for key, value in changes.items() if value is not None}
        extra = given.pop("extend_ignore", ())
        if extra:
            given["ignore"] = (*self.ignore, *extra)
        if "severity" in given:
            given["severity"] = {**self.severity, **given["severity"]}
        return replace(self, **given)


def _frozen(value: Any) -> Any:
    """A configuration value as a hashable one: mappings as sorted (key, value) pairs, lists as tuples, a
    dataclass (the review scoring) as its fields'."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, *(_frozen(getattr(value, f.name)) for f in dataclasses.fields(value)))
    if isinstance(value, Mapping):
        return tuple(sorted((str(key), _frozen(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_frozen(item) for item in value)
    return value


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ConfigError(f"{where}: expected a list of strings, got {value!r}")


def _table(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table, got {value!r}")
    return value


def from_mapping(data: Mapping[str, Any], source: str = "<config>", root: Path | None = None) -> Config:
    """Validate a ``[tool.perftable]`` table. Rule codes and names are resolved against the catalog."""
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(
            f"{source}: unknown key {unknown[0]!r} in [tool.perftable] (known: {', '.join(sorted(_KEYS))})"
        )
    config = Config(source=source, root=root or Path.cwd())
    changes: dict[str, Any] = {}
    for key in ("select", "ignore"):
        if key in data:
            values = _strings(data[key], f"{source}: {key}")
            for selector in values:
                _check_selector(selector, f"{source}: {key}")
            changes[key] = values
    if "lang" in data:
        if data["lang"] not in LANGS:
            raise ConfigError(f"{source}: lang must be one of {', '.join(LANGS)}, got {data['lang']!r}")
        changes["lang"] = data["lang"]
    if "profile" in data:
        changes["profile"] = parse_profile(data["profile"], source)
    if "fail-on" in data:
        changes["fail_on"] = _severity(data["fail-on"], f"{source}: fail-on", allow_off=False)
    if "tolerance" in data:
        changes["tolerance"] = _decimal(data["tolerance"], f"{source}: tolerance")
    if "baseline" in data:
        if not isinstance(data["baseline"], str):
            raise ConfigError(f"{source}: baseline must be a path")
        changes["baseline"] = str(config.root / data["baseline"])
    if "severity" in data:
        changes["severity"] = {
            resolve_rule(name, f"{source}: severity").code: _severity(level, f"{source}: severity.{name}")
            for name, level in _table(data["severity"], f"{source}: severity").items()
        }
    for key, attr in (("per-file-ignores", "per_file_ignores"), ("cell-ignores", "cell_ignores")):
        if key in data:
            table = _table(data[key], f"{source}: {key}")
            for pattern, codes in table.items():
                for selector in _strings(codes, f"{source}: {key}.{pattern}"):
                    _check_selector(selector, f"{source}: {key}.{pattern}")
            changes[attr] = {pattern: _strings(codes, key) for pattern, codes in table.items()}
    for key in ("exclude", "extend-exclude"):
        if key in data:
            changes[key.replace("-", "_")] = _strings(data[key], f"{source}: {key}")
    if "skip-no-table" in data:
        if not isinstance(data["skip-no-table"], bool):
            raise ConfigError(
                f"{source}: skip-no-table: expected true or false, got {data['skip-no-table']!r}"
            )
        changes["skip_no_table"] = data["skip-no-table"]
    if "rules" in data:
        changes["rule_options"] = _rule_options(_table(data["rules"], f"{source}: rules"), source)
    if "review" in data:
        changes["review"] = parse_scoring(_table(data["review"], f"{source}: review"), source)
    return replace(config, **changes)


def _check_selector(selector: str, where: str) -> None:
    if selector != "ALL" and not matches_any(selector):
        raise ConfigError(f"{where}: {selector!r} matches no rule (see `perftable rules`)")


def _severity(value: object, where: str, *, allow_off: bool = True) -> Any:
    allowed = (*SEVERITIES, "off") if allow_off else SEVERITIES
    if value not in allowed:
        raise ConfigError(f"{where}: expected one of {', '.join(allowed)}, got {value!r}")
    return value


def _decimal(value: object, where: str) -> Decimal:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ConfigError(f"{where}: expected a number, got {value!r}") from None
    if not number.is_finite() or number < 0:
        raise ConfigError(f"{where}: expected a non-negative number, got {value!r}")
    return number


def parse_profile(value: object, source: str) -> str | None:
    if value == "auto":
        return None
    if not isinstance(value, str) or value not in PROFILES:
        raise ConfigError(f"{source}: profile must be auto or one of {', '.join(PROFILES)}, got {value!r}")
    return value


def _rule_options(table: dict[str, Any], source: str) -> dict[str, dict[str, Any]]:
    options: dict[str, dict[str, Any]] = {}
    for name, values in table.items():
        rule = resolve_rule(name, f"{source}: rules")
        options[rule.code] = rule_options(rule, _table(values, f"{source}: rules.{name}"), source, name)
    return options


def rule_options(rule: Entry, given: Mapping[str, object], source: str, name: str) -> dict[str, Any]:
    """The options given for a rule, each as the type its :class:`~perftable.rules.base.Option` declares
    (checked once, when the configuration is read); a :class:`ConfigError` names the file, the rule (``name``, as
    the configuration wrote it) and the option."""
    typed: dict[str, Any] = {}
    for option, value in given.items():
        declared = rule.options.get(option)
        if declared is None:
            known = ", ".join(rule.options) or "none"
            raise ConfigError(
                f"{source}: rules.{name}: unknown option {option!r} (options of {rule.code}: {known})"
            )
        try:
            typed[option] = declared.parse(value)
        except ValueError as error:
            raise ConfigError(f"{source}: rules.{name}.{option}: {error}") from None
    return typed


def read_file(path: Path) -> Config | None:
    """The configuration in a perftable.toml or a pyproject.toml; None when a pyproject has no [tool.perftable]."""
    import tomllib  # only a run that finds a configuration file pays for it

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if "perftable" not in tool:
            return None
        data = tool["perftable"]
    elif set(data) == {"tool"} and isinstance(data["tool"], dict) and set(data["tool"]) == {"perftable"}:
        data = data["tool"][
            "perftable"
        ]  # a [tool.perftable] table copied from a pyproject.toml reads the same
    return from_mapping(data, str(path), path.parent.resolve())


def discover(directory: Path) -> Config:
    """The configuration for files in ``directory``: the nearest perftable.toml, or pyproject.toml with a
    [tool.perftable] table, found upward; defaults when there is none.

    A file is read once and kept while it stays as it is: an edited, added or removed configuration file is
    noticed by the next call, so a long-lived process (a worker, a server) always checks with the files on disk.
    The walk costs a ``stat`` of each candidate upward, no read."""
    for folder in (directory, *directory.parents):
        for name in ("perftable.toml", "pyproject.toml"):
            config = read_cached(folder / name)
            if config is not None:
                return config
    return _default(Path.cwd())


def read_cached(path: Path) -> Config | None:
    """:func:`read_file` of a regular file, kept until the file changes (its size, times or inode); None when it
    is not a regular file or (a pyproject.toml) has no [tool.perftable] table."""
    try:
        info = path.stat()
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return _read_version(path, (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino))


@lru_cache(maxsize=256)
def _read_version(path: Path, version: tuple[int, int, int, int]) -> Config | None:
    return read_file(path)


@lru_cache(maxsize=16)
def _default(cwd: Path) -> Config:
    """The defaults (globs relative to the working directory), one object per working directory."""
    return Config(root=cwd)
