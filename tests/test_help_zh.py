"""Every command's options have Chinese help (issue 14): a new option without an entry in the message table
fails here, and ``--help`` under a Chinese locale shows it."""

from __future__ import annotations

import importlib

import click
import pytest
from click.testing import CliRunner

from perftable.cli import COMMANDS, cli, i18n

ZH = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}


def command(name: str) -> click.Command:
    module, attribute, _ = COMMANDS[name]
    found: click.Command = getattr(importlib.import_module(module), attribute)
    return found


def options(name: str) -> list[click.Option]:
    with click.Context(command(name), info_name=name) as ctx:
        return [param for param in command(name).get_params(ctx) if isinstance(param, click.Option)]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_of_every_command_has_a_chinese_help(name: str) -> None:
    missing = [
        "/".join(option.opts)
        for option in options(name)
        if not option.help or (option.help not in i18n.HELP_ZH and option.help not in i18n.CLICK_ZH)
    ]
    assert missing == []


def test_the_group_options_have_a_chinese_help() -> None:
    with click.Context(cli, info_name="perftable") as ctx:
        texts = [param.help for param in cli.get_params(ctx) if isinstance(param, click.Option)]
    assert texts and all(text in i18n.HELP_ZH or text in i18n.CLICK_ZH for text in texts if text)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_under_a_chinese_locale_shows_every_option_in_chinese(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"], prog_name="perftable", env=ZH)
    assert result.exit_code == 0, result.output
    shown = "".join(result.output.split())  # click wraps long help texts, inside a Chinese word too
    for option in options(name):
        assert option.help
        chinese = i18n.HELP_ZH.get(option.help) or i18n.CLICK_ZH[option.help]
        assert "".join(chinese.split()) in shown, ("/".join(option.opts), chinese)
        english = "".join(option.help.split())
        assert english == chinese or english not in shown


def test_render_help_in_chinese_and_english() -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["render", "--help"], prog_name="perftable", env=ZH)
    [check] = [line.split(None, 1)[1] for line in result.output.splitlines() if line.startswith("  --check ")]
    assert check == "不写任何文件；重新排版会改变文件时以 1 退出。"
    result = runner.invoke(cli, ["render", "--help"], prog_name="perftable", env={"LC_ALL": "C.UTF-8"})
    [check] = [line.split(None, 1)[1] for line in result.output.splitlines() if line.startswith("  --check ")]
    assert check.startswith("Write nothing; exit 1 when rendering")


def test_the_command_list_is_in_chinese() -> None:
    assert [name for name, (_, _, text) in COMMANDS.items() if text not in i18n.HELP_ZH] == []
