"""The rule catalog as documentation: listing, one rule explained, profiles. Generated from rule metadata only,
so the docs cannot drift from the code."""

from __future__ import annotations

import json

from perftable.messages import Lang
from perftable.rules import all_rules, resolve_rule
from perftable.rules.base import Entry
from perftable.rules.criteria import criterion_name, opinion_text
from perftable.rules.profiles import DEFAULT_FIELDS, PROFILES
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
        "options": {key: (list(v) if isinstance(v, tuple) else v) for key, v in rule.options.items()},
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
    options = ", ".join(f"{key} = {value!r}" for key, value in rule.options.items()) or "-"
    header = f"{rule.code} {rule.name} ({rule.severity}): {rule.summary[lang]}"
    return f"{header}\n\n{rule.doc}\n\nGuidance: {rule.guidance}\n{_review_line(rule, lang)}\nOptions: {options}\n"


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
    """The header fields M001 requires under a profile, by table kind (a profile that names none uses the
    defaults of each kind)."""
    profile = PROFILES[name]
    kinds: dict[str, tuple[str, ...]] = dict(DEFAULT_FIELDS)
    if profile.required_fields:
        kind = "project" if "项目名称" in profile.required_fields else "department"
        kinds[kind] = profile.required_fields
    return kinds


def describe_profile(name: str, lang: Lang = "zh", fmt: str = "text") -> str:
    """What a profile requires, as text or JSON (``perftable rules --profile NAME``)."""
    from perftable.errors import UsageError
    from perftable.rules.m001_missing_field import SYNONYMS

    profile = PROFILES.get(name)
    if profile is None:
        raise UsageError(f"unknown profile {name!r} (known: {', '.join(PROFILES)})")
    fields = profile_fields(name)
    if fmt == "json":
        data = {
            "name": profile.name,
            "description": profile.description,
            "required_level1": list(profile.required_level1),
            "required_output_level2": list(profile.required_output_level2),
            "cost_as_level1": profile.cost_as_level1,
            "alternate_parents": profile.alternate_parents,
            "required_fields": {kind: list(names) for kind, names in fields.items()},
            "field_labels": {field: list(SYNONYMS[field]) for field in sorted(SYNONYMS)},
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    words = _PROFILE_LABELS[lang]
    yes, no = words[7], words[8]
    lines = [
        f"{profile.name}: {profile.description}",
        f"  {words[0]}: {'、'.join(profile.required_level1)}",
        f"  {words[1]}: {'、'.join(profile.required_output_level2)}",
        f"  {words[2]}: {yes if profile.cost_as_level1 else no}",
        f"  {words[3]}: {yes if profile.alternate_parents else no}",
        f"  {words[4]}:",
        f"    {words[5]}: {'、'.join(fields['department'])}",
        f"    {words[6]}: {'、'.join(fields['project'])}",
    ]
    for field in sorted(SYNONYMS):
        lines.append(f"  {field} {words[9]}: {'、'.join(SYNONYMS[field])}")
    return "\n".join(lines) + "\n"
