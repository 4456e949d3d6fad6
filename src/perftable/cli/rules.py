"""``perftable rules``: the rule catalog, generated from the rules' own metadata."""

from __future__ import annotations

import click

from perftable.check.config import discover
from perftable.check.grades import DEFAULT_SCORING
from perftable.cli.catalog import describe_profile, explain, listing
from perftable.review.explain import explain_scoring


@click.command()
@click.argument("rule", required=False)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of the catalog.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="Output format: text, markdown (docs/rules.md) or json (for tools).",
)
@click.option(
    "--profile",
    default=None,
    help="Show what a profile requires (level-1 and level-2 names, header fields); --format json for a tool.",
)
@click.option(
    "--review",
    is_flag=True,
    help="Explain how `perftable review` grades a table (优/良/中/差), with the configured values.",
)
def rules(rule: str | None, lang: str, fmt: str, profile: str | None, review: bool) -> None:
    """List the rules, or explain one (by code or name).

    \b
    Examples:
      perftable rules
      perftable rules B001
      perftable rules expenditure-sum --lang en
      perftable rules --format markdown > docs/rules.md
      perftable rules --review
    """
    if review:
        from pathlib import Path

        scoring = discover(Path.cwd().resolve()).review or DEFAULT_SCORING
        click.echo(explain_scoring(scoring, lang, fmt), nl=False)  # type: ignore[arg-type]  # click.Choice checked it
        return
    if profile is not None:
        click.echo(describe_profile(profile, lang, fmt), nl=False)  # type: ignore[arg-type]  # click.Choice checked it
        return
    click.echo(explain(rule, lang, fmt) if rule else listing(lang, fmt), nl=False)  # type: ignore[arg-type]
