"""The rule catalog as documentation: listing, one rule explained, profiles. Generated from rule metadata only,
so the docs cannot drift from the code."""

from __future__ import annotations

import json

from perftable.messages import Lang
from perftable.profiles import PROFILES
from perftable.rules import all_rules, resolve_rule
from perftable.rules.base import Rule

HEADINGS = {"zh": ("代码", "名称", "级别", "说明"), "en": ("code", "name", "severity", "summary")}
CATEGORIES = {
    "B": {"zh": "预算数额", "en": "Budget arithmetic"},
    "I": {"zh": "指标结构与完整性", "en": "Indicator structure and completeness"},
    "U": {"zh": "单位与指标值", "en": "Units and values"},
    "X": {"zh": "交叉核对", "en": "Cross-checks"},
    "M": {"zh": "表头字段", "en": "Header fields"},
    "P": {"zh": "读取", "en": "Reading"},
    "S": {"zh": "抑制", "en": "Suppressions"},
}


def _data(rule: Rule, lang: Lang) -> dict[str, object]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity,
        "summary": rule.summary[lang],
        "options": {key: (list(v) if isinstance(v, tuple) else v) for key, v in rule.options.items()},
        "messages": {variant: texts[lang] for variant, texts in rule.messages.items()},
        "doc": rule.doc,
        "guidance": rule.guidance,
    }


def listing(lang: Lang = "zh", fmt: str = "text") -> str:
    rules = all_rules()
    if fmt == "json":
        return json.dumps([_data(rule, lang) for rule in rules], ensure_ascii=False, indent=2) + "\n"
    code_h, name_h, sev_h, sum_h = HEADINGS[lang]
    if fmt == "markdown":
        lines = ["# perftable rules", ""]
        for category, names in CATEGORIES.items():
            lines += [
                f"## {names[lang]}",
                "",
                f"| {code_h} | {name_h} | {sev_h} | {sum_h} |",
                "|---|---|---|---|",
            ]
            lines += [
                f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity} | {r.summary[lang]} |"
                for r in rules
                if r.category == category
            ]
            lines.append("")
        for rule in rules:
            lines += [f"### {rule.code}", "", explain(rule.code, lang, "text"), ""]
        return "\n".join(lines)
    width = max(len(rule.name) for rule in rules)
    lines = [
        f"{rule.code}  {rule.name.ljust(width)}  {rule.severity:<7}  {rule.summary[lang]}" for rule in rules
    ]
    return "\n".join(lines) + "\n"


def explain(name: str, lang: Lang = "zh", fmt: str = "text") -> str:
    rule = resolve_rule(name)
    if fmt == "json":
        return json.dumps(_data(rule, lang), ensure_ascii=False, indent=2) + "\n"
    options = ", ".join(f"{key} = {value!r}" for key, value in rule.options.items()) or "-"
    header = f"{rule.code} {rule.name} ({rule.severity}): {rule.summary[lang]}"
    return f"{header}\n\n{rule.doc}\n\nGuidance: {rule.guidance}\nOptions: {options}\n"


def describe_profile(name: str, lang: Lang = "zh") -> str:
    from perftable.errors import UsageError

    profile = PROFILES.get(name)
    if profile is None:
        raise UsageError(f"unknown profile {name!r} (known: {', '.join(PROFILES)})")
    lines = [
        f"{profile.name}: {profile.description}",
        f"  level-1 required: {'、'.join(profile.required_level1)}",
        f"  产出指标 level-2 required: {'、'.join(profile.required_output_level2)}",
        f"  成本指标 as level-1: {'yes' if profile.cost_as_level1 else 'no'}",
        f"  satisfaction under 效益指标 accepted: {'yes' if profile.alternate_parents else 'no'}",
    ]
    if profile.required_fields:
        lines.append(f"  header fields required: {'、'.join(profile.required_fields)}")
    return "\n".join(lines) + "\n"
