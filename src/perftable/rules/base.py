"""The rule unit: a code, a kebab-case name, a default severity, documentation with examples, messages in both
languages, and a pure ``check`` over the model that yields :class:`Problem` objects.

The engine, not the rule, stamps the code and the configured severity, renders the message in the user's
language, applies configuration and suppressions, and sorts findings by location. A few codes are the engine's own
findings (P001: a file that could not be read; S001: a suppression that suppressed nothing): they are in the
catalog with their documentation and messages, and have no ``check``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import ModuleType
from typing import Any

from perftable.findings import Severity
from perftable.model import Document, Location
from perftable.rules.facts import Facts
from perftable.rules.profiles import Profile


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
    """What a check may know besides the document: its options, the profile in force, and the facts several rules
    share, worked out once per document (the engine gives every rule of a document the same one)."""

    profile: Profile
    options: Mapping[str, Any]
    facts: Facts

    def option(self, name: str) -> Any:
        return self.options[name]

    def decimal(self, name: str) -> Decimal | None:
        value = self.options.get(name)
        return None if value is None else Decimal(str(value))


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
    options: Mapping[str, Any] = field(default_factory=dict)
    hints: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    guidance: str = ""  # the review criterion or system check the rule comes from
    # the review criterion (完整性, 相关性, 适当性, 可行性) and coded opinions it supports (perftable.rules.criteria);
    # None for rules about reading and suppressions, which a review does not grade
    criterion: str | None = None
    opinions: tuple[str, ...] = ()
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
