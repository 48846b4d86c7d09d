"""Progress reporting on stderr: one helper, silent under --quiet, in tests and when stderr is not a terminal."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, TypeVar

import click

T = TypeVar("T")


def wants_progress(silent: bool = False) -> bool:
    """True when a progress bar would help a person: not silenced and stderr is a terminal."""
    return not silent and sys.stderr.isatty()


@contextmanager
def progress(items: Iterable[T], *, label: str, length: int | None = None,
             silent: bool = False) -> Iterator[Iterable[T]]:
    """Iterate ``items`` with a progress bar on stderr when a person is watching."""
    if not wants_progress(silent):
        yield items
        return
    with click.progressbar(items, label=label, length=length, file=sys.stderr,
                           show_pos=True) as bar:
        yield bar


@contextmanager
def progress_counter(total: int, *, label: str, silent: bool = False) -> Iterator[Callable[[int], None]]:
    """A callback ``advance(n)`` that moves a progress bar of ``total`` steps (a no-op when silent)."""
    if not wants_progress(silent):
        yield lambda n: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True) as bar:
        yield bar.update
