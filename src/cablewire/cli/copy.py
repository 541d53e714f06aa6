"""`cablewire copy`: an archive from one store to another (SQLite to PostgreSQL and back)."""

from __future__ import annotations

import json

import click

from cablewire.cli.common import translate_errors


@click.command("copy")
@click.argument("source", metavar="SOURCE")
@click.argument("dest", metavar="DEST")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@translate_errors
def copy_command(source: str, dest: str, as_json: bool) -> None:
    """Copy the archive SOURCE into DEST (each a SQLite file, sqlite://PATH or
    postgresql://USER@HOST/DATABASE): every revision with its original bytes, failed sources
    and stage results. Interrupted, it resumes when run again; the counts of both are compared
    at the end. DEST's search index is built after.

    \b
    Example:
        cablewire copy cablewire.db postgresql://cablewire@db.example.org/cables
    """
    from cablewire.index.searchindex import SearchIndex
    from cablewire.store import open_store
    from cablewire.store.copy import copy_archive

    origin = open_store(source)
    try:
        target = open_store(dest, create=True)
        try:
            report = copy_archive(origin, target)
            SearchIndex.for_store(target).sync(target)
        finally:
            target.close()
    finally:
        origin.close()
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
        return
    c = report.counts
    click.echo(f"copied {c['documents']} documents ({c['revisions']} revisions,"
               f" {c['failed']} failed sources) to {target.uri}: {report.sources} sources"
               f" written now, {report.skipped} already there, {report.results} stage results")
