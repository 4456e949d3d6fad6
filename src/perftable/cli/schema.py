"""``perftable schema``: the JSON Schema of ``perftable parse`` output."""

from __future__ import annotations

import json

import click

from perftable.model import Document


@click.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the documents ``perftable parse`` prints.

    \b
    Example:
      perftable schema > perftable.schema.json
    """
    document = Document.model_json_schema(mode="serialization")
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))
