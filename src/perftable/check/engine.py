"""The engine: runs the selected rules over each table of a file and turns what they find into findings.

The rules only look at the model; the engine stamps code, name and configured severity, renders messages in the
configured language, applies per-file ignores, suppressions and the baseline, reports unused suppressions, and
sorts findings by location so that output order never changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from perftable.check import suppress
from perftable.check.baseline import Baseline
from perftable.check.config import Config, discover, rule_options
from perftable.errors import ReadError
from perftable.extract import require_documents
from perftable.findings import FileReport, Finding, Report, Severity, TableInfo
from perftable.loader import read_file
from perftable.messages import Lang, fill
from perftable.model import Document, Location
from perftable.readers import DEFAULT_OPTIONS, ReadOptions
from perftable.readers.files import iter_files, resolved
from perftable.rules import all_rules, resolve_rule, selects
from perftable.rules.base import Context, Entry, Problem, Rule
from perftable.rules.facts import Facts
from perftable.rules.profiles import PROFILES, Profile, detect, preset
from perftable.runtime import with_gc_tuned


@dataclass(frozen=True)
class ActiveRule:
    rule: Entry  # a rule, or one of the engine's own findings (P001, S001)
    severity: Severity
    # the rule's options under each profile, typed: its defaults, the profile's preset, then the configuration
    options: Mapping[str, Mapping[str, Any]]
    configured: bool = False  # the severity comes from the configuration (it then wins over a variant's)


def active_rules(config: Config, path: str | None = None) -> list[ActiveRule]:
    """The rules that run for a file, with their configured severity and options."""
    ignored = (*config.ignore, *(suppress.per_file_ignored(path, config) if path else ()))
    return _active(config, ignored)


@lru_cache(maxsize=1024)  # keyed by value (Config is hashed by value): bounded however configs arrive
def _active(config: Config, ignored: tuple[str, ...]) -> list[ActiveRule]:
    active: list[ActiveRule] = []
    for rule in all_rules():
        if not any(selects(s, rule) for s in config.select) or any(selects(s, rule) for s in ignored):
            continue
        severity = config.severity.get(rule.code, rule.severity)
        if severity == "off":
            continue
        options, configured = _options(rule, config), rule.code in config.severity
        active.append(ActiveRule(rule, severity, options, configured))  # type: ignore[arg-type]  # "off" filtered
    return active


def _options(rule: Entry, config: Config) -> dict[str, Mapping[str, Any]]:
    """A rule's options under each profile: its defaults, then the profile's preset, then the configuration
    (``tolerance`` at the top for every rule that has the option, then the rule's own table), which wins."""
    given: dict[str, Any] = {}
    if "tolerance" in rule.options and config.tolerance is not None:
        given["tolerance"] = config.tolerance
    given |= config.rule_options.get(rule.code, {})
    typed = rule_options(rule, given, config.source or "<config>", rule.code)  # a Config built in code, too
    return {name: {**preset(profile, rule), **typed} for name, profile in PROFILES.items()}


def render(rule: Entry, variant: str, params: Mapping[str, object], lang: Lang) -> str:
    """A rule's message for a variant (its first when the variant has none), filled in by :func:`messages.fill`."""
    return fill(rule.messages.get(variant, next(iter(rule.messages.values())))[lang], params, lang)


def _finding(active: ActiveRule, problem: Problem, lang: Lang, table: int) -> Finding:
    rule = active.rule
    hint = rule.hints.get(problem.variant)
    return Finding(
        file=problem.location.file,
        code=rule.code,
        name=rule.name,
        severity=problem.severity if problem.severity and not active.configured else active.severity,
        message=render(rule, problem.variant, problem.params, lang),
        location=problem.location,
        hint=hint[lang] if hint else None,
        params={key: str(value) for key, value in problem.params.items()},
        variant=problem.variant,
        table=table,
    )


def profile_for(document: Document, config: Config) -> Profile:
    return PROFILES[config.profile] if config.profile else detect(document)


def check_document(document: Document, config: Config | None = None, table: int = 0) -> list[Finding]:
    """The findings of one table, before suppressions, sorted by location."""
    config = config or Config()
    findings: list[Finding] = []
    profile = profile_for(document, config)
    rules = active_rules(config, document.source.file)
    codes = frozenset(active.rule.code for active in rules)
    facts = Facts(document, codes)  # what several rules need, worked out once for this document
    for active in rules:
        rule = active.rule
        if not isinstance(rule, Rule) or not rule.applies_to(document):
            continue
        context = Context(active.options[profile.name], facts, profile.name)
        try:
            problems = list(rule.check(document, context))
        except Exception as error:  # a bug in one rule must not stop the others, nor a batch of files
            raise InternalError(document.source.file, f"rule {rule.code}: {_describe(error)}") from error
        findings.extend(
            _finding(active, problem, config.lang, table)
            for problem in problems
            if problem.covered_by not in codes  # a rule that runs reports it more precisely
        )
    return sorted(findings, key=Finding.sort_key)


class InternalError(ReadError):
    """A bug in perftable met while checking a file: reported for that file as P001 (exit code 2), not as a
    traceback that would end a batch run."""

    def __init__(self, path: str, reason: str, kind: str = "internal") -> None:
        super().__init__(path, reason, kind)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:300]


