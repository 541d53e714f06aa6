"""`cablewire parse`: documents to JSON lines."""

from __future__ import annotations

import click

from cablewire.cli.counts import count
from cablewire.cli.output import write_json_line
from cablewire.reading import Failure, parse_paths


@click.command("parse")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--pretty", is_flag=True, help="Indent the JSON for reading.")
def parse_command(paths: tuple[str, ...], pretty: bool) -> None:
    """Parse cables and articles in PATHS (files, folders, .tar.* or .zip archives) and print
    one JSON object per document, one per line.

    A document that cannot be read prints {"error": ..., "source": ...} on its line and the run
    goes on; the exit code is then 1.

    \b
    Example:
        cablewire parse cable.html --pretty
        cablewire parse cablegate-pages.tar.xz > cables.ndjson
    """
    failed = 0
    for result in parse_paths(paths):
        if isinstance(result, Failure):
            failed += 1
        write_json_line(result.to_dict(), pretty=pretty)
    if failed:
        click.echo(f"{count(failed, 'source')} could not be read; see the error lines", err=True)
        raise SystemExit(1)
