"""`cablewire export`: every hit of a query as JSON Lines, CSV or FollowTheMoney entities."""

from __future__ import annotations

import sys

import click

from cablewire.archive import Archive
from cablewire.cli.common import db_option, settings_from, translate_errors
from cablewire.export import FORMATS, export
from cablewire.index.search import SORTS


@click.command("export")
@click.argument("query", default="")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="jsonl: one document's JSON a line; csv: one row a document (id, kind,"
                   " date, classification, origin, title, subject, tags, references,"
                   " entities); ftm: FollowTheMoney entities a line, for Aleph.")
@click.option("--out", "-o", "out", type=click.Path(dir_okay=False, writable=True),
              default="-", show_default=True, help="The file to write ('-': standard output).")
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True)
@translate_errors
def export_command(query: str, db: str | None, fmt: str, out: str, sort: str) -> None:
    """Export every hit of QUERY (the search query language; empty: the whole archive), not
    just a page. The web app's export links give the same bytes.

    \b
    Example:
        cablewire export 'AQIM tag:PTER' --format csv --out aqim.csv
        cablewire export 'year:2009' --format ftm --out cables.ftm.json
        cablewire export kind:article > articles.jsonl
    """
    with Archive.open(settings_from(db=db)) as archive:
        if out == "-":
            count = export(archive, query, fmt, sys.stdout, sort)
        else:
            with open(out, "w", encoding="utf-8", newline="") as handle:
                count = export(archive, query, fmt, handle, sort)
    if out != "-":
        noun = "document" if count == 1 else "documents"
        click.echo(f"{count if count else 'no'} {noun} written to {out}", err=True)
