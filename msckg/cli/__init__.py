"""The ``msckg`` command line: one root group, one module per verb family.

Commands parse options, call one library function and print its result.
Expected failures (:class:`msckg.errors.MsckgError`) become one line on stderr
and exit code 1; usage errors stay click's (exit code 2).
"""

from __future__ import annotations

import click

from msckg import __version__
from msckg.errors import MsckgError
from msckg.settings import Settings


class MsckgGroup(click.Group):
    """A click group that reports library errors as one clear line, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except MsckgError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=MsckgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="msckg")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars or notes on stderr.")
@click.pass_context
def cli(ctx: click.Context, quiet: bool) -> None:
    """msc-kg: a knowledge graph of mesenchymal stem cell (MSC) therapy built from papers.

    \b
    Build the graph from papers, then look at it:
      msckg build papers/ -o msckg-graph.json
      msckg stats
      msckg show "TGF-beta"
    """
    ctx.obj = Settings.from_env(quiet=quiet)


def _register() -> None:
    from msckg.cli import build, evaluate, export, inspect, neo4j, query

    for module in (build, inspect, neo4j, query, export, evaluate):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="msckg")
