"""What every archive command shares: the --db option, settings, and error translation."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from cablewire.errors import CablewireError
from cablewire.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])

db_option = click.option(
    "--db",
    default=None,
    metavar="FILE|URI",
    help="The archive (a SQLite file, sqlite://PATH, postgresql://USER@HOST/DATABASE or"
         " memory:). Default: ./cablewire.db, or"
         " $CABLEWIRE_DB.",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")


def executor_options(fn: F) -> F:
    """--executor and --address: where the work runs (`Settings.executor`, `ray_address`)."""
    fn = click.option(
        "--address", default=None, metavar="auto|HOST:PORT",
        help="The Ray cluster to join (auto: the one this machine belongs to). Default: Ray"
             " starts on this machine for the run.")(fn)
    return click.option(
        "--executor", type=click.Choice(["local", "ray"]), default=None,
        help="Where the work runs: local processes, or Ray actors (pip install"
             " 'cablewire[ray]'). Default: local, or $CABLEWIRE_EXECUTOR.")(fn)


def settings_from(**flags: Any) -> Settings:
    return Settings.resolve(**flags)


def translate_errors(fn: F) -> F:
    """Run a command, turning library errors into a message and the error's exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except CablewireError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]
