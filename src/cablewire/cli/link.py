"""`cablewire related`: the documents behind a story (or a cable), each with why."""

from __future__ import annotations

import json
import os
import sys

import click

from cablewire.archive import Archive
from cablewire.cli.common import db_option, json_option, settings_from, translate_errors
from cablewire.errors import InputError


@click.command("related")
@click.argument("target", metavar="ID|PATH|-")
@db_option
@click.option("--kind", type=click.Choice(["cable", "article"]), default=None,
              help="Only documents of this kind.")
@click.option("--before", default=None, metavar="DATE", help="Only documents on or before.")
@click.option("--after", default=None, metavar="DATE", help="Only documents on or after.")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 200))
@json_option
@translate_errors
def related_command(target: str, db: str | None, kind: str | None, before: str | None,
                    after: str | None, limit: int, as_json: bool) -> None:
    """The documents behind TARGET, ranked by a blend of shared terms, shared people,
    organisations and places, time and citations, each with its reasons. TARGET is a
    document id in the archive, a file (read, not stored), or - for text on standard input.

    \b
    Example:
        cablewire related story.txt --kind cable
        pbpaste | cablewire related - --json
        cablewire related 09BAMAKO387
    """
    with Archive.open(settings_from(db=db)) as archive:
        if target == "-":
            found = archive.background(sys.stdin.buffer.read(), kind, before, after, limit)
        elif os.path.isfile(target):
            try:
                with open(target, "rb") as handle:
                    data = handle.read()
            except OSError as exc:
                raise InputError(f"{target} cannot be read ({exc.strerror})") from None
            found = archive.background(data, kind, before, after, limit)
        else:
            found = archive.background(target, kind, before, after, limit)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False))
        return
    if not found["hits"]:
        click.echo("Nothing related found.")
        return
    for n, hit in enumerate(found["hits"], 1):
        click.echo(f"{n:>2}. {hit['id']}  {(hit['date'] or '')[:10]}  {hit['title'] or ''}")
        reasons = hit["reasons"]
        why = []
        if "entities" in reasons and reasons["entities"].get("shared"):
            why.append("names " + ", ".join(reasons["entities"]["shared"][:5]))
        if "lexical" in reasons and reasons["lexical"].get("terms"):
            why.append("terms " + ", ".join(reasons["lexical"]["terms"][:5]))
        if "citations" in reasons:
            c = reasons["citations"]
            why.append(f"{c['relation']} {c['via']}")
        if why:
            click.echo("    " + "; ".join(why))
