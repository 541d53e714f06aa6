"""The `cablewire` command: a click group; each stage's commands live in their own module and
stay thin (parse flags, call the library once, translate errors)."""

from __future__ import annotations

import click

from cablewire import __version__
from cablewire.cli.citations import citations_command, most_cited_command
from cablewire.cli.copy import copy_command
from cablewire.cli.entities import (
    enrich_command,
    entities_command,
    quotes_command,
    stages_command,
    timeline_command,
)
from cablewire.cli.entity import entity_command
from cablewire.cli.export import export_command
from cablewire.cli.ingest import ingest_command
from cablewire.cli.link import cast_command, related_command
from cablewire.cli.parse import parse_command
from cablewire.cli.search import (
    errors_command,
    reindex_command,
    search_command,
    show_command,
    stats_command,
)
from cablewire.cli.serve import serve_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cablewire")
def main() -> None:
    """Read diplomatic cables and the news that covers them.

    \b
    Example:
        cablewire parse cable.html --pretty
    """


for command in (parse_command, ingest_command, search_command, show_command, stats_command,
                errors_command, reindex_command, export_command, related_command, cast_command,
                citations_command, most_cited_command, enrich_command, stages_command,
                entities_command, entity_command, timeline_command, quotes_command, serve_command,
                copy_command):
    main.add_command(command)
