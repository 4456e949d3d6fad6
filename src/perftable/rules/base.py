"""The rule unit: a code, a kebab-case name, a default severity, documentation with examples, messages in both
languages, typed options, and a pure ``check`` over the model that yields :class:`Problem` objects.

The engine, not the rule, stamps the code and the configured severity, renders the message in the user's
language, applies configuration and suppressions, and sorts findings by location. A few codes are the engine's own
findings (P001: a file that could not be read; S001: a suppression that suppressed nothing): they are in the
catalog with their documentation and messages, and have no ``check``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from types import ModuleType
from typing import Any, Generic, TypeVar

from perftable.findings import Severity
from perftable.messages import Lang
from perftable.model import Document, Location
from perftable.rules.facts import Facts

T = TypeVar("T", Decimal, int, float, bool, str, tuple[str, ...])

# What each option type is called, in each language; a list of strings is a tuple in the rule, a list in TOML.
TYPE_NAMES: dict[object, dict[str, str]] = {
    Decimal: {"zh": "小数", "en": "decimal"},
    int: {"zh": "整数", "en": "integer"},
    float: {"zh": "数", "en": "number"},
    bool: {"zh": "true 或 false", "en": "true or false"},
    str: {"zh": "文字", "en": "text"},
    tuple[str, ...]: {"zh": "文字列表", "en": "list of strings"},
}
# What a configuration error says was expected.
_EXPECTED: dict[object, str] = {
    Decimal: "a decimal number",
    int: "an integer",
    float: "a number",
    bool: "true or false",
    str: "a string",
    tuple[str, ...]: "a list of strings",
}


@dataclass(frozen=True)
class Option(Generic[T]):
    """A rule option: its type, its default (None: not set; the rule's documentation says what it then does),
    what it does in both languages, and optionally the values it may take (``choices``, or a closed range
    ``minimum``–``maximum`` for numbers). The configuration's value is checked against it once, when the
    configuration is read; a rule reads the value as this type."""

    type: type[T]
    default: T | None = None
    doc: Mapping[str, str] = field(default_factory=dict)  # {"zh": …, "en": …}
    choices: tuple[str, ...] = ()
    minimum: Decimal | None = None
    maximum: Decimal | None = None

    def parse(self, value: object) -> T:
        """The configured value as the option's type; a :class:`ValueError` says what was expected."""
        parsed = self._typed(value)
        if self.choices and parsed not in self.choices:
            raise ValueError(f"expected one of {', '.join(self.choices)}, got {value!r}")
        if isinstance(parsed, Decimal | int | float) and not isinstance(parsed, bool):
            low, high = self.minimum, self.maximum
            if (low is not None and parsed < low) or (high is not None and parsed > high):
                raise ValueError(f"expected {_EXPECTED[self.type]} {self.range_text('en')}, got {value!r}")
        return parsed

    def _typed(self, value: object) -> T:
        kind: Any = self.type
        if kind == tuple[str, ...]:
            if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
                return tuple(value)  # type: ignore[return-value]  # T is tuple[str, ...] here
        elif isinstance(value, bool):  # TOML's true is no number (a bool is an int in Python)
            if kind is bool:
                return value  # type: ignore[return-value]  # T is bool here
        elif kind is Decimal and isinstance(value, str | int | float | Decimal):
            try:
                number = Decimal(str(value))
            except InvalidOperation:
                number = Decimal("NaN")
            if number.is_finite():
                return number  # type: ignore[return-value]  # T is Decimal here
        elif kind is float and isinstance(value, int | float):
            return float(value)  # type: ignore[return-value]  # T is float here
        elif kind in (int, str) and isinstance(value, kind):
            return value  # type: ignore[no-any-return]  # T is int or str here
        raise ValueError(f"expected {_EXPECTED[kind]}, got {value!r}")

    def type_name(self, lang: Lang) -> str:
        return TYPE_NAMES[self.type][lang]

    def range_text(self, lang: Lang) -> str:
        """The range in words (``from 0 to 1``, ``at least 0``; ``0 到 1``, ``不小于 0``); empty when unbounded."""
        low, high = self.minimum, self.maximum
        if low is not None and high is not None:
            return f"{low} 到 {high}" if lang == "zh" else f"from {low} to {high}"
        if low is not None:
            return f"不小于 {low}" if lang == "zh" else f"at least {low}"
        if high is not None:
            return f"不大于 {high}" if lang == "zh" else f"at most {high}"
        return ""


Options = Mapping[str, Option[Any]]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing a rule found: which message (``variant``), where, and the values the message names.

    ``severity`` lets one variant of a rule differ from the rule's default (I009: all qualitative is an error,
    U007: ``=100%`` is only info); a severity set in the configuration still wins. ``covered_by`` names a rule
    that reports the same thing more precisely (X001 leaves a cost above its task's funds to B008): the engine
    drops the problem when that rule runs, so a rule needs no knowledge of which others run.
    """

    location: Location
    params: Mapping[str, object] = field(default_factory=dict)
    variant: str = "default"
    severity: Severity | None = None
    covered_by: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What a check may know besides the document: its options (typed, each as its :class:`Option` declares:
    the rule's defaults, the profile's preset, then the configuration), the facts several rules share, worked out
    once per document, and the name of the profile in force (messages name it)."""

    options: Mapping[str, Any]
    facts: Facts
    profile: str = ""


Check = Callable[[Document, Context], Iterator[Problem]]


@dataclass(frozen=True, kw_only=True)
class Entry:
    """A code of the catalog: what ``perftable rules`` shows and what a finding of that code is rendered from."""

    code: str
    name: str
    severity: Severity
    summary: Mapping[str, str]  # one line, {"zh": …, "en": …}
    messages: Mapping[str, Mapping[str, str]]  # variant -> {"zh": …, "en": …}
    doc: str
    options: Options = field(default_factory=dict)
    hints: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    guidance: str = ""  # the review criterion or system check the rule comes from
    # the review criterion (完整性, 相关性, 适当性, 可行性) and coded opinions it supports (perftable.rules.criteria);
    # None for rules about reading and suppressions, which a review does not grade
    criterion: str | None = None
    opinions: tuple[str, ...] = ()
    # names the rule accepts for each thing it requires, shown by ``perftable rules --profile`` (M001: the labels
    # that fill a header field)
    labels: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    since: str = "0.1.0"

    @property
    def category(self) -> str:
        return self.code[0]


@dataclass(frozen=True, kw_only=True)
class Rule(Entry):
    """A rule: an :class:`Entry` with a ``check`` over one table."""

    check: Check
    # the tables the rule applies to: how they are printed (form, listing) and how their indicators are
    # (tree: under categories; flat: no categories printed; none: no indicators printed, a listing of goals)
    layouts: frozenset[str] = frozenset({"form", "listing"})
    indicator_layouts: frozenset[str] = frozenset({"tree", "flat", "none"})

    def applies_to(self, document: Document) -> bool:
        """True when the table is printed in a layout this rule checks (a rule about categories says nothing of
        a flat list; one about header fields nothing of a listing, which prints none)."""
        return document.layout in self.layouts and document.indicator_layout in self.indicator_layouts


@dataclass(frozen=True, kw_only=True)
class EngineFinding(Entry):
    """A finding the engine reports itself, not computed from a table (P001, S001): selected, ignored and given a
    severity as a rule is, documented as a rule is."""


def _entry_fields(module: ModuleType) -> dict[str, Any]:
    return {
        "code": module.CODE,
        "name": module.NAME,
        "severity": module.SEVERITY,
        "summary": module.SUMMARY,
        "messages": module.MESSAGES,
        "hints": getattr(module, "HINTS", {}),
        "options": getattr(module, "OPTIONS", {}),
        "guidance": getattr(module, "GUIDANCE", ""),
        "criterion": getattr(module, "CRITERION", None),
        "opinions": tuple(getattr(module, "OPINIONS", ())),
        "labels": getattr(module, "LABELS", {}),
        "doc": inspect.cleandoc(module.__doc__ or ""),
    }


def rule_from_module(module: ModuleType) -> Rule:
    """Build a :class:`Rule` from a rule module: its constants, its ``check`` and its docstring."""
    return Rule(
        **_entry_fields(module),
        check=module.check,
        layouts=frozenset(getattr(module, "LAYOUTS", ("form", "listing"))),
        indicator_layouts=frozenset(getattr(module, "INDICATOR_LAYOUTS", ("tree", "flat", "none"))),
    )


def engine_finding_from_module(module: ModuleType) -> EngineFinding:
    """Build an :class:`EngineFinding` from its module: constants and docstring, no ``check``."""
    return EngineFinding(**_entry_fields(module))
