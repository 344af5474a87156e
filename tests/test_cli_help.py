"""Every command documents itself (its --help; the README and docs/ are checked by test_docs.py); errors are one line."""
from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from graph.cli import cli


def _commands(group: click.Group, prefix=()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


COMMANDS = list(_commands(cli))


@pytest.mark.parametrize("path, command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_has_help(path, command):
    assert command.help and command.help.strip(), f"actorgraph {' '.join(path)} has no help text"
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0 and "Usage: " in result.output
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"option {param.opts} of actorgraph {' '.join(path)} has no help"


def test_unknown_command_and_bad_option_exit_2():
    assert CliRunner().invoke(cli, ["frobnicate"]).exit_code == 2
    assert CliRunner().invoke(cli, ["validate", "--no-such-option"]).exit_code == 2


def test_an_os_error_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    from .conftest import DATA

    def refuse(path, content):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("graph.atomic.write_atomic", refuse)
    output = tmp_path / "actorgraph.schema.json"
    result = CliRunner().invoke(cli, ["schema", "--data", str(DATA), "-o", str(output)])
    assert result.exit_code == 1 and result.output == f"actorgraph: Permission denied: {output}\n"
