"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

from msckg.settings import DEFAULT_GRAPH_FILE, Settings


def graph_option(func):
    """``--graph FILE``: the saved graph to read (env ``MSCKG_GRAPH``)."""
    return click.option(
        "--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path),
        envvar="MSCKG_GRAPH", default=DEFAULT_GRAPH_FILE, show_default=True,
        help="Saved graph file to read (env MSCKG_GRAPH).",
    )(func)


def settings(ctx: click.Context) -> Settings:
    """The root group's settings (a default one when a command is invoked on its own)."""
    obj = ctx.find_object(Settings)
    return obj if obj is not None else Settings.from_env()