def unreadable(error: ReadError, config: Config) -> Finding:
    """The P001 finding for a file that could not be read."""
    rule = resolve_rule("P001")
    severity = config.severity.get("P001", rule.severity)
    variant = error.kind if error.kind in rule.messages else "other"
    return Finding(
        file=error.path,
        code=rule.code,
        name=rule.name,
        severity="error" if severity == "off" else severity,
        message=render(rule, variant, {"reason": error.reason}, config.lang),
        location=Location(file=error.path),
        params={"reason": error.reason, "kind": error.kind},
        variant=variant,
    )


def _unused(suppressions: Iterable[suppress.Suppression], config: Config, path: str) -> list[Finding]:
    codes = {active.rule.code for active in active_rules(config, path)}
    if "S001" not in codes:
        return []
    active = next(a for a in active_rules(config, path) if a.rule.code == "S001")
    found: list[Finding] = []
    for suppression in suppressions:
        stale = sorted((suppression.codes & codes) - suppression.used)
        if stale and suppression.entry is not None:
            params = {"codes": ", ".join(stale), "entry": suppression.entry, "file": path}
            found.append(_finding(active, Problem(suppression.location, params, "config"), config.lang, 0))
        elif stale:
            problem = Problem(suppression.location, {"codes": ", ".join(stale)})
            found.append(_finding(active, problem, config.lang, 0))
    return found


@with_gc_tuned
def check_file(
    path: str | Path,
    config: Config | None = None,
    *,
    options: ReadOptions = DEFAULT_OPTIONS,
    baseline: Baseline | None = None,
    display: str | None = None,
    collect: list[Document] | None = None,
) -> FileReport:
    """Validate every table of a file. A file that cannot be read gives a report with a P001 finding.
    ``display`` names the file in the report when it was read from another place (a copy of a remote file). The
    tables read are appended to ``collect`` when it is given (``perftable review`` renders them; the file is read
    once)."""
    name = display or str(path)
    config = config or discover(resolved(path).parent)
    try:
        read = read_file(path, options, display)
        result = read.extraction
        documents = require_documents(result, name)
        if collect is not None:
            collect.extend(documents)
        findings = [
            finding for index, doc in enumerate(documents) for finding in check_document(doc, config, index)
        ]
    except ReadError as error:
        return FileReport(file=name, error=error.reason, findings=[unreadable(error, config)])
    except Exception as bug:  # a bug in a reader or the extractor: this file fails, the batch goes on
        internal = InternalError(name, _describe(bug))
        return FileReport(file=name, error=internal.reason, findings=[unreadable(internal, config)])
    suppressions = suppress.from_text(name, read.text) if read.text is not None else []
    suppressions += suppress.from_config(name, config)
    findings = suppress.apply(findings, suppressions) + _unused(suppressions, config, name)
    if baseline is None and config.baseline:
        baseline = Baseline.load(config.baseline)
    if baseline is not None:
        findings = baseline.filter(findings)
    return FileReport(
        file=name,
        tables=len(documents),
        table_info=[TableInfo.of(document, index) for index, document in enumerate(documents)],
        skipped=result.skipped,
        findings=sorted(findings, key=Finding.sort_key),
        fail_on=config.fail_on,
    )


@with_gc_tuned
def validate(target: str | Path | Document, config: Config | None = None) -> Report:
    """Validate a file (every table in it), a folder (walked as the CLI walks it: every supported file, README
    and hidden files left out) or a document already loaded; the CLI formats only serialise this."""
    report = Report()
    if isinstance(target, Document):
        config = config or Config()
        findings = check_document(target, config)
        info = [TableInfo.of(target, 0)]
        report.add(
            FileReport(
                file=target.source.file, tables=1, table_info=info, findings=findings, fail_on=config.fail_on
            )
        )
    else:
        for path in iter_files([target]):
            report.add(check_file(path, config))
    return report
