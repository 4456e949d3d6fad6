"""The rule catalog as documentation: listing, one rule explained, profiles. Generated from rule metadata only,
so the docs cannot drift from the code."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from perftable.errors import UsageError
from perftable.messages import Lang
from perftable.rules import all_rules, resolve_rule
from perftable.rules.base import Entry, Option
from perftable.rules.criteria import criterion_name, opinion_text
from perftable.rules.profiles import PROFILES, preset
from perftable.spans import display_width

HEADINGS = {
    "zh": ("代码", "名称", "级别", "审核内容", "说明"),
    "en": ("code", "name", "severity", "criterion", "summary"),
}
CATEGORIES = {
    "B": {"zh": "预算数额", "en": "Budget arithmetic"},
    "I": {"zh": "指标结构与完整性", "en": "Indicator structure and completeness"},
    "U": {"zh": "单位与指标值", "en": "Units and values"},
    "X": {"zh": "交叉核对", "en": "Cross-checks"},
    "M": {"zh": "表头字段", "en": "Header fields"},
    "P": {"zh": "读取", "en": "Reading"},
    "S": {"zh": "抑制", "en": "Suppressions"},
}


def _data(rule: Entry, lang: Lang) -> dict[str, object]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity,
        "summary": rule.summary[lang],
        "options": {name: _option_data(option, lang) for name, option in rule.options.items()},
        "messages": {variant: texts[lang] for variant, texts in rule.messages.items()},
        "doc": rule.doc,
        "guidance": rule.guidance,
        "criterion": rule.criterion,
        "opinions": {opinion: opinion_text(opinion, lang) for opinion in rule.opinions},
    }


def listing(lang: Lang = "zh", fmt: str = "text") -> str:
    rules = all_rules()
    if fmt == "json":
        return json.dumps([_data(rule, lang) for rule in rules], ensure_ascii=False, indent=2) + "\n"
    code_h, name_h, sev_h, crit_h, sum_h = HEADINGS[lang]
    if fmt == "markdown":
        lines = ["# perftable rules", ""]
        for category, names in CATEGORIES.items():
            lines += [
                f"## {names[lang]}",
                "",
                f"| {code_h} | {name_h} | {sev_h} | {crit_h} | {sum_h} |",
                "|---|---|---|---|---|",
            ]
            lines += [
                f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity} | "
                f"{criterion_name(r.criterion, lang)} | {r.summary[lang]} |"
                for r in rules
                if r.category == category
            ]
            lines.append("")
        for rule in rules:
            lines += [f"### {rule.code}", "", explain(rule.code, lang, "text"), ""]
        return "\n".join(lines)
    width = max(len(rule.name) for rule in rules)
    crit_width = max(display_width(criterion_name(rule.criterion, lang)) for rule in rules)
    lines = [
        f"{rule.code}  {rule.name.ljust(width)}  {rule.severity:<7}  "
        f"{_pad(criterion_name(rule.criterion, lang), crit_width)}  {rule.summary[lang]}"
        for rule in rules
    ]
    return "\n".join(lines) + "\n"


def explain(name: str, lang: Lang = "zh", fmt: str = "text") -> str:
    rule = resolve_rule(name)
    if fmt == "json":
        return json.dumps(_data(rule, lang), ensure_ascii=False, indent=2) + "\n"
    options = (
        "".join(f"\n  - {_option_line(name, option, lang)}" for name, option in rule.options.items()) or " -"
    )
    header = f"{rule.code} {rule.name} ({rule.severity}): {rule.summary[lang]}"
    return f"{header}\n\n{rule.doc}\n\nGuidance: {rule.guidance}\n{_review_line(rule, lang)}\nOptions:{options}\n"


# An option's type as JSON names it, for tools.
_JSON_TYPES: dict[object, str] = {
    Decimal: "decimal",
    int: "integer",
    float: "number",
    bool: "boolean",
    str: "string",
    tuple[str, ...]: "array of strings",
}


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    return list(value) if isinstance(value, tuple) else value


def _option_data(option: Option[Any], lang: Lang) -> dict[str, object]:
    data: dict[str, object] = {"type": _JSON_TYPES[option.type], "default": _json_value(option.default)}
    if option.choices:
        data["choices"] = list(option.choices)
    if option.minimum is not None:
        data["minimum"] = str(option.minimum)
    if option.maximum is not None:
        data["maximum"] = str(option.maximum)
    data["doc"] = option.doc[lang]
    return data


def _shown(value: Any, lang: Lang) -> str:
    """A value as the configuration (TOML) writes it; not set: ``none`` (``无``)."""
    if value is None:
        return "无" if lang == "zh" else "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(json.dumps(item, ensure_ascii=False) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def _option_line(name: str, option: Option[Any], lang: Lang) -> str:
    """``tolerance (decimal, default: none, at least 0): how far …`` (in Chinese: ``tolerance（小数，默认：无，…）：…``)."""
    facts = [option.type_name(lang)]
    if lang == "zh":
        facts.append(f"默认：{_shown(option.default, lang)}")
    else:
        facts.append(f"default: {_shown(option.default, lang)}")
    if option.choices:
        facts.append(("可选：" if lang == "zh" else "one of ") + ", ".join(option.choices))
    if option.range_text(lang):
        facts.append(option.range_text(lang))
    if lang == "zh":
        return f"{name}（{'，'.join(facts)}）：{option.doc[lang]}"
    return f"{name} ({', '.join(facts)}): {option.doc[lang]}"


def _review_line(rule: Entry, lang: Lang) -> str:
    """``Review: 完整性 — 指标不够完整；建议增加效益/产出/满意度指标`` (``perftable rules --review`` explains grading)."""
    if rule.criterion is None:
        none = (
            "不参与评级（读取与工具自身的检查）"
            if lang == "zh"
            else "not graded (a check of reading or of the tool)"
        )
        return f"Review: {none}"
    opinions = ("；" if lang == "zh" else "; ").join(opinion_text(opinion, lang) for opinion in rule.opinions)
    return f"Review: {criterion_name(rule.criterion, lang)} — {opinions}"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


_PROFILE_LABELS = {
    "zh": ("必需的一级指标", "产出指标下必需的二级指标", "成本指标作为一级指标", "满意度指标可在效益指标下", "必需的表头字段",
           "部门整体表", "项目表", "是", "否", "可用的名称"),
    "en": ("level-1 required", "产出指标 level-2 required", "成本指标 as level-1", "satisfaction under 效益指标 accepted",
           "header fields required (M001)", "department tables", "project tables", "yes", "no", "accepted labels"),
}  # fmt: skip


def profile_fields(name: str) -> dict[str, tuple[str, ...]]:
    """The header fields M001 requires under a profile, by table kind."""
    options = preset(PROFILES[name], resolve_rule("M001"))
    return {kind: options[f"{kind}_fields"] for kind in ("department", "project")}


def describe_profile(name: str, lang: Lang = "zh", fmt: str = "text") -> str:
    """What a profile requires, as text or JSON (``perftable rules --profile NAME``): the options it presets, as
    the rules read them, and the labels that fill each header field (M001's)."""
    profile = PROFILES.get(name)
    if profile is None:
        raise UsageError(f"unknown profile {name!r} (known: {', '.join(PROFILES)})")
    level1: tuple[str, ...] = preset(profile, resolve_rule("I001"))["categories"]
    level2: tuple[str, ...] = preset(profile, resolve_rule("I002"))["required"]
    alternate: bool = preset(profile, resolve_rule("I005"))["alternate_parents"]
    fields = profile_fields(name)
    labels = resolve_rule("M001").labels
    if fmt == "json":
        data = {
            "name": profile.name,
            "description": profile.description,
            "required_level1": list(level1),
            "required_output_level2": list(level2),
            "cost_as_level1": "成本指标" in level1,
            "alternate_parents": alternate,
            "required_fields": {kind: list(names) for kind, names in fields.items()},
            "field_labels": {field: list(labels[field]) for field in sorted(labels)},
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    words = _PROFILE_LABELS[lang]
    yes, no = words[7], words[8]
    lines = [
        f"{profile.name}: {profile.description}",
        f"  {words[0]}: {'、'.join(level1)}",
        f"  {words[1]}: {'、'.join(level2)}",
        f"  {words[2]}: {yes if '成本指标' in level1 else no}",
        f"  {words[3]}: {yes if alternate else no}",
        f"  {words[4]}:",
        f"    {words[5]}: {'、'.join(fields['department'])}",
        f"    {words[6]}: {'、'.join(fields['project'])}",
    ]
    for field in sorted(labels):
        lines.append(f"  {field} {words[9]}: {'、'.join(labels[field])}")
    return "\n".join(lines) + "\n"
